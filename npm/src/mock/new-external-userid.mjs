// external_userid upgrade (corp subject → provider subject): get_new_external_userid and its
// group-member variant. Doc: https://developer.work.weixin.qq.com/document/path/95327

import { fakeExternalUserid, isExternalUserid } from './fake-ids.mjs';
import { MAX_CONVERT_IDS, idList, requiredString } from './params.mjs';

/** The shape of the ids this look-alike issues: `wm` + 30 lower-case hex digits. */
const NEW_ID = /^wm[0-9a-f]{30}$/;

/**
 * The new (provider-subject) id of an external_userid; an id of the new shape is already new
 * and stays as it is.
 * @param {string} id
 * @returns {string}
 */
export function newExternalUseridOf(id) {
  return NEW_ID.test(id) ? id : fakeExternalUserid(['new', id]);
}

/** 41035 list missing, 40058 empty, over 1000 or not strings; ids not `wm…`/`wo…` are left out. */
function upgrade(body) {
  const ids = idList(body, 'external_userid_list', MAX_CONVERT_IDS, 41035);
  return { items: ids.filter(isExternalUserid).map((id) => ({ external_userid: id, new_external_userid: newExternalUseridOf(id) })) };
}

/**
 * `POST /cgi-bin/externalcontact/get_new_external_userid {external_userid_list}`.
 * https://developer.work.weixin.qq.com/document/path/95327
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ items: Array<{ external_userid: string, new_external_userid: string }> }}
 */
export function getNewExternalUserid({ body }) {
  return upgrade(body);
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/get_new_external_userid {chat_id, external_userid_list}`
 * — 40058 chat_id missing; the same ids as the plain variant.
 * https://developer.work.weixin.qq.com/document/path/95327
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ items: Array<{ external_userid: string, new_external_userid: string }> }}
 */
export function groupChatGetNewExternalUserid({ body }) {
  requiredString(body, 'chat_id');
  return upgrade(body);
}
