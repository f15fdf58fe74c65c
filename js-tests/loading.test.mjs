// issue 10: how the engine is loaded. Nothing at import; Node reads wecom.wasm on first use (or
// from ready()); a missing wasm fails the SDK's calls with a clear E_ENGINE, never the import,
// and a later ready() tries again; the inline entry needs no file; a realm without
// TextDecoder (Jest's jsdom environment) still runs the engine. Each case runs in a child
// process on a copy of the installed package, so the copies can lose their wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const installed = dirname(require.resolve('wecom-external-contact/package.json'));
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

let root;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'wecom-loading-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the installed package under <root>/<name>/node_modules, without the listed files. */
function copyPackage(name, without = []) {
  const dir = join(root, name, 'node_modules', 'wecom-external-contact');
  cpSync(installed, dir, { recursive: true });
  for (const file of without) rmSync(join(dir, file));
  return { project: join(root, name), dir };
}

/** Runs `source` (ESM, or CJS when `cjs`) in `cwd`; resolves with the JSON it prints last. */
function run(cwd, source, { cjs = false } = {}) {
  const args = cjs ? ['-e', source] : ['--input-type=module', '-e', source];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (err, stdout, stderr) => {
      const last = stdout.trim().split('\n').pop();
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`no result (${err?.message ?? 'exit 0'}):\n${stdout}\n${stderr}`));
      }
    });
  });
}

const describe = `const describe = (e) => ({ name: e?.name, code: e?.code, message: String(e?.message) });`;

test('issue 10: importing needs no wasm: a missing wecom.wasm fails the calls with E_ENGINE naming the file and the remedies', async () => {
  const { project } = copyPackage('missing', ['wecom.wasm']);
  const out = await run(
    project,
    `${describe}
     const w = await import('wecom-external-contact');
     const r = { imported: true, valid: w.validate('externalcontact/add_contact_way', { type: 1, scene: 2, user: ['a'] }).valid };
     const c = new w.CallbackCrypto({ token: 't', encodingAesKey: '${KEY}', receiveId: 'r' });
     r.constructed = true;
     try { c.encrypt('<xml/>', { timestamp: '1', nonce: 'n' }); } catch (e) { r.sync = describe(e); }
     r.ready = await w.ready().then(() => 'resolved', describe);
     const client = new w.WeComClient({ corpId: 'ww1', corpSecret: 's', baseUrl: 'http://127.0.0.1:9' });
     r.call = await client.getAccessToken().then(() => 'resolved', describe);
     console.log(JSON.stringify(r));`,
  );
  assert.equal(out.imported, true);
  assert.equal(out.valid, true, 'validate needs no engine');
  assert.equal(out.constructed, true, 'a constructor does not fail for a missing wasm: the first use does');
  for (const failure of [out.sync, out.ready, out.call]) {
    assert.equal(failure.name, 'WeComEngineError', JSON.stringify(failure));
    assert.equal(failure.code, 'E_ENGINE');
    assert.match(failure.message, /wecom\.wasm/);
    assert.match(failure.message, /ENOENT/);
    assert.match(failure.message, /wecom-external-contact\/inline/, 'names the inline entry');
  }
});

test('issue 10: after a failed load, ready() tries again and the engine comes up once the file is there', async () => {
  const { project, dir } = copyPackage('retry', ['wecom.wasm']);
  const out = await run(
    project,
    `${describe}
     (async () => {
     const { copyFileSync } = require('node:fs');
     const w = require('wecom-external-contact');
     const r = {};
     r.first = await w.ready().then(() => 'resolved', describe);
     copyFileSync(${JSON.stringify(join(installed, 'wecom.wasm'))}, ${JSON.stringify(join(dir, 'wecom.wasm'))});
     r.second = await w.ready().then(() => 'resolved', describe);
     const c = new w.CallbackCrypto({ token: 't', encodingAesKey: '${KEY}', receiveId: 'r' });
     r.roundTrip = c.decrypt({ ...Object.fromEntries(['msg_signature', 'timestamp', 'nonce'].map((k) => [k, ''])), ...(() => {
       const xml = c.encrypt('<xml><A>1</A></xml>', { timestamp: '1', nonce: 'n' });
       const enc = /<Encrypt><!\\[CDATA\\[(.*?)\\]\\]>/.exec(xml)[1];
       return { msg_signature: c.signature('1', 'n', enc), timestamp: '1', nonce: 'n', body: xml };
     })() }).message;
     console.log(JSON.stringify(r));
     })();`,
    { cjs: true },
  );
  assert.equal(out.first.code, 'E_ENGINE');
  assert.equal(out.second, 'resolved');
  assert.equal(out.roundTrip, '<xml><A>1</A></xml>');
});

test('issue 10: the inline entry works with no wecom.wasm on disk, from import and from require, synchronously in Node', async () => {
  const { project } = copyPackage('inline', ['wecom.wasm']);
  const probe = (load) => `${describe}
     const w = ${load};
     const c = new w.CallbackCrypto({ token: 't', encodingAesKey: '${KEY}', receiveId: 'r' });
     const xml = c.encrypt('<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType></xml>', { timestamp: '1', nonce: 'n' });
     const r = { encrypted: xml.startsWith('<xml>'), ready: await w.ready().then(() => 'resolved', describe) };
     r.event = w.parseEvent('<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType></xml>');
     console.log(JSON.stringify(r));`;
  const esm = await run(project, probe(`await import('wecom-external-contact/inline')`));
  const cjs = await run(project, `(async () => { ${probe(`require('wecom-external-contact/inline')`)} })()`, { cjs: true });
  for (const out of [esm, cjs]) {
    assert.equal(out.encrypted, true, 'the synchronous API works before ready()');
    assert.equal(out.ready, 'resolved');
    assert.equal(out.event.changeType, 'add_external_contact', JSON.stringify(out.event));
  }
});

test('issue 10: a realm without TextDecoder/TextEncoder globals (Jest jsdom) still runs the engine', async () => {
  const { project } = copyPackage('no-textdecoder');
  const out = await run(
    project,
    `${describe}
     delete globalThis.TextDecoder; delete globalThis.TextEncoder;
     const w = require('wecom-external-contact');
     const r = {};
     try {
       const c = new w.CallbackCrypto({ token: 't', encodingAesKey: '${KEY}', receiveId: 'receiver' });
       r.receiveId = c.receiveId;
     } catch (e) { r.error = describe(e); }
     console.log(JSON.stringify(r));`,
    { cjs: true },
  );
  assert.equal(out.error, undefined, JSON.stringify(out.error));
  assert.equal(out.receiveId, 'receiver');
});
