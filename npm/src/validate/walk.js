// The generic half of the validators: what the generated code hands over when a value is not
// on its fast path (absent, of another type, possibly breaking a rule), plus arrays, unknown
// members and the walk of values no model describes. It follows the native validator
// (crates/wecom-core/src/validate/) step for step; the differential test holds them together.
//
// Descriptors (generated, one per field): D = ["/" + name, requiredRuleId | 0, kind, rules?].
// kind: 0 any · 1 string · 2 boolean · [3, lo, hi, loText?, hiText?] integer (bounds as compared;
// the texts when a double cannot hold them) · [4, allowed, ruleId] integer enum · [5, kind] array ·
// [6, model] object (`model(o, c)` is the generated function; it returns the member count).
// rules: [1, n, id] at most n characters · [2, n, id] at most n UTF-8 bytes · [3, n, id] at
// least n items · [4, n, id] at most n items · [5, lo, hi, id, loText?, hiText?] integer range.
import { nz, pu, big } from './normalise.js';
import { wf, chars, bytes, ii, tn } from './measure.js';
import { rq, rng, esc, cnt, typ, uni, unkn, one } from './report.js';

/** Containers nested deeper than this (the root counts) make the payload `json-depth`. */
export const MAX_DEPTH = 127;

/** Is `v` a container (a non-null object after normalisation)? */
function box(v) {
  return typeof v === 'object' && v !== null;
}

/** "Filled" for a primitive: not null and not "". */
function filled(v) {
  return v !== null && v !== '' ? 1 : 0;
}

/**
 * Applies a field's rules `R` (if any) to a value of the right type (`n`: its item count if an
 * array). Codes 1–4 are at most characters, at most UTF-8 bytes, at least items, at most items;
 * their message parts start at index 3 × code + 1 of the message table. Any other: a range.
 */
function rules(c, v, R, n) {
  if (R !== undefined) {
    for (let i = 0; i < R.length; i++) {
      const r = R[i];
      const code = r[0];
      const b = r[1];
      if (code < 3) {
        // A string of L units has at most L characters and at most 3L bytes.
        if (typeof v === 'string' && v.length * (2 * code - 1) > b) {
          const k = code === 1 ? chars(v) : bytes(v);
          if (k > b) cnt(c, 0, undefined, r[2], 3 * code + 1, b, k);
        }
      } else if (code < 5) {
        if (Array.isArray(v) && (code === 3 ? n < b : n > b)) cnt(c, 0, undefined, r[2], 3 * code + 1, b, n);
      } else if (ii(v) && (v < b || v > r[2])) {
        rng(c, 0, undefined, r[3], b, r[2], r[4], r[5], v);
      }
    }
  }
}

/** The first rule of kind `code` in R, if any. */
function first(R, code) {
  if (R !== undefined) for (let i = 0; i < R.length; i++) if (R[i][0] === code) return R[i];
  return undefined;
}

/** The items of an array of `IK` at the current path (its rules R first). Returns the count. */
export function items(c, v, IK, R) {
  if (c.p.length >= MAX_DEPTH) return deep(c, v);
  const n = v.length;
  c.u += n + 1;
  if (n === 0) c.x += 1;
  big(c);
  rules(c, v, R, n);
  const cap = first(R, 4);
  const limit = cap === undefined ? n : cap[1];
  for (let i = 0; i < n; i++) {
    let it = v[i];
    if (typeof it === 'string') {
      c.u += it.length + 2;
      c.x += 5 * it.length;
      if (IK === 1 && wf(it)) continue;
    } else {
      it = nz(it, i);
      if (it === undefined) it = null;
      pu(c, it);
    }
    c.p.push(i);
    if (i < limit) val(c, it, IK, undefined);
    else if (box(it)) scan(c, it, true);
    c.p.pop();
    big(c);
  }
  return n;
}

/**
 * Checks a present value against kind K and rules R at the current path: its type (an unpaired
 * surrogate first), then the rules, then what it contains. Returns its item/member count when
 * it is a container, else 1 when filled, 0 when not.
 */
export function val(c, v, K, R) {
  const t = typeof v;
  if (t === 'string' && !wf(v)) {
    uni(c, undefined);
    return 1;
  }
  let expected;
  switch (typeof K === 'number' ? K : K[0]) {
    case 0: {
      const n = box(v) ? scan(c, v, false) : filled(v);
      rules(c, v, R, n);
      return n;
    }
    case 1:
      if (t === 'string') {
        rules(c, v, R, 0);
        return filled(v);
      }
      expected = 'string';
      break;
    case 2:
      if (t === 'boolean') {
        rules(c, v, R, 0);
        return 1;
      }
      expected = 'boolean';
      break;
    case 3:
      if (t === 'number' && Number.isInteger(v)) {
        // Out of the storage range: said with the field's own range rule when it has one.
        const own = first(R, 5);
        const b = own === undefined ? [0, K[1], K[2], 'integer-range', K[3], K[4]] : own;
        // Beyond 64-bit integers: the message without the value.
        if (!ii(v) || v < K[1] || v > K[2]) rng(c, 0, undefined, b[3], b[1], b[2], b[4], b[5], ii(v) ? v : undefined);
        else rules(c, v, R, 0);
        return 1;
      }
      expected = 'integer';
      break;
    case 4:
      if (ii(v)) {
        if (K[1].includes(v)) {
          rules(c, v, R, 0);
        } else {
          one(c, K[2], K[1], v);
        }
        return 1;
      }
      expected = 'integer';
      break;
    case 5:
      if (Array.isArray(v)) return items(c, v, K[1], R);
      expected = 'array';
      break;
    default:
      if (box(v) && !Array.isArray(v)) {
        if (c.p.length >= MAX_DEPTH) return deep(c, v);
        return K[1](v, c);
      }
      expected = 'object';
  }
  typ(c, undefined, expected, tn(v));
  return box(v) ? scan(c, v, true) : filled(v);
}

/**
 * A string field that may break its one length rule (the first rule of D[3] that is one): false
 * when it holds an unpaired surrogate (the caller hands it to `f`), else measured, the issue
 * recorded (templates 4 maxChars, 7 maxBytes), true.
 */
export function ms(c, s, D) {
  const R = D[3];
  let r = R[0];
  for (let i = 1; r[0] > 2; i++) r = R[i];
  const k = r[0] === 1 ? chars(s) : bytes(s);
  if (k < 0) return false;
  if (k > r[1]) cnt(c, 0, D[0], r[2], 3 * r[0] + 1, r[1], k);
  return true;
}

/** An object field: its model's function when it is an object (not nested too deep), else `f`. */
export function ob(c, v, D) {
  if (!box(v) || Array.isArray(v) || c.p.length >= MAX_DEPTH - 1) return f(c, v, D);
  c.p.push(D[0]);
  const n = D[2][1](v, c);
  c.p.pop();
  return n;
}

/** An array field: its items when it is an array (not nested too deep), else `f`. */
export function ar(c, v, D) {
  if (!Array.isArray(v)) return f(c, v, D);
  c.p.push(D[0]);
  const n = items(c, v, D[2][1], D[3]);
  c.p.pop();
  return n;
}

/**
 * A field that left the fast path: `v` is its normalised value (`undefined`: absent), `D` its
 * descriptor. Returns what `val` returns (0 when absent or empty).
 */
export function f(c, v, D) {
  const required = D[1];
  if (v === undefined) {
    if (required) rq(c, 0, D[0], required);
    return 0;
  }
  c.p.push(D[0]);
  let n = 0;
  if (required && (v === null || v === '')) {
    rq(c, 0, undefined, required);
    if (box(v)) n = scan(c, v, true);
  } else {
    n = val(c, v, D[2], D[3]);
  }
  c.p.pop();
  return n;
}

/**
 * Walks a value no model describes (an unknown member, an `any` field, or, `quiet`, one whose
 * issues are already reported or not looked at): counts its size and, unless quiet, reports
 * each unpaired surrogate at its own path. The value's own size is already counted. Returns its
 * item/member count (containers) or whether it is filled. Iterative: a container nested deeper
 * than MAX_DEPTH makes the report `json-depth` (`c.d`), and the walk goes on, without limit of
 * depth, for what the client would refuse: its size, a BigInt, a cycle (an object met again on
 * its own path: JSON.stringify's TypeError).
 */
export function scan(c, v, quiet) {
  if (!box(v)) {
    if (!quiet && typeof v === 'string' && !wf(v)) uni(c, undefined);
    return filled(v);
  }
  const stack = [];
  let onPath;
  let count = 0;
  const open = (o) => {
    if (c.p.length >= MAX_DEPTH) c.d = true;
    if (c.d) {
      if (onPath === undefined) onPath = new Set();
      if (onPath.has(o)) throw new TypeError('Converting circular structure to JSON');
      onPath.add(o);
    }
    const keys = Array.isArray(o) ? undefined : Object.keys(o);
    const n = keys === undefined ? o.length : keys.length;
    c.u += keys === undefined ? n + 1 : 1;
    c.x += 1;
    big(c);
    stack.push({ o, k: keys, n, i: 0, m: 0 });
  };
  open(v);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.n) {
      stack.pop();
      if (onPath !== undefined) onPath.delete(top.o);
      if (stack.length > 0) c.p.pop();
      else count = top.m;
      continue;
    }
    const i = top.i++;
    let key = i;
    let m;
    if (top.k === undefined) {
      m = nz(top.o[i], i);
      if (m === undefined) m = null;
    } else {
      key = top.k[i];
      m = nz(top.o[key], key);
      if (m === undefined) continue;
      c.u += key.length + 4;
      c.x += 5 * key.length;
      key = '/' + esc(key);
    }
    top.m++;
    pu(c, m);
    big(c);
    if (box(m)) {
      c.p.push(key);
      open(m);
    } else if (!quiet && typeof m === 'string' && !wf(m)) {
      uni(c, key);
    }
  }
  return count;
}

/** A container nested deeper than MAX_DEPTH: the report becomes one `json-depth` error. */
function deep(c, v) {
  c.d = true;
  return scan(c, v, true);
}

/** The unknown members `x` = [key, value, …] of the current object: a warning each, then a scan. */
export function unk(c, x) {
  for (let i = 0; i < x.length; i += 2) {
    const k = '/' + esc(x[i]);
    unkn(c, k);
    c.p.push(k);
    scan(c, x[i + 1], false);
    c.p.pop();
  }
}
