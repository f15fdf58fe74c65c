// What JSON.stringify makes of a value, without making the text: each value is read once and
// seen exactly as the client's JSON.stringify(payload) would serialise it. Also the running
// size of that text, as a lower bound plus a worst-case slack (see ../validate/README in
// runtime.js), and the internal "stop" thrown for a payload that cannot be sent.

/** Largest JSON text, in UTF-16 units of JSON.stringify's output (2 MiB), like the client. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** Thrown inside a walk for a payload the client would refuse; `run` turns it into the error. */
export class Stop {
  /**
   * @param {string} code `E_PAYLOAD_TOO_LARGE` or `E_INVALID_PAYLOAD`
   * @param {number} [units] the size known so far (too large)
   */
  constructor(code, units) {
    this.code = code;
    this.units = units;
  }
}

/** Calls the brand-checking `method` on `v`: true when `v` has that internal slot. */
function slot(method, v) {
  try {
    method.call(v);
    return true;
  } catch {
    return false;
  }
}

/**
 * An object as JSON.stringify sees it after `toJSON`: a boxed Number/String/Boolean becomes its
 * primitive (through ToNumber/ToString, as the spec says), a boxed BigInt cannot be sent, every
 * other object stays itself. Plain objects and arrays (nearly every value) skip the brand checks.
 * (A boxed primitive whose prototype was replaced by Object.prototype or null is taken for a
 * plain object.)
 */
function unbox(v) {
  if (Array.isArray(v)) return v;
  let proto; // stays undefined when a proxy's getPrototypeOf throws
  try {
    proto = Object.getPrototypeOf(v);
  } catch {}
  if (proto === Object.prototype || proto === null) return v;
  if (slot(Number.prototype.valueOf, v)) return nz(Number(v));
  if (slot(String.prototype.valueOf, v)) return String(v);
  if (slot(Boolean.prototype.valueOf, v)) return Boolean.prototype.valueOf.call(v);
  if (typeof BigInt === 'function' && slot(BigInt.prototype.valueOf, v)) throw new Stop('E_INVALID_PAYLOAD');
  return v;
}

/**
 * The value JSON.stringify writes for `v` found under `key` (a member name, or an array index
 * as a number): after `toJSON(key)` and unboxing; non-finite numbers are `null`; `undefined`
 * means "not written" (undefined, functions, symbols). A BigInt throws (it cannot be sent).
 */
export function nz(v, key) {
  let t = typeof v;
  if (t === 'object' ? v !== null : t === 'function' || t === 'bigint') {
    const toJSON = v.toJSON;
    if (typeof toJSON === 'function') {
      v = toJSON.call(v, typeof key === 'number' ? String(key) : key);
      t = typeof v;
    }
  }
  if (t === 'object') return v === null ? null : unbox(v);
  if (t === 'number') return v - v === 0 ? v : null;
  if (t === 'string' || t === 'boolean') return v;
  if (t === 'bigint') throw new Stop('E_INVALID_PAYLOAD');
  return undefined;
}

/**
 * Adds a primitive's share of the JSON text to the context's size: `c.u` is a lower bound, `c.x`
 * what escapes and long number forms may add at most (a string unit escapes to at most six
 * units, a number is at most 24 characters). Containers are counted by whoever walks them.
 */
export function pu(c, v) {
  switch (typeof v) {
    case 'string':
      c.u += v.length + 2;
      c.x += 5 * v.length;
      break;
    case 'number':
      c.u += 1;
      c.x += 25;
      break;
    case 'boolean':
      c.u += 4;
      c.x += 1;
      break;
    default:
      if (v === null) c.u += 4;
  }
}

/** Throws "too large" once the lower bound of the size is over the limit. */
export function big(c) {
  if (c.u > MAX_PAYLOAD_BYTES) throw new Stop('E_PAYLOAD_TOO_LARGE', c.u);
}

/** `nz`, then the value's size counted (`pu`); `undefined` when the member is not written. */
export function nzu(c, v, key) {
  const r = nz(v, key);
  if (r !== undefined) pu(c, r);
  return r;
}

/**
 * An unknown member `key` of a model (the slow path of the generated member loops): `nzu`, then,
 * when it is written, the member kept in `x` (key, value) for `unk` and its key's worst-case
 * escapes counted. Returns the normalised value (`undefined`: not written).
 */
export function nzx(c, v, key, x) {
  v = nzu(c, v, key);
  if (v !== undefined) {
    x.push(key, v);
    c.x += 5 * key.length;
    big(c);
  }
  return v;
}
