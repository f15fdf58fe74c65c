// external_userid → pending_id conversion, served under both the corpgroup
// and the idconvert paths.
// Docs: https://developer.work.weixin.qq.com/document/path/97357 (corpgroup),
//       https://developer.work.weixin.qq.com/document/path/95900 and /97108 (idconvert)

import { fakeId, isExternalUserid } from './fake-ids.mjs';
import { idList, optionalString } from './params.mjs';

/** Most ids accepted per call. */
const MAX_IDS = 100;

/**
 * The deterministic mock pending_id of an external_userid: `'p' + sha1(id)[0..16]`.
 * @param {string} externalUserId
 * @returns {string}
 */
export function pendingIdOf(externalUserId) {
  return fakeId('p', [externalUserId]);
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
  const ids = idList(body, 'external_userid', MAX_IDS, 41035);
  optionalString(body, 'chat_id');
  const result = ids
    .filter(isExternalUserid)
    .map((id) => ({ external_userid: id, pending_id: pendingIdOf(id) }));
  return { result };
}
