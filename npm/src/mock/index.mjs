// wecom-external-contact/mock-server — a local look-alike of
// https://qyapi.weixin.qq.com for the external-contact endpoints, for tests.
//
// Implemented endpoints (all under /cgi-bin/, see router.mjs):
//   gettoken                                     https://developer.work.weixin.qq.com/document/path/91039
//   externalcontact/get_follow_user_list         https://developer.work.weixin.qq.com/document/path/92571
//   externalcontact/{add,get,update,del,list}_contact_way, close_temp_chat
//                                                https://developer.work.weixin.qq.com/document/path/92228
//   corpgroup/batch/external_userid_to_pending_id https://developer.work.weixin.qq.com/document/path/97357
//   idconvert/batch/external_userid_to_pending_id https://developer.work.weixin.qq.com/document/path/95900 (97108)
//   idconvert/unionid_to_external_userid         https://developer.work.weixin.qq.com/document/path/95900 (97108)
//   externalcontact/get_new_external_userid, externalcontact/groupchat/get_new_external_userid
//                                                https://developer.work.weixin.qq.com/document/path/95327
//   externalcontact/from_service_external_userid, batch/openuserid_to_userid
//                                                https://developer.work.weixin.qq.com/document/path/95884
//   idconvert/external_tagid                     https://developer.work.weixin.qq.com/document/path/96169
//   corpgroup/unionid_to_external_userid         https://developer.work.weixin.qq.com/document/path/95818
//   corpgroup/unionid_to_pending_id              https://developer.work.weixin.qq.com/document/path/97357
//   externalcontact/convert_to_openid            https://developer.work.weixin.qq.com/document/path/92323
//   the world's endpoints (customers, tags, follow users; transfers, group chats, join ways):
//   see handlers.mjs and README.md. Methods come from the SDK's declarations (router.mjs).
// Unknown paths answer HTTP 404 `{errcode: 40066, errmsg: 'invalid url, api not found, ...'}`.

import { createServer } from 'node:http';
import { createClock } from './clock.mjs';
import { TokenStore } from './tokens.mjs';
import { FaultQueue } from './faults.mjs';
import { Stats } from './stats.mjs';
import { ContactWayStore } from './contact-way-store.mjs';
import { handleApiRequest } from './router.mjs';
import { handleAdminRequest } from './admin.mjs';
import { errorAnswer } from './errors.mjs';
import { createWorld } from './world/index.mjs';
import { checkSeed, checkSizes } from './world/options.mjs';
import { createWorldView } from './world/snapshot.mjs';
import { confirmGroupMsg } from './world/messages.mjs';
import { addCustomer } from './world/welcome.mjs';
import { clientIp, parseTarget, sendJson, sendPreflight } from './http-io.mjs';
import { checkAdminToken, newAdminToken, sendAdminPreflight } from './admin-guard.mjs';

/**
 * @typedef {object} MockServerOptions
 * @property {number} [port=0] TCP port; 0 picks a free one.
 * @property {string} [host='127.0.0.1'] Only `'127.0.0.1'` (or `'localhost'`, which means it) is accepted.
 * @property {string} [corpId='wwmockcorp0000001'] The only corpid gettoken accepts.
 * @property {string} [corpSecret='mock-secret-0123456789'] The only corpsecret gettoken accepts.
 * @property {number} [tokenTtlSeconds=7200] Lifetime of an access_token.
 * @property {string[]} [followUsers=['zhangsan','lisi']] The world's active members with 客户联系, in this order
 *   (the answer of get_follow_user_list); the other seeded members are resigned or without 客户联系.
 * @property {number} [seed=1] Seed of the world (integer 0..2^32-1): same seed and sizes, same world.
 * @property {Partial<import('./world/options.mjs').WorldSizes>} [world] Sizes of the world, e.g. `{ customers: 100_000 }`.
 * @property {() => number} [now=Date.now] Time source in milliseconds (for tests that control time).
 * @property {(err: unknown) => void} [onError] Called with unexpected handler exceptions (answered as errcode -1).
 * @property {string} [adminToken] Token that lets any origin use the /__mock admin API (16–256 characters
 *   from `A-Z a-z 0-9 . _ ~ + / = -`); default: a random one per server.
 */

/**
 * @typedef {object} MockServer
 * @property {string} url Base URL, e.g. `'http://127.0.0.1:PORT'` (pass as `baseUrl` to the SDK).
 * @property {number} port The port actually listened on.
 * @property {string} corpId
 * @property {string} corpSecret
 * @property {string} adminToken The /__mock admin token (`Authorization: Bearer <token>` or
 *   `X-Wecom-Mock-Token: <token>`); needed only for requests from other origins or Host names.
 * @property {() => { gettoken: number, total: number, byPath: Record<string, number> }} stats
 *   Request counters (WeCom API requests only: not OPTIONS, not /__mock). byPath keys have no `/cgi-bin/` prefix.
 * @property {(fault: import('./faults.mjs').Fault | import('./faults.mjs').Fault[]) => void} inject
 *   Queues fault(s); throws TypeError when malformed or when more than 1000 faults (4 Mi characters as JSON) would wait.
 * @property {() => void} expireTokens Every token issued so far answers 42001; the next gettoken issues a new one.
 * @property {() => void} revokeTokens Every token issued so far answers 40014; the next gettoken issues a new one.
 * @property {(seconds: number) => void} advanceTime Moves the mock clock forward (token TTL, temp-way expiry,
 *   list time range) by 0 to 10 years; 100 years in total until reset(). TypeError/RangeError otherwise.
 * @property {() => void} reset Clears faults, stats, contact ways, tokens and clock advances, and seeds the world anew.
 * @property {import('./world/snapshot.mjs').WorldView} world Read-only view of the world (frozen copies).
 * @property {(msgid: string, userid: string) => { msgid: string, userid: string, status: 2, send_time: number, sent: number, failed: number }} confirmGroupMsg
 *   The member confirms (sends) their task of a mass message now (world/messages.mjs); TypeError / RangeError on bad input.
 * @property {(options: { userid: string, external_userid?: string, name?: string, state?: string }) => Record<string, string | number>} addCustomer
 *   A customer adds the member: a new follow relation and the `add_external_contact` callback fields with a
 *   `WelcomeCode` (valid 20 s, once; world/welcome.mjs); TypeError / RangeError on bad input.
 * @property {ReadonlyMap<string, object>} contactWays Snapshot (frozen copies) of stored contact ways keyed by config_id, each with `create_time`.
 * @property {() => Promise<void>} close Stops the server, closing keep-alive connections and cancelling delayed answers.
 */

/**
 * @typedef {object} MockEnv Shared state handed to handlers.
 * @property {string} corpId
 * @property {string} corpSecret
 * @property {import('./world/index.mjs').World} world The seeded world the handlers act on (replaced by reset()).
 * @property {import('./clock.mjs').MockClock} clock
 * @property {TokenStore} tokens
 * @property {FaultQueue} faults
 * @property {Stats} stats
 * @property {ContactWayStore} contactWays
 * @property {string} adminToken Token accepted by the /__mock admin API from any origin.
 * @property {(ms: number) => Promise<boolean>} sleep Resolves true after ms, false if the server closes first.
 * @property {(err: unknown) => void} [onError]
 */

const DEFAULTS = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  corpId: 'wwmockcorp0000001',
  corpSecret: 'mock-secret-0123456789',
  tokenTtlSeconds: 7200,
});

function normalizeOptions(options) {
  if (options === null || typeof options !== 'object') throw new TypeError('startMockServer(options): options must be an object');
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new RangeError('port must be an integer 0..65535');
  if (o.host === 'localhost') o.host = '127.0.0.1';
  if (o.host !== '127.0.0.1') throw new RangeError(`the mock server only listens on 127.0.0.1 (got host ${JSON.stringify(o.host)})`);
  if (typeof o.corpId !== 'string' || o.corpId === '') throw new TypeError('corpId must be a non-empty string');
  if (typeof o.corpSecret !== 'string' || o.corpSecret === '') throw new TypeError('corpSecret must be a non-empty string');
  if (typeof o.tokenTtlSeconds !== 'number' || !(o.tokenTtlSeconds > 0) || !Number.isFinite(o.tokenTtlSeconds)) {
    throw new RangeError('tokenTtlSeconds must be a positive number');
  }
  if (o.followUsers !== undefined && (!Array.isArray(o.followUsers) || !o.followUsers.every((u) => typeof u === 'string'))) {
    throw new TypeError('followUsers must be an array of strings');
  }
  if (o.followUsers !== undefined && o.followUsers.length > 10_000) throw new RangeError('followUsers may name at most 10000 members');
  o.seed = checkSeed(o.seed);
  o.world = checkSizes(o.world);
  if (o.now !== undefined && typeof o.now !== 'function') throw new TypeError('now must be a function returning milliseconds');
  if (o.onError !== undefined && typeof o.onError !== 'function') throw new TypeError('onError must be a function');
  o.adminToken = o.adminToken === undefined ? newAdminToken() : checkAdminToken(o.adminToken);
  return o;
}

/** Cancellable timers for `delayMs` faults. */
function createSleeper() {
  const pending = new Set();
  return {
    sleep(ms) {
      return new Promise((resolve) => {
        const entry = { resolve, timer: setTimeout(() => { pending.delete(entry); resolve(true); }, ms) };
        pending.add(entry);
      });
    },
    cancelAll() {
      for (const entry of pending) {
        clearTimeout(entry.timer);
        entry.resolve(false);
      }
      pending.clear();
    },
  };
}

/**
 * Starts a local WeCom look-alike server on 127.0.0.1 (never another address).
 * Every WeCom answer is HTTP 200 JSON with `errcode`/`errmsg`, like
 * https://qyapi.weixin.qq.com; see the docs: gettoken
 * https://developer.work.weixin.qq.com/document/path/91039, contact ways
 * https://developer.work.weixin.qq.com/document/path/92228, follow users
 * https://developer.work.weixin.qq.com/document/path/92571, pending ids
 * https://developer.work.weixin.qq.com/document/path/97357 and
 * https://developer.work.weixin.qq.com/document/path/95900.
 * The /__mock admin API (admin.mjs) serves requests without an Origin or from the server's own
 * origin on a loopback Host, and any request carrying `adminToken` (admin-guard.mjs); others get 403.
 *
 * @example
 * const mock = await startMockServer();
 * const res = await fetch(`${mock.url}/cgi-bin/gettoken?corpid=${mock.corpId}&corpsecret=${mock.corpSecret}`);
 * await mock.close();
 *
 * @param {MockServerOptions} [options]
 * @returns {Promise<MockServer>}
 */
export async function startMockServer(options = {}) {
  const cfg = normalizeOptions(options);
  const clock = createClock(cfg.now);
  const sleeper = createSleeper();
  const followUsers = cfg.followUsers === undefined ? undefined : Object.freeze([...cfg.followUsers]);
  const seedWorld = () => createWorld({ seed: cfg.seed, sizes: cfg.world, clock, corpId: cfg.corpId, followUsers });
  /** @type {MockEnv} */
  const env = {
    corpId: cfg.corpId,
    corpSecret: cfg.corpSecret,
    world: seedWorld(),
    clock,
    tokens: new TokenStore({ ttlSeconds: cfg.tokenTtlSeconds, clock }),
    faults: new FaultQueue(),
    stats: new Stats(),
    contactWays: new ContactWayStore({ clock }),
    adminToken: cfg.adminToken,
    sleep: sleeper.sleep,
    onError: cfg.onError,
  };

  /** @type {MockServer} */
  let api;

  const server = createServer(async (req, res) => {
    try {
      const target = parseTarget(req.url);
      const isAdmin = target.pathname === '/__mock' || target.pathname.startsWith('/__mock/');
      if (req.method === 'OPTIONS') {
        if (isAdmin) sendAdminPreflight(req, res);
        else sendPreflight(req, res);
      } else if (isAdmin) {
        await handleAdminRequest(req, res, target.pathname, api, env);
      } else {
        await handleApiRequest(req, res, target, env);
      }
    } catch (err) {
      env.onError?.(err);
      try {
        sendJson(res, 200, errorAnswer(-1, { ip: clientIp(req), nowMs: clock.now() }), { close: true });
      } catch {
        res.destroy();
      }
    }
  });
  server.on('clientError', (err, socket) => {
    if (socket.writable && !socket.destroyed) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    } else {
      socket.destroy();
    }
  });
  server.keepAliveTimeout = 5000;
  // Every open socket, so that close() can end them all on any Node >= 18 (closeAllConnections()
  // only exists from 18.2): keep-alive ones, idle ones, ones with a request half sent or held by a delay.
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    const onError = (err) => reject(err);
    server.once('error', onError);
    server.listen(cfg.port, cfg.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => env.onError?.(err));

  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  let closing = null;

  api = {
    url: `http://127.0.0.1:${port}`,
    port,
    corpId: cfg.corpId,
    corpSecret: cfg.corpSecret,
    adminToken: cfg.adminToken,
    stats: () => env.stats.snapshot(),
    inject(fault) {
      env.faults.add(fault);
    },
    expireTokens: () => env.tokens.expireAll(),
    revokeTokens: () => env.tokens.revokeAll(),
    advanceTime: (seconds) => clock.advance(seconds),
    reset() {
      env.faults.clear();
      env.stats.clear();
      env.contactWays.clear();
      env.tokens.clear();
      clock.resetOffset();
      env.world = seedWorld();
    },
    world: createWorldView(() => env.world),
    confirmGroupMsg: (msgid, userid) => confirmGroupMsg(env.world, msgid, userid),
    addCustomer: (options) => addCustomer(env.world, options),
    get contactWays() {
      return env.contactWays.snapshot();
    },
    close() {
      if (closing) return closing;
      closing = new Promise((resolve) => {
        server.close(() => resolve());
        sleeper.cancelAll();
        for (const socket of sockets) socket.destroy();
        sockets.clear();
      });
      return closing;
    },
  };
  // Keep the secrets out of console.log(mock).
  Object.defineProperty(api, 'corpSecret', { enumerable: false });
  Object.defineProperty(api, 'adminToken', { enumerable: false });
  return Object.freeze(api);
}
