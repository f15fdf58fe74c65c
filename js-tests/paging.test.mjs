// issue 11 (first slice): pagination derived from the declarations. `client.pages` and
// `client.paginate` serve every endpoint whose declaration says how it pages (today
// list_contact_way: cursor → next_cursor, items contact_way), through the packed package against
// the look-alike: all pages, the caller's fields on every page, abort mid-iteration, a repeating
// cursor, a non-paging endpoint.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, WeComAbortError, WeComUsageError } from 'wecom-external-contact';
import { ADD, LIST, clientFor, failure, hits, startMock, validAddPayload } from './helpers.mjs';

let mock;
let client;
const created = [];

before(async () => {
  mock = await startMock();
  client = clientFor(mock);
  for (let i = 0; i < 7; i += 1) {
    const { config_id } = await client.addContactWay(validAddPayload({ state: `page-${i}` }));
    created.push(config_id);
  }
});
after(() => mock?.close());

test('issue 11: the endpoint table says how list_contact_way pages (from its declaration)', () => {
  const list = endpoints.find((e) => e.path === LIST);
  assert.deepEqual({ ...list.paging }, { kind: 'cursor', request: 'cursor', response: 'next_cursor', items: 'contact_way' });
  assert.equal(endpoints.find((e) => e.path === ADD).paging, null, 'a write does not page');
});

test('issue 11: paginate yields every item across pages; pages yields each answer; the caller\'s fields go on every page', async () => {
  const before = hits(mock, LIST);
  const seen = [];
  for await (const way of client.paginate(LIST, { limit: 3 })) seen.push(way.config_id);
  assert.deepEqual([...seen].sort(), [...created].sort());
  assert.equal(hits(mock, LIST) - before, 3, '7 items at 3 a page: 3 calls');

  const answers = [];
  for await (const page of client.pages(`/cgi-bin/${LIST}`, { limit: 3 })) answers.push(page);
  assert.deepEqual(answers.map((a) => a.contact_way.length), [3, 3, 1], 'the limit is sent with every page');
  assert.equal(typeof answers[0].next_cursor, 'string');
  assert.ok(!answers[2].next_cursor, 'the last page has no cursor');
});

test('issue 11: breaking out of the loop stops the calls; an abort between pages rejects with E_ABORTED', async () => {
  const start = hits(mock, LIST);
  for await (const way of client.paginate(LIST, { limit: 2 })) {
    assert.ok(way.config_id);
    break;
  }
  assert.equal(hits(mock, LIST) - start, 1, 'one page fetched, no more');

  const controller = new AbortController();
  const pages = client.pages(LIST, { limit: 2 }, { signal: controller.signal });
  const first = await pages.next();
  assert.equal(first.value.contact_way.length, 2);
  controller.abort();
  const err = await failure(() => pages.next());
  assert.ok(err instanceof WeComAbortError, String(err));
  assert.equal(err.code, 'E_ABORTED');
});

test('issue 11: a cursor that comes back is E_PAGINATION_LOOP, never an endless loop', async () => {
  const pages = client.pages(LIST, { limit: 2 });
  const first = await pages.next();
  const cursor = first.value.next_cursor;
  assert.equal(typeof cursor, 'string');
  // The second answer names the first cursor again.
  mock.inject({ path: LIST, extra: { next_cursor: cursor }, times: 1 });
  const second = await pages.next();
  assert.equal(second.value.next_cursor, cursor);
  const err = await failure(() => pages.next());
  assert.ok(err instanceof WeComUsageError);
  assert.equal(err.code, 'E_PAGINATION_LOOP');
  assert.equal(err.endpoint, LIST);
  assert.equal(err.field, 'next_cursor');
  assert.ok(!err.message.includes(cursor), 'the cursor itself is not echoed');
  assert.deepEqual(await pages.next(), { value: undefined, done: true }, 'the iterator is finished');
});

test('issue 11: an endpoint that does not page, or a bad payload, is a usage error before any call', async () => {
  const start = hits(mock, ADD);
  const err = await failure(() => client.paginate(ADD, {}).next());
  assert.ok(err instanceof WeComUsageError);
  assert.equal(err.code, 'E_USAGE');
  assert.match(err.message, /externalcontact\/list_contact_way/, 'names the endpoints that page');
  assert.equal(hits(mock, ADD), start);
  const bad = await failure(() => client.pages(LIST, 'limit=3').next());
  assert.equal(bad.code, 'E_USAGE');
  const invalid = await failure(() => client.pages(LIST, { limit: 'ten' }).next());
  assert.equal(invalid.code, 'E_VALIDATION', 'each page is validated like any call');
});
