// external_userid → pending_id conversion, served under both the corpgroup
// and the idconvert paths.
// Docs: https://developer.work.weixin.qq.com/document/path/97357 (corpgroup),
//       https://developer.work.weixin.qq.com/document/path/95900 and /97108 (idconvert)

import { createHash } from 'node:crypto';
import { ApiError, invalidParam } from './errors.mjs';

/** Most ids accepted per call. */
const MAX_IDS = 100;

/**
 * The deterministic mock pending_id of an external_userid: `'p' + sha1(id)[0..16]`.
 * @param {string} externalUserId
 * @returns {string}
 */
export function pendingIdOf(externalUserId) {
  return `p${createHash('sha1').update(externalUserId).digest('hex').slice(0, 16)}`;
}

/**
 * `POST /cgi-bin/{corpgroup,idconvert}/batch/external_userid_to_pending_id
 * {external_userid: string[], chat_id?}` — 41035 list missing, 40058 empty,
 * not a string array or more than 100 ids. Only ids starting with `wm` or
 * `wo` are converted; the others are left out of `result`.
 * https://developer.work.weixin.qq.com/document/path/97357
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ result: Array<{ external_userid: string, pending_id: string }> }}
 */
export function externalUserIdToPendingId({ body }) {
  const ids = body.external_userid;
  if (ids === undefined || ids === null) throw new ApiError(41035);
  if (!Array.isArray(ids)) throw invalidParam('external_userid must be an array of strings');
  if (ids.length === 0) throw invalidParam('external_userid is empty');
  if (ids.length > MAX_IDS) throw invalidParam(`external_userid has more than ${MAX_IDS} ids`);
  if (!ids.every((id) => typeof id === 'string')) throw invalidParam('external_userid must be an array of strings');
  if (body.chat_id !== undefined && body.chat_id !== null && typeof body.chat_id !== 'string') {
    throw invalidParam('chat_id must be a string');
  }
  const result = ids
    .filter((id) => id.startsWith('wm') || id.startsWith('wo'))
    .map((id) => ({ external_userid: id, pending_id: pendingIdOf(id) }));
  return { result };
}
