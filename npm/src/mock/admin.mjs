// The /__mock admin API, so tests in other processes (or browsers holding the admin token) can
// control the mock server over HTTP. Answers are JSON `{ok: true, ...}` or
// `{ok: false, error}` with HTTP 400/403/404/405/415.

import { readBody, sendJson } from './http-io.mjs';
import { adminAccess, adminCorsHeaders, hasJsonContentType } from './admin-guard.mjs';

/**
 * Admin endpoints (who may call them: admin-guard.mjs; every POST needs `Content-Type: application/json`):
 * - `POST /__mock/faults` body: a fault or an array of faults → `{ok, queued}`
 * - `GET  /__mock/faults` → `{ok, faults}` (still waiting)
 * - `POST /__mock/reset`, `POST /__mock/expire-tokens`, `POST /__mock/revoke-tokens`
 * - `POST /__mock/advance-time` body `{seconds}` → moves the mock clock forward
 * - `GET  /__mock/stats` → `{ok, gettoken, total, byPath}`
 * - `GET  /__mock/contact-ways` → `{ok, contact_ways: [...]}`
 * - `POST /__mock/confirm_groupmsg` body `{msgid, userid}` → `{ok, msgid, userid, status, send_time, sent, failed}`
 * - `POST /__mock/add_customer` body `{userid, external_userid?, name?, state?}` → `{ok, event}` (the
 *   `add_external_contact` callback fields, with `WelcomeCode`)
 * @type {ReadonlyMap<string, (api: import('./index.mjs').MockServer, body: any, env: import('./index.mjs').MockEnv) => object>}
 *   keyed by `"METHOD /path"`.
 */
export const ADMIN_ROUTES = new Map([
  ['POST /__mock/faults', (api, body, env) => ({ queued: env.faults.add(body) })],
  ['GET /__mock/faults', (api, body, env) => ({ faults: env.faults.pending() })],
  ['POST /__mock/reset', (api) => { api.reset(); return {}; }],
  ['POST /__mock/expire-tokens', (api) => { api.expireTokens(); return {}; }],
  ['POST /__mock/revoke-tokens', (api) => { api.revokeTokens(); return {}; }],
  ['POST /__mock/advance-time', (api, body) => { api.advanceTime(body?.seconds); return {}; }],
  ['GET /__mock/stats', (api) => api.stats()],
  ['GET /__mock/contact-ways', (api) => ({ contact_ways: [...api.contactWays.values()] })],
  ['POST /__mock/confirm_groupmsg', (api, body) => api.confirmGroupMsg(body?.msgid, body?.userid)],
  ['POST /__mock/add_customer', (api, body) => ({ event: api.addCustomer(body ?? {}) })],
]);

const ADMIN_PATHS = new Set([...ADMIN_ROUTES.keys()].map((k) => k.slice(k.indexOf(' ') + 1)));

/**
 * Serves one `/__mock/...` request: refuses it (403) unless {@link adminAccess} allows it, then
 * checks method (404/405), Content-Type (415) and body (400) before running the endpoint.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} pathname
 * @param {import('./index.mjs').MockServer} api The public mock-server object.
 * @param {import('./index.mjs').MockEnv} env Shared server state.
 * @returns {Promise<void>}
 */
export async function handleAdminRequest(req, res, pathname, api, env) {
  const body = await readBody(req);
  if (body.aborted) return;
  const access = adminAccess(req, env.adminToken);
  const cors = adminCorsHeaders(access);
  if (!access.ok) {
    sendJson(res, 403, { ok: false, error: access.error }, { close: true, cors });
    return;
  }
  const opts = { close: body.closeAfter, cors };
  const run = ADMIN_ROUTES.get(`${req.method} ${pathname}`);
  if (!run) {
    const known = ADMIN_PATHS.has(pathname);
    sendJson(res, known ? 405 : 404, {
      ok: false,
      error: known ? `${req.method} not allowed on ${pathname}` : `unknown admin endpoint ${pathname}`,
    }, opts);
    return;
  }
  if (req.method === 'POST' && !hasJsonContentType(req)) {
    sendJson(res, 415, { ok: false, error: 'admin POSTs need Content-Type: application/json' }, opts);
    return;
  }
  if (body.tooLarge) {
    sendJson(res, 400, { ok: false, error: 'body exceeds 1048576 bytes' }, opts);
    return;
  }
  let parsed;
  if (req.method === 'POST') {
    const text = body.buffer.toString('utf8');
    try {
      parsed = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      sendJson(res, 400, { ok: false, error: 'body is not valid JSON' }, opts);
      return;
    }
  }
  try {
    sendJson(res, 200, { ok: true, ...run(api, parsed, env) }, opts);
  } catch (err) {
    sendJson(res, 400, { ok: false, error: err instanceof Error ? err.message : String(err) }, opts);
  }
}
