// issue 12: customer moments in the look-alike's world, through the packed package — an
// add_moment_task job goes 1 → 2 → 3 on the look-alike's clock and makes a moment; its senders
// publish an hour later (or never, once cancelled); the records (get_moment_list, get_moment_task,
// get_moment_customer_list, get_moment_send_result, get_moment_comments) come from the world; WeCom's
// errcodes for bad requests. The clock is pinned (`now`), so only advanceTime moves it. Valid calls
// go through the SDK (sdkCall); the look-alike's own checks are asked directly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertErrcode, directCaller, everyItem, sdkCall, startWorld } from './world-helpers.mjs';

/** 2024-01-01T00:00:00Z plus 12 hours: seeded moments lie in the 60 days before 2024-01-01. */
const T0_MS = 1_704_067_200_000 + 12 * 3600_000;
const T0 = T0_MS / 1000;
const DAY = 86_400;

let mock;
let wecom;
let client;

before(async () => {
  ({ mock, wecom, client } = await startWorld({ seed: 12, now: () => T0_MS }));
});
after(() => mock?.close());

/** One SDK call (path after `externalcontact/`). */
function call(path, body, method = 'POST') {
  return sdkCall(client, `externalcontact/${path}`, body, method);
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

/** A job's answer, straight from the look-alike. */
async function jobResult(jobid) {
  const answer = await wecom.get('externalcontact/get_moment_task_result', { jobid });
  assertErrcode(answer, 0, 'get_moment_task_result');
  return answer;
}

/** Every item of a cursor-paged list, through `client.paginate`. */
const walk = (path, body) => everyItem(client, `externalcontact/${path}`, body);

test.beforeEach(async () => {
  mock.reset();
  wecom = await directCaller(mock);
});

test('issue 12: a moment job goes 1 → 2 → 3 as the clock advances, then names its moment and the invalid senders', async () => {
  const { jobid } = await call('add_moment_task', {
    text: { content: '新品上市' },
    visible_range: { sender_list: { user_list: ['zhangsan', 'nobody-here'], department_list: [9999] } },
  });
  assert.equal(typeof jobid, 'string');
  assert.equal((await jobResult(jobid)).status, 1, 'started');
  assert.equal((await jobResult(jobid)).result, undefined);
  await advance(10);
  assert.equal((await jobResult(jobid)).status, 2, 'running 10 s later');
  await advance(50);
  const done = await jobResult(jobid);
  assert.equal(done.status, 3, 'done 60 s after the task');
  assert.equal(done.type, 'add_moment_task');
  assert.equal(done.result.errcode, 0);
  assert.deepEqual(done.result.invalid_sender_list, { user_list: ['nobody-here'], department_list: [9999] });
  const moment = mock.world.moments().find((m) => m.moment_id === done.result.moment_id);
  assert.ok(moment, 'the moment is in the world');
  assert.equal(moment.create_time, T0 + 60);
  assert.deepEqual(moment.senders.map((s) => s.userid), ['zhangsan']);
  const listed = await walk('get_moment_list', { start_time: T0, end_time: T0 + DAY, filter_type: 0 }, 'moment_list');
  assert.deepEqual(listed.map((m) => m.moment_id), [done.result.moment_id]);
  assert.deepEqual(listed[0].text, { content: '新品上市' });
});

test('issue 12: a corp moment\'s sender publishes it an hour later; its customers and send result are the sender\'s customers', async () => {
  const { jobid } = await call('add_moment_task', { text: { content: '周末会员日' }, visible_range: { sender_list: { user_list: ['zhangsan'] } } });
  await advance(60);
  const momentId = (await jobResult(jobid)).result.moment_id;
  assert.deepEqual((await call('get_moment_task', { moment_id: momentId })).task_list, [{ userid: 'zhangsan', publish_status: 0 }]);
  await refused('get_moment_send_result', { moment_id: momentId, userid: 'zhangsan' }, 41067);
  await advance(3600);
  assert.deepEqual((await call('get_moment_task', { moment_id: momentId })).task_list, [{ userid: 'zhangsan', publish_status: 1 }]);
  const customers = mock.world.customersOf('zhangsan');
  assert.ok(customers.length > 3, 'zhangsan has customers in this world');
  const seen = await walk('get_moment_customer_list', { moment_id: momentId, userid: 'zhangsan', limit: 2 }, 'customer_list');
  assert.deepEqual(seen, customers.map((id) => ({ userid: 'zhangsan', external_userid: id })));
  const sent = await walk('get_moment_send_result', { moment_id: momentId, userid: 'zhangsan', limit: 3 }, 'customer_list');
  assert.deepEqual(sent.map((c) => c.external_userid), [...customers]);
  const reactions = await call('get_moment_comments', { moment_id: momentId, userid: 'zhangsan' });
  for (const r of [...reactions.comment_list, ...reactions.like_list]) assert.ok(customers.includes(r.external_userid));
  assert.deepEqual(await call('get_moment_comments', { moment_id: momentId, userid: 'zhangsan' }), reactions, 'the same every time');
  await refused('get_moment_comments', { moment_id: momentId, userid: 'lisi' }, 41062);
});

test('issue 12: cancel_moment_task stops the senders who have not published yet', async () => {
  const { jobid } = await call('add_moment_task', { text: { content: '春季新款' }, visible_range: { sender_list: { user_list: ['zhangsan', 'lisi'] } } });
  await advance(60);
  const momentId = (await jobResult(jobid)).result.moment_id;
  await call('cancel_moment_task', { moment_id: momentId });
  await advance(2 * 3600);
  const tasks = (await call('get_moment_task', { moment_id: momentId })).task_list;
  assert.deepEqual(tasks, [{ userid: 'zhangsan', publish_status: 0 }, { userid: 'lisi', publish_status: 0 }]);
  await refused('get_moment_customer_list', { moment_id: momentId, userid: 'lisi' }, 41067);
});

test('issue 12: get_moment_list pages the world\'s moments by cursor, ≤ 30 days, limit above 20 answers 20', async () => {
  const big = await startWorld({ seed: 12, now: () => T0_MS, world: { members: 100 } });
  try {
    const start = T0 - 30 * DAY;
    const expected = big.mock.world.moments().filter((m) => m.create_time >= start && m.create_time <= T0).map((m) => m.moment_id);
    assert.ok(expected.length > 20, 'the seeded world has more moments than one page');
    const listed = [];
    let cursor = '';
    do {
      const answer = await sdkCall(big.client, 'externalcontact/get_moment_list', { start_time: start, end_time: T0, limit: 7, cursor });
      listed.push(...answer.moment_list);
      cursor = answer.next_cursor;
    } while (cursor);
    assert.deepEqual(listed.map((m) => m.moment_id), expected);
    const wide = await big.wecom.post('externalcontact/get_moment_list', { start_time: start, end_time: T0, limit: 50 });
    assertErrcode(wide, 0);
    assert.equal(wide.moment_list.length, 20);
    const refusedBig = async (body) => assertErrcode(await big.wecom.post('externalcontact/get_moment_list', body), 40058, JSON.stringify(body));
    await refusedBig({ start_time: start - 1, end_time: T0 });
    await refusedBig({ start_time: T0, end_time: start });
    await refusedBig({ end_time: T0 });
    await refusedBig({ start_time: start, end_time: T0, cursor: 'not-a-cursor-of-this-world' });
    await refusedBig({ start_time: start, end_time: T0, filter_type: 3 });
  } finally {
    await big.mock.close();
  }
  const personal = await walk('get_moment_list', { start_time: T0 - 30 * DAY, end_time: T0, filter_type: 1, creator: 'lisi' }, 'moment_list');
  assert.deepEqual(personal.map((m) => m.moment_id),
    mock.world.moments().filter((m) => m.create_type === 1 && m.creator === 'lisi' && m.create_time >= T0 - 30 * DAY).map((m) => m.moment_id));
});

test('issue 12: add_moment_task checks the moment like WeCom', async () => {
  await refused('add_moment_task', {}, 41089);
  await refused('add_moment_task', { text: { content: '' }, attachments: [] }, 41089);
  await refused('add_moment_task', { text: { content: '字'.repeat(2001) } }, 40058);
  const image = { msgtype: 'image', image: { media_id: 'm' } };
  await refused('add_moment_task', { attachments: [image, { msgtype: 'link', link: { media_id: 'm', url: 'https://example.com' } }] }, 41065);
  await refused('add_moment_task', { attachments: [{ msgtype: 'voice', voice: { media_id: 'm' } }] }, 41065);
  await refused('add_moment_task', { attachments: Array.from({ length: 10 }, () => image) }, 41064);
  await refused('add_moment_task', { attachments: [{ msgtype: 'video', video: { media_id: 'm' } }, { msgtype: 'video', video: { media_id: 'm' } }] }, 41064);
  assertErrcode(await direct('add_moment_task', { text: { content: '字'.repeat(2000) } }), 0, 'text of 2000 characters');
  await refused('add_moment_task', { attachments: [{ msgtype: 'image', image: { media_id: 'not-a-media-id-of-this-world' } }] }, 40007);
  const seededImage = mock.world.mediaIds().find((m) => m.type === 'image').media_id;
  const { jobid } = await call('add_moment_task', { attachments: [{ msgtype: 'image', image: { media_id: seededImage } }] });
  await advance(60);
  const momentId = (await jobResult(jobid)).result.moment_id;
  assert.deepEqual(mock.world.moments().find((m) => m.moment_id === momentId).image, [{ media_id: seededImage }]);
});

test('issue 12: add_moment_task allows 10 tasks a minute (45009 past them)', async () => {
  for (let i = 0; i < 10; i += 1) assertErrcode(await direct('add_moment_task', { text: { content: `第${i}条` } }), 0, `task ${i}`);
  await refused('add_moment_task', { text: { content: '第11条' } }, 45009);
  await advance(60);
  assertErrcode(await direct('add_moment_task', { text: { content: '下一分钟' } }), 0, 'a minute later');
});

test('issue 12: moment records answer WeCom\'s moment errcodes', async () => {
  const personal = mock.world.moments().find((m) => m.create_type === 1);
  const corp = mock.world.moments().find((m) => m.create_type === 0);
  await refused('get_moment_task', {}, 41059);
  await refused('get_moment_task', { moment_id: 'mo-not-in-this-world' }, 41060);
  await refused('get_moment_task', { moment_id: personal.moment_id }, 41061);
  await refused('cancel_moment_task', { moment_id: personal.moment_id }, 41061);
  await refused('get_moment_customer_list', { moment_id: corp.moment_id, userid: 'nobody-here' }, 40003);
  const answer = await direct('get_moment_comments', { moment_id: personal.moment_id, userid: personal.creator });
  assertErrcode(answer, 0, 'a member\'s own moment');
  assertErrcode(await wecom.get('externalcontact/get_moment_task_result', { jobid: 'not-a-job' }), 40058, 'unknown jobid');
});

test('issue 12: a jobid answers for 24 hours', async () => {
  const { jobid } = await call('add_moment_task', { text: { content: '一天' } });
  await advance(DAY - 1);
  assert.equal((await jobResult(jobid)).status, 3);
  await advance(1);
  assertErrcode(await wecom.get('externalcontact/get_moment_task_result', { jobid }), 40058, 'expired jobid');
});

test('issue 12: the same seed gives the same moments', async () => {
  const other = await startWorld({ seed: 12, now: () => T0_MS });
  try {
    const body = { start_time: T0 - 30 * DAY, end_time: T0 };
    const mine = await walk('get_moment_list', body, 'moment_list');
    const oursAgain = [];
    let cursor = '';
    do {
      const answer = await sdkCall(other.client, 'externalcontact/get_moment_list', { ...body, cursor });
      oursAgain.push(...answer.moment_list);
      cursor = answer.next_cursor;
    } while (cursor);
    assert.deepEqual(oursAgain, mine);
  } finally {
    await other.mock.close();
  }
});
