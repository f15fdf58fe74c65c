// Welcome messages in the world: `addCustomer` (a customer adds a member: a new follow relation and
// the `add_external_contact` callback fields with a `WelcomeCode`), the welcome codes (usable once,
// for WELCOME_CODE_SECONDS on the world's clock) and the corp's group welcome templates (≤ 100).
// Docs: https://developer.work.weixin.qq.com/document/path/92137 (send_welcome_msg),
// https://developer.work.weixin.qq.com/document/path/92130 (the callback), 92366 (templates).

import { createHash } from 'node:crypto';
import { NONE } from './seed-customers.mjs';

/** A welcome code works this long after the customer was added, in seconds (「20秒内有效」). */
export const WELCOME_CODE_SECONDS = 20;
/** Most welcome codes kept at once (expired ones are dropped first; a memory bound). */
export const MAX_WELCOME_CODES = 100_000;
/** Most customers `addCustomer` may add to one world (a memory bound). */
export const MAX_ADDED_CUSTOMERS = 100_000;
/** Most group welcome templates a corp keeps (「最多100个」; 41055 past it). */
export const MAX_WELCOME_TEMPLATES = 100;

/**
 * @typedef {object} WelcomeCode
 * @property {string} code
 * @property {string} userid
 * @property {string} external_userid
 * @property {number} created_at Unix seconds.
 * @property {number} [used_at] Unix seconds, once a welcome message was sent with it.
 * @property {object} [message] What was sent: `{ text, attachments }`.
 */

/**
 * The welcome state of one world (`world.welcome`).
 */
export class WelcomeBook {
  constructor() {
    /** @type {Map<string, WelcomeCode>} in issue order */
    this.codes = new Map();
    /** Customers added by `addCustomer`. */
    this.added = 0;
    /** Codes issued so far (for the next code). */
    this.issued = 0;
    /** @type {Map<string, object>} template_id → template, in creation order */
    this.templates = new Map();
  }

  /**
   * Drops the codes that expired before `now` (issue order is expiry order).
   * @param {number} now Unix seconds.
   */
  prune(now) {
    for (const [code, entry] of this.codes) {
      if (entry.created_at + WELCOME_CODE_SECONDS > now) break;
      this.codes.delete(code);
    }
  }
}

/**
 * The world's welcome book, made on first use.
 * @param {{ welcome?: WelcomeBook }} world
 * @returns {WelcomeBook}
 */
export function welcomeBook(world) {
  if (world.welcome === undefined) world.welcome = new WelcomeBook();
  return world.welcome;
}

/** A string option: undefined when absent, TypeError when not a string of 1–`max` characters. */
function textOption(options, name, max) {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > max) {
    throw new TypeError(`addCustomer: ${name} must be a string of 1-${max} characters`);
  }
  return value;
}

/**
 * A customer adds member `userid` (联系我, a QR code …): a new WeChat customer (or the existing
 * `external_userid`) gets a follow relation to the member, created now, and a welcome code is
 * issued. Answers the fields of the `add_external_contact` callback WeCom would post.
 * @param {import('./index.mjs').World & { welcome?: WelcomeBook }} world
 * @param {{ userid: string, external_userid?: string, name?: string, state?: string }} options
 *   TypeError when malformed; RangeError when `userid` is not an active member with 客户联系, the
 *   customer is unknown or already follows the member, or past {@link MAX_ADDED_CUSTOMERS}.
 * @returns {{ ToUserName: string, FromUserName: string, CreateTime: number, MsgType: 'event',
 *   Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: string,
 *   ExternalUserID: string, State?: string, WelcomeCode: string }}
 */
export function addCustomer(world, options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError('addCustomer(options): options must be an object');
  const userid = textOption(options, 'userid', 64);
  if (userid === undefined) throw new TypeError('addCustomer: userid is required');
  const given = textOption(options, 'external_userid', 64);
  const name = textOption(options, 'name', 64);
  const state = textOption(options, 'state', 30);
  const member = world.members.get(userid);
  if (member === undefined || member.status !== 'active' || !member.follow) {
    throw new RangeError(`addCustomer: ${userid} is not an active member with 客户联系`);
  }
  const book = welcomeBook(world);
  const now = world.clock.nowSeconds();
  let externalUserid = given;
  if (externalUserid !== undefined) {
    if (!world.customers.has(externalUserid)) throw new RangeError(`addCustomer: no customer ${externalUserid}`);
    if (world.follows.get(externalUserid)?.has(userid)) throw new RangeError(`addCustomer: ${externalUserid} already follows ${userid}`);
  } else {
    if (book.added >= MAX_ADDED_CUSTOMERS) throw new RangeError(`addCustomer: at most ${MAX_ADDED_CUSTOMERS} customers may be added`);
    do externalUserid = world.rng.alnum(30, 'wm'); while (world.customers.has(externalUserid));
    let unionid;
    do unionid = world.rng.alnum(27, 'o'); while (world.byUnionid.has(unionid));
    book.added += 1;
    world.customers.set(externalUserid, {
      external_userid: externalUserid,
      name: name ?? `新客户${book.added}`,
      type: 1,
      gender: 0,
      avatar: `https://wework.qpic.cn/wwhead/mock/${externalUserid}/0`,
      unionid,
    });
    world.byUnionid.set(unionid, externalUserid);
    world.follows.set(externalUserid, new Map());
  }
  const follow = {
    userid, remark: '', description: '', createtime: now, tags: NONE, remark_mobiles: NONE,
    oper_userid: externalUserid, add_way: state === undefined ? 0 : 1,
  };
  if (state !== undefined) follow.state = state;
  world.follows.get(externalUserid)?.set(userid, follow);
  world.byMember.set(userid, [...(world.byMember.get(userid) ?? []), externalUserid]);
  book.prune(now);
  if (book.codes.size >= MAX_WELCOME_CODES) throw new RangeError(`addCustomer: more than ${MAX_WELCOME_CODES} welcome codes within 20 s`);
  book.issued += 1;
  const code = createHash('sha256').update(`mock-welcome-${world.seed}-${book.issued}`).digest('base64url').slice(0, 43);
  book.codes.set(code, { code, userid, external_userid: externalUserid, created_at: now });
  /** @type {ReturnType<typeof addCustomer>} */
  const event = {
    ToUserName: world.corpId, FromUserName: 'sys', CreateTime: now, MsgType: 'event', Event: 'change_external_contact',
    ChangeType: 'add_external_contact', UserID: userid, ExternalUserID: externalUserid, WelcomeCode: code,
  };
  if (state !== undefined) event.State = state;
  return event;
}

/**
 * Uses a welcome code: 41049 missing, 41050 unknown or expired (20 s after it was issued),
 * 41051 already used (WeCom: 「客户和服务人员已经开始聊天了」 — the first sender wins).
 * @param {object} world
 * @param {unknown} code
 * @param {(errcode: number) => Error} fail Makes the error to throw for an errcode.
 * @returns {WelcomeCode} The code's entry, not yet marked used.
 */
export function welcomeCodeEntry(world, code, fail) {
  if (code === undefined || code === null || code === '') throw fail(41049);
  const book = welcomeBook(world);
  const now = world.clock.nowSeconds();
  const entry = typeof code === 'string' ? book.codes.get(code) : undefined;
  if (entry === undefined || entry.created_at + WELCOME_CODE_SECONDS <= now) throw fail(41050);
  if (entry.used_at !== undefined) throw fail(41051);
  return entry;
}
