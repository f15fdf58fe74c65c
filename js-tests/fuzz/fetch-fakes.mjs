// Fake `fetch` answers for the client target: well-formed ones, and random hostile ones
// (odd statuses, errcodes of every type, bodies that are not JSON, huge or slow, text() that
// throws or returns junk, rejections with odd values). Never an answer that never settles:
// delays are bounded (at most 300 ms) and every delay is tracked so a test can wait them out.
import { ODD_NUMBERS, adversarial, hostile, randomPrimitive, randomString, randomValue } from './values.mjs';

/** A token the well-behaved gettoken hands out (counted, so each is distinct). */
let issued = 0;
export function freshToken() {
  issued += 1;
  return `FuzzTok${String(issued).padStart(6, '0')}_wellFormedAccessTokenValue`;
}

/** Tokens of hostile gettoken answers: short, dotted, non-ASCII, empty, not strings, huge. */
function oddToken(rng) {
  return rng.pick([
    () => `short${rng.int(1e6)}tok`,
    () => `dotted.token.${rng.int(1e6)}.value`,
    () => `tok-${rng.int(1e6)}-中文-😀`,
    () => '',
    () => ' ',
    () => `line${rng.int(1e6)}\r\nX-Injected: 1`,
    () => rng.pick(ODD_NUMBERS),
    () => null,
    () => randomValue(rng, {}, 1),
    () => `big${rng.int(1e6)}`.padEnd(rng.pick([5000, 1 << 20]), 'T'),
  ])();
}

const ERRCODES = [0, '0', -0, 1, -1, 40001, 40014, 42001, 45009, 45033, 60011, 48002, 301002, 45009.5, 0.5, 1e20, -1e20, 'abc', '', ' 40014 ', '0x0', null, true, false, {}, [], [0], { errcode: 0 }];

/** A query value of `url` ('' when absent or not a URL). */
function param(url, name) {
  try {
    return new URL(url).searchParams.get(name) ?? '';
  } catch {
    return '';
  }
}

/**
 * An errmsg that echoes what the client sent, as some gateways do: the whole URL, or a token
 * or secret of this or an earlier request, raw or percent-encoded, without its `name=` prefix.
 */
function echo(rng, url, past) {
  const from = past.length > 0 && rng.chance(0.5) ? rng.pick(past) : url;
  const value = param(from, rng.pick(['access_token', 'corpsecret']));
  return rng.pick([
    () => `echo ${from}`,
    () => `invalid credential ${value}, hint: [x]`,
    () => `invalid credential ${encodeURIComponent(value)}`,
    () => `{"access_token":"${value}"}`,
  ])();
}

/** The JSON text of a random WeCom-like body (some fields of odd types, unknown fields, echoes). */
function randomJsonBody(rng, url, forToken, past) {
  const body = {};
  if (rng.chance(0.85)) body.errcode = rng.pick(ERRCODES);
  if (rng.chance(0.8)) body.errmsg = rng.chance(0.15) ? echo(rng, url, past) : randomString(rng, 60);
  if (forToken || rng.chance(0.2)) {
    body.access_token = rng.chance(0.5) ? freshToken() : oddToken(rng);
    body.expires_in = rng.pick([7200, 0, -1, 1, 300, 1e308, '7200', null, 1.5, NaN, 2 ** 53]);
  }
  const extra = rng.size(6);
  for (let i = 0; i < extra; i++) body[rng.pick(['follow_user', 'config_id', 'contact_way', 'result', 'x', '__proto__', randomString(rng, 10)])] = randomValue(rng, {}, 3);
  try {
    return JSON.stringify(body) ?? '{}';
  } catch {
    return '{"errcode":0}';
  }
}

/** The text of a random answer: JSON-ish, not JSON, empty, huge, deep. */
function randomText(rng, url, forToken, past) {
  return rng.weighted([
    [10, () => randomJsonBody(rng, url, forToken, past)],
    [1, () => rng.pick(['', 'null', '[]', '"text"', '123', 'true', '{"errcode":0', '<html>502 Bad Gateway</html>', '{"errcode":0,"errcode":40001}', '\uFEFF{"errcode":0}', '{"__proto__":{"errcode":0}}'])],
    [1, () => randomString(rng, 500)],
    [1, () => `<html>${echo(rng, url, past)}</html>`],
    [1, () => `{"errcode":0,"errmsg":"ok","pad":"${'x'.repeat(rng.pick([1 << 20, 3 << 20]))}"}`],
    [1, () => `${'['.repeat(20000)}${']'.repeat(20000)}`],
    [1, () => `{"errcode":0,"follow_user":[${new Array(rng.pick([1000, 100000])).fill('"u"').join(',')}]}`],
  ])();
}

/** Something a fetch might throw or reject with. */
export function randomThrowable(rng, url) {
  return rng.pick([
    () => new TypeError('fetch failed', { cause: new Error('ECONNRESET') }),
    () => new Error(`request to ${url} failed`),
    () => Object.assign(new Error('aborted'), { name: 'AbortError' }),
    () => new DOMException('The operation was aborted.', 'AbortError'),
    () => randomPrimitive(rng),
    () => ({ message: rng.pick([5, null, {}, 'plain object']) }),
    () => ({ get message() { throw hostile(new Error('message getter')); } }),
    () => ({ message: 'outer', get cause() { throw hostile(new Error('cause getter')); } }),
    () => Object.create(null),
    () => adversarial(rng, {}, 1),
    () => Object.assign(new Error('with cause'), { cause: { message: { toString: () => { throw hostile(new Error('cause toString')); } } } }),
  ])();
}

/**
 * A random answer to one fetch: `(url, init, tracked, past) => any`. `tracked(promise)`
 * registers a delayed settlement so the test can wait for it; `past` lists earlier request URLs
 * (their tokens and secret may be echoed).
 */
export function randomAnswer(rng, forToken) {
  const kind = rng.weighted([[2, 'throw'], [2, 'reject'], [1, 'junk'], [12, 'response']]);
  if (kind === 'throw') return described('throws', (url) => { throw randomThrowable(rng, url); });
  if (kind === 'reject') return described('rejects', (url) => Promise.reject(randomThrowable(rng, url)));
  if (kind === 'junk') return described('returns junk', () => rng.pick([undefined, null, 5, 'text', {}, [], () => 1, Symbol('r'), 1n, Promise.resolve(undefined)]));
  const status = rng.weighted([[6, 200], [3, rng.pick([201, 204, 299, 300, 301, 400, 401, 403, 404, 429, 500, 502, 503, 504, 599])], [1, rng.pick([0, -1, 99, 600, 1e10, NaN, '200', null, undefined, 200.5, { valueOf: () => 200 }, 2 ** 53])]]);
  const textKind = rng.weighted([[10, 'async'], [2, 'sync'], [1, 'throws'], [1, 'rejects'], [1, 'junk'], [1, 'missing'], [1, 'getter'], [2, 'slow']]);
  const delay = rng.chance(0.15) ? rng.range(0, 300) : -1;
  const statusGetterThrows = rng.chance(0.03);
  const desc = `status ${statusGetterThrows ? '<getter throws>' : String(status)}, text() ${textKind}${delay >= 0 ? `, after ${delay} ms` : ''}`;
  return described(desc, (url, _init, tracked, past = []) => {
    const text = randomText(rng, url, forToken, past);
    const response = { json: async () => JSON.parse(text) };
    if (statusGetterThrows) Object.defineProperty(response, 'status', { get() { throw hostile(new Error('status getter')); } });
    else response.status = status;
    switch (textKind) {
      case 'async': response.text = async () => text; break;
      case 'sync': response.text = () => text; break;
      case 'throws': response.text = () => { throw hostile(new Error('text threw')); }; break;
      case 'rejects': response.text = () => Promise.reject(randomThrowable(rng, url)); break;
      case 'junk': response.text = () => rng.pick([5, undefined, null, {}, Symbol('t'), 1n, ['{"errcode":0}'], Promise.resolve(7)]); break;
      case 'missing': break;
      case 'getter': Object.defineProperty(response, 'text', { get() { throw hostile(new Error('text getter')); } }); break;
      default: response.text = () => tracked(new Promise((resolve) => setTimeout(resolve, rng.range(50, 300), text)));
    }
    return delay < 0 ? response : tracked(new Promise((resolve) => setTimeout(resolve, delay, response)));
  });
}

/** `fn` with a short description of what it answers (for reports). */
function described(desc, fn) {
  return Object.assign(fn, { desc });
}

/** Whether `url` is the gettoken request. */
export const isTokenUrl = (url) => typeof url === 'string' && url.includes('/cgi-bin/gettoken');

/** A well-formed answer: a fresh token for gettoken, errcode 0 with a member list otherwise. */
export const goodAnswer = described('good', (url) => {
  const body = isTokenUrl(url)
    ? { errcode: 0, errmsg: 'ok', access_token: freshToken(), expires_in: 7200 }
    : { errcode: 0, errmsg: 'ok', follow_user: ['zhangsan'] };
  const text = JSON.stringify(body);
  return Promise.resolve({ status: 200, text: async () => text, json: async () => body });
});
