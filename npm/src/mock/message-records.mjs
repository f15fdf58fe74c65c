// Endpoint handlers for the records of mass messages: `get_groupmsg_list_v2`, `get_groupmsg_task`,
// `get_groupmsg_send_result` (cursor paging over the world's messages, tasks and results),
// `remind_groupmsg_send` (3 per 24 hours), `cancel_groupmsg_send` and the legacy
// `get_group_msg_result`. Due tasks are sent first (world/messages.mjs `settleMessages`).
// Docs: https://developer.work.weixin.qq.com/document/path/93338, 97610 (remind), 97611 (cancel).

import { ApiError, invalidParam } from './errors.mjs';
import { REMINDERS_PER_WINDOW, REMIND_WINDOW_SECONDS, messageBook, settleMessages } from './world/messages.mjs';
import { listCursor, listPosition } from './world/position-cursor.mjs';

/** get_groupmsg_list_v2's time range may span at most this many seconds (「不能超过1个月」, read as 31 days). */
export const MAX_LIST_RANGE_SECONDS = 31 * 86_400;
/** get_groupmsg_list_v2 `limit`: default and largest (a larger one means the default). */
export const LIST_LIMIT = { fallback: 50, max: 100 };
/** get_groupmsg_task / get_groupmsg_send_result `limit`: default and largest (a larger one means the default). */
export const TASK_LIMIT = { fallback: 500, max: 1000 };
/** The legacy get_group_msg_result `limit`: default and largest. */
export const LEGACY_LIMIT = { fallback: 10_000, max: 10_000 };

const absent = (v) => v === undefined || v === null;

/** `limit`: the default when absent or above the largest (WeCom's 「超过最大值时取默认值」), 40058 when not an integer ≥ 1. */
function limitOf(body, { fallback, max }) {
  const value = body.limit;
  if (absent(value)) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw invalidParam('limit must be a positive integer');
  return value > max ? fallback : value;
}

/** A required unix time (40058 when missing or not an integer ≥ 0). */
function unixTime(body, name) {
  const value = body[name];
  if (absent(value)) throw invalidParam(`${name} is required`);
  if (!Number.isSafeInteger(value) || value < 0) throw invalidParam(`${name} must be a unix time in seconds`);
  return value;
}

/** The message `body.msgid` names, due tasks sent: 41046 missing, 41047 unknown. */
function messageOf(world, body) {
  settleMessages(world);
  const id = body.msgid;
  if (absent(id) || id === '') throw new ApiError(41046);
  const message = typeof id === 'string' ? world.messages?.byId.get(id) : undefined;
  if (message === undefined) throw new ApiError(41047);
  return message;
}

/** A result as get_groupmsg_send_result answers it. */
function resultView(result) {
  const out = result.external_userid !== undefined ? { external_userid: result.external_userid } : { chat_id: result.chat_id };
  out.userid = result.userid;
  out.status = result.status;
  if (result.send_time !== undefined) out.send_time = result.send_time;
  return out;
}

/**
 * `POST /cgi-bin/externalcontact/get_groupmsg_list_v2` — the messages of `chat_type` created in
 * [`start_time`, `end_time`] (≤ 31 days apart), in creation order; `filter_type` 0 by the corp, 1 by
 * members, 2 both (default); `creator` keeps a member's own messages (the API's have no creator);
 * `limit` ≤ 100 (default 50; larger means 50), `next_cursor` `''` when done. 40058 for a missing or
 * bad field, a reversed or too long range, a bad cursor.
 * https://developer.work.weixin.qq.com/document/path/93338
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function getGroupmsgListV2({ body, env }) {
  const world = env.world;
  settleMessages(world);
  if (body.chat_type !== 'single' && body.chat_type !== 'group') throw invalidParam('chat_type must be single or group');
  const start = unixTime(body, 'start_time');
  const end = unixTime(body, 'end_time');
  if (end < start) throw invalidParam('end_time is before start_time');
  if (end - start > MAX_LIST_RANGE_SECONDS) throw invalidParam('the time range exceeds one month');
  const filterType = absent(body.filter_type) ? 2 : body.filter_type;
  if (filterType !== 0 && filterType !== 1 && filterType !== 2) throw invalidParam('filter_type must be 0, 1 or 2');
  if (!absent(body.creator) && typeof body.creator !== 'string') throw invalidParam('creator must be a string');
  const creator = body.creator || undefined;
  const limit = limitOf(body, LIST_LIMIT);
  const list = messageBook(world).list;
  let at = listPosition(world, 'get_groupmsg_list_v2', body.cursor, list.length);
  const out = [];
  while (at < list.length && out.length < limit) {
    const m = list[at];
    at += 1;
    if (m.chat_type !== body.chat_type || m.create_time < start || m.create_time > end) continue;
    if (filterType !== 2 && m.create_type !== filterType) continue;
    if (creator !== undefined && m.creator !== creator) continue;
    const item = { msgid: m.msgid, create_time: m.create_time, create_type: m.create_type };
    if (m.creator !== undefined) item.creator = m.creator;
    if (m.text !== undefined) item.text = { ...m.text };
    item.attachments = structuredClone(m.attachments);
    out.push(item);
  }
  return { group_msg_list: out, next_cursor: at < list.length ? listCursor(world, 'get_groupmsg_list_v2', at) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/get_groupmsg_task` — the message's members and whether each has
 * sent (`status` 0 not sent, 2 sent, with `send_time`); `limit` ≤ 1000 (default 500), cursor paging.
 * 41046 / 41047 msgid missing / unknown, 40058 bad limit or cursor.
 * https://developer.work.weixin.qq.com/document/path/93338
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function getGroupmsgTask({ body, env }) {
  const world = env.world;
  const message = messageOf(world, body);
  const limit = limitOf(body, TASK_LIMIT);
  const tasks = [...message.tasks.values()];
  const kind = `get_groupmsg_task\n${message.msgid}`;
  let at = listPosition(world, kind, body.cursor, tasks.length);
  const out = [];
  while (at < tasks.length && out.length < limit) {
    const task = tasks[at];
    at += 1;
    out.push(task.send_time === undefined ? { userid: task.userid, status: task.status } : { userid: task.userid, status: task.status, send_time: task.send_time });
  }
  return { task_list: out, next_cursor: at < tasks.length ? listCursor(world, kind, at) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/get_groupmsg_send_result` — one member's recipients of the
 * message (`status` 0 not sent, 1 sent, 2 not a contact any more, 3 already received a mass message
 * that day); for group messages only the sent ones; `limit` ≤ 1000 (default 500), cursor paging.
 * 41046 / 41047 msgid, 40003 `userid` missing or not a member, 40058 bad limit or cursor.
 * https://developer.work.weixin.qq.com/document/path/93338
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function getGroupmsgSendResult({ body, env }) {
  const world = env.world;
  const message = messageOf(world, body);
  const userid = body.userid;
  if (typeof userid !== 'string' || !world.members.has(userid)) throw new ApiError(40003, 'userid');
  const limit = limitOf(body, TASK_LIMIT);
  let results = message.tasks.get(userid)?.results ?? [];
  if (message.chat_type === 'group') results = results.filter((r) => r.status === 1);
  const kind = `get_groupmsg_send_result\n${message.msgid}\n${userid}`;
  let at = listPosition(world, kind, body.cursor, results.length);
  const out = [];
  while (at < results.length && out.length < limit) {
    out.push(resultView(results[at]));
    at += 1;
  }
  return { send_list: out, next_cursor: at < results.length ? listCursor(world, kind, at) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/remind_groupmsg_send` — reminds the members who have not sent:
 * at most 3 times per message in any 24 hours (41094). 41046 / 41047 msgid, 41093 cancelled.
 * https://developer.work.weixin.qq.com/document/path/97610
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function remindGroupmsgSend({ body, env }) {
  const message = messageOf(env.world, body);
  if (message.cancelled) throw new ApiError(41093);
  const now = env.world.clock.nowSeconds();
  const recent = message.reminders.filter((t) => t > now - REMIND_WINDOW_SECONDS);
  if (recent.length >= REMINDERS_PER_WINDOW) throw new ApiError(41094, `at most ${REMINDERS_PER_WINDOW} reminders in 24 hours`);
  message.reminders = [...recent, now];
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/cancel_groupmsg_send` — stops the message: tasks not yet sent stay
 * unsent for good (what was sent stays sent); remind and confirm answer 41093 afterwards, and so
 * does a second cancel. 41046 / 41047 msgid.
 * https://developer.work.weixin.qq.com/document/path/97611
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function cancelGroupmsgSend({ body, env }) {
  const message = messageOf(env.world, body);
  if (message.cancelled) throw new ApiError(41093);
  message.cancelled = true;
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/get_group_msg_result` (legacy, replaced by get_groupmsg_task and
 * get_groupmsg_send_result) — the message's results, members in task order (only `userid`'s when
 * given): `check_status` 1 (approved; the look-alike has no review),
 * `detail_list[{external_userid | chat_id, userid, status, send_time}]`, `limit` ≤ 10 000 (default and
 * larger: 10 000), `next_cursor` `''` when done. 41046 / 41047 msgid, 40058 bad limit, userid or cursor.
 * https://developer.work.weixin.qq.com/document/path/92136
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function getGroupMsgResult({ body, env }) {
  const world = env.world;
  const message = messageOf(world, body);
  if (!absent(body.userid) && typeof body.userid !== 'string') throw invalidParam('userid must be a string');
  const only = body.userid || undefined;
  const limit = limitOf(body, LEGACY_LIMIT);
  const results = [];
  for (const task of message.tasks.values()) if (only === undefined || task.userid === only) results.push(...task.results);
  const kind = `get_group_msg_result\n${message.msgid}\n${only ?? ''}`;
  let at = listPosition(world, kind, body.cursor, results.length);
  const detail = [];
  while (at < results.length && detail.length < limit) {
    detail.push(resultView(results[at]));
    at += 1;
  }
  return { check_status: 1, detail_list: detail, next_cursor: at < results.length ? listCursor(world, kind, at) : '' };
}

/** The record endpoints, path → handler. */
export const MESSAGE_RECORD_HANDLERS = [
  ['externalcontact/get_groupmsg_list_v2', getGroupmsgListV2],
  ['externalcontact/get_groupmsg_task', getGroupmsgTask],
  ['externalcontact/get_groupmsg_send_result', getGroupmsgSendResult],
  ['externalcontact/remind_groupmsg_send', remindGroupmsgSend],
  ['externalcontact/cancel_groupmsg_send', cancelGroupmsgSend],
  ['externalcontact/get_group_msg_result', getGroupMsgResult],
];
