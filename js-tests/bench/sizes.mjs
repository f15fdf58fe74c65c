// What the validators cost a web page, in bytes (issue 9's size targets). Prints; asserts nothing.
//   node js-tests/bench/sizes.mjs
// Every bundle is made by esbuild from .tools/ (npm/scripts/setup.sh) with --bundle --minify
// --format=esm --platform=browser, from a one-line module, and measured raw and with `gzip -9`:
//   (a) a page that imports only validateAddContactWay from the wasm-free validate entry
//       (`wecom-external-contact/validate`: its package.json "browser"/"import" export, else
//       pkg/validate.mjs), both locales included as shipped;
//   (b) the whole validate entry (`export *`);
//   (c) the marginal gzip cost of one more endpoint: a bundle of two named validators minus a
//       bundle of the first one, over several pairs (mean, min, max), and the whole set of named
//       validators minus one, divided by their number minus one;
//   (d) the .wasm (pkg/wecom.wasm), raw and gzip -9;
//   and, for reference, a page that imports validate() from the main browser entry (pkg/browser.mjs)
//   with the .wasm it fetches.
// Exits 1 with a message when the package has no validate entry or it lacks validateAddContactWay
// ((d) and the reference are printed first). Env: WECOM_PKG_DIR, SIZES_PAIRS (default 8).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { envNumber, fmt, loadEsbuild, pkgDir, pkgLine, table, validateEntry } from './harness.mjs';

const esbuild = await loadEsbuild();

/** Bytes of `gzip -9` of `data` (the gzip CLI, as in the build's size line). */
function gzip9(data) {
  const r = spawnSync('gzip', ['-9', '-c'], { input: data, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`gzip -9 failed: ${r.stderr}`);
  return r.stdout.length;
}

/** Bundles the one-line module `contents`; returns its raw and gzip -9 sizes. */
async function bundle(contents) {
  const out = await esbuild.build({
    stdin: { contents, resolveDir: pkgDir, sourcefile: 'page.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const code = out.outputFiles[0].contents;
  return { raw: code.length, gz: gzip9(code) };
}

const bytes = (n) => fmt(n);
const rows = [];
const row = (what, raw, gz) => rows.push([what, bytes(raw), bytes(gz)]);
const flush = () => {
  if (rows.length) console.log(table(['what', 'raw bytes', 'gzip -9 bytes'], rows.splice(0)));
};

console.log('# sizes: what validation costs a page (esbuild --bundle --minify --format=esm, gzip -9)\n');
console.log(`package: ${await pkgLine()}`);
console.log(`esbuild ${esbuild.version}\n`);

// (d) the .wasm, and the reference page of today's main entry.
const wasmFile = path.join(pkgDir, 'wecom.wasm');
if (existsSync(wasmFile)) {
  const wasm = readFileSync(wasmFile);
  row('(d) pkg/wecom.wasm', wasm.length, gzip9(wasm));
  if (existsSync(path.join(pkgDir, 'browser.mjs'))) {
    const js = await bundle(`export { validate } from ${JSON.stringify(path.join(pkgDir, 'browser.mjs'))};`);
    row('reference: page importing validate from browser.mjs (JS only; it fetches the .wasm above)', js.raw, js.gz);
  }
} else {
  console.log(`(d) no .wasm at ${wasmFile}`);
}

const entry = await validateEntry(['browser', 'import']);
if (!entry) {
  flush();
  console.error(
    `\nsizes: the package has no wasm-free validate entry: ${path.join(pkgDir, 'validate.mjs')} does not exist and its ` +
      'package.json exports no "./validate". (a)–(c) need the generated validators of issue 9 ' +
      '(`import { validate, validateAddContactWay } from "wecom-external-contact/validate"`): build them, then run again.',
  );
  process.exit(1);
}
const spec = JSON.stringify(entry);
const mod = await import(pathToFileURL(entry).href);
const named = Object.keys(mod)
  .filter((k) => /^validate[A-Z]\w*$/.test(k) && typeof mod[k] === 'function')
  .sort();
if (!named.includes('validateAddContactWay')) {
  flush();
  console.error(`\nsizes: ${entry} exports no validateAddContactWay (named validators found: ${named.join(', ') || 'none'})`);
  process.exit(1);
}

// (a) one endpoint's validator, (b) the whole entry.
const one = await bundle(`export { validateAddContactWay } from ${spec};`);
row('(a) page importing only validateAddContactWay', one.raw, one.gz);
const whole = await bundle(`export * from ${spec};`);
row(`(b) the whole validate entry (${path.relative(pkgDir, entry)}: validate() and ${named.length} named validators)`, whole.raw, whole.gz);
flush();

// (c) the marginal cost of one more endpoint's validator.
const cache = new Map();
const gzOf = async (names) => {
  const key = names.join(',');
  if (!cache.has(key)) cache.set(key, (await bundle(`export { ${key} } from ${spec};`)).gz);
  return cache.get(key);
};
const n = named.length;
const pairs = [];
if (n >= 2) {
  const count = Math.min(Math.round(envNumber('SIZES_PAIRS', 8)), n * (n - 1));
  const step = Math.max(1, Math.floor(n / count));
  for (let i = 0; pairs.length < count && i < n * n; i++) {
    const a = named[(i * step) % n];
    const b = named[(i * step + 1 + Math.floor(i / n)) % n];
    if (a !== b && !pairs.some(([x, y]) => x === a && y === b)) pairs.push([a, b]);
  }
}
const marginal = [];
const pairRows = [];
for (const [a, b] of pairs) {
  const gA = await gzOf([a]);
  const gAB = await gzOf([a, b]);
  marginal.push(gAB - gA);
  pairRows.push([a, b, bytes(gA), bytes(gAB), bytes(gAB - gA)]);
}
console.log(`\n(c) marginal gzip cost of one more endpoint's validator (${pairs.length} pairs of the ${n} named validators)\n`);
if (pairs.length) {
  console.log(table(['first', 'second', 'gzip -9 first alone', 'gzip -9 both', 'second adds'], pairRows));
  const mean = marginal.reduce((s, x) => s + x, 0) / marginal.length;
  console.log(`\nmean ${fmt(mean, 0)} B, min ${fmt(Math.min(...marginal))} B, max ${fmt(Math.max(...marginal))} B gzip per added endpoint`);
  const all = await gzOf(named);
  console.log(
    `all ${n} named validators: ${bytes(all)} B gzip; (all − validateAddContactWay alone) / ${n - 1} = ` +
      `${fmt((all - one.gz) / (n - 1), 0)} B gzip per endpoint`,
  );
} else {
  console.log('fewer than two named validators: no pair to measure');
}
