// Callback security and events through the packed package in Node: the conformance vectors,
// round trips, hostile input (the module keeps working), the event parser, and the
// framework-agnostic handler behind a real node:http server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import * as pkg from 'wecom-external-contact';
import { runVectors, VECTORS } from './browser/callback-vectors.mjs';

const { CallbackCrypto, parseEvent, createCallbackHandler, WeComCallbackError, WeComConfigError, WeComError } = pkg;
const V8 = VECTORS.find((v) => v.name === 'V8');
const cb = new CallbackCrypto({ token: V8.token, encodingAesKey: V8.encodingAesKey, receiveId: V8.receiveId });

/** A small deterministic PRNG (xorshift32). */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

function sealed(message, timestamp = '1700000000', nonce = 'nonce123') {
  const reply = cb.encrypt(message, { timestamp, nonce });
  const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(reply)[1];
  return { msg_signature: cb.signature(timestamp, nonce, encrypt), timestamp, nonce, encrypt, reply };
}

const envelope = (encrypt) => `<xml><ToUserName><![CDATA[${V8.receiveId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;

test('every conformance vector passes (V1, V2, V6, V7, V8, key formats, negatives)', () => {
  const results = runVectors(pkg);
  assert.ok(results.length >= 25);
  assert.deepEqual(results.filter((r) => !r.ok), []);
});

test('require() gives a CallbackCrypto on the same engine: what one build encrypts, the other decrypts', () => {
  const cjs = createRequire(import.meta.url)('wecom-external-contact');
  assert.equal(typeof cjs.createCallbackHandler, 'function');
  const options = { token: V8.token, encodingAesKey: V8.encodingAesKey, receiveId: V8.receiveId };
  const esmCrypto = new CallbackCrypto(options);
  const cjsCrypto = new cjs.CallbackCrypto(options);
  const reply = esmCrypto.encrypt('<xml><A>1</A></xml>', { timestamp: '1700000000', nonce: 'n1' });
  const encrypted = /<Encrypt><!\[CDATA\[(.*?)\]\]>/.exec(reply)[1];
  const signature = cjsCrypto.signature('1700000000', 'n1', encrypted);
  assert.equal(signature, esmCrypto.signature('1700000000', 'n1', encrypted));
  assert.equal(cjsCrypto.decrypt({ msg_signature: signature, timestamp: '1700000000', nonce: 'n1', body: reply }).message, '<xml><A>1</A></xml>');
});

test('encrypt → decrypt round trips: empty, 1 byte, block-aligned, CJK, emoji, 64 KiB', () => {
  const next = rng(7);
  const messages = ['', 'a', 'x'.repeat(64 - 20 - V8.receiveId.length), 'y'.repeat(32), 'z'.repeat(64), '你好，客户联系回调', '👩‍💻🚀', '中'.repeat(21846), 'q'.repeat(65536)];
  for (let i = 0; i < 40; i++) {
    const len = Math.floor(next() * 300);
    let s = '';
    for (let k = 0; k < len; k++) s += String.fromCodePoint(next() < 0.7 ? 0x20 + Math.floor(next() * 95) : 0x4e00 + Math.floor(next() * 2000));
    messages.push(s);
  }
  for (const message of messages) {
    const s = sealed(message);
    const out = cb.decrypt({ msg_signature: s.msg_signature, timestamp: s.timestamp, nonce: s.nonce, body: envelope(s.encrypt) });
    assert.equal(out.message, message);
    assert.equal(out.receiveId, V8.receiveId);
    // Fresh random each time: the same message never encrypts to the same text.
    assert.notEqual(sealed(message).encrypt, s.encrypt);
  }
});

test('hostile input gives typed errors, never a crash, and the module keeps working', () => {
  const next = rng(99);
  const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
  const good = sealed('<xml><MsgType><![CDATA[event]]></MsgType></xml>');
  const inputs = [];
  for (let i = 0; i < 400; i++) {
    const len = Math.floor(next() * 200);
    let s = '';
    for (let k = 0; k < len; k++) s += b64[Math.floor(next() * b64.length)];
    inputs.push(s, good.encrypt.slice(0, Math.floor(next() * good.encrypt.length)), good.encrypt.replace(/./, (c) => (c === 'A' ? 'B' : 'A')));
  }
  inputs.push('', '<xml>', '<xml><Encrypt></Encrypt></xml>', '{"encrypt":5}', '{}', '\u0000'.repeat(100), '<!DOCTYPE x [<!ENTITY e "x">]><xml><Encrypt>&e;</Encrypt></xml>');
  let errors = 0;
  for (const text of inputs) {
    const tries = [
      () => cb.verifyUrl({ msg_signature: good.msg_signature, timestamp: good.timestamp, nonce: good.nonce, echostr: text }),
      () => cb.verifyUrl({ msg_signature: cb.signature(good.timestamp, good.nonce, text), timestamp: good.timestamp, nonce: good.nonce, echostr: text }),
      () => cb.decrypt({ msg_signature: cb.signature(good.timestamp, good.nonce, text), timestamp: good.timestamp, nonce: good.nonce, body: envelope(text) }),
      () => cb.decrypt({ msg_signature: good.msg_signature, timestamp: good.timestamp, nonce: good.nonce, body: text }),
      () => parseEvent(text),
    ];
    for (const attempt of tries) {
      try {
        attempt();
      } catch (e) {
        errors++;
        assert.ok(e instanceof WeComError, `${e?.name}: ${e?.message}`);
        assert.match(e.code, /^E_CALLBACK_|^E_USAGE$/);
      }
    }
  }
  assert.ok(errors > inputs.length * 3);
  const out = cb.decrypt({ msg_signature: good.msg_signature, timestamp: good.timestamp, nonce: good.nonce, body: good.reply });
  assert.equal(out.message, '<xml><MsgType><![CDATA[event]]></MsgType></xml>');
});

test('wrong argument types are usage errors', () => {
  for (const bad of [undefined, null, 5, 'x']) {
    assert.throws(() => cb.verifyUrl(bad), (e) => e instanceof WeComError && e.code === 'E_USAGE');
  }
  assert.throws(() => cb.encrypt(5, { timestamp: '1', nonce: 'n' }), (e) => e.code === 'E_USAGE');
  assert.throws(() => cb.encrypt('m', { timestamp: '1', nonce: 'n', random: 'short' }), (e) => e.code === 'E_USAGE');
  assert.throws(() => new CallbackCrypto(), (e) => e instanceof WeComError);
  assert.throws(() => new CallbackCrypto({ token: 't', encodingAesKey: 'x', receiveId: 'ww' }), (e) => e instanceof WeComConfigError && e.code === 'E_CALLBACK_BAD_KEY');
});

const ADD_EVENT = `<xml><ToUserName><![CDATA[${V8.receiveId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA]]></ExternalUserID><State><![CDATA[landing]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode><BrandNewField><![CDATA[kept]]></BrandNewField></xml>`;

test('parseEvent: typed fields, open change types, every raw field kept', () => {
  const e = parseEvent(ADD_EVENT);
  assert.equal(e.event, 'change_external_contact');
  assert.equal(e.changeType, 'add_external_contact');
  assert.equal(e.createTime, 1403610513);
  assert.equal(e.raw.BrandNewField, 'kept');
  assert.equal(e.raw.UserID, 'zhangsan');
  const unknown = parseEvent(ADD_EVENT.replace('add_external_contact', 'brand_new_change'));
  assert.equal(unknown.changeType, 'brand_new_change');
  assert.throws(() => parseEvent('<!DOCTYPE xml [<!ENTITY x "y">]><xml>&x;</xml>'), (err) => err instanceof WeComCallbackError && err.code === 'E_CALLBACK_XML');
  assert.throws(() => parseEvent('<xml>' + 'a'.repeat(2 * 1024 * 1024) + '</xml>'), (err) => err.code === 'E_CALLBACK_TOO_LARGE');
});

async function serve(handler) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const out = await handler({ method: req.method, url: req.url, body: Buffer.concat(chunks) });
    res.writeHead(out.status, out.headers);
    res.end(out.body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

test('createCallbackHandler behind node:http: URL verification, an event, forged and odd requests', async () => {
  const seen = [];
  const handle = createCallbackHandler({ crypto: cb, onEvent: (event, message) => seen.push({ event, message }) });
  const server = await serve(handle);
  try {
    // GET: the echostr arrives percent-encoded (%2B %2F %3D), as WeCom sends it.
    const q = new URLSearchParams({ msg_signature: V8.signature, timestamp: V8.timestamp, nonce: V8.nonce, echostr: V8.echostr });
    let res = await fetch(`${server.url}/wecom/callback?${q}`);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), V8.message);
    // POST an event.
    const s = sealed(ADD_EVENT, '1403610513', 'abc');
    const post = new URLSearchParams({ msg_signature: s.msg_signature, timestamp: s.timestamp, nonce: s.nonce });
    res = await fetch(`${server.url}/wecom/callback?${post}`, { method: 'POST', body: envelope(s.encrypt) });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    assert.equal(seen.length, 1);
    assert.equal(seen[0].event.changeType, 'add_external_contact');
    assert.equal(seen[0].message.message, ADD_EVENT);
    // A forged signature: 403, no handler call, no secret in the answer.
    post.set('msg_signature', '0'.repeat(40));
    res = await fetch(`${server.url}/wecom/callback?${post}`, { method: 'POST', body: envelope(s.encrypt) });
    assert.equal(res.status, 403);
    assert.equal(await res.text(), 'E_CALLBACK_SIGNATURE');
    assert.equal(seen.length, 1);
    // Not an envelope: 400; another method: 405.
    res = await fetch(`${server.url}/wecom/callback?${post}`, { method: 'POST', body: 'hello' });
    assert.equal(res.status, 400);
    res = await fetch(`${server.url}/wecom/callback`, { method: 'PUT', body: 'x' });
    assert.equal(res.status, 405);
  } finally {
    await server.close();
  }
});

test('createCallbackHandler: an echostr whose "+" was not percent-encoded still verifies', async () => {
  const V6 = VECTORS.find((v) => v.name === 'V6');
  assert.ok(V6.echostr.includes('+'));
  const handle = createCallbackHandler({ token: V6.token, encodingAesKey: V6.encodingAesKey, receiveId: V6.receiveId, onEvent: () => {} });
  const raw = `/cb?msg_signature=${V6.signature}&timestamp=${V6.timestamp}&nonce=${V6.nonce}&echostr=${V6.echostr.replaceAll('/', '%2F').replaceAll('=', '%3D')}`;
  const out = await handle({ method: 'GET', url: raw });
  assert.equal(out.status, 200);
  assert.equal(out.body, V6.message);
});
