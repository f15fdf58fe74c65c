// A built browser app in headless Chromium: `node lib/browser-check.mjs <output dir> [--forms]`
// serves the directory (serve.mjs), opens its index.html (browser.mjs) and judges checks.js's
// summary (expect.mjs; `--forms`: the app bundles wecom-external-contact/validate too). No failed
// request and no page or console error are allowed. Exits 0 when all is right, 1 otherwise.
import { resolve } from 'node:path';
import { loadPage } from './browser.mjs';
import { expectFullRun } from './expect.mjs';
import { serveStatic } from './serve.mjs';

const [dir, flag] = process.argv.slice(2);
if (!dir || (flag !== undefined && flag !== '--forms')) throw new Error('usage: browser-check.mjs <output dir> [--forms]');

const site = await serveStatic(resolve(dir));
let code = 1;
try {
  const { summary, problems, loaded } = await loadPage(`${site.url}/index.html`);
  expectFullRun(summary, { withForms: flag === '--forms' });
  if (problems.length > 0) throw new Error(`problems on the page:\n${problems.join('\n')}`);
  console.log(`ok: loaded ${loaded.join(' ')}`);
  code = 0;
} catch (e) {
  console.error(String(e?.message ?? e));
} finally {
  await site.close();
}
process.exit(code);
