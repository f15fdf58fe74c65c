// Judges the no-wasm page: `node check.mjs <output dir>`. The only failed request allowed is the
// wecom.wasm fetch itself. Exits 0 when the page behaved, 1 otherwise.
import { resolve } from 'node:path';
import { checkPage } from '../../lib/browser.mjs';
import { serveStatic } from '../../lib/serve.mjs';

await checkPage(
  async () => {
    const site = await serveStatic(resolve(process.argv[2]));
    return { url: `${site.url}/index.html`, stop: () => site.close() };
  },
  ({ summary, problems }) => {
    console.log(JSON.stringify(summary, null, 2));
    const wrong = [];
    if (summary.fatal) wrong.push(`the page failed: ${summary.fatal}`);
    if (summary.formsValid !== true) wrong.push('the forms entry did not validate');
    const expected = [
      ['ready()', summary.ready, 'E_ENGINE'],
      ['a client call', summary.call, 'E_ENGINE'],
      ['CallbackCrypto#encrypt before ready()', summary.sync, 'E_NOT_READY'],
    ];
    for (const [what, got, want] of expected) {
      if (got?.code !== want || got?.name !== 'WeComEngineError' || got?.isEngineError !== true) {
        wrong.push(`${what}: expected a WeComEngineError ${want}, got ${JSON.stringify(got)}`);
      }
    }
    if (!/wecom\.wasm/.test(summary.ready?.message) || !/inline/.test(summary.ready?.message)) {
      wrong.push(`ready()'s message should name wecom.wasm and the /inline entry: ${summary.ready?.message}`);
    }
    const other = problems.filter((p) => !/wecom\.wasm|404|Failed to load resource/.test(p));
    if (other.length > 0) wrong.push(`problems on the page:\n${other.join('\n')}`);
    if (wrong.length > 0) throw new Error(wrong.join('\n'));
    return 'ok: the page lived on without the engine';
  },
);
