// Ids a third-party or 代开发 app got, converted for the corp's self-built app:
// externalcontact/from_service_external_userid and batch/openuserid_to_userid.
// Doc: https://developer.work.weixin.qq.com/document/path/95884

import { ApiError } from './errors.mjs';
import { fakeExternalUserid, fakeId, isExternalUserid } from './fake-ids.mjs';
import { MAX_CONVERT_IDS, idList, requiredString, sourceAgentId } from './params.mjs';

/**
 * `POST /cgi-bin/externalcontact/from_service_external_userid {external_userid, source_agentid}`
 * — 41035 external_userid missing, 40096 not a string or not `wm…`/`wo…`, 40058 source_agentid
 * missing, 40056 not a positive integer. The corp-subject id is derived from the given one.
 * https://developer.work.weixin.qq.com/document/path/95884
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_userid: string }}
 */
export function fromServiceExternalUserid({ body }) {
  const id = requiredString(body, 'external_userid', { missing: 41035, invalid: 40096 });
  sourceAgentId(body);
  if (!isExternalUserid(id)) throw new ApiError(40096);
  return { external_userid: fakeExternalUserid(['corp', id]) };
}

/**
 * `POST /cgi-bin/batch/openuserid_to_userid {open_userid_list, source_agentid}` — 40058 list
 * missing, empty, over 1000 or not strings, source_agentid as above. open_userids starting with
 * `wo` become userids (`u` + 12 hex digits); the others are listed in invalid_open_userid_list.
 * https://developer.work.weixin.qq.com/document/path/95884
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ userid_list: Array<{ open_userid: string, userid: string }>, invalid_open_userid_list: string[] }}
 */
export function openuseridToUserid({ body }) {
  const ids = idList(body, 'open_userid_list', MAX_CONVERT_IDS);
  sourceAgentId(body);
  const known = (id) => id.startsWith('wo');
  return {
    userid_list: ids.filter(known).map((id) => ({ open_userid: id, userid: fakeId('u', ['userid', id], 12) })),
    invalid_open_userid_list: ids.filter((id) => !known(id)),
  };
}
