// Generators of random JSON-ish values and of adversarial JS objects for the fuzz suite. Every
// generator takes an Rng and a context `ctx`; a generator that makes something whose reads are
// not repeatable (a getter that answers differently each time, a proxy with state) sets
// `ctx.unstable = true`, so that properties needing "the same payload twice" can skip it.

/** An exception thrown by a hostile input's own code (getter, trap, toJSON), marked as such. */
export function hostile(error) {
  error.fromFuzzInput = true;
  return error;
}

/** Numbers that break naive code: signs of zero, non-finite, limits, huge and tiny magnitudes. */
export const ODD_NUMBERS = [
  0, -0, 1, -1, 2, 0.5, -0.5, 1.5, NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_VALUE, 5e-324,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 2 ** 31, 2 ** 31 - 1, -(2 ** 31),
  2 ** 32, 2 ** 32 - 1, 2 ** 53, 2 ** 63, -(2 ** 63), 2 ** 64, 1e20, 1e21, 1209600, 1209601, 1000, 1001, 100, 101, 30,
  31, 4000, 4001, 3, 4, 4294967295, 4294967296, 45009.5, 1e-7,
];

/** Keys that meet prototype machinery, engine internals, or odd text. */
export const ODD_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then', 'length',
  '0', '-1', '4294967295', '1e3', '', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDC00x', '😀', '键', 'a/b', '~0', '~1',
  'x'.repeat(300), 'type', 'scene', 'user', 'remark', 'config_id', 'external_userid', 'errcode',
];

const ASCII = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
const PIECES = [
  () => '\u0000', () => '\u0001\u001f\u007f', () => '\uD800', () => '\uDBFF', () => '\uDC00', () => '\uDFFF',
  () => '😀', () => '👩‍💻', () => '🇨🇳', () => '中', () => '字', () => 'é', () => 'e\u0301', () => '\u2028\u2029',
  () => '\uFEFF', () => '\uFFFF', () => '\uFFFE', () => '\u202E', () => '<![CDATA[', () => ']]>', () => '</xml>',
  () => '&amp;', () => '"', () => '\\', () => '\\u0000', () => '%00', () => '%2B', () => '\r\n', () => '\t',
];

/** A random string: mixes ASCII, CJK, emoji, lone surrogates, NUL and controls; sometimes long. */
export function randomString(rng, maxLength = 2000) {
  const mode = rng.weighted([[5, 'short'], [2, 'limit'], [2, 'mixed'], [1, 'repeat']]);
  if (mode === 'limit') {
    const unit = rng.pick(['x', '中', '😀', 'é', '\uD800']);
    return unit.repeat(rng.pick([29, 30, 31, 32, 100, 101, 128, 129, 1333, 1334, 4000, 4001]));
  }
  if (mode === 'repeat') {
    const unit = rng.chance(0.5) ? rng.pick(ASCII) : rng.pick(PIECES)();
    return unit.repeat(rng.size(Math.max(maxLength, 1) * 50));
  }
  const n = rng.size(mode === 'short' ? 40 : maxLength);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = rng.int(10);
    if (k < 6) s += ASCII[rng.int(ASCII.length)];
    else if (k < 8) s += String.fromCharCode(0x4e00 + rng.int(0x5000));
    else if (k < 9) s += String.fromCodePoint(0x1f300 + rng.int(0x300));
    else s += rng.pick(PIECES)();
  }
  return s;
}

/** A random primitive, including the ones JSON cannot carry (BigInt, Symbol, functions, undefined). */
export function randomPrimitive(rng) {
  switch (rng.int(12)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: case 3: return rng.pick(ODD_NUMBERS);
    case 4: return rng.chance(0.5) ? rng.int(2000) - 1000 : (rng.next() - 0.5) * 10 ** rng.int(40);
    case 5: case 6: case 7: return randomString(rng);
    case 8: return rng.chance(0.5) ? BigInt(rng.int(10)) : 2n ** 64n;
    case 9: return Symbol(rng.pick(['s', 'type', '']));
    case 10: return rng.chance(0.5) ? undefined : () => 1;
    default: return rng.pick(ODD_KEYS);
  }
}

/** A random key for an object: odd keys, schema-like names, random text. */
export function randomKey(rng) {
  return rng.chance(0.5) ? rng.pick(ODD_KEYS) : randomString(rng, 30);
}

/** Sets `key` on `obj` as an own, enumerable data property even for '__proto__'. */
export function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
}

/**
 * A random JSON-ish value of nesting at most `depth`: primitives, arrays, objects (plain and
 * adversarial), deep chains and wide containers.
 */
export function randomValue(rng, ctx, depth = 6) {
  if (depth <= 0) return randomPrimitive(rng);
  switch (rng.weighted([[8, 'prim'], [3, 'array'], [3, 'object'], [1, 'deep'], [1, 'wide'], [3, 'odd']])) {
    case 'prim':
      return randomPrimitive(rng);
    case 'array': {
      const n = rng.size(20);
      const out = [];
      for (let i = 0; i < n; i++) out.push(randomValue(rng, ctx, depth - 1));
      return out;
    }
    case 'object': {
      const n = rng.size(12);
      const out = rng.chance(0.1) ? Object.create(null) : {};
      for (let i = 0; i < n; i++) setOwn(out, randomKey(rng), randomValue(rng, ctx, depth - 1));
      return out;
    }
    case 'deep':
      return deepChain(rng, rng.range(20, 220), randomPrimitive(rng));
    case 'wide':
      return wide(rng);
    default:
      return adversarial(rng, ctx, depth - 1);
  }
}

/** Nested arrays/objects `levels` deep around `leaf`. */
export function deepChain(rng, levels, leaf) {
  const kind = rng.pick(['array', 'object', 'mixed']);
  let v = leaf;
  for (let i = 0; i < levels; i++) {
    const asArray = kind === 'array' || (kind === 'mixed' && rng.chance(0.5));
    v = asArray ? [v] : { [rng.pick(['text', 'a', 'conclusions', 'user'])]: v };
  }
  return v;
}

/** A wide array or object: many items (up to a few tens of thousands). */
export function wide(rng) {
  const n = rng.chance(0.9) ? rng.range(100, 3000) : rng.range(3000, 30000);
  const item = rng.pick([5, 'u', '', null, {}, [], 1.5, '😀'.repeat(3)]);
  if (rng.chance(0.7)) return new Array(n).fill(item);
  const out = {};
  for (let i = 0; i < n; i++) out[`k${i}`] = item;
  return out;
}

/** An adversarial JS object: getters, proxies, toJSON, boxed primitives, cycles, exotic types. */
export function adversarial(rng, ctx, depth = 3) {
  const inner = () => randomValue(rng, ctx, Math.max(0, depth - 1));
  switch (rng.int(24)) {
    case 0:
      return Object.defineProperty({}, rng.pick(['type', 'remark', 'user', 'x']), { enumerable: true, get() { throw hostile(new Error('getter exploded')); } });
    case 1: {
      ctx.unstable = true;
      let reads = 0;
      return Object.defineProperty({}, rng.pick(['type', 'remark', 'user', 'scene']), {
        enumerable: true,
        get: () => (reads++ % 2 === 0 ? 1 : ['x'.repeat(40), { a: 1 }]),
      });
    }
    case 2:
      return new Proxy({}, { ownKeys() { throw hostile(new Error('ownKeys trap')); } });
    case 3:
      return new Proxy({ type: 1 }, { get() { throw hostile(new RangeError('get trap')); } });
    case 4:
      return new Proxy([1, 2, 3], { get(t, k) { if (k === 'length') throw hostile(new Error('length trap')); return Reflect.get(t, k); } });
    case 5: {
      const result = rng.pick([undefined, null, 5, 'text', () => 1, Symbol('j'), { toJSON: () => 'nested' }, 'x'.repeat(5000), [inner()]]);
      return { toJSON: () => result, ignored: 'x'.repeat(50) };
    }
    case 6:
      return { toJSON() { throw hostile(new TypeError('toJSON exploded')); } };
    case 7:
      return { toJSON: () => 1n };
    case 8:
      return rng.pick([new String(randomString(rng, 40)), new Number(rng.pick(ODD_NUMBERS)), new Boolean(rng.chance(0.5)), Object(Symbol('boxed')), Object(3n)]);
    case 9: {
      const o = Object.create(null);
      setOwn(o, randomKey(rng), inner());
      return o;
    }
    case 10: {
      const o = { a: inner() };
      o.self = rng.chance(0.5) ? o : [o];
      return o;
    }
    case 11: {
      const a = [];
      a[rng.pick([3, 100, 10000])] = inner();
      return a;
    }
    case 12:
      return rng.pick([new Uint8Array(rng.size(64)), new Float64Array([NaN, -0, 1e308]), new BigInt64Array(2), new ArrayBuffer(8), new DataView(new ArrayBuffer(4))]);
    case 13:
      return rng.pick([new Date(0), new Date(NaN), new Date(8.64e15)]);
    case 14:
      return rng.pick([new Map([['type', 1]]), new Set([1, 2]), new WeakMap(), /re/g, new Error('an error'), Promise.resolve(1)]);
    case 15:
      return Object.create({ remark: 'x'.repeat(999), type: 3, user: ['inherited'] });
    case 16:
      return Object.defineProperty({ visible: 1 }, rng.pick(['remark', 'type', 'user']), { value: 'x'.repeat(99), enumerable: false });
    case 17:
      return { [Symbol('type')]: 1, [Symbol.toPrimitive]: () => { throw hostile(new Error('toPrimitive')); } };
    case 18:
      return Object.assign([1, 2], { extra: inner() });
    case 19: {
      ctx.unstable = true;
      let n = 0;
      return new Proxy([], { get(t, k) { if (k === 'length') return (n++ % 3) * 2; return k in t ? t[k] : 'p'; } });
    }
    case 20:
      return Object.freeze({ frozen: inner() });
    case 21:
      return new (class Custom { constructor() { this.field = 1; } get computed() { return 'c'; } })();
    case 22:
      return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"p":1}}}');
    default:
      return { valueOf: () => 1, toString: () => { throw hostile(new Error('toString')); }, inner: inner() };
  }
}
