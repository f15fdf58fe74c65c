// Issue 11: the look-alike's tag library — corp and strategy tags, mark_tag — acting on the
// world, with WeCom's errcodes. Through the packed package.
import { test, describe, beforeEach, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld, assertErrcode, directCaller } from './world-helpers.mjs';

let mock;
let wecom;
let client;
before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 31, world: { customers: 300 } }));
});
after(() => mock.close());
// Each test starts from the seeded world; reset() also drops tokens, so a fresh direct caller
// (the SDK client gets a new token by itself).
beforeEach(async () => {
  mock.reset();
  wecom = await directCaller(mock);
});

const corpGroups = async () => (await wecom.post('externalcontact/get_corp_tag_list', {})).tag_group;

describe('issue 11: corp tags', () => {
  test('get_corp_tag_list answers the seeded corp groups (no strategy groups), larger order first', async () => {
    const res = await client.getCorpTagList({});
    assert.equal(res.tag_group.length, 4);
    for (const g of res.tag_group) {
      assert.equal(g.strategy_id, undefined);
      assert.equal(g.tag.length, 5);
      assert.match(g.group_id, /^et/);
    }
    const orders = res.tag_group.map((g) => g.order);
    assert.deepEqual(orders, [...orders].sort((a, b) => b - a));
  });

  test('get_corp_tag_list filters: group_id wins over tag_id; tag_id picks tags', async () => {
    const groups = await corpGroups();
    const [a, b] = groups;
    const byGroup = await wecom.post('externalcontact/get_corp_tag_list', { group_id: [b.group_id], tag_id: [a.tag[0].id] });
    assert.deepEqual(byGroup.tag_group.map((g) => g.group_id), [b.group_id]);
    const byTag = await wecom.post('externalcontact/get_corp_tag_list', { tag_id: [a.tag[1].id] });
    assert.deepEqual(byTag.tag_group.map((g) => g.tag.map((t) => t.id)), [[a.tag[1].id]]);
  });

  test('add_corp_tag creates a group (duplicate names collapse) and adds into an existing one by name', async () => {
    const res = await client.addCorpTag({ group_name: '会员等级', order: 9, tag: [{ name: '金卡' }, { name: '银卡', order: 2 }, { name: '金卡' }] });
    assert.equal(res.tag_group.group_name, '会员等级');
    assert.deepEqual(res.tag_group.tag.map((t) => t.name), ['金卡', '银卡']);
    const again = await wecom.post('externalcontact/add_corp_tag', { group_name: '会员等级', tag: [{ name: '银卡' }, { name: '铜卡' }] });
    assertErrcode(again, 0);
    assert.equal(again.tag_group.group_id, res.tag_group.group_id);
    assert.equal(again.tag_group.tag[0].id, res.tag_group.tag[1].id, 'an existing name is answered, not added twice');
    const group = (await corpGroups()).find((g) => g.group_id === res.tag_group.group_id);
    assert.deepEqual(group.tag.map((t) => t.name).sort(), ['金卡', '铜卡', '银卡'].sort());
  });

  test('add_corp_tag: 40068 unknown group_id, 40058 no tags / long names / bad order', async () => {
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { group_id: 'etNoSuchGroup', tag: [{ name: 'x' }] }), 40068);
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { group_name: 'g' }), 40058, 'no tag');
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { group_name: 'g', tag: [] }), 40058, 'empty tag');
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { group_name: 'g', tag: [{ name: 'n'.repeat(31) }] }), 40058, 'long tag name');
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { group_name: 'g'.repeat(31), tag: [{ name: 'x' }] }), 40058, 'long group name');
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { group_name: 'g', order: 2 ** 32, tag: [{ name: 'x' }] }), 40058, 'order');
    assertErrcode(await wecom.post('externalcontact/add_corp_tag', { tag: [{ name: 'x' }] }), 40058, 'no group');
  });

  test('add_corp_tag: more than 3000 tags in the corp → 40126', async () => {
    const small = await startWorld({ world: { tagGroups: 599, tagsPerGroup: 5, strategies: 0, customers: 10 } });
    try {
      assertErrcode(await small.wecom.post('externalcontact/add_corp_tag', { group_name: '满', tag: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }, { name: 'e' }] }), 0);
      assertErrcode(await small.wecom.post('externalcontact/add_corp_tag', { group_name: '满了', tag: [{ name: 'one more' }] }), 40126);
      assert.equal(small.mock.world.tagGroups().reduce((n, g) => n + g.tags.length, 0), 3000);
    } finally {
      await small.mock.close();
    }
  });

  test('edit_corp_tag renames and reorders tags and groups; 40071 name taken; 40068 unknown id', async () => {
    const [a, b] = await corpGroups();
    await client.editCorpTag({ id: a.tag[0].id, name: '新名字', order: 100 });
    await client.editCorpTag({ id: a.group_id, name: '新组名' });
    const after = (await corpGroups()).find((g) => g.group_id === a.group_id);
    assert.equal(after.group_name, '新组名');
    assert.equal(after.tag[0].name, '新名字', 'order 100 sorts it first');
    assertErrcode(await wecom.post('externalcontact/edit_corp_tag', { id: a.group_id, name: b.group_name }), 40071, 'group name taken');
    assertErrcode(await wecom.post('externalcontact/edit_corp_tag', { id: a.tag[1].id, name: a.tag[2].name }), 40071, 'tag name taken');
    assertErrcode(await wecom.post('externalcontact/edit_corp_tag', { id: 'etNoSuchTag', name: 'x' }), 40068);
    assertErrcode(await wecom.post('externalcontact/edit_corp_tag', { name: 'x' }), 40058, 'id missing');
  });

  test('del_corp_tag: deleting the last tag of a group deletes the group', async () => {
    const [a] = await corpGroups();
    await client.delCorpTag({ tag_id: a.tag.slice(0, 4).map((t) => t.id) });
    assert.deepEqual((await corpGroups()).find((g) => g.group_id === a.group_id).tag.map((t) => t.id), [a.tag[4].id]);
    assertErrcode(await wecom.post('externalcontact/del_corp_tag', { tag_id: [a.tag[4].id] }), 0);
    assert.equal((await corpGroups()).find((g) => g.group_id === a.group_id), undefined, 'the emptied group is gone');
    assertErrcode(await wecom.post('externalcontact/get_corp_tag_list', { group_id: [a.group_id] }), 0);
    assert.deepEqual((await wecom.post('externalcontact/get_corp_tag_list', { group_id: [a.group_id] })).tag_group, []);
  });

  test('del_corp_tag: a group by id; 40058 both lists empty; 40068 unknown id deletes nothing', async () => {
    const [a, b] = await corpGroups();
    assertErrcode(await wecom.post('externalcontact/del_corp_tag', {}), 40058);
    assertErrcode(await wecom.post('externalcontact/del_corp_tag', { group_id: [a.group_id, 'etNoSuchGroup'] }), 40068);
    assert.ok((await corpGroups()).some((g) => g.group_id === a.group_id), 'nothing deleted');
    assertErrcode(await wecom.post('externalcontact/del_corp_tag', { group_id: [b.group_id] }), 0);
    assert.ok(!(await corpGroups()).some((g) => g.group_id === b.group_id));
  });
});

describe('issue 11: mark_tag', () => {
  test('mark_tag shows in get and in batch/get_by_user', async () => {
    const [a, b] = await corpGroups();
    const id = mock.world.customersOf('zhangsan')[0];
    const strategyTag = (await wecom.post('externalcontact/get_strategy_tag_list', {})).tag_group[0].tag[0];
    await client.markTag({
      userid: 'zhangsan', external_userid: id, add_tag: [a.tag[0].id, b.tag[1].id, strategyTag.id],
    });
    const got = await wecom.get('externalcontact/get', { external_userid: id });
    const tags = got.follow_user.find((f) => f.userid === 'zhangsan').tags;
    assert.deepEqual(tags.find((t) => t.tag_id === a.tag[0].id), { group_name: a.group_name, tag_name: a.tag[0].name, type: 1, tag_id: a.tag[0].id });
    assert.equal(tags.find((t) => t.tag_id === strategyTag.id).type, 3, 'strategy tags are type 3');
    const batch = await wecom.post('externalcontact/batch/get_by_user', { userid_list: ['zhangsan'], limit: 1 });
    assert.equal(batch.external_contact_list[0].external_contact.external_userid, id);
    for (const t of [a.tag[0].id, b.tag[1].id, strategyTag.id]) assert.ok(batch.external_contact_list[0].follow_info.tag_id.includes(t));

    await client.markTag({ userid: 'zhangsan', external_userid: id, remove_tag: [b.tag[1].id] });
    const again = (await wecom.get('externalcontact/get', { external_userid: id })).follow_user.find((f) => f.userid === 'zhangsan');
    assert.ok(!again.tags.some((t) => t.tag_id === b.tag[1].id));
    assert.ok(again.tags.some((t) => t.tag_id === a.tag[0].id));
  });

  test('a deleted tag disappears from every customer', async () => {
    const [a] = await corpGroups();
    const id = mock.world.customersOf('lisi')[0];
    assertErrcode(await wecom.post('externalcontact/mark_tag', { userid: 'lisi', external_userid: id, add_tag: [a.tag[3].id] }), 0);
    assertErrcode(await wecom.post('externalcontact/del_corp_tag', { tag_id: [a.tag[3].id] }), 0);
    const f = (await wecom.get('externalcontact/get', { external_userid: id })).follow_user.find((x) => x.userid === 'lisi');
    assert.ok(!f.tags.some((t) => t.tag_id === a.tag[3].id));
  });

  test('mark_tag errcodes: 40068 unknown tag, 40058 nothing to do, 84061 not a follower, 40003 / 41035 / 40096', async () => {
    const id = mock.world.customersOf('zhangsan')[0];
    const notMine = mock.world.customerIds().find((c) => !mock.world.customer(c).follow_user.some((f) => f.userid === 'zhangsan'));
    const [a] = await corpGroups();
    assertErrcode(await wecom.post('externalcontact/mark_tag', { userid: 'zhangsan', external_userid: id, add_tag: ['etNoSuchTag'] }), 40068);
    assertErrcode(await wecom.post('externalcontact/mark_tag', { userid: 'zhangsan', external_userid: id }), 40058);
    assertErrcode(await wecom.post('externalcontact/mark_tag', { userid: 'zhangsan', external_userid: notMine, add_tag: [a.tag[0].id] }), 84061);
    assertErrcode(await wecom.post('externalcontact/mark_tag', { external_userid: id, add_tag: [a.tag[0].id] }), 40003);
    assertErrcode(await wecom.post('externalcontact/mark_tag', { userid: 'zhangsan', add_tag: [a.tag[0].id] }), 41035);
    assertErrcode(await wecom.post('externalcontact/mark_tag', { userid: 'zhangsan', external_userid: 'wmUnknown', add_tag: [a.tag[0].id] }), 40096);
  });
});

describe('issue 11: strategy tags', () => {
  test('get/add/edit/del_strategy_tag act on the strategies\' groups only', async () => {
    const list = await client.getStrategyTagList({});
    assert.equal(list.tag_group.length, 2);
    assert.deepEqual(list.tag_group.map((g) => g.strategy_id).sort(), [1, 2]);
    const one = await wecom.post('externalcontact/get_strategy_tag_list', { strategy_id: 2 });
    assert.deepEqual(one.tag_group.map((g) => g.strategy_id), [2]);

    const added = await client.addStrategyTag({ strategy_id: 1, group_name: '门店等级', tag: [{ name: 'A 类' }] });
    assert.equal(added.tag_group.strategy_id, 1);
    await client.editStrategyTag({ id: added.tag_group.tag[0].id, name: 'A+ 类' });
    const shown = (await wecom.post('externalcontact/get_strategy_tag_list', { strategy_id: 1 })).tag_group.find((g) => g.group_id === added.tag_group.group_id);
    assert.equal(shown.tag[0].name, 'A+ 类');
    assert.ok(!(await corpGroups()).some((g) => g.group_id === added.tag_group.group_id), 'not a corp group');

    // Scopes do not mix: corp endpoints refuse strategy ids and the other way round.
    assertErrcode(await wecom.post('externalcontact/edit_corp_tag', { id: added.tag_group.group_id, name: 'x' }), 40068);
    const [corp] = await corpGroups();
    assertErrcode(await wecom.post('externalcontact/del_strategy_tag', { group_id: [corp.group_id] }), 40068);

    await client.delStrategyTag({ tag_id: [added.tag_group.tag[0].id] });
    const gone = (await wecom.post('externalcontact/get_strategy_tag_list', {})).tag_group;
    assert.ok(!gone.some((g) => g.group_id === added.tag_group.group_id), 'its last tag took the group');
  });

  test('add_strategy_tag: 40058 strategy_id missing or unknown', async () => {
    assertErrcode(await wecom.post('externalcontact/add_strategy_tag', { group_name: 'g', tag: [{ name: 'x' }] }), 40058);
    assertErrcode(await wecom.post('externalcontact/add_strategy_tag', { strategy_id: 99, group_name: 'g', tag: [{ name: 'x' }] }), 40058);
  });
});
