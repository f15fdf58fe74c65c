// WeCom-style error answers: the errcode table, the ApiError class that
// handlers throw, and the realistic errmsg text (hint, from ip, more info).
// Global error code reference: https://developer.work.weixin.qq.com/document/path/90313

import { randomBytes } from 'node:crypto';

/**
 * Base errmsg text for every errcode the mock server answers with.
 * The full errmsg adds WeCom's usual `, hint: [...], from ip: ..., more info at ...` tail.
 * Global error codes: https://developer.work.weixin.qq.com/document/path/90313
 * @type {Readonly<Record<number, string>>}
 */
export const ERRMSG = Object.freeze({
  [-1]: 'system error',
  40001: 'invalid credential',
  40003: 'invalid userid',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40006: 'invalid file size',
  40007: 'invalid media_id',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40031: 'invalid userid list',
  40050: 'chatid not found',
  40056: 'invalid agentid',
  40058: 'invalid Request Parameter',
  40063: 'some parameters are empty',
  40066: 'invalid url',
  40068: 'invalid tagid',
  40071: 'tag name already exists',
  40072: 'invalid tag name length',
  40096: 'invalid external userid',
  40097: 'handover user is not resigned',
  40098: 'takeover user is not real-name verified',
  40099: 'external contact count reach limit',
  40100: 'external contact already in transfer',
  40126: 'corp tag count exceed limit 3000',
  40128: 'transfer too frequent, at most 2 times in 90 days',
  40129: 'customer is being transferred',
  40130: 'handover and takeover are the same user',
  40131: 'handover user is not the follower of the customer',
  40143: 'takeover user is banned',
  40206: 'invalid size',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  41005: 'media data missing',
  41035: 'external_userid missing',
  41037: 'type missing',
  41038: 'scene missing',
  41039: 'invalid type',
  41040: 'invalid scene',
  41041: 'member count exceed',
  41043: 'config_id missing',
  41044: 'invalid config_id',
  41045: 'contact way count exceed',
  41046: 'msgid missing',
  41047: 'invalid msgid',
  41048: 'no external contact to send to',
  41049: 'welcome_code missing',
  41050: 'invalid welcome_code',
  41051: 'customer and staff already started chatting',
  41055: 'group welcome template count reach limit',
  41056: 'invalid external userid type',
  41059: 'missing moment id',
  41060: 'invalid moment id',
  41061: 'moment not created by the corp',
  41062: 'userid is not a sender of this moment',
  41064: 'attachment count exceed limit',
  41065: 'invalid attachment msgtype',
  41067: 'moment not published by this userid yet',
  41089: 'moment text and attachments cannot both be empty',
  41091: 'a join way can use at most 5 chats',
  41093: 'mass message task cancelled',
  41094: 'remind mass message too frequently',
  42001: 'access_token expired',
  44001: 'empty media file',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  48002: 'api forbidden',
  60020: 'not allow to access from your ip',
  60123: 'invalid party id',
  81017: 'request count exceed limit',
  84061: 'not external contact',
  84074: 'no external contact permission',
  90500: 'the owner of this chat is not resigned',
  90501: 'chat is not external group chat',
  90502: 'group chat owner already resigned',
  90503: 'group chat member count reach limit',
  90504: 'group chat owner not changed',
  90507: 'group chat is being transferred',
  90508: 'group chat already inherited',
  90509: 'group chat is not a wecom customer group',
  90511: 'invalid opengid',
  610014: 'invalid unionid',
  610018: 'openid and unionid not under the same open platform account',
});

/**
 * Error thrown by endpoint handlers; the router turns it into an HTTP 200
 * `{errcode, errmsg}` answer.
 */
export class ApiError extends Error {
  /**
   * @param {number} errcode WeCom errcode (see {@link ERRMSG}).
   * @param {string} [detail] Extra text appended after the base errmsg.
   */
  constructor(errcode, detail) {
    super(detail ? `${ERRMSG[errcode] ?? 'error'}, ${detail}` : (ERRMSG[errcode] ?? 'error'));
    this.name = 'ApiError';
    this.errcode = errcode;
    this.detail = detail;
  }
}

/**
 * Shorthand for a 40058 "invalid Request Parameter" error with a detail.
 * @param {string} detail What was wrong.
 * @returns {ApiError}
 */
export function invalidParam(detail) {
  return new ApiError(40058, detail);
}

let hintSeq = 0;

/**
 * Builds a realistic WeCom errmsg, e.g.
 * `invalid access_token, hint: [1700000000_12_a1b2c3d4e5f6], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=40014`.
 * @param {number} errcode WeCom errcode.
 * @param {{ detail?: string, ip?: string, nowMs?: number }} [info]
 * @returns {string}
 */
export function formatErrmsg(errcode, { detail, ip = '127.0.0.1', nowMs = Date.now() } = {}) {
  const base = ERRMSG[errcode] ?? 'error';
  const text = detail ? `${base}, ${detail}` : base;
  hintSeq = (hintSeq + 1) % 1_000_000;
  const hint = `${Math.floor(nowMs / 1000)}_${hintSeq}_${randomBytes(6).toString('hex')}`;
  return `${text}, hint: [${hint}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`;
}

/**
 * Builds a complete error answer body `{errcode, errmsg}`.
 * @param {number} errcode WeCom errcode.
 * @param {{ detail?: string, ip?: string, nowMs?: number }} [info]
 * @returns {{ errcode: number, errmsg: string }}
 */
export function errorAnswer(errcode, info) {
  return { errcode, errmsg: formatErrmsg(errcode, info) };
}
