// The world's mass messages (企业群发): each message has one task per sending member and one send
// result per recipient (a customer or a group chat). Nothing is sent when the message is created:
// a task stays status 0 until its member "confirms" (the admin call `confirmGroupMsg`) or, on the
// world's clock, AUTO_CONFIRM_SECONDS after creation. Sending applies WeCom's receive quota (one
// mass message per customer / group chat per China day; the newer official text) and the follow
// relation at that moment. Lazy like transfers: `settleMessages` confirms the due tasks whenever a
// message endpoint or `mock.world` reads them. No timers.
// Docs: https://developer.work.weixin.qq.com/document/path/92135 (add_msg_template),
// https://developer.work.weixin.qq.com/document/path/93338 (records), 97610 (remind), 97611 (cancel).

import { createHash } from 'node:crypto';

/** A member who has not confirmed sends automatically this long after creation, in seconds (24 h). */
export const AUTO_CONFIRM_SECONDS = 86_400;
/** Most mass messages the look-alike keeps (a memory bound; past it, 45009). */
export const MAX_MESSAGES = 10_000;
/** Most send results kept over all messages (a memory bound; past it, 45009). */
export const MAX_SEND_RESULTS = 2_000_000;
/** Reminders allowed per message within {@link REMIND_WINDOW_SECONDS} (41094 past it). */
export const REMINDERS_PER_WINDOW = 3;
/** The reminders' window, in seconds (「每24小时最多提醒3次」). */
export const REMIND_WINDOW_SECONDS = 86_400;

/** WeCom's days are China's (UTC+8): the day number of a unix time there. */
export function chinaDay(seconds) {
  return Math.floor((seconds + 8 * 3600) / 86_400);
}

/**
 * One recipient of a message, as get_groupmsg_send_result answers it.
 * @typedef {object} SendResult
 * @property {string} [external_userid] Customer messages.
 * @property {string} [chat_id] Group messages.
 * @property {string} userid The sending member.
 * @property {0 | 1 | 2 | 3} status 0 not sent, 1 sent, 2 failed (no longer a contact), 3 failed (quota: already received one today).
 * @property {number} [send_time] Unix seconds, once sent.
 */

/**
 * One member's part of a message.
 * @typedef {object} Task
 * @property {string} userid
 * @property {0 | 2} status 0 not sent, 2 sent.
 * @property {number} [send_time]
 * @property {SendResult[]} results This member's recipients.
 */

/**
 * A stored mass message.
 * @typedef {object} MassMessage
 * @property {string} msgid
 * @property {'single' | 'group'} chat_type
 * @property {0 | 1} create_type 0 by the corp (the API), 1 by a member.
 * @property {string} [creator] Only for messages a member created (the API's have none).
 * @property {number} create_time Unix seconds.
 * @property {{ content: string } | undefined} text
 * @property {object[]} attachments
 * @property {boolean} allow_select
 * @property {Map<string, Task>} tasks userid → task, in the order the members were first met.
 * @property {boolean} cancelled
 * @property {number[]} reminders Times of the last reminders (at most {@link REMINDERS_PER_WINDOW}).
 */

/**
 * The world's messages (`world.messages`).
 */
export class MessageBook {
  /**
   * @param {number} seed The world's seed (for msgids and the seeded media ids).
   */
  constructor(seed) {
    this.seed = seed;
    /** @type {MassMessage[]} in creation order (get_groupmsg_list_v2's order) */
    this.list = [];
    /** @type {Map<string, MassMessage>} */
    this.byId = new Map();
    /** Index of the first message that may still have unconfirmed tasks due for the clock. */
    this.head = 0;
    /** Send results stored over all messages. */
    this.resultCount = 0;
    /** @type {Map<string, number>} external_userid or chat_id → the China day it last received a mass message */
    this.received = new Map();
    /** @type {ReadonlyArray<{ media_id: string, type: string }>} media ids every seed knows (no upload needed) */
    this.seededMedia = Object.freeze(['image', 'image', 'video', 'file'].map((type, i) => Object.freeze({
      media_id: `3${createHash('sha1').update(`mock-media-${seed}-${i}`).digest('hex')}${type}`,
      type,
    })));
    this.seededMediaIds = new Set(this.seededMedia.map((m) => m.media_id));
  }

  /**
   * A new msgid, derived from the seed and the message's number.
   * @returns {string}
   */
  nextMsgid() {
    return `msg${createHash('sha1').update(`mock-msg-${this.seed}-${this.list.length}`).digest('base64url').slice(0, 27)}`;
  }

  /**
   * Whether `count` more results and one more message fit the memory bounds.
   * @param {number} count
   * @returns {boolean}
   */
  hasRoom(count) {
    return this.list.length < MAX_MESSAGES && this.resultCount + count <= MAX_SEND_RESULTS;
  }

  /**
   * Stores a message.
   * @param {MassMessage} message
   */
  add(message) {
    this.list.push(message);
    this.byId.set(message.msgid, message);
    for (const task of message.tasks.values()) this.resultCount += task.results.length;
  }
}

/**
 * The world's message book, made on first use (a world seeded without one gets it lazily).
 * @param {{ seed: number, messages?: MessageBook }} world
 * @returns {MessageBook}
 */
export function messageBook(world) {
  if (world.messages === undefined) world.messages = new MessageBook(world.seed);
  return world.messages;
}

/**
 * Whether `id` names a media file the world knows: a seeded one, or an upload in `world.media`
 * (the uploads' store, when present) that has not expired (3 days).
 * @param {{ seed: number, messages?: MessageBook, media?: Map<string, { created_at?: number }>, clock: { nowSeconds: () => number } }} world
 * @param {unknown} id
 * @returns {boolean}
 */
export function knownMedia(world, id) {
  if (typeof id !== 'string' || id === '') return false;
  if (messageBook(world).seededMediaIds.has(id)) return true;
  const upload = world.media?.get(id);
  if (upload === undefined) return false;
  return typeof upload.created_at !== 'number' || world.clock.nowSeconds() < upload.created_at + 3 * 86_400;
}

/**
 * Sends one member's task at `now`: each recipient gets status 1 (sent), 2 (the customer is no
 * longer this member's contact, or the chat no longer this member's) or 3 (already received a mass
 * message that China day).
 * @param {object} world
 * @param {MassMessage} message
 * @param {Task} task
 * @param {number} now Unix seconds.
 */
export function sendTask(world, message, task, now) {
  if (task.status === 2 || message.cancelled) return;
  const book = messageBook(world);
  const day = chinaDay(now);
  for (const result of task.results) {
    const key = result.external_userid ?? result.chat_id ?? '';
    const reachable = result.external_userid !== undefined
      ? world.follows.get(result.external_userid)?.has(task.userid) === true
      : world.groupChats.get(key)?.owner === task.userid;
    if (!reachable) result.status = 2;
    else if (book.received.get(key) === day) result.status = 3;
    else {
      result.status = 1;
      book.received.set(key, day);
    }
    result.send_time = now;
  }
  task.status = 2;
  task.send_time = now;
}

/**
 * Sends every task whose member did not confirm within {@link AUTO_CONFIRM_SECONDS}, at its due
 * time, in creation order.
 * @param {object} world
 */
export function settleMessages(world) {
  const book = world.messages;
  if (book === undefined) return;
  const now = world.clock.nowSeconds();
  while (book.head < book.list.length) {
    const message = book.list[book.head];
    const due = message.create_time + AUTO_CONFIRM_SECONDS;
    if (due > now) break;
    for (const task of message.tasks.values()) sendTask(world, message, task, due);
    book.head += 1;
  }
}

/**
 * A member confirms (sends) their task of a mass message now — what `mock.confirmGroupMsg` and
 * `POST /__mock/confirm_groupmsg` do. Confirming a task already sent changes nothing.
 * @param {object} world
 * @param {unknown} msgid
 * @param {unknown} userid
 * @returns {{ msgid: string, userid: string, status: 2, send_time: number, sent: number, failed: number }}
 *   `sent`: recipients with status 1; `failed`: with status 2 or 3.
 * @throws {TypeError} msgid or userid not a non-empty string.
 * @throws {RangeError} no such message, the message was cancelled, or the member has no task in it.
 */
export function confirmGroupMsg(world, msgid, userid) {
  if (typeof msgid !== 'string' || msgid === '') throw new TypeError('confirmGroupMsg(msgid, userid): msgid must be a non-empty string');
  if (typeof userid !== 'string' || userid === '') throw new TypeError('confirmGroupMsg(msgid, userid): userid must be a non-empty string');
  settleMessages(world);
  const message = world.messages?.byId.get(msgid);
  if (message === undefined) throw new RangeError(`confirmGroupMsg: no mass message ${msgid.slice(0, 64)}`);
  if (message.cancelled) throw new RangeError(`confirmGroupMsg: mass message ${msgid.slice(0, 64)} was cancelled`);
  const task = message.tasks.get(userid);
  if (task === undefined) throw new RangeError(`confirmGroupMsg: ${userid.slice(0, 64)} has no task in ${msgid.slice(0, 64)}`);
  sendTask(world, message, task, world.clock.nowSeconds());
  const sent = task.results.filter((r) => r.status === 1).length;
  return { msgid, userid, status: 2, send_time: /** @type {number} */ (task.send_time), sent, failed: task.results.length - sent };
}

/**
 * The messages as `mock.world.massMessages()` shows them: plain objects, tasks as a list, each
 * task with its `results`.
 * @param {object} world
 * @returns {object[]}
 */
export function massMessagesView(world) {
  settleMessages(world);
  return (world.messages?.list ?? []).map((m) => ({ ...m, tasks: [...m.tasks.values()] }));
}
