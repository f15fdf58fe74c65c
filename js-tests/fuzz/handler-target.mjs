// Fuzz target: createCallbackHandler(...)(request) with random methods, URLs, bodies and
// request objects. Properties: handle() resolves (never rejects, never hangs) with
// { status, headers, body } and a status in {200, 400, 403, 405, 413} (500 only when the
// user's own onEvent threw); no forged request reaches onEvent; after each input, a real
// callback gets 200 and reaches onEvent.
import { createCallbackHandler } from 'wecom-external-contact';
import { VECTORS } from '../browser/callback-vectors.mjs';
import { envelope, seal, v8Crypto } from './callback-target.mjs';
import { fuzzLoop, kindOf, show, within } from './harness.mjs';
import { ADD_EVENT, BASE64_ODD, EVENTS, mutateTimes } from './text.mjs';
import { adversarial, hostile, randomPrimitive, randomString, randomValue } from './values.mjs';

const V8 = VECTORS.find((v) => v.name === 'V8');
const ALLOWED = new Set([200, 400, 403, 405, 413]);

const query = (s) => `/wecom/callback?${new URLSearchParams({ msg_signature: s.msg_signature, timestamp: s.timestamp, nonce: s.nonce })}`;

function randomMethod(rng) {
  return rng.weighted([
    [6, 'POST'],
    [3, 'GET'],
    [1, rng.pick(['post', 'get', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', '', ' POST', 'POST\u0000', 'ПОСТ'])],
    [1, randomPrimitive(rng)],
    [1, { toString: () => 'POST' }],
    [1, { toString() { throw hostile(new Error('method toString')); } }],
  ]);
}

function randomUrl(rng, real) {
  return rng.weighted([
    [5, () => real],
    [3, () => mutateTimes(rng, real, 3, BASE64_ODD)],
    [1, () => rng.pick(['%', '%zz', '/%E0%A4%A', 'http://[', 'http://[::1', '//', '?', '', ':', 'http://a b', '\u0000', '/cb?echostr=%FF%FE'])],
    [1, () => `${real}&echostr=${encodeURIComponent(randomString(rng, 100).toWellFormed())}`],
    [1, () => randomString(rng, 300)],
    [1, () => `/cb?msg_signature=${'a'.repeat(rng.pick([1000, 1 << 20]))}`],
    [1, () => randomPrimitive(rng)],
    [1, () => new URL(`http://h${real}`)],
  ])();
}

function randomBody(rng, real) {
  return rng.weighted([
    [5, () => real],
    [3, () => mutateTimes(rng, real, 3)],
    [1, () => new TextEncoder().encode(real)],
    [1, () => Buffer.from(real)],
    [1, () => new Uint8Array(Array.from({ length: rng.size(300) }, () => rng.int(256)))],
    [1, () => randomString(rng, 500)],
    [1, () => randomValue(rng, {}, 2)],
    [1, () => adversarial(rng, {}, 2)],
    [1, () => rng.pick([new ArrayBuffer(4), new Uint16Array(3), new DataView(new ArrayBuffer(2))])],
    [1, () => {
      const size = rng.pick([(1 << 20) + 1, 3 << 20]);
      return rng.chance(0.5) ? 'x'.repeat(size) : envelope('A'.repeat(size));
    }],
  ])();
}

function randomRequest(rng, real) {
  const request = { method: randomMethod(rng), url: randomUrl(rng, query(real)), body: randomBody(rng, real.body) };
  return rng.weighted([
    [12, () => request],
    [1, () => randomPrimitive(rng)],
    [1, () => {
      const field = rng.pick(['method', 'url', 'body']);
      const odd = Object.defineProperty({ ...request }, field, { enumerable: true, get() { throw hostile(new Error('request getter')); } });
      return Object.defineProperty(odd, 'getterThrows', { value: field });
    }],
    [1, () => new Proxy(request, { get() { throw hostile(new Error('request trap')); } })],
  ])();
}

/** Runs the handler target: one well-behaved handler and one whose onEvent and onError misbehave. */
export async function fuzzHandler() {
  const cb = v8Crypto();
  const events = [];
  const calm = createCallbackHandler({ crypto: cb, onEvent: (event, message) => events.push({ event, message }) });
  let wild = { threw: false, mode: 'ok' };
  const unruly = createCallbackHandler({
    token: V8.token,
    encodingAesKey: V8.encodingAesKey,
    receiveId: V8.receiveId,
    waitForHandler: false,
    onEvent: () => {
      if (wild.mode === 'throw') {
        wild.threw = true;
        throw hostile(new Error('onEvent threw'));
      }
      if (wild.mode === 'reject') return Promise.reject(hostile(new Error('onEvent rejected')));
      return undefined;
    },
    onError: () => {
      if (wild.mode !== 'ok') throw hostile(new Error('onError threw'));
    },
  });
  const pool = EVENTS.slice(0, 3).map((m, k) => seal(cb, m, String(1700000000 + k), `n${k}`));
  return fuzzLoop('handler', { defaultIterations: 5000 }, async (rng, i, findings) => {
    const real = rng.pick(pool);
    const forged = rng.chance(0.3);
    const base = forged ? { ...real, msg_signature: rng.chance(0.5) ? '0'.repeat(40) : randomString(rng, 40) } : real;
    const request = randomRequest(rng, base);
    const useWild = rng.chance(0.3);
    wild = { threw: false, mode: useWild ? rng.pick(['ok', 'throw', 'reject']) : 'ok' };
    const handler = useWild ? unruly : calm;
    const before = events.length;
    const shown = `${useWild ? `handle[onEvent ${wild.mode}]` : 'handle'}(${show(request, 400)})`;
    const out = await within(handler(request), 10_000);
    if (out.hung) findings.add('handle() did not settle within 10 s', i, shown);
    else if ('error' in out) findings.add(`handle() rejected with ${kindOf(out.error)}`, i, shown);
    else checkAnswer(findings, i, out.value, wild.threw, Object.getOwnPropertyDescriptor(request ?? {}, 'getterThrows')?.value, shown);
    if (forged && events.length > before) findings.add('a request with a forged signature reached onEvent', i, shown);
    await normalCallback(findings, i, cb, calm, events, shown);
  });
}

function checkAnswer(findings, i, answer, onEventThrew, getterThrows, shown) {
  if (answer === null || typeof answer !== 'object') return findings.add('handle() resolved with something that is not { status, headers, body }', i, `${show(answer)} for ${shown}`);
  const { status, headers, body } = answer;
  if (!ALLOWED.has(status) && !(status === 500 && onEventThrew)) {
    const to = getterThrows ? `a request whose ${getterThrows} getter throws` : 'a plain request object';
    findings.add(`handle() answered status ${status} (${show(body, 40)}) to ${to}`, i, shown);
  }
  if (headers === null || typeof headers !== 'object') findings.add('handle() answered without a headers object', i, shown);
  if (typeof body !== 'string') findings.add('handle() answered a body that is not a string', i, shown);
}

async function normalCallback(findings, i, cb, handler, events, shown) {
  const s = seal(cb, ADD_EVENT, String(1800000000 + i), `normal${i}`);
  const before = events.length;
  const out = await within(handler({ method: 'POST', url: query(s), body: s.body }), 10_000);
  if (out.hung || 'error' in out || out.value?.status !== 200) {
    findings.add('after a fuzz input, a real callback does not get 200', i, `${out.hung ? 'hung' : 'error' in out ? kindOf(out.error) : show(out.value)} after ${shown}`);
  } else if (events.length !== before + 1 || events[events.length - 1].event?.changeType !== 'add_external_contact') {
    findings.add('after a fuzz input, a real callback does not reach onEvent with its event', i, `after ${shown}`);
  }
}
