// Tests of the local WeCom look-alike server (npm/src/mock), as the build copies it into pkg/mock
// (with the generated endpoint table it routes from). Run from the repository root after
// npm/scripts/build.sh: node --test js-tests/mock-server.test.mjs

import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../pkg/mock/index.mjs';
import { ContactWayStore } from '../pkg/mock/contact-way-store.mjs';

/** The id-conversion endpoints (besides external_userid_to_pending_id). */
const ID_CONVERSIONS = ['idconvert/unionid_to_external_userid', 'externalcontact/get_new_external_userid',
  'externalcontact/groupchat/get_new_external_userid', 'externalcontact/from_service_external_userid',
  'batch/openuserid_to_userid', 'idconvert/external_tagid', 'corpgroup/unionid_to_external_userid',
  'corpgroup/unionid_to_pending_id', 'externalcontact/convert_to_openid'];
const CLI = fileURLToPath(new URL('../pkg/mock/cli.mjs', import.meta.url));
const ERRMSG_TAIL = /, hint: \[\d+_\d+_[0-9a-f]+\], from ip: 127\.0\.0\.1, more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=-?\d+$/;

async function getJson(mock, path, query = {}) {
  const res = await fetch(`${mock.url}/cgi-bin/${path}?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200);
  return res.json();
}

async function postJson(mock, path, token, body, { raw = false } = {}) {
  const qs = token === undefined ? '' : `?access_token=${encodeURIComponent(token)}`;
  const res = await fetch(`${mock.url}/cgi-bin/${path}${qs}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: raw ? body : JSON.stringify(body),
  });
  assert.equal(res.status, 200);
  return res.json();
}

async function token(mock) {
  const r = await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: mock.corpSecret });
  assert.equal(r.errcode, 0);
  return r.access_token;
}

/** An admin request as Node sends it (no Origin); every admin POST declares JSON. */
function admin(mock, path, body) {
  if (body === undefined && (path === 'stats' || path === 'contact-ways')) return fetch(`${mock.url}/__mock/${path}`);
  return fetch(`${mock.url}/__mock/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('gettoken', () => {
  let mock;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  test('defaults and url', () => {
    assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(mock.corpId, 'wwmockcorp0000001');
    assert.equal(mock.corpSecret, 'mock-secret-0123456789');
  });

  test('parameter errors use WeCom errcodes and realistic errmsg', async () => {
    const cases = [
      [{ corpsecret: 'x' }, 41002],
      [{ corpid: mock.corpId }, 41004],
      [{ corpid: 'wwother', corpsecret: mock.corpSecret }, 40013],
      [{ corpid: mock.corpId, corpsecret: 'wrong' }, 40001],
    ];
    for (const [query, errcode] of cases) {
      const r = await getJson(mock, 'gettoken', query);
      assert.equal(r.errcode, errcode, JSON.stringify(query));
      assert.match(r.errmsg, ERRMSG_TAIL);
      assert.ok(r.errmsg.endsWith(`e=${errcode}`));
      assert.equal(r.access_token, undefined);
    }
    const r = await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: 'wrong' });
    assert.ok(!r.errmsg.includes(mock.corpSecret));
  });

  test('success and reuse while valid', async () => {
    const a = await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: mock.corpSecret });
    assert.equal(a.errcode, 0);
    assert.equal(a.errmsg, 'ok');
    assert.equal(a.expires_in, 7200);
    assert.ok(a.access_token.length >= 100);
    assert.match(a.access_token, /^[A-Za-z0-9_-]+$/);
    assert.equal(await token(mock), a.access_token);
    assert.equal(mock.stats().gettoken, 2);
    assert.equal(mock.stats().byPath.gettoken, 2);
  });

  test('a new token after the TTL; the old one answers 42001', async () => {
    let now = 1_700_000_000_000;
    const m = await startMockServer({ tokenTtlSeconds: 60, now: () => now });
    try {
      const t1 = await token(m);
      now += 30_000;
      const again = await getJson(m, 'gettoken', { corpid: m.corpId, corpsecret: m.corpSecret });
      assert.equal(again.access_token, t1);
      assert.equal(again.expires_in, 30);
      now += 30_000;
      assert.equal((await getJson(m, 'externalcontact/get_follow_user_list', { access_token: t1 })).errcode, 42001);
      const t2 = await token(m);
      assert.notEqual(t2, t1);
      assert.equal((await getJson(m, 'externalcontact/get_follow_user_list', { access_token: t2 })).errcode, 0);
      m.advanceTime(61);
      assert.equal((await getJson(m, 'externalcontact/get_follow_user_list', { access_token: t2 })).errcode, 42001);
    } finally {
      await m.close();
    }
  });
});

describe('access_token checks', () => {
  let mock;
  before(async () => { mock = await startMockServer({ followUsers: ['alice', 'bob', 'carol'] }); });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  test('41001 missing, 40014 unknown, body token ignored', async () => {
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list')).errcode, 41001);
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: '' })).errcode, 41001);
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: 'nope' })).errcode, 40014);
    const t = await token(mock);
    const r = await postJson(mock, 'externalcontact/get_contact_way', undefined, { access_token: t, config_id: 'x' });
    assert.equal(r.errcode, 41001);
  });

  test('get_follow_user_list', async () => {
    const r = await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: await token(mock) });
    assert.deepEqual(r, { errcode: 0, errmsg: 'ok', follow_user: ['alice', 'bob', 'carol'] });
  });

  test('expireTokens → 42001, revokeTokens → 40014, new tokens afterwards', async () => {
    const t1 = await token(mock);
    mock.expireTokens();
    const r1 = await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t1 });
    assert.equal(r1.errcode, 42001);
    assert.match(r1.errmsg, /^access_token expired, hint: /);
    const t2 = await token(mock);
    assert.notEqual(t2, t1);
    mock.revokeTokens();
    for (const t of [t1, t2]) {
      const r = await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t });
      assert.equal(r.errcode, 40014);
      assert.match(r.errmsg, /^invalid access_token, hint: /);
    }
    const t3 = await token(mock);
    assert.notEqual(t3, t2);
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t3 })).errcode, 0);
  });
});

describe('contact ways', () => {
  let mock;
  let t;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(async () => { mock.reset(); t = await token(mock); });

  test('add / get / update / del', async () => {
    const single = await postJson(mock, 'externalcontact/add_contact_way', t, { type: 1, scene: 1, user: ['zhangsan'], state: 's1' });
    assert.equal(single.errcode, 0);
    assert.match(single.config_id, /^[0-9a-f]{32}$/);
    assert.equal(single.qr_code, undefined);

    const multi = await postJson(mock, 'externalcontact/add_contact_way', t, {
      type: 2, scene: 2, style: 1, remark: 'r', skip_verify: false, user: ['zhangsan', 'lisi'], party: [2, 3], is_exclusive: true,
    });
    assert.equal(multi.errcode, 0);
    assert.equal(multi.qr_code, `https://wwcdn.weixin.qq.com/wwpic/mock/${multi.config_id}.png`);

    const got = await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: single.config_id });
    assert.equal(got.errcode, 0);
    assert.deepEqual(got.contact_way, {
      config_id: single.config_id, type: 1, scene: 1, remark: '', skip_verify: true, state: 's1',
      user: ['zhangsan'], party: [], is_temp: false, is_exclusive: false,
    });
    const got2 = (await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: multi.config_id })).contact_way;
    assert.equal(got2.qr_code, multi.qr_code);
    assert.equal(got2.style, 1);
    assert.equal(got2.skip_verify, false);
    assert.deepEqual(got2.party, [2, 3]);

    const upd = await postJson(mock, 'externalcontact/update_contact_way', t, { config_id: multi.config_id, user: ['lisi'], remark: 'new' });
    assert.deepEqual(upd, { errcode: 0, errmsg: 'ok' });
    const after = (await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: multi.config_id })).contact_way;
    assert.deepEqual(after.user, ['lisi']);
    assert.deepEqual(after.party, [2, 3]);
    assert.equal(after.remark, 'new');
    assert.equal(mock.contactWays.get(multi.config_id).remark, 'new');
    assert.ok(Object.isFrozen(mock.contactWays.get(multi.config_id)));
    assert.equal(typeof mock.contactWays.get(multi.config_id).create_time, 'number');

    assert.deepEqual(await postJson(mock, 'externalcontact/del_contact_way', t, { config_id: multi.config_id }), { errcode: 0, errmsg: 'ok' });
    assert.equal((await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: multi.config_id })).errcode, 41044);
    assert.equal(mock.contactWays.size, 1);
  });

  test('41043 / 41044 on get, update, del', async () => {
    for (const p of ['get_contact_way', 'update_contact_way', 'del_contact_way']) {
      assert.equal((await postJson(mock, `externalcontact/${p}`, t, {})).errcode, 41043, p);
      assert.equal((await postJson(mock, `externalcontact/${p}`, t, { config_id: '' })).errcode, 41043, p);
      assert.equal((await postJson(mock, `externalcontact/${p}`, t, { config_id: 'f'.repeat(32) })).errcode, 41044, p);
      assert.equal((await postJson(mock, `externalcontact/${p}`, t, { config_id: 42 })).errcode, 41044, p);
    }
  });

  test('add validation errcodes', async () => {
    const add = (body) => postJson(mock, 'externalcontact/add_contact_way', t, body).then((r) => r.errcode);
    assert.equal(await add({ scene: 1, user: ['a'] }), 41037);
    assert.equal(await add({ type: 3, scene: 1, user: ['a'] }), 41039);
    assert.equal(await add({ type: '1', scene: 1, user: ['a'] }), 41039);
    assert.equal(await add({ type: 1, user: ['a'] }), 41038);
    assert.equal(await add({ type: 1, scene: 0, user: ['a'] }), 41040);
    assert.equal(await add({ type: 2, scene: 1, user: Array.from({ length: 101 }, (_, i) => `u${i}`) }), 41041);
    assert.equal(await add({ type: 1, scene: 1, user: ['a', 'b'] }), 40058);
    assert.equal(await add({ type: 1, scene: 1 }), 40058);
    assert.equal(await add({ type: 2, scene: 1 }), 40058);
    assert.equal(await add({ type: 2, scene: 2, user: ['a'], is_temp: true }), 40058);
    assert.equal(await add({ type: 1, scene: 1, user: ['a'], skip_verify: 'yes' }), 40058);
    assert.equal(await add({ type: 1, scene: 1, user: ['a'], state: 'x'.repeat(31) }), 40058);
    assert.equal(await add({ type: 1, scene: 1, user: [1] }), 40058);
    assert.equal(await add({ type: 2, scene: 1, party: ['x'] }), 40058);
    assert.equal(mock.contactWays.size, 0);
  });

  test('temp ways: defaults, conclusions image → pic_url, expired ones cannot be updated', async () => {
    const add = await postJson(mock, 'externalcontact/add_contact_way', t, {
      type: 1, scene: 2, user: ['zhangsan'], is_temp: true, unionid: 'oUnion',
      conclusions: { text: { content: 'bye' }, image: { media_id: 'MEDIA1' }, unknown: { x: 1 } },
    });
    assert.equal(add.errcode, 0);
    const way = (await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: add.config_id })).contact_way;
    assert.equal(way.is_temp, true);
    assert.equal(way.expires_in, 604800);
    assert.equal(way.chat_expires_in, 86400);
    assert.equal(way.unionid, 'oUnion');
    assert.deepEqual(way.conclusions, {
      text: { content: 'bye' },
      image: { pic_url: 'https://wwcdn.weixin.qq.com/wwpic/mock/MEDIA1.jpg' },
    });
    const upd = await postJson(mock, 'externalcontact/update_contact_way', t, { config_id: add.config_id, expires_in: 3600 });
    assert.equal(upd.errcode, 0);
    mock.advanceTime(3601);
    const t2 = await token(mock);
    const late = await postJson(mock, 'externalcontact/update_contact_way', t2, { config_id: add.config_id, state: 'x' });
    assert.equal(late.errcode, 41044);
    const plain = await postJson(mock, 'externalcontact/add_contact_way', t2, { type: 1, scene: 1, user: ['a'], expires_in: 10 });
    const pw = (await postJson(mock, 'externalcontact/get_contact_way', t2, { config_id: plain.config_id })).contact_way;
    assert.equal(pw.expires_in, undefined);
    assert.equal(pw.conclusions, undefined);
  });

  test('list_contact_way paging, temp ways excluded, time range, cursor errors', async () => {
    const ids = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push((await postJson(mock, 'externalcontact/add_contact_way', t, { type: 1, scene: 1, user: ['zhangsan'], state: `s${i}` })).config_id);
    }
    await postJson(mock, 'externalcontact/add_contact_way', t, { type: 1, scene: 1, user: ['zhangsan'], is_temp: true });
    const seen = [];
    let cursor;
    let pages = 0;
    do {
      const r = await postJson(mock, 'externalcontact/list_contact_way', t, { limit: 2, ...(cursor ? { cursor } : {}) });
      assert.equal(r.errcode, 0);
      seen.push(...r.contact_way.map((w) => w.config_id));
      cursor = r.next_cursor;
      if (cursor !== undefined) assert.equal(typeof cursor, 'string');
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ids);

    const all = await postJson(mock, 'externalcontact/list_contact_way', t, {});
    assert.equal(all.contact_way.length, 5);
    assert.equal(all.next_cursor, undefined);
    const nowSec = Math.floor(Date.now() / 1000);
    const future = await postJson(mock, 'externalcontact/list_contact_way', t, { start_time: nowSec + 100, end_time: nowSec + 200 });
    assert.deepEqual(future.contact_way, []);
    assert.equal((await postJson(mock, 'externalcontact/list_contact_way', t, { limit: 1001 })).errcode, 40058);
    assert.equal((await postJson(mock, 'externalcontact/list_contact_way', t, { cursor: 'nope' })).errcode, 40058);
    assert.equal((await postJson(mock, 'externalcontact/list_contact_way', t, { start_time: 10, end_time: 5 })).errcode, 40058);
  });

  test('close_temp_chat', async () => {
    const c = (body) => postJson(mock, 'externalcontact/close_temp_chat', t, body).then((r) => r.errcode);
    assert.equal(await c({ external_userid: 'wmx' }), 40003);
    assert.equal(await c({ userid: 'zhangsan' }), 41035);
    assert.equal(await c({ userid: 'zhangsan', external_userid: 'wmx' }), 0);
  });

  test('external_userid_to_pending_id on both paths', async () => {
    for (const path of ['corpgroup/batch/external_userid_to_pending_id', 'idconvert/batch/external_userid_to_pending_id']) {
      const r = await postJson(mock, path, t, { external_userid: ['wmAAA', 'woBBB', 'xxCCC'], chat_id: 'wrCHAT' });
      assert.equal(r.errcode, 0, path);
      const p = (id) => `p${createHash('sha1').update(id).digest('hex').slice(0, 16)}`;
      assert.deepEqual(r.result, [
        { external_userid: 'wmAAA', pending_id: p('wmAAA') },
        { external_userid: 'woBBB', pending_id: p('woBBB') },
      ]);
      assert.equal((await postJson(mock, path, t, {})).errcode, 41035);
      assert.equal((await postJson(mock, path, t, { external_userid: [] })).errcode, 40058);
      assert.equal((await postJson(mock, path, t, { external_userid: Array(101).fill('wm1') })).errcode, 40058);
      assert.equal((await postJson(mock, path, t, { external_userid: [1] })).errcode, 40058);
    }
  });
});

describe('id conversions', () => {
  const served = { mock: undefined, token: undefined };
  before(async () => { served.mock = await startMockServer(); });
  after(() => served.mock.close());
  beforeEach(async () => { served.mock.reset(); served.token = await token(served.mock); });

  const sha1 = (...parts) => createHash('sha1').update(parts.join('\n')).digest('hex');
  const wm = (...parts) => `wm${sha1(...parts).slice(0, 30)}`;
  const call = (path, body) => postJson(served.mock, path, served.token, body);
  const code = (path, body) => call(path, body).then((r) => r.errcode);
  const pair = { unionid: 'oAuDB6Pq9HnpsM8pMsd2Ms0001', openid: 'oAuDB6Pq9HnpsM8pMsd2Ms0002' };

  test('idconvert/unionid_to_external_userid: a customer, a pending_id, errors', async () => {
    const path = 'idconvert/unionid_to_external_userid';
    const corp = await call(path, pair);
    assert.deepEqual(corp, { errcode: 0, errmsg: 'ok', external_userid: wm('subject 0', pair.unionid) });
    assert.deepEqual(await call(path, { ...pair, subject_type: 0 }), corp, 'subject_type 0 is the default');
    const provider = await call(path, { ...pair, subject_type: 1 });
    assert.equal(provider.external_userid, wm('subject 1', pair.unionid), 'each subject sees its own id');
    // Not a customer yet: the pending_id that external_userid_to_pending_id gives once it is one.
    const later = { ...pair, unionid: 'oNEWDB6Pq9HnpsM8pMsd2Ms0001', subject_type: 1 };
    const pending = await call(path, later);
    assert.equal(pending.external_userid, undefined);
    assert.match(pending.pending_id, /^p[0-9a-f]{16}$/);
    const joined = await call('idconvert/batch/external_userid_to_pending_id', { external_userid: [wm('subject 1', later.unionid)] });
    assert.equal(joined.result[0].pending_id, pending.pending_id);
    assert.equal(await code(path, { openid: pair.openid }), 40058);
    assert.equal(await code(path, { unionid: pair.unionid, openid: '' }), 40058);
    assert.equal(await code(path, { ...pair, unionid: 7 }), 40058);
    assert.equal(await code(path, { ...pair, subject_type: 2 }), 40058);
    assert.equal(await code(path, { ...pair, unionid: 'xAAA' }), 610014);
    assert.equal(await code(path, { ...pair, openid: 'xBBB' }), 610018);
  });

  test('corpgroup/unionid_to_external_userid and unionid_to_pending_id', async () => {
    const path = 'corpgroup/unionid_to_external_userid';
    const all = await call(path, pair);
    assert.deepEqual(all.external_userid_info, [
      { corpid: 'wwdownstream000001', external_userid: wm('wwdownstream000001', pair.unionid) },
      { corpid: 'wwdownstream000002', external_userid: wm('wwdownstream000002', pair.unionid) },
    ]);
    assert.deepEqual((await call(path, { ...pair, corpid: 'wwdownstream000002' })).external_userid_info, all.external_userid_info.slice(1));
    assert.deepEqual((await call(path, { ...pair, corpid: 'wwunknown' })).external_userid_info, []);
    assert.deepEqual((await call(path, { ...pair, unionid: 'oNEW1' })).external_userid_info, []);
    assert.equal(await code(path, { ...pair, corpid: 5 }), 40058);
    assert.equal(await code(path, { unionid: pair.unionid }), 40058);

    const pendingPath = 'corpgroup/unionid_to_pending_id';
    const p = await call(pendingPath, pair);
    assert.equal(p.pending_id, `p${sha1('corpgroup', served.mock.corpId, pair.unionid).slice(0, 16)}`);
    assert.deepEqual(await call(pendingPath, pair), p, 'the same unionid, the same pending_id');
    assert.equal(await code(pendingPath, {}), 40058);
    assert.equal(await code(pendingPath, { ...pair, unionid: 'xAAA' }), 610014);
  });

  test('get_new_external_userid on both paths', async () => {
    const ids = ['wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA', 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA', 'bogus'];
    const paths = [['externalcontact/get_new_external_userid', {}], ['externalcontact/groupchat/get_new_external_userid', { chat_id: 'wrCHAT' }]];
    for (const [path, extra] of paths) {
      const r = await call(path, { ...extra, external_userid_list: ids });
      assert.equal(r.errcode, 0, path);
      assert.deepEqual(r.items, ids.slice(0, 2).map((id) => ({ external_userid: id, new_external_userid: wm('new', id) })));
      const again = await call(path, { ...extra, external_userid_list: [r.items[0].new_external_userid] });
      assert.equal(again.items[0].new_external_userid, r.items[0].new_external_userid, 'a new id stays as it is');
      assert.equal(await code(path, extra), 41035);
      assert.equal(await code(path, { ...extra, external_userid_list: [] }), 40058);
      assert.equal(await code(path, { ...extra, external_userid_list: Array(1001).fill('wm1') }), 40058);
      assert.equal(await code(path, { ...extra, external_userid_list: [1] }), 40058);
      assert.equal((await call(path, { ...extra, external_userid_list: Array(1000).fill('wm1') })).items.length, 1000);
    }
    assert.equal(await code('externalcontact/groupchat/get_new_external_userid', { external_userid_list: ids }), 40058);
  });

  test('from_service_external_userid and batch/openuserid_to_userid', async () => {
    const path = 'externalcontact/from_service_external_userid';
    const id = 'wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA';
    assert.deepEqual(await call(path, { external_userid: id, source_agentid: 1000001 }), { errcode: 0, errmsg: 'ok', external_userid: wm('corp', id) });
    assert.equal(await code(path, { source_agentid: 1000001 }), 41035);
    assert.equal(await code(path, { external_userid: 5, source_agentid: 1000001 }), 40096);
    assert.equal(await code(path, { external_userid: 'bogus', source_agentid: 1000001 }), 40096);
    assert.equal(await code(path, { external_userid: id }), 40058);
    for (const bad of [0, -1, 1.5, '1000001']) assert.equal(await code(path, { external_userid: id, source_agentid: bad }), 40056, String(bad));

    const batch = 'batch/openuserid_to_userid';
    const r = await call(batch, { open_userid_list: ['woAAA', 'zzBBB', 'woCCC'], source_agentid: 1000001 });
    assert.deepEqual(r.userid_list, ['woAAA', 'woCCC'].map((o) => ({ open_userid: o, userid: `u${sha1('userid', o).slice(0, 12)}` })));
    assert.deepEqual(r.invalid_open_userid_list, ['zzBBB']);
    assert.equal(await code(batch, { source_agentid: 1000001 }), 40058);
    assert.equal(await code(batch, { open_userid_list: [], source_agentid: 1000001 }), 40058);
    assert.equal(await code(batch, { open_userid_list: Array(1001).fill('wo1'), source_agentid: 1000001 }), 40058);
    assert.equal(await code(batch, { open_userid_list: ['woAAA'] }), 40058);
    assert.equal(await code(batch, { open_userid_list: ['woAAA'], source_agentid: 0 }), 40056);
  });

  test('idconvert/external_tagid and convert_to_openid', async () => {
    const path = 'idconvert/external_tagid';
    const r = await call(path, { external_tagid_list: ['etAAA', 'xxBBB'] });
    assert.deepEqual(r.items, [{ external_tagid: 'etAAA', open_external_tagid: `et${sha1('open', 'etAAA').slice(0, 30)}` }]);
    assert.equal(await code(path, {}), 40058);
    assert.equal(await code(path, { external_tagid_list: [] }), 40058);
    assert.equal(await code(path, { external_tagid_list: Array(1001).fill('et1') }), 40058);
    assert.equal((await call(path, { external_tagid_list: Array(1000).fill('et1') })).items.length, 1000);

    const openid = 'externalcontact/convert_to_openid';
    const id = 'wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA';
    assert.deepEqual(await call(openid, { external_userid: id }), { errcode: 0, errmsg: 'ok', openid: `o${sha1('openid', id).slice(0, 27)}` });
    const wecom = await call(openid, { external_userid: 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA' });
    assert.equal(wecom.errcode, 41056, 'WeCom-type contacts have no openid');
    assert.match(wecom.errmsg, /^invalid external userid type, hint: /);
    assert.equal(await code(openid, {}), 41035);
    assert.equal(await code(openid, { external_userid: ['wm1'] }), 40096);
    assert.equal(await code(openid, { external_userid: 'bogus' }), 40096);
  });
});

describe('protocol errors and robustness', () => {
  let mock;
  let t;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(async () => { mock.reset(); t = await token(mock); });

  test('wrong method 40063, unknown path 404 + 40066', async () => {
    const wrong = await getJson(mock, 'externalcontact/add_contact_way', { access_token: t });
    assert.equal(wrong.errcode, 40063);
    const res = await fetch(`${mock.url}/cgi-bin/externalcontact/nope?access_token=${t}`);
    assert.equal(res.status, 404);
    const body = await res.json();
    assert.equal(body.errcode, 40066);
    assert.match(body.errmsg, /^invalid url/);
    assert.equal(mock.stats().byPath['externalcontact/nope'], 1);
  });

  test('bad bodies: invalid JSON 40058, empty 40063, non-object 40058, > 1 MiB 40206', async () => {
    const p = 'externalcontact/get_contact_way';
    const bad = await postJson(mock, p, t, '{"config_id":', { raw: true });
    assert.equal(bad.errcode, 40058);
    assert.match(bad.errmsg, /^invalid Request Parameter, invalid json, hint: /);
    assert.equal((await postJson(mock, p, t, '', { raw: true })).errcode, 40063);
    assert.equal((await postJson(mock, p, t, '[1,2]', { raw: true })).errcode, 40058);
    assert.equal((await postJson(mock, p, t, 'null', { raw: true })).errcode, 40058);
    const huge = JSON.stringify({ config_id: 'x', pad: 'a'.repeat(1024 * 1024 + 10) });
    assert.equal((await postJson(mock, p, t, huge, { raw: true })).errcode, 40206);
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t })).errcode, 0);
  });

  test('wrong types never crash the server', async () => {
    const values = [null, true, 0, -1, 1.5, 'x', '', [], [null], {}, { a: { b: [] } }, 1e308, '__proto__'];
    const keys = ['type', 'scene', 'user', 'party', 'config_id', 'conclusions', 'limit', 'cursor', 'start_time',
      'external_userid', 'userid', 'is_temp', 'expires_in', 'remark', 'state', 'chat_id', 'unionid', 'openid', 'subject_type',
      'corpid', 'external_userid_list', 'open_userid_list', 'external_tagid_list', 'source_agentid'];
    const paths = ['add_contact_way', 'get_contact_way', 'update_contact_way', 'del_contact_way', 'list_contact_way', 'close_temp_chat']
      .map((p) => `externalcontact/${p}`).concat('corpgroup/batch/external_userid_to_pending_id', ...ID_CONVERSIONS);
    const requests = [];
    for (const path of paths) {
      for (const key of keys) {
        for (const value of values) requests.push(() => postJson(mock, path, t, { type: 1, scene: 1, user: ['a'], [key]: value }));
      }
      requests.push(() => postJson(mock, path, t, '{"__proto__":{"polluted":1},"conclusions":{"__proto__":{}}}', { raw: true }));
    }
    const answers = [];
    for (let i = 0; i < requests.length; i += 8) {
      answers.push(...await Promise.all(requests.slice(i, i + 8).map((send) => send())));
    }
    for (const a of answers) {
      assert.equal(typeof a.errcode, 'number');
      assert.notEqual(a.errcode, -1);
      assert.equal(typeof a.errmsg, 'string');
    }
    assert.equal({}.polluted, undefined);
  });
});

describe('unexpected failures', () => {
  test('a throwing handler answers -1 "system error" and the server keeps serving', async () => {
    const errors = [];
    const mock = await startMockServer({ onError: (err) => errors.push(err) });
    const original = ContactWayStore.prototype.get;
    try {
      const t = await token(mock);
      ContactWayStore.prototype.get = () => { throw new Error('boom'); };
      const r = await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: 'x' });
      assert.equal(r.errcode, -1);
      assert.match(r.errmsg, /^system error, hint: /);
      assert.equal(errors.length, 1);
      ContactWayStore.prototype.get = original;
      assert.equal((await postJson(mock, 'externalcontact/get_contact_way', t, { config_id: 'x' })).errcode, 41044);
    } finally {
      ContactWayStore.prototype.get = original;
      await mock.close();
    }
  });

  test('absurd Content-Length and malformed HTTP get answers, not crashes', async () => {
    const mock = await startMockServer();
    try {
      const rawRequest = (text) => new Promise((resolve) => {
        const socket = connect(mock.port, '127.0.0.1');
        let out = '';
        socket.setEncoding('utf8');
        socket.on('data', (d) => { out += d; });
        socket.on('error', () => {});
        socket.on('close', () => resolve(out));
        socket.write(text);
      });
      const big = await rawRequest('POST /cgi-bin/externalcontact/add_contact_way HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n');
      assert.match(big, /^HTTP\/1\.1 200 /);
      assert.match(big, /"errcode":40206/);
      const junk = await rawRequest('NOT HTTP AT ALL\r\n\r\n');
      assert.match(junk, /^HTTP\/1\.1 400 /);
      assert.equal((await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: mock.corpSecret })).errcode, 0);
    } finally {
      await mock.close();
    }
  });
});

describe('faults', () => {
  let mock;
  let t;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(async () => { mock.reset(); t = await token(mock); });
  const follow = () => fetch(`${mock.url}/cgi-bin/externalcontact/get_follow_user_list?access_token=${t}`);

  test('errcode (default and custom errmsg), then normal again', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', errcode: 45009 });
    mock.inject({ path: 'externalcontact/get_follow_user_list', errcode: -1, errmsg: 'system busy' });
    const a = await (await follow()).json();
    assert.equal(a.errcode, 45009);
    assert.match(a.errmsg, ERRMSG_TAIL);
    assert.deepEqual(await (await follow()).json(), { errcode: -1, errmsg: 'system busy' });
    assert.equal((await (await follow()).json()).errcode, 0);
  });

  test('errcode fault on gettoken (no token involved)', async () => {
    mock.inject({ path: 'gettoken', errcode: 40001 });
    assert.equal((await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: mock.corpSecret })).errcode, 40001);
    assert.equal(await token(mock), t);
  });

  test('status with default and custom body', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', status: 502 });
    mock.inject({ path: '/cgi-bin/externalcontact/get_follow_user_list', status: 503, body: 'down' });
    const r1 = await follow();
    assert.equal(r1.status, 502);
    assert.equal(await r1.text(), '<html>bad gateway</html>');
    const r2 = await follow();
    assert.equal(r2.status, 503);
    assert.equal(await r2.text(), 'down');
    assert.equal(r2.headers.get('access-control-allow-origin'), '*');
  });

  test('delayMs delays a normal answer', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', delayMs: 150 });
    const start = Date.now();
    const r = await (await follow()).json();
    assert.ok(Date.now() - start >= 140);
    assert.equal(r.errcode, 0);
  });

  test('garbage answers HTTP 200 with non-JSON', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', garbage: true });
    const r = await follow();
    assert.equal(r.status, 200);
    const text = await r.text();
    assert.throws(() => JSON.parse(text));
  });

  test('extra merges fields after normal handling', async () => {
    mock.inject({ path: 'externalcontact/add_contact_way', extra: { future_field: { a: 1 }, list: [1] } });
    const r = await postJson(mock, 'externalcontact/add_contact_way', t, { type: 1, scene: 1, user: ['a'] });
    assert.equal(r.errcode, 0);
    assert.match(r.config_id, /^[0-9a-f]{32}$/);
    assert.deepEqual(r.future_field, { a: 1 });
    assert.deepEqual(r.list, [1]);
    assert.equal(mock.contactWays.size, 1);
  });

  test('times, "*" and FIFO order across paths', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', errcode: 1001, times: 2 });
    mock.inject({ path: '*', errcode: 1002 });
    assert.equal((await (await follow()).json()).errcode, 1001);
    assert.equal((await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: mock.corpSecret })).errcode, 1002);
    assert.equal((await (await follow()).json()).errcode, 1001);
    assert.equal((await (await follow()).json()).errcode, 0);
    mock.inject({ path: '*', errcode: 1003, times: 3 });
    const codes = [];
    for (let i = 0; i < 4; i += 1) codes.push((await (await follow()).json()).errcode);
    assert.deepEqual(codes, [1003, 1003, 1003, 0]);
  });

  test('reset destroys the connection without answering (ECONNRESET), counted, then normal again', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', reset: true, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const err = await follow().then(() => assert.fail('answered despite a reset fault'), (e) => e);
      assert.ok(err instanceof TypeError, `fetch rejects: ${err}`);
      assert.equal(err.cause?.code, 'ECONNRESET', `the client sees a reset: ${err.cause}`);
    }
    const other = await getJson(mock, 'gettoken', { corpid: mock.corpId, corpsecret: mock.corpSecret });
    assert.equal(other.errcode, 0, 'another path is not affected');
    assert.equal((await (await follow()).json()).errcode, 0, 'times: 2 used up');
    assert.equal(mock.stats().byPath['externalcontact/get_follow_user_list'], 3, 'reset requests are counted');
    assert.equal(mock.stats().total, 5);
  });

  test('reset on a raw socket: the whole request is read, no byte comes back', async () => {
    mock.inject({ path: 'externalcontact/add_contact_way', reset: true });
    const body = JSON.stringify({ type: 1, scene: 1, user: ['a'] });
    const outcome = await new Promise((resolve) => {
      const socket = connect(mock.port, '127.0.0.1');
      let out = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => { out += d; });
      socket.on('error', (e) => resolve({ code: e.code, out }));
      socket.on('close', () => resolve({ code: 'closed', out }));
      socket.write(`POST /cgi-bin/externalcontact/add_contact_way?access_token=${t} HTTP/1.1\r\nHost: x\r\n`
        + `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    assert.deepEqual(outcome, { code: 'ECONNRESET', out: '' });
    assert.equal(mock.contactWays.size, 0, 'a reset request is not handled');
    assert.equal(mock.stats().byPath['externalcontact/add_contact_way'], 1);
  });

  test('reset with "*" and after delayMs', async () => {
    mock.inject({ path: '*', reset: true, delayMs: 120 });
    const start = Date.now();
    const err = await follow().then(() => assert.fail('answered'), (e) => e);
    assert.ok(Date.now() - start >= 110, 'the reset waited for the delay');
    assert.equal(err.cause?.code, 'ECONNRESET');
    assert.equal((await (await follow()).json()).errcode, 0);
  });

  test('delayed requests are counted on arrival, also when the client gives up', async () => {
    mock.inject({ path: 'externalcontact/get_follow_user_list', delayMs: 400 });
    const before = mock.stats().total;
    const start = Date.now();
    const err = await fetch(`${mock.url}/cgi-bin/externalcontact/get_follow_user_list?access_token=${t}`, {
      signal: AbortSignal.timeout(60),
    }).then(() => assert.fail('answered before the delay'), (e) => e);
    assert.equal(err.name, 'TimeoutError');
    assert.ok(Date.now() - start < 350);
    assert.equal(mock.stats().total, before + 1);
    assert.equal(mock.stats().byPath['externalcontact/get_follow_user_list'], 1);
    assert.equal((await (await follow()).json()).errcode, 0, 'the next request is answered at once');
  });

  test('malformed faults throw TypeError', () => {
    assert.throws(() => mock.inject({ errcode: 1 }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken' }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', errcode: 1, status: 500 }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', times: 0, errcode: 1 }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', garbage: true, extra: {} }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', errcode: 1, bogus: 1 }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', reset: false }), TypeError);
    assert.throws(() => mock.inject({ path: 'gettoken', reset: 'yes' }), TypeError);
    for (const other of [{ errcode: 1 }, { status: 500 }, { garbage: true }, { extra: {} }]) {
      assert.throws(() => mock.inject({ path: 'gettoken', reset: true, ...other }), TypeError, JSON.stringify(other));
    }
    mock.inject({ path: 'gettoken', reset: true, delayMs: 1, times: 3 }); // allowed
  });
});

describe('HTTP admin API and CORS', () => {
  let mock;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  test('faults, stats, reset over HTTP', async () => {
    const t = await token(mock);
    let r = await admin(mock, 'faults', { path: 'externalcontact/get_follow_user_list', errcode: 2001 });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { ok: true, queued: 1 });
    r = await admin(mock, 'faults', [{ path: '*', errcode: 2002 }, { path: '*', status: 500 }]);
    assert.equal((await r.json()).queued, 2);
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${mock.url}/cgi-bin/externalcontact/get_follow_user_list?access_token=${t}`);
      codes.push(res.status === 200 ? (await res.json()).errcode : res.status);
    }
    assert.deepEqual(codes, [2001, 2002, 500]);
    const stats = await (await admin(mock, 'stats')).json();
    assert.equal(stats.ok, true);
    assert.equal(stats.gettoken, 1);
    assert.equal(stats.total, 4);
    assert.equal(stats.byPath['externalcontact/get_follow_user_list'], 3);
    r = await admin(mock, 'faults', { path: 'x' });
    assert.equal(r.status, 400);
    assert.equal((await r.json()).ok, false);
    r = await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    assert.equal(r.status, 400);
    assert.equal((await admin(mock, 'nope')).status, 404);
    assert.equal((await fetch(`${mock.url}/__mock/stats`, { method: 'POST' })).status, 405);
    assert.equal((await admin(mock, 'reset')).status, 200);
    assert.deepEqual(mock.stats(), { gettoken: 0, total: 0, byPath: {} });
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t })).errcode, 40014);
  });

  test('a reset fault over HTTP', async () => {
    const t = await token(mock);
    let r = await admin(mock, 'faults', { path: 'externalcontact/add_contact_way', reset: true, times: 2 });
    assert.deepEqual(await r.json(), { ok: true, queued: 1 });
    const pending = (await (await fetch(`${mock.url}/__mock/faults`)).json()).faults;
    assert.equal(pending.length, 1);
    assert.equal(pending[0].reset, true);
    assert.equal(pending[0].remaining, 2);
    const add = () => fetch(`${mock.url}/cgi-bin/externalcontact/add_contact_way?access_token=${t}`, {
      method: 'POST', body: JSON.stringify({ type: 1, scene: 1, user: ['a'] }),
    });
    for (let i = 0; i < 2; i += 1) {
      const err = await add().then(() => assert.fail('answered'), (e) => e);
      assert.equal(err.cause?.code, 'ECONNRESET');
    }
    assert.equal((await (await add()).json()).errcode, 0);
    const stats = await (await admin(mock, 'stats')).json();
    assert.equal(stats.byPath['externalcontact/add_contact_way'], 3);
    assert.equal(mock.contactWays.size, 1, 'only the answered request was handled');
    r = await admin(mock, 'faults', { path: '*', reset: 1 });
    assert.equal(r.status, 400);
    assert.match((await r.json()).error, /reset/);
  });

  test('expire-tokens, revoke-tokens, advance-time and contact-ways over HTTP', async () => {
    let t = await token(mock);
    await admin(mock, 'expire-tokens');
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t })).errcode, 42001);
    t = await token(mock);
    await admin(mock, 'revoke-tokens');
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t })).errcode, 40014);
    t = await token(mock);
    await admin(mock, 'advance-time', { seconds: 7200 });
    assert.equal((await getJson(mock, 'externalcontact/get_follow_user_list', { access_token: t })).errcode, 42001);
    t = await token(mock);
    const { config_id: id } = await postJson(mock, 'externalcontact/add_contact_way', t, { type: 1, scene: 1, user: ['a'] });
    const ways = await (await admin(mock, 'contact-ways')).json();
    assert.deepEqual(ways.contact_ways.map((w) => w.config_id), [id]);
  });

  test('CORS: WeCom API paths allow any origin, the admin API never answers "*"', async () => {
    for (const url of [`${mock.url}/cgi-bin/gettoken`, `${mock.url}/cgi-bin/unknown`]) {
      const r = await fetch(url, { headers: { Origin: 'http://127.0.0.1:9999' } });
      await r.arrayBuffer();
      assert.equal(r.headers.get('access-control-allow-origin'), '*', url);
    }
    const apiPre = await fetch(`${mock.url}/cgi-bin/externalcontact/add_contact_way`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:9999', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(apiPre.status, 204);
    assert.equal(apiPre.headers.get('access-control-allow-origin'), '*');
    assert.match(apiPre.headers.get('access-control-allow-headers'), /content-type/i);
    const r = await fetch(`${mock.url}/__mock/stats`);
    await r.arrayBuffer();
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), null, 'no Origin, nothing to allow');
    const pre = await fetch(`${mock.url}/__mock/faults`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:9999', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(pre.status, 403);
    assert.equal(pre.headers.get('access-control-allow-origin'), null);
    assert.equal(pre.headers.get('access-control-allow-methods'), null);
    assert.equal(pre.headers.get('access-control-allow-headers'), null);
    assert.equal(mock.stats().total, 2); // OPTIONS and /__mock are not counted
  });
});

describe('admin API access (issue 8 item 10)', () => {
  let mock;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  const stats = (headers) => fetch(`${mock.url}/__mock/stats`, { headers });

  test('admin answers: own Origin echoed with Vary, nosniff, never "*"', async () => {
    const r = await stats({ Origin: mock.url });
    await r.arrayBuffer();
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), mock.url);
    assert.equal(r.headers.get('vary'), 'Origin');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    const refused = await stats({ Origin: 'http://example.com' });
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal(refused.headers.get('connection'), 'close');
  });

  test('Sec-Fetch-Site other than same-origin / none needs the token', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const r = await stats({ 'Sec-Fetch-Site': site });
      assert.equal(r.status, 403, site);
      assert.match((await r.json()).error, /cross-site/);
      assert.equal((await stats({ 'Sec-Fetch-Site': site, 'X-Wecom-Mock-Token': mock.adminToken })).status, 200);
    }
    for (const site of ['same-origin', 'none']) assert.equal((await stats({ 'Sec-Fetch-Site': site })).status, 200, site);
  });

  test('preflights: own origin and token-announcing origins allowed, others 403', async () => {
    const pre = (origin, asked) => fetch(`${mock.url}/__mock/faults`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': asked },
    });
    let r = await pre(mock.url, 'content-type');
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), mock.url);
    assert.match(r.headers.get('access-control-allow-headers'), /x-wecom-mock-token/i);
    r = await pre('http://example.com', 'content-type, x-wecom-mock-token');
    assert.equal(r.status, 204);
    assert.equal(r.headers.get('access-control-allow-origin'), 'http://example.com');
    r = await pre('http://example.com', 'content-type, x-requested-with');
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    r = await fetch(`${mock.url}/__mock/faults`, { method: 'OPTIONS' });
    assert.equal(r.status, 403, 'no Origin: not a CORS preflight, nothing to allow');
  });

  test('admin POSTs need Content-Type: application/json (charset allowed, any case)', async () => {
    const post = (type) => fetch(`${mock.url}/__mock/reset`, { method: 'POST', headers: type ? { 'Content-Type': type } : {} });
    for (const ok of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      assert.equal((await post(ok)).status, 200, ok);
    }
    for (const bad of [undefined, 'text/plain', 'application/jsonp', 'application/json-patch+json']) {
      const r = await post(bad);
      assert.equal(r.status, 415, String(bad));
      assert.equal((await r.json()).error, 'admin POSTs need Content-Type: application/json');
    }
  });

  test('adminToken option and field', async () => {
    assert.match(mock.adminToken, /^[A-Za-z0-9_-]{32}$/);
    assert.ok(!JSON.stringify(mock).includes(mock.adminToken));
    assert.throws(() => { mock.adminToken = 'x'; }, TypeError, 'frozen');
    for (const bad of ['', 'x'.repeat(15), 'x'.repeat(257), 'token with space!!', 'tökenmitumlautxx']) {
      await assert.rejects(startMockServer({ adminToken: bad }), RangeError, JSON.stringify(bad));
    }
    await assert.rejects(startMockServer({ adminToken: null }), TypeError);
    const m = await startMockServer({ adminToken: 'x'.repeat(256) });
    assert.equal(m.adminToken.length, 256);
    await m.close();
  });
});

describe('input bounds (issue 8 item 10)', () => {
  let mock;
  before(async () => { mock = await startMockServer(); });
  after(() => mock.close());
  beforeEach(() => mock.reset());

  test('advanceTime: per call 0..10 years, 100 years in total until reset()', () => {
    mock.advanceTime(0);
    mock.advanceTime(0.0005);
    for (const bad of [NaN, Infinity, -Infinity, '1', null, undefined, 1n]) assert.throws(() => mock.advanceTime(bad), TypeError, String(bad));
    for (const bad of [-1, -0.001, 1e308, Number.MAX_VALUE, 315_360_001]) assert.throws(() => mock.advanceTime(bad), RangeError, String(bad));
    mock.reset();
    for (let i = 0; i < 10; i += 1) mock.advanceTime(315_360_000);
    assert.throws(() => mock.advanceTime(1), RangeError);
    mock.reset();
    mock.advanceTime(1);
  });

  test('faults: JSON-only extra, sizes, the queue frees its budget as faults fire', async () => {
    assert.throws(() => mock.inject({ path: 'gettoken', extra: { n: 1n } }), TypeError);
    mock.inject({ path: 'gettoken', extra: { when: new Date(0) } }); // JSON data: the date becomes its string
    const big = { path: 'externalcontact/get_follow_user_list', status: 502, body: 'z'.repeat(65_536) };
    const many = Array.from({ length: 60 }, () => big);
    mock.inject(many);
    assert.throws(() => mock.inject(many), /would exceed/);
    assert.equal(mock.stats().total, 0);
    // Firing the faults gives the budget back.
    for (let i = 0; i < 61; i += 1) await (await fetch(`${mock.url}/cgi-bin/${i === 0 ? 'gettoken' : big.path}`)).arrayBuffer();
    mock.inject(many);
    const pending = (await (await fetch(`${mock.url}/__mock/faults`)).json()).faults;
    assert.equal(pending.length, 60);
    assert.equal(pending[0].size, undefined, 'internal bookkeeping is not shown');
  });
});

describe('lifecycle', () => {
  test('close() ends keep-alive and delayed requests promptly', async () => {
    const mock = await startMockServer();
    await token(mock); // leaves a keep-alive connection open
    mock.inject({ path: '*', delayMs: 60_000 });
    const pending = fetch(`${mock.url}/cgi-bin/gettoken`).then(() => 'answered', () => 'failed');
    await new Promise((r) => setTimeout(r, 50));
    const start = Date.now();
    await mock.close();
    assert.ok(Date.now() - start < 1000);
    assert.equal(await pending, 'failed');
    await mock.close(); // idempotent
  });

  test('only 127.0.0.1 is accepted as host', async () => {
    await assert.rejects(startMockServer({ host: '0.0.0.0' }), RangeError);
    const m = await startMockServer({ host: 'localhost' });
    assert.match(m.url, /^http:\/\/127\.0\.0\.1:/);
    await m.close();
  });

  test('CLI prints its URL, serves requests and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--corp-id', 'wwcli', '--corp-secret', 'cli-secret', '--token-ttl', '60'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const m = out.match(/^wecom mock server listening on (http:\/\/127\.0\.0\.1:(\d+))\nwecom mock server admin token: [\w-]{32}\n/);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
        setTimeout(() => reject(new Error('cli did not print its URL')), 3000).unref();
      });
      assert.notEqual(url, 'http://127.0.0.1:0');
      const r = await (await fetch(`${url}/cgi-bin/gettoken?corpid=wwcli&corpsecret=cli-secret`)).json();
      assert.equal(r.errcode, 0);
      assert.equal(r.expires_in, 60);
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      assert.deepEqual(await exited, { code: 0, signal: null });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
