// Issue 8 regression tests for validation, through the packed package: bounded work and report
// size on hostile input (item 3), validate() sees exactly the JSON the client sends (item 6),
// and re-entrant calls from payload getters (item 7). Issue 9: the same properties hold for the
// generated JS validators (which validate() now is), plus what only a JS value can carry (lone
// surrogates, cycles, BigInt) and the forms entry 'wecom-external-contact/validate'.
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { WeComClient, WeComUsageError, WeComValidationError, validate } from 'wecom-external-contact';
import { SECRET, failure, assertWeComError, ADD, thrown } from './helpers.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 60_000 }, fn);
const VALID = { type: 1, scene: 2, user: ['zhangsan'] };
const VALID_REPORT = { valid: true, errors: [], warnings: [] };

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
  const report = validate(ADD, { type: 2, scene: 2, user, extra: 1 });
  assert.equal(report.valid, false);
  assert.equal(report.errors.length + report.warnings.length, 100, 'errors and warnings together');
  assert.equal(report.truncated, true);
  assert.equal(validate(ADD, VALID).valid, true);
});

test('issue 8 item 3: payloads over 2 MiB of JSON are refused with E_PAYLOAD_TOO_LARGE', async () => {
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
  assert.deepEqual(validate(ADD, payload), VALID_REPORT);
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
    assert.deepEqual(report, VALID_REPORT, JSON.stringify(payload));
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

// ---- issue 9: what only a JS value can carry, strict, depth, the forms entry -----------------

test('issue 9: lone surrogates are json-unicode errors at their own path, in fields, unknown members and arrays', () => {
  const report = validate(ADD, { ...VALID, remark: 'a\uD800', extra: { deep: ['ok', 'b\uDC00'] }, user: ['x\uDBFF'] }, { locale: 'en' });
  assert.equal(report.valid, false);
  assert.deepEqual(report.errors.map((e) => [e.path, e.rule]), [
    ['/remark', 'json-unicode'],
    ['/user/0', 'json-unicode'],
    ['/extra/deep/1', 'json-unicode'],
  ]);
  assert.deepEqual(report.warnings.map((e) => [e.path, e.rule]), [['/extra', 'unknown-field']]);
  assert.equal(report.errors[0].message, 'contains an unpaired surrogate: it cannot be sent as UTF-8');
  // A pair is fine, and a string that is long only because of pairs is measured in characters.
  assert.deepEqual(validate(ADD, { ...VALID, remark: '😀'.repeat(30) }), VALID_REPORT);
  assert.deepEqual(validate(ADD, { ...VALID, remark: '😀'.repeat(31) }).errors.map((e) => e.params), [{ max: 30, actual: 31 }]);
});

test('issue 9: strict makes warnings errors (unknown and ignored members), in place', () => {
  const payload = { ...VALID, expires_in: 60, zzz: 1 };
  assert.deepEqual(validate(ADD, payload).errors, []);
  assert.deepEqual(validate(ADD, payload, { strict: true }).errors.map((e) => [e.path, e.rule]), [['/zzz', 'unknown-field'], ['/expires_in', 'R-CW-11']]);
  assert.deepEqual(validate(ADD, payload, { strict: true }).warnings, []);
});

test('issue 9: a value nested deeper than 127 containers gives one json-depth error, wherever it is; 127 pass', () => {
  const nest = (levels) => {
    let v = 1;
    for (let i = 0; i < levels; i++) v = [v];
    return v;
  };
  // The root object counts: a member nested in 126 arrays makes 127 containers.
  assert.deepEqual(validate(ADD, { ...VALID, x: nest(126) }).errors, []);
  for (const payload of [{ ...VALID, x: nest(127) }, { ...VALID, user: nest(127) }, { ...VALID, remark: 'x'.repeat(99), x: nest(5000) }]) {
    const report = validate(ADD, payload, { locale: 'en' });
    assert.deepEqual(report, { valid: false, errors: [{ path: '', rule: 'json-depth', message: 'is nested more than 127 levels deep', params: {} }], warnings: [] });
  }
});

test('issue 9: a cycle or a BigInt anywhere throws E_INVALID_PAYLOAD (what JSON.stringify refuses), even past json-depth or 100 issues', () => {
  const cycle = { a: 1 };
  cycle.self = cycle;
  const deepCycle = [];
  let tail = deepCycle;
  for (let i = 0; i < 200; i++) tail = tail[0] = [];
  tail[0] = deepCycle;
  for (const payload of [
    { ...VALID, extra: cycle },
    { ...VALID, user: [cycle] },
    { ...VALID, extra: deepCycle },
    { ...VALID, type: 1n },
    { ...VALID, extra: { toJSON: () => 5n } },
    { type: 2, scene: 2, user: new Array(300).fill(5), late: [1n] },
  ]) {
    assertWeComError(thrown(() => validate(ADD, payload)), WeComUsageError, 'E_INVALID_PAYLOAD');
  }
  const getter = Object.defineProperty({ ...VALID }, 'remark', { enumerable: true, get() { throw new Error('form getter'); } });
  const err = assertWeComError(thrown(() => validate(ADD, getter)), WeComUsageError, 'E_INVALID_PAYLOAD');
  assert.equal(err.cause?.message, 'form getter', 'the payload\'s own exception is the cause');
});

test('issue 9: the forms entry (wecom-external-contact/validate) gives the same reports, without wasm, one export per endpoint', async () => {
  const forms = await import('wecom-external-contact/validate');
  const payload = { type: 1, scene: 2, user: ['a', 'b'], remark: 'x'.repeat(40), expires_in: 1 };
  for (const options of [undefined, { locale: 'en' }, { strict: true }]) {
    assert.deepEqual(forms.validateAddContactWay(payload, options), validate(ADD, payload, options));
    assert.deepEqual(forms.validate(ADD, payload, options), validate(ADD, payload, options));
  }
  for (const name of ['validateGetContactWay', 'validateListContactWay', 'validateUpdateContactWay', 'validateUnionidToExternalUserid', 'validateConvertToOpenid']) {
    assert.equal(typeof forms[name], 'function', name);
  }
  assertWeComError(thrown(() => forms.validate('externalcontact/nope', {})), WeComUsageError, 'E_UNKNOWN_ENDPOINT');
  assert.deepEqual(forms.validateGetContactWay({ config_id: 'c' }), VALID_REPORT);
});

test('issue 9: unknown fields are warnings: the client sends them as given (mass_call_ticket-style members need no release); strict refuses them', async () => {
  const payload = { ...VALID, brand_new_member: 'x', expires_in: 60 };
  const { client, sent } = recordingClient();
  await client.addContactWay(payload);
  assert.deepEqual(JSON.parse(sent[0]), payload, 'sent exactly as given');
  const strict = new WeComClient({ corpId: 'wwval', corpSecret: SECRET, strict: true, fetch: async () => assert.fail('nothing may be sent') });
  const err = await failure(() => strict.addContactWay(payload));
  assertWeComError(err, WeComValidationError, 'E_VALIDATION');
  assert.deepEqual(err.errors.map((e) => e.rule), ['unknown-field', 'R-CW-11']);
});
