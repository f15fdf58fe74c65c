// issue 12: the strategy trees of the look-alike's world, through the packed package — customer
// strategies (规则组: the world's strategy ids, the ones strategy tags belong to) and moment
// strategies: a tree by parent_id whose children stay inside their parent's range and privileges,
// ranges paged by cursor, WeCom's limits (≤ 20 admins, ≤ 100 range nodes a call, 5 levels).
// Valid calls go through the SDK (sdkCall); the look-alike's own checks are asked directly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertErrcode, directCaller, everyItem, sdkCall, startWorld } from './world-helpers.mjs';

let mock;
let wecom;
let client;

before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 12, world: { members: 40, departments: 6 } }));
});
after(() => mock?.close());

test.beforeEach(async () => {
  mock.reset();
  wecom = await directCaller(mock);
});

/** One SDK call (path after `externalcontact/`). */
function call(path, body) {
  return sdkCall(client, `externalcontact/${path}`, body);
}

/** Asks the look-alike directly and checks it answers `errcode`. */
async function refused(path, body, errcode) {
  assertErrcode(await wecom.post(`externalcontact/${path}`, body), errcode, `${path} ${JSON.stringify(body).slice(0, 80)}`);
}

/** Every item of a cursor-paged list, through `client.paginate`. */
const walk = (path, body) => everyItem(client, `externalcontact/${path}`, body);

/** Active members of the world (userids), in world order. */
function activeMembers() {
  return mock.world.members().filter((m) => m.status === 'active').map((m) => m.userid);
}

test('issue 12: the world\'s strategy ids are the first-level customer strategies, named after their strategy tag groups', async () => {
  const ids = (await walk('customer_strategy/list', { limit: 1 }, 'strategy')).map((s) => s.strategy_id);
  assert.deepEqual(ids, [...mock.world.strategies()]);
  assert.ok(ids.length > 0);
  for (const id of ids) {
    const { strategy } = await call('customer_strategy/get', { strategy_id: id });
    assert.equal(strategy.parent_id, 0);
    const group = mock.world.tagGroups().find((g) => g.strategy_id === id);
    assert.equal(strategy.strategy_name, group.group_name);
    assert.equal(strategy.privilege.join_room, true);
  }
  assert.deepEqual((await call('customer_strategy/get_range', { strategy_id: ids[0] })).range, [{ type: 2, partyid: 1 }]);
});

test('issue 12: a child strategy stays inside its parent\'s range and privileges; del removes its subtree', async () => {
  const [admin, a, b, c] = activeMembers();
  const { strategy_id: child } = await call('customer_strategy/create', {
    parent_id: 1, strategy_name: '华东', admin_list: [admin], range: [{ type: 1, userid: a }, { type: 1, userid: b }, { type: 1, userid: c }],
  });
  assert.ok(mock.world.strategies().includes(child), 'the new id is a strategy of the world');
  const range = await walk('customer_strategy/get_range', { strategy_id: child, limit: 1 }, 'range');
  assert.deepEqual(range, [{ type: 1, userid: a }, { type: 1, userid: b }, { type: 1, userid: c }]);
  await call('customer_strategy/edit', { strategy_id: 1, privilege: { send_group_msg: false } });
  const { strategy } = await call('customer_strategy/get', { strategy_id: child });
  assert.equal(strategy.parent_id, 1);
  assert.equal(strategy.privilege.send_group_msg, false, 'the parent lacks it');
  assert.equal(strategy.privilege.rapid_reply, true);
  await refused('customer_strategy/create', { parent_id: child, strategy_name: '外', admin_list: [admin], range: [{ type: 1, userid: admin }] }, 40058);
  await call('customer_strategy/edit', { strategy_id: child, range_del: [{ type: 1, userid: b }], range_add: [{ type: 2, partyid: 1 }] });
  assert.deepEqual((await call('customer_strategy/get_range', { strategy_id: child })).range, [{ type: 1, userid: a }, { type: 1, userid: c }, { type: 2, partyid: 1 }]);
  const { strategy_id: grandchild } = await call('customer_strategy/create', { parent_id: child, strategy_name: '上海', admin_list: [admin] });
  await call('customer_strategy/del', { strategy_id: child });
  const left = (await walk('customer_strategy/list', {}, 'strategy')).map((s) => s.strategy_id);
  assert.ok(!left.includes(child) && !left.includes(grandchild));
  assert.ok(!mock.world.strategies().includes(grandchild));
  await refused('customer_strategy/get', { strategy_id: grandchild }, 40058);
});

test('issue 12: a new customer strategy takes strategy tags', async () => {
  const [admin] = activeMembers();
  const { strategy_id } = await call('customer_strategy/create', { strategy_name: '新规则组', admin_list: [admin] });
  assertErrcode(await wecom.post('externalcontact/add_strategy_tag', { strategy_id, group_name: '新标签组', tag: [{ name: '甲' }] }), 0);
  await call('customer_strategy/del', { strategy_id });
  await refused('add_strategy_tag', { strategy_id, group_name: '再来', tag: [{ name: '乙' }] }, 40058);
});

test('issue 12: strategy requests answer WeCom\'s errcodes (admins ≤ 20, range ≤ 100 a call, 5 levels)', async () => {
  const members = activeMembers();
  const admin = members[0];
  await refused('customer_strategy/create', { strategy_name: 'x', admin_list: members.slice(0, 21) }, 40058);
  await refused('customer_strategy/create', { strategy_name: 'x' }, 40058);
  await refused('customer_strategy/create', { admin_list: [admin] }, 40058);
  await refused('customer_strategy/create', { strategy_name: 'x', admin_list: ['nobody-here'] }, 40003);
  await refused('customer_strategy/create', { strategy_name: 'x', admin_list: [admin], range: Array.from({ length: 101 }, () => ({ type: 2, partyid: 1 })) }, 40058);
  await refused('customer_strategy/create', { strategy_name: 'x', admin_list: [admin], range: [{ type: 2, partyid: 9999 }] }, 60123);
  await refused('customer_strategy/create', { strategy_name: 'x', admin_list: [admin], range: [{ type: 3, userid: admin }] }, 40058);
  await refused('customer_strategy/create', { strategy_name: 'x', admin_list: [admin], privilege: { send_moment: 'yes', rapid_reply: 1 } }, 40058);
  await refused('customer_strategy/create', { parent_id: 999, strategy_name: 'x', admin_list: [admin] }, 40058);
  await refused('customer_strategy/get', {}, 40058);
  await refused('customer_strategy/get_range', { strategy_id: 1, cursor: 'not-a-cursor-of-this-world' }, 40058);
  await refused('customer_strategy/edit', { strategy_id: 999 }, 40058);
  const fifty = Array.from({ length: 51 }, () => ({ type: 2, partyid: 1 }));
  await refused('customer_strategy/edit', { strategy_id: 1, range_add: fifty, range_del: fifty }, 40058);
  await refused('customer_strategy/del', { strategy_id: 999 }, 40058);
  let parent = 1;
  for (let level = 2; level <= 5; level += 1) {
    ({ strategy_id: parent } = await call('customer_strategy/create', { parent_id: parent, strategy_name: `L${level}`, admin_list: [admin] }));
  }
  await refused('customer_strategy/create', { parent_id: parent, strategy_name: 'L6', admin_list: [admin] }, 40058);
});

test('issue 12: moment strategies form their own tree with the moment privileges', async () => {
  const [admin, a] = activeMembers();
  const seeded = (await walk('moment_strategy/list', {}, 'strategy')).map((s) => s.strategy_id);
  assert.deepEqual(seeded, [1]);
  const customerIds = [...mock.world.strategies()];
  const { strategy_id } = await call('moment_strategy/create', { parent_id: 1, strategy_name: '朋友圈A', admin_list: [admin], range: [{ type: 1, userid: a }] });
  const own = await wecom.post('externalcontact/moment_strategy/create', {
    parent_id: 1, strategy_name: '自带权限', admin_list: [admin], privilege: { send_moment: false },
  });
  assertErrcode(own, 0, 'a child with its own privileges');
  assert.equal((await call('moment_strategy/get', { strategy_id: own.strategy_id })).strategy.privilege.send_moment, true, 'a child\'s own privileges are ignored');
  await call('moment_strategy/edit', { strategy_id: 1, privilege: { send_moment: false } });
  const { strategy } = await call('moment_strategy/get', { strategy_id });
  assert.deepEqual(strategy.privilege, { view_moment_list: true, send_moment: false, manage_moment_cover_and_sign: true }, 'the parent\'s');
  assert.deepEqual(strategy.admin_list, [admin]);
  await call('moment_strategy/edit', { strategy_id, strategy_name: '朋友圈B', admin_list: [a] });
  const edited = (await call('moment_strategy/get', { strategy_id })).strategy;
  assert.equal(edited.strategy_name, '朋友圈B');
  assert.deepEqual(edited.admin_list, [a]);
  assert.deepEqual(mock.world.strategies(), customerIds, 'moment strategies are not customer strategies');
  await call('moment_strategy/del', { strategy_id });
  await call('moment_strategy/del', { strategy_id: own.strategy_id });
  assert.deepEqual((await walk('moment_strategy/list', {}, 'strategy')).map((s) => s.strategy_id), [1]);
});
