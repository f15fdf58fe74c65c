// Endpoint handlers for welcome messages: `send_welcome_msg` (a welcome code from `addCustomer`,
// once, within 20 s on the world's clock) and the group welcome templates
// `group_welcome_template/{add,edit,get,del}` (≤ 100 per corp).
// Docs: https://developer.work.weixin.qq.com/document/path/92137, 92366.

import { ApiError, invalidParam } from './errors.mjs';
import { attachmentPayload, messageBody, messageText } from './message-body.mjs';
import { MAX_WELCOME_TEMPLATES, welcomeBook, welcomeCodeEntry } from './world/welcome.mjs';

/** Longest template text on add (the official page: 3000 bytes; 4000 on edit). */
export const TEMPLATE_ADD_TEXT_BYTES = 3000;
/** Longest template text on edit. */
export const TEMPLATE_EDIT_TEXT_BYTES = 4000;
/** A template's one non-text part, by priority (WeCom keeps the first present). */
const TEMPLATE_PARTS = ['image', 'link', 'miniprogram', 'file', 'video'];

const absent = (v) => v === undefined || v === null;

/**
 * `POST /cgi-bin/externalcontact/send_welcome_msg` — sends a welcome message with a code the world
 * issued when the customer was added (`mock.addCustomer`): 41049 code missing, 41050 unknown or
 * older than 20 s, 41051 already used; the body as mass messages (40058, 40007, 41064, 41065).
 * https://developer.work.weixin.qq.com/document/path/92137
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function sendWelcomeMsg({ body, env }) {
  const world = env.world;
  const entry = welcomeCodeEntry(world, body.welcome_code, (errcode) => new ApiError(errcode));
  const message = messageBody(world, body);
  entry.used_at = world.clock.nowSeconds();
  entry.message = message;
  return {};
}

/** The template's parts from a request: text (≤ `maxBytes`) and the first non-text part present. */
function templateParts(world, body, maxBytes) {
  const text = messageText(body, maxBytes);
  const type = TEMPLATE_PARTS.find((t) => !absent(body[t]));
  /** @type {Record<string, unknown>} */
  const parts = {};
  if (text !== undefined) parts.text = text;
  if (type !== undefined) parts[type] = attachmentPayload(world, type, body[type]);
  return { parts, hasMedia: type !== undefined };
}

/** `notify` 0/1 (default 1) and the legacy `agentid` (an integer, ignored). */
function checkFlags(body) {
  if (!absent(body.notify) && body.notify !== 0 && body.notify !== 1) throw invalidParam('notify must be 0 or 1');
  if (!absent(body.agentid) && !Number.isSafeInteger(body.agentid)) throw new ApiError(40056);
  return body.notify ?? 1;
}

/** The stored template `body.template_id` names (40058 missing or unknown). */
function templateOf(world, body) {
  const id = body.template_id;
  if (absent(id) || id === '') throw invalidParam('template_id is required');
  const template = typeof id === 'string' ? welcomeBook(world).templates.get(id) : undefined;
  if (template === undefined) throw invalidParam('invalid template_id');
  return template;
}

/**
 * `POST /cgi-bin/externalcontact/group_welcome_template/add` — stores a template: `text.content`
 * ≤ 3000 bytes and at most one of image / link / miniprogram / file / video (the first present in
 * that order is kept); `notify` 0/1. 40058 both empty or bad fields, 40007 unknown media id, 41055
 * past 100 templates. Answers `template_id`.
 * https://developer.work.weixin.qq.com/document/path/92366
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ template_id: string }}
 */
export function addWelcomeTemplate({ body, env }) {
  const world = env.world;
  const notify = checkFlags(body);
  const { parts } = templateParts(world, body, TEMPLATE_ADD_TEXT_BYTES);
  if (Object.keys(parts).length === 0) throw invalidParam('text and attachments are both empty');
  const book = welcomeBook(world);
  if (book.templates.size >= MAX_WELCOME_TEMPLATES) throw new ApiError(41055);
  const templateId = `msg${world.rng.alnum(24)}`;
  book.templates.set(templateId, { template_id: templateId, ...parts, notify, created_at: world.clock.nowSeconds() });
  return { template_id: templateId };
}

/**
 * `POST /cgi-bin/externalcontact/group_welcome_template/edit` — changes a template: a given `text`
 * (≤ 4000 bytes) replaces the text, a given non-text part replaces the non-text part. 40058
 * template_id missing or unknown, 40007 unknown media id.
 * https://developer.work.weixin.qq.com/document/path/92366
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function editWelcomeTemplate({ body, env }) {
  const world = env.world;
  const template = templateOf(world, body);
  checkFlags(body);
  const { parts, hasMedia } = templateParts(world, body, TEMPLATE_EDIT_TEXT_BYTES);
  if (hasMedia) for (const t of TEMPLATE_PARTS) delete template[t];
  Object.assign(template, parts);
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/group_welcome_template/get` — the template's `text` and its
 * non-text part. 40058 template_id missing or unknown.
 * https://developer.work.weixin.qq.com/document/path/92366
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 */
export function getWelcomeTemplate({ body, env }) {
  const template = templateOf(env.world, body);
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of ['text', ...TEMPLATE_PARTS]) if (template[key] !== undefined) out[key] = structuredClone(template[key]);
  return out;
}

/**
 * `POST /cgi-bin/externalcontact/group_welcome_template/del` — deletes a template. 40058
 * template_id missing or unknown.
 * https://developer.work.weixin.qq.com/document/path/92366
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function delWelcomeTemplate({ body, env }) {
  const template = templateOf(env.world, body);
  welcomeBook(env.world).templates.delete(template.template_id);
  return {};
}

/** The welcome endpoints, path → handler. */
export const WELCOME_HANDLERS = [
  ['externalcontact/send_welcome_msg', sendWelcomeMsg],
  ['externalcontact/group_welcome_template/add', addWelcomeTemplate],
  ['externalcontact/group_welcome_template/edit', editWelcomeTemplate],
  ['externalcontact/group_welcome_template/get', getWelcomeTemplate],
  ['externalcontact/group_welcome_template/del', delWelcomeTemplate],
];
