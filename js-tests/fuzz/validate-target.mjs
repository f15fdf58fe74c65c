// Fuzz target: validate(endpoint, payload, { locale, strict }) over every declared endpoint and
// random endpoint strings, with random, adversarial and mutated-valid payloads. Properties:
//   - it returns { valid, errors, warnings } with valid === (errors.length === 0), or throws a
//     WeComError; with strict, there are no warnings (issue 9);
//   - a report lists at most 100 issues, errors and warnings together (issue 8 item 3);
//   - validate sees the JSON the client would send: on a payload whose reads are repeatable,
//     its report equals the report of JSON.parse(JSON.stringify(payload)), and a payload
//     JSON.stringify refuses is a WeComError (issue 8 item 6);
//   - after each input, a known-valid and a known-invalid add_contact_way get their usual reports.
import { isDeepStrictEqual } from 'node:util';
import { endpoints, validate } from 'wecom-external-contact';
import { fuzzLoop, kindOf, show } from './harness.mjs';
import { INVALID_ADD, INVALID_ADD_RULES, INVALID_ADD_WARNINGS, NORMAL_ADD, VALID, mutate } from './payloads.mjs';
import { adversarial, deepChain, randomPrimitive, randomString, randomValue, wide } from './values.mjs';

const ADD = 'externalcontact/add_contact_way';
/** The hardening caps a report at this many issues (issue 8 item 3). */
export const MAX_REPORTED = 100;

function pickEndpoint(rng, declared) {
  if (rng.chance(0.88)) return rng.pick(declared);
  const base = rng.pick(declared);
  return rng.pick([
    () => randomString(rng, 60),
    () => base.toUpperCase(),
    () => `${base}/`,
    () => `/${base}`,
    () => `https://qyapi.weixin.qq.com/cgi-bin/${base}`,
    () => `${base}\u0000`,
    () => 'gettoken',
    () => rng.pick(['__proto__', 'constructor', 'hasOwnProperty', 'toString', '']),
    () => randomPrimitive(rng),
    () => new String(base),
    () => [base],
  ])();
}

function pickPayload(rng, ctx, endpoint) {
  const own = VALID.filter(([ep]) => ep === endpoint);
  const base = own.length > 0 && rng.chance(0.8) ? rng.pick(own)[1] : rng.pick(VALID)[1];
  return rng.weighted([
    [10, () => mutate(rng, ctx, base)],
    [1, () => base],
    [4, () => randomValue(rng, ctx, 6)],
    [3, () => adversarial(rng, ctx, 3)],
    [1, () => deepChain(rng, rng.range(50, 220), randomPrimitive(rng))],
    [1, () => ({ ...base, [rng.pick(['user', 'party', 'external_userid', 'remark'])]: wide(rng) })],
    [1, () => rng.pick([undefined, null, {}, [], '', 0])],
    [1, () => reentrant(rng, ctx, endpoint, base)],
  ])();
}

/** A payload one of whose getters calls validate() again (stable: it always answers the same). */
function reentrant(rng, ctx, endpoint, base) {
  ctx.reentrant = true;
  const copy = JSON.parse(JSON.stringify(base));
  const key = rng.pick([...Object.keys(copy), 'remark']);
  const value = copy[key] ?? 'x'.repeat(40);
  const inner = rng.pick(VALID);
  Object.defineProperty(copy, key, {
    enumerable: true,
    get() {
      try {
        validate(inner[0], { ...inner[1], brand_new: 1 });
      } catch {
        // the outer call's report is what is checked
      }
      return value;
    },
  });
  return copy;
}

function pickOptions(rng) {
  return rng.weighted([
    [4, undefined],
    [3, { locale: 'en' }],
    [2, { locale: 'zh-CN' }],
    [1, { strict: true }],
    [1, { locale: 'en', strict: false }],
    [1, rng.pick([null, {}, { locale: undefined }, { locale: 'EN_us' }, { locale: 'fr' }, { locale: 7 }, { locale: {} }, 'en', 5, { locale: new String('en') }, { strict: 'yes' }, { strict: 1 }])],
  ]);
}

/** Shape problems of a report (empty when fine). The 100-issue cap is checked separately. */
function shapeProblems(report) {
  if (report === null || typeof report !== 'object') return ['the result is not an object'];
  const out = [];
  if (typeof report.valid !== 'boolean') out.push('valid is not a boolean');
  if (!Array.isArray(report.errors)) return [...out, 'errors is not an array'];
  if (!Array.isArray(report.warnings)) return [...out, 'warnings is not an array'];
  if (report.valid !== (report.errors.length === 0)) out.push('valid !== (errors.length === 0)');
  if (report.truncated !== undefined && report.truncated !== true) out.push('truncated is neither absent nor true');
  for (const e of [...report.errors.slice(0, MAX_REPORTED), ...report.warnings.slice(0, MAX_REPORTED)]) {
    if (e === null || typeof e !== 'object') {
      out.push('an error entry is not an object');
      break;
    }
    if (typeof e.path !== 'string' || (e.path !== '' && !e.path.startsWith('/'))) out.push('an error path is not a JSON pointer');
    if (typeof e.rule !== 'string' || e.rule === '') out.push('an error has no rule id');
    if (typeof e.message !== 'string' || e.message === '') out.push('an error has no message');
    if (e.params === null || typeof e.params !== 'object') out.push('an error has no params object');
    if (out.length > 0) break;
  }
  return out;
}

/** The JSON text the client would send for `payload`: { text } or { refused } (stringify threw). */
function sentJson(payload) {
  try {
    return { text: JSON.stringify(payload) };
  } catch (e) {
    return { refused: kindOf(e) };
  }
}

const rulesByPath = (report) => Object.fromEntries(report.errors.map((e) => [e.path, e.rule]));
const warningsByPath = (report) => Object.fromEntries(report.warnings.map((e) => [e.path, e.rule]));

/** The normal calls after each input: a valid and an invalid add_contact_way. */
function normalCalls(findings, i, input) {
  try {
    const ok = validate(ADD, NORMAL_ADD());
    if (!isDeepStrictEqual(ok, { valid: true, errors: [], warnings: [] })) findings.add('after a fuzz input, the known-valid add_contact_way is not { valid: true, errors: [], warnings: [] }', i, `after ${input}: got ${show(ok)}`);
    const bad = validate(ADD, INVALID_ADD(), { locale: 'en' });
    if (!isDeepStrictEqual(rulesByPath(bad), INVALID_ADD_RULES) || !isDeepStrictEqual(warningsByPath(bad), INVALID_ADD_WARNINGS)) findings.add('after a fuzz input, the known-invalid add_contact_way has other rules', i, `after ${input}: got ${show(bad)}`);
  } catch (e) {
    findings.add(`after a fuzz input, a normal validate() threw ${kindOf(e)}`, i, `after ${input}`);
  }
}

/** Runs the validate target. */
export async function fuzzValidate() {
  const declared = endpoints.map((e) => e.path);
  return fuzzLoop('validate', { defaultIterations: 8000 }, (rng, i, findings) => {
    const ctx = { unstable: false, reentrant: false };
    const endpoint = pickEndpoint(rng, declared);
    const payload = pickPayload(rng, ctx, endpoint);
    const options = pickOptions(rng);
    const input = `validate(${show(endpoint, 80)}, ${show(payload)}, ${show(options, 60)})`;
    let report;
    let thrown;
    let threw = false;
    try {
      report = validate(endpoint, payload, options);
    } catch (e) {
      threw = true;
      thrown = e;
    }
    if (threw) {
      findings.expectSdkError('validate()', i, thrown, input);
    } else {
      for (const p of shapeProblems(report)) findings.add(`validate() result: ${p}`, i, input);
      const issues = (report?.errors?.length ?? 0) + (report?.warnings?.length ?? 0);
      if (issues > MAX_REPORTED) findings.add(`issue 8 item 3: a report lists more than ${MAX_REPORTED} issues`, i, `${issues} issues for ${input}`);
      if (options?.strict === true && report?.warnings?.length > 0) findings.add('issue 9: a strict report has warnings', i, input);
    }
    const plainOptions = options === undefined || (options !== null && typeof options === 'object' && (options.locale === undefined || typeof options.locale === 'string') && (options.strict === undefined || typeof options.strict === 'boolean'));
    if (!ctx.unstable && typeof endpoint === 'string' && declared.includes(endpoint) && plainOptions) {
      const label = ctx.reentrant ? 'issue 8 item 7 (a getter re-enters validate)' : 'issue 8 item 6';
      compareWithSentJson(findings, i, input, label, endpoint, payload, options, threw ? { thrown } : { report });
    }
    normalCalls(findings, i, input);
  });
}

/** Issue 8 item 6: validate(payload) must judge exactly JSON.stringify(payload). */
function compareWithSentJson(findings, i, input, label, endpoint, payload, options, got) {
  if (payload === undefined) return;
  const sent = sentJson(payload);
  if (sent.refused !== undefined) {
    if (got.report !== undefined) findings.add(`${label}: validate() gave a report for a payload JSON.stringify refuses (the client cannot send it)`, i, `${sent.refused}; ${input}`);
    return;
  }
  if (sent.text === undefined) return;
  let expected;
  try {
    expected = validate(endpoint, JSON.parse(sent.text), options);
  } catch (e) {
    expected = { thrown: kindOf(e) };
  }
  const actual = got.report ?? { thrown: kindOf(got.thrown) };
  if (!isDeepStrictEqual(actual, expected)) {
    const brief = (r) => (r.errors ? `${r.valid ? 'valid' : 'invalid'} ${show(rulesByPath({ errors: [...r.errors, ...r.warnings].slice(0, 8) }), 200)}` : r.thrown);
    const verdict = (r) => (r.errors ? (r.valid ? 'valid' : 'invalid') : `threw ${r.thrown}`);
    const how = verdict(actual) === verdict(expected) ? 'different issues' : `${verdict(actual)} vs ${verdict(expected)}`;
    findings.add(`${label}: validate(payload) differs from validate(JSON.parse(JSON.stringify(payload))) (${how})`, i, `payload: ${brief(actual)}; its JSON: ${brief(expected)}; ${input}`);
  }
}
