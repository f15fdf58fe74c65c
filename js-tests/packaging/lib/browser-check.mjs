// A built browser app in headless Chromium: `node lib/browser-check.mjs <output dir> [--forms]`
// serves the directory (serve.mjs), opens its index.html (browser.mjs) and judges checks.js's
// summary (expect.mjs; `--forms`: the app bundles wecom-external-contact/validate too). No failed
// request and no page or console error are allowed. Exits 0 when all is right, 1 otherwise.
import { resolve } from 'node:path';
import { checkPage, fullRun } from './browser.mjs';
import { serveStatic } from './serve.mjs';

const [dir, flag] = process.argv.slice(2);
if (!dir || (flag !== undefined && flag !== '--forms')) throw new Error('usage: browser-check.mjs <output dir> [--forms]');

await checkPage(
  async () => {
    const site = await serveStatic(resolve(dir));
    return { url: `${site.url}/index.html`, stop: () => site.close() };
  },
  fullRun({ withForms: flag === '--forms' }),
);
