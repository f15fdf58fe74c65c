// The context of one validation (options, issues so far, the current path, the size so far) and
// the report it becomes. Paths and messages are only built for an issue that is recorded.
import { WeComUsageError } from '../errors.js';
import { MAX_PAYLOAD_BYTES, Stop } from './normalise.js';
import { ex } from './measure.js';

/** Most issues (errors and warnings together) a report lists; the next one marks it truncated. */
export const MAX_ISSUES = 100;

// Leading white space as Rust's str::trim sees it (Unicode White_Space: JS's \s without U+FEFF,
// plus U+0085), then "en" in any case.
const ENGLISH = /^(?:[^\S\ufeff]|\u0085)*en/i;

function usage(message) {
  return new WeComUsageError(message, { code: 'E_USAGE' });
}

/** Reads `options.<name>` as the engine did: an unreadable property counts as absent. */
function option(options, name) {
  try {
    return options?.[name];
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
  // The context of the last finished call is reused (a call made from inside a walk, by a
  // getter or toJSON, finds none and gets its own).
  const c = spare || { p: [] };
  spare = undefined;
  c.e = [];
  c.w = [];
  c.t = false;
  c.d = false;
  c.s = strict === true;
  c.l = l;
  c.m = messages[l];
  if (c.p.length !== 0) c.p = [];
  c.u = 0;
  c.x = 0;
  return c;
}

/** A context no walk is using (see `ctx`). */
let spare;

/** Hands a finished context back for the next call (it must not be used any more). */
export function release(c) {
  c.e = c.w = c.m = null;
  spare = c;
}

/**
 * A member name as a JSON-pointer segment (`~` → `~0`, `/` → `~1`). The path holds segments
 * already escaped (with their "/"): field names need nothing, other names are escaped when pushed.
 */
export function esc(k) {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The JSON pointer of the current value, or of its member `rel`. Segments (and `rel`) are
 * "/" + the escaped name, or an array index (a number).
 */
function pointer(path, rel) {
  let s = '';
  for (let i = 0; i < path.length; i++) {
    const g = path[i];
    s += typeof g === 'number' ? '/' + g : g;
  }
  if (rel === undefined) return s;
  return typeof rel === 'number' ? s + '/' + rel : s + rel;
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

/**
 * Records an issue at the current path or its member `rel` if the report has room; `sev` 1
 * (warning) is an error under strict.
 */
function add(c, sev, rel, rule, message, params) {
  if (room(c)) (sev === 1 && !c.s ? c.w : c.e).push({ path: pointer(c.p, rel), rule, message, params });
}

// Message tables (generated: crates/wecom-codegen/src/js/messages.rs, LAYOUT) are the
// templates' literal parts, a template of n parameters taking n + 1 entries. Indexes (literals
// below, so that a minifier has nothing to keep): 0 required · 1 unknownField · 2 unicode ·
// 3 depth · 4 maxChars · 7 maxBytes · 10 minItems · 13 maxItems · 16 exactItems (these five:
// "{bound}…{actual}", `cnt`) · 19 type · 22 range · 26 outOfRange · 29 oneOf · 32 the zh type
// names (null in English) · 33 the `{allowed}` separator.


/** `required`: missing, null or "" (the most common issue: its own helper). */
export function rq(c, sev, rel, rule) {
  add(c, sev, rel, rule, c.m[0], {});
}

/** An issue with a fixed text `[zh, en]` (cross-field rules). */
export function tx(c, sev, rel, rule, text) {
  add(c, sev, rel, rule, text[c.l], {});
}

/** A member the model does not declare: a warning (an error under strict). */
export function unkn(c, rel) {
  add(c, 1, rel, 'unknown-field', c.m[1], {});
}

/** A string with an unpaired surrogate. */
export function uni(c, rel) {
  add(c, 0, rel, 'json-unicode', c.m[2], {});
}

/**
 * A count over its bound: template `k` (4, 7, 10, 13 or 16), `b` the rule's bound (a small
 * integer), `n` the count.
 */
export function cnt(c, sev, rel, rule, k, b, n) {
  const m = c.m;
  const params = k === 10 ? { min: b, actual: n } : k === 16 ? { count: b, actual: n } : { max: b, actual: n };
  add(c, sev, rel, rule, m[k] + b + m[k + 1] + n + m[k + 2], params);
}

/** `json-type`: `v` (normalised) is not the `expected` JSON type. */
export function typ(c, rel, expected, actual) {
  const m = c.m;
  // The table's type names (none in English; a name missing from it is shown as it is).
  const names = m[32];
  const e = names?.[expected] ?? expected;
  const a = names?.[actual] ?? actual;
  add(c, 0, rel, 'json-type', m[19] + e + m[20] + a + m[21], { expected, actual });
}

/** An integer not in the enum's `allowed` list. */
export function one(c, rule, allowed, v) {
  const m = c.m;
  const list = allowed.map(ex).join(m[33]);
  add(c, 0, undefined, rule, m[29] + list + m[30] + ex(v) + m[31], { allowed: allowed.slice(), actual: v + 0 });
}

/**
 * An integer out of range: `lo`/`hi` are the bounds as compared, `lt`/`ht` their exact texts
 * when a double cannot hold them (i64::MAX), `v` the value (an integer of at most 64 bits;
 * `undefined`: beyond 64 bits, the `outOfRange` message).
 */
export function rng(c, sev, rel, rule, lo, hi, lt, ht, v) {
  const m = c.m;
  const min = lt ?? ex(lo);
  const max = ht ?? ex(hi);
  const p = { min: lt === undefined ? lo : +lt, max: ht === undefined ? hi : +ht };
  let message;
  if (v === undefined) {
    message = m[26] + min + m[27] + max + m[28];
  } else {
    p.actual = v + 0;
    message = m[22] + min + m[23] + max + m[24] + ex(v) + m[25];
  }
  add(c, sev, rel, rule, message, p);
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
    return { valid: false, errors: [{ path: '', rule: 'json-depth', message: c.m[3], params: {} }], warnings: [] };
  }
  const report = { valid: c.e.length === 0, errors: c.e, warnings: c.w };
  if (c.t) report.truncated = true;
  return report;
}
