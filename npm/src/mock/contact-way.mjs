// Endpoint handlers for contact ways ("联系我"):
// add / get / update / del / list_contact_way.
// Doc: https://developer.work.weixin.qq.com/document/path/92228

import { ApiError, invalidParam } from './errors.mjs';
import { MAX_CONTACT_WAYS } from './contact-way-store.mjs';
import { validateCreate, validateUpdate } from './contact-way-validate.mjs';

/**
 * @typedef {object} HandlerContext
 * @property {URLSearchParams} query Query string of the request.
 * @property {Record<string, any>} body Parsed JSON body (POST endpoints) or `{}`.
 * @property {import('./index.mjs').MockEnv} env Shared server state.
 */

const absent = (v) => v === undefined || v === null;

/** 41043 when config_id is missing, 41044 when it is not a stored way. */
function requireWay(body, store) {
  const id = body.config_id;
  if (absent(id) || id === '') throw new ApiError(41043);
  if (typeof id !== 'string' || store.get(id) === undefined) throw new ApiError(41044);
  return id;
}

/** The way as `get_contact_way` shows it: image media_id becomes pic_url. */
function readView(way) {
  const view = structuredClone(way);
  const image = view.conclusions?.image;
  if (image?.media_id !== undefined) {
    view.conclusions.image = { pic_url: `https://wwcdn.weixin.qq.com/wwpic/mock/${encodeURIComponent(image.media_id)}.jpg` };
  }
  return view;
}

/**
 * `POST /cgi-bin/externalcontact/add_contact_way` — stores a new way.
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {HandlerContext} ctx
 * @returns {{ config_id: string, qr_code?: string }}
 */
export function addContactWay({ body, env }) {
  const fields = validateCreate(body);
  const way = env.contactWays.create(fields);
  if (way === null) throw invalidParam(`mock contact way limit reached (${MAX_CONTACT_WAYS})`);
  return way.scene === 2 ? { config_id: way.config_id, qr_code: way.qr_code } : { config_id: way.config_id };
}

/**
 * `POST /cgi-bin/externalcontact/get_contact_way` — reads one way.
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {HandlerContext} ctx
 * @returns {{ contact_way: object }}
 */
export function getContactWay({ body, env }) {
  const id = requireWay(body, env.contactWays);
  return { contact_way: readView(env.contactWays.get(id)) };
}

/**
 * `POST /cgi-bin/externalcontact/update_contact_way` — changes the given fields.
 * An expired temp way answers 41044.
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {HandlerContext} ctx
 * @returns {{}}
 */
export function updateContactWay({ body, env }) {
  const id = requireWay(body, env.contactWays);
  if (env.contactWays.isExpired(id)) throw new ApiError(41044, 'temp contact way expired');
  const changes = validateUpdate(body, env.contactWays.get(id));
  env.contactWays.update(id, changes);
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/del_contact_way` — deletes one way.
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {HandlerContext} ctx
 * @returns {{}}
 */
export function delContactWay({ body, env }) {
  const id = requireWay(body, env.contactWays);
  env.contactWays.delete(id);
  return {};
}

function optSeconds(body, key) {
  const v = body[key];
  if (absent(v)) return undefined;
  if (!Number.isInteger(v) || v < 0) throw invalidParam(`${key} must be a unix time in seconds`);
  return v;
}

/**
 * `POST /cgi-bin/externalcontact/list_contact_way` — pages through non-temp
 * ways created within [start_time, end_time] (defaults: 90 days ago, now).
 * `limit` defaults to 100, max 1000; an unknown cursor answers 40058.
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {HandlerContext} ctx
 * @returns {{ contact_way: Array<{ config_id: string }>, next_cursor?: string }}
 */
export function listContactWay({ body, env }) {
  const now = env.clock.nowSeconds();
  const startTime = optSeconds(body, 'start_time') ?? now - 90 * 24 * 3600;
  const endTime = optSeconds(body, 'end_time') ?? now;
  if (endTime < startTime) throw invalidParam('end_time is before start_time');
  let limit = body.limit;
  if (absent(limit) || limit === 0) limit = 100;
  if (!Number.isInteger(limit) || limit < 0) throw invalidParam('limit must be a positive integer');
  if (limit > 1000) throw invalidParam('limit exceeds 1000');
  let cursor = body.cursor;
  if (absent(cursor) || cursor === '') cursor = undefined;
  else if (typeof cursor !== 'string' || !env.contactWays.hasCursor(cursor)) throw invalidParam('invalid cursor');
  const { configIds, nextCursor } = env.contactWays.list({ startTime, endTime, cursor, limit });
  const answer = { contact_way: configIds.map((config_id) => ({ config_id })) };
  if (nextCursor !== undefined) answer.next_cursor = nextCursor;
  return answer;
}
