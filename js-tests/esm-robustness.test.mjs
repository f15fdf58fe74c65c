// Hostile input: the SDK must fail cleanly (a WeComError, never a crash of the wasm engine)
// and the same client, and validate(), must work normally afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate, WeComClient, WeComError, WeComUsageError, WeComValidationError } from 'wecom-external-contact';
import { startMock, clientFor, validAddPayload, failure, assertWeComError } from './helpers.mjs';

const ADD = 'externalcontact/add_contact_way';
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url))); // run.sh copies tests to <project>/tests

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock.close());

function nested(depth, leaf, wrap) {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

/**
 * [label, payload, expected code] — E_INVALID_PAYLOAD (cannot be JSON), E_PAYLOAD_TOO_LARGE (over
 * 2 MiB of JSON: refused before it reaches the engine), E_VALIDATION, or SENT (issue 9: valid
 * with warnings only, so the client sends it as given).
 */
function hostilePayloads() {
  const cycle = { type: 1, scene: 2, user: ['a'] };
  cycle.self = cycle;
  const arrayCycle = [];
  arrayCycle.push(arrayCycle);
  const throwingGetter = { scene: 2, get type() { throw new Error('getter exploded'); } };
  const throwingToJSON = { toJSON() { throw new RangeError('toJSON exploded'); } };
  const hostileProxy = new Proxy({}, { ownKeys() { throw new Error('proxy trap'); } });
  return [
    ['cycle', cycle, 'E_INVALID_PAYLOAD'],
    ['array cycle', { type: 1, scene: 2, user: arrayCycle }, 'E_INVALID_PAYLOAD'],
    ['BigInt', { type: 1n, scene: 2, user: ['a'] }, 'E_INVALID_PAYLOAD'],
    ['throwing getter', throwingGetter, 'E_INVALID_PAYLOAD'],
    ['throwing toJSON', throwingToJSON, 'E_INVALID_PAYLOAD'],
    ['hostile Proxy', hostileProxy, 'E_INVALID_PAYLOAD'],
    ['bare Symbol', Symbol('payload'), 'E_VALIDATION'],
    ['function', () => ({ type: 1 }), 'E_VALIDATION'],
    ['Symbol keys only', { [Symbol('type')]: 1, [Symbol('scene')]: 2 }, 'E_VALIDATION'],
    ['null', null, 'E_VALIDATION'],
    ['number', 42, 'E_VALIDATION'],
    ['JSON text instead of an object', '{"type":1,"scene":2,"user":["a"]}', 'E_VALIDATION'],
    ['array', [validAddPayload()], 'E_VALIDATION'],
    ['NaN and Infinity', { type: NaN, scene: Infinity, user: ['a'] }, 'E_VALIDATION'],
    ['huge remark (16 MiB)', validAddPayload({ remark: 'x'.repeat(16 * 1024 * 1024) }), 'E_PAYLOAD_TOO_LARGE'],
    ['huge user list', validAddPayload({ type: 2, user: Array.from({ length: 100_000 }, (_, i) => `u${i}`) }), 'E_VALIDATION'],
    ['lone surrogate', validAddPayload({ remark: 'a\uD800b' }), 'E_VALIDATION'],
    ['NUL and controls in an unknown key', { ...validAddPayload(), 'x\u0000\u001f\u2028': 1 }, 'SENT'],
    ['__proto__ key', JSON.parse('{"type":1,"scene":2,"user":["a"],"__proto__":{"polluted":true}}'), 'SENT'],
    ['deep arrays (1 000)', validAddPayload({ user: nested(1_000, 'a', (v) => [v]) }), 'E_VALIDATION'],
    ['deep objects (3 000)', validAddPayload({ conclusions: nested(3_000, {}, (v) => ({ text: v })) }), 'E_VALIDATION'],
    ['deep arrays (100 000)', validAddPayload({ user: nested(100_000, 'a', (v) => [v]) }), null],
    ['huge number', validAddPayload({ style: 1e308 }), 'E_VALIDATION'],
    ['negative zero style', validAddPayload({ scene: 1, style: -0 }), 'E_VALIDATION'],
  ];
}

test('hostile payloads fail cleanly through the client, nothing is sent, the client still works', async () => {
  const client = clientFor(mock);
  await client.getFollowUserList(); // warm token: the client must keep it through the abuse
  const stillCached = await client.getAccessToken();
  const before = mock.stats();
  let sent = 0;
  for (const [label, payload, code] of hostilePayloads()) {
    if (code === 'SENT') {
      // Issue 9: only warnings (unknown members): sent as given, and WeCom's answer comes back.
      assert.equal((await client.addContactWay(payload)).errcode, 0, label);
      sent += 1;
      continue;
    }
    const err = await failure(() => client.addContactWay(payload));
    assert.ok(err instanceof WeComError, `${label}: got ${err?.name}: ${err?.message}`);
    if (code) assert.equal(err.code, code, `${label}: ${err.message}`);
    else assert.ok(['E_INVALID_PAYLOAD', 'E_VALIDATION'].includes(err.code), `${label}: ${err.code}`);
    if (err.code === 'E_VALIDATION') {
      assert.ok(err instanceof WeComValidationError);
      assert.ok(Array.isArray(err.errors) && err.errors.length > 0, label);
    }
    if (err.code === 'E_INVALID_PAYLOAD' || err.code === 'E_PAYLOAD_TOO_LARGE') assert.ok(err instanceof WeComUsageError, label);
  }
  const after = mock.stats();
  assert.equal(after.total, before.total + sent, 'no refused payload reached the server');
  assert.equal(after.gettoken, before.gettoken);
  assert.equal(await client.getAccessToken(), stillCached, 'token cache intact');

  const added = await client.addContactWay(validAddPayload());
  assert.match(added.config_id, /^[0-9a-f]{32}$/);
  assert.equal((await client.getContactWay({ config_id: added.config_id })).contact_way.config_id, added.config_id);
  assert.equal(mock.stats().gettoken, before.gettoken, 'the cached token was used');
});

test('hostile payloads through validate(): a report or a WeComUsageError, then validate() still works', () => {
  const problems = [];
  for (const [label, payload, code] of hostilePayloads()) {
    let report;
    let thrown;
    try {
      report = validate(ADD, payload, { locale: 'en' });
    } catch (err) {
      thrown = err;
    }
    if (code === 'SENT') {
      if (thrown || report.valid !== true || !(report.warnings.length > 0)) {
        problems.push(`${label}: should be valid with warnings: ${thrown?.code ?? JSON.stringify(report)?.slice(0, 120)}`);
      }
    } else if (thrown) {
      const thrownCodes = ['E_INVALID_PAYLOAD', 'E_PAYLOAD_TOO_LARGE'];
      if (!(thrown instanceof WeComUsageError) || !thrownCodes.includes(thrown.code) || (code && code !== 'E_VALIDATION' && thrown.code !== code)) {
        problems.push(`${label}: threw ${thrown?.name} ${thrown?.code ?? ''}: ${String(thrown?.message).slice(0, 120)}`);
      } else if (code === 'E_VALIDATION') {
        problems.push(`${label}: threw E_INVALID_PAYLOAD but should give a report`);
      }
    } else if (report?.valid !== false || !(report.errors?.length > 0)) {
      problems.push(`${label}: ${JSON.stringify(report)?.slice(0, 120)}`);
    } else if (code === 'E_INVALID_PAYLOAD') {
      problems.push(`${label}: gave a report but cannot be JSON: ${JSON.stringify(report.errors).slice(0, 120)}`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.deepEqual(validate(ADD, validAddPayload()), { valid: true, errors: [], warnings: [] });
  assert.deepEqual(validate(ADD, validAddPayload({ remark: 'x'.repeat(31) }), { locale: 'en' }).errors.map((e) => e.rule), ['R-CW-04']);
});

test('validate() and the client agree on every payload (same verdict, same errors)', async () => {
  const sent = [];
  const tokenBody = JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'TOKEN_agree_123456', expires_in: 7200 });
  const client = new WeComClient({
    corpId: 'wwagree',
    corpSecret: 'agree-secret',
    locale: 'en',
    fetch: async (url, init) => {
      if (!url.includes('/gettoken')) sent.push(init?.body);
      return { status: 200, text: async () => (url.includes('/gettoken') ? tokenBody : '{"errcode":0,"errmsg":"ok"}') };
    },
  });
  const ordinary = [
    validAddPayload(),
    validAddPayload({ remark: '😀'.repeat(30) }),
    validAddPayload({ remark: '😀'.repeat(31) }),
    validAddPayload({ remark: 'é'.repeat(30), state: '' }),
    validAddPayload({ user: [] }),
    validAddPayload({ type: 2, user: ['a', 'b'], party: [1, 2.5] }),
    validAddPayload({ is_temp: true, expires_in: 1209600, chat_expires_in: 1209601 }),
    validAddPayload({ is_temp: true, conclusions: { text: { content: '字'.repeat(1333) }, image: { media_id: 'm' }, link: { title: 't', url: 'u' } } }),
    validAddPayload({ is_temp: true, conclusions: {} }),
    validAddPayload({ style: 4294967295, scene: 1 }),
    validAddPayload({ style: 4294967296, scene: 1 }),
    validAddPayload({ skip_verify: 'yes', is_exclusive: 1, mark_source: null }),
    { type: 1, scene: 2, user: ['a'], unionid: 'u' },
    { type: 2.0, scene: 2e0, user: ['a'] },
    { type: 1, scene: 2, user: [null, 1, {}] },
  ];
  const payloads = [...ordinary.map((p, i) => [`ordinary #${i}`, p]), ...hostilePayloads().map(([label, p]) => [label, p])];
  const problems = [];
  for (const [label, payload] of payloads) {
    let report;
    try {
      report = validate(ADD, payload, { locale: 'en' });
    } catch {
      continue; // not JSON-able: covered above
    }
    const before = sent.length;
    let clientErr;
    try {
      await client.addContactWay(payload);
    } catch (err) {
      clientErr = err;
    }
    if (clientErr && clientErr.code !== 'E_VALIDATION') {
      problems.push(`${label}: validate() gave a report but the client threw ${clientErr.code}`);
    } else if (report.valid && clientErr) {
      problems.push(`${label}: validate() says valid, the client refused: ${JSON.stringify(clientErr.errors).slice(0, 160)}`);
    } else if (!report.valid && !clientErr) {
      problems.push(`${label}: validate() says invalid (${report.errors.map((e) => e.rule).join(',')}), the client sent it`);
    } else if (clientErr) {
      try {
        assert.deepEqual(clientErr.errors, report.errors);
        assert.deepEqual(clientErr.warnings, report.warnings);
      } catch {
        problems.push(`${label}: different errors:\n  validate(): ${JSON.stringify(report.errors)}\n  client:     ${JSON.stringify(clientErr.errors)}`.slice(0, 600));
      }
      if (sent.length !== before) problems.push(`${label}: refused but sent`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('hostile endpoint and option arguments', async () => {
  const client = clientFor(mock);
  for (const endpoint of [undefined, null, 42, {}, Symbol('ep'), ['externalcontact/add_contact_way'], 'x'.repeat(1_000_000)]) {
    const err = await failure(() => client.request(endpoint, validAddPayload()));
    assert.ok(err instanceof WeComUsageError, String(err));
    assert.ok(['E_USAGE', 'E_UNKNOWN_ENDPOINT'].includes(err.code));
    assert.throws(() => validate(endpoint, {}), WeComUsageError);
  }
  for (const options of [{ forceRefresh: Symbol('x') }, null, 42, 'force']) {
    assert.equal(typeof (await client.getAccessToken(options)), 'string');
  }
  assert.equal((await client.getFollowUserList()).errcode, 0);
});

test('many concurrent hostile and valid calls interleaved', async () => {
  mock.reset();
  const client = clientFor(mock);
  const cycle = {};
  cycle.c = cycle;
  const calls = [];
  for (let i = 0; i < 60; i++) {
    if (i % 3 === 0) calls.push(client.getFollowUserList().then(() => 'ok'));
    else if (i % 3 === 1) calls.push(client.addContactWay(cycle).catch((e) => e.code));
    else calls.push(client.addContactWay({ type: 7 }).catch((e) => e.code));
  }
  const out = await Promise.all(calls);
  assert.deepEqual(
    out.reduce((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {}),
    { ok: 20, E_INVALID_PAYLOAD: 20, E_VALIDATION: 20 },
  );
  assert.equal(mock.stats().gettoken, 1);
  assert.equal(mock.stats().total, 21);
});

test('a client that was never used and one that is freed', async () => {
  const unused = clientFor(mock);
  assert.equal(typeof unused.corpId, 'string');
  const freed = clientFor(mock);
  await freed.getFollowUserList();
  freed.free();
  const err = await failure(() => freed.getFollowUserList());
  assert.ok(err instanceof Error, 'using a freed client throws, it does not crash the process');
  const fresh = clientFor(mock);
  assert.equal((await fresh.getFollowUserList()).errcode, 0, 'other clients are unaffected');
});

/**
 * In a child Node process (so that a crash cannot take this file down): a client whose fetch is
 * `fetchCase` (JS source of a function) for the first call and a working fake afterwards.
 * Reports how the first call and the next call on the same client settled.
 */
function runIsolated(fetchCase) {
  const script = `
    import { WeComClient, WeComError } from 'wecom-external-contact';
    const tokenBody = JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'TOKEN_abcdef123456', expires_in: 7200 });
    const okBody = JSON.stringify({ errcode: 0, errmsg: 'ok', follow_user: ['zhangsan'] });
    const bad = ${fetchCase};
    let broken = true;
    const fetch = (url, init) => broken ? bad(url, init)
      : Promise.resolve({ status: 200, text: async () => (url.includes('/gettoken') ? tokenBody : okBody) });
    const client = new WeComClient({ corpId: 'wwiso', corpSecret: 'iso-secret-value', fetch });
    const race = (p) => Promise.race([
      p.then((v) => ({ outcome: 'resolved', errcode: v.errcode }),
             (e) => ({ outcome: 'rejected', name: e && e.name, code: e && e.code, isWeComError: e instanceof WeComError })),
      new Promise((r) => setTimeout(() => r({ outcome: 'never settled' }), 2000)),
    ]);
    const first = await race(client.getFollowUserList());
    broken = false;
    const after = await race(client.getFollowUserList());
    process.stdout.write(JSON.stringify({ first, after }));
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

test('a user fetch answering nonsense (undefined, null, a throwing status) rejects with a WeComError; no crash, no wedged client', async () => {
  const cases = {
    'resolves undefined': '() => Promise.resolve(undefined)',
    'returns null': '() => null',
    'status getter throws': "() => ({ get status() { throw new Error('status exploded'); }, text: async () => '{}' })",
    'no text()': '() => ({ status: 200 })',
    'text() rejects': "() => ({ status: 200, text: () => Promise.reject(new Error('body lost')) })",
    'throws synchronously': "() => { throw new Error('sync'); }",
  };
  const runs = await Promise.all(Object.entries(cases).map(async ([label, src]) => [label, await runIsolated(src)]));
  const problems = [];
  for (const [label, run] of runs) {
    let parsed;
    try {
      parsed = JSON.parse(run.stdout);
    } catch {
      problems.push(`${label}: the process died (exit ${run.code}${run.signal ? `, ${run.signal}` : ''}): ${run.stderr.split('\n').filter((l) => l && !/^\s+at /.test(l)).slice(0, 4).join(' | ')}`);
      continue;
    }
    if (run.code !== 0) problems.push(`${label}: exit ${run.code}`);
    if (parsed.first.outcome !== 'rejected' || !parsed.first.isWeComError) problems.push(`${label}: first call ${JSON.stringify(parsed.first)}`);
    if (parsed.after.outcome !== 'resolved') problems.push(`${label}: the same client afterwards ${JSON.stringify(parsed.after)}`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});
