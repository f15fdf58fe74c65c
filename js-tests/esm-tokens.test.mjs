// Token sharing, the logger and the raw request form, through the package's Node ESM entry
// against the local WeCom look-alike. Several clients over one tokenStore stand in for several
// processes here (js-tests/redis.test.mjs runs real processes on a real Redis).
import { describe, test as nodeTest, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { WeComClient, WeComConfigError, WeComTokenProviderError, WeComUsageError, WeComHttpError } from 'wecom-external-contact';
import { SECRET, startMock, clientFor, validAddPayload, failure, assertWeComError, assertNoSecrets, memoryLogger, hits, ADD, FOLLOW } from './helpers.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 15_000 }, fn);

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock.close());
beforeEach(() => mock.reset());

/** An in-memory tokenStore with a lock, recording every operation. `fail` makes every op throw. */
function memoryStore({ lock = true, fail = false } = {}) {
  const records = new Map();
  const ops = [];
  let holder = null;
  const store = {
    records,
    ops,
    async get(key) {
      ops.push(['get', key]);
      if (fail) throw new Error(`store down, secret ${SECRET}`);
      return records.get(key) ?? null;
    },
    async set(key, record, ttlMs) {
      ops.push(['set', key, ttlMs]);
      if (fail) throw new Error('store down');
      records.set(key, record);
    },
    async delete(key) {
      ops.push(['delete', key]);
      if (fail) throw new Error('store down');
      records.delete(key);
    },
  };
  if (lock) {
    store.lock = async (key, ttlMs) => {
      ops.push(['lock', key, ttlMs]);
      if (fail) throw new Error('store down');
      if (holder !== null) return null;
      const me = {};
      holder = me;
      return async () => {
        if (holder === me) holder = null;
      };
    };
  }
  return store;
}

/** Every token the look-alike handed out in these tests, for leak checks. */
const seenTokens = new Set();
async function tokenOf(client) {
  const t = await client.getAccessToken();
  seenTokens.add(t);
  return t;
}

describe('tokenStore', () => {
  test('several clients on one store, 200 concurrent calls on a cold cache: one gettoken', async () => {
    const store = memoryStore();
    const clients = [0, 1, 2, 3].map(() => clientFor(mock, { tokenStore: store }));
    const calls = [];
    for (const c of clients) for (let i = 0; i < 50; i++) calls.push(c.getFollowUserList());
    const results = await Promise.all(calls);
    assert.equal(results.length, 200);
    assert.equal(mock.stats().gettoken, 1);
    assert.equal(hits(mock, FOLLOW), 200);
    // One record under the client's key; the key names the corp and hides the secret.
    const key = clients[0].tokenKey;
    assert.match(key, new RegExp(`^wecom:access_token:${mock.corpId}:[0-9a-f]{20}$`));
    assert.ok(!key.includes(SECRET) && !key.includes(encodeURIComponent(SECRET)));
    assert.deepEqual([...store.records.keys()], [key]);
    const record = store.records.get(key);
    assert.equal(record.accessToken, await tokenOf(clients[0]));
    assert.ok(record.expiresAt > Date.now() + 7_000_000 && record.refreshAt < record.expiresAt);
    const sets = store.ops.filter(([op]) => op === 'set');
    assert.equal(sets.length, 1);
    assert.ok(Math.abs(sets[0][2] - (record.refreshAt - Date.now())) < 5_000, 'TTL ends when the token is due for refresh');
  });

  test('a token stored by another process is used without gettoken', async () => {
    const store = memoryStore();
    const first = clientFor(mock, { tokenStore: store });
    await first.getFollowUserList();
    const later = clientFor(mock, { tokenStore: store, tokenKeyPrefix: 'wecom:access_token:' });
    await later.getFollowUserList();
    assert.equal(mock.stats().gettoken, 1);
    // Another prefix is another key: no sharing.
    const elsewhere = clientFor(mock, { tokenStore: store, tokenKeyPrefix: 'other:' });
    assert.ok(elsewhere.tokenKey.startsWith(`other:${mock.corpId}:`));
    await elsewhere.getFollowUserList();
    assert.equal(mock.stats().gettoken, 2);
  });

  test('a revoked token is replaced once for every process sharing it', async () => {
    const store = memoryStore();
    const clients = [0, 1, 2].map(() => clientFor(mock, { tokenStore: store }));
    await Promise.all(clients.map((c) => c.getFollowUserList()));
    const old = await tokenOf(clients[0]);
    mock.revokeTokens();
    await Promise.all(clients.flatMap((c) => [c.getFollowUserList(), c.getFollowUserList(), c.getFollowUserList()]));
    assert.equal(mock.stats().gettoken, 2, 'one refresh for all');
    const fresh = await tokenOf(clients[1]);
    assert.notEqual(fresh, old);
    assert.equal(store.records.get(clients[0].tokenKey).accessToken, fresh);
  });

  test('expiry under concurrency: one refresh', async () => {
    const store = memoryStore();
    const clients = [0, 1].map(() => clientFor(mock, { tokenStore: store }));
    await Promise.all(clients.map((c) => c.getFollowUserList()));
    mock.expireTokens();
    await Promise.all(clients.flatMap((c) => Array.from({ length: 50 }, () => c.getFollowUserList())));
    assert.equal(mock.stats().gettoken, 2);
  });

  test('a store without lock still shares the token', async () => {
    const store = memoryStore({ lock: false });
    await clientFor(mock, { tokenStore: store }).getFollowUserList();
    await clientFor(mock, { tokenStore: store }).getFollowUserList();
    assert.equal(mock.stats().gettoken, 1);
  });

  test('a failing store never fails a call; the logger hears it, redacted', async () => {
    const logger = memoryLogger();
    const client = clientFor(mock, { tokenStore: memoryStore({ fail: true }), logger });
    await Promise.all([client.getFollowUserList(), client.getFollowUserList()]);
    assert.equal(mock.stats().gettoken, 1, 'the in-process cache still single-flights');
    const warns = logger.lines.filter(([level, , f]) => level === 'warn' && f.event === 'token.store_failed');
    assert.deepEqual([...new Set(warns.map(([, , f]) => f.op))].sort(), ['get', 'lock', 'set']);
    await tokenOf(client);
    assertNoSecrets(logger.lines, [SECRET, ...seenTokens]);
  });

  test('getAccessToken({ forceRefresh }) and invalidateToken() reach the store', async () => {
    const store = memoryStore();
    const a = clientFor(mock, { tokenStore: store });
    const b = clientFor(mock, { tokenStore: store });
    const t = await a.getAccessToken();
    assert.equal(await b.getAccessToken(), t);
    assert.equal(mock.stats().gettoken, 1);
    // WeCom hands out the same token while it is valid, but a forced refresh asks it again.
    await b.getAccessToken({ forceRefresh: true });
    assert.equal(mock.stats().gettoken, 2);
    const done = a.invalidateToken();
    assert.ok(done instanceof Promise);
    await done;
    assert.equal(store.records.size, 0, 'the stored copy of the same token is gone');
    await a.getFollowUserList();
    assert.equal(mock.stats().gettoken, 3);
  });
});

describe('tokenProvider', () => {
  test('replaces gettoken: asked once for 50 concurrent calls, again with the rejected token', async () => {
    const asked = [];
    const client = new WeComClient({
      corpId: mock.corpId,
      baseUrl: mock.url,
      // A central token service, played here by a second client of the look-alike.
      tokenProvider: async (req) => {
        asked.push(req);
        const token = await clientFor(mock).getAccessToken({ forceRefresh: req.forceRefresh });
        return { accessToken: token, expiresAt: Date.now() + 3_600_000 };
      },
    });
    await Promise.all(Array.from({ length: 50 }, () => client.getFollowUserList()));
    assert.equal(asked.length, 1);
    assert.deepEqual(asked[0], { corpId: mock.corpId, forceRefresh: false, rejectedToken: undefined });
    const old = await client.getAccessToken();
    mock.revokeTokens();
    await client.getFollowUserList();
    assert.equal(asked.length, 2);
    assert.equal(asked[1].forceRefresh, true);
    assert.equal(asked[1].rejectedToken, old);
  });

  test('a bare string token works', async () => {
    const token = await clientFor(mock).getAccessToken();
    const client = new WeComClient({ corpId: mock.corpId, baseUrl: mock.url, tokenProvider: () => token });
    await client.getFollowUserList();
    assert.equal(await client.getAccessToken(), token);
  });

  test('failures are WeComTokenProviderError, redacted, and a rejected token is not looped on', async () => {
    const token = await tokenOf(clientFor(mock));
    const throwing = new WeComClient({
      corpId: mock.corpId,
      baseUrl: mock.url,
      tokenProvider: async () => {
        throw new Error(`token service 503 (last token ${token})`);
      },
    });
    const e = assertWeComError(await failure(() => throwing.getFollowUserList()), WeComTokenProviderError, 'E_TOKEN_PROVIDER');
    assertNoSecrets(e, [SECRET, token]);
    for (const bad of [() => '', () => 42, () => ({ accessToken: 'x' })]) {
      const c = new WeComClient({ corpId: mock.corpId, baseUrl: mock.url, tokenProvider: bad });
      assertWeComError(await failure(() => c.getFollowUserList()), WeComTokenProviderError, 'E_TOKEN_PROVIDER');
    }
    mock.revokeTokens();
    const stubborn = new WeComClient({ corpId: mock.corpId, baseUrl: mock.url, tokenProvider: () => token });
    const before = hits(mock, FOLLOW);
    const e2 = assertWeComError(await failure(() => stubborn.getFollowUserList()), WeComTokenProviderError, 'E_TOKEN_PROVIDER');
    assert.match(e2.message, /just rejected/);
    assert.equal(hits(mock, FOLLOW) - before, 1, 'one request, no loop');
  });
});

describe('options are checked', () => {
  const base = () => ({ corpId: mock.corpId, baseUrl: mock.url });
  for (const [name, extra] of [
    ['a store without delete', { corpSecret: SECRET, tokenStore: { get() {}, set() {} } }],
    ['a lock that is not a function', { corpSecret: SECRET, tokenStore: { ...memoryStore(), lock: 1 } }],
    ['a provider that is not a function', { tokenProvider: 'token' }],
    ['secret and provider', { corpSecret: SECRET, tokenProvider: () => 't' }],
    ['store and provider', { tokenStore: memoryStore(), tokenProvider: () => 't' }],
    ['neither secret nor provider', {}],
    ['a logger without methods', { corpSecret: SECRET, logger: {} }],
    ['a key prefix that is not a string', { corpSecret: SECRET, tokenKeyPrefix: 7 }],
  ]) {
    test(name, () => {
      const e = assertWeComError(failureSync(() => new WeComClient({ ...base(), ...extra })), WeComConfigError, 'E_CONFIG');
      assertNoSecrets(e, [SECRET]);
    });
  }
});

function failureSync(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected a throw');
}

describe('logger', () => {
  test('is silent by default and reports requests, retries, token events and failures, redacted', async () => {
    const logger = memoryLogger();
    const client = clientFor(mock, { logger, retry: { baseDelayMs: 5, maxDelayMs: 10 } });
    mock.inject({ path: FOLLOW, errcode: 45009 });
    await client.getFollowUserList();
    mock.inject({ path: ADD, status: 502 });
    await failure(() => client.addContactWay(validAddPayload()));
    mock.revokeTokens();
    await client.getFollowUserList();
    await tokenOf(client);
    const events = logger.lines.map(([level, message]) => `${level} ${message}`);
    for (const expected of [
      'info wecom: access_token fetched',
      'debug wecom: request',
      'debug wecom: response',
      'warn wecom: retrying after a backoff',
      'warn wecom: token rejected; retrying with a new one',
      'error wecom: call failed',
    ]) {
      assert.ok(events.some((e) => e.startsWith(expected)), `no "${expected}" in ${JSON.stringify(events, null, 1)}`);
    }
    const request = logger.lines.find(([, m]) => m === 'wecom: request');
    assert.match(request[2].url, /\/cgi-bin\/.*access_token=\*\*\*/);
    const retry = logger.lines.find(([, m]) => m === 'wecom: retrying after a backoff');
    assert.equal(retry[2].errcode, 45009);
    assert.ok(retry[2].delayMs > 0);
    const failed = logger.lines.find(([, m]) => m === 'wecom: call failed');
    assert.equal(failed[2].code, 'E_OUTCOME_UNKNOWN');
    const fetched = logger.lines.find(([, m]) => m.startsWith('wecom: access_token fetched'));
    assert.equal(fetched[2].key, client.tokenKey);
    assertNoSecrets(logger.lines, [SECRET, ...seenTokens]);
  });

  test('a throwing logger never breaks a call', async () => {
    const boom = () => {
      throw new Error('logger down');
    };
    const client = clientFor(mock, { logger: { debug: boom, info: boom, warn: boom, error: boom } });
    await client.getFollowUserList();
    await client.addContactWay(validAddPayload());
  });
});

describe('raw request form', () => {
  test('GET and POST get the token, and answers keep every field', async () => {
    const client = clientFor(mock);
    const follow = await client.request({ method: 'GET', path: `/cgi-bin/${FOLLOW}` });
    assert.equal(follow.errcode, 0);
    assert.ok(Array.isArray(follow.follow_user));
    // The raw form skips validation (no rules for undeclared paths): the look-alike judges.
    const added = await client.request({ method: 'post', path: ADD, body: validAddPayload() });
    assert.ok(added.config_id);
    const got = await client.request({ method: 'POST', path: 'externalcontact/get_contact_way', body: JSON.stringify({ config_id: added.config_id }) });
    assert.equal(got.contact_way.config_id, added.config_id);
  });

  test('a POST is a write (not resent) unless idempotent; reads are retried', async () => {
    const client = clientFor(mock, { retry: { baseDelayMs: 5, maxDelayMs: 10 } });
    await client.getFollowUserList();
    mock.inject({ path: ADD, status: 502 });
    const before = hits(mock, ADD);
    const e = await failure(() => client.request({ method: 'POST', path: ADD, body: validAddPayload() }));
    assertWeComError(e, WeComHttpError, 'E_OUTCOME_UNKNOWN');
    assert.equal(hits(mock, ADD) - before, 1);
    mock.inject({ path: 'externalcontact/get_contact_way', status: 502 });
    const { config_id: configId } = await client.addContactWay(validAddPayload());
    const got = await client.request({ method: 'POST', path: 'externalcontact/get_contact_way', body: { config_id: configId }, idempotent: true });
    assert.equal(got.errcode, 0);
    mock.inject({ path: FOLLOW, status: 503 });
    assert.equal((await client.request({ method: 'GET', path: FOLLOW })).errcode, 0);
  });

  test('bad shapes are usage errors and nothing is sent', async () => {
    const client = clientFor(mock);
    const before = mock.stats().total;
    for (const raw of [
      { method: 'PUT', path: FOLLOW },
      { method: 'GET' },
      { method: 'GET', path: 'gettoken' },
      { method: 'GET', path: `gettoken?corpsecret=${SECRET}` },
      { method: 'GET', path: '../../etc/passwd' },
      { method: 'GET', path: 'https://evil.example/x' },
      { method: 'GET', path: FOLLOW, query: { access_token: 'mine' } },
      { method: 'GET', path: FOLLOW, query: { list: [1, 2] } },
      { method: 'GET', path: FOLLOW, body: {} },
      { method: 'POST', path: ADD, body: '[1]' },
    ]) {
      const e = assertWeComError(await failure(() => client.request(raw)), WeComUsageError, 'E_USAGE');
      assertNoSecrets(e, [SECRET]);
    }
    assert.equal(mock.stats().total, before);
  });
});
