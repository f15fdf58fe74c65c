// The named reproductions of issue 8 that the fuzz suite keeps (each runs in its own worker,
// see run.mjs). Each returns { problems }: an empty list means the defect is gone.
import { isDeepStrictEqual } from 'node:util';
import { WeComClient, WeComValidationError, validate } from 'wecom-external-contact';
import { SECRET } from '../helpers.mjs';
import { goodAnswer, isTokenUrl } from './fetch-fakes.mjs';
import { isSdkError, kindOf, show, within } from './harness.mjs';
import { NORMAL_ADD } from './payloads.mjs';

const ADD = 'externalcontact/add_contact_way';
const EN = { locale: 'en' };

/** Problems of a validate() that must still work normally. */
function normalValidate(problems) {
  try {
    const ok = validate(ADD, NORMAL_ADD());
    if (!isDeepStrictEqual(ok, { valid: true, errors: [], warnings: [] })) problems.push(`afterwards a valid payload gives ${show(ok)}`);
  } catch (e) {
    problems.push(`afterwards validate() throws ${kindOf(e)}`);
  }
}

/**
 * Issue 8 item 7 (a): payload getters (and a toJSON) that call validate() re-entrantly. The outer
 * report must equal that of the same payload without re-entry, and so must the inner one.
 */
export function reentrantValidate() {
  const problems = [];
  const inner = { type: 2, scene: 1, user: ['a', 'b'], party: [1], remark: 'y'.repeat(40), brand_new: true };
  const expectedInner = validate(ADD, inner, EN);
  const plain = { type: 1, scene: 2, remark: 'x'.repeat(31), user: ['zhangsan'], is_temp: true, conclusions: { text: { content: 'bye' } }, extra_field: 1 };
  const expectedOuter = validate(ADD, plain, EN);
  const innerResults = [];
  const reenter = () => innerResults.push(validate(ADD, inner, EN));
  const variants = {
    'a top-level getter': () => Object.defineProperty({ ...plain }, 'remark', { enumerable: true, get: () => (reenter(), plain.remark) }),
    'a getter on an array item': () => ({ ...plain, user: Object.defineProperty([], 0, { enumerable: true, get: () => (reenter(), 'zhangsan') }) }),
    'a nested getter': () => ({ ...plain, conclusions: { text: Object.defineProperty({}, 'content', { enumerable: true, get: () => (reenter(), 'bye') }) } }),
    'a toJSON': () => ({ toJSON: () => (reenter(), plain) }),
  };
  for (const [label, make] of Object.entries(variants)) {
    innerResults.length = 0;
    let outer;
    try {
      outer = validate(ADD, make(), EN);
    } catch (e) {
      problems.push(`${label}: the outer validate() threw ${kindOf(e)}`);
      continue;
    }
    if (!isDeepStrictEqual(outer, expectedOuter)) problems.push(`${label}: the outer report differs from the plain payload's: ${show(outer, 500)}`);
    if (innerResults.length === 0) problems.push(`${label}: the getter was never read`);
    for (const r of innerResults) if (!isDeepStrictEqual(r, expectedInner)) problems.push(`${label}: the inner report is wrong: ${show(r, 300)}`);
  }
  normalValidate(problems);
  return { problems };
}

/**
 * Issue 8 item 7 (b): a fetch rejection whose `message` getter calls client.request(). The call
 * ends with a WeComError, the inner calls settle cleanly, and the client (and free()) still work.
 */
export async function reentrantFetchRejection() {
  const problems = [];
  let client;
  let hostile = true;
  const innerCalls = [];
  const fetch = (url) => {
    if (isTokenUrl(url) || !hostile) return goodAnswer(url);
    hostile = false;
    return Promise.reject({
      get message() {
        innerCalls.push(client.request('externalcontact/get_follow_user_list'));
        return 'connection reset';
      },
    });
  };
  client = new WeComClient({ corpId: 'wwreentrant', corpSecret: SECRET, fetch, timeoutMs: 2000, retry: { maxRetries: 0 } });
  const first = await within(client.getFollowUserList(), 5000);
  if (first.hung) problems.push('the call never settled');
  else if (!('error' in first)) problems.push(`the call resolved (${show(first.value)}); expected a WeComError (no retries)`);
  else if (!isSdkError(first.error)) problems.push(`the call rejected with ${kindOf(first.error)}, not a WeComError`);
  for (const [k, p] of innerCalls.entries()) {
    const inner = await within(p, 5000);
    if (inner.hung) problems.push(`re-entrant call ${k} never settled`);
    else if ('error' in inner && !isSdkError(inner.error)) problems.push(`re-entrant call ${k} rejected with ${kindOf(inner.error)}`);
  }
  const again = await within(client.getFollowUserList(), 5000);
  if (again.hung || 'error' in again || again.value?.errcode !== 0) problems.push(`a further call fails: ${again.hung ? 'never settled' : 'error' in again ? kindOf(again.error) : show(again.value)}`);
  try {
    client.free?.();
  } catch (e) {
    problems.push(`client.free() throws ${kindOf(e)}`);
  }
  try {
    const fresh = new WeComClient({ corpId: 'wwreentrant2', corpSecret: SECRET, fetch: goodAnswer, timeoutMs: 2000 });
    const out = await within(fresh.getFollowUserList(), 5000);
    if (out.hung || 'error' in out) problems.push(`a new client fails: ${out.hung ? 'never settled' : kindOf(out.error)}`);
  } catch (e) {
    problems.push(`a new client cannot be built: ${kindOf(e)}`);
  }
  normalValidate(problems);
  return { problems };
}

/** Issue 8 item 3 (c): 300 000 wrong items give a report of at most 100 issues, marked truncated. */
export function truncatedReport() {
  const problems = [];
  let report;
  try {
    report = validate(ADD, { type: 2, scene: 2, user: new Array(300000).fill(5) }, EN);
  } catch (e) {
    problems.push(`validate() threw ${kindOf(e)}`);
  }
  if (report) {
    if (report.valid !== false) problems.push(`valid is ${report.valid}`);
    if (!(report.errors?.length > 0 && report.errors.length <= 100)) problems.push(`the report lists ${report.errors?.length} issues (expected 1..100)`);
    if (report.truncated !== true) problems.push(`truncated is ${show(report.truncated)} (expected true)`);
    const first = report.errors?.[0];
    // An over-long array reports its count first, then its first allowed items.
    if (first && (first.path !== '/user' || first.rule !== 'R-CW-09')) problems.push(`the first issue is ${show(first)} (expected /user R-CW-09)`);
    const second = report.errors?.[1];
    if (second && (second.path !== '/user/0' || second.rule !== 'json-type')) problems.push(`the second issue is ${show(second)} (expected /user/0 json-type)`);
  }
  const small = validate(ADD, { type: 3, scene: 2, user: ['a'] }, EN);
  if (small.truncated === true) problems.push('a short report is marked truncated');
  normalValidate(problems);
  return { problems };
}

/**
 * Issue 8 item 6 (d): validate() judges exactly the JSON the client sends: inherited and
 * non-enumerable properties are ignored, toJSON is honoured, boxed primitives are their values,
 * and a lone surrogate in `remark` is reported at /remark. The client agrees with validate().
 */
export async function sentJsonIsValidated() {
  const problems = [];
  const base = () => ({ type: 1, scene: 2, user: ['zhangsan'] });
  const cases = [
    ['an inherited remark of 999 characters', Object.assign(Object.create({ remark: 'x'.repeat(999) }), base()), { valid: true }],
    ['a non-enumerable remark of 999 characters', Object.defineProperty(base(), 'remark', { value: 'x'.repeat(999), enumerable: false }), { valid: true }],
    ['a toJSON on the payload', { toJSON: base }, { valid: true }],
    ['a toJSON on a field', { ...base(), remark: { toJSON: () => 'ok' } }, { valid: true }],
    ['a toJSON giving a too-long remark', { ...base(), remark: { toJSON: () => 'x'.repeat(31) } }, { rules: { '/remark': 'R-CW-04' } }],
    ['boxed primitives', { type: new Number(1), scene: 2, user: [new String('zhangsan')], remark: new String('a'), skip_verify: new Boolean(true) }, { valid: true }],
    ['a Date (its ISO text) as state', { ...base(), state: new Date(0) }, { valid: true }],
    ['a lone surrogate in remark', { ...base(), remark: 'a\uD800b' }, { at: '/remark' }],
  ];
  const sent = [];
  const client = new WeComClient({
    corpId: 'wwsentjson',
    corpSecret: SECRET,
    locale: 'en',
    timeoutMs: 2000,
    fetch: (url, init) => {
      if (!isTokenUrl(url)) sent.push(init?.body);
      return goodAnswer(url);
    },
  });
  for (const [label, payload, want] of cases) {
    let report;
    try {
      report = validate(ADD, payload, EN);
    } catch (e) {
      problems.push(`${label}: validate() threw ${kindOf(e)}`);
      continue;
    }
    const rules = Object.fromEntries(report.errors.map((e) => [e.path, e.rule]));
    if (want.valid && !report.valid) problems.push(`${label}: invalid: ${show(rules)}`);
    if (want.rules && !isDeepStrictEqual(rules, want.rules)) problems.push(`${label}: ${show(rules)} (expected ${show(want.rules)})`);
    if (want.at && (!report.errors.some((e) => e.path === want.at) || report.errors.some((e) => e.path === ''))) problems.push(`${label}: reported at ${show(Object.keys(rules))} (expected ${want.at})`);
    const before = sent.length;
    const call = await within(client.addContactWay(payload), 5000);
    if (call.hung) problems.push(`${label}: the client call never settled`);
    else if (report.valid && 'error' in call) problems.push(`${label}: validate() says valid but the client refused: ${kindOf(call.error)}`);
    else if (!report.valid && !('error' in call)) problems.push(`${label}: validate() says invalid but the client sent it`);
    else if (!report.valid && (!(call.error instanceof WeComValidationError) || !isDeepStrictEqual(call.error.errors, report.errors))) problems.push(`${label}: the client's errors differ from validate()'s: ${show(call.error?.errors ?? kindOf(call.error))}`);
    else if (report.valid && sent.length === before + 1 && sent[before] !== JSON.stringify(payload)) problems.push(`${label}: the client sent ${show(sent[before])}, not JSON.stringify(payload)`);
  }
  normalValidate(problems);
  return { problems };
}
