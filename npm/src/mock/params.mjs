// Reads the parameters of the id-conversion endpoints — required strings, id lists and
// source_agentid — failing with the errcodes WeCom uses.

import { ApiError, invalidParam } from './errors.mjs';

/** Most ids one conversion call takes (get_new_external_userid, openuserid_to_userid, external_tagid). */
export const MAX_CONVERT_IDS = 1000;

const absent = (v) => v === undefined || v === null;

/** An ApiError with `detail` for the generic 40058, without for the specific codes. */
function fail(errcode, detail) {
  return errcode === 40058 ? invalidParam(detail) : new ApiError(errcode);
}

/**
 * A required non-empty string member.
 * @param {Record<string, any>} body
 * @param {string} name
 * @param {{ missing?: number, invalid?: number }} [codes] errcodes for absent/empty and for not a string (default 40058).
 * @returns {string}
 */
export function requiredString(body, name, { missing = 40058, invalid = 40058 } = {}) {
  const value = body[name];
  if (absent(value) || value === '') throw fail(missing, `${name} is required`);
  if (typeof value !== 'string') throw fail(invalid, `${name} must be a string`);
  return value;
}

/**
 * An optional string member: `undefined` when absent, null or empty; 40058 when not a string.
 * @param {Record<string, any>} body
 * @param {string} name
 * @returns {string | undefined}
 */
export function optionalString(body, name) {
  const value = body[name];
  if (absent(value) || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`);
  return value;
}

/**
 * A list of 1 to `max` strings: `missing` errcode when absent (default 40058); 40058 when not a
 * string array, empty or longer than `max`.
 * @param {Record<string, any>} body
 * @param {string} name
 * @param {number} max
 * @param {number} [missing=40058]
 * @returns {string[]}
 */
export function idList(body, name, max, missing = 40058) {
  const ids = body[name];
  if (absent(ids)) throw fail(missing, `${name} is required`);
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw invalidParam(`${name} must be an array of strings`);
  if (ids.length === 0) throw invalidParam(`${name} is empty`);
  if (ids.length > max) throw invalidParam(`${name} has more than ${max} ids`);
  return ids;
}

/**
 * `source_agentid`: 40058 when absent, 40056 (invalid agentid) when not a positive integer.
 * @param {Record<string, any>} body
 * @returns {number}
 */
export function sourceAgentId(body) {
  const id = body.source_agentid;
  if (absent(id)) throw invalidParam('source_agentid is required');
  if (!Number.isSafeInteger(id) || id < 1) throw new ApiError(40056);
  return id;
}
