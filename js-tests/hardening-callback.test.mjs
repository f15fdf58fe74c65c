// Issue 8, items 1 and 9, through the packed package: oversized callback input is refused before
// it reaches the engine's memory (and never poisons later callbacks); the handler answers 400 to
// an unparsable URL, never rejects or leaves an unhandled rejection whatever onError and onEvent
// do, and refuses stale timestamps when maxAgeSeconds is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CallbackCrypto,
  parseEvent,
  createCallbackHandler,
  WeComCallbackError,
  WeComConfigError,
  WeComUsageError,
} from 'wecom-external-contact';
import { VECTORS } from './browser/callback-vectors.mjs';
import { assertWeComError, collectForScan } from './helpers.mjs';

const V8 = VECTORS.find((v) => v.name === 'V8');
const SETTINGS = { token: V8.token, encodingAesKey: V8.encodingAesKey, receiveId: V8.receiveId };
const cb = new CallbackCrypto(SETTINGS);
const MiB = 1024 * 1024;
const NOW_S = 1_700_000_000;

const EVENT = `<xml><ToUserName><![CDATA[${V8.receiveId}]]></ToUserName><CreateTime>${NOW_S}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID></xml>`;

/** A signed POST request carrying `message`, as WeCom sends it. */
function post(message = EVENT, timestamp = String(NOW_S), nonce = 'n0nce') {
  // (encrypt writes a reply, which needs a numeric timestamp; the signature below uses the given one)
  const reply = cb.encrypt(message, { timestamp: /^\d+$/.test(timestamp) ? timestamp : '1', nonce });
  const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(reply)[1];
  const q = new URLSearchParams({ msg_signature: cb.signature(timestamp, nonce, encrypt), timestamp, nonce });
  const body = `<xml><ToUserName><![CDATA[${V8.receiveId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
  return { method: 'POST', url: `/cb?${q}`, body, query: Object.fromEntries(q), encrypt };
}

/** The URL verification GET of vector V8 (its own timestamp). */
function verification() {
  const q = new URLSearchParams({ msg_signature: V8.signature, timestamp: V8.timestamp, nonce: V8.nonce, echostr: V8.echostr });
  return { method: 'GET', url: `/cb?${q}` };
}

/** A handler that records events and errors. */
function recorder(extra = {}) {
  const events = [];
  const errors = [];
  const handle = createCallbackHandler({
    crypto: cb,
    onEvent: (event) => void events.push(event),
    onError: (e) => {
      collectForScan(e);
      errors.push(e);
    },
    now: () => NOW_S * 1000,
    ...extra,
  });
  return { handle, events, errors };
}

/** A real callback goes through: 200, and its event is delivered. */
async function stillWorks(handle, events) {
  const before = events.length;
  const out = await handle(post());
  assert.equal(out.status, 200, `a valid callback answers ${out.status} ${out.body}`);
  assert.equal(events.length, before + 1);
  assert.equal(events.at(-1).changeType, 'add_external_contact');
}

const tooLarge = (e) => assertWeComError(e, WeComCallbackError, 'E_CALLBACK_TOO_LARGE') && true;

/** Lets pending promise jobs and rejection tracking run (a bounded wait, never asserted on). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Runs `fn` while counting 'unhandledRejection' events and console.error calls. */
async function watching(fn) {
  const unhandled = [];
  const logged = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  const consoleError = console.error;
  process.on('unhandledRejection', onUnhandled);
  console.error = (...args) => void logged.push(args);
  try {
    await fn();
    await settle();
  } finally {
    console.error = consoleError;
    process.off('unhandledRejection', onUnhandled);
  }
  return { unhandled, logged };
}

test('issue 8 item 1: a 2 MiB body (text or bytes) answers 413 before decryption, and the next callback still works', async () => {
  const { handle, events, errors } = recorder();
  const good = post();
  const padded = good.body + ' '.repeat(2 * MiB);
  for (const body of [padded, new TextEncoder().encode(padded), Buffer.from(padded)]) {
    const out = await handle({ ...good, body });
    assert.equal(out.status, 413);
    assert.equal(out.body, 'E_CALLBACK_TOO_LARGE');
    tooLarge(errors.at(-1));
  }
  // Multi-byte text: 400,000 characters are 1.2 MB of UTF-8, over the limit although fewer than
  // 1 MiB characters.
  const out = await handle({ ...good, body: '中'.repeat(400_000) });
  assert.equal(out.status, 413);
  assert.equal(events.length, 0);
  await stillWorks(handle, events);
});

test('issue 8 item 1: maxBodyBytes lowers the limit; above the engine limit or nonsense is a config error', async () => {
  const { handle, events } = recorder({ maxBodyBytes: 2000 });
  const good = post();
  assert.ok(good.body.length < 2000);
  let out = await handle({ ...good, body: good.body + ' '.repeat(2000 - good.body.length + 1) });
  assert.equal(out.status, 413);
  out = await handle({ ...good, body: good.body + ' '.repeat(2000 - good.body.length) });
  assert.equal(out.status, 200);
  assert.equal(events.length, 1);
  for (const maxBodyBytes of [0, -1, 1.5, 2 * MiB, MiB + 1, '1000', NaN, Infinity, null]) {
    assert.throws(
      () => createCallbackHandler({ crypto: cb, onEvent() {}, maxBodyBytes }),
      (e) => assertWeComError(e, WeComConfigError, 'E_CALLBACK_CONFIG') && true,
      `maxBodyBytes: ${String(maxBodyBytes)}`,
    );
  }
  assert.equal(typeof createCallbackHandler({ crypto: cb, onEvent() {}, maxBodyBytes: MiB }), 'function');
});

test('issue 8 item 1: 300 MB and 400 MB bodies answer 413 and callback decryption keeps working', async () => {
  const { handle, events } = recorder();
  const good = post();
  // 400 M characters: 0.1.0 reserved 3 bytes per character, its buffer growth panicked, and every
  // later decrypt trapped (500 for every real callback). 300 M: it kept 1 GiB reserved.
  for (const size of [400e6, 300e6]) {
    let body = good.body + 'a'.repeat(size);
    const out = await handle({ ...good, body });
    body = undefined;
    await stillWorks(handle, events);
    assert.equal(cb.decrypt({ ...good.query, body: good.body }).message, EVENT);
    assert.equal(out.status, 413, `${size / 1e6} MB body`);
    assert.equal(out.body, 'E_CALLBACK_TOO_LARGE');
  }
});

test('issue 8 item 1: CallbackCrypto refuses each oversized input before copying it, then works', () => {
  const good = post();
  const huge = 'A'.repeat(300e6);
  const { msg_signature, timestamp, nonce } = good.query;
  // decrypt (the fast path: four strings), each field over its limit.
  assert.throws(() => cb.decrypt({ ...good.query, body: huge }), tooLarge);
  assert.throws(() => cb.decrypt({ ...good.query, body: good.body + ' '.repeat(MiB) }), tooLarge);
  assert.throws(() => cb.decrypt({ ...good.query, body: '中'.repeat(MiB / 3 + 1) }), tooLarge);
  assert.throws(() => cb.decrypt({ msg_signature: huge, timestamp, nonce, body: good.body }), tooLarge);
  assert.throws(() => cb.decrypt({ msg_signature, timestamp: '1'.repeat(1025), nonce, body: good.body }), tooLarge);
  assert.throws(() => cb.decrypt({ msg_signature, timestamp, nonce: 'n'.repeat(1025), body: good.body }), tooLarge);
  // The engine's own decrypt (a numeric signature leaves the fast path): the same limits.
  assert.throws(() => cb.decrypt({ msg_signature: 5, timestamp, nonce, body: huge }), tooLarge);
  assert.throws(() => cb.decrypt({ msg_signature: 5, timestamp, nonce: huge, body: good.body }), tooLarge);
  // At the limit (1 MiB of ASCII) both paths accept the size and then judge the content: the
  // JS layer and the engine agree on the limit.
  const atLimit = good.body.replace('<AgentID>', ' '.repeat(MiB - good.body.length) + '<AgentID>');
  assert.equal(atLimit.length, MiB);
  assert.equal(cb.decrypt({ ...good.query, body: atLimit }).message, EVENT);
  assert.throws(() => cb.decrypt({ ...good.query, body: atLimit + ' ' }), tooLarge);
  assert.throws(() => cb.decrypt({ msg_signature: 5, timestamp, nonce, body: atLimit }), (e) => e.code === 'E_CALLBACK_SIGNATURE');
  assert.throws(() => cb.decrypt({ msg_signature: 5, timestamp, nonce, body: atLimit + ' ' }), tooLarge);
  // verifyUrl (echostr), encrypt (message), signature (ciphertext), parseEvent (XML).
  assert.throws(() => cb.verifyUrl({ msg_signature: V8.signature, timestamp: V8.timestamp, nonce: V8.nonce, echostr: huge }), tooLarge);
  assert.throws(() => cb.verifyUrl({ msg_signature: V8.signature, timestamp: huge, nonce: V8.nonce, echostr: V8.echostr }), tooLarge);
  assert.throws(() => cb.encrypt(huge, { timestamp: '1', nonce: 'n' }), tooLarge);
  assert.throws(() => cb.encrypt('x'.repeat(MiB + 1), { timestamp: '1', nonce: 'n' }), tooLarge);
  assert.throws(() => cb.encrypt('m', { timestamp: '1', nonce: huge }), tooLarge);
  assert.throws(() => cb.signature('1', 'n', huge), tooLarge);
  const usage = (e) => assertWeComError(e, WeComUsageError, 'E_USAGE') && true;
  assert.throws(() => cb.encrypt('m', { timestamp: '1', nonce: 'n', random: huge }), usage);
  assert.throws(() => cb.encrypt('m', { timestamp: '1', nonce: 'n', random: new Uint8Array(100 * MiB) }), usage);
  assert.throws(() => cb.signature(5, 'n', 'e'), usage);
  assert.throws(() => parseEvent(huge), tooLarge);
  // Everything still works.
  assert.equal(cb.decrypt({ ...good.query, body: good.body }).message, EVENT);
  assert.equal(cb.verifyUrl({ msg_signature: V8.signature, timestamp: V8.timestamp, nonce: V8.nonce, echostr: V8.echostr }), V8.message);
  assert.equal(parseEvent(EVENT).changeType, 'add_external_contact');
  const big = 'x'.repeat(MiB / 2);
  const sealed = cb.encrypt(big, { timestamp: '1', nonce: 'n' });
  const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]>/.exec(sealed)[1];
  assert.equal(cb.decrypt({ msg_signature: cb.signature('1', 'n', encrypt), timestamp: '1', nonce: 'n', body: sealed }).message, big);
  assert.equal(cb.decrypt({ ...good.query, body: good.body }).message, EVENT);
});

test('issue 8 item 9: an unparsable URL answers 400, not 500', async () => {
  const { handle, events, errors } = recorder();
  const throwing = { toString() { throw new Error('no text'); } };
  for (const url of ['http://[', '//:', 'http://a b/', throwing]) {
    for (const method of ['GET', 'POST']) {
      const out = await handle({ method, url, body: post().body });
      assert.equal(out.status, 400, `${method} ${typeof url === 'string' ? url : 'object'}`);
      assert.equal(out.body, 'E_USAGE');
      assertWeComError(errors.at(-1), WeComUsageError, 'E_USAGE');
    }
  }
  await stillWorks(handle, events);
});

test('issue 8 item 9: an onError that throws or rejects never makes handle() reject', async () => {
  for (const onError of [
    () => {
      throw new Error('onError broke');
    },
    async () => {
      throw new Error('onError rejected');
    },
    () => ({ then() { throw new Error('a thenable that throws'); } }),
  ]) {
    const { unhandled } = await watching(async () => {
      const events = [];
      for (const waitForHandler of [false, true]) {
        const handle = createCallbackHandler({ crypto: cb, onEvent: (e) => void events.push(e), onError, waitForHandler });
        // A forged signature, a malformed body, a bad URL: each reported to the broken onError.
        const good = post();
        let out = await handle({ ...good, url: good.url.replace(/msg_signature=\w+/, 'msg_signature=' + '0'.repeat(40)) });
        assert.equal(out.status, 403);
        out = await handle({ ...good, body: 'not an envelope' });
        assert.equal(out.status, 400);
        out = await handle({ method: 'GET', url: 'http://[' });
        assert.equal(out.status, 400);
        // onEvent throwing synchronously: 500, reported through the same guarded path.
        const failing = createCallbackHandler({
          crypto: cb,
          onEvent() {
            throw new Error('onEvent broke');
          },
          onError,
          waitForHandler,
        });
        out = await failing(post());
        assert.equal(out.status, 500);
        assert.equal(out.body, 'E_HANDLER');
        // onEvent rejecting: answered 200 (not awaited) or 500 (awaited), reported either way.
        const rejecting = createCallbackHandler({ crypto: cb, onEvent: async () => Promise.reject(new Error('later')), onError, waitForHandler });
        out = await rejecting(post());
        assert.equal(out.status, waitForHandler ? 500 : 200);
        await stillWorks(handle, events);
      }
    });
    assert.deepEqual(unhandled, []);
  }
});

test('issue 8 item 9: a rejected onEvent promise without onError is no unhandled rejection (it goes to console.error)', async () => {
  const failure = new Error('queue unavailable');
  let answered;
  const { unhandled, logged } = await watching(async () => {
    const handle = createCallbackHandler({ crypto: cb, onEvent: () => Promise.reject(failure) });
    answered = await handle(post());
  });
  assert.equal(answered.status, 200);
  assert.deepEqual(unhandled, []);
  assert.equal(logged.length, 1);
  assert.ok(logged[0].includes(failure));
  // With onError, onError gets it and nothing is logged.
  const seen = [];
  const second = await watching(async () => {
    const handle = createCallbackHandler({ crypto: cb, onEvent: () => Promise.reject(failure), onError: (e) => seen.push(e) });
    answered = await handle(post());
  });
  assert.equal(answered.status, 200);
  assert.deepEqual(second.unhandled, []);
  assert.deepEqual(second.logged, []);
  assert.deepEqual(seen, [failure]);
  // Request failures (anyone can send them) are not logged.
  const third = await watching(async () => {
    const handle = createCallbackHandler({ crypto: cb, onEvent() {} });
    answered = await handle({ ...post(), body: 'x'.repeat(2 * MiB) });
  });
  assert.equal(answered.status, 413);
  assert.deepEqual(third.logged, []);
});

test('issue 8 item 9: maxAgeSeconds refuses stale or future timestamps with 403 E_CALLBACK_STALE', async () => {
  const { handle, events, errors } = recorder({ maxAgeSeconds: 300 });
  const stale = (e) => assertWeComError(e, WeComCallbackError, 'E_CALLBACK_STALE');
  for (const ts of [NOW_S - 301, NOW_S + 301, NOW_S - 86400]) {
    const out = await handle(post(EVENT, String(ts)));
    assert.equal(out.status, 403, `timestamp ${ts - NOW_S} s from now`);
    assert.equal(out.body, 'E_CALLBACK_STALE');
    stale(errors.at(-1));
  }
  // Not a number of seconds: cannot be fresh.
  const odd = post(EVENT, 'yesterday');
  assert.equal((await handle(odd)).status, 403);
  assert.equal(events.length, 0);
  for (const ts of [NOW_S, NOW_S - 300, NOW_S + 300]) {
    const out = await handle(post(EVENT, String(ts)));
    assert.equal(out.status, 200);
  }
  assert.equal(events.length, 3);
  // URL verification too: V8 was signed in 2020.
  let out = await handle(verification());
  assert.equal(out.status, 403);
  assert.equal(out.body, 'E_CALLBACK_STALE');
  const then = recorder({ maxAgeSeconds: 60, now: () => Number(V8.timestamp) * 1000 + 59_000 });
  out = await then.handle(verification());
  assert.equal(out.status, 200);
  assert.equal(out.body, V8.message);
});

test('issue 8 item 9: maxAgeSeconds is off by default (an old timestamp is accepted) and checked at creation', async () => {
  const events = [];
  const handle = createCallbackHandler({ ...SETTINGS, onEvent: (e) => void events.push(e) });
  let out = await handle(post(EVENT, '1403610513'));
  assert.equal(out.status, 200);
  assert.equal(events.length, 1);
  out = await handle(verification());
  assert.equal(out.status, 200);
  for (const maxAgeSeconds of [0, -5, NaN, Infinity, '300', null, {}]) {
    assert.throws(
      () => createCallbackHandler({ crypto: cb, onEvent() {}, maxAgeSeconds }),
      (e) => assertWeComError(e, WeComConfigError, 'E_CALLBACK_CONFIG') && true,
      `maxAgeSeconds: ${String(maxAgeSeconds)}`,
    );
  }
  for (const bad of [{ now: 5 }, { onError: 'log' }]) {
    assert.throws(
      () => createCallbackHandler({ crypto: cb, onEvent() {}, maxAgeSeconds: 300, ...bad }),
      (e) => assertWeComError(e, WeComUsageError, 'E_USAGE') && true,
    );
  }
  assert.equal(typeof createCallbackHandler({ crypto: cb, onEvent() {}, maxAgeSeconds: 0.5 }), 'function');
});
