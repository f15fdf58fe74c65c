// Endpoint handlers for customer moments (客户朋友圈): add_moment_task and its job, cancel_moment_task,
// and the moment records (get_moment_list, get_moment_task, get_moment_customer_list,
// get_moment_send_result, get_moment_comments), over the world's moments (world/moments.mjs).
// Docs: https://developer.work.weixin.qq.com/document/path/95094 (add, job, cancel),
// https://developer.work.weixin.qq.com/document/path/97612 (cancel), https://developer.work.weixin.qq.com/document/path/93333 (records).

import { ApiError, invalidParam } from './errors.mjs';
import { optionalInt } from './transfer-params.mjs';
import { anyMember, pageLimit } from './world/requests.mjs';
import { listCursor, listPosition } from './world/position-cursor.mjs';
import { knownMedia } from './world/messages.mjs';
import {
  MAX_API_MOMENTS, audienceOf, jobStatus, publishedBy, reactionsOf, settleMoments,
} from './world/moments.mjs';

/** Longest `text.content` of a moment, in characters (R-MO-01). */
export const MOMENT_TEXT_MAX = 2000;
/** Most images of one moment. */
export const MOMENT_IMAGES_MAX = 9;
/** Longest link title, in UTF-8 bytes. */
export const LINK_TITLE_MAX_BYTES = 64;
/** Most senders in `visible_range.sender_list.user_list` (R-MO-02). */
export const SENDERS_MAX = 100_000;
/** get_moment_list's span, at most 30 days (R-MO-04), in seconds. */
export const MOMENT_LIST_SPAN_SECONDS = 30 * 86_400;

const absent = (v) => v === undefined || v === null;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A media id in a moment: 40058 when missing, 40007 when the world does not know it (seeded ids and live uploads). */
function mediaId(world, value, where) {
  if (absent(value) || value === '') throw invalidParam(`${where}.media_id is required`);
  if (typeof value !== 'string') throw invalidParam(`${where}.media_id must be a string`);
  if (!knownMedia(world, value)) throw new ApiError(40007, `${where}.media_id`);
  return value;
}

/** Reads `attachments` (R-MO-01): one kind only (41065), ≤ 9 images or 1 video or 1 link (41064), then each. */
function readAttachments(world, list) {
  const out = { image: [], video: undefined, link: undefined };
  if (absent(list)) return out;
  if (!Array.isArray(list)) throw invalidParam('attachments must be an array');
  let kind;
  for (const [i, item] of list.entries()) {
    const type = isObject(item) ? item.msgtype : undefined;
    if (type !== 'image' && type !== 'video' && type !== 'link') throw new ApiError(41065, `attachments[${i}].msgtype`);
    if (kind !== undefined && kind !== type) throw new ApiError(41065, 'invalid attachments msgtype: one kind only');
    kind = type;
  }
  if (kind === 'image' && list.length > MOMENT_IMAGES_MAX) throw new ApiError(41064, `at most ${MOMENT_IMAGES_MAX} images`);
  if (kind !== 'image' && list.length > 1) throw new ApiError(41064, `at most 1 ${kind}`);
  for (const [i, item] of list.entries()) {
    const where = `attachments[${i}]`;
    const body = item[kind];
    if (!isObject(body)) throw invalidParam(`${where}.${kind} is required`);
    if (kind === 'image') {
      out.image.push({ media_id: mediaId(world, body.media_id, `${where}.image`) });
    } else if (kind === 'video') {
      const id = mediaId(world, body.media_id, `${where}.video`);
      out.video = { media_id: id, thumb_media_id: `${id}_thumb` };
    } else {
      mediaId(world, body.media_id, `${where}.link`);
      if (typeof body.url !== 'string' || body.url === '') throw invalidParam(`${where}.link.url is required`);
      const title = body.title ?? '';
      if (typeof title !== 'string' || Buffer.byteLength(title) > LINK_TITLE_MAX_BYTES) {
        throw invalidParam(`${where}.link.title must be a string of at most ${LINK_TITLE_MAX_BYTES} bytes`);
      }
      out.link = { title, url: body.url };
    }
  }
  return out;
}

/** The senders of a new moment and the invalid ones (R-MO-02). */
function readSenders(world, range) {
  const senderList = isObject(range) && !absent(range.sender_list) ? range.sender_list : undefined;
  if (senderList !== undefined && !isObject(senderList)) throw invalidParam('visible_range.sender_list must be an object');
  const users = senderList?.user_list ?? [];
  const parties = senderList?.department_list ?? [];
  if (!Array.isArray(users) || !users.every((u) => typeof u === 'string')) throw invalidParam('sender_list.user_list must be an array of strings');
  if (users.length > SENDERS_MAX) throw invalidParam(`sender_list.user_list has more than ${SENDERS_MAX} userids`);
  if (!Array.isArray(parties) || !parties.every((p) => Number.isSafeInteger(p))) throw invalidParam('sender_list.department_list must be an array of integers');
  if (parties.length > SENDERS_MAX) throw invalidParam(`sender_list.department_list has more than ${SENDERS_MAX} ids`);
  const canSend = (m) => m !== undefined && m.status === 'active' && m.follow;
  /** @type {Map<string, null>} */
  const senders = new Map();
  const invalid = { user_list: [], department_list: [] };
  if (users.length === 0 && parties.length === 0) {
    for (const m of world.members.values()) if (canSend(m)) senders.set(m.userid, null);
    return { senders, invalid };
  }
  for (const userid of users) {
    if (canSend(world.members.get(userid))) senders.set(userid, null);
    else if (!invalid.user_list.includes(userid) && invalid.user_list.length < 1000) invalid.user_list.push(userid);
  }
  const wanted = new Set();
  for (const id of parties) {
    if (world.departments.has(id)) wanted.add(id);
    else if (!invalid.department_list.includes(id)) invalid.department_list.push(id);
  }
  if (wanted.size > 0) {
    for (const m of world.members.values()) if (canSend(m) && m.department.some((d) => wanted.has(d))) senders.set(m.userid, null);
  }
  return { senders, invalid };
}

/** The tag list of a new moment: corp tags kept, others reported invalid. */
function readTags(world, range) {
  const contacts = isObject(range) ? range.external_contact_list : undefined;
  if (absent(contacts)) return { tags: [], invalid: [] };
  if (!isObject(contacts)) throw invalidParam('visible_range.external_contact_list must be an object');
  const list = contacts.tag_list ?? [];
  if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) throw invalidParam('external_contact_list.tag_list must be an array of strings');
  const tags = [];
  const invalid = [];
  for (const id of list) {
    const group = world.tagGroups.get(world.tagIndex.get(id) ?? '');
    (group !== undefined && group.strategy_id === undefined ? tags : invalid).push(id);
  }
  return { tags, invalid };
}

/**
 * `POST /cgi-bin/externalcontact/add_moment_task` — checks the moment (R-MO-01/02), then answers a
 * `jobid` whose job is status 1 for 10 s, 2 until 60 s, then 3 with the new moment (on the world's
 * clock). 41089 no text and no attachments; 40058 text over 2000 characters or a malformed field;
 * 41065 an unknown or mixed attachment kind; 41064 more than 9 images or more than one video or
 * link; 40007 a media id the world does not know (seeded or uploaded); 45009 more than 10 tasks
 * in a minute; 40058 past {@link MAX_API_MOMENTS} moments.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ jobid: string }}
 */
export function addMomentTask({ body, env }) {
  const world = env.world;
  settleMoments(world);
  let text;
  if (!absent(body.text)) {
    if (!isObject(body.text)) throw invalidParam('text must be an object');
    const content = body.text.content ?? '';
    if (typeof content !== 'string') throw invalidParam('text.content must be a string');
    if ([...content].length > MOMENT_TEXT_MAX) throw invalidParam(`invalid text size: at most ${MOMENT_TEXT_MAX} characters`);
    if (content !== '') text = { content };
  }
  const attachments = readAttachments(world, body.attachments);
  if (text === undefined && attachments.image.length === 0 && !attachments.video && !attachments.link) throw new ApiError(41089);
  if (!absent(body.visible_range) && !isObject(body.visible_range)) throw invalidParam('visible_range must be an object');
  const { senders, invalid } = readSenders(world, body.visible_range);
  const tags = readTags(world, body.visible_range);
  const book = world.moments;
  const now = world.clock.nowSeconds();
  if (!book.rateAllows(now)) throw new ApiError(45009, 'at most 10 moment tasks a minute');
  if (book.made + book.pending >= MAX_API_MOMENTS) throw invalidParam(`mock moment limit reached (${MAX_API_MOMENTS})`);
  let jobid;
  do jobid = world.rng.alnum(40); while (book.jobs.has(jobid));
  const creator = [...senders.keys()][0] ?? '';
  book.addJob({
    jobid,
    created: now,
    done: false,
    draft: {
      creator, create_type: 0, visible_type: tags.tags.length > 0 ? 0 : 1, text, ...attachments, tag_list: tags.tags, senders,
    },
    invalid_sender_list: invalid,
    invalid_tags: tags.invalid,
  });
  return { jobid };
}

/**
 * `GET /cgi-bin/externalcontact/get_moment_task_result?jobid=` — `status` 1, 2 or 3 by the job's age
 * and, at 3, `result` with the `moment_id` and the invalid senders and tags. 40058 for a missing,
 * unknown or expired (past 24 hours) jobid.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ status: number, type: string, result?: object }}
 */
export function getMomentTaskResult({ query, env }) {
  const world = env.world;
  settleMoments(world);
  const jobid = query.get('jobid');
  if (jobid === null || jobid === '') throw invalidParam('jobid is required');
  const job = world.moments.jobs.get(jobid);
  if (job === undefined) throw invalidParam('invalid jobid');
  const status = jobStatus(job, world.clock.nowSeconds());
  if (status !== 3 || !job.done) return { status, type: 'add_moment_task' };
  return {
    status,
    type: 'add_moment_task',
    result: {
      errcode: 0,
      errmsg: 'ok',
      moment_id: job.moment_id,
      invalid_sender_list: { user_list: [...job.invalid_sender_list.user_list], department_list: [...job.invalid_sender_list.department_list] },
      invalid_external_contact_list: { tag_list: [...job.invalid_tags] },
    },
  };
}

/** The moment named by `body.moment_id`: 41059 missing, 41060 unknown. */
function momentOf(world, body) {
  const id = body.moment_id;
  if (absent(id) || id === '') throw new ApiError(41059);
  if (typeof id !== 'string') throw new ApiError(41060);
  const moment = world.moments.moments.get(id);
  if (moment === undefined) throw new ApiError(41060);
  return moment;
}

/** A corp-made moment (41061 for a member's own). */
function corpMomentOf(world, body) {
  const moment = momentOf(world, body);
  if (moment.create_type !== 0) throw new ApiError(41061, 'not a moment made by the corp');
  return moment;
}

/** The sender `body.userid` of a moment who published it: 40003, 41062 not its sender, 41067 not yet published. */
function publisherOf(world, moment, body) {
  const member = anyMember(world, body.userid, 'userid');
  const isSender = moment.create_type === 1 ? moment.creator === member.userid : moment.senders.has(member.userid);
  if (!isSender) throw new ApiError(41062);
  if (!publishedBy(moment, member.userid, world.clock.nowSeconds())) throw new ApiError(41067);
  return member.userid;
}

/**
 * `POST /cgi-bin/externalcontact/cancel_moment_task` — stops a corp moment: senders who have not
 * published it never will. 41059, 41060, 41061 (a member's own moment).
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function cancelMomentTask({ body, env }) {
  const world = env.world;
  settleMoments(world);
  const moment = corpMomentOf(world, body);
  const now = world.clock.nowSeconds();
  for (const [userid, at] of moment.senders) if (at === null || at > now) moment.senders.set(userid, null);
  return {};
}

/** A moment as get_moment_list answers it. */
function momentView(moment) {
  /** @type {Record<string, unknown>} */
  const out = {
    moment_id: moment.moment_id,
    creator: moment.creator,
    create_time: moment.create_time,
    create_type: moment.create_type,
    visible_type: moment.visible_type,
  };
  if (moment.text !== undefined) out.text = { content: moment.text.content };
  if (moment.image.length > 0) out.image = moment.image.map((i) => ({ media_id: i.media_id }));
  if (moment.video !== undefined) out.video = { ...moment.video };
  if (moment.link !== undefined) out.link = { ...moment.link };
  return out;
}

/** A required unix time: 40058 when missing or not a non-negative integer. */
function unixTime(body, name) {
  const value = body[name];
  if (!Number.isSafeInteger(value) || value < 0) throw invalidParam(`${name} is required (unix seconds)`);
  return value;
}

/**
 * `POST /cgi-bin/externalcontact/get_moment_list` — the moments made in [start_time, end_time]
 * (≤ 30 days), by `creator` when given, `filter_type` 0 corp / 1 personal / 2 all (default), in the
 * order they were made; `limit` default 20, above 20 it is 20. 40058 for missing or reversed times,
 * a span over 30 days, a bad filter_type, limit or cursor.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ moment_list: object[], next_cursor: string }}
 */
export function getMomentList({ body, env }) {
  const world = env.world;
  settleMoments(world);
  const start = unixTime(body, 'start_time');
  const end = unixTime(body, 'end_time');
  if (end < start) throw invalidParam('end_time is before start_time');
  if (end - start > MOMENT_LIST_SPAN_SECONDS) throw invalidParam('the time range exceeds 30 days');
  const filter = optionalInt(body, 'filter_type', 0, 2, 2);
  const creator = body.creator;
  if (!absent(creator) && typeof creator !== 'string') throw invalidParam('creator must be a string');
  const limit = pageLimit(body.limit, { fallback: 20, max: 20, clamp: true });
  const order = world.moments.order;
  let at = listPosition(world, 'get_moment_list', body.cursor, order.length);
  const list = [];
  while (at < order.length && list.length < limit) {
    const moment = world.moments.moments.get(order[at]);
    at += 1;
    if (moment === undefined || moment.create_time < start || moment.create_time > end) continue;
    if (filter !== 2 && moment.create_type !== filter) continue;
    if (!absent(creator) && creator !== '' && moment.creator !== creator) continue;
    list.push(momentView(moment));
  }
  return { moment_list: list, next_cursor: at < order.length ? listCursor(world, 'get_moment_list', at) : '' };
}

/** One page of `items` (a cursor per list `kind`). */
function page(world, kind, body, items, rule) {
  const limit = pageLimit(body.limit, rule);
  const at = listPosition(world, kind, body.cursor, items.length);
  const end = Math.min(items.length, at + limit);
  return { slice: items.slice(at, end), next_cursor: end < items.length ? listCursor(world, kind, end) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/get_moment_task` — a corp moment's senders and whether each
 * published it (`publish_status` 0/1); `limit` default 500, at most 1000. 41059, 41060, 41061.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ task_list: Array<{ userid: string, publish_status: number }>, next_cursor: string }}
 */
export function getMomentTask({ body, env }) {
  const world = env.world;
  settleMoments(world);
  const moment = corpMomentOf(world, body);
  const now = world.clock.nowSeconds();
  const { slice, next_cursor } = page(world, `get_moment_task\n${moment.moment_id}`, body, [...moment.senders.keys()],
    { fallback: 500, max: 1000, clamp: true });
  return { task_list: slice.map((userid) => ({ userid, publish_status: publishedBy(moment, userid, now) ? 1 : 0 })), next_cursor };
}

/**
 * `POST /cgi-bin/externalcontact/get_moment_customer_list` — the customers a sender's moment was
 * visible to (the sender's customers; with tags, those it tagged so); `limit` default 500, at most
 * 1000. 41059, 41060, 40003 (userid), 41062 (not its sender), 41067 (not published yet).
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ customer_list: Array<{ userid: string, external_userid: string }>, next_cursor: string }}
 */
export function getMomentCustomerList({ body, env }) {
  const world = env.world;
  settleMoments(world);
  const moment = momentOf(world, body);
  const userid = publisherOf(world, moment, body);
  const { slice, next_cursor } = page(world, `get_moment_customer_list\n${moment.moment_id}\n${userid}`, body,
    audienceOf(world, moment, userid), { fallback: 500, max: 1000, clamp: true });
  return { customer_list: slice.map((id) => ({ userid, external_userid: id })), next_cursor };
}

/**
 * `POST /cgi-bin/externalcontact/get_moment_send_result` — the customers a sender's moment reached
 * (the same customers as get_moment_customer_list); `limit` default 3000, at most 5000. Same errcodes.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ customer_list: Array<{ external_userid: string }>, next_cursor: string }}
 */
export function getMomentSendResult({ body, env }) {
  const world = env.world;
  settleMoments(world);
  const moment = momentOf(world, body);
  const userid = publisherOf(world, moment, body);
  const { slice, next_cursor } = page(world, `get_moment_send_result\n${moment.moment_id}\n${userid}`, body,
    audienceOf(world, moment, userid), { fallback: 3000, max: 5000, clamp: true });
  return { customer_list: slice.map((id) => ({ external_userid: id })), next_cursor };
}

/**
 * `POST /cgi-bin/externalcontact/get_moment_comments` — comments and likes on a sender's moment
 * (derived from the ids, see world/moments.mjs). Same errcodes as get_moment_customer_list.
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ comment_list: object[], like_list: object[] }}
 */
export function getMomentComments({ body, env }) {
  const world = env.world;
  settleMoments(world);
  const moment = momentOf(world, body);
  const userid = publisherOf(world, moment, body);
  return reactionsOf(world, moment, userid);
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const MOMENT_HANDLERS = [
  ['externalcontact/add_moment_task', addMomentTask],
  ['externalcontact/get_moment_task_result', getMomentTaskResult],
  ['externalcontact/cancel_moment_task', cancelMomentTask],
  ['externalcontact/get_moment_list', getMomentList],
  ['externalcontact/get_moment_task', getMomentTask],
  ['externalcontact/get_moment_customer_list', getMomentCustomerList],
  ['externalcontact/get_moment_send_result', getMomentSendResult],
  ['externalcontact/get_moment_comments', getMomentComments],
];
