// The message body that mass messages and welcome messages share: `text.content` and
// `attachments[]` (image / link / miniprogram / video / file), checked as WeCom checks them, with
// every media id looked up in the world (seeded ids and uploads): an unknown one answers 40007.
// Docs: https://developer.work.weixin.qq.com/document/path/92135, 92137 (send_welcome_msg).

import { ApiError, invalidParam } from './errors.mjs';
import { knownMedia } from './world/messages.mjs';

/** Most attachments in one message (「最多支持添加9个附件」; 41064 past it). */
export const MAX_ATTACHMENTS = 9;
/** Longest `text.content` of a message, in UTF-8 bytes. */
export const MAX_TEXT_BYTES = 4000;

const absent = (v) => v === undefined || v === null;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An optional string of at most `max` UTF-8 bytes; `required` makes it non-empty. */
function text(obj, name, max, required) {
  const value = obj[name];
  if (absent(value) || value === '') {
    if (required) throw invalidParam(`${name} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`);
  if (Buffer.byteLength(value, 'utf8') > max) throw invalidParam(`${name} is longer than ${max} bytes`);
  return value;
}

/** A media id the world knows: 40058 when missing, 40007 when unknown. */
function media(world, obj, name) {
  const id = text(obj, name, 256, true);
  if (!knownMedia(world, id)) throw new ApiError(40007, `${name} ${id.slice(0, 64)}`);
  return id;
}

/**
 * `text` of a message: `{ content }` (≤ `maxBytes` UTF-8 bytes) or undefined when absent / empty.
 * @param {Record<string, any>} body
 * @param {number} [maxBytes]
 * @returns {{ content: string } | undefined}
 */
export function messageText(body, maxBytes = MAX_TEXT_BYTES) {
  if (absent(body.text)) return undefined;
  if (!isObject(body.text)) throw invalidParam('text must be an object');
  const content = text(body.text, 'content', maxBytes, false);
  return content === undefined ? undefined : { content };
}

/**
 * One attachment's payload, checked for its `msgtype` (a copy with only the known fields).
 * @param {object} world
 * @param {string} type image | link | miniprogram | video | file
 * @param {unknown} payload
 * @returns {Record<string, string>}
 */
export function attachmentPayload(world, type, payload) {
  if (!isObject(payload)) throw invalidParam(`${type} must be an object`);
  const p = /** @type {Record<string, any>} */ (payload);
  switch (type) {
    case 'image': {
      if (!absent(p.media_id) && p.media_id !== '') return { media_id: media(world, p, 'media_id') };
      const picUrl = text(p, 'pic_url', 2048, false);
      if (picUrl === undefined) throw invalidParam('image needs media_id or pic_url');
      return { pic_url: picUrl };
    }
    case 'link': {
      const out = { title: text(p, 'title', 128, true), url: text(p, 'url', 2048, true) };
      const picurl = text(p, 'picurl', 2048, false);
      const desc = text(p, 'desc', 512, false);
      return { ...out, ...(picurl === undefined ? {} : { picurl }), ...(desc === undefined ? {} : { desc }) };
    }
    case 'miniprogram':
      return {
        title: text(p, 'title', 64, true),
        pic_media_id: media(world, p, 'pic_media_id'),
        appid: text(p, 'appid', 64, true),
        page: text(p, 'page', 1024, true),
      };
    case 'video':
    case 'file':
      return { media_id: media(world, p, 'media_id') };
    default:
      throw new ApiError(41065, `msgtype ${String(type).slice(0, 32)}`);
  }
}

/**
 * `attachments` of a message (copies): not a list (40058), more than {@link MAX_ATTACHMENTS}
 * (41064), an unknown `msgtype` (41065), a payload that does not match its `msgtype` (40058) or an
 * unknown media id (40007).
 * @param {object} world
 * @param {Record<string, any>} body
 * @returns {Array<Record<string, unknown>>}
 */
export function messageAttachments(world, body) {
  const list = body.attachments;
  if (absent(list)) return [];
  if (!Array.isArray(list)) throw invalidParam('attachments must be an array');
  if (list.length > MAX_ATTACHMENTS) throw new ApiError(41064, `at most ${MAX_ATTACHMENTS} attachments`);
  return list.map((item) => {
    if (!isObject(item)) throw invalidParam('attachments[] must be objects');
    const type = item.msgtype;
    if (typeof type !== 'string' || !['image', 'link', 'miniprogram', 'video', 'file'].includes(type)) {
      throw new ApiError(41065, 'invalid msgtype');
    }
    return { msgtype: type, [type]: attachmentPayload(world, type, item[type]) };
  });
}

/**
 * Text and attachments of a mass or welcome message; 40058 when both are empty.
 * @param {object} world
 * @param {Record<string, any>} body
 * @returns {{ text: { content: string } | undefined, attachments: Array<Record<string, unknown>> }}
 */
export function messageBody(world, body) {
  const content = messageText(body);
  const attachments = messageAttachments(world, body);
  if (content === undefined && attachments.length === 0) throw invalidParam('text and attachments are both empty');
  return { text: content, attachments };
}
