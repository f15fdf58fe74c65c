// Type check of the published declarations with the project's TypeScript (strict, NodeNext):
// types/good.ts (ESM) and types/good.cts (CJS) must compile; types/bad.ts must fail with exactly
// its one deliberate error.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const typesDir = join(here, 'types');
const require = createRequire(import.meta.url);
const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');

function runTsc(project) {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', project], { cwd: here, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

let good;
let bad;
before(async () => {
  // Both compilations at once: they are independent.
  [good, bad] = await Promise.all([runTsc(join(typesDir, 'tsconfig.json')), runTsc(join(typesDir, 'tsconfig.bad.json'))]);
});

test('the project uses typescript 5.9.3', () => {
  assert.equal(require('typescript/package.json').version, '5.9.3');
});

test('good.ts (ESM) and good.cts (CJS) type-check with no error', () => {
  assert.equal(good.code, 0, `tsc failed:\n${good.out}`);
  assert.equal(good.out.trim(), '');
});

test('bad.ts fails with exactly the deliberate TS2322 on its marked line', () => {
  const source = readFileSync(join(typesDir, 'bad.ts'), 'utf8').split('\n');
  const line = source.findIndex((l) => l.includes('EXPECTED-ERROR')) + 1;
  assert.ok(line > 0, 'bad.ts marks its error line');
  assert.notEqual(bad.code, 0, 'tsc must fail on bad.ts');
  const errors = bad.out.split('\n').filter((l) => / error TS\d+:/.test(l));
  assert.equal(errors.length, 1, `exactly one error expected:\n${bad.out}`);
  assert.match(errors[0], new RegExp(`bad\\.ts\\(${line},\\d+\\): error TS2322: `), bad.out);
  assert.match(errors[0], /'3'/, 'the message names the wrong value');
});

test('the types resolve through the exports map, not by path', () => {
  // --traceResolution would be slow; check the declarations tsc must have picked exist and are named in package.json.
  const meta = require('wecom-external-contact/package.json');
  const root = dirname(require.resolve('wecom-external-contact/package.json'));
  const dot = meta.exports['.'];
  for (const file of [dot.node.import.types, dot.node.require.types, dot.types, meta.exports['./mock-server'].import.types, meta.exports['./mock-server'].require.types, meta.types]) {
    assert.ok(readFileSync(join(root, file), 'utf8').length > 0, `${file} is in the tarball`);
  }
});
