// Seeded payloads for the differential test, derived from the request models
// (`wecom-codegen schema`): a valid payload of a model, then mutations that aim at every rule
// and every place the two validators could part: boundary lengths in characters and UTF-8 bytes
// (CJK, astral, escapes), boundary numbers (2^53+, 2^63, -0, 1e21, NaN), types swapped, fields
// dropped or copied, unknown members, values JSON.stringify rewrites (toJSON, Date, boxed
// primitives, undefined, functions, symbols, holes), nesting around the 127-container limit,
// and more than 100 issues. No lone surrogate: the native side cannot read one (tested in JS).

/** Pieces strings are made of: [text, UTF-16 units, UTF-8 bytes]. */
const PIECES = [
  ['a', 1, 1], ['Z', 1, 1], ['7', 1, 1], [' ', 1, 1], ['中', 1, 3], ['字', 1, 3], ['é', 1, 2], ['😀', 2, 4],
  ['"', 1, 1], ['\\', 1, 1], ['\n', 1, 1], ['\u0001', 1, 1], ['~', 1, 1], ['/', 1, 1], ['\u2028', 1, 3], ['\u007f', 1, 1],
];
const ASCII = PIECES.filter((p) => p[2] === 1);

/** A string of exactly `n` characters (Unicode scalars). */
export function textOfChars(rng, n, pieces = PIECES) {
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(pieces)[0];
  return s;
}

/** A string of exactly `n` UTF-8 bytes. */
export function textOfBytes(rng, n) {
  let s = '';
  let left = n;
  while (left > 0) {
    const fit = PIECES.filter((p) => p[2] <= left);
    const p = rng.pick(fit);
    s += p[0];
    left -= p[2];
  }
  return s;
}

/** Numbers around every edge a field can have (finite, non-finite, beyond 2^53 and 2^63). */
export const EDGE_NUMBERS = [
  0, -0, 1, -1, 2, 0.5, 1.5, -2.5, 1e-7, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 4294967295, 4294967296,
  2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), -(2 ** 53) - 2, 2 ** 62, 2 ** 63, -(2 ** 63), 2 ** 64, 1e20, 1e21, -1e21, 1e300,
  1209600, 1209601, 1000, 1001, 100, 101, 3, 4,
];

/** An arbitrary JSON-able value (no lone surrogates). */
export function jsonValue(rng, depth = 3) {
  const k = rng.int(depth > 0 ? 10 : 6);
  switch (k) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick(EDGE_NUMBERS.filter(Number.isFinite));
    case 3: return rng.int(2000) - 1000;
    case 4: case 5: return textOfChars(rng, rng.size(40));
    case 6: case 7: {
      const out = [];
      for (let i = rng.size(6); i > 0; i--) out.push(jsonValue(rng, depth - 1));
      return out;
    }
    default: {
      const out = {};
      for (let i = rng.size(5); i > 0; i--) out[oddKey(rng)] = jsonValue(rng, depth - 1);
      return out;
    }
  }
}

/** A member name nobody declares (some need JSON-pointer escapes). */
export function oddKey(rng) {
  return rng.pick(['x', 'brand_new', 'mass_call_ticket', 'a/b', '~0', 'a~b/c', '', ' ', '键', '😀', '0', '10', '__proto__', 'constructor', 'toJSON', 'user ', 'TYPE', textOfChars(rng, rng.range(1, 12), ASCII)]);
}

/** Nests `value` in `levels` arrays/objects. */
export function nest(rng, value, levels) {
  const arrays = rng.pick(['array', 'object', 'mixed']);
  let v = value;
  for (let i = 0; i < levels; i++) {
    const asArray = arrays === 'array' || (arrays === 'mixed' && rng.chance(0.5));
    v = asArray ? [v] : { [rng.pick(['text', 'a', 'user', 'conclusions'])]: v };
  }
  return v;
}

/** Containers a value is made of, counted along its deepest path (a primitive is 0). */
export function depthOf(v) {
  if (v === null || typeof v !== 'object') return 0;
  let d = 0;
  for (const x of Array.isArray(v) ? v : Object.values(v)) d = Math.max(d, depthOf(x));
  return d + 1;
}

/** Rewrites `v` into something JSON.stringify writes as `v` (or as nothing, for the absent kinds). */
export function disguise(rng, v) {
  // Copying an unsendable value (a throwing getter, from `unsendable`) throws: keep it as it is.
  try {
    return disguised(rng, v);
  } catch {
    return v;
  }
}

function disguised(rng, v) {
  switch (rng.int(9)) {
    case 0: return { toJSON: () => v, ignored: 'not sent' };
    case 1: return typeof v === 'number' ? new Number(v) : typeof v === 'string' ? new String(v) : typeof v === 'boolean' ? new Boolean(v) : v;
    case 2: if (Array.isArray(v)) return Object.assign([...v], { extra: 'ignored' }); return v;
    case 3: {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const o = Object.create({ inherited: 'ignored', type: 99 });
      Object.assign(o, v);
      Object.defineProperty(o, 'hidden', { value: 'ignored', enumerable: false });
      return o;
    }
    case 4: {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      return Object.assign(Object.create(null), v);
    }
    case 5: {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const o = new (class Form {})();
      return Object.assign(o, v);
    }
    case 6: return { toJSON: (key) => (typeof v === 'string' ? `${v}` : v), keyed: true };
    case 7: return rng.pick([new Date(0), new Date(1e12)]);
    default: return v;
  }
}

/** Values the client cannot send (JSON.stringify throws): the validator must throw E_INVALID_PAYLOAD. */
export function unsendable(rng) {
  switch (rng.int(6)) {
    case 0: {
      const o = { a: 1 };
      o.self = rng.chance(0.5) ? o : [o];
      return o;
    }
    case 1: return rng.chance(0.5) ? 5n : Object(5n);
    case 2: return { toJSON: () => 2n ** 70n };
    case 3: return Object.defineProperty({}, 'x', { enumerable: true, get() { throw new Error('getter'); } });
    case 4: return { toJSON() { throw new TypeError('toJSON'); } };
    default: return [1, { deep: rng.chance(0.5) ? 1n : [2n] }];
  }
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
const ABSENT = [undefined, () => 1, Symbol('s')];

/** The words the checks of model `m` compare its field `name` with (conditions `is`, `oneOf`). */
function words(m, name) {
  const out = [];
  for (const c of m.checks ?? []) {
    for (const w of c.when) if (w.cond === 'is' && w.field === name) out.push(w.value);
    if (c.assert.assert === 'oneOf' && c.assert.field === name) out.push(...c.assert.values);
  }
  return out;
}

/** Payload generator over the schema of `wecom-codegen schema`. */
export class Payloads {
  constructor(schema, rng) {
    this.schema = schema;
    this.rng = rng;
  }

  /** A value that breaks none of the kind's own rules (cross-field rules may still fire). */
  value(kind, rules = [], depth = 1) {
    const rng = this.rng;
    switch (kind.t) {
      case 'any': return jsonValue(rng, 2);
      case 'bool': return rng.chance(0.5);
      case 'str': {
        let max = 24;
        for (const r of rules) {
          if (r.check === 'maxChars') max = Math.min(max, r.n);
          if (r.check === 'maxBytes') max = Math.min(max, Math.floor(r.n / 4));
        }
        return textOfChars(rng, rng.range(1, Math.max(1, max)));
      }
      case 'int': {
        let lo = kind.min;
        let hi = kind.max;
        for (const r of rules) if (r.check === 'range') [lo, hi] = [Math.max(lo, r.min), Math.min(hi, r.max)];
        if (rng.chance(0.3)) return rng.pick([lo, hi].filter(Number.isSafeInteger).concat([Math.max(lo, 0)]));
        const from = Math.max(lo, -1e6);
        return from + rng.int(Math.max(1, Math.min(hi, from + 2e6) - from + 1));
      }
      case 'enum': return rng.pick(kind.allowed);
      case 'array': {
        let lo = 0;
        let hi = 4;
        for (const r of rules) {
          if (r.check === 'minItems') lo = Math.max(lo, r.n);
          if (r.check === 'maxItems') hi = Math.min(hi, r.n);
        }
        const out = [];
        for (let n = rng.range(lo, Math.max(lo, hi)); n > 0; n--) out.push(this.value(kind.of, [], depth + 1));
        return out;
      }
      default: return this.valid(kind.model, depth + 1);
    }
  }

  /** A payload of `model` whose every field is right (optional ones present at random). */
  valid(model, depth = 1) {
    const out = {};
    const m = this.schema.models[model];
    for (const f of m.fields) {
      if (f.optional && this.rng.chance(0.45)) continue;
      // A string the cross-field rules compare with words (issue 12: `is`, `oneOf`): mostly one
      // of those words, so that the rules they guard run too.
      const ws = words(m, f.name);
      out[f.name] = ws.length > 0 && this.rng.chance(0.8) ? this.rng.pick(ws) : this.value(f.kind, f.rules, depth);
    }
    return out;
  }

  /** A value aimed at an edge of field `f`. */
  edge(f) {
    const rng = this.rng;
    const k = f.kind;
    const limits = f.rules.filter((r) => r.n !== undefined);
    if (k.t === 'str' && limits.length > 0 && rng.chance(0.8)) {
      const r = rng.pick(limits);
      const n = Math.max(0, r.n + rng.pick([-1, 0, 1, 2]));
      if (r.check === 'maxBytes') return textOfBytes(rng, n);
      return textOfChars(rng, n, rng.chance(0.5) ? PIECES : [['😀', 2, 4], ['中', 1, 3]]);
    }
    if (k.t === 'array' && limits.length > 0 && rng.chance(0.8)) {
      const r = rng.pick(limits);
      const n = Math.max(0, r.n + rng.pick([-1, 0, 1]));
      const item = () => (rng.chance(0.9) ? this.value(k.of) : jsonValue(rng, 1));
      return Array.from({ length: n }, item);
    }
    if ((k.t === 'int' || k.t === 'enum') && rng.chance(0.7)) {
      const near = [];
      if (k.t === 'int') near.push(k.min - 1, k.min, k.max, k.max + 1);
      for (const r of f.rules) if (r.check === 'range') near.push(r.min - 1, r.min, r.max, r.max + 1);
      if (k.t === 'enum') near.push(...k.allowed, Math.max(...k.allowed) + 1, Math.min(...k.allowed) - 1);
      return rng.pick(rng.chance(0.6) ? near : EDGE_NUMBERS);
    }
    return rng.pick([null, '', 0, -0, 1.5, true, false, [], {}, 'text', '中文', [1, 'a'], { a: 1 }, NaN, Infinity, -1, 2 ** 53 + 2, 1e21]);
  }

  /** `payload` (a payload of `model`) changed 1–3 ways; returns the new payload. */
  mutate(payload, model, depth = 1) {
    const rng = this.rng;
    const fields = this.schema.models[model].fields;
    let out = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? { ...payload } : {};
    for (let m = rng.range(1, 3); m > 0; m--) {
      const f = fields.length > 0 ? rng.pick(fields) : undefined;
      switch (rng.int(13)) {
        case 0: if (f) delete out[f.name]; break;
        case 1: case 2: if (f) out[f.name] = this.edge(f); break;
        case 3: if (f && fields.length > 1) out[rng.pick(fields).name] = out[f.name]; break;
        case 4: for (let i = rng.range(1, 3); i > 0; i--) out[oddKey(rng)] = jsonValue(rng, 3); break;
        case 5: if (f) out[f.name] = disguise(rng, out[f.name] ?? this.value(f.kind, f.rules, depth)); break;
        case 6: if (f) out[f.name] = rng.pick(ABSENT); break;
        case 7: {
          // Nesting around the limit: 127 containers pass, 128 do not (the root counts).
          const target = rng.range(125, 130);
          const leaf = rng.pick([1, 'x', [], {}, null]);
          const key = f && rng.chance(0.6) ? f.name : oddKey(rng);
          out[key] = nest(rng, leaf, Math.max(0, target - depth - (typeof leaf === 'object' && leaf !== null ? 1 : 0)));
          break;
        }
        case 8: {
          // More than 100 issues.
          if (rng.chance(0.5) && f) out[f.name] = Array.from({ length: rng.range(95, 160) }, () => rng.pick([5, null, {}, true, 'x']));
          else for (let i = rng.range(90, 130); i > 0; i--) out[`unknown_${i}`] = i;
          break;
        }
        case 9: {
          // Into a nested model.
          const nested = fields.filter((x) => x.kind.t === 'object' || (x.kind.t === 'array' && x.kind.of.t === 'object'));
          if (nested.length === 0) break;
          const n = rng.pick(nested);
          const sub = n.kind.t === 'object' ? n.kind.model : n.kind.of.model;
          const mutated = this.mutate(this.valid(sub, depth + 1), sub, depth + 1);
          out[n.name] = n.kind.t === 'object' ? mutated : [mutated, this.valid(sub, depth + 1)];
          break;
        }
        case 10: {
          // Arrays with holes, undefined and functions (null when written), or a disguised root.
          if (f && f.kind.t === 'array') {
            const a = new Array(rng.range(1, 4));
            a[0] = this.value(f.kind.of);
            if (a.length > 2) a[2] = rng.pick(ABSENT);
            out[f.name] = a;
          } else if (rng.chance(0.3)) {
            out = disguise(rng, out);
          }
          break;
        }
        case 11:
          if (rng.chance(0.15)) out[f ? f.name : oddKey(rng)] = unsendable(rng);
          else if (f) out[f.name] = jsonValue(rng, 2);
          break;
        default: if (f) out[f.name] = jsonValue(rng, 2);
      }
    }
    return out;
  }
}
