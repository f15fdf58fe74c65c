// Issue 8 regression tests for validation, through the packed package: bounded work and report
// size on hostile input (item 3), validate() sees exactly the JSON the client sends (item 6),
// and re-entrant calls from payload getters (item 7).
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { WeComClient, WeComUsageError, WeComValidationError, validate } from 'wecom-external-contact';
import { SECRET, failure, assertWeComError, ADD, thrown } from './helpers.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 60_000 }, fn);
const internals = validate[Symbol.for('wecom-external-contact.internals')];
const VALID = { type: 1, scene: 2, user: ['zhangsan'] };

/** A client whose fetch records what was sent and answers errcode 0. */
function recordingClient() {
  const sent = [];
  const fetch = async (url, init) => {
    if (url.includes('/gettoken')) {
      return { status: 200, text: async () => JSON.stringify({ errcode: 0, access_token: 'T'.repeat(40), expires_in: 7200 }) };
    }
    sent.push(init?.body);
    return { status: 200, text: async () => JSON.stringify({ errcode: 0, config_id: 'c1' }) };
  };
  return { sent, client: new WeComClient({ corpId: 'wwval', corpSecret: SECRET, fetch }) };
}

// ---- item 3: bounded work and report size ---------------------------------------------------

test('issue 8 item 3: a 1 MB payload of wrong items gives at most 100 issues, flagged as cut', () => {
  const user = new Array(500_000).fill(5);
  const generation = internals.generation();
  const report = validate(ADD, { type: 2, scene: 2, user });
  assert.equal(report.valid, false);
  assert.ok(report.errors.length <= 100, `${report.errors.length} issues`);
  assert.equal(report.truncated, true);
  assert.equal(internals.generation(), generation, 'no engine failure');
  assert.equal(validate(ADD, VALID).valid, true);
});

test('issue 8 item 3: payloads over 2 MiB of JSON are refused with E_PAYLOAD_TOO_LARGE', async () => {
  recordingClient(); // the engine exists from the first client on (validate() needs none)
  const generation = internals.generation();
  for (const payload of [
    { type: 2, scene: 2, user: new Array(1_100_000).fill(0) },
    { type: 1, scene: 2, user: ['a'], remark: 'x'.repeat(3 * 1024 * 1024) },
    { type: 1, scene: 2, user: ['a'], state: '\u0001'.repeat(400_000) },
    new Array(1_500_000).fill(0),
  ]) {
    const err = thrown(() => validate(ADD, payload));
    assertWeComError(err, WeComUsageError, 'E_PAYLOAD_TOO_LARGE');
    const { client, sent } = recordingClient();
    assertWeComError(await failure(() => client.addContactWay(payload)), WeComUsageError, 'E_PAYLOAD_TOO_LARGE');
    assert.equal(sent.length, 0, 'nothing was sent');
  }
  assert.equal(internals.generation(), generation, 'no engine failure');
  assert.equal(validate(ADD, VALID).valid, true);
});

test('issue 8 item 3: a 136 MB payload of zeros is refused, and validate keeps working', () => {
  const zeros = new Array(68_000_000 / 10).fill(0);
  assertWeComError(thrown(() => validate(ADD, { type: 2, scene: 2, user: zeros })), WeComUsageError, 'E_PAYLOAD_TOO_LARGE');
  assert.equal(validate(ADD, VALID).valid, true);
});

test('issue 8 item 3: 2000 large invalid payloads keep memory flat', () => {
  const payload = { type: 2, scene: 2, user: new Array(60_000).fill(5) };
  validate(ADD, payload);
  const start = process.memoryUsage().rss;
  for (let i = 0; i < 2000; i++) validate(ADD, payload);
  const grown = process.memoryUsage().rss - start;
  assert.ok(grown < 200 * 1024 * 1024, `RSS grew by ${Math.round(grown / 1048576)} MiB`);
  console.log(`# RSS growth over 2000 validations of a 120 kB invalid payload: ${Math.round(grown / 1048576)} MiB`);
});

// ---- item 6: validate() sees exactly the JSON the client sends ------------------------------

test('issue 8 item 6: inherited and non-enumerable properties are not sent, so not validated', async () => {
  const proto = { remark: 'x'.repeat(999), user: 7 };
  const payload = Object.assign(Object.create(proto), VALID);
  Object.defineProperty(payload, 'state', { value: 'y'.repeat(999), enumerable: false });
  assert.deepEqual(validate(ADD, payload), { valid: true, errors: [], warnings: [] });
  const { client, sent } = recordingClient();
  await client.addContactWay(payload);
  assert.deepEqual(JSON.parse(sent[0]), VALID);
});

test('issue 8 item 6: toJSON and boxed primitives are honoured as JSON.stringify does', async () => {
  const payloads = [
    { type: new Number(1), scene: 2, user: [new String('zhangsan')], skip_verify: new Boolean(true) },
    { toJSON: () => VALID },
    { type: 1, scene: 2, user: { toJSON: () => ['zhangsan'] } },
    { ...VALID, remark: { toJSON: (key) => `key:${key}` } },
    { ...VALID, extra: undefined, fn() {} },
  ];
  for (const payload of payloads) {
    const report = validate(ADD, payload);
    assert.deepEqual(report, { valid: true, errors: [], warnings: [] }, JSON.stringify(payload));
    const { client, sent } = recordingClient();
    await client.addContactWay(payload);
    assert.equal(sent[0], JSON.stringify(payload));
  }
  // A boxed string that breaks a rule is measured like the string it is.
  const long = validate(ADD, { ...VALID, state: new String('s'.repeat(31)) });
  assert.deepEqual(long.errors.map((e) => e.path), ['/state']);
});

test('issue 8 item 6: a lone surrogate is reported at its path, by validate() and by the client', async () => {
  const payload = { ...VALID, remark: 'ab\uD800cd' };
  const report = validate(ADD, payload);
  assert.equal(report.valid, false);
  assert.deepEqual(report.errors.map((e) => e.path), ['/remark']);
  const { client, sent } = recordingClient();
  const err = await failure(() => client.addContactWay(payload));
  assertWeComError(err, WeComValidationError, 'E_VALIDATION');
  assert.deepEqual(err.errors.map((e) => e.path), ['/remark']);
  assert.equal(sent.length, 0);
  // A pair is fine, and so is a literal backslash-u text.
  assert.equal(validate(ADD, { ...VALID, remark: '😀\\ud800' }).valid, true);
});

// ---- item 7: re-entrant validate() ----------------------------------------------------------

test('issue 8 item 7: a payload getter that calls validate() gets correct results, and so does its caller', () => {
  const inner = [];
  const payload = {
    type: 1,
    scene: 2,
    get user() {
      inner.push(validate(ADD, { type: 1, scene: 2, user: ['a'], remark: 'r'.repeat(40) }));
      inner.push(validate(ADD, VALID));
      return ['zhangsan'];
    },
    remark: 'r'.repeat(40),
  };
  const report = validate(ADD, payload);
  assert.deepEqual(report.errors.map((e) => e.path), ['/remark']);
  assert.deepEqual(inner[0].errors.map((e) => e.path), ['/remark']);
  assert.equal(inner[1].valid, true);
  assert.deepEqual(validate(ADD, { ...VALID, remark: 'r'.repeat(40) }).errors.map((e) => e.path), ['/remark']);
});
