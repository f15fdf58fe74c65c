// Deterministic fake ids: the same input always gives the same id, so tests can predict every
// answer of the id-conversion endpoints.

import { createHash } from 'node:crypto';

/**
 * `prefix` followed by the first `length` hex digits of sha1 over `parts` joined by newlines.
 * @param {string} prefix
 * @param {string[]} parts
 * @param {number} [length=16]
 * @returns {string}
 */
export function fakeId(prefix, parts, length = 16) {
  return prefix + createHash('sha1').update(parts.join('\n')).digest('hex').slice(0, length);
}

/**
 * A made-up customer external_userid (32 characters like WeCom's: `wm` + 30 hex digits).
 * @param {string[]} parts What the id belongs to (who asks, whom it names).
 * @returns {string}
 */
export function fakeExternalUserid(parts) {
  return fakeId('wm', parts, 30);
}

/**
 * Whether the look-alike treats `id` as a customer's external_userid: WeChat-type ids start
 * with `wm`, WeCom-type ones with `wo`.
 * @param {string} id
 * @returns {boolean}
 */
export function isExternalUserid(id) {
  return id.startsWith('wm') || id.startsWith('wo');
}
