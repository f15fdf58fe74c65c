// Shared helpers of the packaging tests. Runs from the throwaway project made by run.sh, so the
// package is imported by its name, exactly as a user's code would.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { WeComClient, WeComError } from 'wecom-external-contact';
import { startMockServer } from 'wecom-external-contact/mock-server';

/** A recognisable secret for the look-alike, so leaks are easy to spot. */
export const SECRET = 'Zq9-s3cret+Value/77=';

/** Starts the look-alike with SECRET as its corpSecret. */
export function startMock(options = {}) {
  return startMockServer({ corpSecret: SECRET, ...options });
}

/** A client for the look-alike (extra options override). */
export function clientFor(mock, extra = {}) {
  return new WeComClient({ corpId: mock.corpId, corpSecret: mock.corpSecret, baseUrl: mock.url, ...extra });
}

/** A fine add_contact_way payload (single member, QR code). */
export function validAddPayload(extra = {}) {
  return { type: 1, scene: 2, remark: '门店 A 前台', state: 'store-a', user: ['zhangsan'], skip_verify: true, ...extra };
}

/**
 * Awaits `fn()` (a throw counts like a rejection) and returns what it threw; fails when it
 * succeeded. Synchronous throws and rejections are both accepted: the API returns promises.
 */
export async function failure(fn) {
  try {
    const value = await fn();
    assert.fail(`expected a failure, got ${inspect(value, { depth: 3 })}`);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    collectForScan(err);
    return err;
  }
}

/** What `fn()` throws synchronously (handed to the secret scan); fails when it does not throw. */
export function thrown(fn) {
  try {
    fn();
  } catch (err) {
    collectForScan(err);
    return err;
  }
  assert.fail('expected a throw');
}

/**
 * Hands an error or log lines to the suite-wide secret scan (collect-errors.mjs, preloaded by
 * run.sh; a no-op when the file runs alone).
 */
export function collectForScan(value) {
  globalThis.__wecomCollectForScan?.(value);
}

/** A logger keeping every line as [level, message, fields]; every line joins the secret scan. */
export function memoryLogger() {
  const lines = [];
  const logger = { lines };
  for (const level of ['debug', 'info', 'warn', 'error']) {
    logger[level] = (message, fields) => {
      lines.push([level, message, fields]);
      collectForScan([level, message, fields]);
    };
  }
  return logger;
}

/** Asserts `err` is a WeComError of class `Class` with `code`. Returns it. */
export function assertWeComError(err, Class, code) {
  assert.ok(err instanceof Class, `expected ${Class.name}, got ${err?.name}: ${err?.message}`);
  assert.ok(err instanceof WeComError, 'every SDK error extends WeComError');
  assert.ok(err instanceof Error, 'every SDK error is an Error');
  assert.equal(err.name, Class.name);
  assert.equal(err.code, code, `code of ${err.name}: ${err.message}`);
  assert.equal(typeof err.message, 'string');
  assert.ok(err.message.length > 0);
  return err;
}

/** Every way a value might be shown: message, stack, JSON, inspect, String, the cause chain. */
export function renderings(value) {
  const out = [];
  const seen = new Set();
  let cur = value;
  while (cur !== undefined && cur !== null && !seen.has(cur)) {
    seen.add(cur);
    if (typeof cur === 'object' || typeof cur === 'function') {
      out.push(String(cur.message ?? ''), String(cur.stack ?? ''));
      try {
        out.push(JSON.stringify(cur) ?? '');
      } catch {
        // not JSON-able: inspect below still shows it
      }
      out.push(JSON.stringify(Object.getOwnPropertyNames(cur).map((k) => [k, safeGet(cur, k)]), replacer));
      out.push(inspect(cur, { showHidden: true, depth: Infinity, getters: true }));
      out.push(String(cur));
    } else {
      out.push(String(cur));
    }
    cur = typeof cur === 'object' ? cur.cause : undefined;
  }
  return out;
}

function safeGet(obj, key) {
  try {
    return obj[key];
  } catch {
    return undefined;
  }
}

function replacer(_key, value) {
  return typeof value === 'bigint' ? String(value) : value;
}

/** Asserts none of `secrets` (nor their URL-encoded forms) appears in any rendering of `value`. */
export function assertNoSecrets(value, secrets) {
  const needles = [];
  for (const s of secrets) {
    if (!s) continue;
    needles.push(s, encodeURIComponent(s));
  }
  for (const text of renderings(value)) {
    for (const needle of needles) {
      assert.ok(!text.includes(needle), `secret ${JSON.stringify(needle.slice(0, 6))}… leaked in:\n${text.slice(0, 2000)}`);
    }
  }
}

/** A localhost port nothing listens on (bound then released). */
export async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `byPath` count of one endpoint (0 when never called). */
export function hits(mock, path) {
  return mock.stats().byPath[path] ?? 0;
}

/** Endpoint paths the tests call. */
export const ADD = 'externalcontact/add_contact_way';
export const GET = 'externalcontact/get_contact_way';
export const LIST = 'externalcontact/list_contact_way';
export const UPDATE = 'externalcontact/update_contact_way';
export const DEL = 'externalcontact/del_contact_way';
export const CLOSE_TEMP_CHAT = 'externalcontact/close_temp_chat';
export const FOLLOW = 'externalcontact/get_follow_user_list';
export const CORPGROUP = 'corpgroup/batch/external_userid_to_pending_id';
export const IDCONVERT = 'idconvert/batch/external_userid_to_pending_id';
