// Opaque, deterministic list cursors for the look-alike's paged lists (transfer results, unassigned
// customers, group chats): base64url of `<list>:<position>`. They hold no state (nothing to grow),
// and a cursor that does not decode to this list's tag and a position inside the list is refused
// with 40058, so a forged or mangled cursor never reaches an index.

import { invalidParam } from '../errors.mjs';

/** Longest accepted cursor text (a position has at most 9 digits). */
const MAX_CURSOR_CHARS = 64;

/**
 * The cursor for `position` in the list named `tag`.
 * @param {string} tag Short list name, e.g. `'tr'` (letters only).
 * @param {number} position Index of the next item to answer (a non-negative integer).
 * @returns {string}
 */
export function encodeCursor(tag, position) {
  return Buffer.from(`${tag}:${position}`, 'utf8').toString('base64url');
}

/**
 * The position a request's cursor names: 0 for an absent, null or empty cursor; 40058 for one that
 * is not a string, not of this list, or past `length`.
 * @param {unknown} cursor The request's `cursor` member.
 * @param {string} tag The list's name (as given to {@link encodeCursor}).
 * @param {number} length The list's current length (a cursor may name the end).
 * @returns {number}
 */
export function decodeCursor(cursor, tag, length) {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalidParam('invalid cursor');
  }
  const match = /^([a-z]+):(0|[1-9][0-9]{0,8})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null || match[1] !== tag) throw invalidParam('invalid cursor');
  const position = Number(match[2]);
  if (position > length || encodeCursor(tag, position) !== cursor) throw invalidParam('invalid cursor');
  return position;
}
