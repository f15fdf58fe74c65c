// validate() and the client's validation step, through the package's Node ESM entry.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import * as pkg from 'wecom-external-contact';
import { validate, WeComClient, WeComUsageError, WeComValidationError, WeComError } from 'wecom-external-contact';
import { startMock, clientFor, validAddPayload, failure, assertWeComError } from './helpers.mjs';

const ADD = 'externalcontact/add_contact_way';
const HAN = /[\u4e00-\u9fff]/;

/** `{path: rule}` of a report's errors, for order-insensitive comparison. */
const rulesByPath = (report) => Object.fromEntries(report.errors.map((e) => [e.path, e.rule]));
/** `{path: rule}` of a report's warnings. */
const warningsByPath = (report) => Object.fromEntries(report.warnings.map((e) => [e.path, e.rule]));
const VALID_REPORT = { valid: true, errors: [], warnings: [] };

describe('exports', () => {
  test('the ESM entry exports the documented names', () => {
    for (const name of [
      'validate',
      'WeComClient',
      'endpoints',
      'WeComError',
      'WeComValidationError',
      'WeComApiError',
      'WeComHttpError',
      'WeComNetworkError',
      'WeComConfigError',
      'WeComUsageError',
    ]) {
      assert.ok(name in pkg, `export ${name}`);
      assert.notEqual(pkg[name], undefined, `export ${name} defined`);
    }
    assert.equal(typeof validate, 'function');
    assert.equal(typeof WeComClient, 'function');
    for (const Sub of [pkg.WeComValidationError, pkg.WeComApiError, pkg.WeComHttpError, pkg.WeComNetworkError, pkg.WeComConfigError, pkg.WeComUsageError]) {
      assert.equal(Object.getPrototypeOf(Sub), WeComError, `${Sub.name} extends WeComError`);
    }
    assert.equal(Object.getPrototypeOf(WeComError), Error);
  });

  test('the ./package.json subpath is exported and names the package', async () => {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const meta = require('wecom-external-contact/package.json');
    assert.equal(meta.name, 'wecom-external-contact');
    assert.match(meta.version, /^\d+\.\d+\.\d+/);
  });

  test('non-exported internals are not reachable by deep import', async () => {
    await assert.rejects(import('wecom-external-contact/node/wecom_wasm.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  test('ESM and CJS share one engine, and their errors pass instanceof both ways (issue 10: two builds)', async () => {
    const { createRequire } = await import('node:module');
    const cjs = createRequire(import.meta.url)('wecom-external-contact');
    const hooks = (api) => api.validate[Symbol.for('wecom-external-contact.internals')];
    assert.ok(new cjs.WeComUsageError('x', { code: 'E_USAGE' }) instanceof WeComError);
    assert.ok(new cjs.WeComUsageError('x', { code: 'E_USAGE' }) instanceof WeComUsageError);
    assert.ok(new WeComValidationError('x', { code: 'E_VALIDATION' }) instanceof cjs.WeComError);
    assert.equal(new cjs.WeComUsageError('x', { code: 'E_USAGE' }).name, 'WeComUsageError');
    // One engine: a client of either build gets its token through it, and a retirement through
    // one build is seen by the other.
    cjs.parseEvent('<xml><MsgType>text</MsgType></xml>');
    const before = hooks(cjs).generation();
    assert.equal(hooks({ validate }).generation(), before, 'the same generation count');
    assert.throws(() => hooks({ validate }).trap(0));
    cjs.parseEvent('<xml><MsgType>text</MsgType></xml>');
    assert.equal(hooks(cjs).generation(), before + 1, 'the CJS build runs on the engine the ESM build replaced');
  });
});

describe('validate()', () => {
  test('a valid payload: { valid: true, errors: [], warnings: [] }', () => {
    assert.deepEqual(validate(ADD, validAddPayload()), VALID_REPORT);
    assert.deepEqual(validate(ADD, { type: 2, scene: 1, style: 1, party: [1, 2] }), VALID_REPORT);
    assert.deepEqual(validate(ADD, validAddPayload({ remark: '一'.repeat(30), state: 's'.repeat(30) })).valid, true, '30 characters is the limit');
    assert.deepEqual(validate('externalcontact/get_follow_user_list', undefined).valid, true, 'no payload for a GET without parameters');
    assert.deepEqual(validate('externalcontact/list_contact_way', {}).valid, true);
  });

  test('every problem is listed, with JSON-pointer paths and rule ids; ignored and unknown members are warnings', () => {
    const payload = {
      type: 3,
      scene: 0,
      remark: 'x'.repeat(31),
      state: '渠'.repeat(31),
      expires_in: 3600,
      brand_new: true,
    };
    const report = validate(ADD, payload);
    assert.equal(report.valid, false);
    assert.deepEqual(rulesByPath(report), {
      '/type': 'R-CW-01',
      '/scene': 'R-CW-02',
      '/remark': 'R-CW-04',
      '/state': 'R-CW-06',
    });
    assert.deepEqual(warningsByPath(report), { '/expires_in': 'R-CW-11', '/brand_new': 'unknown-field' });
    for (const e of [...report.errors, ...report.warnings]) {
      assert.deepEqual(Object.keys(e).sort(), ['message', 'params', 'path', 'rule']);
      assert.equal(typeof e.message, 'string');
      assert.ok(e.message.length > 0);
      assert.equal(typeof e.params, 'object');
    }
    const remark = report.errors.find((e) => e.path === '/remark');
    assert.deepEqual(remark.params, { actual: 31, max: 30 });
    const type = report.errors.find((e) => e.path === '/type');
    assert.deepEqual(type.params, { actual: 3, allowed: [1, 2] });
  });

  test('zh-CN by default, English on request; same paths, rules and params', () => {
    const payload = { type: 1, scene: 2, user: ['a', 'b'], remark: 'x'.repeat(40), party: [1] };
    const zh = validate(ADD, payload);
    const zhExplicit = validate(ADD, payload, { locale: 'zh-CN' });
    const en = validate(ADD, payload, { locale: 'en' });
    const enUS = validate(ADD, payload, { locale: 'en-US' });
    assert.deepEqual(zh, zhExplicit);
    assert.deepEqual(en, enUS, "any tag starting with 'en' is English");
    assert.equal(zh.errors.length, 2);
    assert.deepEqual(rulesByPath(zh), { '/user': 'R-CW-07', '/remark': 'R-CW-04' });
    assert.deepEqual(warningsByPath(zh), { '/party': 'R-CW-08' }, 'WeCom ignores party for type 1');
    const strip = (r) => [...r.errors, ...r.warnings].map(({ path, rule, params }) => ({ path, rule, params }));
    assert.deepEqual(strip(zh), strip(en));
    for (const e of [...zh.errors, ...zh.warnings]) assert.match(e.message, HAN, `zh message: ${e.message}`);
    for (const e of [...en.errors, ...en.warnings]) assert.doesNotMatch(e.message, HAN, `en message: ${e.message}`);
    assert.equal(en.errors.find((e) => e.path === '/remark').message, 'must be at most 30 characters (got 40)');
    assert.equal(zh.errors.find((e) => e.path === '/remark').message, '最多 30 个字符（当前 40 个）');
  });

  test('locale tags: any en* tag is English (case-insensitive), anything else is zh-CN', () => {
    const message = (locale) => validate(ADD, { type: 9, scene: 1 }, { locale }).errors[0].message;
    for (const tag of ['en', 'EN', 'en-GB', 'en_US']) assert.equal(message(tag), 'must be one of 1, 2 (got 9)', tag);
    for (const tag of ['zh-CN', 'zh', 'zh-TW', 'fr', '']) assert.equal(message(tag), '取值只能是 1、2（当前 9）', tag);
    assert.equal(validate(ADD, { type: 9, scene: 1 }, {}).errors[0].message, '取值只能是 1、2（当前 9）');
    assert.equal(validate(ADD, { type: 9, scene: 1 }, null).errors[0].message, '取值只能是 1、2（当前 9）');
  });

  test('required fields, types and structure', () => {
    assert.deepEqual(rulesByPath(validate(ADD, {})), { '/type': 'R-CW-01', '/scene': 'R-CW-02' });
    assert.deepEqual(rulesByPath(validate(ADD, { type: '1', scene: 2.5, user: 'zhangsan' })), {
      '/type': 'json-type',
      '/scene': 'json-type',
      '/user': 'json-type',
    });
    for (const notObject of [null, [], 'text', 42, true]) {
      const r = validate(ADD, notObject, { locale: 'en' });
      assert.equal(r.valid, false);
      assert.deepEqual(rulesByPath(r), { '': 'json-type' }, `root payload ${JSON.stringify(notObject)}`);
    }
  });

  test('nested paths (conclusions) and byte limits', () => {
    const r = validate(ADD, {
      type: 1,
      scene: 2,
      user: ['zhangsan'],
      is_temp: true,
      conclusions: {
        text: { content: '字'.repeat(1334) }, // 4002 bytes in UTF-8, 1334 characters
        link: { title: 't'.repeat(129), url: 'https://example.com/' },
      },
    }, { locale: 'en' });
    const content = r.errors.find((e) => e.path === '/conclusions/text/content');
    assert.ok(content, JSON.stringify(r.errors));
    assert.equal(content.rule, 'R-CW-20');
    assert.deepEqual(content.params, { actual: 4002, max: 4000 });
    assert.ok(r.errors.some((e) => e.path === '/conclusions/link/title' && e.rule === 'R-CW-20'));
    const outsideTemp = validate(ADD, validAddPayload({ conclusions: { text: { content: 'bye' } } }));
    assert.equal(outsideTemp.valid, true, 'conclusions without is_temp are ignored by WeCom: a warning');
    assert.deepEqual(warningsByPath(outsideTemp), { '/conclusions': 'R-CW-14' });
  });

  test('the other endpoints of the slice', () => {
    const en = { locale: 'en' };
    assert.deepEqual(rulesByPath(validate('externalcontact/get_contact_way', {}, en)), { '/config_id': 'R-CW-18' });
    assert.deepEqual(rulesByPath(validate('externalcontact/del_contact_way', { config_id: '' }, en)), { '/config_id': 'R-CW-18' });
    assert.deepEqual(rulesByPath(validate('externalcontact/update_contact_way', { remark: 'x'.repeat(31) }, en)), {
      '/config_id': 'R-CW-18',
      '/remark': 'R-CW-04',
    });
    const list = validate('externalcontact/list_contact_way', { limit: 1001, start_time: 10, end_time: 5 }, en);
    assert.deepEqual(rulesByPath(list), { '/limit': 'R-CW-21', '/start_time': 'R-CW-21' });
    assert.deepEqual(rulesByPath(validate('externalcontact/close_temp_chat', {}, en)), {
      '/userid': 'R-CW-22',
      '/external_userid': 'R-CW-22',
    });
    for (const ep of ['corpgroup/batch/external_userid_to_pending_id', 'idconvert/batch/external_userid_to_pending_id']) {
      assert.deepEqual(rulesByPath(validate(ep, {}, en)), { '/external_userid': 'R-ID-02' });
      const empty = validate(ep, { external_userid: [] }, en);
      assert.deepEqual(empty.errors[0].params, { actual: 0, min: 1 });
      const tooMany = validate(ep, { external_userid: Array.from({ length: 101 }, (_, i) => `wm${i}`) }, en);
      assert.deepEqual(tooMany.errors.map((e) => [e.path, e.rule, e.params]), [['/external_userid', 'R-ID-02', { actual: 101, max: 100 }]]);
    }
    const unknown = validate('externalcontact/get_follow_user_list', { x: 1 }, en);
    assert.equal(unknown.valid, true);
    assert.deepEqual(warningsByPath(unknown), { '/x': 'unknown-field' });
  });

  test('an unknown endpoint throws WeComUsageError E_UNKNOWN_ENDPOINT', () => {
    for (const ep of ['externalcontact/nope', '', 'EXTERNALCONTACT/ADD_CONTACT_WAY', 'externalcontact/add_contact_way/', 'https://qyapi.weixin.qq.com/cgi-bin/externalcontact/add_contact_way']) {
      let thrown;
      try {
        validate(ep, {});
      } catch (err) {
        thrown = err;
      }
      assertWeComError(thrown, WeComUsageError, 'E_UNKNOWN_ENDPOINT');
    }
    assert.throws(() => validate(42, {}), (err) => err instanceof WeComUsageError && err.code === 'E_USAGE');
    assert.throws(() => validate(ADD, {}, { locale: 7 }), (err) => err instanceof WeComUsageError && err.code === 'E_USAGE');
    assert.throws(() => validate(ADD, {}, { strict: 'yes' }), (err) => err instanceof WeComUsageError && err.code === 'E_USAGE');
  });

  test('issue 9: unknown fields are warnings: mass_call_ticket and WeCom\'s newer members pass, reported once each', () => {
    const union = { unionid: 'oAAAAAAAAAAAAAAAAAAAAAAAAAAA', openid: 'oBBBBBBBBBBBBBBBBBBBBBBBBBBB' };
    assert.deepEqual(validate('idconvert/unionid_to_external_userid', { ...union, mass_call_ticket: 't' }), VALID_REPORT, 'mass_call_ticket is declared now');
    assert.deepEqual(validate('corpgroup/unionid_to_external_userid', { ...union, mass_call_ticket: 't' }), VALID_REPORT);
    const report = validate(ADD, validAddPayload({ brand_new: { nested: [1] }, 'a/b~c': 1 }), { locale: 'en' });
    assert.equal(report.valid, true);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.warnings.map((w) => [w.path, w.rule, w.message]), [
      ['/brand_new', 'unknown-field', 'is not a field of this request (it is sent as given)'],
      ['/a~1b~0c', 'unknown-field', 'is not a field of this request (it is sent as given)'],
    ]);
  });

  test('issue 9: fields WeCom ignores in the configuration are warnings, not errors (party for type 1, temporary-mode fields without is_temp)', () => {
    const report = validate(ADD, validAddPayload({ party: [1], expires_in: 3600, chat_expires_in: 60, unionid: 'u', conclusions: { text: { content: 'bye' } } }));
    assert.equal(report.valid, true);
    assert.deepEqual(warningsByPath(report), {
      '/party': 'R-CW-08',
      '/expires_in': 'R-CW-11',
      '/chat_expires_in': 'R-CW-12',
      '/unionid': 'R-CW-13',
      '/conclusions': 'R-CW-14',
    });
    // What WeCom rejects stays an error.
    assert.deepEqual(rulesByPath(validate(ADD, { type: 2, scene: 2, is_temp: true })), { '/is_temp': 'R-CW-10' });
  });

  test('issue 9: strict turns every warning into an error, at the same place in the order', () => {
    const payload = { type: 1, scene: 2, user: ['a', 'b'], expires_in: 60, remark: 'x'.repeat(31), extra: 1 };
    const loose = validate(ADD, payload, { locale: 'en' });
    const strict = validate(ADD, payload, { locale: 'en', strict: true });
    assert.deepEqual(strict.warnings, []);
    assert.equal(strict.valid, false);
    assert.deepEqual(strict.errors.map((e) => e.path), ['/remark', '/extra', '/user', '/expires_in'], 'fields, then unknown members, then cross-field rules');
    assert.deepEqual([...strict.errors].sort((a, b) => a.path.localeCompare(b.path)), [...loose.errors, ...loose.warnings].sort((a, b) => a.path.localeCompare(b.path)));
    assert.deepEqual(validate(ADD, validAddPayload(), { strict: true }), VALID_REPORT);
    assert.equal(validate(ADD, validAddPayload({ x: 1 }), { strict: true }).valid, false);
    assert.equal(validate(ADD, validAddPayload({ x: 1 }), { strict: false }).valid, true);
  });
});

describe('the client validates before sending', () => {
  let mock;
  before(async () => {
    mock = await startMock();
  });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  test('an invalid payload rejects with WeComValidationError listing every error; nothing is sent', async () => {
    const client = clientFor(mock);
    const payload = { type: 1, scene: 3, user: ['a', 'b'], remark: 'r'.repeat(31), extra_field: 1 };
    const err = await failure(() => client.addContactWay(payload));
    assertWeComError(err, WeComValidationError, 'E_VALIDATION');
    assert.equal(err.endpoint, ADD);
    const report = validate(ADD, payload);
    assert.deepEqual(err.errors, report.errors, 'zh-CN by default, the same report as validate()');
    assert.equal(err.errors.length, 3);
    assert.match(err.message, /3 problem/);
    // Issue 9: the unknown member is a warning, carried along with the errors.
    assert.deepEqual(err.warnings, report.warnings);
    assert.deepEqual(err.warnings.map((w) => [w.path, w.rule]), [['/extra_field', 'unknown-field']]);
    assert.deepEqual(mock.stats(), { gettoken: 0, total: 0, byPath: {} }, 'not even a gettoken');
  });

  test('the client locale applies to its validation errors', async () => {
    const client = clientFor(mock, { locale: 'en' });
    const payload = { config_id: '' };
    const err = await failure(() => client.request('externalcontact/get_contact_way', payload));
    assertWeComError(err, WeComValidationError, 'E_VALIDATION');
    assert.deepEqual(err.errors, validate('externalcontact/get_contact_way', payload, { locale: 'en' }).errors);
    assert.doesNotMatch(err.errors[0].message, HAN);
    const zhClient = clientFor(mock, { locale: 'zh-CN' });
    const zhErr = await failure(() => zhClient.request('externalcontact/get_contact_way', payload));
    assert.match(zhErr.errors[0].message, HAN);
    assert.equal(mock.stats().total, 0);
  });

  test('every endpoint method validates: no request for any invalid call', async () => {
    const client = clientFor(mock);
    const invalid = [
      () => client.addContactWay({ type: 1 }),
      () => client.getContactWay({}),
      () => client.listContactWay({ limit: 0 }),
      () => client.updateContactWay({ config_id: 'x', user: Array(101).fill('u') }),
      () => client.delContactWay({ config_id: 7 }),
      () => client.closeTempChat({ userid: 'zhangsan' }),
      () => client.getFollowUserList([]),
      () => client.corpGroupExternalUseridToPendingId({ external_userid: [] }),
      () => client.externalUseridToPendingId({ external_userid: 'wm1' }),
    ];
    for (const call of invalid) {
      const err = await failure(call);
      assertWeComError(err, WeComValidationError, 'E_VALIDATION');
      assert.ok(err.errors.length > 0);
    }
    assert.equal(mock.stats().total, 0);
  });

  test('unknown endpoint and gettoken through request() are usage errors', async () => {
    const client = clientFor(mock);
    assertWeComError(await failure(() => client.request('externalcontact/nope', {})), WeComUsageError, 'E_UNKNOWN_ENDPOINT');
    assertWeComError(await failure(() => client.request('gettoken', {})), WeComUsageError, 'E_USAGE');
    assertWeComError(await failure(() => client.request(undefined, {})), WeComUsageError, 'E_USAGE');
    assert.equal(mock.stats().total, 0);
  });
});
