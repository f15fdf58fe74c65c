// Type check of the published declarations with the project's TypeScript (strict, NodeNext):
// types/good.ts (ESM) and types/good.cts (CJS) must compile; types/bad.ts must fail with exactly
// its one deliberate error; types/precise.ts with exactly the errors its lines announce.
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
let precise;
before(async () => {
  // The compilations at once: they are independent.
  [good, bad, precise] = await Promise.all([
    runTsc(join(typesDir, 'tsconfig.json')),
    runTsc(join(typesDir, 'tsconfig.bad.json')),
    runTsc(join(typesDir, 'tsconfig.precise.json')),
  ]);
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

test('issue 10: precise types refuse a misspelt member, an optional as required, a misspelt or internal path, an unknown kind or code, a default import', () => {
  // `file(line,col): error TSnnnn:` for every error tsc reports, against the `EXPECT TSnnnn` marks.
  const source = readFileSync(join(typesDir, 'precise.ts'), 'utf8').split('\n');
  const expected = source.flatMap((l, i) => [...l.matchAll(/EXPECT (TS\d+)/g)].map((m) => `${i + 1} ${m[1]}`));
  assert.ok(expected.length >= 9, 'precise.ts marks its error lines');
  const actual = [...precise.out.matchAll(/precise\.ts\((\d+),\d+\): error (TS\d+):/g)].map((m) => `${m[1]} ${m[2]}`);
  const others = precise.out.split('\n').filter((l) => / error TS\d+:/.test(l) && !/precise\.ts\(/.test(l));
  assert.deepEqual(others, [], `errors outside precise.ts:\n${precise.out}`);
  assert.deepEqual(actual.sort(), expected.sort(), precise.out);
});

test('the types resolve through the exports map, not by path', () => {
  // --traceResolution would be slow; check the declarations tsc must have picked exist and are named in package.json.
  const meta = require('wecom-external-contact/package.json');
  const root = dirname(require.resolve('wecom-external-contact/package.json'));
  const typesOf = (node) => (typeof node !== 'object' || node === null ? [] : Object.entries(node).flatMap(([k, v]) => (k === 'types' ? [v] : typesOf(v))));
  const files = [...typesOf(meta.exports), meta.types];
  assert.ok(files.length >= 10, `every entry declares types: ${files.join(', ')}`);
  for (const file of files) {
    assert.ok(readFileSync(join(root, file), 'utf8').length > 0, `${file} is in the tarball`);
  }
});
