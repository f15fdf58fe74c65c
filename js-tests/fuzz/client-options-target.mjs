// Fuzz target: new WeComClient(options) with random option values (timeoutMs above all:
// Infinity, 2^31, -1, NaN, '5', …; also retry, locale, baseUrl, logger, tokenKeyPrefix).
// Properties: the constructor throws a WeComError (E_CONFIG for a bad timeoutMs) or gives a
// client whose normal call through a well-behaved fetch succeeds (issue 8 item 4: Infinity and
// 0 mean no timeout, values above the timer limit are clamped, nonsense is E_CONFIG).
import { WeComClient } from 'wecom-external-contact';
import { SECRET } from '../helpers.mjs';
import { goodAnswer } from './fetch-fakes.mjs';

/** The well-behaved fetch, answering after a turn of the timer queue (5 ms), as a network does. */
const slowGood = (url) => new Promise((resolve) => setTimeout(resolve, 5)).then(() => goodAnswer(url));
import { fuzzLoop, kindOf, show, within } from './harness.mjs';
import { hostile, randomPrimitive, randomString } from './values.mjs';

const TIMEOUTS = [
  Infinity, -Infinity, 2 ** 31, 2 ** 31 - 1, 2 ** 31 + 1, 2 ** 32, 2 ** 53, 1e308, Number.MAX_VALUE, -1, -0, 0, NaN, '5', '200', '',
  null, undefined, true, {}, [], [200], 1n, 0.5, 1, 5, 200, 30000, 5e-324, new Number(200), { valueOf: () => 200 }, Symbol('t'),
];

/** A number so small that even an all-in-memory call may legitimately time out. */
const tiny = (t) => typeof t === 'number' && t > 0 && t < 20;

function randomLogger(rng) {
  return rng.pick([
    undefined,
    { debug() {}, warn() {}, error() {} },
    { debug() { throw hostile(new Error('logger threw')); }, warn() { throw hostile(new Error('logger threw')); }, error() { throw hostile(new Error('logger threw')); } },
    { get debug() { throw hostile(new Error('logger getter')); } },
    5,
    'console',
    { debug: 5, warn: null },
  ]);
}

function randomOptions(rng) {
  const options = { corpId: 'wwfuzzcorp', corpSecret: SECRET, fetch: slowGood, timeoutMs: rng.pick(TIMEOUTS) };
  if (rng.chance(0.15)) delete options.timeoutMs;
  if (rng.chance(0.2)) options.retry = rng.pick([{ maxRetries: rng.pick([0, 1, -1, 1e9, NaN, '2']) }, { baseDelayMs: rng.pick([Infinity, -5, 2 ** 31]) }, { maxElapsedMs: rng.pick([0, 1e308]) }, null, 5, 'x', []]);
  if (rng.chance(0.15)) options.locale = rng.pick(['en', 'zh-CN', '', 7, null, {}, 'x'.repeat(10000)]);
  if (rng.chance(0.1)) options.baseUrl = rng.pick(['http://127.0.0.1:1', 'https://qyapi.weixin.qq.com/', 'ftp://x', '', 'not a url', 'http://[::1]:8080', 5, randomString(rng, 40)]);
  if (rng.chance(0.15)) options.logger = randomLogger(rng);
  if (rng.chance(0.1)) options.tokenKeyPrefix = rng.pick(['p:', '', 5, 'x'.repeat(5000), '\u0000']);
  if (rng.chance(0.05)) options.corpId = rng.pick(['', 5, null, 'x'.repeat(10000), randomPrimitive(rng)]);
  if (rng.chance(0.05)) options.corpSecret = rng.pick(['', 5, null, randomPrimitive(rng)]);
  if (rng.chance(0.05)) options.fetch = rng.pick([5, 'fetch', {}, true]); // never null: that would be the real fetch
  return options;
}

/** Runs the client-options target. */
export async function fuzzClientOptions() {
  return fuzzLoop('client-options', { defaultIterations: 1500 }, async (rng, i, findings) => {
    const options = randomOptions(rng);
    const shown = `new WeComClient(${show({ ...options, corpSecret: typeof options.corpSecret === 'string' ? '<secret>' : options.corpSecret, fetch: typeof options.fetch === 'function' ? '<good fetch>' : options.fetch }, 400)})`;
    let client;
    try {
      client = new WeComClient(options);
    } catch (e) {
      if (findings.expectSdkError('new WeComClient()', i, e, shown) && 'timeoutMs' in options && badTimeout(options.timeoutMs) && e.code !== 'E_CONFIG') {
        findings.add(`new WeComClient() refused a bad timeoutMs with ${e.code}, not E_CONFIG`, i, shown);
      }
      return;
    }
    const out = await within(client.getFollowUserList(), 5000);
    if (out.hung) findings.add('a client built from these options never settles a normal call', i, shown);
    else if ('error' in out) {
      const timedOut = out.error?.code === 'E_TIMEOUT';
      if (!(timedOut && tiny(options.timeoutMs))) {
        const t = options.timeoutMs;
        const range = t === Infinity ? 'Infinity' : t > 2 ** 31 - 1 ? 'above 2^31-1 ms' : 'of at least 20 ms';
        const why = timedOut && typeof t === 'number' ? `issue 8 item 4: a timeoutMs ${range} was accepted but the call timed out at once` : `a client built from these options fails a normal call: ${kindOf(out.error)}`;
        findings.add(why, i, shown);
      }
    } else if (out.value?.errcode !== 0) findings.add('a normal call resolved with the wrong body', i, `${show(out.value)} for ${shown}`);
  });
}

/** A timeoutMs value that is nonsense (not a number ≥ 0 and not Infinity). */
function badTimeout(t) {
  if (t === undefined || t === null) return false;
  return typeof t !== 'number' || Number.isNaN(t) || t < 0 || t === -Infinity;
}
