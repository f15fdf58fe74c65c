// Issue 11: the look-alike's customer endpoints act on the world and check requests the way
// WeCom does (errcodes of rules.md §3). Through the packed package: direct HTTP for the
// look-alike's own checks, the SDK for one call per endpoint.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, assertErrcode } from './world-helpers.mjs';

let mock;
let wecom;
let client;
before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 21, world: { customers: 400 } }));
});
after(() => mock.close());

const activeFollowUsers = () => mock.world.members().filter((m) => m.status === 'active' && m.follow).map((m) => m.userid);
const resignedMember = () => mock.world.members().find((m) => m.status === 'resigned').userid;
const memberWithout = () => mock.world.members().find((m) => m.status === 'active' && !m.follow).userid;

describe('issue 11: one SDK call per customer endpoint against the world (the generated methods)', () => {
  test('check_follow_user', async () => {
    const res = await client.checkFollowUser({ userid: ['zhangsan', memberWithout()], partyid: [1] });
    assert.deepEqual(res.authorized.userid, ['zhangsan']);
    assert.deepEqual(res.unauthorized.userid, [memberWithout()]);
    assert.equal(res.authorized.partyid.length + res.unauthorized.partyid.length, 1);
  });

  test('list (GET ?userid=) answers the member\'s customers', async () => {
    const res = await client.listExternalContact({ userid: 'zhangsan' });
    assert.deepEqual(res.external_userid, mock.world.customersOf('zhangsan'));
    assert.ok(res.external_userid.length > 0);
  });

  test('get (GET ?external_userid=) answers the customer and its followers', async () => {
    const id = mock.world.customersOf('lisi')[0];
    const res = await client.getExternalContact({ external_userid: id });
    const seeded = mock.world.customer(id);
    assert.equal(res.external_contact.external_userid, id);
    assert.equal(res.external_contact.name, seeded.name);
    assert.deepEqual(res.follow_user.map((f) => f.userid), seeded.follow_user.map((f) => f.userid));
    assert.equal(res.next_cursor, undefined, 'no paging under 500 followers');
  });

  test('crm/get_external_contact (legacy GET) answers like get', async () => {
    const id = mock.world.customersOf('lisi')[0];
    const res = await client.crmGetExternalContact({ external_userid: id });
    const modern = await wecom.get('externalcontact/get', { external_userid: id });
    assert.deepEqual(res.external_contact, modern.external_contact);
    assert.deepEqual(res.follow_user, modern.follow_user);
  });

  test('batch/get_by_user answers one entry per follow relation', async () => {
    const res = await client.batchGetByUser({ userid_list: ['zhangsan'], limit: 100 });
    const ids = mock.world.customersOf('zhangsan');
    assert.deepEqual(res.external_contact_list.map((e) => e.external_contact.external_userid), ids.slice(0, 100));
    for (const e of res.external_contact_list) assert.equal(e.follow_info.userid, 'zhangsan');
    assert.equal(res.next_cursor, ids.length > 100 ? res.next_cursor : '');
  });

  test('remark changes what get shows', async () => {
    const id = mock.world.customersOf('zhangsan')[2];
    await client.remarkExternalContact({
      userid: 'zhangsan', external_userid: id, remark: '王总', description: '采购负责人', remark_mobiles: ['13800000000'],
    });
    const got = await wecom.get('externalcontact/get', { external_userid: id });
    const f = got.follow_user.find((x) => x.userid === 'zhangsan');
    assert.equal(f.remark, '王总');
    assert.equal(f.description, '采购负责人');
    assert.deepEqual(f.remark_mobiles, ['13800000000']);
    await client.remarkExternalContact({ userid: 'zhangsan', external_userid: id, remark_mobiles: [''] });
    const cleared = (await wecom.get('externalcontact/get', { external_userid: id })).follow_user.find((x) => x.userid === 'zhangsan');
    assert.deepEqual(cleared.remark_mobiles, [], '[""] clears the numbers');
    assert.equal(cleared.remark, '王总', 'fields not sent stay');
  });

  test('contact_list answers every follow relation across pages', async () => {
    let count = 0;
    for await (const item of client.paginate('externalcontact/contact_list', { limit: 150 })) {
      assert.equal(item.is_customer, true);
      assert.ok(item.tmp_openid && item.external_userid && item.follow_userid && Number.isInteger(item.add_time));
      count += 1;
    }
    const expected = mock.world.customerIds().reduce((n, id) => n + mock.world.customer(id).follow_user.length, 0);
    assert.equal(count, expected);
  });

  test('unionid_to_external_userid finds the WeChat customer with that unionid', async () => {
    const customer = mock.world.customerIds().map((id) => mock.world.customer(id)).find((c) => c.unionid);
    const res = await client.corpUnionidToExternalUserid({ unionid: customer.unionid, openid: 'oMiniProgramOpenid0001' });
    assert.equal(res.external_userid, customer.external_userid);
  });
});

describe('issue 11: customer requests are checked the WeCom way', () => {
  test('list: 40003 missing / unknown / resigned userid, 84074 member without 客户联系', async () => {
    assertErrcode(await wecom.get('externalcontact/list'), 40003, 'no userid');
    assertErrcode(await wecom.get('externalcontact/list', { userid: 'nobody' }), 40003, 'unknown');
    assertErrcode(await wecom.get('externalcontact/list', { userid: resignedMember() }), 40003, 'resigned');
    assertErrcode(await wecom.get('externalcontact/list', { userid: memberWithout() }), 84074, 'no 客户联系');
  });

  test('get: 41035 missing, 40096 unknown external_userid, 40058 forged cursor', async () => {
    assertErrcode(await wecom.get('externalcontact/get'), 41035);
    assertErrcode(await wecom.get('externalcontact/get', { external_userid: 'wmNotACustomerOfThisWorld000000' }), 40096);
    const id = mock.world.customerIds()[0];
    assertErrcode(await wecom.get('externalcontact/get', { external_userid: id, cursor: 'MTAwMA' }), 40058, 'forged cursor');
  });

  test('get: a method other than GET is 40063', async () => {
    const res = await wecom.post('externalcontact/get', { external_userid: mock.world.customerIds()[0] });
    assertErrcode(res, 40063);
  });

  test('batch/get_by_user: userid_list missing / empty / > 100 → 40058; unknown member 40003; limit > 100 clamped to 100', async () => {
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', {}), 40058, 'missing');
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', { userid_list: [] }), 40058, 'empty');
    const many = Array.from({ length: 101 }, () => 'zhangsan');
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', { userid_list: many }), 40058, '101');
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['zhangsan', 'nobody'] }), 40003, 'unknown');
    const users = activeFollowUsers();
    const clamped = await wecom.post('externalcontact/batch/get_by_user', { userid_list: users, limit: 1000 });
    assertErrcode(clamped, 0);
    assert.equal(clamped.external_contact_list.length, 100);
    const dflt = await wecom.post('externalcontact/batch/get_by_user', { userid_list: users });
    assert.equal(dflt.external_contact_list.length, 50, 'limit defaults to 50');
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', { userid_list: users, limit: -1 }), 40058, 'negative limit');
  });

  test('batch/get_by_user: a cursor only works for the list it was made for', async () => {
    const first = await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['zhangsan', 'lisi'], limit: 5 });
    assert.ok(first.next_cursor);
    const same = await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['zhangsan', 'lisi'], limit: 5, cursor: first.next_cursor });
    assertErrcode(same, 0);
    const other = await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['lisi'], limit: 5, cursor: first.next_cursor });
    assertErrcode(other, 40058);
    const tampered = `${first.next_cursor.slice(0, -1)}${first.next_cursor.endsWith('A') ? 'B' : 'A'}`;
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['zhangsan', 'lisi'], cursor: tampered }), 40058);
    assertErrcode(await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['zhangsan'], cursor: 12 }), 40058);
  });

  test('remark: 84061 when the member does not follow the customer; 40058 nothing to change or too long', async () => {
    const mine = mock.world.customersOf('zhangsan');
    const notMine = mock.world.customerIds().find((id) => !mock.world.customer(id).follow_user.some((f) => f.userid === 'zhangsan'));
    assertErrcode(await wecom.post('externalcontact/remark', { userid: 'zhangsan', external_userid: notMine, remark: 'x' }), 84061);
    assertErrcode(await wecom.post('externalcontact/remark', { userid: 'zhangsan', external_userid: mine[0] }), 40058, 'nothing');
    assertErrcode(await wecom.post('externalcontact/remark', { userid: 'zhangsan', external_userid: mine[0], remark: '字'.repeat(21) }), 40058, '21 chars');
    assertErrcode(await wecom.post('externalcontact/remark', { userid: 'zhangsan', external_userid: mine[0], description: 'd'.repeat(151) }), 40058);
    assertErrcode(await wecom.post('externalcontact/remark', { userid: 'zhangsan', remark: 'x' }), 41035);
    assertErrcode(await wecom.post('externalcontact/remark', { external_userid: mine[0], remark: 'x' }), 40003);
    assertErrcode(await wecom.post('externalcontact/remark', { userid: 'zhangsan', external_userid: 'wmUnknown', remark: 'x' }), 40096);
  });

  test('contact_list: limit over 1000 or a bad cursor → 40058; default 1000', async () => {
    assertErrcode(await wecom.post('externalcontact/contact_list', { limit: 1001 }), 40058);
    assertErrcode(await wecom.post('externalcontact/contact_list', { cursor: 'bm90IGEgY3Vyc29y' }), 40058);
    const all = await wecom.post('externalcontact/contact_list', {});
    assert.ok(all.info_list.length > 400 && all.info_list.length <= 1000);
  });

  test('check_follow_user: both lists empty → 40058', async () => {
    assertErrcode(await wecom.post('externalcontact/check_follow_user', {}), 40058);
    assertErrcode(await wecom.post('externalcontact/check_follow_user', { userid: 'zhangsan' }), 40058, 'not a list');
  });

  test('unionid_to_external_userid: 40058 missing openid, 610014 bad unionid, 84061 not a customer', async () => {
    assertErrcode(await wecom.post('externalcontact/unionid_to_external_userid', { unionid: 'oAbc' }), 40058);
    assertErrcode(await wecom.post('externalcontact/unionid_to_external_userid', { unionid: 'xAbc', openid: 'o1' }), 610014);
    assertErrcode(await wecom.post('externalcontact/unionid_to_external_userid', { unionid: 'oNobodyHasThisUnionid', openid: 'o1' }), 84061);
  });
});

describe('issue 11: get pages follow_user past 500 followers', () => {
  test('a customer with 501 followers: 500 on the first page, then 1, then next_cursor ""', async () => {
    const big = await startWorld({ seed: 2, world: { members: 560, customers: 20, followersOfBusiest: 501 } });
    try {
      const id = big.mock.world.busiestCustomer();
      assert.equal(big.mock.world.customer(id).follow_user.length, 501);
      const first = await big.wecom.get('externalcontact/get', { external_userid: id });
      assertErrcode(first, 0);
      assert.equal(first.follow_user.length, 500);
      assert.ok(first.next_cursor);
      const second = await big.wecom.get('externalcontact/get', { external_userid: id, cursor: first.next_cursor });
      assert.equal(second.follow_user.length, 1);
      assert.equal(second.next_cursor, '');
      const all = [...first.follow_user, ...second.follow_user].map((f) => f.userid);
      assert.equal(new Set(all).size, 501);
      // Through the SDK: every follower once, over both pages.
      const viaSdk = [];
      for await (const f of big.client.paginate('externalcontact/get', { external_userid: id })) viaSdk.push(f.userid);
      assert.deepEqual(viaSdk, all);
      // The cursor belongs to this customer.
      const other = big.mock.world.customerIds()[1];
      assertErrcode(await big.wecom.get('externalcontact/get', { external_userid: other, cursor: first.next_cursor }), 40058);
    } finally {
      await big.mock.close();
    }
  });
});
