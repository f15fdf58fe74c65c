// issue 11: customer group chats in the look-alike's world, through the packed package —
// groupchat/list (cursor, limit, status and owner filters), groupchat/get (need_name),
// opengid_to_chatid, and the owner changes: groupchat/onjob_transfer (at once) and
// groupchat/transfer (a resigned owner's chat: in transfer for 24 h, then transferred), with
// WeCom's per-chat errcodes in failed_chat_list. The clock is pinned (`now`). The SDK makes the
// calls a CRM would make (declared endpoints, generated methods, paginate / pages); the look-alike's
// own checks are asked directly (no SDK validation between).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clientFor, startMock } from './helpers.mjs';
import { assertErrcode, directCaller, startWorld } from './world-helpers.mjs';

const T0_MS = 1_760_000_000_000;
const DAY = 86_400;

let mock;
let wecom;
let client;

before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 21, now: () => T0_MS, world: { groupChats: 40 } }));
});
after(() => mock?.close());

/** One SDK call of a declared issue-11 endpoint (path after `externalcontact/`) on `c`. */
function call(path, body, c = client) {
  return c.request(`externalcontact/${path}`, body);
}

/** Asks the look-alike (`caller`, default this file's) directly and checks it answers `errcode`; returns the answer. */
async function refused(path, body, errcode, caller = wecom) {
  const answer = await caller.post(`externalcontact/${path}`, body);
  assertErrcode(answer, errcode, path);
  return answer;
}

/** Moves the look-alike's clock (and takes a fresh token for the direct calls). */
async function advance(seconds) {
  mock.advanceTime(seconds);
  wecom = await directCaller(mock);
}

/** Every chat of the world with its owner's state. */
function chats() {
  return mock.world.groupChatIds().map((id) => {
    const chat = mock.world.groupChat(id);
    return { ...chat, ownerResigned: mock.world.member(chat.owner)?.status === 'resigned' };
  });
}

/** Every chat `client.paginate` yields from groupchat/list for `body` (limit included). */
async function listAll(body) {
  const items = [];
  for await (const chat of client.paginate('externalcontact/groupchat/list', body)) items.push(chat);
  return items;
}

test('issue 11: groupchat/list pages every chat once by cursor, filtered by status_filter and owner_filter', async () => {
  const pages = [];
  for await (const page of client.pages('externalcontact/groupchat/list', { limit: 7 })) pages.push(page);
  assert.deepEqual(pages.map((p) => p.group_chat_list.length), [7, 7, 7, 7, 7, 5], '40 chats, 7 a page');
  assert.deepEqual(pages.map((p) => p.next_cursor === ''), [false, false, false, false, false, true]);
  const all = await listAll({ limit: 7 });
  assert.deepEqual(all, pages.flatMap((p) => p.group_chat_list), 'paginate yields the pages\' items');
  assert.deepEqual(all.map((c) => c.chat_id), mock.world.groupChatIds(), 'every chat once, in the world\'s order');
  const resignedOwned = chats().filter((c) => c.ownerResigned);
  assert.ok(resignedOwned.length > 0, 'the seeded world has a chat whose owner resigned');
  assert.deepEqual(await listAll({ limit: 1000, status_filter: 1 }), resignedOwned.map((c) => ({ chat_id: c.chat_id, status: 1 })));
  assert.deepEqual(await listAll({ limit: 1000, status_filter: 3 }), []);
  const owner = chats()[1].owner;
  const ofOwner = await listAll({ limit: 3, owner_filter: { userid_list: [owner, 'nobody-here'] } });
  assert.deepEqual(ofOwner.map((c) => c.chat_id), chats().filter((c) => c.owner === owner).map((c) => c.chat_id));
  const one = await call('groupchat/list', { limit: 1000 });
  assert.equal(one.next_cursor, '', 'all in one page: no cursor');
});

test('issue 11: groupchat/list checks limit (required, 1–1000), the filters and the cursor (40058), and answers 81017 without owner_filter past 1000 members', async () => {
  await refused('groupchat/list', {}, 40058);
  await refused('groupchat/list', { limit: 0 }, 40058);
  await refused('groupchat/list', { limit: 1001 }, 40058);
  await refused('groupchat/list', { limit: 10, status_filter: 4 }, 40058);
  await refused('groupchat/list', { limit: 10, owner_filter: { userid_list: Array.from({ length: 101 }, (_, i) => `u${i}`) } }, 40058);
  await refused('groupchat/list', { limit: 10, owner_filter: 'zhangsan' }, 40058);
  await refused('groupchat/list', { limit: 10, cursor: 'bm90LWEtY3Vyc29y' }, 40058);
  const page = await call('groupchat/list', { limit: 1 });
  const other = await startMock({ seed: 22, now: () => T0_MS, world: { groupChats: 40 } });
  try {
    await refused('groupchat/list', { limit: 1, cursor: page.next_cursor }, 40058, await directCaller(other));
  } finally {
    await other.close();
  }
  const crowded = await startMock({ seed: 21, world: { members: 1001, customers: 10, groupChats: 3 } });
  try {
    const c = clientFor(crowded);
    await refused('groupchat/list', { limit: 10 }, 81017, await directCaller(crowded));
    const owner = crowded.world.groupChat(crowded.world.groupChatIds()[0]).owner;
    const filtered = await call('groupchat/list', { limit: 10, owner_filter: { userid_list: [owner] } }, c);
    assert.ok(filtered.group_chat_list.length >= 1);
  } finally {
    await crowded.close();
  }
});

test('issue 11: groupchat/get answers the chat (names only with need_name 1; 40050, 40058); opengid_to_chatid finds it (90511)', async () => {
  const chat = chats()[0];
  const plain = await client.groupChatGet({ chat_id: chat.chat_id });
  assert.equal(plain.group_chat.chat_id, chat.chat_id);
  assert.equal(plain.group_chat.owner, chat.owner);
  assert.equal(plain.group_chat.member_version, chat.member_version);
  assert.equal(plain.group_chat.member_list.length, chat.member_list.length);
  assert.ok(plain.group_chat.member_list.every((m) => m.name === undefined), 'no names without need_name');
  assert.equal(plain.group_chat.opengid, undefined, 'the opengid is not part of the answer');
  assert.equal(plain.group_chat.status, undefined, 'nor the status');
  const named = await call('groupchat/get', { chat_id: chat.chat_id, need_name: 1 });
  assert.deepEqual(named.group_chat.member_list.map((m) => m.name), chat.member_list.map((m) => m.name));
  await refused('groupchat/get', { chat_id: 'wrNoSuchChat' }, 40050);
  await refused('groupchat/get', {}, 40058);
  await refused('groupchat/get', { chat_id: chat.chat_id, need_name: 2 }, 40058);

  assert.deepEqual(await client.opengidToChatid({ opengid: chat.opengid }), { errcode: 0, errmsg: 'ok', chat_id: chat.chat_id });
  await refused('opengid_to_chatid', { opengid: 'oGNoSuchGroup' }, 90511);
  await refused('opengid_to_chatid', {}, 40058);
});

test('issue 11: groupchat/onjob_transfer changes the owner at once; failed_chat_list carries 90501, 90502, 90504 and 40128', async () => {
  const active = chats().filter((c) => !c.ownerResigned && c.owner !== 'lisi');
  const resignedChat = chats().find((c) => c.ownerResigned);
  const [chat] = active;
  const answer = await client.groupChatOnjobTransfer({ chat_id_list: [chat.chat_id, 'wrNoSuchChat', resignedChat.chat_id], new_owner: 'lisi' });
  assert.deepEqual(answer.failed_chat_list.map((f) => [f.chat_id, f.errcode]), [['wrNoSuchChat', 90501], [resignedChat.chat_id, 90502]]);
  assert.ok(answer.failed_chat_list.every((f) => typeof f.errmsg === 'string' && f.errmsg.length > 0));
  const now = mock.world.groupChat(chat.chat_id);
  assert.equal(now.owner, 'lisi');
  assert.ok(now.member_list.some((m) => m.userid === 'lisi' && m.type === 1), 'the new owner is in the chat');
  assert.equal((await call('groupchat/get', { chat_id: chat.chat_id })).group_chat.owner, 'lisi');

  const again = await call('groupchat/onjob_transfer', { chat_id_list: [chat.chat_id], new_owner: 'lisi' });
  assert.deepEqual(again.failed_chat_list.map((f) => f.errcode), [90504]);
  assert.deepEqual((await call('groupchat/onjob_transfer', { chat_id_list: [chat.chat_id], new_owner: chat.owner })).failed_chat_list, []);
  const third = await call('groupchat/onjob_transfer', { chat_id_list: [chat.chat_id], new_owner: 'lisi' });
  assert.deepEqual(third.failed_chat_list.map((f) => f.errcode), [40128], 'a chat moves at most twice in 90 days');

  await refused('groupchat/onjob_transfer', { new_owner: 'lisi' }, 40058);
  await refused('groupchat/onjob_transfer', { chat_id_list: Array.from({ length: 101 }, () => chat.chat_id), new_owner: 'lisi' }, 40058);
  await refused('groupchat/onjob_transfer', { chat_id_list: [chat.chat_id] }, 40003);
  await refused('groupchat/onjob_transfer', { chat_id_list: [chat.chat_id], new_owner: 'nobody-here' }, 40003);
});

test('issue 11: groupchat/transfer puts a resigned owner\'s chat in transfer (status 2) for 24 h, then the new owner has it (status 3); 90500, 90507, 90508', async () => {
  const resignedChat = chats().find((c) => c.ownerResigned);
  const activeChat = chats().find((c) => !c.ownerResigned);
  const answer = await client.groupChatTransfer({ chat_id_list: [resignedChat.chat_id, activeChat.chat_id], new_owner: 'zhangsan' });
  assert.deepEqual(answer.failed_chat_list.map((f) => [f.chat_id, f.errcode]), [[activeChat.chat_id, 90500]]);
  const status = async (id) => (await listAll({ limit: 1000 })).find((c) => c.chat_id === id).status;
  assert.equal(await status(resignedChat.chat_id), 2);
  assert.equal(mock.world.groupChat(resignedChat.chat_id).owner, resignedChat.owner, 'the owner changes only after 24 h');
  const twice = await call('groupchat/transfer', { chat_id_list: [resignedChat.chat_id], new_owner: 'lisi' });
  assert.deepEqual(twice.failed_chat_list.map((f) => f.errcode), [90507]);

  await advance(DAY);
  assert.equal(await status(resignedChat.chat_id), 3);
  assert.equal((await call('groupchat/get', { chat_id: resignedChat.chat_id })).group_chat.owner, 'zhangsan');
  const after = await call('groupchat/transfer', { chat_id_list: [resignedChat.chat_id], new_owner: 'lisi' });
  assert.deepEqual(after.failed_chat_list.map((f) => f.errcode), [90508]);
});

test('issue 11: one owner hands over at most 300 chats a day (45009 in failed_chat_list), again the next day', async () => {
  const big = await startMock({ seed: 5, now: () => T0_MS, world: { groupChats: 8000, customers: 50 } });
  try {
    const c = clientFor(big);
    const byOwner = new Map();
    for (const id of big.world.groupChatIds()) {
      const { owner } = big.world.groupChat(id);
      if (big.world.member(owner).status !== 'active') continue;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), id]);
    }
    const [owner, ids] = [...byOwner].find(([userid, list]) => userid !== 'lisi' && list.length > 301);
    for (let i = 0; i < 300; i += 100) {
      const r = await call('groupchat/onjob_transfer', { chat_id_list: ids.slice(i, i + 100), new_owner: 'lisi' }, c);
      assert.deepEqual(r.failed_chat_list, []);
    }
    const over = await call('groupchat/onjob_transfer', { chat_id_list: [ids[300]], new_owner: 'lisi' }, c);
    assert.deepEqual(over.failed_chat_list.map((f) => f.errcode), [45009]);
    assert.equal(big.world.groupChat(ids[300]).owner, owner);
    big.advanceTime(DAY);
    const next = await call('groupchat/onjob_transfer', { chat_id_list: [ids[300]], new_owner: 'lisi' }, c);
    assert.deepEqual(next.failed_chat_list, []);
  } finally {
    await big.close();
  }
});
