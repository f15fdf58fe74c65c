// Loads a page in Debian's headless Chromium (playwright-core, never a downloaded browser) and
// returns what it left on `window.__results`, with every failed request and page error seen.
// The look-alike runs here in Node (it answers CORS, so the page calls it cross-origin through
// `baseUrl`); its URL and credentials reach the page in the query string.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startMockServer } from 'wecom-external-contact/mock-server';
import { expectFullRun } from './expect.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Opens `pageUrl` (plus the look-alike's query string), waits up to 30 s for `window.__results`
 * and resolves to { summary, problems: string[], loaded: string[] }: `problems` lists page errors,
 * console errors and responses with a status of 400 or more; `loaded` the paths fetched.
 */
export async function loadPage(pageUrl) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (npm/scripts/setup.sh installs it)`);
  const mock = await startMockServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  const problems = [];
  const loaded = [];
  try {
    const tab = await browser.newPage();
    tab.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    tab.on('pageerror', (e) => problems.push(`page error: ${e}`));
    tab.on('response', (r) => {
      const { origin, pathname } = new URL(r.url());
      if (origin === mock.url) return;
      loaded.push(pathname);
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${pathname}`);
    });
    const query = new URLSearchParams({ mock: mock.url, corpId: mock.corpId, secret: mock.corpSecret });
    await tab.goto(`${pageUrl}?${query}`);
    await tab.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 }).catch((e) => {
      throw new Error(`the page did not report within 30 s (${e.message})\n${problems.join('\n')}`);
    });
    return { summary: await tab.evaluate(() => window.__results), problems, loaded };
  } finally {
    await browser.close();
    await mock.close();
  }
}

/**
 * The body of every page check: `start()` serves the app and resolves to `{ url, stop }`; the page
 * at `url` is loaded and what it left is handed to `judge({ summary, problems, loaded })`, which
 * throws when something is wrong and returns the line to print when all is right. Stops the server,
 * then exits the process: 0 when the judge was content, 1 otherwise.
 */
export async function checkPage(start, judge) {
  const { url, stop } = await start();
  let code = 1;
  try {
    console.log(judge(await loadPage(url)));
    code = 0;
  } catch (e) {
    console.error(String(e?.message ?? e));
  } finally {
    await stop();
  }
  process.exit(code);
}

/** The judge of a page whose app ran checks.js in full: no failed request, no page or console error. */
export function fullRun({ withForms }) {
  return ({ summary, problems, loaded }) => {
    expectFullRun(summary, { withForms });
    if (problems.length > 0) throw new Error(`problems on the page:\n${problems.join('\n')}`);
    return `ok: loaded ${loaded.join(' ')}`;
  };
}
