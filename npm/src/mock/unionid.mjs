// unionid (+ openid) → customer ids: idconvert/unionid_to_external_userid and the
// upstream/downstream corpgroup/unionid_to_external_userid and corpgroup/unionid_to_pending_id.
// Docs: https://developer.work.weixin.qq.com/document/path/95900 (rules: /97108),
//       https://developer.work.weixin.qq.com/document/path/95818,
//       https://developer.work.weixin.qq.com/document/path/97357

import { ApiError, invalidParam } from './errors.mjs';
import { fakeExternalUserid, fakeId } from './fake-ids.mjs';
import { optionalString, requiredString } from './params.mjs';
import { pendingIdOf } from './pending-id.mjs';

/** unionids starting with this belong to WeChat users who are not customers (yet). */
export const NOT_A_CUSTOMER_PREFIX = 'oNEW';

/** The downstream corps of the look-alike's upstream corp, in answer order. */
export const DOWNSTREAM_CORPS = Object.freeze(['wwdownstream000001', 'wwdownstream000002']);

/**
 * The unionid of a request with an openid: 40058 either missing or not a string, 610014 unionid
 * not starting with `o`, 610018 openid not starting with `o` (not of the unionid's account).
 * @param {Record<string, any>} body
 * @returns {string}
 */
function unionidWithOpenid(body) {
  const unionid = requiredString(body, 'unionid');
  const openid = requiredString(body, 'openid');
  if (!unionid.startsWith('o')) throw new ApiError(610014);
  if (!openid.startsWith('o')) throw new ApiError(610018);
  return unionid;
}

/**
 * `POST /cgi-bin/idconvert/unionid_to_external_userid {unionid, openid, subject_type?}` —
 * 40058 subject_type not 0/1. A customer's answer is `external_userid` (`wm…`, derived from
 * subject_type and unionid); for a unionid starting with `oNEW` it is the `pending_id` that
 * batch/external_userid_to_pending_id later gives for that same external_userid.
 * https://developer.work.weixin.qq.com/document/path/95900
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_userid: string } | { pending_id: string }}
 */
export function unionidToExternalUserid({ body }) {
  const unionid = unionidWithOpenid(body);
  const subject = body.subject_type ?? 0;
  if (subject !== 0 && subject !== 1) throw invalidParam('subject_type must be 0 or 1');
  const externalUserid = fakeExternalUserid([`subject ${subject}`, unionid]);
  if (unionid.startsWith(NOT_A_CUSTOMER_PREFIX)) return { pending_id: pendingIdOf(externalUserid) };
  return { external_userid: externalUserid };
}

/**
 * `POST /cgi-bin/corpgroup/unionid_to_external_userid {unionid, openid, corpid?}` — one item
 * per downstream corp (only `corpid`'s when given; none for an unknown corpid or a unionid
 * starting with `oNEW`); the id differs per downstream corp.
 * https://developer.work.weixin.qq.com/document/path/95818
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_userid_info: Array<{ corpid: string, external_userid: string }> }}
 */
export function corpGroupUnionidToExternalUserid({ body }) {
  const unionid = unionidWithOpenid(body);
  const corpid = optionalString(body, 'corpid');
  const corps = unionid.startsWith(NOT_A_CUSTOMER_PREFIX) ? [] : DOWNSTREAM_CORPS.filter((c) => corpid === undefined || c === corpid);
  return { external_userid_info: corps.map((c) => ({ corpid: c, external_userid: fakeExternalUserid([c, unionid]) })) };
}

/**
 * `POST /cgi-bin/corpgroup/unionid_to_pending_id {unionid, openid}` — a pending_id unique to
 * the shared app (the mock's corp) and the unionid.
 * https://developer.work.weixin.qq.com/document/path/97357
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ pending_id: string }}
 */
export function corpGroupUnionidToPendingId({ body, env }) {
  const unionid = unionidWithOpenid(body);
  return { pending_id: fakeId('p', ['corpgroup', env.corpId, unionid]) };
}
