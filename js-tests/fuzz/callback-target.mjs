// Fuzz targets: parseEvent and CallbackCrypto (decrypt, verifyUrl) with random and mutated
// input. Properties: a result or a WeComError, never an engine error; a forged signature or a
// message for another receiveId never decrypts; after each input, the real event parses and a
// freshly sealed message decrypts.
import { CallbackCrypto, parseEvent } from 'wecom-external-contact';
import { VECTORS } from '../browser/callback-vectors.mjs';
import { fuzzLoop, kindOf, show } from './harness.mjs';
import { ADD_EVENT, BASE64_ODD, EVENTS, bigXml, mutateTimes, randomXmlish } from './text.mjs';
import { adversarial, hostile, randomPrimitive, randomString, randomValue } from './values.mjs';

const V8 = VECTORS.find((v) => v.name === 'V8');
const V6 = VECTORS.find((v) => v.name === 'V6');

/** The CallbackCrypto every callback target uses (V8's token, key and receiveId). */
export function v8Crypto() {
  return new CallbackCrypto({ token: V8.token, encodingAesKey: V8.encodingAesKey, receiveId: V8.receiveId });
}

/** The POST body WeCom sends around a ciphertext. */
export const envelope = (encrypt, to = V8.receiveId) =>
  `<xml><ToUserName><![CDATA[${to}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;

/** Encrypts `message` with `cb` and signs it: the query and body of a real callback. */
export function seal(cb, message, timestamp = '1700000000', nonce = 'nonce123') {
  const reply = cb.encrypt(message, { timestamp, nonce });
  const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(reply)[1];
  return { msg_signature: cb.signature(timestamp, nonce, encrypt), timestamp, nonce, encrypt, body: envelope(encrypt) };
}

function eventInput(rng, ctx) {
  return rng.weighted([
    [8, () => mutateTimes(rng, rng.pick(EVENTS), 5)],
    [2, () => rng.pick(EVENTS)],
    [3, () => randomXmlish(rng)],
    [2, () => randomString(rng, 500)],
    [1, () => bigXml(rng)],
    [1, () => `<xml>${'<a>x</a>'.repeat(rng.range(1, 2000))}${'x'.repeat(rng.pick([10, 1 << 20, (2 << 20) + 7]))}</xml>`],
    [2, () => randomValue(rng, ctx, 2)],
    [1, () => adversarial(rng, ctx, 2)],
    [1, () => new String(rng.pick(EVENTS))],
  ])();
}

/** Runs the parseEvent target. */
export async function fuzzParseEvent() {
  return fuzzLoop('parseEvent', { defaultIterations: 10000 }, (rng, i, findings) => {
    const input = eventInput(rng, {});
    const shown = `parseEvent(${show(input)})`;
    try {
      const event = parseEvent(input);
      if (event === null || typeof event !== 'object' || event.raw === null || typeof event.raw !== 'object') {
        findings.add('parseEvent() returned something that is not an event with raw fields', i, `${show(event)} for ${shown}`);
      }
    } catch (e) {
      findings.expectSdkError('parseEvent()', i, e, shown);
    }
    try {
      const normal = parseEvent(ADD_EVENT);
      if (normal?.changeType !== 'add_external_contact' || normal?.raw?.UserID !== 'zhangsan') findings.add('after a fuzz input, the real event parses wrongly', i, `${show(normal)} after ${shown}`);
    } catch (e) {
      findings.add(`after a fuzz input, parsing the real event threw ${kindOf(e)}`, i, `after ${shown}`);
    }
  });
}

/** A decrypt input and what must happen to it: { input, forged, foreign }. */
function decryptCase(rng, cb, other, pool) {
  const real = rng.pick(pool);
  const q = { msg_signature: real.msg_signature, timestamp: real.timestamp, nonce: real.nonce, body: real.body };
  const kind = rng.weighted([[3, 'fields'], [4, 'cipher'], [2, 'envelope'], [2, 'forged'], [1, 'foreign'], [1, 'shape'], [1, 'huge'], [1, 'timestamp']]);
  switch (kind) {
    case 'fields':
      for (const k of Object.keys(q)) if (rng.chance(0.4)) q[k] = rng.chance(0.5) ? randomPrimitive(rng) : randomString(rng, 200);
      if (rng.chance(0.1)) Object.defineProperty(q, 'nonce', { enumerable: true, get() { throw hostile(new Error('nonce getter')); } });
      return { input: q, forged: q.msg_signature !== real.msg_signature };
    case 'cipher': {
      const encrypt = mutateTimes(rng, real.encrypt, 3, BASE64_ODD);
      return { input: { ...q, msg_signature: cb.signature(q.timestamp, q.nonce, encrypt), body: envelope(encrypt) } };
    }
    case 'envelope':
      return { input: { ...q, body: mutateTimes(rng, real.body, 3) } };
    case 'forged': {
      const sig = rng.chance(0.5) ? Array.from({ length: 40 }, () => '0123456789abcdef'[rng.int(16)]).join('') : randomString(rng, 60);
      return { input: { ...q, msg_signature: sig }, forged: true };
    }
    case 'foreign':
      return { input: { ...rng.pick(other) }, foreign: true };
    case 'shape':
      return { input: rng.chance(0.5) ? randomValue(rng, {}, 2) : adversarial(rng, {}, 2), forged: true };
    case 'huge': {
      const size = rng.pick([(1 << 20) + 1, 3 << 20, 5 << 20]);
      const body = rng.chance(0.5) ? 'x'.repeat(size) : envelope('A'.repeat(size));
      return { input: { ...q, body }, forged: true };
    }
    default: {
      const ts = rng.pick([Number(q.timestamp), -1, 0.5, NaN, Infinity, 1e21, 2 ** 53, `${q.timestamp} `, '', '中']);
      return { input: { ...q, timestamp: ts }, forged: String(ts) !== q.timestamp };
    }
  }
}

/** Runs the CallbackCrypto target (decrypt, and verifyUrl on a fifth of the iterations). */
export async function fuzzDecrypt() {
  const cb = v8Crypto();
  // Same token and key, another receiveId: what it seals must never decrypt as ours.
  const stranger = new CallbackCrypto({ token: V8.token, encodingAesKey: V8.encodingAesKey, receiveId: 'wwSomeoneElse0001' });
  const messages = [ADD_EVENT, '', 'a', '中'.repeat(3000), 'q'.repeat(65536), EVENTS[1]];
  const pool = messages.map((m, k) => seal(cb, m, String(1700000000 + k), `n${k}`));
  const other = messages.slice(0, 3).map((m) => seal(stranger, m));
  const verify = { msg_signature: V6.signature, timestamp: V6.timestamp, nonce: V6.nonce, echostr: V6.echostr };
  const v6 = new CallbackCrypto({ token: V6.token, encodingAesKey: V6.encodingAesKey, receiveId: V6.receiveId });
  return fuzzLoop('decrypt', { defaultIterations: 8000 }, (rng, i, findings) => {
    const { input, forged, foreign } = decryptCase(rng, cb, other, pool);
    const shown = `decrypt(${show(input, 400)})`;
    try {
      const out = cb.decrypt(input);
      if (typeof out?.message !== 'string' || out?.receiveId !== V8.receiveId) findings.add('decrypt() returned something that is not { message, receiveId }', i, `${show(out)} for ${shown}`);
      if (forged) findings.add('decrypt() accepted a forged or changed signature', i, shown);
      if (foreign) findings.add('decrypt() accepted a message sealed for another receiveId', i, shown);
    } catch (e) {
      findings.expectSdkError('decrypt()', i, e, shown);
    }
    if (rng.chance(0.2)) {
      const q = { ...verify };
      for (const k of Object.keys(q)) if (rng.chance(0.4)) q[k] = rng.chance(0.5) ? mutateTimes(rng, String(q[k]), 2, BASE64_ODD) : randomPrimitive(rng);
      try {
        const echo = v6.verifyUrl(q);
        if (typeof echo !== 'string') findings.add('verifyUrl() returned something that is not a string', i, show(q));
      } catch (e) {
        findings.expectSdkError('verifyUrl()', i, e, `verifyUrl(${show(q)})`);
      }
    }
    try {
      const message = `<xml><N>${i}</N></xml>`;
      const s = seal(cb, message, String(1700000000 + i), `nonce${i}`);
      const out = cb.decrypt({ msg_signature: s.msg_signature, timestamp: s.timestamp, nonce: s.nonce, body: s.body });
      if (out?.message !== message) findings.add('after a fuzz input, a real message decrypts wrongly', i, `${show(out)} after ${shown}`);
    } catch (e) {
      findings.add(`after a fuzz input, a real message no longer decrypts: ${kindOf(e)}`, i, `after ${shown}`);
    }
  });
}
