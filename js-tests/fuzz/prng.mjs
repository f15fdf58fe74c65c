// The fuzz suite's randomness: a small seeded PRNG (sfc32, seeded through splitmix32), so every
// failure can be replayed from its seed and iteration number. Each iteration of each target gets
// its own generator derived from (seed, target, iteration): iteration N replays alone.

/** splitmix32: spreads a 32-bit state into well-mixed 32-bit outputs (used for seeding). */
function splitmix32(state) {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a of a string: turns a target name into 32 bits. */
function hashText(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A random source with the helpers the generators use. `next()` is uniform in [0, 1).
 * Built on sfc32 (four 32-bit words of state, passes PractRand far beyond what we draw).
 */
export class Rng {
  /** @param {number} seed 32-bit seed */
  constructor(seed) {
    const mix = splitmix32(seed);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Derives the generator of one iteration of one target. */
  static forIteration(seed, target, iteration) {
    return new Rng((seed ^ hashText(target) ^ Math.imul(iteration + 1, 0x27d4eb2d)) >>> 0);
  }

  /** A uniform 32-bit unsigned integer. */
  u32() {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next() {
    return this.u32() / 0x100000000;
  }

  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick(items) {
    return items[this.int(items.length)];
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted(choices) {
    let total = 0;
    for (const [w] of choices) total += w;
    let x = this.next() * total;
    for (const [w, v] of choices) {
      x -= w;
      if (x < 0) return v;
    }
    return choices[choices.length - 1][1];
  }

  /** A length biased to small values, sometimes up to `max` (log-uniform-ish). */
  size(max) {
    if (this.chance(0.6)) return this.int(Math.min(max, 8) + 1);
    const bits = Math.log2(max + 1);
    return Math.min(max, Math.floor(2 ** (this.next() * bits)));
  }
}

/** Parses an integer environment variable, or `fallback`. */
export function envInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** The suite's seed: WECOM_FUZZ_SEED, or a fixed default so CI runs are reproducible. */
export function suiteSeed() {
  return envInt('WECOM_FUZZ_SEED', 0x5eed2024) >>> 0;
}
