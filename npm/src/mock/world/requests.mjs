// Reading the world endpoints' parameters the way WeCom checks them: a missing or unknown member
// (40003), customer (41035 / 40096), a relation that does not exist (84061), bad limits (40058).

import { ApiError, invalidParam } from '../errors.mjs';

const absent = (v) => v === undefined || v === null || v === '';

/** Longest userid WeCom allows. */
const MAX_USERID_LENGTH = 64;
/** Longest external_userid the look-alike looks up (WeCom's are 32 characters). */
const MAX_EXTERNAL_USERID_LENGTH = 128;

/**
 * An active member's userid: 40003 when missing, not a string, unknown or resigned (a resigned
 * member is no longer in the address book).
 * @param {import('./index.mjs').World} world
 * @param {unknown} value
 * @param {string} [name='userid']
 * @returns {import('./seed-people.mjs').Member}
 */
export function activeMember(world, value, name = 'userid') {
  const member = anyMember(world, value, name);
  if (member.status !== 'active') throw new ApiError(40003, `${name} ${member.userid} has resigned`);
  return member;
}

/**
 * A member's userid, resigned or not: 40003 when missing, not a string or unknown.
 * @param {import('./index.mjs').World} world
 * @param {unknown} value
 * @param {string} [name='userid']
 * @returns {import('./seed-people.mjs').Member}
 */
export function anyMember(world, value, name = 'userid') {
  if (absent(value)) throw new ApiError(40003, `${name} is required`);
  if (typeof value !== 'string' || value.length > MAX_USERID_LENGTH) throw new ApiError(40003, `${name} must be a userid`);
  const member = world.members.get(value);
  if (!member) throw new ApiError(40003, `no member ${value}`);
  return member;
}

/**
 * A customer's external_userid: 41035 when missing, 40096 when not a string or unknown.
 * @param {import('./index.mjs').World} world
 * @param {unknown} value
 * @returns {import('./seed-customers.mjs').Customer}
 */
export function knownCustomer(world, value) {
  if (absent(value)) throw new ApiError(41035);
  if (typeof value !== 'string' || value.length > MAX_EXTERNAL_USERID_LENGTH) throw new ApiError(40096);
  const customer = world.customers.get(value);
  if (!customer) throw new ApiError(40096);
  return customer;
}

/**
 * The follow relation of member and customer: 84061 when the member does not follow the customer.
 * @param {import('./index.mjs').World} world
 * @param {string} userid
 * @param {string} externalUserid
 * @returns {import('./seed-customers.mjs').Follow}
 */
export function followOf(world, userid, externalUserid) {
  const follow = world.follows.get(externalUserid)?.get(userid);
  if (!follow) throw new ApiError(84061, `${userid} does not follow this customer`);
  return follow;
}

/**
 * A member with 客户联系: 84074 otherwise.
 * @param {import('./seed-people.mjs').Member} member
 */
export function requireFollowPermission(member) {
  if (!member.follow) throw new ApiError(84074, `${member.userid} has no customer contact permission`);
}

/**
 * A page size: `fallback` when absent or 0; 40058 when not a non-negative integer; values above
 * `max` are clamped (`clamp`) or refused (40058).
 * @param {unknown} value
 * @param {{ fallback: number, max: number, clamp: boolean, name?: string }} rule
 * @returns {number}
 */
export function pageLimit(value, { fallback, max, clamp, name = 'limit' }) {
  if (value === undefined || value === null || value === 0) return fallback;
  if (!Number.isSafeInteger(value) || /** @type {number} */ (value) < 0) throw invalidParam(`${name} must be a non-negative integer`);
  if (/** @type {number} */ (value) > max) {
    if (clamp) return max;
    throw invalidParam(`${name} exceeds ${max}`);
  }
  return /** @type {number} */ (value);
}

/**
 * An optional list of strings of at most `max` entries: `[]` when absent; 40058 otherwise.
 * @param {Record<string, unknown>} body
 * @param {string} name
 * @param {number} max
 * @returns {string[]}
 */
export function optionalStringList(body, name, max) {
  const value = body[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw invalidParam(`${name} must be an array of strings`);
  if (value.length > max) throw invalidParam(`${name} has more than ${max} entries`);
  return value;
}

/**
 * An optional text of at most `max` characters (code points): undefined when absent.
 * @param {Record<string, unknown>} body
 * @param {string} name
 * @param {number} max
 * @returns {string | undefined}
 */
export function optionalText(body, name, max) {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`);
  if (value.length > 2 * max || [...value].length > max) throw invalidParam(`${name} is longer than ${max} characters`);
  return value;
}
