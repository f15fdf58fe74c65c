// Endpoint handlers for the statistics (数据统计): get_user_behavior_data, groupchat/statistic and
// groupchat/statistic_group_by_day, computed from the world (world/statistics.mjs), with WeCom's
// day-range rules (R-ST-01..03): day granularity (times floored to China midnight), closed
// interval, at most 30 days, not before 180 days ago.
// Docs: https://developer.work.weixin.qq.com/document/path/92132 (behavior),
// https://developer.work.weixin.qq.com/document/path/92133 (group chats).

import { ApiError, invalidParam } from './errors.mjs';
import { optionalInt } from './transfer-params.mjs';
import { anyMember } from './world/requests.mjs';
import { DAY, behaviorEntry, chatFigures, chatsByOwner, dayStart, newContactsPerDay } from './world/statistics.mjs';

/** Longest span, end day minus begin day, in days (「最大查询跨度为30天」). */
export const MAX_SPAN_DAYS = 30;
/** How far back the statistics go, in days (「只保存180天」). */
export const HISTORY_DAYS = 180;
/** Most userids, and most partyids, of get_user_behavior_data; most owners of owner_filter. */
export const MAX_IDS = 100;
/** Largest `limit` of groupchat/statistic (default 500). */
export const GROUP_STAT_LIMIT = 1000;

const absent = (v) => v === undefined || v === null;

/** A required unix time (40058 when missing or not a non-negative integer). */
function unixTime(body, name) {
  const value = body[name];
  if (!Number.isSafeInteger(value) || value < 0) throw invalidParam(`${name} is required (unix seconds)`);
  return value;
}

/**
 * The first and last day of a request (day starts): begin ≤ end (40058), end − begin ≤ 30 days
 * (40058), begin not before 180 days ago (40058); with `latest`, not after that day either.
 */
function dayRange(world, begin, end, latest) {
  const first = dayStart(begin);
  const last = dayStart(end);
  const today = dayStart(world.clock.nowSeconds());
  if (last < first) throw invalidParam('the end time is before the start time');
  if (last - first > MAX_SPAN_DAYS * DAY) throw invalidParam(`the time range exceeds ${MAX_SPAN_DAYS} days`);
  if (first < today - HISTORY_DAYS * DAY) throw invalidParam(`the start time is more than ${HISTORY_DAYS} days ago`);
  if (latest !== undefined && last > latest) throw invalidParam('the days must lie before today');
  return { first, last };
}

/** An optional list of ≤ 100 strings or integers. */
function optionalIds(body, name, type) {
  const value = body[name];
  if (absent(value)) return [];
  const ok = type === 'string' ? (v) => typeof v === 'string' : (v) => Number.isSafeInteger(v);
  if (!Array.isArray(value) || !value.every(ok)) throw invalidParam(`${name} must be an array of ${type === 'string' ? 'strings' : 'integers'}`);
  if (value.length > MAX_IDS) throw invalidParam(`${name} has more than ${MAX_IDS} ids`);
  return value;
}

/**
 * `POST /cgi-bin/externalcontact/get_user_behavior_data` — one entry per day of [start_time,
 * end_time] summed over the members named by `userid` and the members of the departments in
 * `partyid`: `new_contact_cnt` the follow relations they made that day, equal `new_apply_cnt` and
 * `chat_cnt`, `message_cnt` three per chat, `reply_percentage` 100 and `avg_reply_time` 1 on days
 * with chats, `negative_feedback_cnt` 0. 40058 both lists empty, over 100, bad times or range;
 * 40003 unknown userid; 60123 unknown department.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ behavior_data: object[] }}
 */
export function getUserBehaviorData({ body, env }) {
  const world = env.world;
  const userids = optionalIds(body, 'userid', 'string');
  const partyids = optionalIds(body, 'partyid', 'integer');
  if (userids.length === 0 && partyids.length === 0) throw invalidParam('userid and partyid cannot both be empty');
  const { first, last } = dayRange(world, unixTime(body, 'start_time'), unixTime(body, 'end_time'));
  const members = new Set(userids.map((u) => anyMember(world, u, 'userid').userid));
  const parties = new Set();
  for (const id of partyids) {
    if (!world.departments.has(id)) throw new ApiError(60123, `partyid ${id}`);
    parties.add(id);
  }
  if (parties.size > 0) for (const m of world.members.values()) if (m.department.some((d) => parties.has(d))) members.add(m.userid);
  const counts = newContactsPerDay(world, members, first, last);
  return { behavior_data: counts.map((n, i) => behaviorEntry(first + i * DAY, n)) };
}

/** The owners of `owner_filter.userid_list` (required, 1–100, known members; 40058 / 40003). */
function readOwners(world, body) {
  const filter = body.owner_filter;
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) throw invalidParam('owner_filter is required');
  const list = filter.userid_list;
  if (!Array.isArray(list) || list.length === 0 || !list.every((u) => typeof u === 'string')) {
    throw invalidParam('owner_filter.userid_list must be a non-empty array of userids');
  }
  if (list.length > MAX_IDS) throw invalidParam(`owner_filter.userid_list has more than ${MAX_IDS} userids`);
  return [...new Set(list.map((u) => anyMember(world, u, 'owner_filter.userid_list').userid))];
}

/** The day range of the group-chat statistics: from day_begin_time to day_end_time (default: the same day), before today. */
function groupDays(world, body) {
  const begin = unixTime(body, 'day_begin_time');
  const end = absent(body.day_end_time) ? begin : unixTime(body, 'day_end_time');
  return dayRange(world, begin, end, dayStart(world.clock.nowSeconds()) - DAY);
}

/** What `order_by` sorts on. */
const ORDER_KEYS = { 1: 'new_chat_cnt', 2: 'chat_total', 3: 'new_member_cnt', 4: 'member_total' };

/**
 * `POST /cgi-bin/externalcontact/groupchat/statistic` — per owner of `owner_filter.userid_list`, the
 * figures of the chats it owns now over the days (see world/statistics.mjs `chatFigures`: new counts
 * over the range, totals at its end), sorted by `order_by` (1 new chats, 2 chats, 3 new members, 4
 * members; ties in the filter's order), descending unless `order_asc` 1; `offset` (default 0) and
 * `limit` (1–1000, default 500) page it: `total` owners, `next_offset` offset + items. 40058 for a
 * missing or bad day, a range over 30 days or before 180 days ago or reaching today, a missing or
 * over-long owner filter, bad order or paging values; 40003 an unknown owner.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ total: number, next_offset: number, items: object[] }}
 */
export function groupChatStatistic({ body, env }) {
  const world = env.world;
  const { first, last } = groupDays(world, body);
  const owners = readOwners(world, body);
  const orderBy = optionalInt(body, 'order_by', 1, 4, 1);
  const asc = optionalInt(body, 'order_asc', 0, 1, 0) === 1;
  const offset = optionalInt(body, 'offset', 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = optionalInt(body, 'limit', 1, GROUP_STAT_LIMIT, 500);
  const byOwner = chatsByOwner(world, new Set(owners));
  const rows = owners.map((owner, at) => ({ owner, at, data: chatFigures(byOwner.get(owner) ?? [], first, last + DAY) }));
  const key = ORDER_KEYS[orderBy];
  rows.sort((a, b) => (asc ? a.data[key] - b.data[key] : b.data[key] - a.data[key]) || a.at - b.at);
  const items = rows.slice(offset, offset + limit).map((r) => ({ owner: r.owner, data: r.data }));
  return { total: rows.length, next_offset: Math.min(offset, rows.length) + items.length, items };
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/statistic_group_by_day` — per day of the range, the
 * figures of every chat the filter's owners own (new counts that day, totals at its end). Same
 * checks as groupchat/statistic, no order or paging.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ items: Array<{ stat_time: number, data: object }> }}
 */
export function groupChatStatisticByDay({ body, env }) {
  const world = env.world;
  const { first, last } = groupDays(world, body);
  const owners = readOwners(world, body);
  const chats = [...chatsByOwner(world, new Set(owners)).values()].flat();
  const items = [];
  for (let day = first; day <= last; day += DAY) items.push({ stat_time: day, data: chatFigures(chats, day, day + DAY) });
  return { items };
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const STATISTIC_HANDLERS = [
  ['externalcontact/get_user_behavior_data', getUserBehaviorData],
  ['externalcontact/groupchat/statistic', groupChatStatistic],
  ['externalcontact/groupchat/statistic_group_by_day', groupChatStatisticByDay],
];
