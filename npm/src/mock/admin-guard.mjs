// Who may use the /__mock admin API. Any web page a developer opens can send requests to
// 127.0.0.1, so an admin request is accepted only when it is not a cross-origin browser request
// (no Origin, or the server's own origin, on a loopback Host) or when it carries the server's
// admin token. Admin answers never say `Access-Control-Allow-Origin: *`.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Header that may carry the admin token (besides `Authorization: Bearer <token>`). */
export const TOKEN_HEADER = 'x-wecom-mock-token';

/** Host names (of the Host header) accepted without the token: the loopback names. */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Characters allowed in an admin token (all safe in an HTTP header). */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,256}$/;

/** `Sec-Fetch-Site` values of requests a page on another origin cannot make. */
const SAME_ORIGIN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * A fresh random admin token (32 URL-safe characters, 192 bits).
 * @returns {string}
 */
export function newAdminToken() {
  return randomBytes(24).toString('base64url');
}

/**
 * Checks an `adminToken` option.
 * @param {unknown} token
 * @returns {string} The token.
 * @throws {TypeError} when it is not a string; {RangeError} when its length or characters are wrong.
 */
export function checkAdminToken(token) {
  if (typeof token !== 'string') throw new TypeError('adminToken must be a string');
  if (!TOKEN_PATTERN.test(token)) {
    throw new RangeError('adminToken must be 16 to 256 characters from A-Z a-z 0-9 . _ ~ + / = -');
  }
  return token;
}

/** Compares two strings in time independent of where they differ. */
function sameToken(a, b) {
  const digest = (s) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * The tokens a request presents (`Authorization: Bearer <token>`, `X-Wecom-Mock-Token: <token>`).
 * @param {import('node:http').IncomingMessage} req
 * @returns {string[]}
 */
function presentedTokens(req) {
  const found = [];
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string') found.push(header.trim());
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(auth);
    found.push(m ? m[1] : ''); // another scheme is a wrong token, not no token
  }
  return found;
}

/**
 * Whether a Host header names this machine's loopback interface (any port), as opposed to a
 * name an attacker's DNS points at 127.0.0.1 (DNS rebinding).
 * @param {string} host
 * @returns {boolean}
 */
export function isLoopbackHost(host) {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  return m !== null && LOOPBACK_NAMES.has(m[1]);
}

/**
 * @typedef {object} AdminAccess
 * @property {boolean} ok The request may use the admin API.
 * @property {string} [origin] The Origin to echo in `Access-Control-Allow-Origin` (allowed requests only).
 * @property {string} [error] Why it was refused.
 */

/**
 * Decides whether an admin request is allowed. With a token header, the token alone decides
 * (a wrong one is refused). Without one, the Host must be a loopback name (or absent), the
 * Origin absent or the server's own (`http://<Host>`), and `Sec-Fetch-Site`, when sent,
 * `same-origin` or `none`.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} token The server's admin token.
 * @returns {AdminAccess}
 */
export function adminAccess(req, token) {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  const presented = presentedTokens(req);
  if (presented.length > 0) {
    if (presented.every((t) => sameToken(t, token))) return { ok: true, origin };
    return { ok: false, error: 'wrong admin token' };
  }
  const { host } = req.headers;
  if (host !== undefined && !isLoopbackHost(host)) {
    return { ok: false, error: 'admin requests need a loopback Host (127.0.0.1, localhost, [::1]) or the admin token' };
  }
  if (origin !== undefined && (host === undefined || origin.toLowerCase() !== `http://${host.trim().toLowerCase()}`)) {
    return { ok: false, error: 'cross-origin admin requests need the admin token' };
  }
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && !SAME_ORIGIN_FETCH_SITES.has(site.toLowerCase())) {
    return { ok: false, error: 'cross-site admin requests need the admin token' };
  }
  return { ok: true, origin };
}

/**
 * Response headers of an admin answer: the request's own Origin (never `*`) when it was allowed.
 * @param {AdminAccess} access
 * @returns {Record<string, string>}
 */
export function adminCorsHeaders(access) {
  const headers = { Vary: 'Origin', 'X-Content-Type-Options': 'nosniff' };
  if (access.ok && access.origin !== undefined) headers['Access-Control-Allow-Origin'] = access.origin;
  return headers;
}

/**
 * Whether an admin POST declares a JSON body. Browsers cannot send this Content-Type across
 * origins without a preflight, which the admin API refuses (unless the token header is asked for).
 * @param {import('node:http').IncomingMessage} req
 * @returns {boolean}
 */
export function hasJsonContentType(req) {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Answers a CORS preflight (OPTIONS) to /__mock. Allowed: the server's own origin on a loopback
 * Host, or any origin that announces the token header (the real request still needs the right
 * token). Others get HTTP 403 without any `Access-Control-Allow-*` header, so the browser never
 * sends the request.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function sendAdminPreflight(req, res) {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
  const askedRaw = req.headers['access-control-request-headers'];
  const asked = typeof askedRaw === 'string' && askedRaw.length <= 1024
    ? askedRaw.toLowerCase().split(',').map((h) => h.trim())
    : [];
  const wantsToken = asked.includes('authorization') || asked.includes(TOKEN_HEADER);
  const { host } = req.headers;
  const sameOrigin = origin !== undefined && typeof host === 'string' && isLoopbackHost(host)
    && origin.toLowerCase() === `http://${host.trim().toLowerCase()}`;
  const headers = { Vary: 'Origin', 'Content-Length': '0' };
  let status = 403;
  if (origin !== undefined && (sameOrigin || wantsToken)) {
    status = 204;
    Object.assign(headers, {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': `Content-Type, Authorization, ${TOKEN_HEADER}`,
      'Access-Control-Max-Age': '600',
    });
    if (req.headers['access-control-request-private-network'] === 'true') {
      headers['Access-Control-Allow-Private-Network'] = 'true';
    }
  }
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, headers);
  res.end();
  req.resume();
}
