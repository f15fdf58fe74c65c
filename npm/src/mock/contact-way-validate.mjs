// Server-side validation of contact-way ("联系我") request bodies, turning
// them into the normalised fields the store keeps.
// Doc: https://developer.work.weixin.qq.com/document/path/92228

import { ApiError, invalidParam } from './errors.mjs';

/** Longest temp-way QR / chat lifetime WeCom allows: 14 days. */
const MAX_TEMP_SECONDS = 14 * 24 * 3600;
/** Max members in `user` or departments in `party` (41041 beyond). */
const MAX_MEMBERS = 100;

const absent = (v) => v === undefined || v === null;
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const charCount = (s) => [...s].length;

function optBool(body, key) {
  const v = body[key];
  if (absent(v)) return undefined;
  if (typeof v !== 'boolean') throw invalidParam(`${key} must be a boolean`);
  return v;
}

function optInt(body, key, min, max) {
  const v = body[key];
  if (absent(v)) return undefined;
  if (!Number.isInteger(v) || v < min || v > max) throw invalidParam(`${key} must be an integer in [${min}, ${max}]`);
  return v;
}

function optString(body, key, maxChars) {
  const v = body[key];
  if (absent(v)) return undefined;
  if (typeof v !== 'string' || charCount(v) > maxChars) throw invalidParam(`${key} must be a string of at most ${maxChars} characters`);
  return v;
}

function optUsers(body) {
  const v = body.user;
  if (absent(v)) return undefined;
  if (!Array.isArray(v)) throw invalidParam('user must be an array of userid strings');
  if (v.length > MAX_MEMBERS) throw new ApiError(41041, `user has ${v.length} members, max ${MAX_MEMBERS}`);
  for (const u of v) {
    if (typeof u !== 'string' || u.length === 0 || u.length > 64) throw invalidParam('user must contain non-empty userid strings');
  }
  return [...v];
}

function optParties(body) {
  const v = body.party;
  if (absent(v)) return undefined;
  if (!Array.isArray(v)) throw invalidParam('party must be an array of department ids');
  if (v.length > MAX_MEMBERS) throw new ApiError(41041, `party has ${v.length} departments, max ${MAX_MEMBERS}`);
  for (const p of v) {
    if (!Number.isInteger(p) || p < 1 || p > 2 ** 32) throw invalidParam('party must contain positive integer department ids');
  }
  return [...v];
}

function reqString(obj, where, key, maxBytes, required = true) {
  const v = obj[key];
  if (absent(v)) {
    if (required) throw invalidParam(`${where}.${key} missing`);
    return undefined;
  }
  if (typeof v !== 'string' || Buffer.byteLength(v) > maxBytes) {
    throw invalidParam(`${where}.${key} must be a string of at most ${maxBytes} bytes`);
  }
  return v;
}

/**
 * Validates `conclusions` (结束语) and keeps only the known parts:
 * `text {content}`, `image {media_id | pic_url}`, `link {title, picurl?, desc?, url}`,
 * `miniprogram {title, pic_media_id, appid, page}`.
 * @param {unknown} v
 * @returns {object | undefined}
 */
export function normalizeConclusions(v) {
  if (absent(v)) return undefined;
  if (!isPlainObject(v)) throw invalidParam('conclusions must be an object');
  const out = {};
  if (!absent(v.text)) {
    if (!isPlainObject(v.text)) throw invalidParam('conclusions.text must be an object');
    out.text = { content: reqString(v.text, 'conclusions.text', 'content', 4000) };
  }
  if (!absent(v.image)) {
    if (!isPlainObject(v.image)) throw invalidParam('conclusions.image must be an object');
    const mediaId = reqString(v.image, 'conclusions.image', 'media_id', 256, false);
    const picUrl = reqString(v.image, 'conclusions.image', 'pic_url', 2048, false);
    if (mediaId === undefined && picUrl === undefined) throw invalidParam('conclusions.image.media_id missing');
    out.image = mediaId !== undefined ? { media_id: mediaId } : { pic_url: picUrl };
  }
  if (!absent(v.link)) {
    if (!isPlainObject(v.link)) throw invalidParam('conclusions.link must be an object');
    const link = { title: reqString(v.link, 'conclusions.link', 'title', 512) };
    const picurl = reqString(v.link, 'conclusions.link', 'picurl', 2048, false);
    if (picurl !== undefined) link.picurl = picurl;
    const desc = reqString(v.link, 'conclusions.link', 'desc', 1024, false);
    if (desc !== undefined) link.desc = desc;
    link.url = reqString(v.link, 'conclusions.link', 'url', 2048);
    out.link = link;
  }
  if (!absent(v.miniprogram)) {
    if (!isPlainObject(v.miniprogram)) throw invalidParam('conclusions.miniprogram must be an object');
    const mp = v.miniprogram;
    out.miniprogram = {
      title: reqString(mp, 'conclusions.miniprogram', 'title', 512),
      pic_media_id: reqString(mp, 'conclusions.miniprogram', 'pic_media_id', 256),
      appid: reqString(mp, 'conclusions.miniprogram', 'appid', 64),
      page: reqString(mp, 'conclusions.miniprogram', 'page', 1024),
    };
  }
  return out;
}

/** Fields that only apply to temp ways (is_temp = true). */
function tempFields(body) {
  return {
    expires_in: optInt(body, 'expires_in', 1, MAX_TEMP_SECONDS),
    chat_expires_in: optInt(body, 'chat_expires_in', 1, MAX_TEMP_SECONDS),
    unionid: optString(body, 'unionid', 128),
    conclusions: normalizeConclusions(body.conclusions),
  };
}

/** Common checks on the resulting member lists. */
function checkMembers(type, user, party) {
  if (type === 1 && user.length !== 1) {
    throw invalidParam('type 1 (single member) needs exactly one user');
  }
  if (type === 2 && user.length === 0 && party.length === 0) {
    throw invalidParam('type 2 (multiple members) needs user or party');
  }
}

/**
 * Validates an `add_contact_way` body and returns the fields to store
 * (defaults applied: remark '', state '', skip_verify true, is_temp false,
 * is_exclusive false; temp ways: expires_in 604800, chat_expires_in 86400).
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {Record<string, unknown>} body Parsed JSON body.
 * @returns {object}
 * @throws {ApiError} 41037/41038 missing type/scene, 41039/41040 invalid type/scene,
 *   41041 more than 100 users or parties, 40058 any other invalid field.
 */
export function validateCreate(body) {
  if (absent(body.type)) throw new ApiError(41037);
  if (body.type !== 1 && body.type !== 2) throw new ApiError(41039, 'type must be 1 or 2');
  if (absent(body.scene)) throw new ApiError(41038);
  if (body.scene !== 1 && body.scene !== 2) throw new ApiError(41040, 'scene must be 1 or 2');
  const user = optUsers(body) ?? [];
  const party = optParties(body) ?? [];
  const fields = {
    type: body.type,
    scene: body.scene,
    style: optInt(body, 'style', 0, 2 ** 31 - 1),
    remark: optString(body, 'remark', 30) ?? '',
    skip_verify: optBool(body, 'skip_verify') ?? true,
    state: optString(body, 'state', 30) ?? '',
    user,
    party,
    is_temp: optBool(body, 'is_temp') ?? false,
    is_exclusive: optBool(body, 'is_exclusive') ?? false,
    mark_source: optBool(body, 'mark_source'),
  };
  const temp = tempFields(body); // validated even when ignored, like a strict server
  checkMembers(fields.type, user, party);
  if (fields.is_temp) {
    if (fields.type !== 1) throw invalidParam('temp mode (is_temp) only supports type 1');
    fields.expires_in = temp.expires_in ?? 7 * 24 * 3600;
    fields.chat_expires_in = temp.chat_expires_in ?? 24 * 3600;
    fields.unionid = temp.unionid;
    fields.conclusions = temp.conclusions;
  }
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/**
 * Validates an `update_contact_way` body against the stored way and returns
 * the changed fields (type, scene and is_temp cannot change; `user`/`party`
 * replace the old lists; temp-only fields are ignored for non-temp ways).
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {Record<string, unknown>} body Parsed JSON body.
 * @param {object} way The stored way.
 * @returns {object}
 * @throws {ApiError} 41041 more than 100 users or parties, 40058 any other invalid field.
 */
export function validateUpdate(body, way) {
  const changes = {
    style: optInt(body, 'style', 0, 2 ** 31 - 1),
    remark: optString(body, 'remark', 30),
    skip_verify: optBool(body, 'skip_verify'),
    state: optString(body, 'state', 30),
    user: optUsers(body),
    party: optParties(body),
    is_exclusive: optBool(body, 'is_exclusive'),
    mark_source: optBool(body, 'mark_source'),
  };
  const temp = tempFields(body);
  if (way.is_temp) Object.assign(changes, temp);
  for (const key of Object.keys(changes)) if (changes[key] === undefined) delete changes[key];
  checkMembers(way.type, changes.user ?? way.user, changes.party ?? way.party);
  return changes;
}
