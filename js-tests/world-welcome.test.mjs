// issue 12: welcome messages in the look-alike's world, through the packed package —
// mock.addCustomer (and POST /__mock/add_customer) adds a customer to a member and answers the
// add_external_contact callback fields with a WelcomeCode; send_welcome_msg takes that code once
// (41051 afterwards) within 20 s on the look-alike's clock (41050 afterwards); the group welcome
// templates (add / edit / get / del, 3000 bytes on add and 4000 on edit, 100 at most: 41055).
// The clock is pinned (`now`), so only advanceTime moves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertErrcode, sdkCall, startWorld } from './world-helpers.mjs';

const T0_MS = 1_760_000_000_000;
const T0 = T0_MS / 1000;
const EC = 'externalcontact/';

/** A fresh world for one test (closed after it). */
async function world(t, options = {}) {
  const w = await startWorld({ seed: 12, now: () => T0_MS, ...options });
  t.after(() => w.mock.close());
  return w;
}

test('issue 12: a welcome code works once (41051 afterwards) and the new customer follows the member', async (t) => {
  const { mock, wecom, client } = await world(t);
  const event = mock.addCustomer({ userid: 'zhangsan', state: 'expo-2026' });
  assert.equal(event.ChangeType, 'add_external_contact');
  assert.equal(event.Event, 'change_external_contact');
  assert.equal(event.UserID, 'zhangsan');
  assert.equal(event.State, 'expo-2026');
  assert.equal(event.CreateTime, T0);
  assert.equal(event.ToUserName, mock.corpId);
  assert.match(event.ExternalUserID, /^wm[A-Za-z0-9]{30}$/);
  const follow = mock.world.customer(event.ExternalUserID).follow_user;
  assert.deepEqual(follow.map((f) => [f.userid, f.createtime, f.state]), [['zhangsan', T0, 'expo-2026']]);
  assert.ok(mock.world.customersOf('zhangsan').includes(event.ExternalUserID));

  await sdkCall(client, `${EC}send_welcome_msg`, { welcome_code: event.WelcomeCode, text: { content: '欢迎！' } });
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: event.WelcomeCode, text: { content: 'again' } }), 41051, 'a used code');
  const [code] = mock.world.welcomeCodes();
  assert.equal(code.used_at, T0);
  assert.deepEqual(code.message, { text: { content: '欢迎！' }, attachments: [] });
});

test('issue 12: a welcome code expires 20 s after the customer was added (41050), not before', async (t) => {
  const { mock, wecom } = await world(t, { tokenTtlSeconds: 7200 });
  const early = mock.addCustomer({ userid: 'lisi' });
  const late = mock.addCustomer({ userid: 'zhangsan', external_userid: early.ExternalUserID });
  assert.equal(late.ExternalUserID, early.ExternalUserID, 'an existing customer adds a second member');
  assert.notEqual(late.WelcomeCode, early.WelcomeCode);
  mock.advanceTime(19);
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: early.WelcomeCode, text: { content: 'hi' } }), 0, 'after 19 s');
  mock.advanceTime(1);
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: late.WelcomeCode, text: { content: 'hi' } }), 41050, 'after 20 s');
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: 'no-such-code', text: { content: 'hi' } }), 41050, 'an unknown code');
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { text: { content: 'hi' } }), 41049, 'no code');
  assert.deepEqual(mock.world.welcomeCodes(), [], 'expired codes are dropped');
});

test('issue 12: send_welcome_msg checks the body like a mass message and leaves the code unused when it fails', async (t) => {
  const { mock, wecom } = await world(t);
  const { WelcomeCode } = mock.addCustomer({ userid: 'zhangsan' });
  const video = mock.world.mediaIds().find((m) => m.type === 'video').media_id;
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: WelcomeCode }), 40058, 'empty message');
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: WelcomeCode, attachments: [{ msgtype: 'video', video: { media_id: 'nope' } }] }), 40007, 'unknown media');
  assertErrcode(await wecom.post(`${EC}send_welcome_msg`, { welcome_code: WelcomeCode, attachments: [{ msgtype: 'video', video: { media_id: video } }] }), 0, 'a known video');
});

test('issue 12: POST /__mock/add_customer answers the callback fields; bad input is 400 / TypeError / RangeError', async (t) => {
  const { mock } = await world(t);
  const add = (body) => fetch(`${mock.url}/__mock/add_customer`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await (await add({ userid: 'zhangsan', name: '王小明' })).json();
  assert.equal(answer.ok, true);
  assert.equal(mock.world.customer(answer.event.ExternalUserID).name, '王小明');
  assert.equal((await add({ userid: 'nobody-here' })).status, 400);
  assert.equal((await add({})).status, 400);
  assert.throws(() => mock.addCustomer({ userid: 7 }), TypeError);
  assert.throws(() => mock.addCustomer({ userid: 'zhangsan', external_userid: answer.event.ExternalUserID }), RangeError);
  assert.throws(() => mock.addCustomer({ userid: 'zhangsan', external_userid: 'wm000000000000000000000000000000' }), RangeError);
});

test('issue 12: group welcome templates — add (text ≤ 3000 bytes), edit (≤ 4000), get, del', async (t) => {
  const { mock, wecom, client } = await world(t);
  const image = mock.world.mediaIds().find((m) => m.type === 'image').media_id;
  const { template_id: id } = await sdkCall(client, `${EC}group_welcome_template/add`, { text: { content: '你好 %NICKNAME%' }, image: { media_id: image } });
  assert.deepEqual(await sdkCall(client, `${EC}group_welcome_template/get`, { template_id: id }).then(({ text, image: i }) => ({ text, i })),
    { text: { content: '你好 %NICKNAME%' }, i: { media_id: image } });
  const both = await wecom.post(`${EC}group_welcome_template/add`, { image: { media_id: image }, link: { title: 'dropped', url: 'https://example.com' } });
  const kept = await wecom.post(`${EC}group_welcome_template/get`, { template_id: both.template_id });
  assert.deepEqual([kept.image, kept.link], [{ media_id: image }, undefined], 'of several parts the image comes first');
  await wecom.post(`${EC}group_welcome_template/del`, { template_id: both.template_id });
  assertErrcode(await wecom.post(`${EC}group_welcome_template/add`, { text: { content: 'a'.repeat(3001) } }), 40058, 'add over 3000 bytes');
  await sdkCall(client, `${EC}group_welcome_template/edit`, { template_id: id, text: { content: 'b'.repeat(4000) }, link: { title: 'L', url: 'https://example.com/x' } });
  const edited = await wecom.post(`${EC}group_welcome_template/get`, { template_id: id });
  assert.equal(edited.text.content.length, 4000);
  assert.equal(edited.image, undefined, 'a new non-text part replaces the old one');
  assert.deepEqual(edited.link, { title: 'L', url: 'https://example.com/x' });
  assertErrcode(await wecom.post(`${EC}group_welcome_template/edit`, { template_id: id, text: { content: 'b'.repeat(4001) } }), 40058, 'edit over 4000 bytes');
  assertErrcode(await wecom.post(`${EC}group_welcome_template/add`, { file: { media_id: 'nope' } }), 40007, 'unknown media');
  assertErrcode(await wecom.post(`${EC}group_welcome_template/add`, {}), 40058, 'empty template');
  await sdkCall(client, `${EC}group_welcome_template/del`, { template_id: id });
  assertErrcode(await wecom.post(`${EC}group_welcome_template/get`, { template_id: id }), 40058, 'a deleted template');
  assert.deepEqual(mock.world.welcomeTemplates(), []);
});

test('issue 12: at most 100 group welcome templates (41055); deleting one makes room', async (t) => {
  const { mock, wecom } = await world(t);
  const ids = [];
  for (let i = 0; i < 100; i += 1) {
    const answer = await wecom.post(`${EC}group_welcome_template/add`, { text: { content: `t${i}` } });
    assertErrcode(answer, 0, `template ${i}`);
    ids.push(answer.template_id);
  }
  assert.equal(new Set(ids).size, 100);
  assertErrcode(await wecom.post(`${EC}group_welcome_template/add`, { text: { content: 'one too many' } }), 41055, 'the 101st');
  assertErrcode(await wecom.post(`${EC}group_welcome_template/del`, { template_id: ids[0] }), 0, 'del');
  assertErrcode(await wecom.post(`${EC}group_welcome_template/add`, { text: { content: 'fits again' } }), 0, 'after a del');
  assert.equal(mock.world.welcomeTemplates().length, 100);
});

test('issue 12: welcome codes and template ids are the same for the same seed and call sequence', async (t) => {
  const a = await world(t);
  const b = await world(t);
  assert.deepEqual(a.mock.addCustomer({ userid: 'zhangsan' }), b.mock.addCustomer({ userid: 'zhangsan' }));
  const body = { text: { content: 'x' } };
  assert.deepEqual(await a.wecom.post(`${EC}group_welcome_template/add`, body), await b.wecom.post(`${EC}group_welcome_template/add`, body));
});
