// Issue 8 item 10: the look-alike's /__mock admin API is closed to other origins (CSRF,
// cross-origin reads, DNS rebinding) unless the admin token is sent, and its inputs are bounded.
// Through the packed package. The CLI's part: hardening-mock-cli.test.mjs.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { startMockServer } from 'wecom-external-contact/mock-server';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const EVIL = 'http://evil.example';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const ALLOW_HEADERS = ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers',
  'access-control-allow-credentials', 'access-control-allow-private-network'];

/**
 * One HTTP request with exactly the given headers (node:http: Host and Origin can be set, and
 * nothing is added but Host and Connection). No keep-alive.
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: any }>}
 */
function send(url, path, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => {
        let parsed = text;
        try { parsed = text === '' ? undefined : JSON.parse(text); } catch { /* not JSON: keep the text */ }
        resolve({ status: res.statusCode, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Asserts that no CORS allow header is present (the browser will not hand the answer to the page). */
function assertNoAllowHeaders(res, what) {
  for (const h of ALLOW_HEADERS) assert.equal(res.headers[h], undefined, `${what}: no ${h}`);
}

/** State an attacker would like to change or read: a queued fault, a counted request, a contact way. */
async function seed(mock) {
  mock.inject({ path: 'externalcontact/get_contact_way', errcode: 45009, times: Infinity });
  const r = await fetch(`${mock.url}/cgi-bin/gettoken?corpid=${mock.corpId}&corpsecret=${encodeURIComponent(mock.corpSecret)}`);
  assert.equal((await r.json()).errcode, 0);
}

function assertSeedIntact(mock) {
  assert.equal(mock.stats().gettoken, 1, 'stats were not reset');
}

describe('admin API access', () => {
  let mock;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(async () => { mock.reset(); await seed(mock); });

  test('issue 8 item 10: a cross-origin admin request (Origin: http://evil.example) is refused 403 without CORS allow headers', async () => {
    const attempts = [
      ['GET', '/__mock/stats'],
      ['GET', '/__mock/contact-ways'],
      ['GET', '/__mock/faults'],
      ['POST', '/__mock/reset', '{}'],
      ['POST', '/__mock/faults', JSON.stringify({ path: '*', errcode: 1, times: 5 })],
      ['POST', '/__mock/advance-time', JSON.stringify({ seconds: 86400 })],
      ['POST', '/__mock/revoke-tokens', '{}'],
      ['GET', '/__mock/no-such-endpoint'],
    ];
    for (const [method, path, body] of attempts) {
      const res = await send(mock.url, path, { method, body, headers: { Origin: EVIL, ...(body ? JSON_TYPE : {}) } });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.ok, false);
      assert.match(res.body.error, /token/);
      assertNoAllowHeaders(res, `${method} ${path}`);
      assert.equal(res.body.gettoken, undefined, 'no stored data in the answer');
    }
    // Another port of 127.0.0.1 is another origin too (a dev server, a page the developer opened).
    const local = await send(mock.url, '/__mock/stats', { headers: { Origin: 'http://127.0.0.1:1' } });
    assert.equal(local.status, 403);
    const nullOrigin = await send(mock.url, '/__mock/reset', { method: 'POST', headers: { Origin: 'null', ...JSON_TYPE } });
    assert.equal(nullOrigin.status, 403, 'sandboxed frames and file: pages send Origin: null');
    assertSeedIntact(mock);
    assert.equal(mock.contactWays.size, 0);
    const faults = (await (await fetch(`${mock.url}/__mock/faults`)).json()).faults;
    assert.deepEqual(faults.map((f) => f.path), ['externalcontact/get_contact_way'], 'no fault was added');
  });

  test('issue 8 item 10: a text/plain admin POST (a "simple" request, no preflight) is refused', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      // From a foreign page: refused for the origin (403) whatever the body.
      const evil = await send(mock.url, '/__mock/reset', { method: 'POST', body: '{}', headers: { Origin: EVIL, 'Content-Type': type } });
      assert.equal(evil.status, 403, type);
      assertNoAllowHeaders(evil, type);
      // Even with no Origin at all (a browser that omits it, a form post): not JSON, not accepted.
      const bare = await send(mock.url, '/__mock/reset', { method: 'POST', body: '{}', headers: { 'Content-Type': type } });
      assert.equal(bare.status, 415, type);
      assert.match(bare.body.error, /application\/json/);
    }
    const untyped = await send(mock.url, '/__mock/faults', { method: 'POST', body: JSON.stringify({ path: '*', errcode: 1 }) });
    assert.equal(untyped.status, 415, 'a POST without Content-Type is refused');
    assertSeedIntact(mock);
    assert.equal((await (await fetch(`${mock.url}/__mock/faults`)).json()).faults.length, 1);
  });

  test('issue 8 item 10: a preflight (OPTIONS) from a foreign origin to /__mock gets no allow headers', async () => {
    for (const path of ['/__mock/faults', '/__mock/reset', '/__mock/stats']) {
      const res = await send(mock.url, path, {
        method: 'OPTIONS',
        headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type', 'Access-Control-Request-Private-Network': 'true' },
      });
      assert.equal(res.status, 403, path);
      assertNoAllowHeaders(res, path);
    }
    // The WeCom API paths keep answering any origin: pages (and browser tests) call them directly.
    const api = await send(mock.url, '/cgi-bin/externalcontact/get_contact_way', {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(api.status, 204);
    assert.equal(api.headers['access-control-allow-origin'], '*');
  });

  test('issue 8 item 10: same-origin, no-Origin and token-bearing admin requests work', async () => {
    // No Origin (Node fetch, curl, server-side tests).
    let res = await send(mock.url, '/__mock/stats');
    assert.equal(res.status, 200);
    assert.equal(res.body.gettoken, 1);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    // The server's own origin: echoed, never '*'.
    res = await send(mock.url, '/__mock/stats', { headers: { Origin: mock.url } });
    assert.equal(res.status, 200);
    assert.equal(res.headers['access-control-allow-origin'], mock.url);
    const port = new URL(mock.url).port;
    res = await send(mock.url, '/__mock/stats', { headers: { Host: `localhost:${port}`, Origin: `http://localhost:${port}` } });
    assert.equal(res.status, 200, 'localhost is the same machine');
    // The token opens the API to any origin and any Host.
    assert.equal(typeof mock.adminToken, 'string');
    assert.ok(mock.adminToken.length >= 16);
    assert.ok(!Object.keys(mock).includes('adminToken'), 'the token stays out of console.log(mock)');
    for (const auth of [{ Authorization: `Bearer ${mock.adminToken}` }, { 'X-Wecom-Mock-Token': mock.adminToken }]) {
      res = await send(mock.url, '/__mock/faults', { method: 'POST', body: JSON.stringify({ path: 'gettoken', errcode: 40013 }), headers: { Origin: EVIL, ...JSON_TYPE, ...auth } });
      assert.equal(res.status, 200, Object.keys(auth)[0]);
      assert.deepEqual(res.body, { ok: true, queued: 1 });
      assert.equal(res.headers['access-control-allow-origin'], EVIL, 'the allowed origin is echoed, not "*"');
    }
    // A token-bearing browser request is preceded by a preflight that names the token header: allowed.
    res = await send(mock.url, '/__mock/faults', {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers['access-control-allow-origin'], EVIL);
    assert.match(res.headers['access-control-allow-headers'], /authorization/i);
    // A wrong token is refused, even without an Origin.
    for (const auth of [{ Authorization: 'Bearer not-the-admin-token' }, { 'X-Wecom-Mock-Token': 'not-the-admin-token' }, { Authorization: 'Basic eDp5' }]) {
      res = await send(mock.url, '/__mock/reset', { method: 'POST', body: '{}', headers: { ...JSON_TYPE, ...auth } });
      assert.equal(res.status, 403, Object.keys(auth)[0]);
      assert.equal(res.body.error, 'wrong admin token');
    }
    assertSeedIntact(mock);
    // A chosen token.
    const chosen = await startMockServer({ adminToken: 'fixed-admin-token-for-tests' });
    try {
      assert.equal(chosen.adminToken, 'fixed-admin-token-for-tests');
      res = await send(chosen.url, '/__mock/stats', { headers: { Origin: EVIL, Authorization: 'Bearer fixed-admin-token-for-tests' } });
      assert.equal(res.status, 200);
    } finally {
      await chosen.close();
    }
    await assert.rejects(startMockServer({ adminToken: 'short' }), RangeError);
    await assert.rejects(startMockServer({ adminToken: 'has spaces in the admin token' }), RangeError);
    await assert.rejects(startMockServer({ adminToken: 12345 }), TypeError);
    const other = await startMockServer();
    assert.notEqual(other.adminToken, mock.adminToken, 'a random token per server');
    await other.close();
  });

  test('issue 8 item 10: a foreign Host header (DNS rebinding) is refused unless the token is sent', async () => {
    const port = new URL(mock.url).port;
    // An attacker's name resolving to 127.0.0.1: to the browser the page is same-origin.
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`, `[::2]:${port}`]) {
      for (const origin of [undefined, `http://${host}`]) {
        const headers = { Host: host, ...(origin ? { Origin: origin } : {}) };
        let res = await send(mock.url, '/__mock/contact-ways', { headers });
        assert.equal(res.status, 403, `GET with Host ${host}, Origin ${origin}`);
        assertNoAllowHeaders(res, host);
        res = await send(mock.url, '/__mock/reset', { method: 'POST', body: '{}', headers: { ...headers, ...JSON_TYPE } });
        assert.equal(res.status, 403, `POST with Host ${host}, Origin ${origin}`);
        res = await send(mock.url, '/__mock/faults', {
          method: 'OPTIONS',
          headers: { ...headers, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
        });
        assertNoAllowHeaders(res, `preflight with Host ${host}`);
      }
    }
    assertSeedIntact(mock);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const res = await send(mock.url, '/__mock/stats', { headers: { Host: host } });
      assert.equal(res.status, 200, host);
    }
    const withToken = await send(mock.url, '/__mock/stats', { headers: { Host: `evil.example:${port}`, 'X-Wecom-Mock-Token': mock.adminToken } });
    assert.equal(withToken.status, 200);
  });
});

describe('admin API input bounds', () => {
  let mock;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  const admin = (path, body) => send(mock.url, `/__mock/${path}`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });

  test('issue 8 item 10: advanceTime refuses 1e308, NaN, Infinity and -1 (in-process and over HTTP)', async () => {
    assert.throws(() => mock.advanceTime(1e308), RangeError);
    assert.throws(() => mock.advanceTime(-1), RangeError);
    assert.throws(() => mock.advanceTime(10 * 365 * 86400 + 1), RangeError, 'at most 10 years per call');
    assert.throws(() => mock.advanceTime(NaN), TypeError);
    assert.throws(() => mock.advanceTime(Infinity), TypeError);
    assert.throws(() => mock.advanceTime('60'), TypeError);
    assert.throws(() => mock.advanceTime(), TypeError);
    for (const seconds of [1e308, -1, 'NaN', null, '60', 10 * 365 * 86400 + 1]) {
      const res = await admin('advance-time', { seconds });
      assert.equal(res.status, 400, JSON.stringify(seconds));
      assert.equal(res.body.ok, false);
      assert.match(res.body.error, /^advanceTime\(seconds\): seconds must be /);
    }
    const noSeconds = await admin('advance-time', {});
    assert.equal(noSeconds.status, 400);
    // The total advance is bounded too (100 years until reset()).
    for (let i = 0; i < 10; i += 1) mock.advanceTime(10 * 365 * 86400);
    assert.throws(() => mock.advanceTime(86400), RangeError);
    mock.reset();
    // In range it still works: a token expires after its TTL.
    const r = await (await fetch(`${mock.url}/cgi-bin/gettoken?corpid=${mock.corpId}&corpsecret=${encodeURIComponent(mock.corpSecret)}`)).json();
    assert.equal((await admin('advance-time', { seconds: 7200 })).status, 200);
    const follow = await (await fetch(`${mock.url}/cgi-bin/externalcontact/get_follow_user_list?access_token=${r.access_token}`)).json();
    assert.equal(follow.errcode, 42001);
  });

  test('issue 8 item 10: the fault queue and each fault are bounded', async () => {
    const one = { path: 'externalcontact/get_contact_way', errcode: 45009 };
    mock.inject(Array.from({ length: 1000 }, () => one));
    assert.throws(() => mock.inject(one), TypeError, 'at most 1000 queued faults');
    let res = await admin('faults', one);
    assert.equal(res.status, 400);
    assert.match(res.body.error, /too many queued faults \(max 1000/);
    mock.reset();
    assert.throws(() => mock.inject(Array.from({ length: 1001 }, () => one)), TypeError);
    res = await admin('faults', Array.from({ length: 1001 }, () => one));
    assert.equal(res.status, 400);
    assert.equal((await (await fetch(`${mock.url}/__mock/faults`)).json()).faults.length, 0, 'all or nothing');
    // Delays: at most 60 s.
    mock.inject({ path: 'gettoken', delayMs: 60_000 });
    assert.throws(() => mock.inject({ path: 'gettoken', delayMs: 60_001 }), TypeError);
    assert.equal((await admin('faults', { path: 'gettoken', delayMs: 600_000 })).status, 400);
    // Texts and extra fields: at most 64 Ki characters each, 4 Mi characters for the whole queue.
    const big = 'x'.repeat(65_537);
    assert.throws(() => mock.inject({ path: 'gettoken', status: 502, body: big }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', errcode: 1, errmsg: big }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', extra: { big } }), TypeError);
    const cyclic = {};
    cyclic.self = cyclic;
    assert.throws(() => mock.inject({ path: 'gettoken', extra: cyclic }), TypeError);
    mock.reset();
    const page = { path: 'gettoken', status: 502, body: 'y'.repeat(60_000) };
    res = await admin('faults', Array.from({ length: 15 }, () => page));
    assert.equal(res.status, 200);
    assert.throws(() => mock.inject(Array.from({ length: 60 }, () => page)), /4194304 characters/);
  });
});

/** A page on another origin (another port of 127.0.0.1), as any site a developer opens. */
async function serveForeignPage() {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><title>elsewhere</title><p>another site</p>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test('issue 8 item 10: in Chromium, a page on another origin cannot reset, inject into or read the admin API', async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: run npm/scripts/setup.sh`);
  const { chromium } = await import('playwright-core');
  const mock = await startMockServer();
  const site = await serveForeignPage();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    await seed(mock);
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    const outcome = await page.evaluate(async ({ base, token }) => {
      const tryFetch = async (path, init) => {
        try {
          const res = await fetch(`${base}${path}`, init);
          return res.type === 'opaque' ? 'opaque' : `${res.status} ${await res.text()}`;
        } catch (err) {
          return `blocked: ${err.name}`;
        }
      };
      return {
        // The classic CSRF: a simple request the browser sends without asking.
        resetNoCors: await tryFetch('/__mock/reset', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
        faultNoCors: await tryFetch('/__mock/faults', { method: 'POST', mode: 'no-cors', body: JSON.stringify({ path: '*', errcode: 1, times: 100 }) }),
        // A JSON POST needs a preflight, which the admin API refuses.
        faultJson: await tryFetch('/__mock/faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path: '*', errcode: 1 }) }),
        // Reading stored data.
        readStats: await tryFetch('/__mock/stats'),
        readWays: await tryFetch('/__mock/contact-ways'),
        // With the token, a page may use it on purpose.
        withToken: await tryFetch('/__mock/stats', { headers: { Authorization: `Bearer ${token}` } }),
      };
    }, { base: mock.url, token: mock.adminToken });
    assert.equal(outcome.resetNoCors, 'opaque', 'the browser sent it; the mock refused it (checked below)');
    assert.equal(outcome.faultNoCors, 'opaque');
    assert.equal(outcome.faultJson, 'blocked: TypeError');
    assert.equal(outcome.readStats, 'blocked: TypeError');
    assert.equal(outcome.readWays, 'blocked: TypeError');
    assert.match(outcome.withToken, /^200 \{"ok":true,"gettoken":1,/);
    assertSeedIntact(mock);
    const faults = (await (await fetch(`${mock.url}/__mock/faults`)).json()).faults;
    assert.deepEqual(faults.map((f) => f.path), ['externalcontact/get_contact_way'], 'the page added no fault');
  } finally {
    await browser.close();
    await Promise.all([mock.close(), site.close()]);
  }
});
