// Opaque list cursors: a position (small non-negative integers) and the list it belongs to,
// signed with a key derived from the seed. The same request always gets the same cursor; a
// cursor that was not made by this world for this list is refused (40058), never trusted.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalidParam } from '../errors.mjs';

/** Longest cursor accepted (ours are far shorter). */
const MAX_CURSOR_LENGTH = 256;
const MAC_LENGTH = 16;

/** The signing key of a world made from `seed`. */
export function cursorKey(seed) {
  return `wecom-mock-cursor-${seed}`;
}

function mac(key, payload) {
  return createHmac('sha256', key).update(payload).digest('base64url').slice(0, MAC_LENGTH);
}

/**
 * A cursor for `kind` (a list name, e.g. `'batch/get_by_user'`) at `position`.
 * @param {string} key From {@link cursorKey}.
 * @param {string} kind
 * @param {number[]} position Non-negative safe integers.
 * @returns {string}
 */
export function encodeCursor(key, kind, position) {
  const payload = Buffer.from(JSON.stringify([kind, ...position])).toString('base64url');
  return payload + mac(key, payload);
}

/**
 * The position a cursor holds: 40058 when it is not a string, not ours, for another list or of
 * another length.
 * @param {string} key
 * @param {string} kind
 * @param {unknown} cursor
 * @param {number} length How many numbers the position has.
 * @returns {number[]}
 */
export function decodeCursor(key, kind, cursor, length) {
  if (typeof cursor !== 'string' || cursor.length <= MAC_LENGTH || cursor.length > MAX_CURSOR_LENGTH) {
    throw invalidParam('invalid cursor');
  }
  const payload = cursor.slice(0, -MAC_LENGTH);
  const given = Buffer.from(cursor.slice(-MAC_LENGTH));
  const expected = Buffer.from(mac(key, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidParam('invalid cursor');
  let parsed;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidParam('invalid cursor');
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== length + 1) throw invalidParam('invalid cursor');
  const position = parsed.slice(1);
  if (!position.every((n) => Number.isSafeInteger(n) && n >= 0)) throw invalidParam('invalid cursor');
  return position;
}
