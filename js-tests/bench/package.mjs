// What the npm package weighs (issue 10): the packed tarball and what is in it, from `npm pack
// --dry-run --json` on the built package, and the same tarball without the inline entry (its
// embedded copy of the wasm), packed from a copy. Prints; asserts nothing.
//   node js-tests/bench/package.mjs          (env WECOM_PKG_DIR, default pkg/)
// Import times are measured by the packaging matrix: bash js-tests/packaging/run.sh import-time.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, pkgDir, pkgLine, table } from './harness.mjs';

/** `npm pack --dry-run --json` of `dir`: { size, unpackedSize, entryCount, files }. */
function packInfo(dir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out)[0];
}

/** Bytes of gzip -9 of one file. */
function gzip9(file) {
  return execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 64 * 1024 * 1024 }).length;
}

console.log('# package: the npm tarball (npm pack --dry-run --json)\n');
console.log(`package: ${await pkgLine()}\n`);
const info = packInfo(pkgDir);
const groups = [
  ['wecom.wasm (the engine)', (f) => f === 'wecom.wasm'],
  ['wasm-inline.cjs (the inline entry\'s copy, gzip + base64)', (f) => f === 'wasm-inline.cjs'],
  ['core.mjs + core.cjs (the JS layer, ESM and CJS)', (f) => /^core\.(mjs|cjs)$/.test(f)],
  ['validate.mjs + validate.cjs (the generated validators)', (f) => /^validate\.(mjs|cjs)$/.test(f)],
  ['declarations (*.d.ts, *.d.mts, *.d.cts)', (f) => /\.d\.(ts|mts|cts)$/.test(f)],
  ['mock/ (the look-alike server)', (f) => f.startsWith('mock/')],
  ['everything else (entries, redis store, README, LICENSE, package.json)', () => true],
];
const seen = new Set();
const rows = [];
for (const [what, match] of groups) {
  const files = info.files.filter((f) => !seen.has(f.path) && match(f.path));
  files.forEach((f) => seen.add(f.path));
  const raw = files.reduce((s, f) => s + f.size, 0);
  const gz = files.reduce((s, f) => s + gzip9(path.join(pkgDir, f.path)), 0);
  rows.push([what, String(files.length), fmt(raw), fmt(gz)]);
}
console.log(table(['part', 'files', 'raw bytes', 'gzip -9 bytes (each file alone)'], rows));
console.log(`\npacked tarball: ${fmt(info.size)} B; unpacked ${fmt(info.unpackedSize)} B; ${info.entryCount} files`);

// The same package without the inline entry, to show what the embedded copy costs.
const copy = mkdtempSync(path.join(os.tmpdir(), 'wecom-pack-'));
try {
  cpSync(pkgDir, copy, { recursive: true });
  for (const f of ['wasm-inline.cjs', 'inline.mjs', 'inline.node.mjs', 'inline.module.mjs', 'inline.cjs', 'inline.d.mts', 'inline.d.cts']) {
    rmSync(path.join(copy, f), { force: true });
  }
  rmSync(path.join(copy, 'inline'), { recursive: true, force: true });
  const meta = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
  delete meta.exports['./inline'];
  writeFileSync(path.join(copy, 'package.json'), JSON.stringify(meta, null, 2));
  const without = packInfo(copy);
  console.log(`without the inline entry: ${fmt(without.size)} B packed (the inline entry adds ${fmt(info.size - without.size)} B)`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
