// Corp customer-tag ids → the provider's tag ids: idconvert/external_tagid.
// Doc: https://developer.work.weixin.qq.com/document/path/96169

import { fakeId } from './fake-ids.mjs';
import { MAX_CONVERT_IDS, idList } from './params.mjs';

/**
 * `POST /cgi-bin/idconvert/external_tagid {external_tagid_list}` — 40058 list missing, empty,
 * over 1000 or not strings. Tag ids start with `et`; the others are left out of `items`.
 * https://developer.work.weixin.qq.com/document/path/96169
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ items: Array<{ external_tagid: string, open_external_tagid: string }> }}
 */
export function externalTagid({ body }) {
  const ids = idList(body, 'external_tagid_list', MAX_CONVERT_IDS);
  return {
    items: ids.filter((id) => id.startsWith('et')).map((id) => ({ external_tagid: id, open_external_tagid: fakeId('et', ['open', id], 30) })),
  };
}
