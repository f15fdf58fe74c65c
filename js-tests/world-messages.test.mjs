// issue 12: mass messages (企业群发) in the look-alike's world, through the packed package —
// add_msg_template resolves recipients from the world (external_userid, sender, tag_filter, group
// chats), tasks wait (status 0) until the member confirms (mock.confirmGroupMsg or
// POST /__mock/confirm_groupmsg) or 24 h pass on the clock, the 1-a-day receive quota, the records
// (get_groupmsg_list_v2, get_groupmsg_task, get_groupmsg_send_result with cursors), remind (3 per
// 24 h), cancel and the legacy get_group_msg_result. The clock is pinned (`now`), so only
// advanceTime moves it. The SDK makes one call per endpoint (sdkCall: the declared form once the
// endpoint is declared); the look-alike's own checks are asked directly (no SDK validation between).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertErrcode, sdkCall, startWorld } from './world-helpers.mjs';

/** A fixed instant (whole seconds), so that 24 h boundaries are exact. */
const T0_MS = 1_760_000_000_000;
const T0 = T0_MS / 1000;
const DAY = 86_400;
const EC = 'externalcontact/';

/** A fresh world for one test (closed after it). */
async function world(t, options = {}) {
  // Tokens outlive the clock's jumps, so the direct caller's token keeps working.
  const w = await startWorld({ seed: 12, now: () => T0_MS, tokenTtlSeconds: 400 * DAY, ...options });
  t.after(() => w.mock.close());
  return w;
}

/** The first corp tag that some of `userid`'s customers carry, and those customers. */
function taggedSegment(mock, userid) {
  const counts = new Map();
  for (const id of mock.world.customersOf(userid)) {
    const follow = mock.world.customer(id).follow_user.find((f) => f.userid === userid);
    for (const tag of follow.tags) counts.set(tag, [...(counts.get(tag) ?? []), id]);
  }
  const [tagId, ids] = [...counts].sort((a, b) => b[1].length - a[1].length)[0];
  return { tagId, ids };
}

/** Every send result of a member through get_groupmsg_send_result's cursor (limit 1 to walk it). */
async function sendResults(wecom, msgid, userid, limit = 1000) {
  const out = [];
  let cursor = '';
  do {
    const answer = await wecom.post(`${EC}get_groupmsg_send_result`, { msgid, userid, limit, cursor });
    assertErrcode(answer, 0, 'get_groupmsg_send_result');
    out.push(...answer.send_list);
    cursor = answer.next_cursor;
  } while (cursor !== '');
  return out;
}

test('issue 12: a mass message to a tag segment has one task per member and one send result per customer, and its results change when the member confirms', async (t) => {
  const { mock, wecom, client } = await world(t);
  const { tagId, ids } = taggedSegment(mock, 'zhangsan');
  const image = mock.world.mediaIds().find((m) => m.type === 'image').media_id;
  const created = await sdkCall(client, `${EC}add_msg_template`, {
    sender: 'zhangsan',
    tag_filter: { group_list: [{ tag_list: [tagId] }] },
    text: { content: '双十一活动' },
    attachments: [{ msgtype: 'image', image: { media_id: image } }],
  });
  assert.deepEqual(created.fail_list, []);
  assert.match(created.msgid, /^msg/);
  const task = await sdkCall(client, `${EC}get_groupmsg_task`, { msgid: created.msgid });
  assert.deepEqual(task.task_list, [{ userid: 'zhangsan', status: 0 }]);
  const before = await sdkCall(client, `${EC}get_groupmsg_send_result`, { msgid: created.msgid, userid: 'zhangsan' });
  assert.deepEqual(before.send_list.map((r) => r.external_userid).sort(), [...ids].sort());
  assert.ok(before.send_list.every((r) => r.status === 0 && r.send_time === undefined));

  const confirmed = mock.confirmGroupMsg(created.msgid, 'zhangsan');
  assert.deepEqual(confirmed, { msgid: created.msgid, userid: 'zhangsan', status: 2, send_time: T0, sent: ids.length, failed: 0 });
  const after = await sendResults(wecom, created.msgid, 'zhangsan', 1);
  assert.equal(after.length, ids.length, 'limit 1 walks every result through the cursor');
  assert.ok(after.every((r) => r.status === 1 && r.send_time === T0));
  assert.deepEqual((await wecom.post(`${EC}get_groupmsg_task`, { msgid: created.msgid })).task_list, [{ userid: 'zhangsan', status: 2, send_time: T0 }]);
});

test('issue 12: without a sender each customer goes to its newest active follower; unknown customers are in fail_list', async (t) => {
  const { mock, wecom } = await world(t);
  const ids = mock.world.customerIds().slice(1, 30);
  const unknown = 'wm000000000000000000000000000000';
  const created = await wecom.post(`${EC}add_msg_template`, { external_userid: [...ids, unknown], text: { content: 'hi' } });
  assertErrcode(created, 0, 'add_msg_template');
  const expected = new Map();
  const fail = [unknown];
  for (const id of ids) {
    const followers = mock.world.customer(id).follow_user
      .filter((f) => { const m = mock.world.member(f.userid); return m.status === 'active' && m.follow; })
      .sort((a, b) => b.createtime - a.createtime);
    if (followers.length === 0) fail.push(id);
    else expected.set(followers[0].userid, [...(expected.get(followers[0].userid) ?? []), id]);
  }
  assert.deepEqual(created.fail_list.sort(), fail.sort());
  const tasks = (await wecom.post(`${EC}get_groupmsg_task`, { msgid: created.msgid, limit: 1 }));
  assert.equal(typeof tasks.next_cursor, 'string');
  const message = mock.world.massMessages()[0];
  assert.deepEqual(new Map(message.tasks.map((task) => [task.userid, task.results.map((r) => r.external_userid)])), expected);
});

test('issue 12: the receive quota — a customer gets one mass message a day: the second is status 3, the next day it is sent', async (t) => {
  const { mock, wecom } = await world(t);
  const id = mock.world.customersOf('zhangsan')[0];
  const send = async () => {
    const { msgid } = await wecom.post(`${EC}add_msg_template`, { sender: 'zhangsan', external_userid: [id], text: { content: 'x' } });
    mock.confirmGroupMsg(msgid, 'zhangsan');
    return (await sendResults(wecom, msgid, 'zhangsan'))[0].status;
  };
  assert.equal(await send(), 1);
  assert.equal(await send(), 3);
  mock.advanceTime(DAY);
  assert.equal(await send(), 1);
});

test('issue 12: a task nobody confirms is sent 24 h after creation on the look-alike clock', async (t) => {
  const { mock, wecom } = await world(t);
  const { msgid } = await wecom.post(`${EC}add_msg_template`, { sender: 'lisi', text: { content: '提醒' } });
  mock.advanceTime(DAY - 1);
  assert.equal((await wecom.post(`${EC}get_groupmsg_task`, { msgid })).task_list[0].status, 0);
  mock.advanceTime(1);
  assert.deepEqual((await wecom.post(`${EC}get_groupmsg_task`, { msgid })).task_list[0], { userid: 'lisi', status: 2, send_time: T0 + DAY });
  assert.ok(mock.world.massMessages()[0].tasks[0].results.every((r) => r.status === 1));
});

test('issue 12: group mass messages go to the sender\'s own chats (sender required), only sent chats are results', async (t) => {
  const { mock, wecom } = await world(t);
  assertErrcode(await wecom.post(`${EC}add_msg_template`, { chat_type: 'group', text: { content: 'x' } }), 40058, 'group without sender');
  const chats = mock.world.groupChatIds().map((id) => mock.world.groupChat(id));
  const owner = chats.find((c) => c.status === 0).owner;
  const own = chats.filter((c) => c.owner === owner).map((c) => c.chat_id);
  const other = chats.find((c) => c.owner !== owner).chat_id;
  const created = await wecom.post(`${EC}add_msg_template`, { chat_type: 'group', sender: owner, chat_id_list: [...own, other], text: { content: '群发' } });
  assertErrcode(created, 0, 'group add_msg_template');
  assert.deepEqual(created.fail_list, [other]);
  assert.deepEqual(await sendResults(wecom, created.msgid, owner), [], 'nothing sent yet');
  await fetch(`${mock.url}/__mock/confirm_groupmsg`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ msgid: created.msgid, userid: owner }),
  }).then(async (r) => assert.equal((await r.json()).sent, own.length));
  assert.deepEqual((await sendResults(wecom, created.msgid, owner)).map((r) => r.chat_id), own);
});

test('issue 12: get_groupmsg_list_v2 lists by chat_type and time range (≤ 1 month) and pages by cursor', async (t) => {
  const { mock, wecom, client } = await world(t);
  const made = [];
  for (let i = 0; i < 3; i += 1) {
    made.push((await wecom.post(`${EC}add_msg_template`, { sender: 'zhangsan', text: { content: `m${i}` } })).msgid);
    mock.advanceTime(3600);
  }
  const range = { chat_type: 'single', start_time: T0 - DAY, end_time: T0 + DAY };
  const first = await sdkCall(client, `${EC}get_groupmsg_list_v2`, { ...range, limit: 2 });
  assert.deepEqual(first.group_msg_list.map((m) => m.msgid), made.slice(0, 2));
  assert.deepEqual(first.group_msg_list[1], { msgid: made[1], create_time: T0 + 3600, create_type: 0, text: { content: 'm1' }, attachments: [] });
  const second = await wecom.post(`${EC}get_groupmsg_list_v2`, { ...range, limit: 2, cursor: first.next_cursor });
  assert.deepEqual(second.group_msg_list.map((m) => m.msgid), [made[2]]);
  assert.equal(second.next_cursor, '');
  assert.deepEqual((await wecom.post(`${EC}get_groupmsg_list_v2`, { ...range, chat_type: 'group' })).group_msg_list, []);
  assert.deepEqual((await wecom.post(`${EC}get_groupmsg_list_v2`, { ...range, start_time: T0 + 1, end_time: T0 + 3600 })).group_msg_list.map((m) => m.msgid), [made[1]]);
  assertErrcode(await wecom.post(`${EC}get_groupmsg_list_v2`, { ...range, end_time: T0 - DAY + 32 * DAY }), 40058, 'a range over a month');
  assertErrcode(await wecom.post(`${EC}get_groupmsg_list_v2`, { ...range, end_time: T0 - 2 * DAY }), 40058, 'end before start');
  assertErrcode(await wecom.post(`${EC}get_groupmsg_list_v2`, { ...range, cursor: 'forged-cursor-0000000000' }), 40058, 'a forged cursor');
});

test('issue 12: remind_groupmsg_send 3 times in 24 h then 41094; cancel_groupmsg_send stops the message (41093)', async (t) => {
  const { mock, wecom, client } = await world(t);
  const { msgid } = await wecom.post(`${EC}add_msg_template`, { sender: 'zhangsan', text: { content: 'x' } });
  await sdkCall(client, `${EC}remind_groupmsg_send`, { msgid });
  assertErrcode(await wecom.post(`${EC}remind_groupmsg_send`, { msgid }), 0, 'second reminder');
  assertErrcode(await wecom.post(`${EC}remind_groupmsg_send`, { msgid }), 0, 'third reminder');
  assertErrcode(await wecom.post(`${EC}remind_groupmsg_send`, { msgid }), 41094, 'fourth reminder');
  mock.advanceTime(DAY - 1);
  assertErrcode(await wecom.post(`${EC}remind_groupmsg_send`, { msgid }), 41094, 'still within 24 h');
  await sdkCall(client, `${EC}cancel_groupmsg_send`, { msgid });
  assertErrcode(await wecom.post(`${EC}cancel_groupmsg_send`, { msgid }), 41093, 'second cancel');
  assertErrcode(await wecom.post(`${EC}remind_groupmsg_send`, { msgid }), 41093, 'remind after cancel');
  assert.throws(() => mock.confirmGroupMsg(msgid, 'zhangsan'), RangeError);
  mock.advanceTime(DAY);
  assert.equal((await wecom.post(`${EC}get_groupmsg_task`, { msgid })).task_list[0].status, 0, 'a cancelled message is never sent');
});

test('issue 12: the legacy get_group_msg_result answers the results (10 000 a page by default, a member\'s with userid)', async (t) => {
  const { mock, wecom, client } = await world(t);
  const { msgid } = await sdkCall(client, `${EC}add_msg_template`, { sender: 'zhangsan', text: { content: 'x' } });
  mock.confirmGroupMsg(msgid, 'zhangsan');
  const answer = await sdkCall(client, `${EC}get_group_msg_result`, { msgid });
  assert.equal(answer.check_status, 1);
  assert.equal(answer.detail_list.length, mock.world.customersOf('zhangsan').length);
  assert.ok(answer.detail_list.every((r) => r.userid === 'zhangsan' && r.status === 1));
  assert.equal(answer.next_cursor, '');
  const first = await wecom.post(`${EC}get_group_msg_result`, { msgid, userid: 'zhangsan', limit: 2 });
  const rest = await wecom.post(`${EC}get_group_msg_result`, { msgid, userid: 'zhangsan', cursor: first.next_cursor });
  assert.deepEqual([...first.detail_list, ...rest.detail_list], answer.detail_list, 'limit and cursor page the same results');
  assert.deepEqual((await wecom.post(`${EC}get_group_msg_result`, { msgid, userid: 'lisi' })).detail_list, []);
});

test('issue 12: add_msg_template is checked like WeCom (40007 unknown media, 41064, 41065, 40068, 41048, 40058, 40003) and msgids like WeCom (41046, 41047)', async (t) => {
  const { mock, wecom } = await world(t);
  const post = (body) => wecom.post(`${EC}add_msg_template`, { sender: 'zhangsan', ...body });
  const text = { content: 'x' };
  assertErrcode(await post({ text, attachments: [{ msgtype: 'image', image: { media_id: 'no-such-media' } }] }), 40007, 'unknown media_id');
  assertErrcode(await post({ text, attachments: [{ msgtype: 'file', file: { media_id: 'no-such-media' } }] }), 40007, 'unknown file media_id');
  const link = { msgtype: 'link', link: { title: 't', url: 'https://example.com' } };
  assertErrcode(await post({ attachments: Array(9).fill(link) }), 0, '9 attachments');
  assertErrcode(await post({ attachments: Array(10).fill(link) }), 41064, '10 attachments');
  assertErrcode(await post({ attachments: [{ msgtype: 'voice', voice: {} }] }), 41065, 'msgtype voice');
  assertErrcode(await post({ attachments: [{ msgtype: 'link', link: { title: 't' } }] }), 40058, 'link without url');
  assertErrcode(await post({ text: { content: 'é'.repeat(2001) } }), 40058, 'text over 4000 bytes');
  assertErrcode(await post({}), 40058, 'neither text nor attachments');
  assertErrcode(await post({ text, tag_filter: { group_list: [{ tag_list: ['etnosuchtag'] }] } }), 40068, 'unknown tag');
  assertErrcode(await post({ text, external_userid: ['wm000000000000000000000000000000'] }), 41048, 'nobody to send to');
  assertErrcode(await wecom.post(`${EC}add_msg_template`, { text }), 40058, 'neither external_userid nor sender');
  assertErrcode(await post({ text, sender: 'nobody-here' }), 40003, 'unknown sender');
  assertErrcode(await post({ text, external_userid: Array(10_001).fill('wm') }), 40058, 'over 10000 customers');
  assertErrcode(await wecom.post(`${EC}get_groupmsg_task`, {}), 41046, 'msgid missing');
  assertErrcode(await wecom.post(`${EC}get_groupmsg_task`, { msgid: 'msgnosuch' }), 41047, 'msgid unknown');
  assertErrcode(await wecom.post(`${EC}get_groupmsg_send_result`, { msgid: 'msgnosuch', userid: 'zhangsan' }), 41047, 'send_result msgid unknown');
  assert.equal(mock.world.massMessages().length, 1, 'only the message with 9 attachments was stored');
});

test('issue 12: confirm_groupmsg over HTTP refuses bad input with 400 and changes nothing', async (t) => {
  const { mock, wecom } = await world(t);
  const { msgid } = await wecom.post(`${EC}add_msg_template`, { sender: 'zhangsan', text: { content: 'x' } });
  const confirm = (body) => fetch(`${mock.url}/__mock/confirm_groupmsg`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal((await confirm({ msgid: 'msgnosuch', userid: 'zhangsan' })).status, 400);
  assert.equal((await confirm({ msgid, userid: 'lisi' })).status, 400, 'lisi has no task in it');
  assert.equal((await confirm({ msgid })).status, 400);
  assert.throws(() => mock.confirmGroupMsg(msgid, 42), TypeError);
  assert.equal(mock.world.massMessages()[0].tasks[0].status, 0);
});

test('issue 12: msgids are the same for the same seed and request sequence, and reset() forgets the messages', async (t) => {
  const a = await world(t);
  const b = await world(t);
  const body = { sender: 'zhangsan', text: { content: 'x' } };
  const first = await a.wecom.post(`${EC}add_msg_template`, body);
  assert.deepEqual(await b.wecom.post(`${EC}add_msg_template`, body), first);
  a.mock.reset();
  assert.deepEqual(a.mock.world.massMessages(), []);
});

test('issue 12: client.paginate walks a mass message\'s tasks and send results, client.pages the message list', async (t) => {
  const { mock, client } = await world(t);
  const created = await client.addMsgTemplate({ external_userid: mock.world.customerIds().slice(0, 60), text: { content: 'paging' } });
  const tasks = [];
  for await (const task of client.paginate(`${EC}get_groupmsg_task`, { msgid: created.msgid, limit: 2 })) tasks.push(task);
  const stored = mock.world.massMessages()[0].tasks;
  assert.deepEqual(tasks.map((task) => task.userid), stored.map((task) => task.userid));
  const busiest = stored.reduce((a, b) => (b.results.length > a.results.length ? b : a));
  mock.confirmGroupMsg(created.msgid, busiest.userid);
  const results = [];
  for await (const r of client.paginate(`${EC}get_groupmsg_send_result`, { msgid: created.msgid, userid: busiest.userid, limit: 1 })) results.push(r);
  assert.deepEqual(results.map((r) => [r.external_userid, r.status]), busiest.results.map((r) => [r.external_userid, 1]));
  await client.addMsgTemplate({ sender: 'zhangsan', text: { content: 'second' } });
  const pages = [];
  for await (const page of client.pages(`${EC}get_groupmsg_list_v2`, { chat_type: 'single', start_time: T0 - DAY, end_time: T0 + DAY, limit: 1 })) pages.push(page);
  assert.deepEqual(pages.map((p) => p.group_msg_list.map((m) => m.msgid)), mock.world.massMessages().map((m) => [m.msgid]));
});
