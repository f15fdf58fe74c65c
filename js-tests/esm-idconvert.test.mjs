// The id-conversion methods through the package's Node ESM entry, against the local WeCom
// look-alike: one round trip per method, the validation limits before sending, and the
// server-side refusals as typed errors.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { WeComApiError, WeComValidationError, validate } from 'wecom-external-contact';
import { startMock, clientFor, failure, assertWeComError, hits } from './helpers.mjs';

const UNIONID = 'oAuDB6Pq9HnpsM8pMsd2Ms0001';
const OPENID = 'oAuDB6Pq9HnpsM8pMsd2Ms0002';
const WM = 'wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA';
const WO = 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA';
const AGENT = 1000001;

/** The look-alike's made-up ids (npm/src/mock/fake-ids.mjs): prefix + sha1 hex of the parts. */
const hex = (...parts) => createHash('sha1').update(parts.join('\n')).digest('hex');
const wm = (...parts) => `wm${hex(...parts).slice(0, 30)}`;
const ids = (n, prefix = 'wm') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

let mock;
let client;
before(async () => {
  mock = await startMock();
});
after(() => mock.close());
beforeEach(() => {
  mock.reset();
  client = clientFor(mock);
});

describe('one round trip per method', () => {
  test('unionidToExternalUserid: external_userid, or a pending_id the batch lookup confirms', async () => {
    const customer = await client.unionidToExternalUserid({ unionid: UNIONID, openid: OPENID });
    assert.equal(customer.errcode, 0);
    assert.equal(customer.external_userid, wm('subject 0', UNIONID));
    const provider = await client.unionidToExternalUserid({ unionid: UNIONID, openid: OPENID, subject_type: 1 });
    assert.equal(provider.external_userid, wm('subject 1', UNIONID));
    const later = await client.unionidToExternalUserid({ unionid: 'oNEW0001', openid: OPENID, subject_type: 1 });
    assert.equal(later.external_userid, undefined);
    const { result } = await client.externalUseridToPendingId({ external_userid: [wm('subject 1', 'oNEW0001')] });
    assert.equal(result[0].pending_id, later.pending_id);
    assert.equal(hits(mock, 'idconvert/unionid_to_external_userid'), 3);
  });

  test('getNewExternalUserid and groupChatGetNewExternalUserid', async () => {
    const plain = await client.getNewExternalUserid({ external_userid_list: [WM, WO] });
    assert.deepEqual(plain.items, [WM, WO].map((id) => ({ external_userid: id, new_external_userid: wm('new', id) })));
    const group = await client.groupChatGetNewExternalUserid({ chat_id: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA', external_userid_list: [WM] });
    assert.deepEqual(group.items, plain.items.slice(0, 1), 'a group member gets the same new id');
    const max = await client.getNewExternalUserid({ external_userid_list: ids(1000) });
    assert.equal(max.items.length, 1000, '1000 ids is the limit, allowed');
  });

  test('fromServiceExternalUserid and openuseridToUserid', async () => {
    const back = await client.fromServiceExternalUserid({ external_userid: WM, source_agentid: AGENT });
    assert.equal(back.external_userid, wm('corp', WM));
    const users = await client.openuseridToUserid({ open_userid_list: [WO, 'zzUnknown'], source_agentid: AGENT });
    assert.deepEqual(users.userid_list, [{ open_userid: WO, userid: `u${hex('userid', WO).slice(0, 12)}` }]);
    assert.deepEqual(users.invalid_open_userid_list, ['zzUnknown']);
  });

  test('externalTagid', async () => {
    const tags = await client.externalTagid({ external_tagid_list: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA'] });
    assert.deepEqual(tags.items, [
      { external_tagid: 'etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA', open_external_tagid: `et${hex('open', 'etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA').slice(0, 30)}` },
    ]);
  });

  test('corpGroupUnionidToExternalUserid and corpGroupUnionidToPendingId', async () => {
    const all = await client.corpGroupUnionidToExternalUserid({ unionid: UNIONID, openid: OPENID });
    assert.deepEqual(all.external_userid_info.map((i) => i.corpid), ['wwdownstream000001', 'wwdownstream000002']);
    const one = await client.corpGroupUnionidToExternalUserid({ unionid: UNIONID, openid: OPENID, corpid: 'wwdownstream000002' });
    assert.deepEqual(one.external_userid_info, [{ corpid: 'wwdownstream000002', external_userid: wm('wwdownstream000002', UNIONID) }]);
    const { pending_id } = await client.corpGroupUnionidToPendingId({ unionid: UNIONID, openid: OPENID });
    assert.equal(pending_id, `p${hex('corpgroup', mock.corpId, UNIONID).slice(0, 16)}`);
  });

  test('convertToOpenid', async () => {
    const { openid } = await client.convertToOpenid({ external_userid: WM });
    assert.equal(openid, `o${hex('openid', WM).slice(0, 27)}`);
  });

  test('client.request(path) reaches the same endpoints', async () => {
    const viaRequest = await client.request('externalcontact/convert_to_openid', { external_userid: WM });
    const viaMethod = await client.convertToOpenid({ external_userid: WM });
    assert.equal(viaRequest.openid, viaMethod.openid);
  });
});

describe('limits checked before sending', () => {
  const refused = async (call, path, rule, pointer) => {
    const err = assertWeComError(await failure(call), WeComValidationError, 'E_VALIDATION');
    assert.ok(err.errors.some((e) => e.rule === rule && e.path === pointer), JSON.stringify(err.errors));
    assert.equal(hits(mock, path), 0, `${path}: nothing was sent`);
  };

  test('missing and empty required fields, 1001 ids, source_agentid 0, subject_type 2', async () => {
    await refused(() => client.unionidToExternalUserid({ openid: OPENID }), 'idconvert/unionid_to_external_userid', 'R-ID-01', '/unionid');
    await refused(() => client.unionidToExternalUserid({ unionid: UNIONID, openid: OPENID, subject_type: 2 }), 'idconvert/unionid_to_external_userid', 'R-ID-01', '/subject_type');
    await refused(() => client.getNewExternalUserid({ external_userid_list: ids(1001) }), 'externalcontact/get_new_external_userid', 'R-ID-03', '/external_userid_list');
    await refused(() => client.getNewExternalUserid({ external_userid_list: [] }), 'externalcontact/get_new_external_userid', 'R-ID-03', '/external_userid_list');
    await refused(() => client.groupChatGetNewExternalUserid({ external_userid_list: [WM] }), 'externalcontact/groupchat/get_new_external_userid', 'R-ID-03', '/chat_id');
    await refused(() => client.fromServiceExternalUserid({ external_userid: WM, source_agentid: 0 }), 'externalcontact/from_service_external_userid', 'R-ID-04', '/source_agentid');
    await refused(() => client.openuseridToUserid({ open_userid_list: [WO] }), 'batch/openuserid_to_userid', 'R-ID-04', '/source_agentid');
    await refused(() => client.externalTagid({ external_tagid_list: ids(1001, 'et') }), 'idconvert/external_tagid', 'R-ID-04', '/external_tagid_list');
    await refused(() => client.corpGroupUnionidToPendingId({ unionid: UNIONID }), 'corpgroup/unionid_to_pending_id', 'R-ID-05', '/openid');
    await refused(() => client.corpGroupUnionidToExternalUserid({ unionid: '', openid: OPENID }), 'corpgroup/unionid_to_external_userid', 'R-ID-05', '/unionid');
    await refused(() => client.convertToOpenid({}), 'externalcontact/convert_to_openid', 'R-ID-06', '/external_userid');
  });

  test('validate() gives the same verdicts in English', () => {
    const report = validate('batch/openuserid_to_userid', { open_userid_list: ids(1001, 'wo'), source_agentid: 0 }, { locale: 'en' });
    assert.deepEqual(report.errors.map((e) => [e.path, e.rule, e.params]), [
      ['/open_userid_list', 'R-ID-04', { max: 1000, actual: 1001 }],
      ['/source_agentid', 'R-ID-04', { min: 1, max: 4294967295, actual: 0 }],
    ]);
    assert.equal(validate('idconvert/external_tagid', { external_tagid_list: ids(1000, 'et') }).valid, true);
  });
});

describe('refusals only the server can make', () => {
  test('convertToOpenid with a WeCom-type (wo…) id: 41056, a param error, not retried', async () => {
    assert.equal(validate('externalcontact/convert_to_openid', { external_userid: WO }).valid, true, 'the prefix is not checked client-side');
    const err = assertWeComError(await failure(() => client.convertToOpenid({ external_userid: WO })), WeComApiError, 'E_API');
    assert.equal(err.errcode, 41056);
    assert.equal(err.kind, 'param');
    assert.equal(err.endpoint, 'externalcontact/convert_to_openid');
    assert.equal(hits(mock, 'externalcontact/convert_to_openid'), 1);
  });

  test('unionid and openid refused by the server (610014, 610018); a wrong agent is a config error', async () => {
    const bad = assertWeComError(await failure(() => client.unionidToExternalUserid({ unionid: 'xBad', openid: OPENID })), WeComApiError, 'E_API');
    assert.equal(bad.errcode, 610014);
    assert.equal(bad.kind, 'param');
    const agent = assertWeComError(await failure(() => client.corpGroupUnionidToPendingId({ unionid: UNIONID, openid: 'xOther' })), WeComApiError, 'E_API');
    assert.equal(agent.errcode, 610018);
    mock.inject({ path: 'externalcontact/from_service_external_userid', errcode: 40056 });
    const wrongAgent = assertWeComError(await failure(() => client.fromServiceExternalUserid({ external_userid: WM, source_agentid: AGENT })), WeComApiError, 'E_API');
    assert.equal(wrongAgent.kind, 'config');
  });
});
