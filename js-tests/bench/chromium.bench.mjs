// The validation bench of validate.bench.mjs in headless Chromium: the same validators and timing
// (validators.mjs, bench-core.mjs), bundled with esbuild into one page, served from 127.0.0.1 and
// run in Debian's Chromium driven by playwright-core (as js-tests/browser.test.mjs does; it never
// downloads a browser). Prints the same table; asserts nothing about timings.
//   node js-tests/bench/chromium.bench.mjs            (run.sh installs the peers first)
// The SDK is the wasm-free validate entry when the package has one (its "browser" export), else
// pkg/browser.mjs (the wasm engine, whose .wasm is served beside the bundle).
// Env: BENCH_ROUNDS, BENCH_ROUND_MS, BENCH_WARMUP_MS (as the Node bench), WECOM_PKG_DIR,
// CHROMIUM_PATH (default /usr/bin/chromium).

import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumber, loadEsbuild, pkgDir, pkgLine, validateEntry } from './harness.mjs';
import { serveStatic } from '../packaging/lib/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));

if (!existsSync(CHROMIUM)) {
  console.error(`chromium bench: no Chromium at ${CHROMIUM}: run bash npm/scripts/setup.sh (apt-get install chromium)`);
  process.exit(2);
}

const opts = {
  rounds: envNumber('BENCH_ROUNDS', 9),
  roundMs: envNumber('BENCH_ROUND_MS', 200),
  warmupMs: envNumber('BENCH_WARMUP_MS', 400),
};

/** Bundles the page (the SDK entry + chromium-page.mjs) into `dir`; copies the .wasm when needed. */
async function buildPage(dir) {
  const entry = await validateEntry(['browser', 'import']);
  const sdk = entry ?? path.join(pkgDir, 'browser.mjs');
  const source = entry ? path.relative(pkgDir, entry) : 'browser.mjs, wasm';
  const esbuild = await loadEsbuild();
  const contents = [
    `import * as mod from ${JSON.stringify(sdk)};`,
    `import { runInPage } from ${JSON.stringify(path.join(here, 'chromium-page.mjs'))};`,
    // A timer lets the page finish loading before the long synchronous run starts.
    `setTimeout(() => {`,
    `  try { window.__bench = runInPage(mod, ${JSON.stringify(source)}, ${JSON.stringify(opts)}); }`,
    `  catch (e) { window.__bench = { error: String(e && e.stack || e) }; }`,
    `}, 50);`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents, resolveDir: here, sourcefile: 'bench-entry.mjs', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: path.join(dir, 'bench.js'),
    logLevel: 'warning',
  });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>validation bench</title>' +
      '<script type="module" src="./bench.js"></script>\n',
  );
  if (!entry) {
    // pkg/browser.mjs fetches new URL('./wecom.wasm', import.meta.url): next to the bundle.
    await copyFile(path.join(pkgDir, 'wecom.wasm'), path.join(dir, 'wecom.wasm'));
  }
  return { source, entry };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'wecom-chromium-bench-'));
let browser;
let site;
try {
  const { source, entry } = await buildPage(dir);
  site = await serveStatic(dir);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  await page.goto(`${site.url}/index.html`);
  // Generous: 2 × (validators) cases of warm-up + rounds; the poll never times the bench.
  await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 240_000, polling: 1000 }).catch((e) => {
    throw new Error(`the bench page did not finish: ${e.message}\n${messages.join('\n')}`);
  });
  const r = await page.evaluate(() => window.__bench);
  if (r.error) throw new Error(`the bench page failed: ${r.error}\n${messages.join('\n')}`);

  console.log('# validate: add_contact_way in headless Chromium, the SDK vs a hand-written validator, ajv, valibot, zod\n');
  console.log(`browser: ${browser.version()}; ${r.machine}`);
  console.log(`package: ${await pkgLine()}`);
  if (!entry) console.log('note: the package has no wasm-free validate entry: measuring validate() of pkg/browser.mjs');
  console.log(`page: one esbuild bundle (the SDK from ${source}, the peers, the payloads)\n`);
  for (const line of r.sanity) console.log(line);
  console.log(`\n${r.plan}\n`);
  console.log(r.table);
} finally {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
}
