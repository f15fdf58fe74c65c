// Cursors of the look-alike's flat lists (transfer results, unassigned customers, group chats): one
// position in the list, signed by the world (cursor.mjs), so the same request always gets the same
// cursor and a forged, mangled or foreign one is refused with 40058 before it names an index.

import { invalidParam } from '../errors.mjs';
import { decodeCursor, encodeCursor } from './cursor.mjs';

/**
 * The cursor for `position` in the list `kind` of `world`.
 * @param {{ cursorKey: string }} world
 * @param {string} kind The list's name, e.g. `'groupchat/list'`.
 * @param {number} position Index of the next item to answer (a non-negative integer).
 * @returns {string}
 */
export function listCursor(world, kind, position) {
  return encodeCursor(world.cursorKey, kind, [position]);
}

/**
 * The position a request's cursor names: 0 for an absent, null or empty cursor; 40058 for one that
 * this world did not make for `kind`, or that lies past the list's current `length`.
 * @param {{ cursorKey: string }} world
 * @param {string} kind
 * @param {unknown} cursor The request's `cursor` member.
 * @param {number} length The list's current length (a cursor may name its end).
 * @returns {number}
 */
export function listPosition(world, kind, cursor, length) {
  if (cursor === undefined || cursor === null || cursor === '') return 0;
  const [position] = decodeCursor(world.cursorKey, kind, cursor, 1);
  if (position > length) throw invalidParam('invalid cursor');
  return position;
}
