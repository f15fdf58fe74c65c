// The package through require(): Node's "require" condition (index.cjs) must work on its own.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { inspect } = require('node:util');
const pkg = require('wecom-external-contact');
const {
  validate,
  WeComClient,
  endpoints,
  WeComError,
  WeComApiError,
  WeComValidationError,
  WeComConfigError,
  WeComUsageError,
  WeComTokenProviderError,
} = pkg;

const SECRET = 'cjs-Secret-4242-abcd';
let mock;

before(async () => {
  // The mock server is ESM-only (its export has no "require" condition): load it with import().
  const { startMockServer } = await import('wecom-external-contact/mock-server');
  mock = await startMockServer({ corpSecret: SECRET });
});
after(() => mock && mock.close());

test('require() resolves index.cjs and exposes the API', () => {
  assert.match(require.resolve('wecom-external-contact'), /node_modules[\\/]wecom-external-contact[\\/]index\.cjs$/);
  assert.equal(typeof validate, 'function');
  assert.equal(typeof WeComClient, 'function');
  assert.ok(Array.isArray(endpoints) && endpoints.length >= 19);
  for (const Err of [WeComApiError, WeComValidationError, WeComConfigError, WeComUsageError, WeComTokenProviderError]) {
    assert.ok(Err.prototype instanceof WeComError);
  }
});

test('require() of the Redis token store, and a provider error caught with instanceof', async () => {
  const { createRedisTokenStore } = require('wecom-external-contact/redis-token-store');
  assert.match(require.resolve('wecom-external-contact/redis-token-store'), /redis-token-store\.cjs$/);
  const sent = [];
  const store = createRedisTokenStore(async (args) => {
    sent.push(args);
    return args[0] === 'GET' ? null : 'OK';
  });
  assert.equal(await store.get('k'), null);
  await store.set('k', { accessToken: 't', expiresAt: 2, refreshAt: 1 }, 1000.4);
  assert.deepEqual(sent[1].slice(0, 1), ['EVAL']);
  assert.deepEqual(sent[1].slice(2), ['1', 'k', '{"accessToken":"t","expiresAt":2,"refreshAt":1}', '2', '1000']);
  assert.equal(typeof (await store.lock('k', 500)), 'function');
  assert.deepEqual(sent[2].slice(0, 2), ['SET', 'k:lock']);
  assert.deepEqual(sent[2].slice(3), ['NX', 'PX', '500']);
  const client = new WeComClient({ corpId: mock.corpId, baseUrl: mock.url, tokenProvider: () => Promise.reject(new Error('down')) });
  await assert.rejects(client.getFollowUserList(), (e) => e instanceof WeComTokenProviderError && e.code === 'E_TOKEN_PROVIDER');
});

test('validate: all errors, both locales', () => {
  const payload = { type: 1, scene: 2, user: [], remark: 'x'.repeat(31), bogus: 1 };
  const zh = validate('externalcontact/add_contact_way', payload);
  const en = validate('externalcontact/add_contact_way', payload, { locale: 'en' });
  assert.equal(zh.valid, false);
  assert.deepEqual(zh.errors.map((e) => e.path).sort(), en.errors.map((e) => e.path).sort());
  assert.ok(zh.errors.some((e) => e.path === '/remark' && e.rule === 'R-CW-04'));
  assert.deepEqual(zh.warnings.map((e) => [e.path, e.rule]), [['/bogus', 'unknown-field']], 'an unknown member is a warning');
  assert.ok(zh.errors.length >= 2, JSON.stringify(zh.errors));
  assert.match(zh.errors[0].message, /[\u4e00-\u9fff]/);
  assert.doesNotMatch(en.errors.map((e) => e.message).join(' '), /[\u4e00-\u9fff]/);
  assert.deepEqual(validate('externalcontact/get_contact_way', { config_id: 'abc' }), { valid: true, errors: [], warnings: [] });
  assert.throws(() => validate('no/such', {}), (e) => e instanceof WeComUsageError && e.code === 'E_UNKNOWN_ENDPOINT');
});

test('client round trip against the look-alike', async () => {
  const client = new WeComClient({ corpId: mock.corpId, corpSecret: SECRET, baseUrl: mock.url, locale: 'en' });
  const added = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'], state: 'cjs' });
  assert.equal(added.errcode, 0);
  assert.match(added.config_id, /^[0-9a-f]{32}$/);
  const got = await client.request('externalcontact/get_contact_way', { config_id: added.config_id });
  assert.equal(got.contact_way.state, 'cjs');
  const list = await client.listContactWay({ limit: 10 });
  assert.deepEqual(list.contact_way.map((w) => w.config_id), [added.config_id]);
  // The world's follow users: zhangsan and lisi first (issue 11), then the seeded members.
  assert.deepEqual((await client.getFollowUserList()).follow_user.slice(0, 2), ['zhangsan', 'lisi']);
  await client.delContactWay({ config_id: added.config_id });
  assert.equal(mock.stats().gettoken, 1);

  const apiErr = await client.getContactWay({ config_id: added.config_id }).then(
    () => assert.fail('should reject'),
    (e) => e,
  );
  assert.ok(apiErr instanceof WeComApiError);
  assert.ok(apiErr instanceof WeComError);
  assert.ok(apiErr instanceof Error);
  assert.equal(apiErr.code, 'E_API');
  assert.equal(apiErr.errcode, 41044);
  assert.equal(apiErr.kind, 'param');

  const before = mock.stats().total;
  const valErr = await client.addContactWay({ type: 5, scene: 2 }).then(
    () => assert.fail('should reject'),
    (e) => e,
  );
  assert.ok(valErr instanceof WeComValidationError);
  assert.equal(valErr.code, 'E_VALIDATION');
  assert.deepEqual(valErr.errors.map((e) => [e.path, e.rule]), [['/type', 'R-CW-01']]);
  assert.equal(mock.stats().total, before, 'nothing sent');

  for (const text of [apiErr.message, apiErr.stack, JSON.stringify(apiErr), inspect(apiErr), inspect(client)]) {
    assert.ok(!text.includes(SECRET));
  }
});

test('new WeComClient({}) throws WeComConfigError', () => {
  assert.throws(() => new WeComClient({}), (e) => e instanceof WeComConfigError && e instanceof WeComError && e.code === 'E_CONFIG');
});
