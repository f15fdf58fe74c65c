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

export function createFastValidate(wasm) {
  const schema = JSON.parse(wasm.__schema());
  const models = schema.models.map((fields) => ({
    index: new Map(fields.map(([name], i) => [name, i])),
    child: fields.map((f) => f[1]),
    elem: fields.map((f) => f[2]),
  }));
  const byPath = new Map(schema.endpoints.map(([path, model], index) => [path, { index, model }]));
  const memory = wasm.__memory();

  let tape = new Float64Array(0);
  let ptr = 0;
  let pos = 0;
  let names = [];

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

  // UTF-8 bytes and Unicode scalars, exactly as the engine counts them.
  function string(s) {
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

  function object(o, model, depth) {
    const m = model >= 0 ? models[model] : undefined;
    const keys = Object.keys(o);
    ensure(3);
    tape[pos++] = TAG_OBJECT;
    const countAt = pos;
    pos += 2;
    let n = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      const v = o[key];
      if (skipped(v)) continue;
      n++;
      const i = m === undefined ? undefined : m.index.get(key);
      ensure(1);
      if (i === undefined) {
        tape[pos++] = -names.push(key);
        value(v, -1, -1, depth + 1);
      } else {
        tape[pos++] = i;
        value(v, m.child[i], m.elem[i], depth + 1);
      }
    }
    tape[countAt] = n;
    tape[countAt + 1] = pos;
  }

  function value(v, model, elem, depth) {
    switch (typeof v) {
      case 'string':
        return string(v);
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
              value(item, elem, -1, depth + 1);
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
    names = [];
    if (tape.buffer !== memory.buffer) refresh();
    try {
      value(payload === undefined ? {} : payload, ep.model, -1, 0);
    } catch {
      // Bail-outs, and payloads whose getters or proxies throw: the engine's text path gives
      // the same verdict the client would, or the typed error (E_INVALID_PAYLOAD).
      return wasm.validate(endpoint, payload, options);
    }
    const out = wasm.__validateTape(ep.index, pos, names.length > 0 ? names : undefined, locale);
    return out === undefined ? { valid: true, errors: [] } : JSON.parse(out);
  };
}
