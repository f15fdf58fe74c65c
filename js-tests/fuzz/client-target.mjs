// Fuzz target: a WeComClient whose fake fetch answers at random (see fetch-fakes.mjs), with
// random call options. Properties: every call settles (a liveness bound far above its 200 ms
// timeout) with a result or a WeComError; a result means errcode 0 (issue 8 item 5); no error
// shows the secret or a token the client held (issue 8 item 8); after each call (and every
// delayed answer has settled), a normal call through a well-behaved fetch succeeds.
import { WeComClient } from 'wecom-external-contact';
import { SECRET, renderings } from '../helpers.mjs';
import { goodAnswer, isTokenUrl, randomAnswer, randomThrowable } from './fetch-fakes.mjs';
import { fuzzLoop, kindOf, show, within } from './harness.mjs';
import { NORMAL_ADD } from './payloads.mjs';
import { ODD_NUMBERS, randomPrimitive, randomString } from './values.mjs';

const CALL_TIMEOUT_MS = 200;
const SETTLE_BOUND_MS = 5000;

/** errcode 0 as a number or as the numeric text some proxies send. */
const isZero = (v) => v === 0 || (typeof v === 'string' && /^\s*[+-]?0+\s*$/.test(v));

/** A client and the switchboard of its fake fetch. */
function harnessClient() {
  const state = { mode: 'good', token: [], api: [], k: 0, pending: new Set(), held: new Set([SECRET]), past: [], client: undefined };
  const tracked = (promise) => {
    state.pending.add(promise);
    promise.then(() => state.pending.delete(promise));
    return promise;
  };
  const fetch = (url, init) => {
    const held = typeof url === 'string' ? new URL(url).searchParams.get('access_token') : null;
    if (held && held.length >= 8) state.held.add(held);
    if (typeof url === 'string') state.past = [...state.past.slice(-30), url];
    if (state.mode === 'good') return goodAnswer(url);
    const list = isTokenUrl(url) ? state.token : state.api;
    return list[state.k++ % list.length](url, init, tracked, state.past);
  };
  state.client = new WeComClient({
    corpId: 'wwfuzzcorp',
    corpSecret: SECRET,
    fetch,
    locale: 'en',
    timeoutMs: CALL_TIMEOUT_MS,
    retry: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxElapsedMs: 500 },
  });
  return state;
}

/**
 * A fetch rejection whose `message` getter calls the client again (issue 8 item 7), once per
 * answer: if every nested call re-entered too, each failure would start another call at once, a
 * chain of microtasks without end that starves the event loop (the test's loop, not the SDK's).
 */
function reentrantAnswer(state) {
  let reentered = false;
  const answer = () =>
    Promise.reject({
      get message() {
        if (!reentered) {
          reentered = true;
          state.client.request('externalcontact/get_follow_user_list').catch(() => {});
        }
        return 'reentered';
      },
    });
  return Object.assign(answer, { desc: 'rejects with a message getter that calls client.request' });
}

function randomCallOptions(rng) {
  return rng.weighted([
    [8, undefined],
    [1, { timeoutMs: rng.pick([...ODD_NUMBERS.slice(0, 20), '5', null, {}, 50, 0]) }],
    [1, { signal: rng.pick([AbortSignal.abort(), AbortSignal.timeout(rng.pick([1, 50])), new AbortController().signal, { aborted: true }, 5, {}, null]) }],
    [1, randomPrimitive(rng)],
  ]);
}

/** One call: [label, () => promise, 'token' | 'api' | 'raw']. */
function randomCall(rng, client) {
  const options = randomCallOptions(rng);
  const [label, call, kind] = rng.pick([
    () => ['getFollowUserList', () => client.getFollowUserList(undefined, options), 'api'],
    () => ['addContactWay', () => client.addContactWay(NORMAL_ADD(), options), 'api'],
    () => ['list_contact_way', () => client.request('externalcontact/list_contact_way', { limit: 10 }, options), 'api'],
    () => ['getAccessToken', () => client.getAccessToken(), 'token'],
    () => ['getAccessToken(forceRefresh)', () => client.getAccessToken({ forceRefresh: true }), 'token'],
    () => ['raw request', () => client.request({ method: rng.pick(['GET', 'POST', 'get', 'PUT']), path: rng.pick(['externalcontact/get', randomString(rng, 30)]), query: { a: rng.pick([1, 'x', true]) }, body: rng.pick([{ a: 1 }, '{"a":1}', undefined]) }, options), 'raw'],
  ])();
  return [kind === 'token' ? label : `${label} with call options ${show(options, 80)}`, call, kind];
}

/** Which held secret an error shows, with the text around it (the secret itself masked). */
function secretShown(err, held) {
  for (const text of renderings(err)) {
    for (const s of held) {
      for (const needle of [s, encodeURIComponent(s)]) {
        const at = text.indexOf(needle);
        if (at < 0) continue;
        const who = s === SECRET ? 'the corpSecret' : 'a token it held';
        const around = `${text.slice(Math.max(0, at - 60), at)}<${needle === s ? 'raw' : 'percent-encoded'}>${text.slice(at + needle.length, at + needle.length + 60)}`;
        return { who, around };
      }
    }
  }
  return undefined;
}

/** Runs the client target. A fresh client every 150 iterations. */
export async function fuzzClient() {
  let state = harnessClient();
  return fuzzLoop('client', { defaultIterations: 1000, defaultBudgetMs: 25000 }, async (rng, i, findings) => {
    if (i % 150 === 0 && i > 0) state = harnessClient();
    const tokenAnswers = Array.from({ length: 3 }, () => (rng.chance(0.65) ? goodAnswer : randomAnswer(rng, true)));
    const apiAnswers = Array.from({ length: rng.range(1, 4) }, () => (rng.chance(0.1) ? goodAnswer : randomAnswer(rng, false)));
    if (rng.chance(0.02)) apiAnswers[0] = reentrantAnswer(state);
    if (rng.chance(0.03)) apiAnswers[0] = Object.assign(() => Promise.reject(randomThrowable(rng, 'x')), { desc: 'rejects' });
    Object.assign(state, { token: tokenAnswers, api: apiAnswers, k: 0, mode: 'fuzz' });
    const [label, call, kind] = randomCall(rng, state.client);
    const desc = (list) => list.map((a) => a.desc ?? '?').join(' | ');
    const shown = `${label}; gettoken answers: ${desc(tokenAnswers)}; API answers: ${desc(apiAnswers)}`;
    let promise;
    try {
      promise = call();
    } catch (e) {
      promise = Promise.reject(e);
    }
    const out = await within(promise, SETTLE_BOUND_MS);
    if (out.hung) {
      findings.add(`a client call did not settle within ${SETTLE_BOUND_MS} ms (timeoutMs ${CALL_TIMEOUT_MS})`, i, shown);
    } else if ('error' in out) {
      if (findings.expectSdkError('a client call', i, out.error, shown)) {
        const leak = secretShown(out.error, state.held);
        if (leak) findings.add(`issue 8 item 8: an error shows ${leak.who}`, i, `${out.error.name}/${out.error.code}: …${leak.around}… for ${shown}`);
      }
    } else {
      checkResult(findings, i, kind, out.value, shown);
    }
    const nested = await within(Promise.all([...state.pending]), SETTLE_BOUND_MS);
    if (nested.hung) findings.add('a call started from inside a hostile answer did not settle', i, shown);
    state.mode = 'good';
    const normal = await within(state.client.getFollowUserList(), SETTLE_BOUND_MS);
    if (normal.hung) findings.add('after a hostile answer, a normal call on the same client did not settle', i, `after ${shown}`);
    else if ('error' in normal) findings.add(`after a hostile answer, a normal call on the same client failed: ${kindOf(normal.error)}`, i, `after ${shown}`);
    else if (normal.value?.errcode !== 0) findings.add('after a hostile answer, a normal call resolved with the wrong body', i, `${show(normal.value)} after ${shown}`);
  });
}

function checkResult(findings, i, kind, value, shown) {
  if (kind === 'token') {
    if (typeof value !== 'string' || value.trim() === '') findings.add('getAccessToken() resolved with something that is not a token', i, `${show(value, 80)} for ${shown}`);
    return;
  }
  if (value === null || typeof value !== 'object') return findings.add('a call resolved with something that is not an object', i, `${show(value, 80)} for ${shown}`);
  // A raw request (a path the SDK does not declare) may get an answer without errcode (README:
  // Limits); a declared endpoint may not.
  if (!('errcode' in value)) {
    if (kind !== 'raw') findings.add('issue 8 item 5: a call resolved although the answer has no errcode', i, `${show(value, 160)} for ${shown}`);
    return;
  }
  if (!isZero(value.errcode)) {
    const type = value.errcode === null ? 'null' : Array.isArray(value.errcode) ? 'array' : typeof value.errcode;
    findings.add(`issue 8 item 5: a call resolved with a non-zero or non-integer errcode (${type})`, i, `errcode ${show(value.errcode, 60)} for ${shown}`);
  }
}
