// validate() without JSON.stringify: walks the payload and writes a "tape" (layout in
// crates/wecom-core/src/tape.rs) straight into wasm memory, then makes one engine call. The
// walk follows the engine's own schema table, so it knows nothing about particular endpoints.
//
// It sees exactly the JSON the client would send: JSON.stringify's rules (own enumerable string
// keys in their order, `toJSON`, boxed primitives unwrapped, undefined/functions/symbols
// skipped in objects and null in arrays, non-finite numbers as null), each property read once.
// Its work is bounded: a payload whose JSON is larger than MAX_PAYLOAD_BYTES throws
// E_PAYLOAD_TOO_LARGE as soon as that is certain, and the tape shrinks back after a large one.
// Unusual payloads (cycles, BigInt, very deep nesting, a getter that throws) and calls made
// from inside a walk (a getter that calls validate()) go to the engine's text path, which gives
// the client's own verdict.
import { MAX_PAYLOAD_BYTES, tooLarge } from './payload.js';

const TAG_NULL = 0;
const TAG_BOOL = 1;
const TAG_NUMBER = 2;
const TAG_STRING = 3;
const TAG_ARRAY = 4;
const TAG_OBJECT = 5;
/** A string with an unpaired surrogate: it cannot be sent as UTF-8 (reported at its path). */
const TAG_BAD_STRING = 6;
const MAX_DEPTH = 100;
/** After a payload that needed more, the tape goes back to this many slots (512 KiB). */
const KEEP_SLOTS = 65_536;

class Bail extends Error {}

const numberValue = Number.prototype.valueOf;
const stringValue = String.prototype.valueOf;
const booleanValue = Boolean.prototype.valueOf;
const bigintValue = typeof BigInt === 'function' ? BigInt.prototype.valueOf : undefined;

/** Calls `f` on `v` and reports whether `v` had the internal slot `f` requires. */
function hasSlot(f, v) {
  if (f === undefined) return false;
  try {
    f.call(v);
    return true;
  } catch {
    return false;
  }
}

/**
 * What JSON.stringify makes of an object that is not a plain object or array: a boxed
 * primitive becomes its primitive (through ToNumber/ToString, as the spec says); anything else
 * stays as it is. A boxed BigInt cannot be serialised.
 */
function unbox(v) {
  if (hasSlot(numberValue, v)) return Number(v);
  if (hasSlot(stringValue, v)) return String(v);
  if (hasSlot(booleanValue, v)) return booleanValue.call(v);
  if (hasSlot(bigintValue, v)) throw new Bail();
  return v;
}

// Unpaired surrogates (Node 18 has no String.prototype.isWellFormed).
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = String.prototype.isWellFormed ? (s) => s.isWellFormed() : (s) => !LONE.test(s);

function skipped(v) {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export function createFastValidate(wasm) {
  const schema = JSON.parse(wasm.__schema());
  const models = schema.models.map((fields) => ({
    index: new Map(fields.map(([name], i) => [name, i])),
    child: fields.map((f) => f[1]),
    elem: fields.map((f) => f[2]),
    // Strings no longer than this cannot break a rule of the field: no need to measure them.
    short: fields.map((f) => (f[3] < 0 ? Infinity : f[3])),
  }));
  const byPath = new Map(schema.endpoints.map(([path, model], index) => [path, { index, model }]));
  let memory = wasm.__memory();

  let tape = new Float64Array(0);
  let ptr = 0;
  let pos = 0;
  let names = [];
  // A lower bound of the length of the payload's JSON text, in UTF-16 units.
  let units = 0;
  // A walk is under way: a validate() from inside it (a getter) takes the text path.
  let walking = false;

  // The view dies when wasm memory grows (inside engine calls, which user code reached from the
  // walk can make): refreshed before each walk, after each reservation and before each patch.
  function refresh() {
    tape = new Float64Array(memory.buffer, ptr, wasm.__tapeCapacity());
  }

  function ensure(slots) {
    if (pos + slots <= tape.length && tape.buffer === memory.buffer) return;
    ptr = wasm.__tapeReserve(Math.max(pos + slots, tape.length * 2));
    if (ptr === 0) throw tooLarge(units);
    refresh();
  }

  /** Writes `v` at slot `at`, written earlier (the view may have been replaced since). */
  function patch(at, v) {
    if (tape.buffer !== memory.buffer) refresh();
    tape[at] = v;
  }

  function grow(n) {
    units += n;
    if (units > MAX_PAYLOAD_BYTES) throw tooLarge(units);
  }

  // UTF-8 bytes and Unicode scalars, exactly as the engine counts them. A string no longer than
  // `short` cannot break any rule of its field, so its UTF-16 length stands in for both (it
  // keeps "empty" exact, and no rule reads the measures of a string it cannot reject).
  function string(s, short) {
    grow(s.length + 2);
    if (s.length <= short && wellFormed(s)) {
      ensure(3);
      tape[pos++] = TAG_STRING;
      tape[pos++] = s.length;
      tape[pos++] = s.length;
      return;
    }
    let bytes = s.length;
    let chars = s.length;
    let tag = TAG_STRING;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) continue;
      if (c < 0x800) {
        bytes += 1;
      } else if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        bytes += 2;
        chars -= 1;
        i++;
      } else if ((c & 0xf800) === 0xd800) {
        tag = TAG_BAD_STRING;
        bytes += 2;
      } else {
        bytes += 2;
      }
    }
    ensure(3);
    tape[pos++] = tag;
    tape[pos++] = bytes;
    tape[pos++] = chars;
  }

  function object(o, model, depth) {
    ensure(3);
    tape[pos++] = TAG_OBJECT;
    const countAt = pos;
    pos += 2;
    grow(2);
    let n = 0;
    const m = model >= 0 ? models[model] : undefined;
    const keys = Object.keys(o);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const v = json(o[key], key);
      if (skipped(v)) continue;
      n++;
      grow(key.length + 4);
      const i = m?.index.get(key);
      ensure(1);
      if (i === undefined) {
        tape[pos++] = -names.push(key);
        value(v, -1, -1, Infinity, depth + 1);
      } else {
        tape[pos++] = i;
        value(v, m.child[i], m.elem[i], m.short[i], depth + 1);
      }
    }
    patch(countAt, n);
    patch(countAt + 1, pos);
  }

  function array(a, elem, depth) {
    const length = a.length;
    grow(2 + length);
    ensure(3);
    tape[pos++] = TAG_ARRAY;
    tape[pos++] = length;
    const endAt = pos++;
    for (let i = 0; i < length; i++) {
      const item = json(a[i], String(i));
      if (skipped(item)) {
        ensure(1);
        tape[pos++] = TAG_NULL;
      } else {
        value(item, elem, -1, Infinity, depth + 1);
      }
    }
    patch(endAt, pos);
  }

  /** `v` as JSON.stringify sees it under `key`: after `toJSON` and unboxing. */
  function json(v, key) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'bigint')) return v;
    const toJSON = v.toJSON;
    if (typeof toJSON === 'function') v = toJSON.call(v, key);
    if (v === null || typeof v !== 'object') return v;
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null || Array.isArray(v)) return v;
    return unbox(v);
  }

  function value(v, model, elem, short, depth) {
    switch (typeof v) {
      case 'string':
        return string(v, short);
      case 'number':
        grow(1);
        ensure(2);
        if (Number.isFinite(v)) {
          tape[pos++] = TAG_NUMBER;
          tape[pos++] = v;
        } else {
          tape[pos++] = TAG_NULL;
        }
        return;
      case 'boolean':
        grow(4);
        ensure(2);
        tape[pos++] = TAG_BOOL;
        tape[pos++] = v ? 1 : 0;
        return;
      case 'object':
        if (v === null) break;
        if (depth > MAX_DEPTH) throw new Bail();
        if (Array.isArray(v)) return array(v, elem, depth);
        return object(v, model, depth);
      case 'bigint':
        throw new Bail();
      default:
        break;
    }
    grow(4);
    ensure(1);
    tape[pos++] = TAG_NULL;
  }

  function localeCode(options) {
    if (options === undefined || options === null) return 0;
    const l = options.locale;
    if (l === undefined || l === null) return 0;
    if (typeof l !== 'string') return -1;
    return l.trim().slice(0, 2).toLowerCase() === 'en' ? 1 : 0;
  }

  /** Walks `payload` onto the tape; returns the slots written. */
  function walk(payload, model) {
    pos = 0;
    names = [];
    units = 0;
    if (tape.buffer !== memory.buffer) refresh();
    const root = payload === undefined ? {} : json(payload, '');
    if (skipped(root)) {
      ensure(1);
      tape[pos++] = TAG_NULL;
    } else {
      value(root, model, -1, Infinity, 0);
    }
    // Escapes make JSON text up to 6 units per character: near the limit, measure it exactly.
    if (units * 6 > MAX_PAYLOAD_BYTES) {
      const text = JSON.stringify(payload);
      if (text !== undefined && text.length > MAX_PAYLOAD_BYTES) throw tooLarge(text.length);
    }
    return pos;
  }

  function validate(endpoint, payload, options) {
    const ep = typeof endpoint === 'string' ? byPath.get(endpoint) : undefined;
    const locale = localeCode(options);
    if (ep === undefined || locale < 0 || walking) return wasm.validate(endpoint, payload, options);
    let len;
    walking = true;
    try {
      len = walk(payload, ep.model);
    } catch (err) {
      if (err?.code === 'E_PAYLOAD_TOO_LARGE') throw err;
      // Bail-outs, and payloads whose getters or proxies throw: the engine's text path gives
      // the same verdict the client would, or the typed error (E_INVALID_PAYLOAD). The walk is
      // over before that path runs the payload's getters again (they may call validate()).
      walking = false;
      return wasm.validate(endpoint, payload, options);
    } finally {
      walking = false;
    }
    const out = wasm.__validateTape(ep.index, len, names.length > 0 ? names : undefined, locale);
    names = [];
    if (len > KEEP_SLOTS) {
      ptr = wasm.__tapeShrink(KEEP_SLOTS);
      refresh();
    }
    return out === undefined ? { valid: true, errors: [] } : JSON.parse(out);
  }

  /** Lets go of the engine's memory (the engine was retired). */
  validate.dispose = () => {
    tape = new Float64Array(0);
    memory = undefined;
    names = [];
  };

  return validate;
}
