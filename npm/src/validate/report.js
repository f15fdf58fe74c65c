// The context of one validation (options, issues so far, the current path, the size so far) and
// the report it becomes. Paths and messages are only built for an issue that is recorded.
import { WeComUsageError } from '../errors.js';
import { MAX_PAYLOAD_BYTES, Stop } from './normalise.js';
import { ex } from './measure.js';

/** Most issues (errors and warnings together) a report lists; the next one marks it truncated. */
export const MAX_ISSUES = 100;

// Leading white space as Rust's str::trim sees it (Unicode White_Space), then "en" in any case.
const ENGLISH = /^[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*en/i;

function usage(message) {
  return new WeComUsageError(message, { code: 'E_USAGE' });
}

/** Reads `options.<name>` as the engine did: an unreadable property counts as absent. */
function option(options, name) {
  if (options === undefined || options === null) return undefined;
  try {
    return options[name];
  } catch {
    return undefined;
  }
}

/**
 * A fresh context for one call: `{ locale, strict }` read once (E_USAGE when of the wrong type),
 * `messages` the generated message tables `[zh, en]`.
 */
export function ctx(options, messages) {
  const locale = option(options, 'locale');
  if (locale !== undefined && locale !== null && typeof locale !== 'string') {
    throw usage("options.locale must be a string such as 'zh-CN' or 'en'");
  }
  const strict = option(options, 'strict');
  if (strict !== undefined && strict !== null && typeof strict !== 'boolean') {
    throw usage('options.strict must be a boolean');
  }
  const l = typeof locale === 'string' && ENGLISH.test(locale) ? 1 : 0;
  // e/w: errors/warnings, t: truncated, d: nested too deep, s: strict, l: locale, m: messages,
  // p: path of the current value (keys and indexes), u/x: size lower bound and slack.
  return { e: [], w: [], t: false, d: false, s: strict === true, l, m: messages[l], p: [], u: 0, x: 0 };
}

/**
 * A member name as a JSON-pointer segment (`~` → `~0`, `/` → `~1`). The path holds segments
 * already escaped: field names need nothing, other names are escaped when pushed.
 */
export function esc(k) {
  return k.indexOf('~') < 0 && k.indexOf('/') < 0 ? k : k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON pointer of the current value, or of its member `rel` (segments, indexes: numbers). */
function pointer(path, rel) {
  let s = '';
  for (let i = 0; i < path.length; i++) s += '/' + path[i];
  return rel === undefined ? s : s + '/' + rel;
}

/**
 * Whether one more issue may be recorded: not once the report is cut or the payload is too
 * deep; the 101st issue cuts the report (and is not recorded).
 */
function room(c) {
  if (c.t || c.d) return false;
  if (c.e.length + c.w.length >= MAX_ISSUES) {
    c.t = true;
    return false;
  }
  return true;
}

/** Records an issue at the current path or its member `rel`; `sev` 1 (warning) is an error under strict. */
function add(c, sev, rel, rule, message, params) {
  (sev === 1 && !c.s ? c.w : c.e).push({ path: pointer(c.p, rel), rule, message, params });
}

/**
 * Records an issue whose message is template `key`, with `params` (also shown in the message)
 * and `texts` (the exact decimal forms of 64-bit integers, for the templates that show them).
 */
export function iss(c, sev, rel, rule, key, params = {}, texts) {
  if (room(c)) add(c, sev, rel, rule, c.m[key](params, texts), params);
}

/** `required`: missing, null or "" (the most common issue: its own helper). */
export function rq(c, sev, rel, rule) {
  if (room(c)) add(c, sev, rel, rule, c.m.required(), {});
}

/** An issue with a fixed text `[zh, en]` (cross-field rules). */
export function tx(c, sev, rel, rule, text) {
  if (room(c)) add(c, sev, rel, rule, text[c.l], {});
}

/**
 * An integer out of range: `lo`/`hi` are the bounds as compared, `lt`/`ht` their exact texts
 * when a double cannot hold them (i64::MAX), `v` the value (an integer of at most 64 bits;
 * `undefined`: beyond 64 bits, the `outOfRange` message).
 */
export function rng(c, sev, rel, rule, lo, hi, lt, ht, v) {
  if (!room(c)) return;
  const t = { min: lt ?? ex(lo), max: ht ?? ex(hi) };
  const p = { min: lt === undefined ? lo : +lt, max: ht === undefined ? hi : +ht };
  if (v !== undefined) {
    t.actual = ex(v);
    p.actual = v + 0;
  }
  add(c, sev, rel, rule, v === undefined ? c.m.outOfRange(p, t) : c.m.range(p, t), p);
}

function tooLarge(units) {
  return new WeComUsageError(
    `the payload is larger than ${MAX_PAYLOAD_BYTES} bytes of JSON (${units} UTF-16 units or more); WeCom's requests are far smaller`,
    { code: 'E_PAYLOAD_TOO_LARGE', limit: MAX_PAYLOAD_BYTES },
  );
}

/** The error for a payload the client could not send (JSON.stringify would throw). */
function invalid(cause) {
  return new WeComUsageError('the payload cannot be turned into JSON (cycle or BigInt?)', {
    code: 'E_INVALID_PAYLOAD',
    cause,
  });
}

/** What a walk threw, as the caller sees it: the SDK's error, or E_INVALID_PAYLOAD around it. */
export function failure(e) {
  if (e instanceof Stop) return e.code === 'E_PAYLOAD_TOO_LARGE' ? tooLarge(e.units) : invalid(undefined);
  return invalid(e);
}

/**
 * The report of a finished walk. When the size is not certain from the bounds (only for a
 * payload of hundreds of kilobytes), the exact JSON text of `payload` is measured once.
 */
export function done(c, payload) {
  if (c.u + c.x > MAX_PAYLOAD_BYTES) {
    let text;
    try {
      text = JSON.stringify(payload === undefined ? {} : payload);
    } catch (e) {
      throw invalid(e);
    }
    if (text !== undefined && text.length > MAX_PAYLOAD_BYTES) throw tooLarge(text.length);
  }
  if (c.d) {
    return { valid: false, errors: [{ path: '', rule: 'json-depth', message: c.m.depth(), params: {} }], warnings: [] };
  }
  const report = { valid: c.e.length === 0, errors: c.e, warnings: c.w };
  if (c.t) report.truncated = true;
  return report;
}
