// Customers (客户管理) from the world: list, get (follow_user paged past 500), batch/get_by_user,
// remark, and the legacy crm/get_external_contact.
// Docs: https://developer.work.weixin.qq.com/document/path/92113 (list), 92114 (get),
// 92994 (batch/get_by_user), 92115 (remark).

import { createHash } from 'node:crypto';
import { ApiError, invalidParam } from './errors.mjs';
import { decodeCursor, encodeCursor } from './world/cursor.mjs';
import { customerView, followInfoView, followUserView } from './world/views.mjs';
import {
  activeMember, followOf, knownCustomer, optionalText, pageLimit, requireFollowPermission,
} from './world/requests.mjs';

/** `get` answers at most this many followers per page. */
export const FOLLOWERS_PER_PAGE = 500;
/** Most userids one `batch/get_by_user` takes. */
const MAX_BATCH_USERIDS = 100;
/** Most phone numbers a follow keeps (no limit is documented; the look-alike bounds it). */
const MAX_REMARK_MOBILES = 100;

/**
 * `GET /cgi-bin/externalcontact/list?userid=` — a member's customers: 40003 for a missing,
 * unknown or resigned member, 84074 for a member without 客户联系.
 * https://developer.work.weixin.qq.com/document/path/92113
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_userid: string[] }}
 */
export function listCustomers({ query, env }) {
  const member = activeMember(env.world, query.get('userid'));
  requireFollowPermission(member);
  return { external_userid: [...(env.world.byMember.get(member.userid) ?? [])] };
}

/**
 * `GET /cgi-bin/externalcontact/get?external_userid=&cursor=` — a customer and its followers,
 * 500 per page: a customer with more followers answers `next_cursor` (`''` on the last page).
 * 41035 missing, 40096 unknown external_userid, 40058 bad cursor.
 * https://developer.work.weixin.qq.com/document/path/92114
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_contact: object, follow_user: object[], next_cursor?: string }}
 */
export function getCustomer({ query, env }) {
  const { world } = env;
  const customer = knownCustomer(world, query.get('external_userid'));
  const follows = [...(world.follows.get(customer.external_userid)?.values() ?? [])];
  const kind = `get:${customer.external_userid}`;
  const rawCursor = query.get('cursor');
  const start = rawCursor === null || rawCursor === '' ? 0 : decodeCursor(world.cursorKey, kind, rawCursor, 1)[0];
  const page = follows.slice(start, start + FOLLOWERS_PER_PAGE);
  const answer = { external_contact: customerView(customer), follow_user: page.map((f) => followUserView(world, f)) };
  if (follows.length > FOLLOWERS_PER_PAGE) {
    const next = start + FOLLOWERS_PER_PAGE;
    answer.next_cursor = next < follows.length ? encodeCursor(world.cursorKey, kind, [next]) : '';
  }
  return answer;
}

/**
 * `GET /cgi-bin/crm/get_external_contact?external_userid=` — the legacy detail (旧接口): the
 * customer and every follower, no paging. Same errcodes as `get`.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_contact: object, follow_user: object[] }}
 */
export function getExternalContactLegacy({ query, env }) {
  const { world } = env;
  const customer = knownCustomer(world, query.get('external_userid'));
  const follows = [...(world.follows.get(customer.external_userid)?.values() ?? [])];
  return { external_contact: customerView(customer), follow_user: follows.map((f) => followUserView(world, f)) };
}

/** A short digest of a userid list: a cursor is valid only for the list it was made for. */
function listDigest(userids) {
  return createHash('sha256').update(userids.join('\n')).digest('base64url').slice(0, 12);
}

/**
 * `POST /cgi-bin/externalcontact/batch/get_by_user {userid_list, cursor, limit}` — one entry
 * per follow relation of the listed members (members in the list's order, each member's customers
 * in `list`'s order). `limit` defaults to 50, values above 100 are clamped to 100.
 * 40058: userid_list missing, empty, not strings or more than 100; bad limit or cursor.
 * 40003: an unknown or resigned member; 84074: a member without 客户联系.
 * https://developer.work.weixin.qq.com/document/path/92994
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_contact_list: object[], next_cursor: string }}
 */
export function batchGetByUser({ body, env }) {
  const { world } = env;
  const list = body.userid_list;
  if (list === undefined || list === null) throw invalidParam('userid_list is required');
  if (!Array.isArray(list) || !list.every((u) => typeof u === 'string')) throw invalidParam('userid_list must be an array of strings');
  if (list.length === 0) throw invalidParam('userid_list is empty');
  if (list.length > MAX_BATCH_USERIDS) throw invalidParam(`userid_list has more than ${MAX_BATCH_USERIDS} userids`);
  for (const userid of list) requireFollowPermission(activeMember(world, userid, 'userid_list'));
  const limit = pageLimit(body.limit, { fallback: 50, max: 100, clamp: true });
  const kind = `batch/get_by_user:${listDigest(list)}`;
  let [userAt, offset] = [0, 0];
  if (body.cursor !== undefined && body.cursor !== null && body.cursor !== '') {
    [userAt, offset] = decodeCursor(world.cursorKey, kind, body.cursor, 2);
  }
  const items = [];
  while (userAt < list.length && items.length < limit) {
    const userid = list[userAt];
    const customers = world.byMember.get(userid) ?? [];
    while (offset < customers.length && items.length < limit) {
      const externalUserid = customers[offset];
      offset += 1;
      const customer = world.customers.get(externalUserid);
      const follow = world.follows.get(externalUserid)?.get(userid);
      if (!customer || !follow) continue;
      items.push({ external_contact: customerView(customer), follow_info: followInfoView(world, follow) });
    }
    if (offset >= customers.length) {
      userAt += 1;
      offset = 0;
    }
  }
  const more = list.slice(userAt).some((userid, i) => (world.byMember.get(userid)?.length ?? 0) > (i === 0 ? offset : 0));
  return { external_contact_list: items, next_cursor: more ? encodeCursor(world.cursorKey, kind, [userAt, offset]) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/remark` — changes a follow's remark, description, remark_company
 * (WeChat customers only; ignored for WeCom-type ones), remark_mobiles (replaces the list; `[""]`
 * clears it). 40003 member, 41035 / 40096 customer, 84061 not a follower, 40058 when all of
 * remark, description, remark_company, remark_mobiles and remark_pic_mediaid are absent or a
 * value is too long (20, 150, 20 characters).
 * https://developer.work.weixin.qq.com/document/path/92115
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function remarkCustomer({ body, env }) {
  const { world } = env;
  const member = activeMember(world, body.userid);
  const customer = knownCustomer(world, body.external_userid);
  const follow = followOf(world, member.userid, customer.external_userid);
  const remark = optionalText(body, 'remark', 20);
  const description = optionalText(body, 'description', 150);
  const remarkCompany = optionalText(body, 'remark_company', 20);
  const picMediaId = optionalText(body, 'remark_pic_mediaid', 256);
  let mobiles;
  if (body.remark_mobiles !== undefined && body.remark_mobiles !== null) {
    const value = body.remark_mobiles;
    if (!Array.isArray(value) || !value.every((m) => typeof m === 'string' && m.length <= 32)) {
      throw invalidParam('remark_mobiles must be an array of phone numbers');
    }
    if (value.length > MAX_REMARK_MOBILES) throw invalidParam(`remark_mobiles has more than ${MAX_REMARK_MOBILES} numbers`);
    mobiles = value.filter((m) => m !== '');
  }
  if ([remark, description, remarkCompany, picMediaId, mobiles].every((v) => v === undefined)) {
    throw invalidParam('remark, description, remark_company, remark_mobiles and remark_pic_mediaid are all empty');
  }
  if (remark !== undefined) follow.remark = remark;
  if (description !== undefined) follow.description = description;
  if (remarkCompany !== undefined && customer.type === 1) follow.remark_corp_name = remarkCompany;
  if (mobiles !== undefined) follow.remark_mobiles = mobiles;
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/unionid_to_external_userid {unionid, openid, subject_type?}` —
 * the corp's customer with that unionid (a WeChat user of the corp's own mini-program).
 * 40058 unionid / openid missing or not strings, 610014 unionid not starting with `o`,
 * 84061 when no customer has that unionid.
 * https://developer.work.weixin.qq.com/document/path/93274
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ external_userid: string }}
 */
export function unionidToExternalUseridOwn({ body, env }) {
  for (const name of ['unionid', 'openid']) {
    const value = body[name];
    if (value === undefined || value === null || value === '') throw invalidParam(`${name} is required`);
    if (typeof value !== 'string' || value.length > 128) throw invalidParam(`${name} must be a string`);
  }
  if (body.subject_type !== undefined && body.subject_type !== 0 && body.subject_type !== 1) {
    throw invalidParam('subject_type must be 0 or 1');
  }
  if (!body.unionid.startsWith('o')) throw new ApiError(610014);
  const externalUserid = env.world.byUnionid.get(body.unionid);
  if (externalUserid === undefined) throw new ApiError(84061, 'no customer has this unionid');
  return { external_userid: externalUserid };
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const CUSTOMER_HANDLERS = [
  ['externalcontact/list', listCustomers],
  ['externalcontact/get', getCustomer],
  ['crm/get_external_contact', getExternalContactLegacy],
  ['externalcontact/batch/get_by_user', batchGetByUser],
  ['externalcontact/remark', remarkCustomer],
  ['externalcontact/unionid_to_external_userid', unionidToExternalUseridOwn],
];
