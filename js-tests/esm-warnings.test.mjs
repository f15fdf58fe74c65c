// Issue 9, the client side: a request's warnings (unknown members, members WeCom ignores) never
// block it; they reach `logger.warn` once per call, redacted, and the payload is sent as given.
// `strict: true` makes them errors. Through the package's Node ESM entry, against the look-alike.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { WeComConfigError, WeComValidationError, WeComUsageError, validate } from 'wecom-external-contact';
import {
  SECRET,
  startMock,
  clientFor,
  validAddPayload,
  failure,
  thrown,
  assertWeComError,
  assertNoSecrets,
  memoryLogger,
  hits,
  ADD,
  FOLLOW,
} from './helpers.mjs';

let mock;
before(async () => {
  mock = await startMock({ followUsers: ['zhangsan'] });
});
after(() => mock.close());
beforeEach(() => mock.reset());

/** A fetch that keeps the body of every business request (not gettoken) before sending it. */
function recordingFetch() {
  const bodies = [];
  const f = (url, init) => {
    if (!String(url).includes('/cgi-bin/gettoken')) bodies.push({ url: String(url), body: init?.body });
    return fetch(url, init);
  };
  f.bodies = bodies;
  return f;
}

const warnLines = (logger) => logger.lines.filter(([level, message]) => level === 'warn' && message === 'wecom: request has warnings');

describe('warnings are sent as given and logged once per call', () => {
  test('issue 9: an unknown request field is sent and warned once', async () => {
    const logger = memoryLogger();
    const fetch = recordingFetch();
    const client = clientFor(mock, { logger, fetch });
    const payload = validAddPayload({ brand_new: { a: 1 } });
    const answer = await client.addContactWay(payload);
    assert.equal(answer.errcode, 0);
    assert.equal(fetch.bodies.length, 1);
    assert.equal(fetch.bodies[0].body, JSON.stringify(payload), 'the payload is sent exactly as given');
    const lines = warnLines(logger);
    assert.equal(lines.length, 1, 'one warn line for the call');
    assert.equal(lines[0][2].path, ADD);
    assert.deepEqual(lines[0][2].warnings, validate(ADD, payload).warnings);
    assert.deepEqual(lines[0][2].warnings.map((w) => [w.path, w.rule]), [['/brand_new', 'unknown-field']]);
  });

  test('issue 9: a call that is retried warns once, not once per attempt', async () => {
    const logger = memoryLogger();
    const client = clientFor(mock, { logger, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    mock.inject({ path: FOLLOW, errcode: 45009, times: 2 });
    await client.getFollowUserList({ cursor_hint: 'x' });
    assert.equal(hits(mock, FOLLOW), 3, 'two busy answers, then success');
    assert.equal(warnLines(logger).length, 1);
    assert.equal(warnLines(logger)[0][2].path, FOLLOW);
  });

  test('issue 9: the official path is logged whatever prefix the call used', async () => {
    const logger = memoryLogger();
    const client = clientFor(mock, { logger });
    await client.request(`/cgi-bin/${ADD}`, validAddPayload({ brand_new: 1 }));
    assert.equal(warnLines(logger)[0][2].path, ADD);
  });

  test('issue 9: a clean payload logs no warning; without a logger warnings are silent', async () => {
    const logger = memoryLogger();
    await clientFor(mock, { logger }).addContactWay(validAddPayload());
    assert.equal(warnLines(logger).length, 0);
    const answer = await clientFor(mock).addContactWay(validAddPayload({ brand_new: 1 }));
    assert.equal(answer.errcode, 0);
  });

  test('issue 9: warnings in the log are redacted like every other log text', async () => {
    const logger = memoryLogger();
    const client = clientFor(mock, { logger });
    const token = await client.getAccessToken();
    // A member named after the token: its path quotes it, and the log must not.
    await client.addContactWay(validAddPayload({ [token]: 1 }));
    const lines = warnLines(logger);
    assert.equal(lines.length, 1);
    assert.equal(lines[0][2].warnings[0].path, '/***');
    assertNoSecrets(logger.lines, [SECRET, token]);
  });

  test('issue 9: a throwing logger.warn never breaks the call', async () => {
    const boom = () => {
      throw new Error('logger down');
    };
    const client = clientFor(mock, { logger: { warn: boom } });
    assert.equal((await client.addContactWay(validAddPayload({ brand_new: 1 }))).errcode, 0);
  });

  test('issue 9: an invalid payload carries its warnings too; nothing is sent', async () => {
    const logger = memoryLogger();
    const client = clientFor(mock, { logger });
    const payload = validAddPayload({ type: 9, brand_new: 1 });
    const err = assertWeComError(await failure(() => client.addContactWay(payload)), WeComValidationError, 'E_VALIDATION');
    const report = validate(ADD, payload);
    assert.deepEqual(err.errors, report.errors);
    assert.deepEqual(err.warnings, report.warnings);
    assert.equal(err.warnings.length, 1);
    assert.match(err.message, /invalid externalcontact\/add_contact_way request: 1 problem\(s\), first at \/type/);
    assert.equal(warnLines(logger).length, 0, 'a refused call logs no warnings');
    assert.equal(mock.stats().total, 0);
  });
});

describe('strict', () => {
  test('issue 9: strict: true refuses warnings as errors; nothing is sent', async () => {
    const client = clientFor(mock, { strict: true, locale: 'en' });
    const payload = validAddPayload({ brand_new: 1 });
    const err = assertWeComError(await failure(() => client.addContactWay(payload)), WeComValidationError, 'E_VALIDATION');
    assert.deepEqual(err.errors, validate(ADD, payload, { strict: true, locale: 'en' }).errors);
    assert.deepEqual(err.errors.map((e) => [e.path, e.rule]), [['/brand_new', 'unknown-field']]);
    assert.deepEqual(err.warnings, []);
    assert.equal(mock.stats().total, 0, 'not even a gettoken');
    // A clean payload goes through a strict client.
    assert.equal((await client.addContactWay(validAddPayload())).errcode, 0);
  });

  test('issue 9: strict must be a boolean (E_CONFIG); absent, null and false are lenient', async () => {
    for (const strict of [1, 'true', {}, []]) {
      assertWeComError(thrown(() => clientFor(mock, { strict })), WeComConfigError, 'E_CONFIG');
    }
    for (const strict of [undefined, null, false]) {
      const answer = await clientFor(mock, { strict }).addContactWay(validAddPayload({ brand_new: 1 }));
      assert.equal(answer.errcode, 0);
    }
  });
});

describe('the client validates exactly what it sends', () => {
  test('issue 9: a getter that changes its answer cannot slip a value past validation', async () => {
    const fetch = recordingFetch();
    const client = clientFor(mock, { fetch });
    let reads = 0;
    const payload = validAddPayload();
    // Valid on the first read, invalid on any later one: the client reads the payload once
    // (JSON.stringify) and checks that very text, so it sends what it checked.
    Object.defineProperty(payload, 'type', { enumerable: true, get: () => (reads++ === 0 ? 1 : 9) });
    assert.equal((await client.addContactWay(payload)).errcode, 0);
    assert.equal(reads, 1, 'one read');
    assert.equal(JSON.parse(fetch.bodies[0].body).type, 1, 'what was sent is what was checked');
  });

  test('issue 9: a lone surrogate is a validation error at its path, nothing is sent', async () => {
    const client = clientFor(mock);
    const err = assertWeComError(await failure(() => client.addContactWay(validAddPayload({ remark: 'a\uD800b' }))), WeComValidationError, 'E_VALIDATION');
    assert.deepEqual(err.errors.map((e) => [e.path, e.rule]), [['/remark', 'json-unicode']]);
    assert.equal(mock.stats().total, 0);
  });

  test('issue 9: unknown endpoints and unusable payloads are the same usage errors as before', async () => {
    const client = clientFor(mock);
    assertWeComError(await failure(() => client.request('externalcontact/nope', {})), WeComUsageError, 'E_UNKNOWN_ENDPOINT');
    assertWeComError(await failure(() => client.request('gettoken', { corpid: 'x', corpsecret: 'y' })), WeComUsageError, 'E_USAGE');
    const cycle = validAddPayload();
    cycle.self = cycle;
    assertWeComError(await failure(() => client.addContactWay(cycle)), WeComUsageError, 'E_INVALID_PAYLOAD');
    assertWeComError(await failure(() => client.addContactWay(validAddPayload({ n: 1n }))), WeComUsageError, 'E_INVALID_PAYLOAD');
    const big = validAddPayload({ remark: 'x'.repeat(2 * 1024 * 1024) });
    assertWeComError(await failure(() => client.addContactWay(big)), WeComUsageError, 'E_PAYLOAD_TOO_LARGE');
    assert.equal(mock.stats().total, 0);
  });
});
