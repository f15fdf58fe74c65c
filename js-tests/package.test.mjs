// The shape of the installed tarball: exports map targets, shipped docs and licence, no build
// machine paths, and the `wecom-mock-server` bin linked by npm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WeComClient } from 'wecom-external-contact';

const require = createRequire(import.meta.url);
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url))); // run.sh copies tests to <project>/tests
const pkgRoot = dirname(require.resolve('wecom-external-contact/package.json'));
const meta = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8'));

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** Every string leaf of the exports map, with its condition path. */
function exportTargets(node, at = []) {
  if (typeof node === 'string') return [[at.join(' → '), node]];
  return Object.entries(node).flatMap(([k, v]) => exportTargets(v, [...at, k]));
}

test('package.json: name, version, engines, module type of each entry', () => {
  assert.equal(meta.name, 'wecom-external-contact');
  assert.match(meta.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  assert.equal(meta.engines?.node, '>=18');
  assert.ok(meta.license, 'a licence is declared');
  assert.equal(meta.exports['.'].node.import.default, './index.mjs');
  assert.equal(meta.exports['.'].node.require.default, './index.cjs');
  assert.equal(meta.exports['.'].node.module.default, './index.module.mjs', 'bundlers for Node get native ESM with static imports (one copy in a bundle)');
  assert.equal(meta.exports['./inline'].node.module.default, './inline.module.mjs', 'bundlers get the inline entry with a static import of the wasm');
  assert.equal(meta.exports['.'].import.default, './browser.mjs');
  assert.equal(meta.exports['.'].default.default, './browser.mjs');
  assert.equal(meta.module, './browser.mjs');
  assert.equal(meta.exports['./inline'].node.import.default, './inline.node.mjs');
  assert.equal(meta.exports['./inline'].node.require.default, './inline.cjs');
  assert.equal(meta.exports['./inline'].default.default, './inline.mjs');
  for (const key of ['repository', 'homepage', 'bugs']) assert.ok(meta[key], `package.json has ${key}`);
  assert.match(meta.repository.url, /^git\+https:\/\//);
  assert.ok(meta.keywords.includes('wecom') && meta.keywords.includes('企业微信'), 'keywords');
  assert.equal(meta.exports['./mock-server'].import.default, './mock/index.mjs');
  assert.equal(meta.exports['./mock-server'].require.default, './mock/index.cjs');
  assert.equal(meta.exports['./redis-token-store'].import.default, './redis-token-store.mjs');
  assert.equal(meta.exports['./redis-token-store'].require.default, './redis-token-store.cjs');
});

test('every target of the exports map, main, module, types and bin is in the tarball', () => {
  const targets = [
    ...exportTargets(meta.exports),
    ['main', meta.main],
    ['module', meta.module],
    ['types', meta.types],
    ...Object.entries(meta.bin ?? {}).map(([k, v]) => [`bin ${k}`, v]),
  ];
  for (const [where, target] of targets) {
    assert.ok(existsSync(join(pkgRoot, target)), `${where}: ${target} missing from the tarball`);
  }
  // Every condition object lists `types` first (TypeScript reads the first match).
  const checkTypesFirst = (node, at) => {
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.includes('types')) assert.equal(keys[0], 'types', `${at}: types first`);
    for (const [k, v] of Object.entries(node)) checkTypesFirst(v, `${at} → ${k}`);
  };
  checkTypesFirst(meta.exports, 'exports');
});

test('no build-machine path is baked into any shipped file', () => {
  // The checkout (run.sh puts the project at <checkout>/js-tests/.work/project) and home dirs;
  // '~/.cargo/…' and '/rustc/<hash>/…' are the remapped, machine-independent forms.
  const checkout = resolve(projectRoot, '..', '..', '..');
  const needles = ['/root/', '/home/', '/tmp/', ...(checkout.length > 1 ? [checkout] : [])];
  for (const file of filesUnder(pkgRoot)) {
    const text = readFileSync(file).toString('latin1');
    for (const needle of needles) {
      assert.ok(!text.includes(needle), `${relative(pkgRoot, file)} contains ${needle}`);
    }
  }
});

test('a README is shipped (the npm page shows it)', () => {
  const names = readdirSync(pkgRoot);
  const readme = names.find((n) => /^readme(\.md)?$/i.test(n));
  assert.ok(readme, `no README in the tarball (files: ${names.join(', ')})`);
  assert.ok(statSync(join(pkgRoot, readme)).size > 200, 'README has content');
});

test('the declared licence texts are shipped', () => {
  const names = readdirSync(pkgRoot);
  const licences = names.filter((n) => /^(licen[cs]e|copying)/i.test(n));
  assert.ok(licences.length > 0, `"license": "${meta.license}" declared but no LICENSE file in the tarball (files: ${names.join(', ')})`);
});

test('the wecom-mock-server bin starts the look-alike; a client talks to it; SIGTERM stops it', async () => {
  const bin = join(projectRoot, 'node_modules', '.bin', 'wecom-mock-server');
  assert.ok(existsSync(bin), 'npm linked the bin');
  const child = spawn(bin, ['--port', '0', '--corp-secret', 'bin-secret-123', '--follow-users', 'a,b,c'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`no listening line within 10 s: ${out} ${err}`)), 10_000);
      child.stderr.on('data', (d) => (err += d));
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/^wecom mock server listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out} ${err}`)));
    });
    const client = new WeComClient({ corpId: 'wwmockcorp0000001', corpSecret: 'bin-secret-123', baseUrl: url });
    assert.deepEqual((await client.getFollowUserList()).follow_user, ['a', 'b', 'c']);
    const stats = await (await fetch(`${url}/__mock/stats`)).json();
    assert.equal(stats.gettoken, 1);
  } finally {
    const exited = child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
      : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    assert.ok(code === 0 || signal === 'SIGTERM', `stopped cleanly (code ${code}, signal ${signal})`);
  }
});

// ---- issue 9: the wasm-free forms entry ------------------------------------------------------

test('issue 9: ./validate is exported with types, import (ESM) and require (CJS)', () => {
  assert.deepEqual(meta.exports['./validate'], {
    import: { types: './validate.d.mts', default: './validate.mjs' },
    require: { types: './validate.d.cts', default: './validate.cjs' },
  });
  assert.ok(!meta.sideEffects.includes('./validate.mjs'), 'side-effect free: bundlers may drop what a page does not import');
});

test('issue 9: the forms entry has no wasm, no top-level await and no import of its own', () => {
  for (const file of ['validate.mjs', 'validate.cjs']) {
    const text = readFileSync(join(pkgRoot, file), 'utf8');
    assert.ok(!/WebAssembly|\.wasm\b/.test(text), `${file} mentions no wasm`);
    // esbuild writes top-level statements unindented: none of them may await.
    assert.ok(!/^[^\s/*][^\n]*\bawait\b/m.test(text), `${file} has no top-level await`);
    assert.ok(!/^\s*import\s|require\(/m.test(text), `${file} is self-contained`);
  }
  const esm = readFileSync(join(pkgRoot, 'validate.mjs'), 'utf8');
  assert.match(esm, /^export\s*\{[^}]*\bvalidateAddContactWay\b[^}]*\}/m, 'one named ESM export per endpoint');
});

test('issue 9: import and require of the forms entry give the validators of the main entry', async () => {
  const esm = await import('wecom-external-contact/validate');
  const cjs = require('wecom-external-contact/validate');
  const main = await import('wecom-external-contact');
  for (const mod of [esm, cjs]) {
    assert.equal(typeof mod.validate, 'function');
    assert.equal(typeof mod.validateAddContactWay, 'function');
  }
  const payloads = [{ type: 1, scene: 2, user: ['zhangsan'] }, { type: 9, scene: 2, brand_new: 1 }, [], null];
  for (const payload of payloads) {
    const expected = main.validate('externalcontact/add_contact_way', payload, { locale: 'en' });
    for (const mod of [esm, cjs]) {
      assert.deepEqual(mod.validate('externalcontact/add_contact_way', payload, { locale: 'en' }), expected);
      assert.deepEqual(mod.validateAddContactWay(payload, { locale: 'en' }), expected);
    }
  }
});

test('issue 9: errors of the forms entry are instances of the main entry classes, and the other way round', async () => {
  const main = await import('wecom-external-contact');
  for (const forms of [await import('wecom-external-contact/validate'), require('wecom-external-contact/validate')]) {
    let err;
    try {
      forms.validate('externalcontact/nope', {});
    } catch (e) {
      err = e;
    }
    assert.equal(err?.code, 'E_UNKNOWN_ENDPOINT');
    assert.ok(err instanceof main.WeComUsageError, 'a WeComUsageError of the main entry');
    assert.ok(err instanceof main.WeComError && err instanceof Error);
    assert.ok(!(err instanceof main.WeComApiError) && !(err instanceof main.WeComValidationError), 'and nothing else');
  }
  const mainErr = (() => {
    try {
      main.validate('externalcontact/nope', {});
    } catch (e) {
      return e;
    }
  })();
  // The forms entry exports no classes; its errors' own class is reached through the prototype.
  const formsErr = (() => {
    try {
      require('wecom-external-contact/validate').validate(42, {});
    } catch (e) {
      return e;
    }
  })();
  assert.ok(mainErr instanceof formsErr.constructor, "a main-entry error is an instance of the forms entry's class of the same name");
  assert.equal(formsErr.code, 'E_USAGE');
});

// ---- issue 10: one wasm, no top-level await, lazy engine ------------------------------------

test('issue 10: one wasm file in the tarball, and the inline entry holds the same bytes', async () => {
  const wasmFiles = filesUnder(pkgRoot).filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(wasmFiles.map((f) => relative(pkgRoot, f)), ['wecom.wasm'], 'exactly one .wasm');
  const bytes = readFileSync(join(pkgRoot, 'wecom.wasm'));
  assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'a wasm module');
  const { gunzipSync } = await import('node:zlib');
  const embedded = gunzipSync(Buffer.from(require(join(pkgRoot, 'wasm-inline.cjs')), 'base64'));
  assert.ok(embedded.equals(bytes), 'wasm-inline.cjs is wecom.wasm, gzip + base64');
  const glued = filesUnder(pkgRoot).filter((f) => /\.(mjs|cjs)$/.test(f) && readFileSync(f, 'utf8').includes('__wbindgen_init_externref_table'));
  assert.deepEqual(glued.map((f) => relative(pkgRoot, f)).sort(), ['core.cjs', 'core.mjs'], 'the glue is in the core build of each module format only');
});

// core.mjs (not an entry) is minified; it is built from the same source as core.cjs, which
// esbuild refuses to build with a top-level await.
test('issue 10: no entry has a top-level await or a default export', () => {
  for (const file of ['index.mjs', 'index.module.mjs', 'browser.mjs', 'inline.mjs', 'inline.node.mjs', 'inline.module.mjs', 'validate.mjs']) {
    const text = readFileSync(join(pkgRoot, file), 'utf8');
    assert.ok(!/^[^\s/*][^\n]*\bawait\b/m.test(text), `${file}: no top-level await`);
    assert.ok(!/\bexport\s+default\b|as default\b/.test(text), `${file}: no default export`);
  }
});

test('issue 10: import and require: the same names, no default export, one engine', async () => {
  const esm = await import('wecom-external-contact');
  const cjs = require('wecom-external-contact');
  assert.deepEqual(Object.keys(esm).sort(), Object.keys(cjs).sort(), 'the same names');
  assert.equal(esm.default, undefined, 'no default export');
  const generation = (api) => api.validate[Symbol.for('wecom-external-contact.internals')].generation();
  esm.parseEvent('<xml><MsgType>text</MsgType></xml>');
  cjs.parseEvent('<xml><MsgType>text</MsgType></xml>');
  assert.equal(generation(esm), generation(cjs), 'one engine for both builds');
});

test('issue 10: node10 resolution finds every CommonJS subpath through a package.json directory', () => {
  for (const sub of ['validate', 'inline', 'redis-token-store']) {
    const stub = JSON.parse(readFileSync(join(pkgRoot, sub, 'package.json'), 'utf8'));
    assert.ok(existsSync(join(pkgRoot, sub, stub.main)), `${sub}: main ${stub.main}`);
    assert.ok(existsSync(join(pkgRoot, sub, stub.types)), `${sub}: types ${stub.types}`);
  }
});
