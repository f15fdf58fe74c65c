// Endpoint handlers for group join ways (客户群「加入群聊」): `groupchat/add_join_way`,
// `get_join_way`, `update_join_way` (overwrites every setting) and `del_join_way`. They use the
// 「联系我」 family's errcodes, as the two kinds of way share one quota: 41038 / 41040 scene missing /
// invalid, 41043 / 41044 config_id missing / unknown, 41045 quota, plus 41091 for more than five chats.
// Doc: https://developer.work.weixin.qq.com/document/path/92229

import { ApiError, invalidParam } from './errors.mjs';
import { optionalInt, optionalText, stringList } from './transfer-params.mjs';
import { createJoinWay, replaceJoinWay } from './world/join-ways.mjs';

/** Remarks longer than this are cut (「超过30个字符将被截断」), not refused. */
export const JOIN_WAY_REMARK_CHARS = 30;
/** Longest `room_base_name` (「最长40个utf8字符」). */
export const ROOM_BASE_NAME_CHARS = 40;
/** Longest `state` (「不超过30个UTF-8字符」). */
export const JOIN_WAY_STATE_CHARS = 30;
/** Most chats per way (「最多支持5个」, 41091). */
export const JOIN_WAY_CHATS = 5;

const absent = (v) => v === undefined || v === null || v === '';

/** The first `max` characters (code points) of `text`. */
function truncate(text, max) {
  let out = '';
  let n = 0;
  for (const ch of text) {
    if (n === max) break;
    out += ch;
    n += 1;
  }
  return out;
}

/** The way named by `config_id`: 41043 missing, 41044 not a stored way. */
function requireWay(body, world) {
  const id = body.config_id;
  if (absent(id)) throw new ApiError(41043);
  const way = typeof id === 'string' ? world.joinWays.get(id) : undefined;
  if (way === undefined) throw new ApiError(41044);
  return way;
}

/**
 * Checks the settings of add_join_way / update_join_way and returns them as stored.
 * @param {Record<string, any>} body
 * @param {{ groupChats: Map<string, object> }} world
 * @returns {Omit<import('./world/join-ways.mjs').JoinWay, 'config_id' | 'qr_code'>}
 */
function readSettings(body, world) {
  if (absent(body.scene)) throw new ApiError(41038);
  if (body.scene !== 1 && body.scene !== 2) throw new ApiError(41040);
  const remark = body.remark;
  if (remark !== undefined && remark !== null && typeof remark !== 'string') throw invalidParam('remark must be a string');
  const autoCreateRoom = optionalInt(body, 'auto_create_room', 0, 1, 1);
  const roomBaseName = optionalText(body, 'room_base_name', ROOM_BASE_NAME_CHARS);
  const roomBaseId = optionalInt(body, 'room_base_id', 0, 2 ** 32 - 1, undefined);
  const chats = body.chat_id_list;
  if (Array.isArray(chats) && chats.length > JOIN_WAY_CHATS) throw new ApiError(41091);
  const chatIds = stringList(body, 'chat_id_list', JOIN_WAY_CHATS);
  for (const id of chatIds) if (!world.groupChats.has(id)) throw new ApiError(40050, `unknown chat_id in chat_id_list`);
  const state = optionalText(body, 'state', JOIN_WAY_STATE_CHARS);
  const settings = { scene: body.scene };
  if (typeof remark === 'string') settings.remark = truncate(remark, JOIN_WAY_REMARK_CHARS);
  settings.auto_create_room = autoCreateRoom;
  if (roomBaseName !== undefined) settings.room_base_name = roomBaseName;
  if (roomBaseId !== undefined) settings.room_base_id = roomBaseId;
  settings.chat_id_list = [...chatIds];
  if (state !== undefined) settings.state = state;
  return settings;
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/add_join_way` — a new way for up to five of the world's
 * chats. 41038 / 41040 scene missing / not 1 or 2; 40058 chat_id_list missing or empty, bad
 * auto_create_room (0/1), room_base_name over 40 characters, room_base_id not an integer ≥ 0,
 * state over 30 characters; 41091 more than 5 chats; 40050 a chat that is not in the world; 41045
 * when the look-alike already holds 10 000 join ways. A remark over 30 characters is cut.
 * https://developer.work.weixin.qq.com/document/path/92229
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ config_id: string }}
 */
export function addJoinWay({ body, env }) {
  const settings = readSettings(body, env.world);
  const way = createJoinWay(env.world, settings);
  if (way === null) throw new ApiError(41045);
  return { config_id: way.config_id };
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/get_join_way` — one way's settings with its `qr_code`.
 * https://developer.work.weixin.qq.com/document/path/92229
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ join_way: import('./world/join-ways.mjs').JoinWay }}
 */
export function getJoinWay({ body, env }) {
  return { join_way: structuredClone(requireWay(body, env.world)) };
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/update_join_way` — overwrites every setting (scene and
 * chat_id_list are required again; a setting left out goes back to its default), checked as
 * {@link addJoinWay}.
 * https://developer.work.weixin.qq.com/document/path/92229
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function updateJoinWay({ body, env }) {
  const way = requireWay(body, env.world);
  replaceJoinWay(env.world, way, readSettings(body, env.world));
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/groupchat/del_join_way` — deletes one way.
 * https://developer.work.weixin.qq.com/document/path/92229
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function delJoinWay({ body, env }) {
  env.world.joinWays.delete(requireWay(body, env.world).config_id);
  return {};
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const JOIN_WAY_HANDLERS = [
  ['externalcontact/groupchat/add_join_way', addJoinWay],
  ['externalcontact/groupchat/get_join_way', getJoinWay],
  ['externalcontact/groupchat/update_join_way', updateJoinWay],
  ['externalcontact/groupchat/del_join_way', delJoinWay],
];
