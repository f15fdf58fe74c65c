// issue 11: group join ways (客户群「加入群聊」) in the look-alike's world, through the packed
// package: add / get / update (a full overwrite) / del_join_way over the world's chats, the
// remark cut at 30 characters, and WeCom's errcodes (41038, 41040, 41043, 41044, 41091, 40050, 40058).
// The SDK makes the calls a CRM would make (declared endpoints, generated methods); the look-alike's
// own checks are asked directly (no SDK validation between).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clientFor, startMock } from './helpers.mjs';
import { assertErrcode, startWorld } from './world-helpers.mjs';

let mock;
let wecom;
let client;
let chatIds;

before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 31 }));
  chatIds = mock.world.groupChatIds();
});
after(() => mock?.close());

/** One SDK call of a declared join-way endpoint (path after `externalcontact/groupchat/`). */
function call(path, body) {
  return client.request(`externalcontact/groupchat/${path}`, body);
}

/** Asks the look-alike directly and checks it answers `errcode`. */
async function refused(path, body, errcode) {
  assertErrcode(await wecom.post(`externalcontact/groupchat/${path}`, body), errcode, path);
}

test('issue 11: a join way is added, read, overwritten and deleted; a remark over 30 characters is cut', async () => {
  const remark = '门店'.repeat(20);
  const added = await client.addJoinWay({
    scene: 2, remark, room_base_name: '销售客服群', room_base_id: 10, chat_id_list: chatIds.slice(0, 2), state: 'store-a',
  });
  assert.match(added.config_id, /^[0-9a-f]{32}$/);
  const got = await client.getJoinWay({ config_id: added.config_id });
  assert.deepEqual(got.join_way, {
    config_id: added.config_id, scene: 2, remark: remark.slice(0, 30), auto_create_room: 1,
    room_base_name: '销售客服群', room_base_id: 10, chat_id_list: chatIds.slice(0, 2), qr_code: got.join_way.qr_code, state: 'store-a',
  });
  assert.match(got.join_way.qr_code, /^https:\/\//);
  assert.deepEqual(mock.world.joinWays().map((w) => w.config_id), [added.config_id]);

  await client.updateJoinWay({ config_id: added.config_id, scene: 1, auto_create_room: 0, chat_id_list: [chatIds[2]] });
  const updated = await call('get_join_way', { config_id: added.config_id });
  assert.deepEqual(updated.join_way, {
    config_id: added.config_id, scene: 1, auto_create_room: 0, chat_id_list: [chatIds[2]], qr_code: got.join_way.qr_code,
  }, 'update overwrites: settings left out are gone');

  await client.delJoinWay({ config_id: added.config_id });
  await refused('get_join_way', { config_id: added.config_id }, 41044);
  await refused('del_join_way', { config_id: added.config_id }, 41044);
  assert.deepEqual(mock.world.joinWays(), []);
});

test('issue 11: join ways are checked as WeCom does: 41038, 41040, 41091, 40050, 40058, 41043, 41044', async () => {
  const ok = { scene: 2, chat_id_list: [chatIds[0]] };
  await refused('add_join_way', { ...ok, scene: undefined }, 41038);
  await refused('add_join_way', { ...ok, scene: 3 }, 41040);
  await refused('add_join_way', { ...ok, chat_id_list: chatIds.slice(0, 6) }, 41091);
  await refused('add_join_way', { ...ok, chat_id_list: ['wrNoSuchChat'] }, 40050);
  await refused('add_join_way', { ...ok, chat_id_list: [] }, 40058);
  await refused('add_join_way', { scene: 2 }, 40058);
  await refused('add_join_way', { ...ok, auto_create_room: 2 }, 40058);
  await refused('add_join_way', { ...ok, room_base_name: '群'.repeat(41) }, 40058);
  await refused('add_join_way', { ...ok, room_base_id: -1 }, 40058);
  await refused('add_join_way', { ...ok, state: 's'.repeat(31) }, 40058);
  assert.deepEqual(mock.world.joinWays(), [], 'nothing stored');
  const { config_id: id } = await call('add_join_way', { ...ok, chat_id_list: chatIds.slice(0, 5), state: 's'.repeat(30) });
  await refused('get_join_way', {}, 41043);
  await refused('get_join_way', { config_id: 'ffffffffffffffffffffffffffffffff' }, 41044);
  await refused('update_join_way', { config_id: id, chat_id_list: [chatIds[0]] }, 41038);
  await refused('update_join_way', { config_id: id, scene: 1 }, 40058);
  await refused('update_join_way', { scene: 1, chat_id_list: [chatIds[0]] }, 41043);
  assert.equal((await call('get_join_way', { config_id: id })).join_way.chat_id_list.length, 5, 'a refused update changes nothing');
});

test('issue 11: join-way ids come from the seed: the same requests on the same seed give the same config_ids', async () => {
  async function ids(seed) {
    const m = await startMock({ seed });
    try {
      const c = clientFor(m);
      const chat = m.world.groupChatIds()[0];
      const out = [];
      for (let i = 0; i < 3; i += 1) {
        out.push((await c.addJoinWay({ scene: 2, chat_id_list: [chat] })).config_id);
      }
      return out;
    } finally {
      await m.close();
    }
  }
  const first = await ids(41);
  assert.deepEqual(await ids(41), first);
  assert.notDeepEqual(await ids(42), first);
});
