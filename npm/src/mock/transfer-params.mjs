// Reads the members, id lists, texts and numbers of the transfer, group-chat and join-way requests,
// failing with the errcodes WeCom uses (and the world's other endpoints answer): 40003 a missing,
// unknown or (for a takeover) resigned member, 84074 a takeover without 客户联系, 41035
// external_userid missing, 40058 anything malformed or over its limit.

import { ApiError, invalidParam } from './errors.mjs';
import { activeMember, anyMember, requireFollowPermission } from './world/requests.mjs';

export { optionalText } from './world/requests.mjs';

const absent = (v) => v === undefined || v === null || v === '';

/**
 * A member of the world named by `body[name]`, resigned or not: 40003 when missing, not a userid or
 * unknown (as the world's other endpoints answer).
 * @param {Record<string, any>} body
 * @param {string} name e.g. `'handover_userid'`.
 * @param {import('./world/index.mjs').World} world
 * @returns {import('./world/seed-people.mjs').Member}
 */
export function requiredMember(body, name, world) {
  return anyMember(world, body[name], name);
}

/**
 * A member who can take customers or chats over: active (40003 for a missing, unknown or resigned
 * member) and with 客户联系 (customer contact) enabled (84074 otherwise).
 * @param {Record<string, any>} body
 * @param {string} name e.g. `'takeover_userid'`, `'new_owner'`.
 * @param {import('./world/index.mjs').World} world
 * @returns {import('./world/seed-people.mjs').Member}
 */
export function takeoverMember(body, name, world) {
  const member = activeMember(world, body[name], name);
  requireFollowPermission(member);
  return member;
}

/**
 * A list of 1 to `max` strings: `missing` when absent or empty (default 40058), 40058 when not an
 * array of strings or longer than `max`.
 * @param {Record<string, any>} body
 * @param {string} name
 * @param {number} max
 * @param {number} [missing=40058]
 * @returns {string[]}
 */
export function stringList(body, name, max, missing = 40058) {
  const list = body[name];
  if (absent(list) || (Array.isArray(list) && list.length === 0)) {
    throw missing === 40058 ? invalidParam(`${name} is required`) : new ApiError(missing, `${name} is required`);
  }
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) throw invalidParam(`${name} must be an array of strings`);
  if (list.length > max) throw invalidParam(`${name} has more than ${max} items`);
  return list;
}

/**
 * A required non-empty string: `missing` when absent or empty (default 40058), 40058 when not a
 * string.
 * @param {Record<string, any>} body
 * @param {string} name
 * @param {number} [missing=40058]
 * @returns {string}
 */
export function requiredText(body, name, missing = 40058) {
  const value = body[name];
  if (absent(value)) throw missing === 40058 ? invalidParam(`${name} is required`) : new ApiError(missing, `${name} is required`);
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`);
  return value;
}

/**
 * An optional integer in [min, max]: `fallback` when absent, 40058 otherwise when out of range.
 * @param {Record<string, any>} body
 * @param {string} name
 * @param {number} min
 * @param {number} max
 * @param {number | undefined} fallback
 * @returns {number | undefined}
 */
export function optionalInt(body, name, min, max, fallback) {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw invalidParam(`${name} must be an integer from ${min} to ${max}`);
  return value;
}
