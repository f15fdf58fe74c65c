// issue 12: statistics computed from the look-alike's world, through the packed package —
// get_user_behavior_data counts the follow relations members made per day, groupchat/statistic and
// statistic_group_by_day the chats and joins of their owners; they add up to what mock.world holds.
// Day-range rules (≤ 30 days, within 180 days, begin ≤ end, group statistics before today) answer
// 40058. The clock is pinned just after the seeded world's epoch (2024-01-01), where its data lies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertErrcode, sdkCall, startWorld } from './world-helpers.mjs';

const T0_MS = 1_704_067_200_000 + 12 * 3600_000;
const T0 = T0_MS / 1000;
const DAY = 86_400;

/** China midnight (UTC+8) of the day holding `t`. */
const dayStart = (t) => Math.floor((t + 8 * 3600) / DAY) * DAY - 8 * 3600;

let mock;
let wecom;
let client;

before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 12, now: () => T0_MS, world: { customers: 2000, groupChats: 60 } }));
});
after(() => mock?.close());

/** One SDK call (path after `externalcontact/`). */
function call(path, body) {
  return sdkCall(client, `externalcontact/${path}`, body);
}

/** Asks the look-alike directly and checks it answers `errcode`. */
async function refused(path, body, errcode) {
  assertErrcode(await wecom.post(`externalcontact/${path}`, body), errcode, `${path} ${JSON.stringify(body).slice(0, 100)}`);
}

/** The group chats of the world, as stored. */
function chats() {
  return mock.world.groupChatIds().map((id) => mock.world.groupChat(id));
}

test('issue 12: get_user_behavior_data adds up to the follow relations the members made each day', async () => {
  const userids = mock.world.members().map((m) => m.userid).slice(0, 100);
  const first = dayStart(T0 - 30 * DAY);
  const last = dayStart(T0 - DAY);
  const expected = new Array((last - first) / DAY + 1).fill(0);
  for (const id of mock.world.customerIds()) {
    for (const f of mock.world.customer(id).follow_user) {
      if (userids.includes(f.userid) && f.createtime >= first && f.createtime < last + DAY) expected[Math.floor((f.createtime - first) / DAY)] += 1;
    }
  }
  assert.ok(expected.reduce((a, b) => a + b) > 0, 'the window holds new customers');
  const { behavior_data: data } = await call('get_user_behavior_data', { userid: userids, start_time: T0 - 30 * DAY, end_time: T0 - DAY });
  assert.deepEqual(data.map((d) => d.stat_time), expected.map((_, i) => first + i * DAY));
  assert.deepEqual(data.map((d) => d.new_contact_cnt), expected);
  for (const d of data) {
    assert.equal(d.chat_cnt, d.new_contact_cnt);
    assert.equal(d.new_apply_cnt, d.new_contact_cnt);
    assert.equal(d.message_cnt, 3 * d.chat_cnt);
    assert.equal(d.reply_percentage, d.chat_cnt > 0 ? 100 : undefined);
  }
  const byParty = await call('get_user_behavior_data', { partyid: [1], start_time: first, end_time: last });
  const inRoot = mock.world.members().filter((m) => m.department.includes(1)).map((m) => m.userid);
  const rootTotal = byParty.behavior_data.reduce((a, d) => a + d.new_contact_cnt, 0);
  let rootExpected = 0;
  for (const id of mock.world.customerIds()) {
    for (const f of mock.world.customer(id).follow_user) if (inRoot.includes(f.userid) && f.createtime >= first && f.createtime < last + DAY) rootExpected += 1;
  }
  assert.equal(rootTotal, rootExpected);
});

test('issue 12: groupchat/statistic counts each owner\'s chats and joins; offset pages it; order_by sorts', async () => {
  const owners = [...new Set(chats().map((c) => c.owner))].slice(0, 100);
  const first = dayStart(T0 - 30 * DAY);
  const end = dayStart(T0 - DAY) + DAY;
  const body = { day_begin_time: T0 - 30 * DAY, day_end_time: T0 - DAY, owner_filter: { userid_list: owners }, order_by: 2 };
  const all = await call('groupchat/statistic', { ...body, limit: 1000 });
  assert.equal(all.total, owners.length);
  assert.equal(all.items.length, owners.length);
  for (const { owner, data } of all.items) {
    const own = chats().filter((c) => c.owner === owner && c.create_time < end);
    assert.equal(data.chat_total, own.length, owner);
    assert.equal(data.new_chat_cnt, own.filter((c) => c.create_time >= first).length, owner);
    const joins = own.flatMap((c) => c.member_list.filter((m) => m.userid !== c.owner && m.join_time < end));
    assert.equal(data.member_total, joins.length, owner);
    assert.equal(data.new_member_cnt, joins.filter((m) => m.join_time >= first).length, owner);
  }
  assert.equal(all.items.reduce((a, i) => a + i.data.chat_total, 0), chats().filter((c) => c.create_time < end && owners.includes(c.owner)).length);
  const totals = all.items.map((i) => i.data.chat_total);
  assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'order_by 2, descending');
  const paged = [];
  let offset = 0;
  for (let pages = 0; pages < 200; pages += 1) {
    const answer = await call('groupchat/statistic', { ...body, offset, limit: 2 });
    if (answer.items.length === 0) break;
    paged.push(...answer.items);
    offset = answer.next_offset;
  }
  assert.deepEqual(paged, all.items);
  const asc = await call('groupchat/statistic', { ...body, order_asc: 1 });
  assert.deepEqual(asc.items.map((i) => i.data.chat_total), [...totals].sort((a, b) => a - b));
});

test('issue 12: statistic_group_by_day answers each day; its last day adds up to the owners\' totals', async () => {
  const owners = [...new Set(chats().map((c) => c.owner))].slice(0, 100);
  const body = { day_begin_time: T0 - 3 * DAY, day_end_time: T0 - DAY, owner_filter: { userid_list: owners } };
  const { items } = await call('groupchat/statistic_group_by_day', body);
  assert.deepEqual(items.map((i) => i.stat_time), [3, 2, 1].map((n) => dayStart(T0 - n * DAY)));
  const byOwner = await call('groupchat/statistic', { ...body, day_begin_time: T0 - DAY, limit: 1000 });
  const last = items[items.length - 1].data;
  assert.equal(last.chat_total, byOwner.items.reduce((a, i) => a + i.data.chat_total, 0));
  assert.equal(last.member_total, byOwner.items.reduce((a, i) => a + i.data.member_total, 0));
  assert.equal(last.chat_total, chats().filter((c) => c.create_time < dayStart(T0)).length);
});

test('issue 12: statistics refuse ranges over 30 days, older than 180 days, reversed, or (group chats) from today', async () => {
  const users = { userid: ['zhangsan'] };
  await refused('get_user_behavior_data', { ...users, start_time: T0 - 32 * DAY, end_time: T0 - DAY }, 40058);
  await refused('get_user_behavior_data', { ...users, start_time: T0 - 190 * DAY, end_time: T0 - 170 * DAY }, 40058);
  await refused('get_user_behavior_data', { ...users, start_time: T0 - DAY, end_time: T0 - 2 * DAY }, 40058);
  await refused('get_user_behavior_data', { start_time: T0 - 2 * DAY, end_time: T0 - DAY }, 40058);
  await refused('get_user_behavior_data', { userid: Array.from({ length: 101 }, (_, i) => `u${i}`), start_time: T0 - 2 * DAY, end_time: T0 - DAY }, 40058);
  await refused('get_user_behavior_data', { userid: ['nobody-here'], start_time: T0 - 2 * DAY, end_time: T0 - DAY }, 40003);
  await refused('get_user_behavior_data', { partyid: [9999], start_time: T0 - 2 * DAY, end_time: T0 - DAY }, 60123);
  await refused('get_user_behavior_data', { ...users, end_time: T0 - DAY }, 40058);
  assertErrcode(await wecom.post('externalcontact/get_user_behavior_data', { ...users, start_time: T0 - 30 * DAY, end_time: T0 }), 0, '30 days');
  const owners = { owner_filter: { userid_list: ['zhangsan'] } };
  await refused('groupchat/statistic', { ...owners, day_begin_time: T0 }, 40058);
  await refused('groupchat/statistic', { ...owners, day_begin_time: T0 - 40 * DAY, day_end_time: T0 - DAY }, 40058);
  await refused('groupchat/statistic', { ...owners, day_begin_time: T0 - 181 * DAY }, 40058);
  await refused('groupchat/statistic', { day_begin_time: T0 - DAY }, 40058);
  await refused('groupchat/statistic', { owner_filter: { userid_list: Array.from({ length: 101 }, () => 'zhangsan') }, day_begin_time: T0 - DAY }, 40058);
  await refused('groupchat/statistic', { ...owners, day_begin_time: T0 - DAY, order_by: 5 }, 40058);
  await refused('groupchat/statistic', { ...owners, day_begin_time: T0 - DAY, limit: 1001 }, 40058);
  await refused('groupchat/statistic_group_by_day', { ...owners, day_begin_time: T0 - 2 * DAY, day_end_time: T0 - 3 * DAY }, 40058);
  const one = await wecom.post('externalcontact/groupchat/statistic_group_by_day', { ...owners, day_begin_time: T0 - 2 * DAY });
  assertErrcode(one, 0, 'day_end_time defaults to the begin day');
  assert.equal(one.items.length, 1);
});
