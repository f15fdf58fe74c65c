// validate() without JSON.stringify: walks the payload and writes a "tape" (layout in
// crates/wecom-core/src/tape.rs) straight into wasm memory, then makes one engine call. The
// walk follows the engine's own schema table, so it knows nothing about particular endpoints.
// Anything unusual (unknown endpoint, odd options, BigInt, cycles) goes to the engine's
// text-based validate, which owns every error message.

const TAG_NULL = 0;
const TAG_BOOL = 1;
const TAG_NUMBER = 2;
const TAG_STRING = 3;
const TAG_ARRAY = 4;
const TAG_OBJECT = 5;
const MAX_DEPTH = 100;

class Bail extends Error {}

// An unpaired surrogate cannot be sent as UTF-8; such payloads go to the engine's text path so
// that validate() and the client agree. Node 20+ and current browsers have isWellFormed.
const SURROGATE = /[\uD800-\uDFFF]/;
const wellFormed = String.prototype.isWellFormed
  ? (s) => s.isWellFormed()
  : (s) => !SURROGATE.test(s) || encodeURIComponentSafe(s);

function encodeURIComponentSafe(s) {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

// Reads a model's fields of an object, in field order, into `out` from `at`. Compiled per model
// from the engine's field table (named property loads are far cheaper than keyed ones, as in
// zod 4); where the page forbids eval (CSP), a plain loop does the same.
function fieldReader(fields) {
  const names = fields.map((f) => f[0]);
  try {
    const body = names.map((name, i) => `out[at + ${i}] = o[${JSON.stringify(name)}];`).join('\n');
    return new Function('o', 'out', 'at', body);
  } catch {
    return (o, out, at) => {
      for (let i = 0; i < names.length; i++) out[at + i] = o[names[i]];
    };
  }
}

export function createFastValidate(wasm) {
  const schema = JSON.parse(wasm.__schema());
  const models = schema.models.map((fields) => ({
    read: fieldReader(fields),
    size: fields.length,
    index: new Map(fields.map(([name], i) => [name, i])),
    child: fields.map((f) => f[1]),
    elem: fields.map((f) => f[2]),
    // Strings no longer than this cannot break a rule of the field: no need to measure them.
    short: fields.map((f) => (f[3] < 0 ? Infinity : f[3])),
  }));
  const byPath = new Map(schema.endpoints.map(([path, model], index) => [path, { index, model }]));
  const memory = wasm.__memory();

  let tape = new Float64Array(0);
  let ptr = 0;
  let pos = 0;
  let names = [];
  // Field values of the objects being walked (a stack: nested objects use the part above).
  const stack = [];
  let sp = 0;

  // The view dies when wasm memory grows, which only happens inside engine calls: refreshed
  // before each walk and after each reservation.
  function refresh() {
    tape = new Float64Array(memory.buffer, ptr, wasm.__tapeCapacity());
  }

  function ensure(slots) {
    if (pos + slots <= tape.length) return;
    ptr = wasm.__tapeReserve(Math.max(pos + slots, tape.length * 2));
    refresh();
  }

  // UTF-8 bytes and Unicode scalars, exactly as the engine counts them. A string no longer than
  // `short` cannot break any rule of its field, so its UTF-16 length stands in for both (it
  // keeps "empty" exact, and no rule reads the measures of a string it cannot reject).
  function string(s, short) {
    if (s.length <= short) {
      if (!wellFormed(s)) throw new Bail();
      ensure(3);
      tape[pos++] = TAG_STRING;
      tape[pos++] = s.length;
      tape[pos++] = s.length;
      return;
    }
    let bytes = s.length;
    let chars = s.length;
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
        // An unpaired surrogate cannot be sent as UTF-8: let the engine's text path report it.
        throw new Bail();
      } else {
        bytes += 2;
      }
    }
    ensure(3);
    tape[pos++] = TAG_STRING;
    tape[pos++] = bytes;
    tape[pos++] = chars;
  }

  function skipped(v) {
    return v === undefined || typeof v === 'function' || typeof v === 'symbol';
  }

  function unknownMembers(o, m, depth) {
    let n = 0;
    const keys = Object.keys(o);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (m !== undefined && m.index.has(key)) continue;
      const v = o[key];
      if (skipped(v)) continue;
      n++;
      ensure(1);
      tape[pos++] = -names.push(key);
      value(v, -1, -1, Infinity, depth + 1);
    }
    return n;
  }

  function object(o, model, depth) {
    ensure(3);
    tape[pos++] = TAG_OBJECT;
    const countAt = pos;
    pos += 2;
    let n = 0;
    const m = model >= 0 ? models[model] : undefined;
    if (m === undefined) {
      n = unknownMembers(o, m, depth);
    } else {
      const base = sp;
      sp += m.size;
      m.read(o, stack, base);
      for (let i = 0; i < m.size; i++) {
        const v = stack[base + i];
        if (skipped(v)) continue;
        n++;
        ensure(1);
        tape[pos++] = i;
        value(v, m.child[i], m.elem[i], m.short[i], depth + 1);
      }
      sp = base;
      // Members that are not fields of the model (rare): only when the counts disagree.
      if (Object.keys(o).length !== n) n += unknownMembers(o, m, depth);
    }
    tape[countAt] = n;
    tape[countAt + 1] = pos;
  }

  function value(v, model, elem, short, depth) {
    switch (typeof v) {
      case 'string':
        return string(v, short);
      case 'number':
        ensure(2);
        if (Number.isFinite(v)) {
          tape[pos++] = TAG_NUMBER;
          tape[pos++] = v;
        } else {
          tape[pos++] = TAG_NULL;
        }
        return;
      case 'boolean':
        ensure(2);
        tape[pos++] = TAG_BOOL;
        tape[pos++] = v ? 1 : 0;
        return;
      case 'object':
        if (v === null) break;
        if (depth > MAX_DEPTH || typeof v.toJSON === 'function') throw new Bail();
        if (Array.isArray(v)) {
          ensure(3);
          tape[pos++] = TAG_ARRAY;
          tape[pos++] = v.length;
          const endAt = pos++;
          for (let i = 0; i < v.length; i++) {
            const item = v[i];
            if (skipped(item)) {
              ensure(1);
              tape[pos++] = TAG_NULL;
            } else {
              value(item, elem, -1, Infinity, depth + 1);
            }
          }
          tape[endAt] = pos;
          return;
        }
        return object(v, model, depth);
      case 'bigint':
        throw new Bail();
      default:
        break;
    }
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

  return function validate(endpoint, payload, options) {
    const ep = byPath.get(endpoint);
    const locale = localeCode(options);
    if (ep === undefined || locale < 0) return wasm.validate(endpoint, payload, options);
    pos = 0;
    sp = 0;
    names = [];
    if (tape.buffer !== memory.buffer) refresh();
    try {
      value(payload === undefined ? {} : payload, ep.model, -1, Infinity, 0);
    } catch {
      // Bail-outs, and payloads whose getters or proxies throw: the engine's text path gives
      // the same verdict the client would, or the typed error (E_INVALID_PAYLOAD).
      return wasm.validate(endpoint, payload, options);
    }
    const out = wasm.__validateTape(ep.index, pos, names.length > 0 ? names : undefined, locale);
    return out === undefined ? { valid: true, errors: [] } : JSON.parse(out);
  };
}
