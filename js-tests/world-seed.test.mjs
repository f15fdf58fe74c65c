// Issue 11: the look-alike's seeded world — determinism, sizes and their checks, reset(), the
// read-only `mock.world` view, and paging 100 000 seeded customers. Through the packed package.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startMockServer } from 'wecom-external-contact/mock-server';
import { startWorld, assertErrcode } from './world-helpers.mjs';

/** The answers a CRM sync reads first, as JSON text without errmsg (same for the same world). */
async function fingerprint(wecom) {
  const follow = await wecom.get('externalcontact/get_follow_user_list');
  const list = await wecom.get('externalcontact/list', { userid: follow.follow_user[0] });
  const one = await wecom.get('externalcontact/get', { external_userid: list.external_userid[0] });
  const batch = await wecom.post('externalcontact/batch/get_by_user', { userid_list: follow.follow_user.slice(0, 3), limit: 100 });
  const tags = await wecom.post('externalcontact/get_corp_tag_list', {});
  const strategy = await wecom.post('externalcontact/get_strategy_tag_list', {});
  return JSON.stringify([follow, list, one, batch, tags, strategy]);
}

describe('issue 11: the world is deterministic', () => {
  test('same seed and sizes give byte-identical answers', async () => {
    const a = await startWorld({ seed: 7, world: { customers: 300 } });
    const b = await startWorld({ seed: 7, world: { customers: 300 } });
    try {
      const fa = await fingerprint(a.wecom);
      assert.equal(fa, await fingerprint(b.wecom));
      assert.ok(fa.includes('external_contact_list'), 'the fingerprint holds real answers');
      assert.deepEqual(a.mock.world.customerIds(), b.mock.world.customerIds());
    } finally {
      await Promise.all([a.mock.close(), b.mock.close()]);
    }
  });

  test('another seed gives another world', async () => {
    const a = await startWorld({ seed: 7, world: { customers: 300 } });
    const b = await startWorld({ seed: 8, world: { customers: 300 } });
    try {
      assert.notEqual(await fingerprint(a.wecom), await fingerprint(b.wecom));
      assert.notDeepEqual(a.mock.world.customerIds(), b.mock.world.customerIds());
      // zhangsan and lisi lead the follow users in every world.
      const follow = await b.wecom.get('externalcontact/get_follow_user_list');
      assert.deepEqual(follow.follow_user.slice(0, 2), ['zhangsan', 'lisi']);
    } finally {
      await Promise.all([a.mock.close(), b.mock.close()]);
    }
  });

  test('a size of one part does not change the others (customers keep their ids when groupChats changes)', async () => {
    const a = await startWorld({ seed: 3, world: { customers: 50, groupChats: 1 } });
    const b = await startWorld({ seed: 3, world: { customers: 50, groupChats: 40 } });
    try {
      assert.deepEqual(a.mock.world.customerIds(), b.mock.world.customerIds());
      assert.equal(b.mock.world.groupChatIds().length, 40);
    } finally {
      await Promise.all([a.mock.close(), b.mock.close()]);
    }
  });
});

describe('issue 11: world options are checked', () => {
  const bad = [
    [{ seed: 1.5 }, TypeError, /seed must be an integer/],
    [{ seed: '7' }, TypeError, /seed must be an integer/],
    [{ seed: -1 }, RangeError, /seed must be between/],
    [{ seed: 2 ** 32 }, RangeError, /seed must be between/],
    [{ world: 5 }, TypeError, /world must be an object/],
    [{ world: { customer: 10 } }, TypeError, /world\.customer is not a world size/],
    [{ world: { customers: 1_000_001 } }, RangeError, /world\.customers must be between 0 and 1000000/],
    [{ world: { customers: 10.5 } }, TypeError, /world\.customers must be an integer/],
    [{ world: { members: 10_001 } }, RangeError, /world\.members/],
    [{ world: { members: 1 } }, RangeError, /world\.members/],
    [{ world: { tagGroups: 600, tagsPerGroup: 5 } }, RangeError, /3000 tags/],
    [{ world: { followersOfBusiest: 600 } }, RangeError, /followersOfBusiest \(600\) exceeds/],
    [{ followUsers: [], world: { members: 3 } }, RangeError, /customers need a member/],
  ];
  for (const [options, Class, message] of bad) {
    test(`${JSON.stringify(options)} is refused with ${Class.name}`, async () => {
      await assert.rejects(startMockServer(options), (err) => err instanceof Class && message.test(err.message));
    });
  }

  test('a world without customers needs nobody to follow them', async () => {
    const { mock, wecom } = await startWorld({ followUsers: [], world: { members: 3, customers: 0, groupChats: 0 } });
    try {
      assert.deepEqual((await wecom.get('externalcontact/get_follow_user_list')).follow_user, []);
      assert.equal(mock.world.customerIds().length, 0);
    } finally {
      await mock.close();
    }
  });
});

describe('issue 11: the world as seeded', () => {
  test('members: follow users first, some without 客户联系, some resigned owning customers and a group chat', async () => {
    const { mock, wecom } = await startWorld({ seed: 5 });
    try {
      const members = mock.world.members();
      assert.equal(members.length, 20);
      assert.deepEqual(members.slice(0, 2).map((m) => m.userid), ['zhangsan', 'lisi']);
      const resigned = members.filter((m) => m.status === 'resigned');
      const without = members.filter((m) => m.status === 'active' && !m.follow);
      assert.ok(resigned.length >= 1 && without.length >= 1);
      for (const m of resigned) assert.ok(Number.isInteger(m.dimission_time));
      assert.ok(resigned.some((m) => mock.world.customersOf(m.userid).length > 0), 'a resigned member owns customers');
      const owners = mock.world.groupChatIds().map((id) => mock.world.groupChat(id).owner);
      assert.ok(owners.some((o) => resigned.some((m) => m.userid === o)), 'a resigned member owns a group chat');
      const follow = (await wecom.get('externalcontact/get_follow_user_list')).follow_user;
      assert.deepEqual(follow, members.filter((m) => m.status === 'active' && m.follow).map((m) => m.userid));
    } finally {
      await mock.close();
    }
  });

  test('followUsers names exactly the follow users', async () => {
    const { mock, wecom } = await startWorld({ followUsers: ['alice', 'bob'] });
    try {
      assert.deepEqual((await wecom.get('externalcontact/get_follow_user_list')).follow_user, ['alice', 'bob']);
      assert.ok(mock.world.customersOf('alice').length > 0);
    } finally {
      await mock.close();
    }
  });

  test('customers: WeCom-like unique ids, every one followed', async () => {
    const { mock } = await startWorld({ seed: 9, world: { customers: 2000 } });
    try {
      const ids = mock.world.customerIds();
      assert.equal(new Set(ids).size, 2000);
      for (const id of ids) assert.match(id, /^w[mo][A-Za-z0-9]{30}$/);
      const sample = ids.slice(0, 200).map((id) => mock.world.customer(id));
      for (const c of sample) {
        assert.ok(c.follow_user.length >= 1);
        assert.equal(c.type === 1, c.external_userid.startsWith('wm'));
      }
    } finally {
      await mock.close();
    }
  });

  test('mock.world hands out frozen copies, not the world itself', async () => {
    const { mock, wecom } = await startWorld();
    try {
      const id = mock.world.customerIds()[1];
      const c = mock.world.customer(id);
      assert.ok(Object.isFrozen(c) && Object.isFrozen(c.follow_user[0]));
      assert.throws(() => { c.follow_user[0].remark = 'changed'; }, TypeError);
      const answer = await wecom.get('externalcontact/get', { external_userid: id });
      assert.equal(answer.follow_user[0].remark, mock.world.customer(id).follow_user[0].remark);
    } finally {
      await mock.close();
    }
  });

  test('reset() seeds the world anew (changes are gone, ids are the same)', async () => {
    const { mock, wecom } = await startWorld({ seed: 4 });
    try {
      const before = mock.world.customerIds();
      const userid = 'zhangsan';
      const id = mock.world.customersOf(userid)[0];
      assertErrcode(await wecom.post('externalcontact/remark', { userid, external_userid: id, remark: '改过' }), 0);
      assert.equal(mock.world.customer(id).follow_user.find((f) => f.userid === userid).remark, '改过');
      mock.reset();
      const fresh = await startWorld({ seed: 4 });
      try {
        assert.deepEqual(mock.world.customerIds(), before);
        assert.deepEqual(mock.world.customer(id), fresh.mock.world.customer(id));
      } finally {
        await fresh.mock.close();
      }
    } finally {
      await mock.close();
    }
  });
});

describe('issue 11: size', () => {
  test('{ customers: 100_000 } seeds, and client.paginate over batch/get_by_user yields exactly 100 000 distinct customers', async () => {
    // Three members: no resigned member (their customers are not in batch/get_by_user), all follow.
    const { mock, wecom, client } = await startWorld({ seed: 11, world: { customers: 100_000, members: 3 } });
    try {
      assert.equal(mock.world.sizes.customers, 100_000);
      const follow = (await wecom.get('externalcontact/get_follow_user_list')).follow_user;
      assert.equal(follow.length, 3);
      const seen = new Set();
      let relations = 0;
      for await (const item of client.paginate('externalcontact/batch/get_by_user', { userid_list: follow, limit: 100 })) {
        seen.add(item.external_contact.external_userid);
        relations += 1;
      }
      assert.equal(seen.size, 100_000);
      assert.ok(relations >= 100_000);
    } finally {
      await mock.close();
    }
  });
});
