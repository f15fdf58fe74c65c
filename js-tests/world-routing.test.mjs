// Issue 11: every endpoint the package declares is served by the look-alike with the declared
// method (a token check answers, not 40066 "api not found"). Through the packed package.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints } from 'wecom-external-contact';
import { startWorld, assertErrcode } from './world-helpers.mjs';

let mock;
let wecom;
before(async () => {
  ({ mock, wecom } = await startWorld({ world: { customers: 20 } }));
});
after(() => mock.close());

test('issue 11: every declared endpoint is served with its declared method', async () => {
  assert.ok(endpoints.length >= 19);
  for (const e of endpoints) {
    const res = await fetch(`${mock.url}/cgi-bin/${e.path}`, { method: e.method, body: e.method === 'POST' ? '{}' : undefined });
    assert.equal(res.status, 200, `${e.path} is routed`);
    const answer = await res.json();
    // Without a token: 41001; gettoken needs none and misses its corpid instead.
    assertErrcode(answer, e.path === 'gettoken' ? 41002 : 41001, e.path);
  }
});

test('issue 11: the other method is refused with 40063 on every declared endpoint', async () => {
  for (const e of endpoints.filter((x) => x.path !== 'gettoken')) {
    const other = e.method === 'GET' ? 'POST' : 'GET';
    const res = await wecom.raw(e.path, { method: other, body: other === 'POST' ? '{}' : undefined });
    assertErrcode(await res.json(), 40063, `${other} ${e.path}`);
  }
});
