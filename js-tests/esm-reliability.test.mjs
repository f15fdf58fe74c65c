// Retries, read/write-aware failure handling, timeouts and abort, through the package's Node ESM
// entry against the local WeCom look-alike with injected faults. The look-alike counts every
// request on arrival (delayed, reset and abandoned ones too), so "one request on the wire" is
// `hits(mock, path) === 1`.
//
// The rules under test: busy/rate errcodes are retried with backoff for reads and writes (WeCom
// rejected the request); network failures, HTTP 5xx and unreadable answers are retried for reads
// only, a write is sent once and fails with E_OUTCOME_UNKNOWN (HTTP 429 proves a rejection and is
// retried for writes too); timeouts (E_TIMEOUT) and aborts (E_ABORTED) end a call promptly and are
// never retried.
import { describe, test as nodeTest, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  WeComClient,
  WeComError,
  WeComApiError,
  WeComHttpError,
  WeComNetworkError,
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
  UPDATE,
  DEL,
  CLOSE_TEMP_CHAT,
  FOLLOW,
} from './helpers.mjs';


const WM = 'wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA';
const WO = 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA';
const UNIONID = 'oAuDB6Pq9HnpsM8pMsd2Ms0001';
const OPENID = 'oAuDB6Pq9HnpsM8pMsd2Ms0002';

/** Small backoff so retries cost milliseconds; maxRetries and maxElapsedMs keep their defaults (3, 10 s). */
const FAST = Object.freeze({ baseDelayMs: 5, maxDelayMs: 20 });
const DEFAULT_MAX_RETRIES = 3;
/** Slack allowed past a deadline before a call must have settled (the brief's bound). */
const SLACK_MS = 300;
/** The errcodes that mean "busy / rate-limited: WeCom did not do it, try again later". */
const BUSY_ERRCODES = [-1, 6000, 45009, 45033, 41063, 41079, 81026];

/** Every test here finishes in well under a second or two; a hang must fail instead of stalling the run. */
const test = (name, fn) => nodeTest(name, { timeout: 10_000 }, fn);

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock.close());
beforeEach(() => mock.reset());

/** A client for the look-alike with FAST retries (extra options override, `retry` merged). */
function fastClient(extra = {}) {
  const { retry, ...rest } = extra;
  return clientFor(mock, { retry: { ...FAST, ...retry }, ...rest });
}

/** Runs `fn`, expecting a failure; returns the error and how long it took (ms). */
async function timedFailure(fn) {
  const start = performance.now();
  const err = await failure(fn);
  return { err, ms: performance.now() - start };
}

/** A contact way to read or change, made before any fault is injected (also warms the token). */
async function existingWay(client) {
  const { config_id: configId } = await client.addContactWay(validAddPayload());
  return configId;
}

/**
 * Every endpoint with a client method, as a read or a write, with a payload the look-alike
 * answers with errcode 0 (`ctx.configId` is an existing contact way). A new endpoint must be
 * listed here (a test checks the list is complete), so its read/write nature is pinned.
 */
const READS = {
  [FOLLOW]: () => undefined,
  [GET]: (ctx) => ({ config_id: ctx.configId }),
  'externalcontact/list_contact_way': () => ({ limit: 10 }),
  'corpgroup/batch/external_userid_to_pending_id': () => ({ external_userid: [WO] }),
  'idconvert/batch/external_userid_to_pending_id': () => ({ external_userid: [WM] }),
  'idconvert/unionid_to_external_userid': () => ({ unionid: UNIONID, openid: OPENID }),
  'externalcontact/get_new_external_userid': () => ({ external_userid_list: [WM] }),
  'externalcontact/groupchat/get_new_external_userid': () => ({ chat_id: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA', external_userid_list: [WM] }),
  'externalcontact/from_service_external_userid': () => ({ external_userid: WM, source_agentid: 1000001 }),
  'batch/openuserid_to_userid': () => ({ open_userid_list: [WO], source_agentid: 1000001 }),
  'idconvert/external_tagid': () => ({ external_tagid_list: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA'] }),
  'corpgroup/unionid_to_external_userid': () => ({ unionid: UNIONID, openid: OPENID }),
  'corpgroup/unionid_to_pending_id': () => ({ unionid: UNIONID, openid: OPENID }),
  'externalcontact/convert_to_openid': () => ({ external_userid: WM }),
  // issue 11: follow users and customers (the reads' retry is answered by an injected ok fault)
  'externalcontact/check_follow_user': () => ({ userid: ['zhangsan'] }),
  'externalcontact/list': () => ({ userid: 'zhangsan' }),
  'externalcontact/get': () => ({ external_userid: WM }),
  'crm/get_external_contact': () => ({ external_userid: WM }),
  'externalcontact/batch/get_by_user': () => ({ userid_list: ['zhangsan'] }),
  'externalcontact/contact_list': () => ({ limit: 10 }),
  'externalcontact/unionid_to_external_userid': () => ({ unionid: UNIONID, openid: OPENID }),
  // issue 11: transfers and group chats
  'externalcontact/transfer_result': () => ({ handover_userid: 'zhangsan', takeover_userid: 'lisi' }),
  'externalcontact/resigned/transfer_result': () => ({ handover_userid: 'zhangsan', takeover_userid: 'lisi' }),
  'externalcontact/get_unassigned_list': () => ({ page_size: 100 }),
  'externalcontact/get_transfer_result': () => ({ external_userid: WM, handover_userid: 'zhangsan', takeover_userid: 'lisi' }),
  'externalcontact/groupchat/list': () => ({ limit: 10 }),
  'externalcontact/groupchat/get': () => ({ chat_id: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA' }),
  'externalcontact/opengid_to_chatid': () => ({ opengid: 'oAAAAAAA' }),
  // issue 11: corp tags, strategy tags and group join ways
  'externalcontact/get_corp_tag_list': () => ({ group_id: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZBBB'] }),
  'externalcontact/get_strategy_tag_list': () => ({ strategy_id: 1 }),
  'externalcontact/groupchat/get_join_way': () => ({ config_id: '9ad7fa5cdaa6511298498f979c472aaa' }),
  // issue 12: moments and moment strategies
  'externalcontact/get_moment_task_result': () => ({ jobid: 'jobAAAA' }),
  'externalcontact/get_moment_list': () => ({ start_time: 1605000000, end_time: 1605172726, limit: 20 }),
  'externalcontact/get_moment_task': () => ({ moment_id: 'momAAAA' }),
  'externalcontact/get_moment_customer_list': () => ({ moment_id: 'momAAAA', userid: 'zhangsan' }),
  'externalcontact/get_moment_send_result': () => ({ moment_id: 'momAAAA', userid: 'zhangsan' }),
  'externalcontact/get_moment_comments': () => ({ moment_id: 'momAAAA', userid: 'zhangsan' }),
  'externalcontact/moment_strategy/list': () => ({ limit: 100 }),
  'externalcontact/moment_strategy/get': () => ({ strategy_id: 1 }),
  'externalcontact/moment_strategy/get_range': () => ({ strategy_id: 1 }),
  // issue 12: customer strategies and statistics
  'externalcontact/get_user_behavior_data': () => ({ userid: ['zhangsan'], start_time: 1600272000, end_time: 1600358400 }),
  'externalcontact/groupchat/statistic': () => ({ day_begin_time: 1600272000, owner_filter: { userid_list: ['zhangsan'] } }),
  'externalcontact/groupchat/statistic_group_by_day': () => ({ day_begin_time: 1600272000, day_end_time: 1600358400 }),
  'externalcontact/customer_strategy/list': () => ({ limit: 100 }),
  'externalcontact/customer_strategy/get': () => ({ strategy_id: 1 }),
  'externalcontact/customer_strategy/get_range': () => ({ strategy_id: 1, limit: 100 }),
  // issue 12: mass messages and welcome messages
  'externalcontact/get_groupmsg_list_v2': () => ({ chat_type: 'single', start_time: 1605171726, end_time: 1605172726 }),
  'externalcontact/get_groupmsg_task': () => ({ msgid: 'msgGCAAAXtWyujaWJHDDGi0mACAAAA' }),
  'externalcontact/get_groupmsg_send_result': () => ({ msgid: 'msgGCAAAXtWyujaWJHDDGi0mACAAAA', userid: 'zhangsan' }),
  'externalcontact/get_group_msg_result': () => ({ msgid: 'msgGCAAAXtWyujaWJHDDGi0mACAAAA' }),
  'externalcontact/group_welcome_template/get': () => ({ template_id: 'msgXXXXXXX' }),
  // issue 12: uploads — media/upload is resent after an unknown outcome (a second temporary id is harmless)
  'media/upload': () => ({ type: 'file', file: new Uint8Array(16).fill(7), filename: 'retry.txt' }),
};
const WRITES = {
  [ADD]: () => validAddPayload(),
  [UPDATE]: (ctx) => ({ config_id: ctx.configId, remark: '改过的备注' }),
  [DEL]: (ctx) => ({ config_id: ctx.configId }),
  [CLOSE_TEMP_CHAT]: () => ({ userid: 'zhangsan', external_userid: WO }),
  // issue 11: customers
  'externalcontact/remark': () => ({ userid: 'zhangsan', external_userid: WM, remark: '重试' }),
  // issue 11: transfers and group chats (a transfer counts against WeCom's 2-in-90-days limit)
  'externalcontact/transfer_customer': () => ({ handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [WM] }),
  'externalcontact/resigned/transfer_customer': () => ({ handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [WM] }),
  'externalcontact/transfer': () => ({ external_userid: WM, handover_userid: 'zhangsan', takeover_userid: 'lisi' }),
  'externalcontact/groupchat/onjob_transfer': () => ({ chat_id_list: ['wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA'], new_owner: 'lisi' }),
  'externalcontact/groupchat/transfer': () => ({ chat_id_list: ['wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA'], new_owner: 'lisi' }),
  // issue 11: corp tags, strategy tags and group join ways
  'externalcontact/add_corp_tag': () => ({ group_name: '客户等级', tag: [{ name: 'VIP' }] }),
  'externalcontact/edit_corp_tag': () => ({ id: 'etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA', name: '重要客户' }),
  'externalcontact/del_corp_tag': () => ({ tag_id: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA'] }),
  'externalcontact/mark_tag': () => ({ userid: 'zhangsan', external_userid: WO, add_tag: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA'] }),
  'externalcontact/add_strategy_tag': () => ({ strategy_id: 1, group_name: '客户等级', tag: [{ name: 'VIP' }] }),
  'externalcontact/edit_strategy_tag': () => ({ id: 'etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA', order: 1 }),
  'externalcontact/del_strategy_tag': () => ({ group_id: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZBBB'] }),
  'externalcontact/groupchat/add_join_way': () => ({ scene: 2, chat_id_list: ['wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA'] }),
  'externalcontact/groupchat/update_join_way': () => ({ config_id: '9ad7fa5cdaa6511298498f979c472aaa', scene: 2, chat_id_list: ['wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA'] }),
  'externalcontact/groupchat/del_join_way': () => ({ config_id: '9ad7fa5cdaa6511298498f979c472aaa' }),
  // issue 12: moments and moment strategies (a moment task is posted by every executor it names)
  'externalcontact/add_moment_task': () => ({ text: { content: '新品上市' }, attachments: [{ msgtype: 'link', link: { url: 'https://example.com/p', media_id: 'MEDIA_COVER' } }] }),
  'externalcontact/cancel_moment_task': () => ({ moment_id: 'momAAAA' }),
  'externalcontact/moment_strategy/create': () => ({ strategy_name: '华南', admin_list: ['zhangsan'], range: [{ type: 2, partyid: 2 }] }),
  'externalcontact/moment_strategy/edit': () => ({ strategy_id: 1, range_add: [{ type: 1, userid: 'lisi' }] }),
  'externalcontact/moment_strategy/del': () => ({ strategy_id: 1 }),
  // issue 12: customer strategies
  'externalcontact/customer_strategy/create': () => ({ strategy_name: '华南区', admin_list: ['zhangsan'], range: [{ type: 1, userid: 'lisi' }] }),
  'externalcontact/customer_strategy/edit': () => ({ strategy_id: 1, range_add: [{ type: 2, partyid: 2 }], range_del: [{ type: 1, userid: 'lisi' }] }),
  'externalcontact/customer_strategy/del': () => ({ strategy_id: 1 }),
  // issue 12: mass messages and welcome messages (a mass message counts against each
  // customer's receive quota; a welcome_code works once)
  'externalcontact/add_msg_template': () => ({ external_userid: [WM], text: { content: '你好' } }),
  'externalcontact/remind_groupmsg_send': () => ({ msgid: 'msgGCAAAXtWyujaWJHDDGi0mACAAAA' }),
  'externalcontact/cancel_groupmsg_send': () => ({ msgid: 'msgGCAAAXtWyujaWJHDDGi0mACAAAA' }),
  'externalcontact/send_welcome_msg': () => ({ welcome_code: 'CALLBACK_CODE', attachments: [{ msgtype: 'image', image: { media_id: 'MEDIA_ID' } }] }),
  'externalcontact/group_welcome_template/add': () => ({ text: { content: '亲爱的%NICKNAME%用户，你好' } }),
  'externalcontact/group_welcome_template/edit': () => ({ template_id: 'msgXXXXXXX', text: { content: '你好' } }),
  'externalcontact/group_welcome_template/del': () => ({ template_id: 'msgXXXXXXX' }),
  // issue 12: uploads that count (permanent URLs, attachments): never resent after an unknown outcome
  'media/uploadimg': () => ({ file: new Uint8Array(16).fill(7), filename: 'once.png' }),
  'media/upload_attachment': () => ({ media_type: 'image', attachment_type: 1, file: new Uint8Array(16).fill(7), filename: 'once.png' }),
};

/** Calls `path` through its typed method (the same path `request` takes). */
function callMethod(client, path, payload, options) {
  const { jsName } = endpoints.find((e) => e.path === path);
  return options === undefined ? client[jsName](payload) : client[jsName](payload, options);
}

/** The error of a write that was sent once and may or may not have been applied. */
function assertOutcomeUnknown(err, Class, endpoint) {
  assertWeComError(err, Class, 'E_OUTCOME_UNKNOWN');
  assert.match(err.message, /unknown/i, `the error says the outcome is unknown: ${err.message}`);
  assert.equal(err.endpoint, endpoint);
  return err;
}

/** An E_TIMEOUT error: a WeComNetworkError (a subclass of it is fine). */
function assertTimedOut(err) {
  assert.ok(err instanceof WeComNetworkError, `expected a WeComNetworkError, got ${err?.name}: ${err?.message}`);
  assert.ok(err instanceof WeComError);
  assert.equal(err.code, 'E_TIMEOUT', `code of ${err.name}: ${err.message}`);
  assert.equal(typeof err.message, 'string');
  assert.ok(err.message.length > 0);
  return err;
}

/** An E_ABORTED error (its class is not pinned, only that it is a WeComError). */
function assertAborted(err) {
  assert.ok(err instanceof WeComError, `expected a WeComError, got ${err?.name}: ${err?.message}`);
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'E_ABORTED', `code of ${err.name}: ${err.message}`);
  return err;
}

/**
 * A fetch for the client that sends gettoken to the look-alike and everything else to a port
 * nothing listens on (connection refused), counting the refused attempts per path.
 */
async function refusingFetch() {
  const dead = `http://127.0.0.1:${await closedPort()}`;
  const attempts = {};
  const fetchLike = (url, init) => {
    if (url.includes('/cgi-bin/gettoken')) return fetch(url, init);
    const path = new URL(url).pathname.replace(/^\/cgi-bin\//, '');
    attempts[path] = (attempts[path] ?? 0) + 1;
    return fetch(url.replace(mock.url, dead), init);
  };
  return { fetchLike, attempts };
}

describe('read and write endpoints are all classified here', () => {
  test('every endpoint with a method is either a read or a write in this file', () => {
    const withMethod = endpoints.filter((e) => e.jsName).map((e) => e.path).sort();
    assert.deepEqual([...Object.keys(READS), ...Object.keys(WRITES)].sort(), withMethod);
  });
});

describe('busy and rate-limit errcodes are retried with backoff, reads and writes', () => {
  test('45009 twice on a read → success on the 3rd request, same token', async () => {
    const client = fastClient();
    const configId = await existingWay(client);
    mock.inject({ path: GET, errcode: 45009, times: 2 });
    const got = await client.getContactWay({ config_id: configId });
    assert.equal(got.errcode, 0);
    assert.equal(got.contact_way.config_id, configId);
    assert.equal(hits(mock, GET), 3);
    assert.equal(mock.stats().gettoken, 1, 'a rate limit is not a token problem');
  });

  test('-1 (system busy) on a write (add_contact_way) → retried → created once', async () => {
    const client = fastClient();
    mock.inject({ path: ADD, errcode: -1 });
    const added = await client.addContactWay(validAddPayload({ remark: '重试后创建' }));
    assert.equal(added.errcode, 0);
    assert.equal(hits(mock, ADD), 2);
    assert.equal(mock.contactWays.size, 1, 'the rejected attempt stored nothing, the retry stored one');
    assert.equal(mock.contactWays.get(added.config_id).remark, '重试后创建', 'the retry sent the same payload');
  });

  test('every busy errcode, on a read and on a write, is retried once and then succeeds', async () => {
    const client = fastClient();
    for (const errcode of BUSY_ERRCODES) {
      mock.reset();
      await client.getAccessToken({ forceRefresh: true }); // reset() forgot the look-alike's tokens
      mock.inject({ path: FOLLOW, errcode });
      assert.equal((await client.getFollowUserList()).errcode, 0, `read after ${errcode}`);
      assert.equal(hits(mock, FOLLOW), 2, `read, errcode ${errcode}`);
      mock.inject({ path: CLOSE_TEMP_CHAT, errcode });
      assert.equal((await client.closeTempChat(WRITES[CLOSE_TEMP_CHAT]())).errcode, 0, `write after ${errcode}`);
      assert.equal(hits(mock, CLOSE_TEMP_CHAT), 2, `write, errcode ${errcode}`);
    }
  });

  test('a persistent 45009 → the last WeComApiError after exactly maxRetries + 1 requests', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: FOLLOW, errcode: 45009, times: 10 });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComApiError, 'E_API');
    assert.equal(err.errcode, 45009);
    assert.equal(err.kind, 'rate');
    assert.equal(err.retryable, true);
    assert.equal(err.endpoint, FOLLOW);
    assert.equal(hits(mock, FOLLOW), DEFAULT_MAX_RETRIES + 1);
    assert.equal(mock.stats().gettoken, 1);

    mock.reset();
    await client.getAccessToken({ forceRefresh: true });
    mock.inject({ path: ADD, errcode: 45033, times: 10 });
    const write = await failure(() => client.addContactWay(validAddPayload()));
    assertWeComError(write, WeComApiError, 'E_API');
    assert.equal(write.errcode, 45033);
    assert.equal(write.retryable, true);
    assert.equal(hits(mock, ADD), DEFAULT_MAX_RETRIES + 1, 'a write rejected as busy is retried the same way');
    assert.equal(mock.contactWays.size, 0);
  });

  test('maxRetries is honoured: 1 → 2 requests, 0 → no retry at all', async () => {
    for (const maxRetries of [1, 0]) {
      mock.reset();
      const client = fastClient({ retry: { maxRetries } });
      await client.getAccessToken();
      mock.inject({ path: FOLLOW, errcode: 45009, times: 10 });
      const err = await failure(() => client.getFollowUserList());
      assert.equal(err.errcode, 45009);
      assert.equal(hits(mock, FOLLOW), maxRetries + 1, `maxRetries ${maxRetries}`);
    }
  });

  test('maxElapsedMs bounds the retry loop, whatever maxRetries allows', async () => {
    // Slow answers: each attempt takes 100 ms, so 100 retries would take 10 s.
    const slow = fastClient({ retry: { maxRetries: 100, baseDelayMs: 1, maxDelayMs: 5, maxElapsedMs: 400 } });
    await slow.getAccessToken();
    mock.inject({ path: FOLLOW, errcode: 45009, delayMs: 100, times: Infinity });
    const a = await timedFailure(() => slow.getFollowUserList());
    assertWeComError(a.err, WeComApiError, 'E_API');
    assert.equal(a.err.errcode, 45009, 'the last WeCom answer is the error');
    assert.ok(a.ms < 400 + 100 + SLACK_MS, `gave up after ${Math.round(a.ms)} ms`);
    const attempts = hits(mock, FOLLOW);
    assert.ok(attempts >= 2 && attempts <= 6, `${attempts} attempts within 400 ms of 100 ms answers`);

    // Long backoff: a sleep that would end past the budget is not slept through.
    mock.reset();
    const patient = fastClient({ retry: { maxRetries: 3, baseDelayMs: 5000, maxDelayMs: 5000, maxElapsedMs: 300 } });
    await patient.getAccessToken();
    mock.inject({ path: FOLLOW, errcode: 45009, times: Infinity });
    const b = await timedFailure(() => patient.getFollowUserList());
    assertWeComError(b.err, WeComApiError, 'E_API');
    assert.equal(b.err.errcode, 45009);
    assert.ok(b.ms < 300 + SLACK_MS, `gave up after ${Math.round(b.ms)} ms`);
    assert.ok(hits(mock, FOLLOW) <= DEFAULT_MAX_RETRIES + 1);
  });

  test('a rate-limit retry and a token refresh in the same call', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject([{ path: FOLLOW, errcode: 42001 }, { path: FOLLOW, errcode: 45009 }]);
    assert.equal((await client.getFollowUserList()).errcode, 0);
    assert.equal(hits(mock, FOLLOW), 3, 'rejected token, refreshed → busy, backed off → ok');
    assert.equal(mock.stats().gettoken, 2, 'exactly one refresh');
  });

  test('200 concurrent reads on a cold cache with one 45009 → all succeed, exactly 1 gettoken', async () => {
    const client = fastClient();
    mock.inject({ path: 'gettoken', delayMs: 50 }); // every call waits on the same token fetch
    mock.inject({ path: FOLLOW, errcode: 45009 });
    const results = await Promise.all(Array.from({ length: 200 }, () => client.getFollowUserList()));
    for (const r of results) assert.equal(r.errcode, 0);
    assert.equal(mock.stats().gettoken, 1);
    assert.equal(hits(mock, FOLLOW), 201, '200 calls and one retry');
  });
});

describe('errcodes that are never retried', () => {
  test('48002, 40001 and 60020 on an endpoint: one request, no gettoken, retryable false', async () => {
    const client = fastClient();
    await client.getAccessToken();
    for (const errcode of [48002, 40001, 60020]) {
      mock.reset();
      mock.inject({ path: FOLLOW, errcode, times: 5 });
      const err = await failure(() => client.getFollowUserList());
      assertWeComError(err, WeComApiError, 'E_API');
      assert.equal(err.errcode, errcode);
      assert.equal(err.kind, 'config');
      assert.equal(err.retryable, false, `${errcode} is not retryable`);
      assert.equal(hits(mock, FOLLOW), 1, `${errcode}: not retried`);
      assert.equal(mock.stats().gettoken, 0, `${errcode}: no token refresh`);
    }
  });

  test('48002 on a write: one request', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, errcode: 48002, times: 5 });
    const err = await failure(() => client.addContactWay(validAddPayload()));
    assert.equal(err.errcode, 48002);
    assert.equal(err.retryable, false);
    assert.equal(hits(mock, ADD), 1);
    assert.equal(mock.stats().gettoken, 1);
  });

  test('40001 from gettoken (wrong secret): one gettoken, retryable false', async () => {
    const client = clientFor(mock, { corpSecret: 'Wrong-Secret-Do-Not-Leak-1234', retry: FAST });
    const err = await failure(() => client.getFollowUserList());
    assertWeComError(err, WeComApiError, 'E_API');
    assert.equal(err.errcode, 40001);
    assert.equal(err.retryable, false);
    assert.equal(mock.stats().gettoken, 1);
    assert.equal(mock.stats().total, 1);
  });

  test('60020: fromIp parsed from errmsg, and a hint naming that IP', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({
      path: ADD,
      errcode: 60020,
      errmsg: 'not allow to access from your ip, hint: [1700000000_7_0123456789ab], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020',
    });
    const err = await failure(() => client.addContactWay(validAddPayload()));
    assertWeComError(err, WeComApiError, 'E_API');
    assert.equal(err.errcode, 60020);
    assert.equal(err.fromIp, '203.0.113.7');
    assert.equal(typeof err.hint, 'string');
    assert.ok(err.hint.includes('203.0.113.7'), `hint names the IP: ${err.hint}`);
    assert.equal(err.retryable, false);
    assert.equal(hits(mock, ADD), 1);

    mock.inject({ path: FOLLOW, errcode: 60020 }); // the look-alike's own errmsg: "…, from ip: 127.0.0.1, …"
    const own = await failure(() => client.getFollowUserList());
    assert.equal(own.fromIp, '127.0.0.1');
    assert.ok(own.hint.includes('127.0.0.1'));
  });
});

describe('transport failures: reads are retried, writes are sent once', () => {
  test('HTTP 502 on a read → success on retry', async () => {
    const client = fastClient();
    const configId = await existingWay(client);
    mock.inject({ path: GET, status: 502 });
    const got = await client.getContactWay({ config_id: configId });
    assert.equal(got.contact_way.config_id, configId);
    assert.equal(hits(mock, GET), 2);
  });

  test('HTTP 502 on every read endpoint → retried → success', async () => {
    const client = fastClient();
    const ctx = { configId: await existingWay(client) };
    for (const [path, payload] of Object.entries(READS)) {
      mock.inject({ path, status: 502 });
      // The retry is answered ok whatever the look-alike's data: this checks the client's
      // classification of every read, not the look-alike's handlers (tested on their own).
      mock.inject({ path, errcode: 0 });
      const res = await callMethod(client, path, payload(ctx));
      assert.equal(res.errcode, 0, path);
      assert.equal(hits(mock, path), 2, `${path}: the 502 and the retry`);
    }
  });

  test('HTTP 502 on a write → exactly one request, E_OUTCOME_UNKNOWN (WeComHttpError)', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, status: 502, times: 5 });
    const err = await failure(() => client.addContactWay(validAddPayload()));
    assertOutcomeUnknown(err, WeComHttpError, ADD);
    assert.equal(err.status ?? err.cause?.status, 502, 'the HTTP status is kept');
    assert.equal(hits(mock, ADD), 1, 'never resent');
    await sleep(50);
    assert.equal(hits(mock, ADD), 1, 'not resent later either');
  });

  test('HTTP 500/502/503/504 on every write → one request each, E_OUTCOME_UNKNOWN', async () => {
    const client = fastClient();
    for (const status of [500, 502, 503, 504]) {
      for (const [path, payload] of Object.entries(WRITES)) {
        mock.reset();
        await client.getAccessToken({ forceRefresh: true }); // reset() forgot the look-alike's tokens
        const ctx = { configId: await existingWay(client) };
        const before = hits(mock, path);
        mock.inject({ path, status, times: 5 });
        const err = await failure(() => callMethod(client, path, payload(ctx)));
        assertOutcomeUnknown(err, WeComHttpError, path);
        assert.equal(hits(mock, path) - before, 1, `${path} after HTTP ${status}: one request`);
      }
    }
  });

  test('connection reset on a write → one request, E_OUTCOME_UNKNOWN (WeComNetworkError), nothing stored', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, reset: true, times: 5 });
    const err = await failure(() => client.addContactWay(validAddPayload()));
    assertOutcomeUnknown(err, WeComNetworkError, ADD);
    assert.equal(hits(mock, ADD), 1, 'never resent');
    assert.equal(mock.contactWays.size, 0);
    mock.reset(); // drops the 4 resets still queued (and the look-alike's tokens: the client refreshes)
    assert.equal((await client.addContactWay(validAddPayload())).errcode, 0, 'the client goes on working');
  });

  test('connection reset on a read → retried → success', async () => {
    const client = fastClient();
    const configId = await existingWay(client);
    mock.inject({ path: GET, reset: true, times: 2 });
    const got = await client.getContactWay({ config_id: configId });
    assert.equal(got.contact_way.config_id, configId);
    assert.equal(hits(mock, GET), 3);
  });

  test('a non-JSON 200 body on a read → retried → success', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: FOLLOW, garbage: true });
    assert.equal((await client.getFollowUserList()).errcode, 0);
    assert.equal(hits(mock, FOLLOW), 2);
  });

  test('a non-JSON 200 body on a write → one request, E_OUTCOME_UNKNOWN (WeComHttpError)', async () => {
    const client = fastClient();
    const configId = await existingWay(client);
    mock.inject({ path: UPDATE, garbage: true, times: 5 });
    const err = await failure(() => client.updateContactWay({ config_id: configId, remark: 'x' }));
    assertOutcomeUnknown(err, WeComHttpError, UPDATE);
    assert.equal(hits(mock, UPDATE), 1);
  });

  test('HTTP 429 on a write is a rejection → retried → created once', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, status: 429, body: 'Too Many Requests' });
    const added = await client.addContactWay(validAddPayload());
    assert.equal(added.errcode, 0);
    assert.equal(hits(mock, ADD), 2);
    assert.equal(mock.contactWays.size, 1);
  });

  test('a persistent HTTP 429 on a write → E_HTTP 429 after maxRetries + 1 requests (not "outcome unknown")', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, status: 429, body: 'Too Many Requests', times: 10 });
    const err = await failure(() => client.addContactWay(validAddPayload()));
    assertWeComError(err, WeComHttpError, 'E_HTTP');
    assert.equal(err.status, 429);
    assert.equal(hits(mock, ADD), DEFAULT_MAX_RETRIES + 1);
  });

  test('a persistent failure on a read → the last error after maxRetries + 1 requests', async () => {
    const client = fastClient();
    await client.getAccessToken();
    const cases = [
      [{ status: 502 }, WeComHttpError, 'E_HTTP'],
      [{ status: 429 }, WeComHttpError, 'E_HTTP'],
      [{ garbage: true }, WeComHttpError, 'E_BAD_RESPONSE'],
      [{ reset: true }, WeComNetworkError, 'E_NETWORK'],
    ];
    for (const [fault, Class, code] of cases) {
      mock.reset();
      await client.getAccessToken({ forceRefresh: true });
      mock.inject({ path: FOLLOW, times: 10, ...fault });
      const err = await failure(() => client.getFollowUserList());
      assertWeComError(err, Class, code);
      assert.equal(err.endpoint, FOLLOW);
      assert.equal(hits(mock, FOLLOW), DEFAULT_MAX_RETRIES + 1, JSON.stringify(fault));
    }
  });

  test('connection refused: a read is retried, a write is attempted once', async () => {
    const { fetchLike, attempts } = await refusingFetch();
    const client = fastClient({ fetch: fetchLike });
    const read = await failure(() => client.getFollowUserList());
    assertWeComError(read, WeComNetworkError, 'E_NETWORK');
    assert.equal(attempts[FOLLOW], DEFAULT_MAX_RETRIES + 1);
    const write = await failure(() => client.addContactWay(validAddPayload()));
    assertOutcomeUnknown(write, WeComNetworkError, ADD);
    assert.equal(attempts[ADD], 1);
    assertNoSecrets(read, [SECRET]);
    assertNoSecrets(write, [SECRET]);
  });
});

describe('timeouts', () => {
  test('per call: a slow answer → E_TIMEOUT within the budget; the client works afterwards', async () => {
    const client = fastClient();
    const configId = await existingWay(client);
    mock.inject({ path: GET, delayMs: 2000 });
    const { err, ms } = await timedFailure(() => client.getContactWay({ config_id: configId }, { timeoutMs: 200 }));
    assertTimedOut(err);
    assert.equal(err.endpoint, GET);
    assert.ok(ms >= 150, `not before the budget (${Math.round(ms)} ms)`);
    assert.ok(ms < 200 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
    assert.equal(hits(mock, GET), 1, 'the budget was spent: no retry');
    const got = await client.getContactWay({ config_id: configId });
    assert.equal(got.contact_way.config_id, configId);
  });

  test('per client: timeoutMs applies to every call; the client works afterwards', async () => {
    const client = fastClient({ timeoutMs: 200 });
    await client.getAccessToken();
    mock.inject({ path: FOLLOW, delayMs: 2000 });
    const { err, ms } = await timedFailure(() => client.getFollowUserList());
    assertTimedOut(err);
    assert.ok(ms < 200 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
    assert.equal(hits(mock, FOLLOW), 1);
    assert.equal((await client.getFollowUserList()).errcode, 0);
    const viaRequest = await timedFailure(async () => {
      mock.inject({ path: FOLLOW, delayMs: 2000 });
      return client.request(FOLLOW, undefined);
    });
    assertTimedOut(viaRequest.err);
    assert.ok(viaRequest.ms < 200 + SLACK_MS);
  });

  test('a per-call timeoutMs overrides the client one, both ways', async () => {
    const strict = fastClient({ timeoutMs: 200 });
    await strict.getAccessToken();
    mock.inject({ path: FOLLOW, delayMs: 500 });
    assert.equal((await strict.getFollowUserList(undefined, { timeoutMs: 3000 })).errcode, 0, 'a longer per-call budget');

    const lax = fastClient({ timeoutMs: 5000 });
    await lax.getAccessToken();
    mock.inject({ path: FOLLOW, delayMs: 2000 });
    const { err, ms } = await timedFailure(() => lax.getFollowUserList(undefined, { timeoutMs: 200 }));
    assertTimedOut(err);
    assert.ok(ms < 200 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
  });

  test('a write that times out is not resent', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, delayMs: 2000 });
    const { err, ms } = await timedFailure(() => client.addContactWay(validAddPayload(), { timeoutMs: 200 }));
    assertTimedOut(err);
    assert.ok(ms < 200 + SLACK_MS);
    await sleep(100);
    assert.equal(hits(mock, ADD), 1);
  });

  test('the timeout also ends the wait between retries', async () => {
    const client = fastClient({ retry: { maxRetries: 50, baseDelayMs: 5000, maxDelayMs: 5000 } });
    await client.getAccessToken();
    mock.inject({ path: FOLLOW, errcode: 45009, times: Infinity });
    const { err, ms } = await timedFailure(() => client.getFollowUserList(undefined, { timeoutMs: 300 }));
    assertTimedOut(err);
    assert.ok(ms < 300 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
    const attempts = hits(mock, FOLLOW);
    assert.ok(attempts >= 1 && attempts <= 3, `${attempts} attempts`);
    await sleep(100);
    assert.equal(hits(mock, FOLLOW), attempts, 'nothing is sent after the timeout');
  });

  test('a slow gettoken counts toward the timeout', async () => {
    const client = fastClient();
    mock.inject({ path: 'gettoken', delayMs: 1000 });
    const { err, ms } = await timedFailure(() => client.getFollowUserList(undefined, { timeoutMs: 200 }));
    assertTimedOut(err);
    assert.ok(ms < 200 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
    assert.equal(hits(mock, FOLLOW), 0);
    assert.equal((await client.getFollowUserList()).errcode, 0, 'a later call still gets a token');
  });

  test('a fetch that never settles and ignores the signal still times out', async () => {
    const client = fastClient({
      timeoutMs: 200,
      fetch: (url, init) => (url.includes('/cgi-bin/gettoken') ? fetch(url, init) : new Promise(() => {})),
    });
    const { err, ms } = await timedFailure(() => client.getFollowUserList());
    assertTimedOut(err);
    assert.ok(ms < 200 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
  });
});

describe('abort', () => {
  test('abort mid-flight on a read → E_ABORTED promptly, one request, never retried', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: FOLLOW, delayMs: 2000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { err, ms } = await timedFailure(() => client.getFollowUserList(undefined, { signal: ac.signal }));
    assertAborted(err);
    assert.ok(ms < 100 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
    await sleep(100);
    assert.equal(hits(mock, FOLLOW), 1);
    assert.equal((await client.getFollowUserList()).errcode, 0, 'the client works afterwards');
  });

  test('abort mid-flight on a write → E_ABORTED, one request', async () => {
    const client = fastClient();
    await client.getAccessToken();
    mock.inject({ path: ADD, delayMs: 2000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { err, ms } = await timedFailure(() => client.request(ADD, validAddPayload(), { signal: ac.signal }));
    assertAborted(err);
    assert.ok(ms < 100 + SLACK_MS);
    await sleep(100);
    assert.equal(hits(mock, ADD), 1);
  });

  test('an already-aborted signal → rejected before any request (not even gettoken)', async () => {
    const cold = fastClient();
    const err = await failure(() => cold.getFollowUserList(undefined, { signal: AbortSignal.abort() }));
    assertAborted(err);
    const ac = new AbortController();
    ac.abort(new Error('user navigated away'));
    assertAborted(await failure(() => cold.addContactWay(validAddPayload(), { signal: ac.signal })));
    assertAborted(await failure(() => cold.request(FOLLOW, undefined, { signal: ac.signal })));
    assert.equal(mock.stats().total, 0, 'nothing reached the look-alike');
  });

  test('abort during the backoff sleep → E_ABORTED promptly, nothing sent afterwards', async () => {
    const client = fastClient({ retry: { maxRetries: 50, baseDelayMs: 5000, maxDelayMs: 5000 } });
    await client.getAccessToken();
    mock.inject({ path: FOLLOW, errcode: 45009, times: Infinity });
    const ac = new AbortController();
    let attemptsAtAbort;
    setTimeout(() => {
      attemptsAtAbort = hits(mock, FOLLOW);
      ac.abort();
    }, 150);
    const { err, ms } = await timedFailure(() => client.getFollowUserList(undefined, { signal: ac.signal }));
    assertAborted(err);
    assert.ok(ms < 150 + SLACK_MS, `rejected after ${Math.round(ms)} ms`);
    assert.ok(attemptsAtAbort >= 1, 'the first attempt was answered (45009) before the abort');
    await sleep(100);
    assert.equal(hits(mock, FOLLOW), attemptsAtAbort, 'no request after the abort');
  });

  test('abort while waiting for the shared gettoken: only that call fails', async () => {
    const client = fastClient();
    mock.inject({ path: 'gettoken', delayMs: 400 });
    const ac = new AbortController();
    const aborted = timedFailure(() => client.getFollowUserList(undefined, { signal: ac.signal }));
    const other = client.getFollowUserList().catch((e) => e); // awaited below; never an unhandled rejection
    setTimeout(() => ac.abort(), 50);
    const { err, ms } = await aborted;
    assertAborted(err);
    assert.ok(ms < 50 + SLACK_MS, `rejected after ${Math.round(ms)} ms, not after the token fetch`);
    const answer = await other;
    assert.ok(!(answer instanceof Error), `the other caller still gets its answer, got ${answer?.code}: ${answer?.message}`);
    assert.equal(answer.errcode, 0);
    assert.equal(mock.stats().gettoken, 1, 'one token fetch for both');
    assert.equal(hits(mock, FOLLOW), 1, 'the aborted call never sent its request');
  });

  test('a fetch that never settles and ignores the signal is still abandoned on abort', async () => {
    const client = fastClient({
      fetch: (url, init) => (url.includes('/cgi-bin/gettoken') ? fetch(url, init) : new Promise(() => {})),
    });
    await client.getAccessToken();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { err, ms } = await timedFailure(() => client.getFollowUserList(undefined, { signal: ac.signal }));
    assertAborted(err);
    assert.ok(ms < 100 + SLACK_MS);
  });

  test('aborting after the call succeeded changes nothing', async () => {
    const client = fastClient();
    const ac = new AbortController();
    const res = await client.getFollowUserList(undefined, { signal: ac.signal, timeoutMs: 5000 });
    assert.equal(res.errcode, 0);
    ac.abort();
    await sleep(20);
    assert.equal(hits(mock, FOLLOW), 1);
    assert.equal((await client.getFollowUserList()).errcode, 0);
  });
});

describe('secrets never appear in the new errors', () => {
  test('retry exhausted, outcome unknown, timeout and abort errors carry neither secret nor token', async () => {
    const client = fastClient();
    const token = await client.getAccessToken();
    const errors = [];
    mock.inject({ path: FOLLOW, errcode: 45009, times: DEFAULT_MAX_RETRIES + 1 }); // used up by this call
    errors.push(await failure(() => client.getFollowUserList()));
    mock.inject({ path: ADD, status: 502, body: `<html>upstream ${SECRET} ${token}</html>` });
    errors.push(await failure(() => client.addContactWay(validAddPayload())));
    mock.inject({ path: ADD, reset: true });
    errors.push(await failure(() => client.addContactWay(validAddPayload())));
    mock.inject({ path: ADD, garbage: true });
    errors.push(await failure(() => client.addContactWay(validAddPayload())));
    mock.inject({ path: FOLLOW, delayMs: 2000 });
    errors.push(await failure(() => client.getFollowUserList(undefined, { timeoutMs: 100 })));
    mock.inject({ path: FOLLOW, delayMs: 2000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    errors.push(await failure(() => client.getFollowUserList(undefined, { signal: ac.signal })));
    const codes = errors.map((e) => e.code);
    assert.deepEqual(codes, ['E_API', 'E_OUTCOME_UNKNOWN', 'E_OUTCOME_UNKNOWN', 'E_OUTCOME_UNKNOWN', 'E_TIMEOUT', 'E_ABORTED']);
    for (const err of errors) {
      assert.ok(err instanceof WeComError);
      assertNoSecrets(err, [SECRET, token]);
    }
  });
});

describe('options', () => {
  test('the retry and timeout options are accepted, and the client works with them', async () => {
    const client = new WeComClient({
      corpId: mock.corpId,
      corpSecret: mock.corpSecret,
      baseUrl: mock.url,
      timeoutMs: 5000,
      retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 10, maxElapsedMs: 1000 },
    });
    mock.inject({ path: FOLLOW, errcode: 45009, times: 2 });
    assert.equal((await client.getFollowUserList()).errcode, 0);
    assert.equal(hits(mock, FOLLOW), 3);
  });
});
