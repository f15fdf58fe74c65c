// issue 11: customer transfers in the look-alike's world, through the packed package — on-job
// (transfer_customer, transfer_result), resigned (get_unassigned_list, resigned/transfer_customer,
// resigned/transfer_result) and the legacy transfer / get_transfer_result: a transfer waits 24 h on
// the look-alike's clock, then completes and moves the follow relation; WeCom's per-customer and
// request errcodes. The clock is pinned (`now`), so only advanceTime moves it. The SDK makes the
// calls a CRM would make (declared endpoints, generated methods, paginate / pages); the look-alike's
// own checks are asked directly (no SDK validation between).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { clientFor, startMock } from './helpers.mjs';
import { assertErrcode, directCaller, startWorld } from './world-helpers.mjs';

/** A fixed instant (whole seconds), so that 24 h boundaries are exact. */
const T0_MS = 1_760_000_000_000;
const T0 = T0_MS / 1000;
const DAY = 86_400;

let mock;
let wecom;
let client;

before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 11, now: () => T0_MS }));
});
after(() => mock?.close());

/** One SDK call of a declared issue-11 endpoint (path after `externalcontact/`). */
function call(path, body) {
  return client.request(`externalcontact/${path}`, body);
}

/** Every item `client.paginate` yields for a paging endpoint (path after `externalcontact/`). */
async function items(path, body, c = client) {
  const out = [];
  for await (const item of c.paginate(`externalcontact/${path}`, body)) out.push(item);
  return out;
}

/** Every answer `client.pages` yields for a paging endpoint (path after `externalcontact/`). */
async function answers(path, body, c = client) {
  const out = [];
  for await (const page of c.pages(`externalcontact/${path}`, body)) out.push(page);
  return out;
}

/** The same request straight to the look-alike (its answer, errcode included). */
function direct(path, body) {
  return wecom.post(`externalcontact/${path}`, body);
}

/** Asks the look-alike directly and checks it answers `errcode`. */
async function refused(path, body, errcode) {
  assertErrcode(await direct(path, body), errcode, path);
}

/** Moves the look-alike's clock (and takes a fresh token for the direct calls). */
async function advance(seconds) {
  mock.advanceTime(seconds);
  wecom = await directCaller(mock);
}

/** Who follows a customer now (the world's view, after due transfers completed). */
function followers(externalUserid) {
  return mock.world.customer(externalUserid).follow_user.map((f) => f.userid);
}

/** `count` customers of `from` that `to` does not follow, not yet used by another test. */
const used = new Set();
function customersOnlyOf(from, to, count) {
  const picked = [];
  for (const id of mock.world.customersOf(from)) {
    if (picked.length === count) break;
    if (used.has(id) || followers(id).includes(to)) continue;
    used.add(id);
    picked.push(id);
  }
  assert.equal(picked.length, count, `the seeded world has ${count} customers of ${from} without ${to}`);
  return picked;
}

/** The first resigned member with customers, and an active member with 客户联系. */
function resignedMember() {
  const member = mock.world.members().find((m) => m.status === 'resigned' && mock.world.customersOf(m.userid).length > 2);
  assert.ok(member, 'the seeded world has a resigned member with customers');
  return member;
}

test('issue 11: a transfer waits 24 h on the look-alike clock, then transfer_result says done and the follow relation moved', async () => {
  const [id] = customersOnlyOf('zhangsan', 'lisi', 1);
  const started = await client.transferCustomer({ handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [id] });
  assert.deepEqual(started.customer, [{ external_userid: id, errcode: 0 }]);

  const waiting = await client.transferResult({ handover_userid: 'zhangsan', takeover_userid: 'lisi' });
  const mine = () => waiting.customer.find((c) => c.external_userid === id);
  assert.deepEqual(mine(), { external_userid: id, status: 2, takeover_time: T0 + DAY }, 'waiting: takeover_time is the future takeover');
  assert.equal(waiting.next_cursor, '');
  assert.ok(followers(id).includes('zhangsan') && !followers(id).includes('lisi'), 'nothing moves before 24 h');

  await advance(DAY - 1);
  const almost = await call('transfer_result', { handover_userid: 'zhangsan', takeover_userid: 'lisi' });
  assert.equal(almost.customer.find((c) => c.external_userid === id).status, 2, 'one second before: still waiting');
  assert.ok(followers(id).includes('zhangsan'));

  await advance(1);
  const done = await call('transfer_result', { handover_userid: 'zhangsan', takeover_userid: 'lisi' });
  assert.deepEqual(done.customer.find((c) => c.external_userid === id), { external_userid: id, status: 1, takeover_time: T0 + DAY });
  assert.ok(!followers(id).includes('zhangsan') && followers(id).includes('lisi'), 'the relation moved to the takeover member');
  assert.ok(!mock.world.customersOf('zhangsan').includes(id), "gone from the handover member's customers");
  assert.ok(mock.world.customersOf('lisi').includes(id), "in the takeover member's customers");
  const moved = mock.world.customer(id).follow_user.find((f) => f.userid === 'lisi');
  assert.equal(moved.createtime, T0 + DAY);
  assert.equal(moved.add_way, 202, 'assigned by the admin');
  const record = mock.world.transfers().find((r) => r.external_userid === id);
  assert.deepEqual({ ...record }, {
    kind: 'onjob', handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: id,
    status: 1, started_at: T0, takeover_time: T0 + DAY,
  });
});

test('issue 11: transfer_customer answers the per-customer errcodes 40096, 40129, 40130, 40131 and 40128', async () => {
  const [a, b] = customersOnlyOf('zhangsan', 'lisi', 2);
  const [liCustomer] = customersOnlyOf('lisi', 'zhangsan', 1);
  const first = await direct('transfer_customer', {
    handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [a, a, 'wmNotACustomerOfThisCorp0000000000', liCustomer],
  });
  assertErrcode(first, 0);
  assert.deepEqual(first.customer.map((c) => [c.external_userid, c.errcode]), [
    [a, 0], [a, 40129], ['wmNotACustomerOfThisCorp0000000000', 40096], [liCustomer, 40131],
  ]);
  const same = await direct('transfer_customer', { handover_userid: 'zhangsan', takeover_userid: 'zhangsan', external_userid: [b] });
  assert.equal(same.customer[0].errcode, 40130);

  // 40128: at most two on-job transfers of a customer in 90 days (zhangsan → lisi → zhangsan → …).
  await advance(DAY);
  const back = await direct('transfer_customer', { handover_userid: 'lisi', takeover_userid: 'zhangsan', external_userid: [a] });
  assert.equal(back.customer[0].errcode, 0);
  await advance(DAY);
  assert.ok(followers(a).includes('zhangsan'));
  const third = await direct('transfer_customer', { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [a] });
  assert.equal(third.customer[0].errcode, 40128);
  await advance(90 * DAY);
  const later = await direct('transfer_customer', { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [a] });
  assert.equal(later.customer[0].errcode, 0, '90 days after the first transfer it may move again');
});

test('issue 11: transfer requests are checked as WeCom does: 40003, 84074, 41035, 40058', async () => {
  const [id] = customersOnlyOf('zhangsan', 'lisi', 1);
  const ok = { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [id] };
  await refused('transfer_customer', { ...ok, handover_userid: undefined }, 40003);
  await refused('transfer_customer', { ...ok, takeover_userid: '' }, 40003);
  await refused('transfer_customer', { ...ok, handover_userid: 'nobody-here' }, 40003);
  const resigned = resignedMember();
  await refused('transfer_customer', { ...ok, takeover_userid: resigned.userid }, 40003);
  await refused('transfer_customer', { ...ok, handover_userid: resigned.userid }, 40003);
  const noFollow = mock.world.members().find((m) => m.status === 'active' && !m.follow);
  assert.ok(noFollow, 'the seeded world has an active member without 客户联系');
  await refused('transfer_customer', { ...ok, takeover_userid: noFollow.userid }, 84074);
  await refused('transfer_customer', { ...ok, external_userid: undefined }, 41035);
  await refused('transfer_customer', { ...ok, external_userid: [] }, 41035);
  await refused('transfer_customer', { ...ok, external_userid: Array.from({ length: 101 }, () => id) }, 40058);
  await refused('transfer_customer', { ...ok, external_userid: [42] }, 40058);
  await refused('transfer_customer', { ...ok, transfer_success_msg: '好'.repeat(201) }, 40058);
  await refused('transfer_result', { handover_userid: 'zhangsan' }, 40003);
  await refused('transfer_result', { handover_userid: 'zhangsan', takeover_userid: 'lisi', cursor: 'not-a-cursor' }, 40058);
  assert.ok(followers(id).includes('zhangsan') && !mock.world.transfers().some((r) => r.external_userid === id), 'nothing started');
  const accepted = await call('transfer_customer', { ...ok, transfer_success_msg: '好'.repeat(200) });
  assert.equal(accepted.customer[0].errcode, 0, '200 characters are fine');
});

test('issue 11: get_unassigned_list pages resigned members\' customers by cursor and by page_id (40058 at page_id × page_size ≥ 50 000)', async () => {
  const expected = [];
  for (const m of mock.world.members()) {
    if (m.status !== 'resigned') continue;
    for (const id of mock.world.customersOf(m.userid)) expected.push([m.userid, id, m.dimission_time]);
  }
  assert.ok(expected.length > 5, 'the seeded world has resigned members with customers');

  const pages = await answers('get_unassigned_list', { page_size: 4 });
  assert.equal(pages.length, Math.ceil(expected.length / 4), 'cursor mode: one call per page of 4');
  for (const [i, page] of pages.entries()) {
    assert.equal(page.is_last, i === pages.length - 1);
    assert.equal(typeof page.next_cursor, 'string', 'cursor mode answers next_cursor');
    assert.equal(page.next_cursor === '', page.is_last);
  }
  const byCursor = pages.flatMap((p) => p.info);
  assert.deepEqual(byCursor.map((i) => [i.handover_userid, i.external_userid, i.dimission_time]), expected);
  assert.deepEqual(await items('get_unassigned_list', { page_size: 4 }), byCursor, 'paginate yields the same items');

  const numbered = await answers('get_unassigned_list', { page_id: 0, page_size: 4 });
  assert.ok(numbered.every((p) => p.next_cursor === undefined), 'page mode answers no next_cursor');
  assert.deepEqual(numbered.map((p) => p.is_last), numbered.map((_, i) => i === numbered.length - 1));
  assert.deepEqual(numbered.flatMap((p) => p.info), byCursor, 'both modes list the same customers in the same order');

  const last = await direct('get_unassigned_list', { page_id: 49, page_size: 1000 });
  assertErrcode(last, 0);
  assert.deepEqual(last.info, []);
  assert.equal(last.is_last, true);
  await refused('get_unassigned_list', { page_id: 50, page_size: 1000 }, 40058);
  await refused('get_unassigned_list', { page_id: 5000 }, 40058);
  await refused('get_unassigned_list', { page_id: -1 }, 40058);
  await refused('get_unassigned_list', { cursor: 'bm90LWEtY3Vyc29y' }, 40058);
  const other = await call('groupchat/list', { limit: 1 });
  assert.notEqual(other.next_cursor, '');
  await refused('get_unassigned_list', { cursor: other.next_cursor }, 40058);
});

test('issue 11: a resigned member\'s customer is assigned with resigned/transfer_customer (40097 for an active handover) and leaves the unassigned list 24 h later', async () => {
  const resigned = resignedMember();
  const [id] = mock.world.customersOf(resigned.userid).filter((c) => !followers(c).includes('lisi'));
  assert.ok(id);
  const active = await call('resigned/transfer_customer', { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: customersOnlyOf('zhangsan', 'lisi', 1) });
  assert.equal(active.customer[0].errcode, 40097);

  const started = await client.resignedTransferCustomer({ handover_userid: resigned.userid, takeover_userid: 'lisi', external_userid: [id] });
  assert.deepEqual(started.customer, [{ external_userid: id, errcode: 0 }]);
  const listed = async () => (await items('get_unassigned_list', { page_size: 100 }))
    .some((i) => i.external_userid === id && i.handover_userid === resigned.userid);
  assert.equal(await listed(), true, 'listed until the takeover');
  const waiting = await items('resigned/transfer_result', { handover_userid: resigned.userid, takeover_userid: 'lisi' });
  assert.equal(waiting.find((c) => c.external_userid === id).status, 2);
  const onjob = await items('transfer_result', { handover_userid: resigned.userid, takeover_userid: 'lisi' });
  assert.deepEqual(onjob, [], 'on-job results do not list resigned transfers');

  await advance(DAY);
  const done = await client.resignedTransferResult({ handover_userid: resigned.userid, takeover_userid: 'lisi' });
  assert.equal(done.customer.find((c) => c.external_userid === id).status, 1);
  assert.equal(await listed(), false, 'assigned: no longer listed');
  assert.ok(followers(id).includes('lisi') && !followers(id).includes(resigned.userid));
});

test('issue 11: the legacy transfer and get_transfer_result act on the same world (status 2, then 1; 5 without a record)', async () => {
  const [id] = customersOnlyOf('zhangsan', 'lisi', 1);
  const body = { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: id };
  assert.deepEqual(await client.transferExternalContact(body), { errcode: 0, errmsg: 'ok' });
  await refused('transfer', body, 40129);
  await refused('transfer', { ...body, external_userid: undefined }, 41035);
  await refused('transfer', { ...body, external_userid: 'wmNotACustomerOfThisCorp0000000000' }, 40096);
  assert.deepEqual(await client.getTransferResult(body), { errcode: 0, errmsg: 'ok', status: 2, takeover_time: mock.world.transfers().at(-1).takeover_time });
  await advance(DAY);
  assert.equal((await call('get_transfer_result', body)).status, 1);
  assert.ok(followers(id).includes('lisi') && !followers(id).includes('zhangsan'));
  assert.equal((await call('get_transfer_result', { ...body, takeover_userid: 'zhangsan' })).status, 5);
});

test('issue 11: transfer_result pages 1000 records at a time with an opaque cursor (client.pages / client.paginate)', async () => {
  const big = await startMock({ seed: 3, now: () => T0_MS, world: { customers: 2500, members: 2, followersOfBusiest: 1 } });
  try {
    const c = clientFor(big);
    const [from, to] = big.world.members().map((m) => m.userid);
    const pair = { handover_userid: from, takeover_userid: to };
    const ids = big.world.customersOf(from).filter((id) => !big.world.customer(id).follow_user.some((f) => f.userid === to));
    assert.ok(ids.length > 1000, `${ids.length} customers to move`);
    for (let i = 0; i < ids.length; i += 100) {
      const r = await c.transferCustomer({ ...pair, external_userid: ids.slice(i, i + 100) });
      assert.ok(r.customer.every((x) => x.errcode === 0));
    }
    const pages = await answers('transfer_result', pair, c);
    for (const page of pages.slice(0, -1)) assert.ok(page.next_cursor !== '' && !/^\d+$/.test(page.next_cursor), 'an opaque cursor, not a bare offset');
    assert.equal(pages.at(-1).next_cursor, '');
    const all = await items('transfer_result', pair, c);
    assert.deepEqual(all.map((x) => x.external_userid), ids, 'every transfer once, in start order');
    assert.ok(all.every((x) => x.status === 2));
    const expected = [];
    for (let left = ids.length; left > 0; left -= 1000) expected.push(Math.min(1000, left));
    assert.deepEqual(pages.map((p) => p.customer.length), expected);
  } finally {
    await big.close();
  }
});

test('issue 11: the same seed gives byte-identical transfer and unassigned answers; another seed differs', async () => {
  async function transcript(seed) {
    const m = await startMock({ seed, now: () => T0_MS });
    try {
      const caller = await directCaller(m);
      const raw = async (path, body) => (await caller.raw(`externalcontact/${path}`, { method: 'POST', body: JSON.stringify(body) })).text();
      const out = [await raw('get_unassigned_list', { page_size: 3 })];
      const ids = m.world.customersOf('zhangsan').slice(0, 3);
      out.push(await raw('transfer_customer', { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: ids }));
      out.push(await raw('transfer_result', { handover_userid: 'zhangsan', takeover_userid: 'lisi' }));
      return out.join('\n');
    } finally {
      await m.close();
    }
  }
  const a = await transcript(5);
  assert.equal(await transcript(5), a);
  assert.notEqual(await transcript(6), a);
});
