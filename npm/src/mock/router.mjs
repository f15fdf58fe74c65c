// Serves WeCom API requests (/cgi-bin/...): counts them, applies injected
// faults, checks access_token / method / body, and calls the endpoint handler.

import { ApiError, errorAnswer } from './errors.mjs';
import { clientIp, readBody, sendJson, sendRaw } from './http-io.mjs';
import { endpoints } from './endpoint-table.mjs';
import { HANDLERS } from './handlers.mjs';
import { settleTransfers } from './world/transfers.mjs';
import { UPLOAD_MAX_BYTES } from './multipart.mjs';

/**
 * @typedef {object} Route
 * @property {'GET' | 'POST'} method From the endpoint's declaration.
 * @property {boolean} public true when no access_token is needed: the endpoint the SDK calls
 *   itself (gettoken, declared without a JS method name).
 * @property {import('./handlers.mjs').Handler} handler
 * @property {boolean} multipart An upload (the declaration's `multipart`): the body is a form.
 */

/**
 * The routes: every handler of {@link HANDLERS} whose path the SDK declares (npm/src/generated.js
 * `endpoints`, copied next to this file by the build as endpoint-table.mjs), with the declared
 * method. A handler nobody declares is not served (js-tests/mock-routing.test.mjs fails on it).
 * @param {ReadonlyArray<{ path: string, method: string, jsName: string | null }>} declared
 * @param {ReadonlyMap<string, import('./handlers.mjs').Handler>} handlers
 * @returns {Map<string, Route>}
 */
export function buildRoutes(declared, handlers) {
  const byPath = new Map(declared.map((e) => [e.path, e]));
  /** @type {Map<string, Route>} */
  const routes = new Map();
  for (const [path, handler] of handlers) {
    const endpoint = byPath.get(path);
    const method = endpoint?.method;
    if (method !== 'GET' && method !== 'POST') continue;
    routes.set(path, { method, public: endpoint.jsName === null, handler, multipart: Boolean(endpoint.multipart) });
  }
  return routes;
}

/**
 * Every endpoint the mock server serves, keyed by path without `/cgi-bin/`.
 * @type {ReadonlyMap<string, Route>}
 */
export const ROUTES = buildRoutes(endpoints, HANDLERS);

/** Body sent by a `garbage` fault: HTTP 200, claims JSON, is not JSON. */
const GARBAGE_BODY = '<!DOCTYPE html><html><body>mock garbage {"errcode":0,</body></html>';

/**
 * The key used for stats, faults and routing: the path without `/cgi-bin/`
 * (other paths: without the leading slash).
 * @param {string} pathname
 * @returns {string}
 */
export function pathKeyOf(pathname) {
  if (pathname.startsWith('/cgi-bin/')) return pathname.slice('/cgi-bin/'.length);
  return pathname.startsWith('/') ? pathname.slice(1) : pathname;
}

/** Parses a POST body: empty → 40063, not a JSON object → 40058. */
function parseJsonBody(buffer) {
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ApiError(40063, 'empty post data');
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(40058, 'invalid json');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(40058, 'invalid json, body must be a JSON object');
  }
  return value;
}

/** Access-token check: 41001 missing, 40014 unknown/revoked, 42001 expired. */
function checkToken(query, env) {
  switch (env.tokens.check(query.get('access_token'))) {
    case 'ok': return;
    case 'missing': throw new ApiError(41001);
    case 'expired': throw new ApiError(42001);
    default: throw new ApiError(40014);
  }
}

/**
 * Runs the endpoint for a request whose body was already read.
 * @returns {{ status: number, answer: object }}
 */
function dispatch(req, key, query, body, env, ip) {
  const info = { ip, nowMs: env.clock.now() };
  const route = ROUTES.get(key);
  if (!route) return { status: 404, answer: errorAnswer(40066, { ...info, detail: 'api not found' }) };
  try {
    if (body.tooLarge && route.multipart) throw new ApiError(40006, `invalid file size: the body exceeds ${UPLOAD_MAX_BYTES} bytes`);
    if (body.tooLarge) throw new ApiError(40206, 'request body exceeds 1048576 bytes');
    if (!route.public) checkToken(query, env);
    if (req.method !== route.method) throw new ApiError(40063, `require ${route.method} method`);
    // An upload's form is read by its handler (media.mjs) from `raw`; other POSTs are JSON.
    const parsed = route.method === 'POST' && !route.multipart ? parseJsonBody(body.buffer) : {};
    settleTransfers(env.world);
    const ctx = { query, body: parsed, env };
    if (route.multipart) Object.assign(ctx, { raw: body.buffer, contentType: req.headers['content-type'] });
    const result = route.handler(ctx);
    return { status: 200, answer: { errcode: 0, errmsg: 'ok', ...result } };
  } catch (err) {
    if (err instanceof ApiError) return { status: 200, answer: errorAnswer(err.errcode, { ...info, detail: err.detail }) };
    env.onError?.(err);
    return { status: 200, answer: errorAnswer(-1, info) };
  }
}

/** Merges `extra` into an answer, own properties only (safe for `__proto__`). */
function mergeExtra(answer, extra) {
  for (const [k, v] of Object.entries(extra)) {
    Object.defineProperty(answer, k, { value: structuredClone(v), enumerable: true, writable: true, configurable: true });
  }
}

/**
 * Ends a connection without an answer, as a crashed upstream or a middlebox would: a TCP RST where
 * Node can send one (the client sees ECONNRESET), a plain close otherwise (Node < 18.3).
 * @param {import('node:net').Socket} socket
 */
function resetConnection(socket) {
  if (!socket || socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function') {
    try {
      socket.resetAndDestroy();
      return;
    } catch {
      // not a TCP handle: fall back to a plain destroy
    }
  }
  socket.destroy();
}

/**
 * Serves one WeCom API request (everything outside `/__mock/`).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {{ pathname: string, query: URLSearchParams }} target
 * @param {import('./index.mjs').MockEnv} env
 * @returns {Promise<void>}
 */
export async function handleApiRequest(req, res, { pathname, query }, env) {
  const key = pathKeyOf(pathname);
  // Counted on arrival, before any fault: a delayed, reset or abandoned request was still on the wire.
  env.stats.record(key);
  const body = await readBody(req, ROUTES.get(key)?.multipart ? UPLOAD_MAX_BYTES : undefined);
  if (body.aborted) return;
  const close = body.closeAfter;
  const fault = env.faults.take(key);
  if (fault?.delayMs) {
    const completed = await env.sleep(fault.delayMs);
    if (!completed) return; // server closing
  }
  if (fault?.reset) {
    resetConnection(req.socket);
    return;
  }
  const ip = clientIp(req);
  if (fault?.status !== undefined) {
    sendRaw(res, fault.status, 'text/html; charset=utf-8', fault.body, { close });
    return;
  }
  if (fault?.garbage) {
    sendRaw(res, 200, 'application/json; charset=UTF-8', GARBAGE_BODY, { close });
    return;
  }
  let status = 200;
  let answer;
  if (fault?.errcode !== undefined) {
    if (fault.errmsg !== undefined) answer = { errcode: fault.errcode, errmsg: fault.errmsg };
    else if (fault.errcode === 0) answer = { errcode: 0, errmsg: 'ok' };
    else answer = errorAnswer(fault.errcode, { ip, nowMs: env.clock.now() });
  } else {
    ({ status, answer } = dispatch(req, key, query, body, env, ip));
  }
  if (fault?.extra) mergeExtra(answer, fault.extra);
  sendJson(res, status, answer, { close });
}
