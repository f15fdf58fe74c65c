// A WeChat customer's external_userid → the corp's openid: externalcontact/convert_to_openid.
// Doc: https://developer.work.weixin.qq.com/document/path/92323

import { ApiError } from './errors.mjs';
import { fakeId } from './fake-ids.mjs';
import { requiredString } from './params.mjs';

/**
 * `POST /cgi-bin/externalcontact/convert_to_openid {external_userid}` — 41035 missing, 41056
 * a WeCom-type id (`wo…`: no openid), 40096 not a string or not `wm…`. The openid is `o` + 27
 * hex digits derived from the id.
 * https://developer.work.weixin.qq.com/document/path/92323
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ openid: string }}
 */
export function convertToOpenid({ body }) {
  const id = requiredString(body, 'external_userid', { missing: 41035, invalid: 40096 });
  if (id.startsWith('wo')) throw new ApiError(41056);
  if (!id.startsWith('wm')) throw new ApiError(40096);
  return { openid: fakeId('o', ['openid', id], 27) };
}
