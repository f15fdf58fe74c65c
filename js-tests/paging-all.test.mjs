// issue 11: `client.paginate` / `client.pages` on EVERY endpoint whose declaration pages, through
// the packed package against the look-alike's seeded world: a whole iteration (items of every
// page, each page one ordinary call), an abort mid-iteration, a break, and a repeating cursor.
// The table below must name every paging endpoint of the generated table: a newly declared one
// without a case fails the first test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, WeComAbortError, WeComUsageError } from 'wecom-external-contact';
import { ADD, clientFor, failure, hits, memoryLogger, startMock, validAddPayload } from './helpers.mjs';
import { sdkCall } from './world-helpers.mjs';

let mock;
let client;
/** The first page's payload of each paging endpoint, from the world (filled in `before`). */
const cases = new Map();

const paged = endpoints.filter((e) => e.paging);

before(async () => {
  // Enough members for a customer with 501 followers (get pages follow_user past 500).
  mock = await startMock({ seed: 11, world: { members: 560, customers: 3000, followersOfBusiest: 501, groupChats: 12 } });
  client = clientFor(mock);
  for (let i = 0; i < 5; i += 1) await client.addContactWay(validAddPayload({ state: `paging-${i}` }));
  // A finished on-job transfer history between two members, so transfer_result has records.
  const [handover, takeover] = mock.world.members().filter((m) => m.status === 'active' && m.follow);
  const theirs = mock.world.customersOf(handover.userid).filter((id) => !mock.world.customer(id).follow_user.some((f) => f.userid === takeover.userid));
  await client.request('externalcontact/transfer_customer', {
    handover_userid: handover.userid,
    takeover_userid: takeover.userid,
    external_userid: theirs.slice(0, 3),
  });
  const resigned = mock.world.members().find((m) => m.status === 'resigned' && mock.world.customersOf(m.userid).length >= 3);
  await client.request('externalcontact/resigned/transfer_customer', {
    handover_userid: resigned.userid,
    takeover_userid: takeover.userid,
    external_userid: mock.world.customersOf(resigned.userid).slice(0, 2),
  });
  const pair = { handover_userid: handover.userid, takeover_userid: takeover.userid };
  cases.set('externalcontact/list_contact_way', { payload: { limit: 2 }, pages: 3 });
  cases.set('externalcontact/get', { payload: { external_userid: mock.world.busiestCustomer() }, pages: 2 });
  cases.set('externalcontact/batch/get_by_user', { payload: { userid_list: [handover.userid, takeover.userid], limit: 7 }, pages: 2 });
  cases.set('externalcontact/contact_list', { payload: { limit: 50 }, pages: 2 });
  cases.set('externalcontact/transfer_result', { payload: pair, pages: 1 });
  cases.set('externalcontact/resigned/transfer_result', { payload: { handover_userid: resigned.userid, takeover_userid: takeover.userid }, pages: 1 });
  cases.set('externalcontact/get_unassigned_list', { payload: { page_size: 2 }, pages: 2 });
  cases.set('externalcontact/groupchat/list', { payload: { limit: 5 }, pages: 2 });
  issue12Cases();
  await messageCases(handover.userid);
});

/**
 * Issue 12's paging endpoints (moments, strategies, group-chat statistics), each added as soon as
 * the package declares it (the first test then requires it): seeded moments lie in the 30 days
 * before 2024-01-01, a seeded corp moment has every active member with 客户联系 as sender.
 */
function issue12Cases() {
  const declared = new Set(paged.map((e) => e.path));
  const add = (path, c) => {
    if (declared.has(path)) cases.set(path, c);
  };
  const epoch = 1_704_067_200;
  const corp = mock.world.moments().find((m) => m.create_type === 0 && m.senders.length > 200);
  const publisher = corp?.senders.find((s) => s.publish_time !== null && mock.world.customersOf(s.userid).length >= 3)?.userid;
  add('externalcontact/get_moment_list', { payload: { start_time: epoch - 30 * 86_400, end_time: epoch, limit: 20 }, pages: 2 });
  add('externalcontact/get_moment_task', { payload: { moment_id: corp?.moment_id, limit: 100 }, pages: 2 });
  add('externalcontact/get_moment_customer_list', { payload: { moment_id: corp?.moment_id, userid: publisher, limit: 2 }, pages: 2 });
  add('externalcontact/get_moment_send_result', { payload: { moment_id: corp?.moment_id, userid: publisher, limit: 2 }, pages: 2 });
  add('externalcontact/customer_strategy/list', { payload: { limit: 1 }, pages: 2 });
  add('externalcontact/customer_strategy/get_range', { payload: { strategy_id: 1 }, pages: 1 });
  add('externalcontact/moment_strategy/list', { payload: {}, pages: 1 });
  add('externalcontact/moment_strategy/get_range', { payload: { strategy_id: 1 }, pages: 1 });
  const owners = [...new Set(mock.world.groupChatIds().map((id) => mock.world.groupChat(id).owner))];
  const yesterday = Math.floor((Date.now() / 1000 + 8 * 3600) / 86_400) * 86_400 - 8 * 3600 - 86_400;
  add('externalcontact/groupchat/statistic', { payload: { day_begin_time: yesterday, owner_filter: { userid_list: owners }, limit: 2 }, pages: 2 });
}

/**
 * Issue 12's mass-message records (cases only for the endpoints the table declares as paging):
 * two messages from the world — one to the first 200 customers (each sent by its newest follower,
 * so several members have tasks) and one from a member to all their customers.
 */
async function messageCases(sender) {
  const wanted = new Set(paged.map((e) => e.path));
  const path = (name) => `externalcontact/${name}`;
  if (![...wanted].some((p) => p.includes('groupmsg'))) return;
  const { msgid } = await sdkCall(client, path('add_msg_template'), { external_userid: mock.world.customerIds().slice(0, 200), text: { content: 'paging' } });
  await sdkCall(client, path('add_msg_template'), { sender, text: { content: 'paging' } });
  const now = Math.floor(Date.now() / 1000);
  const userid = mock.world.massMessages()[0].tasks.find((t) => t.results.length >= 3).userid;
  const all = {
    [path('get_groupmsg_list_v2')]: { payload: { chat_type: 'single', start_time: now - 86_400, end_time: now + 86_400, limit: 1 }, pages: 2 },
    [path('get_groupmsg_task')]: { payload: { msgid, limit: 2 }, pages: 2 },
    [path('get_groupmsg_send_result')]: { payload: { msgid, userid, limit: 2 }, pages: 2 },
  };
  for (const [p, c] of Object.entries(all)) if (wanted.has(p)) cases.set(p, c);
}
after(() => mock?.close());

test('issue 11: every paging endpoint of the generated table has a case here', () => {
  assert.ok(paged.length >= 8, `${paged.length} paging endpoints`);
  assert.deepEqual(paged.map((e) => e.path).sort(), [...cases.keys()].sort());
});

for (const endpoint of paged) {
  const path = endpoint.path;
  const isOffset = endpoint.paging.kind === 'offset';
  /** A next-page value the look-alike never answers: a string cursor, for offset paging a number (the SDK checks `offset`). */
  const marker = (label) => (isOffset ? 900_000 + label.length : `${label}-${path}`);

  test(`issue 11: ${path}: paginate yields the items of every page, pages every answer (${endpoint.paging.kind})`, async () => {
    const { payload, pages: atLeast } = cases.get(path);
    const start = hits(mock, path);
    const answers = [];
    for await (const answer of client.pages(path, payload)) answers.push(answer);
    assert.ok(answers.length >= atLeast, `${answers.length} pages, expected at least ${atLeast}`);
    assert.equal(hits(mock, path) - start, answers.length, 'one call a page');
    const perPage = answers.map((a) => a[endpoint.paging.items]?.length ?? 0);
    assert.ok(perPage.reduce((a, b) => a + b, 0) > 0, 'the world has items for it');
    const items = [];
    for await (const item of client.paginate(path, payload)) items.push(item);
    assert.deepEqual(items, answers.flatMap((a) => a[endpoint.paging.items] ?? []), 'paginate = the items of pages, in order');
    if (endpoint.paging.kind === 'offset') assert.equal(answers.at(-1)[endpoint.paging.items]?.length ?? 0, 0, 'offset paging ends on an empty page');
    else assert.ok(!answers.at(-1)[endpoint.paging.response], 'the last page has no next cursor');
  });

  test(`issue 11: ${path}: an abort mid-iteration rejects with E_ABORTED and stops the calls; a break stops them too`, async () => {
    const { payload } = cases.get(path);
    // A next cursor on the first page (injected: the world may have one page only).
    mock.inject({ path, extra: { [endpoint.paging.response]: marker('ABORT') }, times: 1 });
    const controller = new AbortController();
    const pages = client.pages(path, payload, { signal: controller.signal });
    assert.equal((await pages.next()).done, false);
    const start = hits(mock, path);
    controller.abort();
    const err = await failure(() => pages.next());
    assert.ok(err instanceof WeComAbortError, String(err));
    assert.equal(err.code, 'E_ABORTED');
    assert.equal(hits(mock, path) - start, 0, 'no call after the abort');

    mock.inject({ path, extra: { [endpoint.paging.response]: marker('BREAK') }, times: 1 });
    const before = hits(mock, path);
    for await (const answer of client.pages(path, payload)) {
      assert.ok(answer);
      break;
    }
    assert.equal(hits(mock, path) - before, 1, 'a break after the first page: one call');
  });

  test(`issue 11: ${path}: a cursor that comes back is E_PAGINATION_LOOP, never a loop`, async () => {
    const { payload } = cases.get(path);
    const cursor = marker('LOOP');
    // The first page is the world's with the cursor replaced; the second (which the look-alike
    // would refuse: the cursor is not one of its own) is an injected answer naming it again.
    mock.inject([
      { path, extra: { [endpoint.paging.response]: cursor }, times: 1 },
      // Offset paging ends on an empty page before it compares offsets: the repeat carries an item.
      { path, errcode: 0, extra: { [endpoint.paging.response]: cursor, [endpoint.paging.items]: isOffset ? [{}] : [] }, times: 1 },
    ]);
    const seen = [];
    const err = await failure(async () => {
      for await (const answer of client.pages(path, payload)) seen.push(answer);
    });
    assert.ok(err instanceof WeComUsageError, String(err));
    assert.equal(err.code, 'E_PAGINATION_LOOP');
    assert.equal(err.endpoint, path);
    assert.equal(err.field, endpoint.paging.response);
    assert.ok(!err.message.includes(String(cursor)), 'the cursor is not echoed');
    assert.equal(seen.length, 2, 'both answers were yielded before the error');
  });
}

test('issue 11: get_unassigned_list pages by page_id while page_id × page_size < 50 000, then stops with E_USAGE rather than ask WeCom for what it refuses', async () => {
  const path = 'externalcontact/get_unassigned_list';
  const start = hits(mock, path);
  const items = [];
  for await (const item of client.paginate(path, { page_id: 0, page_size: 2 })) items.push(item);
  const byCursor = [];
  for await (const item of client.paginate(path, { page_size: 2 })) byCursor.push(item);
  assert.deepEqual(items, byCursor, 'by page number and by cursor: the same items');
  assert.ok(hits(mock, path) - start >= 4);
  // Page 24 999 × 2 is the last page under 50 000: the iteration must not go past it.
  mock.inject({ path, extra: { is_last: false, info: [{ handover_userid: 'h', external_userid: 'wmX', dimission_time: 1 }] }, times: 1 });
  const err = await failure(async () => {
    for await (const item of client.paginate(path, { page_id: 24_999, page_size: 2 })) assert.ok(item);
  });
  assert.ok(err instanceof WeComUsageError, String(err));
  assert.equal(err.code, 'E_USAGE');
  assert.match(err.message, /page_id × page_size would reach 50000/);
});

test('issue 11: a legacy endpoint warns once per client through its logger, naming its replacement', async () => {
  const logger = memoryLogger();
  const legacy = clientFor(mock, { logger });
  const id = mock.world.customerIds()[0];
  await legacy.crmGetExternalContact({ external_userid: id });
  await legacy.request('crm/get_external_contact', { external_userid: id });
  const warned = logger.lines.filter(([level, message]) => level === 'warn' && message.includes('legacy'));
  assert.equal(warned.length, 1, JSON.stringify(logger.lines));
  assert.equal(warned[0][2].path, 'crm/get_external_contact');
  assert.equal(warned[0][2].use, 'externalcontact/get');
  // Another client warns again; a current endpoint never does.
  const other = memoryLogger();
  const second = clientFor(mock, { logger: other });
  await second.getExternalContact({ external_userid: id });
  await second.crmGetExternalContact({ external_userid: id });
  assert.equal(other.lines.filter(([level, message]) => level === 'warn' && message.includes('legacy')).length, 1);
  assert.deepEqual(
    endpoints.filter((e) => e.deprecated).map((e) => e.path).sort(),
    ['crm/get_external_contact', 'externalcontact/get_group_msg_result', 'externalcontact/get_transfer_result', 'externalcontact/transfer'],
  );
});

test('issue 11: the declarations reach the TypeScript: legacy methods are @deprecated, the paging endpoints are in PageItemMap', async () => {
  const { readFile } = await import('node:fs/promises');
  const dts = await readFile(new URL('./endpoints.d.ts', import.meta.resolve('wecom-external-contact')), 'utf8');
  for (const e of endpoints.filter((x) => x.deprecated)) {
    const at = dts.indexOf(`  ${e.jsName}(payload`);
    assert.ok(at > 0, e.jsName);
    const doc = dts.slice(dts.lastIndexOf('/**', at), at);
    assert.match(doc, new RegExp(`@deprecated .*use ${e.deprecated}`), `${e.jsName}: ${doc}`);
  }
  const map = dts.slice(dts.indexOf('export interface PageItemMap {'), dts.indexOf('}', dts.indexOf('export interface PageItemMap {')));
  for (const e of paged) assert.ok(map.includes(`'${e.path}':`), `${e.path} in PageItemMap`);
});

test('issue 11: add_contact_way does not page (a usage error before any call)', async () => {
  const err = await failure(async () => {
    for await (const x of client.paginate(ADD, validAddPayload())) assert.ok(x);
  });
  assert.equal(err.code, 'E_USAGE');
});
