// Issue 8 regression tests for the client, through the packed package: waits in the token path
// are bounded (item 2), timeoutMs values (item 4), errcodes that are not integers (item 5),
// re-entrant user code (item 7), redaction of every token ever held (item 8), and the
// trap-containment guarantee (a failed engine is replaced; the next call works).
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import {
  WeComClient,
  WeComConfigError,
  WeComUsageError,
  WeComTimeoutError,
  WeComTokenProviderError,
  WeComHttpError,
  WeComEngineError,
  WeComError,
  validate,
  CallbackCrypto,
} from 'wecom-external-contact';
import { SECRET, failure, assertWeComError, assertNoSecrets, collectForScan, thrown } from './helpers.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 30_000 }, fn);
const internals = validate[Symbol.for('wecom-external-contact.internals')];

const TOKEN = 'TOKEN_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

/** A Response-like answer. */
function answer(body, status = 200) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, text: async () => text };
}

/**
 * A fake fetch: `gettoken(n)` answers the n-th token request (default: TOKEN), `api(url, n)`
 * every other request (default: errcode 0). Counts both.
 */
function fakeFetch({ gettoken, api } = {}) {
  const counts = { gettoken: 0, api: 0 };
  const fetch = async (url) => {
    if (url.includes('/cgi-bin/gettoken')) {
      counts.gettoken += 1;
      return gettoken ? gettoken(counts.gettoken, url) : answer({ errcode: 0, access_token: TOKEN, expires_in: 7200 });
    }
    counts.api += 1;
    return api ? api(url, counts.api) : answer({ errcode: 0, errmsg: 'ok', follow_user: ['zhangsan'] });
  };
  return { fetch, counts };
}

function client(extra = {}) {
  return new WeComClient({ corpId: 'wwhard', corpSecret: SECRET, ...extra });
}

const never = () => new Promise(() => {});

// ---- item 2: every wait in the token path is bounded -------------------------------------------

test('issue 8 item 2: a gettoken fetch that never settles does not poison the client', async () => {
  let hang = true;
  const { fetch, counts } = fakeFetch({
    gettoken: () => (hang ? never() : answer({ errcode: 0, access_token: TOKEN, expires_in: 7200 })),
  });
  const c = client({ fetch, timeoutMs: 200 });
  const first = await failure(() => c.getFollowUserList());
  assertWeComError(first, WeComTimeoutError, 'E_TIMEOUT');
  // The stuck fetch is abandoned at its own deadline: the next caller starts a new gettoken.
  hang = false;
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await c.getFollowUserList()).errcode, 0);
  assert.equal(counts.gettoken, 2, 'a new gettoken was sent once the stuck one timed out');
  assert.equal(typeof (await c.getAccessToken()), 'string');
});

test('issue 8 item 2: getAccessToken() and forceRefresh recover from a hung gettoken', async () => {
  let hang = true;
  const { fetch } = fakeFetch({
    gettoken: () => (hang ? never() : answer({ errcode: 0, access_token: TOKEN, expires_in: 7200 })),
  });
  const c = client({ fetch, timeoutMs: 150 });
  const err = await failure(() => c.getAccessToken());
  assert.ok(err instanceof WeComError, `a typed error, got ${err?.name}`);
  hang = false;
  assert.equal(await c.getAccessToken({ forceRefresh: true }), TOKEN);
  await c.invalidateToken();
  assert.equal(await c.getAccessToken(), TOKEN);
});

test('issue 8 item 2: a tokenProvider that never settles is bounded by the call timeout', async () => {
  let hang = true;
  const { fetch } = fakeFetch();
  const tokenProvider = () => (hang ? never() : TOKEN);
  const c = new WeComClient({ corpId: 'wwhard', tokenProvider, fetch, timeoutMs: 150 });
  const err = await failure(() => c.getFollowUserList());
  assert.ok(err instanceof WeComTimeoutError || err instanceof WeComTokenProviderError, `got ${err?.name}`);
  hang = false;
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await c.getFollowUserList()).errcode, 0, 'the next call asks the provider again');
});

test('issue 8 item 2: a tokenStore that never settles counts as failed; calls go on without it', async () => {
  const { fetch, counts } = fakeFetch();
  const lines = [];
  const logger = { warn: (m, f) => lines.push([m, f]), info() {}, debug() {}, error() {} };
  const tokenStore = { get: never, set: never, delete: never, lock: never };
  const c = client({ fetch, tokenStore, tokenStoreTimeoutMs: 100, logger, timeoutMs: 5_000 });
  assert.equal((await c.getFollowUserList()).errcode, 0, 'WeCom is reachable: the call succeeds');
  assert.equal((await c.getFollowUserList()).errcode, 0);
  assert.equal(counts.gettoken, 1);
  assert.ok(lines.some(([, f]) => f?.event === 'token.store_failed'), 'the store failure is logged');
  collectForScan(lines);
});

test('issue 8 item 2: tokenStoreTimeoutMs is checked at construction', () => {
  const tokenStore = { get() {}, set() {}, delete() {} };
  for (const bad of [0, -1, NaN, '100', 60_001]) {
    assertWeComError(thrown(() => client({ tokenStore, tokenStoreTimeoutMs: bad })), WeComConfigError, 'E_CONFIG');
  }
});

// ---- item 4: timeoutMs ----------------------------------------------------------------------

test('issue 8 item 4: timeoutMs of 2^31 ms or more, and Infinity, do not time out at once', async () => {
  const { fetch } = fakeFetch({
    api: async () => {
      await new Promise((r) => setTimeout(r, 30));
      return answer({ errcode: 0, follow_user: [] });
    },
  });
  for (const timeoutMs of [2 ** 31, 2 ** 40, Number.MAX_VALUE, Infinity, 0]) {
    const c = client({ fetch, timeoutMs });
    assert.equal((await c.getFollowUserList()).errcode, 0, `client timeoutMs ${timeoutMs}`);
    assert.equal((await client({ fetch }).getFollowUserList(undefined, { timeoutMs })).errcode, 0, `call timeoutMs ${timeoutMs}`);
  }
});

test('issue 8 item 4: nonsense timeoutMs is E_CONFIG at construction and E_USAGE per call', async () => {
  const { fetch } = fakeFetch();
  for (const bad of [-1, NaN, '1000', {}, -Infinity, true]) {
    assertWeComError(thrown(() => client({ fetch, timeoutMs: bad })), WeComConfigError, 'E_CONFIG');
    const call = await failure(() => client({ fetch }).getFollowUserList(undefined, { timeoutMs: bad }));
    assertWeComError(call, WeComUsageError, 'E_USAGE');
  }
});

// ---- item 5: errcodes that are not integers -------------------------------------------------

test('issue 8 item 5: an errcode that is present but not an integer is E_BAD_RESPONSE', async () => {
  for (const errcode of ['abc', 0.5, 45009.5, 1e20, null, true, {}, [], '']) {
    const { fetch } = fakeFetch({ api: () => answer({ errcode, errmsg: 'ok', follow_user: [] }) });
    const err = await failure(() => client({ fetch, retry: { maxRetries: 0 } }).getFollowUserList());
    assert.ok(err instanceof WeComHttpError, `errcode ${JSON.stringify(errcode)}: got ${err?.name} ${err?.message}`);
    assert.equal(err.code, 'E_BAD_RESPONSE', `errcode ${JSON.stringify(errcode)}`);
  }
});

test('issue 8 item 5: a JSON answer without errcode from a declared endpoint is E_BAD_RESPONSE', async () => {
  const { fetch } = fakeFetch({ api: () => answer({ follow_user: ['zhangsan'] }) });
  const err = await failure(() => client({ fetch, retry: { maxRetries: 0 } }).getFollowUserList());
  assertWeComError(err, WeComHttpError, 'E_BAD_RESPONSE');
  // String integer errcodes (some proxies send them) are still read.
  const ok = fakeFetch({ api: () => answer({ errcode: '0', follow_user: [] }) });
  assert.equal((await client({ fetch: ok.fetch }).getFollowUserList()).errcode, '0');
});

// ---- item 7: re-entrant user code -----------------------------------------------------------

test('issue 8 item 7: a fetch rejection whose message getter calls client.request', async () => {
  let c;
  let inner;
  let broken = true;
  const { fetch: good } = fakeFetch();
  const fetch = (url, init) => {
    if (!broken || url.includes('gettoken')) return good(url, init);
    const err = new Error('boom');
    Object.defineProperty(err, 'message', {
      get() {
        broken = false;
        inner = c.getFollowUserList();
        return 'socket hang up';
      },
    });
    return Promise.reject(err);
  };
  c = client({ fetch, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
  const out = await c.getFollowUserList().then((v) => v.errcode, (e) => e);
  assert.ok(out === 0 || out instanceof WeComError, `settles with a result or a WeComError, got ${out}`);
  assert.equal((await inner).errcode, 0, 'the re-entrant call works');
  assert.equal((await c.getFollowUserList()).errcode, 0, 'the client still works');
  c.free();
  assertWeComError(await failure(() => c.getFollowUserList()), WeComUsageError, 'E_USAGE');
});

test('issue 8 item 7: a logger and a tokenStore that call back into the client', async () => {
  const { fetch } = fakeFetch();
  let c;
  const nested = [];
  const logger = {
    debug() {
      if (nested.length < 3) nested.push(c.getAccessToken().catch((e) => e));
    },
    info() {
      nested.push(Promise.resolve(validate('externalcontact/get_follow_user_list', {})));
    },
    warn() {},
    error() {},
  };
  const records = new Map();
  const tokenStore = {
    get: (k) => {
      nested.push(c.getFollowUserList().catch((e) => e));
      return records.get(k) ?? null;
    },
    set: (k, r) => void records.set(k, r),
    delete: (k) => void records.delete(k),
  };
  c = client({ fetch, logger, tokenStore });
  assert.equal((await c.getFollowUserList()).errcode, 0);
  for (const r of await Promise.all(nested)) {
    assert.ok(!(r instanceof Error) || r instanceof WeComError, `nested calls end cleanly: ${r}`);
  }
  assert.equal((await c.getFollowUserList()).errcode, 0);
});

// ---- item 8: redaction ----------------------------------------------------------------------

test('issue 8 item 8: a percent-encoded secret echoed without its corpsecret= prefix', async () => {
  const { fetch } = fakeFetch({
    gettoken: (n, url) => answer({ errcode: 40001, errmsg: `invalid credential ${new URL(url).search.split('corpsecret=')[1]}` }),
  });
  const err = await failure(() => client({ fetch }).getFollowUserList());
  assertNoSecrets(err, [SECRET, encodeURIComponent(SECRET), encodeURIComponent(SECRET).toLowerCase()]);
});

test('issue 8 item 8: an old, rejected token echoed in an error after a refresh', async () => {
  const OLD = 'OLDTOKEN_x1';
  const NEW = 'NEWTOKEN_y2';
  const { fetch } = fakeFetch({
    gettoken: (n) => answer({ errcode: 0, access_token: n === 1 ? OLD : NEW, expires_in: 7200 }),
    api: (url, n) =>
      n === 1
        ? answer({ errcode: 42001, errmsg: 'access_token expired' })
        : answer({ errcode: 40058, errmsg: `bad request; earlier token ${OLD}, now ${encodeURIComponent(NEW)}` }),
  });
  const err = await failure(() => client({ fetch }).getFollowUserList());
  assert.equal(err.errcode, 40058);
  assertNoSecrets(err, [OLD, NEW, SECRET]);
});

test('issue 8 item 8: short tokens and tokens with a dot in store and provider failures', async () => {
  const SHORT = 'tok.short9';
  const lines = [];
  const logger = { warn: (m, f) => lines.push(m, JSON.stringify(f)), info() {}, debug() {}, error() {} };
  const { fetch } = fakeFetch({ gettoken: () => answer({ errcode: 0, access_token: SHORT, expires_in: 7200 }) });
  const tokenStore = {
    get: () => null,
    set: (k, r) => Promise.reject(new Error(`cannot store ${r.accessToken}`)),
    delete: () => undefined,
  };
  const c = client({ fetch, logger, tokenStore });
  assert.equal((await c.getFollowUserList()).errcode, 0);
  assert.ok(lines.length > 0, 'the store failure was logged');
  assertNoSecrets(lines, [SHORT, SECRET]);
  collectForScan(lines);
  const provider = new WeComClient({
    corpId: 'wwhard',
    fetch,
    tokenProvider: ({ rejectedToken }) => Promise.reject(new Error(`provider down; last was ${rejectedToken} or ${SHORT}`)),
  });
  const err = await failure(() => provider.getFollowUserList());
  assertWeComError(err, WeComTokenProviderError, 'E_TOKEN_PROVIDER');
});

// ---- containment: a failed engine never outlives the call that failed ------------------------

test('issue 8 containment: after a trap, validate, clients and callbacks work on a fresh engine', async () => {
  const { fetch, counts } = fakeFetch();
  const c = client({ fetch });
  assert.equal((await c.getFollowUserList()).errcode, 0);
  const crypto = new CallbackCrypto({ token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' });
  let gettokens = counts.gettoken;
  // 0: a trap (as after a panic or memory exhaustion); 1: the engine's stack exhausted.
  for (const kind of [0, 1]) {
    const before = internals.generation();
    const trapped = thrown(() => internals.trap(kind));
    assertWeComError(trapped, WeComEngineError, 'E_ENGINE');
    assert.ok(trapped.cause instanceof Error, 'the original failure is the cause');
    // Issue 9: validate() is plain JS now, it needs no engine at all.
    assert.equal(validate('externalcontact/get_follow_user_list', {}).valid, true);
    assert.equal(internals.generation(), before, 'validate() built no engine');
    assert.equal((await c.getFollowUserList()).errcode, 0, 'the client rebuilt itself');
    assert.equal(internals.generation(), before + 1, 'a new engine was built');
    assert.equal(counts.gettoken, gettokens + 1, 'what was lost: the in-memory token cache');
    gettokens = counts.gettoken;
  }
  assert.equal(crypto.receiveId, 'wx5823bf96d3bd56c7', 'the CallbackCrypto rebuilt itself');
  assert.equal(typeof crypto.signature('1', '2', '3'), 'string');
});

test('issue 8 containment: calls in flight when the engine failed reject with E_ENGINE, later calls work', async () => {
  let release;
  const gate = new Promise((r) => (release = r));
  const { fetch } = fakeFetch({
    api: async () => {
      await gate;
      return answer({ errcode: 0, follow_user: [] });
    },
  });
  const c = client({ fetch });
  const inFlight = c.getFollowUserList().then((v) => v, (e) => e);
  await new Promise((r) => setTimeout(r, 20));
  thrown(() => internals.trap(0));
  release();
  const out = await inFlight;
  assertWeComError(out, WeComEngineError, 'E_ENGINE');
  collectForScan(out);
  assert.equal((await c.getFollowUserList()).errcode, 0);
});
