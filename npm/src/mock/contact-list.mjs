// `contact_list` (获取已服务的外部联系人): every follow relation of the world, paged.
// Doc: https://developer.work.weixin.qq.com/document/path/99434

import { createHash } from 'node:crypto';
import { decodeCursor, encodeCursor } from './world/cursor.mjs';
import { pageLimit } from './world/requests.mjs';

const KIND = 'contact_list';

/** Each world's customers in seed order (no endpoint adds or removes customers), made once. */
const orders = new WeakMap();

/** @returns {string[]} */
function customerOrder(world) {
  let order = orders.get(world);
  if (!order) {
    order = [...world.customers.keys()];
    orders.set(world, order);
  }
  return order;
}

/** The 4-hour temporary id of a served contact: stable per world, customer and member. */
function tmpOpenid(seed, externalUserid, userid) {
  return `o${createHash('sha1').update(`${seed}\n${externalUserid}\n${userid}`).digest('base64url').slice(0, 27)}`;
}

/**
 * `POST /cgi-bin/externalcontact/contact_list {cursor, limit}` — one entry per follow relation
 * (customers in the world's order, each with its followers): `is_customer`, `tmp_openid`,
 * `external_userid`, `follow_userid`, `add_time`. `limit` defaults to 1000 (at most 1000:
 * 40058 above, and for a bad cursor).
 * https://developer.work.weixin.qq.com/document/path/99434
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ info_list: object[], next_cursor: string }}
 */
export function contactList({ body, env }) {
  const { world } = env;
  const limit = pageLimit(body.limit, { fallback: 1000, max: 1000, clamp: false });
  let [customerAt, followAt] = [0, 0];
  if (body.cursor !== undefined && body.cursor !== null && body.cursor !== '') {
    [customerAt, followAt] = decodeCursor(world.cursorKey, KIND, body.cursor, 2);
  }
  const order = customerOrder(world);
  const items = [];
  let next = null;
  for (let index = customerAt; index < order.length && next === null; index += 1) {
    const externalUserid = order[index];
    const relation = world.follows.get(externalUserid);
    if (!relation) continue;
    let f = 0;
    for (const follow of relation.values()) {
      if (index === customerAt && f < followAt) {
        f += 1;
        continue;
      }
      if (items.length === limit) {
        next = [index, f];
        break;
      }
      items.push({
        is_customer: true,
        tmp_openid: tmpOpenid(world.seed, externalUserid, follow.userid),
        external_userid: externalUserid,
        follow_userid: follow.userid,
        add_time: follow.createtime,
      });
      f += 1;
    }
  }
  return { info_list: items, next_cursor: next ? encodeCursor(world.cursorKey, KIND, next) : '' };
}
