// Loads a built page in Debian's headless Chromium (playwright-core, never a downloaded browser)
// and judges what it reports: `node lib/browser-check.mjs <output dir> [--forms]` (`--forms`: the
// app also bundles wecom-external-contact/validate and hands it to runPage). The look-alike
// runs here in Node (it answers CORS, so the page calls it cross-origin through `baseUrl`); its
// URL and credentials reach the page in the query string. The page leaves checks.js's summary
// on `window.__results`. Exits 0 when the run was complete and correct, 1 otherwise.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startMockServer } from 'wecom-external-contact/mock-server';
import { expectFullRun } from './expect.mjs';
import { serveStatic } from './serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const [dir, flag] = process.argv.slice(2);
if (!dir || (flag !== undefined && flag !== '--forms')) throw new Error('usage: browser-check.mjs <output dir> [--forms]');
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (npm/scripts/setup.sh installs it)`);

const mock = await startMockServer();
const site = await serveStatic(resolve(dir));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  timeout: 30_000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
const log = [];
let code = 1;
try {
  const tab = await browser.newPage();
  tab.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
  tab.on('pageerror', (e) => log.push(`page error: ${e}`));
  const query = new URLSearchParams({ mock: mock.url, corpId: mock.corpId, secret: mock.corpSecret });
  await tab.goto(`${site.url}/index.html?${query}`);
  await tab.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 });
  const summary = await tab.evaluate(() => window.__results);
  const missing = site.served.filter((s) => s.status !== 200 && s.path !== '/favicon.ico');
  if (missing.length > 0) log.push(`404s: ${missing.map((s) => s.path).join(', ')}`);
  expectFullRun(summary, { withForms: flag === '--forms' });
  const errors = log.filter((l) => /^(page error|console\.error)/.test(l));
  if (errors.length > 0) throw new Error(`errors on the page:\n${errors.join('\n')}`);
  console.log(`ok: ${site.served.filter((s) => s.status === 200).map((s) => s.path).join(' ')}`);
  code = 0;
} catch (e) {
  console.error(String(e?.message ?? e));
  if (log.length > 0) console.error(log.join('\n'));
} finally {
  await browser.close();
  await Promise.all([mock.close(), site.close()]);
}
process.exit(code);
