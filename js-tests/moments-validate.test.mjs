// issue 12: moments and moment strategies through the packed package — validate() and the
// generated methods refuse what WeCom refuses (nothing is sent), send what it accepts or clamps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { validate, endpoints, WeComValidationError } from 'wecom-external-contact';
import { startMock, clientFor, hits } from './helpers.mjs';

const ADD = 'externalcontact/add_moment_task';
const img = (i) => ({ msgtype: 'image', image: { media_id: `MEDIA_${i}` } });
const video = { msgtype: 'video', video: { media_id: 'MEDIA_VIDEO' } };
const link = { msgtype: 'link', link: { url: 'https://example.com/p', media_id: 'MEDIA_COVER' } };

/** `[path, rule]` of each finding. */
const where = (list) => list.map((i) => [i.path, i.rule]);

let mock;
let client;
before(async () => {
  mock = await startMock();
  client = clientFor(mock);
});
after(() => mock?.close());

test('issue 12: a moment takes nine images, or one video alone, or one link alone', () => {
  assert.equal(validate(ADD, { attachments: Array.from({ length: 9 }, (_, i) => img(i)) }).valid, true);
  assert.equal(validate(ADD, { text: { content: '看视频' }, attachments: [video] }).valid, true);
  assert.equal(validate(ADD, { attachments: [link] }).valid, true);
  assert.deepEqual(where(validate(ADD, { attachments: Array.from({ length: 10 }, (_, i) => img(i)) }).errors), [['/attachments', 'R-MO-01']]);
  for (const attachments of [[img(0), video], [video, video], [link, img(1)]]) {
    const r = validate(ADD, { attachments }, { locale: 'en' });
    assert.deepEqual(where(r.errors), [['/attachments', 'R-MO-01']], JSON.stringify(attachments));
    assert.match(r.errors[0].message, /is the only attachment of its moment/);
  }
  // An empty video object is no video: it is not counted (it is reported as incomplete instead).
  const r = validate(ADD, { attachments: [img(0), { msgtype: 'video', video: {} }] });
  assert.deepEqual(where(r.errors), [['/attachments/1/video/media_id', 'R-MO-01'], ['/attachments/1', 'R-MO-01']]);
  // Text and attachments not both empty; text at most 2000 characters (not bytes).
  assert.deepEqual(where(validate(ADD, {}).errors), [['', 'R-MO-01']]);
  assert.equal(validate(ADD, { text: { content: '字'.repeat(2000) } }).valid, true);
  assert.deepEqual(where(validate(ADD, { text: { content: '字'.repeat(2001) } }).errors), [['/text/content', 'R-MO-01']]);
});

test('issue 12: get_moment_list follows the official page: limit ≤ 20 (past it a warning, not WxJava\'s 100), ≤ 30 days', () => {
  const base = { start_time: 1_605_000_000, end_time: 1_605_000_000 + 30 * 86_400 };
  assert.deepEqual(validate('externalcontact/get_moment_list', { ...base, limit: 20 }), { valid: true, errors: [], warnings: [] });
  const clamped = validate('externalcontact/get_moment_list', { ...base, limit: 100 });
  assert.equal(clamped.valid, true);
  assert.deepEqual(where(clamped.warnings), [['/limit', 'R-MO-04']]);
  assert.deepEqual(where(validate('externalcontact/get_moment_list', { ...base, end_time: base.end_time + 1 }).errors), [['/end_time', 'R-MO-04']]);
  const paging = endpoints.find((e) => e.path === 'externalcontact/get_moment_list').paging;
  assert.equal(paging.items, 'moment_list');
});

test('issue 12: moment strategies: ≤ 20 admins, ≤ 100 nodes a call, each node with its id; refused before anything is sent', async () => {
  const admins = (n) => Array.from({ length: n }, (_, i) => `user${i}`);
  const nodes = (n) => Array.from({ length: n }, (_, i) => ({ type: 1, userid: `user${i}` }));
  const ok = { strategy_name: '华南', admin_list: admins(20), range: nodes(100) };
  assert.equal(validate('externalcontact/moment_strategy/create', ok).valid, true);
  const bad = { strategy_name: '华南', admin_list: admins(21), range: [...nodes(99), { type: 2 }] };
  assert.deepEqual(where(validate('externalcontact/moment_strategy/create', bad).errors), [
    ['/admin_list', 'R-MG-03'],
    ['/range/99/partyid', 'R-SC-01'],
  ]);
  const many = validate('externalcontact/moment_strategy/create', { ...ok, range: nodes(101) });
  assert.deepEqual(where(many.errors), [['/range', 'R-MG-03']]);
  const before = hits(mock, 'externalcontact/moment_strategy/create');
  await assert.rejects(client.momentStrategyCreate(bad), (err) => err instanceof WeComValidationError);
  assert.equal(hits(mock, 'externalcontact/moment_strategy/create'), before, 'nothing was sent');
  const edit = validate('externalcontact/moment_strategy/edit', { strategy_id: 1, range_del: [{ type: 1, userid: 'a', partyid: 2 }] });
  assert.equal(edit.valid, true);
  assert.deepEqual(where(edit.warnings), [['/range_del/0/partyid', 'R-SC-01']]);
});
