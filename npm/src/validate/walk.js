// The generic half of the validators: what the generated code hands over when a value is not
// on its fast path (absent, of another type, possibly breaking a rule), plus arrays, unknown
// members and the walk of values no model describes. It follows the native validator
// (crates/wecom-core/src/validate/) step for step; the differential test holds them together.
//
// Descriptors (generated, one per field): D = [name, requiredRuleId | 0, kind, rules?].
// kind: 0 any · 1 string · 2 boolean · [3, lo, hi, loText?, hiText?] integer (bounds as compared;
// the texts when a double cannot hold them) · [4, allowed, ruleId] integer enum · [5, kind] array ·
// [6, model] object (`model(o, c)` is the generated function; it returns the member count).
// rules: [1, n, id] at most n characters · [2, n, id] at most n UTF-8 bytes · [3, n, id] at
// least n items · [4, n, id] at most n items · [5, lo, hi, id, loText?, hiText?] integer range.
import { nz, pu, big } from './normalise.js';
import { wf, chars, bytes, ii, tn } from './measure.js';
import { rq, ty, uc, uf, mxc, mxb, mni, mxi, rng, oor, one, esc } from './report.js';

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

/** Applies a field's rules to a value of the right type (`n`: its item count if an array). */
function rules(c, v, R, n) {
  for (let i = 0; i < R.length; i++) {
    const r = R[i];
    switch (r[0]) {
      case 1:
        if (typeof v === 'string' && v.length > r[1]) {
          const k = chars(v);
          if (k > r[1]) mxc(c, undefined, r[2], r[1], k);
        }
        break;
      case 2:
        if (typeof v === 'string' && v.length * 3 > r[1]) {
          const k = bytes(v);
          if (k > r[1]) mxb(c, undefined, r[2], r[1], k);
        }
        break;
      case 3:
        if (Array.isArray(v) && n < r[1]) mni(c, r[2], r[1], n);
        break;
      case 4:
        if (Array.isArray(v) && n > r[1]) mxi(c, r[2], r[1], n);
        break;
      default:
        if (ii(v) && (v < r[1] || v > r[2])) rng(c, 0, undefined, r[3], r[1], r[2], r[4], r[5], v);
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
  if (R !== undefined) rules(c, v, R, n);
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
    uc(c);
    return 1;
  }
  let expected;
  switch (typeof K === 'number' ? K : K[0]) {
    case 0: {
      const n = box(v) ? scan(c, v, false) : filled(v);
      if (R !== undefined) rules(c, v, R, n);
      return n;
    }
    case 1:
      if (t === 'string') {
        if (R !== undefined) rules(c, v, R, 0);
        return filled(v);
      }
      expected = 'string';
      break;
    case 2:
      if (t === 'boolean') {
        if (R !== undefined) rules(c, v, R, 0);
        return 1;
      }
      expected = 'boolean';
      break;
    case 3:
      if (t === 'number' && Number.isInteger(v)) {
        // Out of the storage range: said with the field's own range rule when it has one.
        const own = first(R, 5);
        const b = own === undefined ? [0, K[1], K[2], 'integer-range', K[3], K[4]] : own;
        if (!ii(v)) oor(c, b[3], b[1], b[2], b[4], b[5]);
        else if (v < K[1] || v > K[2]) rng(c, 0, undefined, b[3], b[1], b[2], b[4], b[5], v);
        else if (R !== undefined) rules(c, v, R, 0);
        return 1;
      }
      expected = 'integer';
      break;
    case 4:
      if (ii(v)) {
        if (K[1].includes(v)) {
          if (R !== undefined) rules(c, v, R, 0);
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
  ty(c, expected, tn(v));
  return box(v) ? scan(c, v, true) : filled(v);
}

/** A string field of the right type longer than `max`: measured in characters. */
export function mc(c, s, D, max, rule) {
  const k = chars(s);
  if (k > max) mxc(c, D[0], rule, max, k);
}

/** A string field of the right type that may be over `max` UTF-8 bytes: measured. */
export function mb(c, s, D, max, rule) {
  const k = bytes(s);
  if (k > max) mxb(c, D[0], rule, max, k);
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
 * item/member count (containers) or whether it is filled.
 */
export function scan(c, v, quiet) {
  if (!box(v)) {
    if (!quiet && typeof v === 'string' && !wf(v)) uc(c);
    return filled(v);
  }
  if (c.p.length >= MAX_DEPTH) return deep(c, v);
  if (Array.isArray(v)) {
    const n = v.length;
    c.u += n + 1;
    if (n === 0) c.x += 1;
    big(c);
    for (let i = 0; i < n; i++) {
      let it = nz(v[i], i);
      if (it === undefined) it = null;
      pu(c, it);
      big(c);
      if (box(it) || (!quiet && typeof it === 'string' && !wf(it))) {
        c.p.push(i);
        scan(c, it, quiet);
        c.p.pop();
      }
    }
    return n;
  }
  const keys = Object.keys(v);
  let n = 0;
  c.u += 1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const m = nz(v[k], k);
    if (m === undefined) continue;
    n++;
    c.u += k.length + 4;
    c.x += 5 * k.length;
    pu(c, m);
    big(c);
    if (box(m) || (!quiet && typeof m === 'string' && !wf(m))) {
      c.p.push(esc(k));
      scan(c, m, quiet);
      c.p.pop();
    }
  }
  if (n === 0) c.x += 1;
  return n;
}

/**
 * A container nested deeper than MAX_DEPTH: the report becomes one `json-depth` error. The rest
 * of it is still walked (without recursion) for what the client would refuse: its size, a
 * BigInt, a cycle (an object met again on its own path: JSON.stringify's TypeError).
 */
function deep(c, root) {
  c.d = true;
  const path = new Set();
  const stack = [];
  const enter = (o) => {
    if (path.has(o)) throw nzCycle();
    path.add(o);
    const isArray = Array.isArray(o);
    const frame = { o, keys: isArray ? undefined : Object.keys(o), n: 0, i: 0 };
    frame.n = isArray ? o.length : frame.keys.length;
    c.u += isArray ? frame.n + 1 : 1;
    c.x += 1;
    big(c);
    stack.push(frame);
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.n) {
      stack.pop();
      path.delete(top.o);
      continue;
    }
    const i = top.i++;
    let v;
    if (top.keys === undefined) {
      v = nz(top.o[i], i);
      if (v === undefined) v = null;
    } else {
      const k = top.keys[i];
      v = nz(top.o[k], k);
      if (v === undefined) continue;
      c.u += k.length + 4;
      c.x += 5 * k.length;
    }
    pu(c, v);
    big(c);
    if (box(v)) enter(v);
  }
  return 1;
}

/** A cycle: what JSON.stringify throws for it (the client's E_INVALID_PAYLOAD). */
function nzCycle() {
  return new TypeError('Converting circular structure to JSON');
}

/** The unknown members `x` = [key, value, …] of the current object: a warning each, then a scan. */
export function unk(c, x) {
  for (let i = 0; i < x.length; i += 2) {
    const k = esc(x[i]);
    uf(c, k);
    c.p.push(k);
    scan(c, x[i + 1], false);
    c.p.pop();
  }
}
