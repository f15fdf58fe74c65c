// Endpoint handlers for customer group chats (客户群): `groupchat/list`, `groupchat/get`,
// `opengid_to_chatid`, and the owner changes `groupchat/onjob_transfer` (at once) and
// `groupchat/transfer` (a resigned owner's chat: 离职继承中 for 24 hours, then 离职继承完成).
// Docs: https://developer.work.weixin.qq.com/document/path/92120 (list), 92122 (get),
// https://developer.work.weixin.qq.com/document/path/94822 (opengid),
// https://developer.work.weixin.qq.com/document/path/95703 (on-job), 92127 (resigned).

import { ApiError, ERRMSG, invalidParam } from './errors.mjs';
import { optionalInt, requiredText, stringList, takeoverMember } from './transfer-params.mjs';
import { changeOwner } from './world/transfer-effects.mjs';
import { listCursor, listPosition } from './world/position-cursor.mjs';

/** Largest `limit` of groupchat/list (「取值范围 1 ~ 1000」). */
export const GROUPCHAT_LIST_LIMIT = 1000;
/** Most owners in `owner_filter.userid_list` (「最多100个」). */
export const OWNER_FILTER_MAX = 100;
/** Without `owner_filter`, a corp with more members than this gets 81017. */
export const VISIBLE_MEMBERS_LIMIT = 1000;
/** Most chats per transfer call (「取值范围： 1 ~ 100」). */
export const MAX_TRANSFER_CHATS = 100;

/** @type {WeakMap<Map<string, object>, string[]>} */
const chatOrders = new WeakMap();

/**
 * The chats' ids in the world's order (what groupchat/list's cursor counts in), rebuilt when
 * chats were added or removed (chats are never re-keyed).
 * @param {import('./world/transfers.mjs').TransferWorld} world
 * @returns {string[]}
 */
function chatOrder(world) {
  const chats = world.groupChats;
  let ids = chatOrders.get(chats);
  if (ids === undefined || ids.length !== chats.size) {
    ids = [...chats.keys()];
    chatOrders.set(chats, ids);
  }
  return ids;
}

/** `owner_filter.userid_list` as a Set, or undefined when there is no filter. */
function ownerFilter(body) {
  const filter = body.owner_filter;
  if (filter === undefined || filter === null) return undefined;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalidParam('owner_filter must be an object');
  if (filter.userid_list === undefined || filter.userid_list === null) return undefined;
  return new Set(stringList(filter, 'userid_list', OWNER_FILTER_MAX));
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/list` — the chats in the world's order, `limit` (required,
 * 1–1000) at a time, filtered by `status_filter` (0 all, 1 owner resigned, 2 in transfer, 3
 * transferred) and `owner_filter.userid_list` (≤ 100; unknown userids match nothing). 40058 for a
 * missing or bad `limit`, a bad filter or cursor; 81017 without `owner_filter` when the corp has
 * more than 1000 members (the app's visible range is everyone).
 * https://developer.work.weixin.qq.com/document/path/92120
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ group_chat_list: Array<{ chat_id: string, status: number }>, next_cursor: string }}
 */
export function groupChatList({ body, env }) {
  const world = env.world;
  if (body.limit === undefined || body.limit === null) throw invalidParam('limit is required');
  const limit = optionalInt(body, 'limit', 1, GROUPCHAT_LIST_LIMIT, undefined);
  const status = optionalInt(body, 'status_filter', 0, 3, 0);
  const owners = ownerFilter(body);
  if (owners === undefined && world.members.size > VISIBLE_MEMBERS_LIMIT) {
    throw new ApiError(81017, `more than ${VISIBLE_MEMBERS_LIMIT} members visible: set owner_filter`);
  }
  const ids = chatOrder(world);
  let at = listPosition(world, 'groupchat/list', body.cursor, ids.length);
  const list = [];
  while (at < ids.length && list.length < limit) {
    const chat = world.groupChats.get(ids[at]);
    at += 1;
    if (chat === undefined) continue;
    if (status !== 0 && chat.status !== status) continue;
    if (owners !== undefined && !owners.has(chat.owner)) continue;
    list.push({ chat_id: chat.chat_id, status: chat.status });
  }
  return { group_chat_list: list, next_cursor: at < ids.length ? listCursor(world, 'groupchat/list', at) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/get` — one chat's details; members' `name` only with
 * `need_name: 1`. 40058 when `chat_id` is missing or `need_name` not 0/1, 40050 for an unknown chat.
 * https://developer.work.weixin.qq.com/document/path/92122
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ group_chat: object }}
 */
export function groupChatGet({ body, env }) {
  const id = requiredText(body, 'chat_id');
  const needName = optionalInt(body, 'need_name', 0, 1, 0) === 1;
  const chat = env.world.groupChats.get(id);
  if (chat === undefined) throw new ApiError(40050);
  const memberList = chat.member_list.map((m) => {
    const out = { userid: m.userid, type: m.type };
    if (m.unionid !== undefined) out.unionid = m.unionid;
    out.join_time = m.join_time;
    out.join_scene = m.join_scene;
    if (m.invitor !== undefined) out.invitor = { userid: m.invitor.userid };
    out.group_nickname = m.group_nickname;
    if (needName) out.name = m.name;
    if (m.state !== undefined) out.state = m.state;
    return out;
  });
  return {
    group_chat: {
      chat_id: chat.chat_id,
      name: chat.name,
      owner: chat.owner,
      create_time: chat.create_time,
      notice: chat.notice,
      member_list: memberList,
      admin_list: chat.admin_list.map((a) => ({ userid: a.userid })),
      member_version: chat.member_version,
    },
  };
}

/**
 * `POST /cgi-bin/externalcontact/opengid_to_chatid` — the chat whose mini-program group id is
 * `opengid`: 40058 when missing, 90511 when no chat has it.
 * https://developer.work.weixin.qq.com/document/path/94822
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ chat_id: string }}
 */
export function opengidToChatid({ body, env }) {
  const opengid = requiredText(body, 'opengid');
  const chatId = env.world.byOpengid.get(opengid);
  if (chatId === undefined) throw new ApiError(90511);
  return { chat_id: chatId };
}

/**
 * Why one chat cannot change owner now (0: it can).
 * Resigned: 90501 unknown, 90507 in transfer, 90508 already transferred, 90500 owner not resigned.
 * On-job: 90501 unknown, 90507 in transfer, 90502 owner resigned, 90504 already the owner,
 * 40128 two on-job transfers in the last 90 days. Both: 45009 when the owner already handed over
 * 300 chats today.
 */
function chatRefusal(world, kind, chat, newOwner, now) {
  if (chat === undefined) return 90501;
  const book = world.transfers;
  if (book.chatInTransfer(chat.chat_id)) return 90507;
  const owner = world.members.get(chat.owner);
  const resigned = owner !== undefined && owner.status === 'resigned';
  if (kind === 'resigned' && !resigned) return chat.status === 3 ? 90508 : 90500;
  if (kind === 'onjob' && resigned) return 90502;
  if (chat.owner === newOwner.userid) return 90504;
  if (kind === 'onjob' && book.chatTooFrequent(chat.chat_id, now)) return 40128;
  if (book.ownerDayFull(chat.owner, now)) return 45009;
  return 0;
}

/** Checks the request and hands every chat that can change owner to `new_owner`. */
function transferChats(body, world, kind) {
  const ids = stringList(body, 'chat_id_list', MAX_TRANSFER_CHATS);
  const newOwner = takeoverMember(body, 'new_owner', world);
  const now = world.clock.nowSeconds();
  const failed = [];
  for (const id of ids) {
    const chat = world.groupChats.get(id);
    let errcode = chatRefusal(world, kind, chat, newOwner, now);
    if (errcode === 0 && !world.transfers.startChat(kind, id, chat.owner, newOwner.userid, now)) errcode = 40058;
    if (errcode !== 0) {
      failed.push({ chat_id: id, errcode, errmsg: ERRMSG[errcode] });
    } else if (kind === 'resigned') {
      chat.status = 2;
    } else {
      changeOwner(world, chat, newOwner.userid, now);
    }
  }
  return { failed_chat_list: failed };
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/onjob_transfer` — an active owner's chats get
 * `new_owner` at once. Per chat, in `failed_chat_list`: see the on-job codes of the refusal rules
 * (90501, 90507, 90502, 90504, 40128, 45009). The request fails as a whole with 40058
 * (`chat_id_list` missing, empty, over 100, not strings), 40003 / 84074 (`new_owner`
 * missing, unknown or resigned / without 客户联系).
 * https://developer.work.weixin.qq.com/document/path/95703
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ failed_chat_list: Array<{ chat_id: string, errcode: number, errmsg: string }> }}
 */
export function groupChatOnjobTransfer({ body, env }) {
  return transferChats(body, env.world, 'onjob');
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/transfer` — a resigned owner's chats go to `new_owner`:
 * status 2 (离职继承中) at once, owner changed and status 3 (离职继承完成) 24 hours later on the
 * world's clock. Per chat: 90501, 90507, 90508, 90500, 45009; request errors as
 * {@link groupChatOnjobTransfer}.
 * https://developer.work.weixin.qq.com/document/path/92127
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ failed_chat_list: Array<{ chat_id: string, errcode: number, errmsg: string }> }}
 */
export function groupChatTransfer({ body, env }) {
  return transferChats(body, env.world, 'resigned');
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const GROUP_CHAT_HANDLERS = [
  ['externalcontact/groupchat/list', groupChatList],
  ['externalcontact/groupchat/get', groupChatGet],
  ['externalcontact/opengid_to_chatid', opengidToChatid],
  ['externalcontact/groupchat/onjob_transfer', groupChatOnjobTransfer],
  ['externalcontact/groupchat/transfer', groupChatTransfer],
];
