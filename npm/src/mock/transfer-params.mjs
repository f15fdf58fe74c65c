// Reads the members, id lists and texts of the transfer, group-chat and join-way requests,
// failing with the errcodes WeCom uses: 41009 userid missing, 40003 unknown userid, 41035
// external_userid missing, 40058 anything malformed or over its limit.

import { ApiError, invalidParam } from './errors.mjs';

const absent = (v) => v === undefined || v === null || v === '';

/**
 * A required member of the world named by `body[name]`: 41009 when absent or empty, 40003 when not
 * a string or not a member.
 * @param {Record<string, any>} body
 * @param {string} name e.g. `'handover_userid'`.
 * @param {import('./world/transfers.mjs').TransferWorld} world
 * @returns {{ userid: string, name: string, status: 'active' | 'resigned', dimission_time?: number, follow: boolean }}
 */
export function requiredMember(body, name, world) {
  const userid = body[name];
  if (absent(userid)) throw new ApiError(41009, `${name} is required`);
  const member = typeof userid === 'string' ? world.members.get(userid) : undefined;
  if (member === undefined) throw new ApiError(40003, `${name} is not a member`);
  return member;
}

/**
 * A member who can take customers or chats over: active and with 客户联系 (customer contact)
 * enabled — 40003 for a resigned member, 84074 for one without 客户联系.
 * @param {Record<string, any>} body
 * @param {string} name e.g. `'takeover_userid'`, `'new_owner'`.
 * @param {import('./world/transfers.mjs').TransferWorld} world
 * @returns {{ userid: string, name: string, status: 'active' | 'resigned', follow: boolean }}
 */
export function takeoverMember(body, name, world) {
  const member = requiredMember(body, name, world);
  if (member.status !== 'active') throw new ApiError(40003, `${name} has resigned`);
  if (!member.follow) throw new ApiError(84074, `${name} has no customer contact (客户联系) permission`);
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
 * An optional string of at most `max` characters (Unicode code points): undefined when absent,
 * 40058 when not a string or longer.
 * @param {Record<string, any>} body
 * @param {string} name
 * @param {number} max
 * @returns {string | undefined}
 */
export function optionalText(body, name, max) {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`);
  if (charCount(value) > max) throw invalidParam(`${name} exceeds ${max} characters`);
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

/**
 * The number of Unicode code points of `text`, counting no further than 100 000 (enough for every limit here).
 * @param {string} text
 * @returns {number}
 */
export function charCount(text) {
  let n = 0;
  for (const _ of text) {
    n += 1;
    if (n > 100_000) break;
  }
  return n;
}
