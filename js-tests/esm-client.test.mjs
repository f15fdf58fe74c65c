// WeComClient through the package's Node ESM entry, against the local WeCom look-alike started
// in-process from the `wecom-external-contact/mock-server` subpath export.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  WeComClient,
  WeComError,
  WeComApiError,
  WeComHttpError,
  WeComNetworkError,
  WeComConfigError,
  WeComValidationError,
  endpoints,
} from 'wecom-external-contact';
import {
  SECRET,
  startMock,
  clientFor,
  validAddPayload,
  failure,
  assertWeComError,
  assertNoSecrets,
  closedPort,
  hits,
  ADD,
  GET,
  LIST,
  FOLLOW,
  CORPGROUP,
  IDCONVERT,
} from './helpers.mjs';


let mock;
before(async () => {
  mock = await startMock({ followUsers: ['zhangsan', 'lisi', 'wangwu'] });
});
after(() => mock.close());
beforeEach(() => mock.reset());

describe('every endpoint of the slice', () => {
  test('the endpoint table lists the slice, each with its method name', () => {
    const byPath = Object.fromEntries(endpoints.map((e) => [e.path, e]));
    const expected = {
      [FOLLOW]: ['GET', 'getFollowUserList'],
      [ADD]: ['POST', 'addContactWay'],
      [GET]: ['POST', 'getContactWay'],
      [LIST]: ['POST', 'listContactWay'],
      'externalcontact/update_contact_way': ['POST', 'updateContactWay'],
      'externalcontact/del_contact_way': ['POST', 'delContactWay'],
      'externalcontact/close_temp_chat': ['POST', 'closeTempChat'],
      [CORPGROUP]: ['POST', 'corpGroupExternalUseridToPendingId'],
      [IDCONVERT]: ['POST', 'externalUseridToPendingId'],
      'idconvert/unionid_to_external_userid': ['POST', 'unionidToExternalUserid'],
      'externalcontact/get_new_external_userid': ['POST', 'getNewExternalUserid'],
      'externalcontact/groupchat/get_new_external_userid': ['POST', 'groupChatGetNewExternalUserid'],
      'externalcontact/from_service_external_userid': ['POST', 'fromServiceExternalUserid'],
      'batch/openuserid_to_userid': ['POST', 'openuseridToUserid'],
      'idconvert/external_tagid': ['POST', 'externalTagid'],
      'corpgroup/unionid_to_external_userid': ['POST', 'corpGroupUnionidToExternalUserid'],
      'corpgroup/unionid_to_pending_id': ['POST', 'corpGroupUnionidToPendingId'],
      'externalcontact/convert_to_openid': ['POST', 'convertToOpenid'],
      'externalcontact/check_follow_user': ['POST', 'checkFollowUser'],
      'externalcontact/list': ['GET', 'listExternalContact'],
      'externalcontact/get': ['GET', 'getExternalContact'],
      'externalcontact/batch/get_by_user': ['POST', 'batchGetByUser'],
      'externalcontact/remark': ['POST', 'remarkExternalContact'],
      'externalcontact/contact_list': ['POST', 'listServedContacts'],
      'crm/get_external_contact': ['GET', 'crmGetExternalContact'],
      'externalcontact/unionid_to_external_userid': ['POST', 'corpUnionidToExternalUserid'],
      // issue 11: transfers and group chats
      'externalcontact/transfer_customer': ['POST', 'transferCustomer'],
      'externalcontact/transfer_result': ['POST', 'transferResult'],
      'externalcontact/groupchat/onjob_transfer': ['POST', 'groupChatOnjobTransfer'],
      'externalcontact/get_unassigned_list': ['POST', 'getUnassignedList'],
      'externalcontact/resigned/transfer_customer': ['POST', 'resignedTransferCustomer'],
      'externalcontact/resigned/transfer_result': ['POST', 'resignedTransferResult'],
      'externalcontact/groupchat/transfer': ['POST', 'groupChatTransfer'],
      'externalcontact/transfer': ['POST', 'transferExternalContact'],
      'externalcontact/get_transfer_result': ['POST', 'getTransferResult'],
      'externalcontact/groupchat/list': ['POST', 'groupChatList'],
      'externalcontact/groupchat/get': ['POST', 'groupChatGet'],
      'externalcontact/opengid_to_chatid': ['POST', 'opengidToChatid'],
      // issue 11: corp tags, strategy tags and group join ways
      'externalcontact/get_corp_tag_list': ['POST', 'getCorpTagList'],
      'externalcontact/add_corp_tag': ['POST', 'addCorpTag'],
      'externalcontact/edit_corp_tag': ['POST', 'editCorpTag'],
      'externalcontact/del_corp_tag': ['POST', 'delCorpTag'],
      'externalcontact/mark_tag': ['POST', 'markTag'],
      'externalcontact/get_strategy_tag_list': ['POST', 'getStrategyTagList'],
      'externalcontact/add_strategy_tag': ['POST', 'addStrategyTag'],
      'externalcontact/edit_strategy_tag': ['POST', 'editStrategyTag'],
      'externalcontact/del_strategy_tag': ['POST', 'delStrategyTag'],
      'externalcontact/groupchat/add_join_way': ['POST', 'addJoinWay'],
      'externalcontact/groupchat/get_join_way': ['POST', 'getJoinWay'],
      'externalcontact/groupchat/update_join_way': ['POST', 'updateJoinWay'],
      'externalcontact/groupchat/del_join_way': ['POST', 'delJoinWay'],
      // issue 12: moments and moment strategies
      'externalcontact/add_moment_task': ['POST', 'addMomentTask'],
      'externalcontact/get_moment_task_result': ['GET', 'getMomentTaskResult'],
      'externalcontact/cancel_moment_task': ['POST', 'cancelMomentTask'],
      'externalcontact/get_moment_list': ['POST', 'getMomentList'],
      'externalcontact/get_moment_task': ['POST', 'getMomentTask'],
      'externalcontact/get_moment_customer_list': ['POST', 'getMomentCustomerList'],
      'externalcontact/get_moment_send_result': ['POST', 'getMomentSendResult'],
      'externalcontact/get_moment_comments': ['POST', 'getMomentComments'],
      'externalcontact/moment_strategy/list': ['POST', 'momentStrategyList'],
      'externalcontact/moment_strategy/get': ['POST', 'momentStrategyGet'],
      'externalcontact/moment_strategy/get_range': ['POST', 'momentStrategyGetRange'],
      'externalcontact/moment_strategy/create': ['POST', 'momentStrategyCreate'],
      'externalcontact/moment_strategy/edit': ['POST', 'momentStrategyEdit'],
      'externalcontact/moment_strategy/del': ['POST', 'momentStrategyDel'],
      // issue 12: customer strategies and statistics
      'externalcontact/get_user_behavior_data': ['POST', 'getUserBehaviorData'],
      'externalcontact/groupchat/statistic': ['POST', 'groupChatStatistic'],
      'externalcontact/groupchat/statistic_group_by_day': ['POST', 'groupChatStatisticByDay'],
      'externalcontact/customer_strategy/list': ['POST', 'customerStrategyList'],
      'externalcontact/customer_strategy/get': ['POST', 'customerStrategyGet'],
      'externalcontact/customer_strategy/get_range': ['POST', 'customerStrategyGetRange'],
      'externalcontact/customer_strategy/create': ['POST', 'customerStrategyCreate'],
      'externalcontact/customer_strategy/edit': ['POST', 'customerStrategyEdit'],
      'externalcontact/customer_strategy/del': ['POST', 'customerStrategyDel'],
      // issue 12: mass messages and welcome messages
      'externalcontact/add_msg_template': ['POST', 'addMsgTemplate'],
      'externalcontact/get_groupmsg_list_v2': ['POST', 'getGroupmsgListV2'],
      'externalcontact/get_groupmsg_task': ['POST', 'getGroupmsgTask'],
      'externalcontact/get_groupmsg_send_result': ['POST', 'getGroupmsgSendResult'],
      'externalcontact/remind_groupmsg_send': ['POST', 'remindGroupmsgSend'],
      'externalcontact/cancel_groupmsg_send': ['POST', 'cancelGroupmsgSend'],
      'externalcontact/get_group_msg_result': ['POST', 'getGroupMsgResult'],
      'externalcontact/send_welcome_msg': ['POST', 'sendWelcomeMsg'],
      'externalcontact/group_welcome_template/add': ['POST', 'addGroupWelcomeTemplate'],
      'externalcontact/group_welcome_template/edit': ['POST', 'editGroupWelcomeTemplate'],
      'externalcontact/group_welcome_template/get': ['POST', 'getGroupWelcomeTemplate'],
      'externalcontact/group_welcome_template/del': ['POST', 'delGroupWelcomeTemplate'],
      // issue 12: media uploads (multipart)
      'media/upload': ['POST', 'uploadMedia'],
      'media/uploadimg': ['POST', 'uploadImage'],
      'media/upload_attachment': ['POST', 'uploadAttachment'],
    };
    for (const [path, [method, jsName]] of Object.entries(expected)) {
      assert.ok(byPath[path], `endpoint ${path} listed`);
      assert.equal(byPath[path].method, method);
      assert.equal(byPath[path].jsName, jsName);
      assert.match(byPath[path].docUrl, /^https:\/\/developer\.work\.weixin\.qq\.com\/document\/path\/\d+$/);
      assert.equal(typeof WeComClient.prototype[jsName], 'function', `WeComClient#${jsName}`);
    }
    assert.ok(Object.isFrozen(endpoints));
    // Every endpoint with a method is pinned above (gettoken has none: the client calls it itself).
    assert.deepEqual(endpoints.filter((e) => e.jsName).map((e) => e.path).sort(), Object.keys(expected).sort());
  });

  test('add → get → update → get → del → get (41044) round trip', async () => {
    const client = clientFor(mock);
    const added = await client.addContactWay(validAddPayload());
    assert.equal(added.errcode, 0);
    assert.equal(added.errmsg, 'ok');
    assert.match(added.config_id, /^[0-9a-f]{32}$/);
    assert.equal(typeof added.qr_code, 'string', 'scene 2 answers a qr_code');
    assert.ok(mock.contactWays.has(added.config_id), 'stored by the look-alike');

    const got = await client.getContactWay({ config_id: added.config_id });
    assert.equal(got.errcode, 0);
    assert.equal(got.contact_way.config_id, added.config_id);
    assert.equal(got.contact_way.type, 1);
    assert.equal(got.contact_way.scene, 2);
    assert.equal(got.contact_way.remark, '门店 A 前台', 'UTF-8 survives the round trip');
    assert.equal(got.contact_way.state, 'store-a');
    assert.deepEqual(got.contact_way.user, ['zhangsan']);
    assert.equal(got.contact_way.qr_code, added.qr_code);

    const updated = await client.updateContactWay({ config_id: added.config_id, remark: '新备注', state: 'store-b', user: ['lisi'] });
    assert.deepEqual(updated, { errcode: 0, errmsg: 'ok' });
    const again = await client.getContactWay({ config_id: added.config_id });
    assert.equal(again.contact_way.remark, '新备注');
    assert.equal(again.contact_way.state, 'store-b');
    assert.deepEqual(again.contact_way.user, ['lisi'], 'user list replaced');

    const deleted = await client.delContactWay({ config_id: added.config_id });
    assert.deepEqual(deleted, { errcode: 0, errmsg: 'ok' });
    assert.equal(mock.contactWays.has(added.config_id), false);
    const gone = await failure(() => client.getContactWay({ config_id: added.config_id }));
    assertWeComError(gone, WeComApiError, 'E_API');
    assert.equal(gone.errcode, 41044);

    assert.equal(mock.stats().gettoken, 1, 'one token for the whole round trip');
  });

  test('request(path, payload) is the same call as the named method', async () => {
    const client = clientFor(mock);
    const added = await client.request(ADD, validAddPayload({ scene: 1, style: 2, remark: undefined }));
    assert.match(added.config_id, /^[0-9a-f]{32}$/);
    assert.equal(added.qr_code, undefined, 'scene 1 has no qr_code');
    const got = await client.request(GET, { config_id: added.config_id });
    assert.equal(got.contact_way.style, 2);
    assert.equal(hits(mock, ADD), 1);
    assert.equal(hits(mock, GET), 1);
  });

  test('multi-member and temporary contact ways', async () => {
    const client = clientFor(mock);
    const multi = await client.addContactWay({ type: 2, scene: 2, user: ['zhangsan', 'lisi'], party: [2, 3] });
    const got = await client.getContactWay({ config_id: multi.config_id });
    assert.deepEqual(got.contact_way.user, ['zhangsan', 'lisi']);
    assert.deepEqual(got.contact_way.party, [2, 3]);

    const temp = await client.addContactWay({
      type: 1,
      scene: 2,
      user: ['zhangsan'],
      is_temp: true,
      expires_in: 86400,
      chat_expires_in: 3600,
      conclusions: { text: { content: '感谢咨询' }, link: { title: '官网', url: 'https://example.com/' } },
    });
    const tempWay = (await client.getContactWay({ config_id: temp.config_id })).contact_way;
    assert.equal(tempWay.is_temp, true);
    assert.equal(tempWay.expires_in, 86400);
    assert.deepEqual(tempWay.conclusions.text, { content: '感谢咨询' });
    assert.equal(tempWay.conclusions.link.title, '官网');
  });

  test('list_contact_way pages with next_cursor until done', async () => {
    const client = clientFor(mock);
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await client.addContactWay(validAddPayload({ state: `s${i}` }))).config_id);
    await client.addContactWay(validAddPayload({ is_temp: true }));  // temporary ways are never listed

    const seen = [];
    const pageSizes = [];
    let cursor;
    for (let page = 0; page < 10; page++) {
      const res = await client.listContactWay(cursor ? { limit: 2, cursor } : { limit: 2 });
      assert.equal(res.errcode, 0);
      pageSizes.push(res.contact_way.length);
      seen.push(...res.contact_way.map((w) => w.config_id));
      cursor = res.next_cursor;
      if (!cursor) break;
    }
    assert.deepEqual(pageSizes, [2, 2, 1]);
    assert.deepEqual(seen, created, 'every non-temporary way once, in creation order');

    const all = await client.listContactWay();
    assert.equal(all.contact_way.length, 5, 'no payload → defaults (limit 100)');
    assert.equal(all.next_cursor ?? '', '');
    const ranged = await client.listContactWay({ start_time: 0, end_time: Math.floor(Date.now() / 1000) + 60, limit: 1000 });
    assert.equal(ranged.contact_way.length, 5);
  });

  test('close_temp_chat', async () => {
    const client = clientFor(mock);
    const res = await client.closeTempChat({ userid: 'zhangsan', external_userid: 'wmAbCdEf0123' });
    assert.deepEqual(res, { errcode: 0, errmsg: 'ok' });
    assert.equal(hits(mock, 'externalcontact/close_temp_chat'), 1);
  });

  test('get_follow_user_list (GET, no payload)', async () => {
    const client = clientFor(mock);
    const res = await client.getFollowUserList();
    assert.deepEqual(res.follow_user, ['zhangsan', 'lisi', 'wangwu']);
    const again = await client.getFollowUserList({});
    assert.deepEqual(again.follow_user, res.follow_user);
    assert.equal(hits(mock, FOLLOW), 2);
  });

  test('both external_userid → pending_id endpoints', async () => {
    const client = clientFor(mock);
    const ids = ['wmAAAA0001', 'woBBBB0002', 'not-a-customer'];
    const viaCorpGroup = await client.corpGroupExternalUseridToPendingId({ external_userid: ids, chat_id: 'wrChat01' });
    const viaIdConvert = await client.externalUseridToPendingId({ external_userid: ids });
    for (const res of [viaCorpGroup, viaIdConvert]) {
      assert.equal(res.errcode, 0);
      assert.deepEqual(res.result.map((r) => r.external_userid), ['wmAAAA0001', 'woBBBB0002']);
      for (const r of res.result) assert.match(r.pending_id, /^p[0-9a-f]{16}$/);
    }
    assert.deepEqual(viaCorpGroup.result, viaIdConvert.result, 'same ids → same pending ids');
    assert.equal(hits(mock, CORPGROUP), 1);
    assert.equal(hits(mock, IDCONVERT), 1);
    const max = await client.externalUseridToPendingId({ external_userid: Array.from({ length: 100 }, (_, i) => `wm${i}`) });
    assert.equal(max.result.length, 100, '100 ids is the limit, allowed');
  });
});

describe('API errors', () => {
  test('41044 unknown config_id: errcode, errmsg, kind, hint, endpoint', async () => {
    const client = clientFor(mock);
    const err = await failure(() => client.getContactWay({ config_id: 'ffffffffffffffffffffffffffffffff' }));
    assertWeComError(err, WeComApiError, 'E_API');
    assert.equal(err.errcode, 41044);
    assert.equal(typeof err.errmsg, 'string');
    assert.match(err.errmsg, /config_id/i);
    assert.equal(err.kind, 'param');
    assert.equal(typeof err.hint, 'string');
    assert.ok(err.hint.length > 0);
    assert.equal(err.endpoint, GET);
    assert.match(err.message, /41044/);
    assert.equal(hits(mock, GET), 1, 'a param error is not retried');
  });

  test('injected 45009 (rate) and an unknown errcode', async () => {
    // Without retries (retry behaviour: esm-reliability.test.mjs), the classification shows.
    const client = clientFor(mock, { retry: { maxRetries: 0 } });
    mock.inject({ path: FOLLOW, errcode: 45009 });
    const rate = await failure(() => client.getFollowUserList());
    assertWeComError(rate, WeComApiError, 'E_API');
    assert.equal(rate.errcode, 45009);
    assert.equal(rate.kind, 'rate');

    mock.inject({ path: FOLLOW, errcode: 987654, errmsg: 'something new' });
    const unknown = await failure(() => client.getFollowUserList());
    assert.equal(unknown.errcode, 987654);
    assert.equal(unknown.errmsg, 'something new');
    assert.equal(typeof unknown.kind, 'string');
    assert.equal(hits(mock, FOLLOW), 2, 'no retry with maxRetries 0');
    assert.deepEqual((await client.getFollowUserList()).errcode, 0, 'the client goes on working');
  });

  test('HTTP 502 → WeComHttpError E_HTTP with status', async () => {
    const client = clientFor(mock, { retry: { maxRetries: 0 } });
    mock.inject({ path: FOLLOW, status: 502 });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComHttpError, 'E_HTTP');
    assert.equal(err.status, 502);
    assert.equal(err.endpoint, FOLLOW);
    assert.equal(typeof err.body, 'string');
    assert.equal(hits(mock, FOLLOW), 1, 'not retried');
  });

  test('HTTP 502 from gettoken', async () => {
    const client = clientFor(mock);
    mock.inject({ path: 'gettoken', status: 502, body: '<html>bad gateway</html>' });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComHttpError, 'E_HTTP');
    assert.equal(err.status, 502);
    assert.equal(err.endpoint, 'gettoken');
    assert.equal(hits(mock, FOLLOW), 0);
    assert.equal((await client.getFollowUserList()).errcode, 0, 'a later call fetches a token again');
    assert.equal(mock.stats().gettoken, 2);
  });

  test('a body that is not JSON → WeComHttpError E_BAD_RESPONSE', async () => {
    const client = clientFor(mock, { retry: { maxRetries: 0 } });
    mock.inject({ path: GET, garbage: true });
    const err = await failure(() => client.getContactWay({ config_id: 'x' }));
    assertWeComError(err, WeComHttpError, 'E_BAD_RESPONSE');
    assert.equal(err.status, 200);
    assert.equal(err.endpoint, GET);
  });

  test('connection refused → WeComNetworkError E_NETWORK', async () => {
    const port = await closedPort();
    const client = new WeComClient({ corpId: 'wwcorp', corpSecret: SECRET, baseUrl: `http://127.0.0.1:${port}` });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComNetworkError, 'E_NETWORK');
    assert.equal(err.endpoint, 'gettoken');
    assertNoSecrets(err, [SECRET]);
    const viaToken = await failure(() => client.getAccessToken());
    assertWeComError(viaToken, WeComNetworkError, 'E_NETWORK');
  });

  test('40001 wrong secret → WeComApiError from gettoken, not retried', async () => {
    const wrong = 'Wrong-Secret-Do-Not-Leak-1234';
    const client = clientFor(mock, { corpSecret: wrong });
    const err = await failure(() => client.addContactWay(validAddPayload()));
    assertWeComError(err, WeComApiError, 'E_API');
    assert.equal(err.errcode, 40001);
    assert.equal(err.endpoint, 'gettoken');
    assert.equal(err.kind, 'config');
    assert.equal(mock.stats().gettoken, 1);
    assert.equal(hits(mock, ADD), 0);
    assertNoSecrets(err, [wrong, SECRET]);
    const direct = await failure(() => client.getAccessToken());
    assert.equal(direct.errcode, 40001);
  });
});

describe('access_token handling', () => {
  test('N calls → 1 gettoken; getAccessToken reuses it; forceRefresh and invalidateToken fetch anew', async () => {
    const client = clientFor(mock);
    for (let i = 0; i < 12; i++) await client.getFollowUserList();
    assert.equal(mock.stats().gettoken, 1);
    assert.equal(hits(mock, FOLLOW), 12);

    const t1 = await client.getAccessToken();
    assert.equal(typeof t1, 'string');
    assert.ok(t1.length > 0);
    assert.equal(await client.getAccessToken(), t1);
    assert.equal(mock.stats().gettoken, 1);

    const t2 = await client.getAccessToken({ forceRefresh: true });
    assert.equal(mock.stats().gettoken, 2);
    assert.equal(await client.getAccessToken(), t2);

    await client.invalidateToken();
    await client.getFollowUserList();
    assert.equal(mock.stats().gettoken, 3);
  });

  test('two clients do not share a cache', async () => {
    const a = clientFor(mock);
    const b = clientFor(mock);
    await a.getFollowUserList();
    await b.getFollowUserList();
    await a.getFollowUserList();
    assert.equal(mock.stats().gettoken, 2);
  });

  test('a token is refreshed ahead of its end (short lives: halfway)', async () => {
    const short = await startMock({ tokenTtlSeconds: 2 });
    try {
      const client = clientFor(short);
      await client.getFollowUserList();
      await client.getFollowUserList();
      assert.equal(short.stats().gettoken, 1, 'cached within its life');
      await new Promise((r) => setTimeout(r, 1100)); // past half of a 2 s life
      await client.getFollowUserList();
      assert.equal(short.stats().gettoken, 2, 'refreshed before WeCom would reject it');
      assert.equal(short.stats().byPath[FOLLOW], 3, 'never rejected, never retried');
    } finally {
      await short.close();
    }
  });

  test('42001 expired → exactly one extra gettoken, the call succeeds', async () => {
    const client = clientFor(mock);
    await client.getFollowUserList();
    mock.expireTokens();
    const res = await client.getFollowUserList();
    assert.equal(res.errcode, 0);
    assert.equal(mock.stats().gettoken, 2);
    assert.equal(hits(mock, FOLLOW), 3, 'first call, rejected retry source, retry');
    await client.getFollowUserList();
    assert.equal(mock.stats().gettoken, 2, 'the new token is cached');
  });

  test('40014 revoked → exactly one extra gettoken, the call succeeds', async () => {
    const client = clientFor(mock);
    const first = await client.addContactWay(validAddPayload());
    mock.revokeTokens();
    const res = await client.getContactWay({ config_id: first.config_id });
    assert.equal(res.contact_way.config_id, first.config_id);
    assert.equal(mock.stats().gettoken, 2);
    assert.equal(hits(mock, GET), 2);
  });

  test('a persistent 40014 rejects after exactly 2 attempts (no loop)', async () => {
    const client = clientFor(mock);
    mock.inject({ path: FOLLOW, errcode: 40014, times: 5 });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComApiError, 'E_API');
    assert.equal(err.errcode, 40014);
    assert.equal(err.kind, 'refresh');
    assert.equal(hits(mock, FOLLOW), 2, 'the call and one retry');
    assert.equal(mock.stats().gettoken, 2, 'the first token and one refresh');
  });

  test('a persistent 42001 also stops after one refresh', async () => {
    const client = clientFor(mock);
    mock.inject({ path: GET, errcode: 42001, times: Infinity });
    const err = await failure(() => client.getContactWay({ config_id: 'abc' }));
    assert.equal(err.errcode, 42001);
    assert.equal(hits(mock, GET), 2);
    assert.equal(mock.stats().gettoken, 2);
  });

  test('200 concurrent calls on a cold cache → exactly 1 gettoken', async () => {
    const client = clientFor(mock);
    mock.inject({ path: 'gettoken', delayMs: 50 }); // a slow token widens the race window
    const results = await Promise.all(Array.from({ length: 200 }, () => client.getFollowUserList()));
    assert.equal(results.length, 200);
    for (const r of results) assert.equal(r.errcode, 0);
    assert.equal(mock.stats().gettoken, 1);
    assert.equal(hits(mock, FOLLOW), 200);
  });

  test('200 concurrent calls after the token expired → exactly 1 extra gettoken', async () => {
    const client = clientFor(mock);
    await client.getFollowUserList();
    mock.expireTokens();
    const results = await Promise.all(Array.from({ length: 200 }, () => client.getFollowUserList()));
    for (const r of results) assert.equal(r.errcode, 0);
    assert.equal(mock.stats().gettoken, 2);
  });

  test('a failed token fetch is shared by the waiting calls, and the next call tries again', async () => {
    const client = clientFor(mock);
    mock.inject({ path: 'gettoken', errcode: -1, delayMs: 30 });
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => client.getFollowUserList()));
    for (const s of settled) {
      assert.equal(s.status, 'rejected');
      assertWeComError(s.reason, WeComApiError, 'E_API');
      assert.equal(s.reason.errcode, -1);
      assert.equal(s.reason.endpoint, 'gettoken');
    }
    assert.equal(mock.stats().gettoken, 1, 'one gettoken for all 20 waiters');
    assert.equal((await client.getFollowUserList()).errcode, 0);
    assert.equal(mock.stats().gettoken, 2);
  });
});

describe('responses and transport', () => {
  test('unknown response fields are kept', async () => {
    const client = clientFor(mock);
    const added = await client.addContactWay(validAddPayload());
    mock.inject({ path: GET, extra: { brand_new_field: { a: 1 }, another: [1, '二'] } });
    const got = await client.getContactWay({ config_id: added.config_id });
    assert.deepEqual(got.brand_new_field, { a: 1 });
    assert.deepEqual(got.another, [1, '二']);
    assert.equal(got.contact_way.config_id, added.config_id, 'known fields intact');

    mock.inject({ path: FOLLOW, extra: { brand_new_field: { a: 1 } } });
    const follow = await client.getFollowUserList();
    assert.deepEqual(follow.brand_new_field, { a: 1 });
  });

  test('a user-supplied fetch is used for every request', async () => {
    const calls = [];
    const myFetch = async (url, init) => {
      calls.push({ url, method: init?.method, body: init?.body, headers: init?.headers });
      return fetch(url, init);
    };
    const client = clientFor(mock, { fetch: myFetch });
    await client.addContactWay(validAddPayload());
    await client.getFollowUserList();
    assert.equal(calls.length, 3);
    const [tok, add, follow] = calls;
    assert.equal(tok.method, 'GET');
    assert.match(tok.url, new RegExp(`^${mock.url}/cgi-bin/gettoken\\?`));
    const q = new URL(tok.url).searchParams;
    assert.equal(q.get('corpid'), mock.corpId);
    assert.equal(q.get('corpsecret'), SECRET, 'the secret is sent (encoded) only to gettoken');
    assert.equal(add.method, 'POST');
    assert.match(add.url, new RegExp(`^${mock.url}/cgi-bin/${ADD}\\?access_token=`));
    assert.deepEqual(JSON.parse(add.body), validAddPayload());
    const contentType = Object.entries(add.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    assert.match(String(contentType), /application\/json/);
    assert.equal(follow.method, 'GET');
    assert.equal(follow.body, undefined);
    assert.ok(!add.url.includes(SECRET) && !add.url.includes(encodeURIComponent(SECRET)), 'no secret on API calls');
    assert.equal(mock.stats().total, 3);
  });

  test('a custom fetch answering by itself (no network at all)', async () => {
    const seen = [];
    const fakeFetch = async (url) => {
      seen.push(new URL(url).pathname);
      const body = url.includes('/gettoken')
        ? { errcode: 0, errmsg: 'ok', access_token: 'FAKE_TOKEN_abcdef', expires_in: 7200 }
        : { errcode: 0, errmsg: 'ok', follow_user: ['x'], future_field: true };
      return { status: 200, text: async () => JSON.stringify(body) };
    };
    const client = new WeComClient({ corpId: 'wwfake', corpSecret: 'fake-secret', fetch: fakeFetch });
    assert.equal(client.baseUrl, 'https://qyapi.weixin.qq.com', 'default base URL');
    const res = await client.getFollowUserList();
    assert.deepEqual(res, { errcode: 0, errmsg: 'ok', follow_user: ['x'], future_field: true });
    assert.deepEqual(seen, ['/cgi-bin/gettoken', `/cgi-bin/${FOLLOW}`]);
  });

  test('JSON that is not an object, and a gettoken without access_token → E_BAD_RESPONSE', async () => {
    const tokenBody = JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'T0KEN_x1y2z3', expires_in: 7200 });
    for (const [stage, text] of [[FOLLOW, 'null'], [FOLLOW, '"ok"'], [FOLLOW, '42'], [FOLLOW, ''], ['gettoken', '{"errcode":0,"errmsg":"ok"}'], ['gettoken', '[]']]) {
      const client = new WeComClient({
        corpId: 'wwfake',
        corpSecret: 'fake-secret',
        fetch: async (url) => ({ status: 200, text: async () => (url.includes(`/cgi-bin/${stage}`) ? text : tokenBody) }),
      });
      const err = await failure(() => client.getFollowUserList());
      assertWeComError(err, WeComHttpError, 'E_BAD_RESPONSE');
      assert.equal(err.status, 200);
      assert.equal(err.endpoint, stage, `${stage} answering ${JSON.stringify(text)}`);
    }
  });

  test('a JSON array answer is not a WeCom answer → E_BAD_RESPONSE (not resolved as the response object)', async () => {
    const tokenBody = JSON.stringify({ errcode: 0, errmsg: 'ok', access_token: 'T0KEN_x1y2z3', expires_in: 7200 });
    const client = new WeComClient({
      corpId: 'wwfake',
      corpSecret: 'fake-secret',
      fetch: async (url) => ({ status: 200, text: async () => (url.includes('/gettoken') ? tokenBody : '[{"errcode":0}]') }),
    });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComHttpError, 'E_BAD_RESPONSE');
  });

  test('the base URL may end with a slash', async () => {
    const client = clientFor(mock, { baseUrl: `${mock.url}/` });
    assert.equal((await client.getFollowUserList()).errcode, 0);
    assert.equal(client.baseUrl, mock.url);
  });
});

describe('configuration', () => {
  test('new WeComClient({}) and other bad options throw WeComConfigError', () => {
    const bad = [
      undefined,
      null,
      {},
      'wwcorp',
      { corpId: 'wwcorp' },
      { corpSecret: SECRET },
      { corpId: '', corpSecret: SECRET },
      { corpId: 'wwcorp', corpSecret: '' },
      { corpId: 'wwcorp', corpSecret: '   ' },
      { corpId: 42, corpSecret: SECRET },
      { corpId: 'wwcorp', corpSecret: SECRET, baseUrl: 'ftp://example.com' },
      { corpId: 'wwcorp', corpSecret: SECRET, baseUrl: 'https://example.com/?a=1' },
      { corpId: 'wwcorp', corpSecret: SECRET, baseUrl: 42 },
      { corpId: 'wwcorp', corpSecret: SECRET, fetch: 'not a function' },
    ];
    for (const options of bad) {
      let thrown;
      try {
        new WeComClient(options);
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown, `new WeComClient(${inspect(options)}) must throw`);
      assertWeComError(thrown, WeComConfigError, 'E_CONFIG');
      assertNoSecrets(thrown, [SECRET]);
    }
  });

  test('an invalid locale option is a WeComConfigError, like every other bad client option', () => {
    // errors.js documents WeComConfigError as "Invalid client options. Code E_CONFIG".
    let thrown;
    try {
      new WeComClient({ corpId: 'wwcorp', corpSecret: SECRET, locale: 42 });
    } catch (err) {
      thrown = err;
    }
    assert.ok(thrown, 'locale: 42 must be refused');
    assertWeComError(thrown, WeComConfigError, 'E_CONFIG');
  });

  test('the client shows its corpId and baseUrl, never the secret', async () => {
    const client = clientFor(mock);
    assert.equal(client.corpId, mock.corpId);
    assert.equal(client.baseUrl, mock.url);
    await client.getFollowUserList();
    const token = await client.getAccessToken();
    assertNoSecrets(client, [SECRET, token]);
    assert.ok(!inspect(client, { showHidden: true, depth: Infinity, getters: true }).includes(SECRET));
    assert.ok(!JSON.stringify(Object.getOwnPropertyNames(client)).includes('Secret'), 'no secret property');
  });
});

describe('secrets never appear in errors', () => {
  /** A fetch that proxies to the look-alike but lets a test rewrite answers. */
  function echoingFetch(rewrite) {
    return async (url, init) => {
      const replaced = await rewrite(url, init);
      if (replaced) return replaced;
      return fetch(url, init);
    };
  }
  const textReply = (status, text) => ({ status, text: async () => text });

  test('the transport error, the HTTP body and the bad body all quote the URL', async () => {
    const cases = [
      ['E_NETWORK', WeComNetworkError, (url) => { throw new Error(`connect failed for ${url} (${decodeURIComponent(url)})`); }],
      ['E_NETWORK', WeComNetworkError, (url) => Promise.reject(new TypeError('fetch failed', { cause: new Error(`at ${url}`) }))],
      ['E_HTTP', WeComHttpError, (url) => textReply(500, `<h1>500</h1> upstream ${url} ${decodeURIComponent(url)}`)],
      ['E_BAD_RESPONSE', WeComHttpError, (url) => textReply(200, `<!doctype html> ${url}`)],
      ['E_HTTP', WeComHttpError, (url) => textReply(503, JSON.stringify({ errcode: -1, errmsg: `busy: ${url}` }))],
    ];
    for (const [code, Class, fail] of cases) {
      for (const stage of ['gettoken', FOLLOW]) {
        const client = clientFor(mock, {
          fetch: echoingFetch((url) => (url.includes(`/cgi-bin/${stage}`) ? fail(url) : undefined)),
        });
        const token = stage === FOLLOW ? await client.getAccessToken() : undefined;
        const err = await failure(() => client.getFollowUserList());
        assertWeComError(err, Class, code);
        assertNoSecrets(err, [SECRET, token]);
      }
    }
  });

  test('an errmsg quoting the secret or the token is redacted', async () => {
    const client = clientFor(mock);
    const token = await client.getAccessToken();
    mock.inject({ path: FOLLOW, errcode: 40058, errmsg: `bad request with access_token=${token}&x=1 and ${token} and ${SECRET}` });
    const err = await failure(() => client.getFollowUserList());
    assert.equal(err.errcode, 40058);
    assertNoSecrets(err, [SECRET, token]);

    const fresh = clientFor(mock);
    mock.inject({ path: 'gettoken', errcode: 40001, errmsg: `invalid credential ${SECRET} corpsecret=${encodeURIComponent(SECRET)}` });
    const tokErr = await failure(() => fresh.getFollowUserList());
    assert.equal(tokErr.errcode, 40001);
    assertNoSecrets(tokErr, [SECRET]);
  });

  test('errors of every kind from the look-alike carry neither secret nor token', async () => {
    const client = clientFor(mock, { retry: { maxRetries: 0 } });
    const token = await client.getAccessToken();
    const errors = [];
    errors.push(await failure(() => client.getContactWay({ config_id: 'nope' })));
    mock.inject({ path: FOLLOW, status: 502 });
    errors.push(await failure(() => client.getFollowUserList()));
    mock.inject({ path: FOLLOW, garbage: true });
    errors.push(await failure(() => client.getFollowUserList()));
    mock.inject({ path: FOLLOW, errcode: 40014, times: 2 });
    errors.push(await failure(() => client.getFollowUserList()));
    errors.push(await failure(() => client.addContactWay({ type: 9 })));
    const newToken = await client.getAccessToken();
    for (const err of errors) {
      assert.ok(err instanceof WeComError);
      assertNoSecrets(err, [SECRET, token, newToken]);
    }
    assertWeComError(errors[4], WeComValidationError, 'E_VALIDATION');
  });
});
