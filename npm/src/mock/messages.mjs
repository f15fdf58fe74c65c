// Endpoint handler for creating mass messages (企业群发), `externalcontact/add_msg_template`: the
// recipients come from the world (customers from `external_userid`, `sender` and `tag_filter`;
// group chats from `chat_id_list` or the sender's chats), one task per sending member, one send
// result per recipient; nothing is sent until the member confirms (world/messages.mjs).
// The records (list, task, send result, remind, cancel, the legacy result) are in message-records.mjs.
// Docs: https://developer.work.weixin.qq.com/document/path/92135

import { ApiError, invalidParam } from './errors.mjs';
import { messageBody } from './message-body.mjs';
import { messageBook, settleMessages } from './world/messages.mjs';
import { MESSAGE_RECORD_HANDLERS } from './message-records.mjs';

/** Most `external_userid` in one message (「最多支持传入10000个客户」). */
export const MAX_RECIPIENT_IDS = 10_000;
/** Most `chat_id_list` entries (「最多2000个」). */
export const MAX_CHAT_IDS = 2000;
/** Most tags per `tag_filter.group_list[].tag_list`. */
export const MAX_FILTER_TAGS = 100;

const absent = (v) => v === undefined || v === null;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A list of strings (empty when absent), at most `max`, without repeats (first place kept). */
function idsOf(body, name, max) {
  const ids = body[name];
  if (absent(ids)) return [];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw invalidParam(`${name} must be an array of strings`);
  if (ids.length > max) throw invalidParam(`${name} has more than ${max} ids`);
  return [...new Set(ids)];
}

/**
 * `tag_filter.group_list[].tag_list[]` as Sets (OR within a group, AND across groups); undefined
 * without a filter. 40058 for a bad shape or more than 100 tags in a group, 40068 for a tag id
 * the world does not have (corp and strategy tags both count).
 */
function tagFilter(world, body) {
  const filter = body.tag_filter;
  if (absent(filter)) return undefined;
  if (!isObject(filter)) throw invalidParam('tag_filter must be an object');
  const groups = filter.group_list;
  if (absent(groups)) return undefined;
  if (!Array.isArray(groups)) throw invalidParam('tag_filter.group_list must be an array');
  const sets = groups.map((group) => {
    if (!isObject(group)) throw invalidParam('tag_filter.group_list[] must be objects');
    const tags = idsOf(group, 'tag_list', MAX_FILTER_TAGS);
    for (const id of tags) if (!world.tagIndex.has(id)) throw new ApiError(40068, `tag ${id.slice(0, 64)}`);
    return new Set(tags);
  });
  const used = sets.filter((s) => s.size > 0);
  return used.length === 0 ? undefined : used;
}

/** Whether a follow relation passes the tag filter. */
function passes(follow, filter) {
  return filter === undefined || filter.every((set) => follow.tags.some((t) => set.has(t)));
}

/** A sender that can send: an active member with 客户联系 (40003 unknown / resigned, 84074 without it). */
function senderOf(world, body, required) {
  const id = body.sender;
  if (absent(id) || id === '') {
    if (required) throw invalidParam('sender is required for chat_type group');
    return undefined;
  }
  if (typeof id !== 'string') throw invalidParam('sender must be a string');
  const member = world.members.get(id);
  if (member === undefined || member.status !== 'active') throw new ApiError(40003, 'sender');
  if (!member.follow) throw new ApiError(84074, 'sender');
  return id;
}

/**
 * The member who sends to a customer when no sender is named: the active follower with 客户联系
 * and the newest relation (WeCom: the member who last talked to the customer).
 */
function latestFollower(world, externalUserid, filter) {
  let best;
  for (const follow of world.follows.get(externalUserid)?.values() ?? []) {
    const member = world.members.get(follow.userid);
    if (member?.status !== 'active' || !member.follow || !passes(follow, filter)) continue;
    if (best === undefined || follow.createtime > best.createtime) best = follow;
  }
  return best?.userid;
}

/** Adds `recipient` to `userid`'s task. */
function assign(tasks, userid, recipient) {
  let list = tasks.get(userid);
  if (list === undefined) {
    list = [];
    tasks.set(userid, list);
  }
  list.push({ ...recipient, userid, status: 0 });
}

/** The customers of a `single` message, per sending member, and the ids that cannot be reached. */
function customerRecipients(world, body, sender) {
  const ids = idsOf(body, 'external_userid', MAX_RECIPIENT_IDS);
  const filter = tagFilter(world, body);
  if (ids.length === 0 && sender === undefined) throw invalidParam('external_userid and sender are both empty');
  /** @type {Map<string, object[]>} */
  const tasks = new Map();
  const fail = [];
  const candidates = ids.length > 0 ? ids : (world.byMember.get(/** @type {string} */ (sender)) ?? []);
  for (const id of candidates) {
    if (!world.customers.has(id)) {
      fail.push(id);
      continue;
    }
    if (sender !== undefined) {
      const follow = world.follows.get(id)?.get(sender);
      if (follow === undefined) fail.push(id);
      else if (passes(follow, filter)) assign(tasks, sender, { external_userid: id });
      continue;
    }
    const userid = latestFollower(world, id, filter);
    if (userid !== undefined) assign(tasks, userid, { external_userid: id });
    else if (filter === undefined) fail.push(id);
  }
  return { tasks, fail };
}

/** The group chats of a `group` message (all the sender's, or those of `chat_id_list` it owns). */
function chatRecipients(world, body, sender) {
  const ids = idsOf(body, 'chat_id_list', MAX_CHAT_IDS);
  /** @type {Map<string, object[]>} */
  const tasks = new Map();
  const fail = [];
  if (ids.length > 0) {
    for (const id of ids) {
      const chat = world.groupChats.get(id);
      if (chat === undefined || chat.owner !== sender) fail.push(id);
      else assign(tasks, sender, { chat_id: id });
    }
  } else {
    for (const chat of world.groupChats.values()) if (chat.owner === sender) assign(tasks, sender, { chat_id: chat.chat_id });
  }
  return { tasks, fail };
}

/**
 * `POST /cgi-bin/externalcontact/add_msg_template` — creates a mass message: `chat_type` single
 * (default) or group, recipients as above, `text` + `attachments` (message-body.mjs), `allow_select`.
 * Answers `{ fail_list, msgid }`. 40058 bad fields (group without `sender`, single without
 * `external_userid` and `sender`, over 10 000 ids / 2000 chats / 100 tags a group); 40003 / 84074 a
 * sender who cannot send; 40068 unknown filter tag; 40007 unknown media id; 41064 / 41065
 * attachments; 41048 nobody to send to; 45009 past the look-alike's stored-message bounds.
 * https://developer.work.weixin.qq.com/document/path/92135
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ fail_list: string[], msgid: string }}
 */
export function addMsgTemplate({ body, env }) {
  const world = env.world;
  settleMessages(world);
  const chatType = body.chat_type ?? 'single';
  if (chatType !== 'single' && chatType !== 'group') throw invalidParam('chat_type must be single or group');
  if (!absent(body.allow_select) && typeof body.allow_select !== 'boolean') throw invalidParam('allow_select must be a boolean');
  const content = messageBody(world, body);
  const sender = senderOf(world, body, chatType === 'group');
  const { tasks, fail } = chatType === 'group' ? chatRecipients(world, body, sender) : customerRecipients(world, body, sender);
  let count = 0;
  for (const list of tasks.values()) count += list.length;
  if (count === 0) throw new ApiError(41048, 'no recipient can be reached');
  const book = messageBook(world);
  if (!book.hasRoom(count)) throw new ApiError(45009, 'the look-alike keeps at most 10000 messages and 2000000 send results');
  const msgid = book.nextMsgid();
  book.add({
    msgid,
    chat_type: chatType,
    create_type: 0,
    create_time: world.clock.nowSeconds(),
    text: content.text,
    attachments: content.attachments,
    allow_select: chatType === 'single' && body.allow_select === true,
    tasks: new Map([...tasks].map(([userid, results]) => [userid, { userid, status: 0, results }])),
    cancelled: false,
    reminders: [],
  });
  return { fail_list: fail, msgid };
}

/** The mass-message endpoints, path → handler (joined in handlers.mjs). */
export const MESSAGE_HANDLERS = [
  ['externalcontact/add_msg_template', addMsgTemplate],
  ...MESSAGE_RECORD_HANDLERS,
];
