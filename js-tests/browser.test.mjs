// The package in a real browser: Debian's headless Chromium, driven by playwright-core, loads a
// page (browser/index.html) whose import map points the bare name 'wecom-external-contact' at the
// installed package's browser entry. The page validates a form payload and calls the look-alike
// (cross-origin, CORS) through the browser's own fetch; the results are asserted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, SECRET } from './helpers.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = dirname(here); // run.sh copies the tests to <project>/tests
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

/** A tiny static file server for `root` on 127.0.0.1 (random port); records what it served. */
async function serveStatic(root) {
  const served = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    const file = normalize(join(root, decodeURIComponent(pathname)));
    const type = TYPES[extname(file)];
    try {
      if (!file.startsWith(root + sep) || !type || !(await stat(file)).isFile()) throw new Error('not served');
      const body = await readFile(file);
      served.push({ path: pathname, type, status: 200 });
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      served.push({ path: pathname, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, served, close: () => new Promise((r) => server.close(r)) };
}

let mock;
let site;
let browser;
const consoleMessages = [];
const pageErrors = [];
let results;
let forms;
let formsServed;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}: run npm/scripts/setup.sh (apt-get install chromium)`);
  const { chromium } = await import('playwright-core');
  [mock, site] = await Promise.all([startMock(), serveStatic(projectRoot)]);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const page = await browser.newPage();
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const query = new URLSearchParams({ mock: mock.url, corpId: mock.corpId, secret: SECRET });
  await page.goto(`${site.url}/tests/browser/index.html?${query}`);
  await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 }).catch((e) => {
    throw new Error(`the page did not finish: ${e.message}\nconsole:\n${consoleMessages.join('\n')}\nerrors:\n${pageErrors.join('\n')}`);
  });
  results = await page.evaluate(() => window.__results);
  // Issue 9: the forms entry on a page of its own (a fresh context: nothing cached).
  const context = await browser.newContext();
  const formsPage = await context.newPage();
  formsPage.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  formsPage.on('pageerror', (e) => pageErrors.push(String(e)));
  const servedBefore = site.served.length;
  await formsPage.goto(`${site.url}/tests/browser/forms.html`);
  await formsPage.waitForFunction(() => window.__forms !== undefined, null, { timeout: 30_000 });
  forms = await formsPage.evaluate(() => window.__forms);
  formsServed = site.served.slice(servedBefore);
  await context.close();
});

after(async () => {
  await browser?.close();
  await Promise.all([mock?.close(), site?.close()]);
});

test('the page ran to the end without errors', () => {
  assert.equal(results.fatal, undefined, JSON.stringify(results.fatal, null, 2));
  assert.deepEqual(results.steps, ['validated', 'round trip', 'callback vectors', 'uploads']);
  assert.deepEqual(pageErrors, []);
  const problems = consoleMessages.filter((m) => /^(error|warning):/.test(m));
  assert.deepEqual(problems, [], 'no console errors or warnings (a wrong wasm MIME type would warn)');
});

test('the bare name resolved to the browser entry and the wasm was served as application/wasm', () => {
  const paths = site.served.filter((s) => s.status === 200).map((s) => s.path);
  assert.ok(paths.includes('/node_modules/wecom-external-contact/browser.mjs'), paths.join('\n'));
  assert.ok(!paths.includes('/node_modules/wecom-external-contact/index.mjs'), 'not the Node entry');
  const wasm = site.served.find((s) => s.path.endsWith('.wasm'));
  assert.ok(wasm, `a .wasm was loaded: ${paths.join(', ')}`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, 'application/wasm');
  assert.deepEqual(site.served.filter((s) => s.status !== 200), [], 'no 404s');
});

test('form validation in the browser: valid and invalid, zh-CN and en', () => {
  assert.deepEqual(results.validZh, { valid: true, errors: [], warnings: [] });
  assert.deepEqual(results.validEn, { valid: true, errors: [], warnings: [] });
  for (const report of [results.invalidZh, results.invalidEn]) {
    assert.equal(report.valid, false);
    assert.deepEqual(report.errors.map((e) => [e.path, e.rule]).sort(), [['/remark', 'R-CW-04'], ['/type', 'R-CW-01']]);
    assert.deepEqual(report.warnings.map((e) => [e.path, e.rule]), [['/unknown_field', 'unknown-field']]);
  }
  assert.deepEqual(results.invalidZh.errors.map((e) => e.params), results.invalidEn.errors.map((e) => e.params));
  const zhRemark = results.invalidZh.errors.find((e) => e.path === '/remark');
  const enRemark = results.invalidEn.errors.find((e) => e.path === '/remark');
  assert.match(zhRemark.message, /[\u4e00-\u9fff]/);
  assert.equal(enRemark.message, 'must be at most 30 characters (got 31)');
  assert.equal(results.unknownEndpoint.code, 'E_UNKNOWN_ENDPOINT');
  assert.equal(results.unknownEndpoint.isUsageError, true);
  assert.equal(results.configError.code, 'E_CONFIG', 'after ready(), the constructor checks the options');
  assert.equal(results.configError.isConfigError, true);
  assert.equal(results.configError.isWeComError, true);
  assert.ok(results.endpointPaths.includes('externalcontact/add_contact_way'));
});

test('a real WeComClient round trip from the browser to the look-alike', () => {
  assert.equal(results.added.errcode, 0);
  assert.match(results.added.config_id, /^[0-9a-f]{32}$/);
  assert.equal(results.got.contact_way.config_id, results.added.config_id);
  assert.equal(results.got.contact_way.remark, '前台');
  assert.deepEqual(results.listed.contact_way.map((w) => w.config_id), [results.added.config_id]);
  assert.deepEqual(results.follow.follow_user.slice(0, 2), ['zhangsan', 'lisi']);
  assert.deepEqual(results.deleted, { errcode: 0, errmsg: 'ok' });

  const api = results.apiError;
  assert.equal(api.isApiError, true);
  assert.equal(api.isWeComError, true);
  assert.equal(api.isError, true);
  assert.equal(api.name, 'WeComApiError');
  assert.equal(api.code, 'E_API');
  assert.equal(api.errcode, 41044);
  assert.equal(api.kind, 'param');
  assert.ok(!JSON.stringify(api).includes(SECRET));

  const val = results.validationError;
  assert.equal(val.isValidationError, true);
  assert.equal(val.code, 'E_VALIDATION');
  assert.equal(val.errors.length, 2);
  assert.deepEqual(val.warnings.map((e) => e.path), ['/unknown_field'], 'issue 9: an unknown member is a warning');
  assert.doesNotMatch(val.errors.map((e) => e.message).join(' '), /[\u4e00-\u9fff]/, "the client's locale is 'en'");

  const stats = mock.stats();
  assert.equal(stats.gettoken, 1, 'one token for the whole page');
  assert.equal(stats.byPath['externalcontact/add_contact_way'], 1, 'the invalid form was never sent');
  assert.equal(stats.byPath['externalcontact/get_contact_way'], 2);
});

test('callback crypto in the browser: every vector of the rules reference (V1, V2, V6, V7, V8), key formats, negatives', () => {
  const failed = results.callbackVectors.filter((r) => !r.ok);
  assert.ok(results.callbackVectors.length >= 25, `${results.callbackVectors.length} checks ran`);
  assert.deepEqual(failed, []);
});

test('issue 10: no top-level await: nothing loads at import, E_NOT_READY before ready(), a client loads the engine itself', () => {
  assert.equal(results.wasmBeforeReady, false, 'the wasm is not fetched at import');
  assert.equal(results.notReady.code, 'E_NOT_READY', JSON.stringify(results.notReady));
  assert.equal(results.notReady.name, 'WeComEngineError');
  assert.equal(results.lazyConfigError.code, 'E_CONFIG', 'the first call of a client with bad options rejects with E_CONFIG');
  assert.equal(results.lazyConfigError.isConfigError, true);
  assert.equal(results.readyResolved, true, 'ready() resolves with undefined');
});

test('issue 9: the forms entry works in the browser without wasm or top-level await', () => {
  assert.equal(forms.fatal, undefined, forms.fatal);
  assert.deepEqual(forms.valid, { valid: true, errors: [], warnings: [] });
  assert.deepEqual(forms.invalidEn.errors.map((e) => [e.path, e.rule]), [['/type', 'R-CW-01'], ['/remark', 'R-CW-04']]);
  assert.deepEqual(forms.invalidEn.warnings.map((e) => [e.path, e.rule]), [['/unknown_field', 'unknown-field']]);
  assert.equal(forms.invalidEn.errors.find((e) => e.path === '/remark').message, 'must be at most 30 characters (got 31)');
  assert.equal(forms.sameAsByPath, true, 'validateAddContactWay and validate(path) agree');
  assert.deepEqual(forms.strict.warnings, []);
  assert.ok(forms.strict.errors.some((e) => e.rule === 'unknown-field'), 'strict: the warning is an error');
  assert.deepEqual(forms.unknownEndpoint, { name: 'WeComUsageError', code: 'E_UNKNOWN_ENDPOINT', isError: true });
  const paths = formsServed.map((s) => s.path);
  assert.ok(paths.includes('/node_modules/wecom-external-contact/validate.mjs'), paths.join('\n'));
  assert.ok(!paths.some((p) => p.endsWith('.wasm') || p.endsWith('browser.mjs')), `no engine fetched: ${paths.join(', ')}`);
  assert.deepEqual(formsServed.filter((s) => s.status !== 200), [], 'no 404s');
});

test('issue 12: a File uploaded from the browser reaches the look-alike as multipart; limits are checked first', () => {
  assert.equal(results.uploaded.errcode, 0);
  assert.equal(results.uploaded.type, 'image');
  const stored = mock.world.media().find((m) => m.media_id === results.uploaded.media_id);
  assert.deepEqual([stored.type, stored.size, stored.filename], ['image', 3000, 'photo.png']);
  assert.match(results.uploadedUrl.url, /^https:\/\//);
  assert.equal(results.uploadRefused.code, 'E_VALIDATION');
  assert.deepEqual(results.uploadRefused.errors.map((e) => [e.path, e.rule]), [['/size', 'R-MD-07']]);
  assert.equal(mock.stats().byPath['media/uploadimg'], 1, 'the oversized file was never sent');
  assert.deepEqual(results.uploadForm.errors.map((e) => [e.path, e.rule]), [['/filename', 'R-MD-03']]);
});
