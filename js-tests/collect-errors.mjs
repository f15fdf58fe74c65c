// Preloaded into every test process of the suite (NODE_OPTIONS=--import, see run.sh): keeps
// every error the tests provoke, from assert.rejects / assert.throws and from helpers.failure(),
// and every log line handed to collectForScan(), and writes their renderings to
// $WECOM_COLLECT_DIR/<pid>.json at exit. scan-errors.mjs then looks for secrets in all of them.
import assert from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

const dir = process.env.WECOM_COLLECT_DIR;
const rendered = [];

/** Every way a value might be shown: message, stack, JSON, inspect, String, the cause chain. */
function render(value) {
  const out = [];
  const seen = new Set();
  let cur = value;
  while (cur !== undefined && cur !== null && !seen.has(cur)) {
    seen.add(cur);
    out.push(inspect(cur, { showHidden: true, depth: Infinity, getters: true }));
    try {
      out.push(String(cur), JSON.stringify(cur) ?? '');
      if (typeof cur === 'object') out.push(String(cur.message ?? ''), String(cur.stack ?? ''));
    } catch {
      // not printable that way: inspect above still shows it
    }
    cur = typeof cur === 'object' ? cur.cause : undefined;
  }
  return out.join('\n');
}

function collect(value) {
  if (dir) rendered.push(render(value));
}
globalThis.__wecomCollectForScan = collect;

// assert.throws / assert.rejects: see the error, then let the original judge it.
for (const target of [assert, assert.strict]) {
  const { throws, rejects } = target;
  target.throws = function (fn, ...rest) {
    return throws.call(
      this,
      () => {
        try {
          return fn();
        } catch (e) {
          collect(e);
          throw e;
        }
      },
      ...rest,
    );
  };
  target.rejects = function (promiseOrFn, ...rest) {
    const run = typeof promiseOrFn === 'function' ? promiseOrFn : () => promiseOrFn;
    return rejects.call(
      this,
      async () => {
        try {
          return await run();
        } catch (e) {
          collect(e);
          throw e;
        }
      },
      ...rest,
    );
  };
}

process.on('exit', () => {
  if (dir && rendered.length > 0) writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(rendered));
});
