// String and number measures, computed only when a value could break a rule.

import { nz } from './normalise.js';

// Unpaired surrogates: String.prototype.isWellFormed where there is one (Node 20+, current
// browsers), else a regex that first looks for any surrogate at all (the common case: none), then
// encodeURIComponent, which throws a URIError exactly on an unpaired surrogate.
const SURROGATE = /[\uD800-\uDFFF]/;
// Every unit encodes to 3 UTF-8 bytes (CJK text): no surrogate, none below U+0800.
const WIDE = /^[\u0800-\uD7FF\uE000-\uFFFF]*$/;

const isWellFormed = String.prototype.isWellFormed;

/** True when `s` holds no unpaired surrogate (it can be sent as UTF-8). */
export const wf =
  typeof isWellFormed === 'function'
    ? (s) => isWellFormed.call(s)
    : (s) => {
        if (!SURROGATE.test(s)) return true;
        try {
          encodeURIComponent(s);
          return true;
        } catch {
          return false;
        }
      };

/** Unicode scalar values in `s` (the docs' 字符), or -1 when `s` is not well formed. */
export function chars(s) {
  if (!SURROGATE.test(s)) return s.length;
  if (!wf(s)) return -1;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800) n--;
  }
  return n;
}

/** UTF-8 bytes of `s`, or -1 when `s` is not well formed. */
export function bytes(s) {
  if (WIDE.test(s)) return 3 * s.length;
  if (!wf(s)) return -1;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0x80) n += u < 0x800 || (u & 0xf800) === 0xd800 ? 1 : 2;
  }
  return n;
}

/** An integer the native validator reads as one: an integral number in [-2^63, 2^63). */
export function ii(v) {
  return Number.isInteger(v) && v >= -9223372036854775808 && v < 9223372036854775808;
}

/** The exact decimal text of an integral number (String() rounds beyond 2^53). */
export function ex(v) {
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

/** `a > b + plus`, exactly (a, b integers; plus an integer, or its decimal text when a double cannot hold it). */
export function gt(a, b, plus) {
  if (typeof plus === 'number') {
    const sum = b + plus;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(sum)) return a > sum;
  }
  return BigInt(a) > BigInt(b) + BigInt(plus);
}

/** Present, not null, and not an empty string, array or object (`n`: its item or member count). */
export function fl(v, n) {
  return v !== undefined && v !== null && (typeof v === 'object' ? n > 0 : v !== '');
}

/** The JSON type name messages use for a (normalised) value. */
export function tn(v) {
  if (v === null) return 'null';
  if (typeof v === 'number') return ii(v) ? 'integer' : 'number';
  return Array.isArray(v) ? 'array' : typeof v;
}

// moments helper (issue 12)
/**
 * Whether an item of the array `a` is an object whose member `m` is filled (as `fl` says, on the
 * value JSON.stringify would write): the condition of the cross rule `maxItemsIfAny`.
 */
export function aw(a, m) {
  for (let i = 0; i < a.length; i++) {
    const x = nz(a[i], i);
    if (x === null || typeof x !== 'object' || Array.isArray(x)) continue;
    const v = nz(x[m], m);
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'object') return true;
    if (Array.isArray(v) ? v.length > 0 : Object.keys(v).some((k) => nz(v[k], k) !== undefined)) return true;
  }
  return false;
}
