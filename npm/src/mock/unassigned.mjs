// Endpoint handler for `get_unassigned_list` (获取待分配的离职成员列表): the customers that resigned
// members still follow, resigned members in the world's member order, each member's customers in
// the world's order. Two ways to page, as WeCom: page numbers (`page_id` × `page_size`, only while
// the product stays under 50 000) or a cursor (`next_cursor`, "" when done).
// Doc: https://developer.work.weixin.qq.com/document/path/92124

import { invalidParam } from './errors.mjs';
import { listCursor, listPosition } from './world/position-cursor.mjs';

/** Default and largest `page_size` (「默认为1000，最大值为1000」); larger values are clamped. */
export const UNASSIGNED_PAGE_SIZE = 1000;
/** `page_id` × `page_size` must stay under this; past it only the cursor pages. */
export const PAGE_ID_LIMIT = 50_000;

const given = (v) => v !== undefined && v !== null && v !== '';

/** `page_size`: default 1000 when absent or 0, clamped to 1000, 40058 when not a non-negative integer. */
function pageSize(body) {
  const size = body.page_size;
  if (size === undefined || size === null || size === 0) return UNASSIGNED_PAGE_SIZE;
  if (!Number.isSafeInteger(size) || size < 0) throw invalidParam('page_size must be a positive integer');
  return Math.min(size, UNASSIGNED_PAGE_SIZE);
}

/**
 * The resigned members with their customers, in the world's order.
 * @param {import('./world/transfers.mjs').TransferWorld} world
 * @returns {{ owners: Array<{ userid: string, dimission_time: number, customers: readonly string[] }>, total: number }}
 */
function resignedOwners(world) {
  const owners = [];
  let total = 0;
  for (const member of world.members.values()) {
    if (member.status !== 'resigned') continue;
    const customers = world.byMember.get(member.userid) ?? [];
    owners.push({ userid: member.userid, dimission_time: member.dimission_time ?? 0, customers });
    total += customers.length;
  }
  return { owners, total };
}

/** Up to `count` entries from position `from` of the owners' concatenated customers. */
function slice(owners, from, count) {
  const info = [];
  let skip = from;
  for (const owner of owners) {
    if (info.length === count) break;
    if (skip >= owner.customers.length) {
      skip -= owner.customers.length;
      continue;
    }
    for (let i = skip; i < owner.customers.length && info.length < count; i += 1) {
      info.push({ handover_userid: owner.userid, external_userid: owner.customers[i], dimission_time: owner.dimission_time });
    }
    skip = 0;
  }
  return info;
}

/**
 * `POST /cgi-bin/externalcontact/get_unassigned_list` — resigned members' customers waiting to be
 * assigned (a customer stays listed until its transfer completes). Cursor mode when the request has
 * no `page_id` or a non-empty `cursor`: answers `next_cursor` ("" on the last page). Page mode
 * otherwise: page `page_id` (from 0) of `page_size`, no `next_cursor`; 40058 when
 * `page_id × page_size` ≥ 50 000, `page_id` is not a non-negative integer, or the cursor is not one
 * this endpoint gave. `is_last` in both modes.
 * https://developer.work.weixin.qq.com/document/path/92124
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ info: Array<{ handover_userid: string, external_userid: string, dimission_time: number }>, is_last: boolean, next_cursor?: string }}
 */
export function getUnassignedList({ body, env }) {
  const size = pageSize(body);
  const byCursor = !given(body.page_id) || given(body.cursor);
  const world = env.world;
  const { owners, total } = resignedOwners(world);
  let from;
  if (byCursor) {
    from = listPosition(world, 'get_unassigned_list', body.cursor, total);
  } else {
    const page = body.page_id;
    if (!Number.isSafeInteger(page) || page < 0) throw invalidParam('page_id must be a non-negative integer');
    if (page * size >= PAGE_ID_LIMIT) {
      throw invalidParam(`page_id * page_size must be less than ${PAGE_ID_LIMIT}: page by cursor instead`);
    }
    from = page * size;
  }
  const info = slice(owners, from, size);
  const next = Math.min(total, from + info.length);
  const answer = { info, is_last: next >= total };
  if (byCursor) answer.next_cursor = next >= total ? '' : listCursor(world, 'get_unassigned_list', next);
  return answer;
}
