// Issue 10 point 3: the Node-only subpaths (`mock-server`, `redis-token-store`) have declarations in
// the format of the code they describe (.d.mts for import, .d.cts for require), no default export in
// either, a require() path that works where Node cannot require ESM, and node10 proxy directories.
// Type checks use the project's TypeScript on the fixtures in types/ (see types.test.mjs).
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

/** Runs `node args…` in this directory; resolves with its exit code and output. */
function run(args, timeout = 120_000) {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: here, timeout }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

const compile = (config) => run([tsc, '--noEmit', '--pretty', 'false', '-p', join(typesDir, config)]);

let defaults;
let cjs;
let node10;
before(async () => {
  [defaults, cjs, node10] = await Promise.all([
    compile('tsconfig.subpaths-default.json'),
    compile('tsconfig.subpaths.json'),
    compile('tsconfig.subpaths-node10.json'),
  ]);
});

test('issue 10: a default import of redis-token-store or mock-server does not type-check (nodenext ESM)', () => {
  const source = readFileSync(join(typesDir, 'subpaths-default.ts'), 'utf8').split('\n');
  const lines = source.flatMap((l, i) => (l.includes('EXPECTED-ERROR') ? [i + 1] : []));
  assert.equal(lines.length, 2, 'the fixture marks two lines');
  const errors = defaults.out.split('\n').filter((l) => / error TS\d+:/.test(l));
  assert.equal(errors.length, 2, `exactly the two marked errors expected:\n${defaults.out}`);
  for (const [i, line] of lines.entries()) {
    assert.match(errors[i], new RegExp(`subpaths-default\\.ts\\(${line},\\d+\\): error TS1192: `), defaults.out);
  }
});

test('issue 10: import = require() of mock-server and redis-token-store type-checks (nodenext CJS)', () => {
  assert.equal(cjs.code, 0, `tsc failed:\n${cjs.out}`);
  assert.equal(cjs.out.trim(), '');
});

test('issue 10: node10 resolution finds mock-server and redis-token-store', () => {
  assert.equal(node10.code, 0, `tsc failed:\n${node10.out}`);
  assert.equal(node10.out.trim(), '');
});

test('issue 10: each subpath declares per format, types condition first', () => {
  const meta = require('wecom-external-contact/package.json');
  const root = dirname(require.resolve('wecom-external-contact/package.json'));
  const expected = {
    './redis-token-store': ['./redis-token-store.d.mts', './redis-token-store.mjs', './redis-token-store.d.cts', './redis-token-store.cjs'],
    './mock-server': ['./mock/index.d.mts', './mock/index.mjs', './mock/index.d.cts', './mock/index.cjs'],
  };
  for (const [subpath, [esmTypes, esm, cjsTypes, cjsCode]] of Object.entries(expected)) {
    const entry = meta.exports[subpath];
    assert.deepEqual(Object.keys(entry.import), ['types', 'default'], `${subpath}: types first`);
    assert.deepEqual(entry.import, { types: esmTypes, default: esm }, subpath);
    assert.deepEqual(Object.keys(entry.require), ['types', 'default'], `${subpath}: types first`);
    assert.deepEqual(entry.require, { types: cjsTypes, default: cjsCode }, subpath);
    for (const file of [esmTypes, cjsTypes]) {
      assert.doesNotMatch(readFileSync(join(root, file), 'utf8'), /export\s+default|export\s*=/, `${file}: no default export`);
    }
  }
});

test('issue 10: require("wecom-external-contact/mock-server") works where Node cannot require ESM', async () => {
  // Node 18 cannot require() ESM; Node 20.19+ and 22 can unless --no-experimental-require-module is given.
  const flag = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') ? ['--no-experimental-require-module'] : [];
  const script = `
    const mockServer = require('wecom-external-contact/mock-server');
    if (Object.keys(mockServer).join() !== 'startMockServer') throw new Error('exports: ' + Object.keys(mockServer));
    (async () => {
      const mock = await mockServer.startMockServer({ followUsers: ['cjs'] });
      const res = await fetch(mock.url + '/cgi-bin/gettoken?corpid=' + mock.corpId + '&corpsecret=' + mock.corpSecret);
      const body = await res.json();
      await mock.close();
      console.log('errcode ' + body.errcode + ', requests ' + mock.stats().total);
    })().catch((err) => { console.error(err.code || err.message); process.exit(1); });`;
  const { code, out } = await run([...flag, '-e', script], 30_000);
  assert.equal(code, 0, out);
  assert.equal(out.trim(), 'errcode 0, requests 1');
});

test('issue 10: redis-token-store exports createRedisTokenStore alone, in ESM and in CJS', async () => {
  const esm = await import('wecom-external-contact/redis-token-store');
  assert.deepEqual(Object.keys(esm), ['createRedisTokenStore']);
  const cjsExports = require('wecom-external-contact/redis-token-store');
  assert.deepEqual(Object.keys(cjsExports), ['createRedisTokenStore']);
  assert.equal(typeof cjsExports.createRedisTokenStore, 'function');
  const mockEsm = await import('wecom-external-contact/mock-server');
  assert.deepEqual(Object.keys(mockEsm), ['startMockServer']);
});
