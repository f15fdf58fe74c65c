// Issues 11 and 12: every endpoint the package declares, called through the packed package's own
// method (validation, token, multipart for uploads) against the look-alike, with the Rust
// fixtures' minimal valid payload (valid_payloads.json). The call must reach the look-alike and
// come back as an answer or a WeComApiError (the fixtures' ids are made up: the world may not
// know them) — never a validation, usage or engine error on the SDK's side. The world-*.test.mjs
// files make the coherent calls; this one proves none of the 89 callable endpoints is left out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { endpoints, WeComApiError } from 'wecom-external-contact';
import { clientFor, hits, startMock } from './helpers.mjs';

const payloads = JSON.parse(readFileSync(new URL('./valid_payloads.json', import.meta.url), 'utf8'));
let mock;
let client;
before(async () => {
  mock = await startMock({ world: { customers: 50 } });
  client = clientFor(mock);
});
after(() => mock?.close());

test('issues 11 and 12: every callable endpoint is called through its method and reaches the look-alike', async () => {
  const callable = endpoints.filter((e) => e.jsName);
  assert.equal(callable.length, 89, 'all declared endpoints but gettoken');
  const outcomes = { ok: 0, api: 0 };
  for (const e of callable) {
    const payload = payloads[e.path];
    assert.ok(payload, `valid_payloads.json has ${e.path}`);
    // An upload carries a file of the declared size instead of the size.
    const { size, ...rest } = payload;
    const args = e.multipart ? { ...rest, file: new Uint8Array(size) } : payload;
    const before = hits(mock, e.path);
    try {
      await client[e.jsName](args);
      outcomes.ok += 1;
    } catch (err) {
      assert.ok(err instanceof WeComApiError, `${e.path}: ${err?.code} ${err?.message}`);
      outcomes.api += 1;
    }
    assert.ok(hits(mock, e.path) > before, `${e.path} reached the look-alike`);
  }
  assert.ok(outcomes.ok > 0 && outcomes.ok + outcomes.api === 89, JSON.stringify(outcomes));
});
