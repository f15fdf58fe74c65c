// Handlers for the small endpoints: gettoken and close_temp_chat.

import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.mjs';

const absent = (v) => v === undefined || v === null || v === '';

/** Constant-time string comparison (hashes first so lengths may differ). */
function sameSecret(a, b) {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * `GET /cgi-bin/gettoken?corpid=&corpsecret=` — 41002 corpid missing,
 * 41004 corpsecret missing, 40013 unknown corpid, 40001 wrong secret.
 * The same token is returned while it is valid.
 * https://developer.work.weixin.qq.com/document/path/91039
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ access_token: string, expires_in: number }}
 */
export function getToken({ query, env }) {
  const corpId = query.get('corpid');
  const secret = query.get('corpsecret');
  if (absent(corpId)) throw new ApiError(41002);
  if (absent(secret)) throw new ApiError(41004);
  if (corpId !== env.corpId) throw new ApiError(40013);
  if (!sameSecret(secret, env.corpSecret)) throw new ApiError(40001);
  const { accessToken, expiresIn } = env.tokens.issue();
  return { access_token: accessToken, expires_in: expiresIn };
}

/**
 * `POST /cgi-bin/externalcontact/close_temp_chat {userid, external_userid}` —
 * 40003 userid missing/invalid, 41035 external_userid missing, 40096 external_userid not a string.
 * https://developer.work.weixin.qq.com/document/path/92228
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function closeTempChat({ body }) {
  if (absent(body.userid) || typeof body.userid !== 'string') throw new ApiError(40003);
  if (absent(body.external_userid)) throw new ApiError(41035);
  if (typeof body.external_userid !== 'string') throw new ApiError(40096);
  return {};
}
