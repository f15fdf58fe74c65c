// The world's deterministic random numbers: a small 32-bit generator (a Weyl sequence run
// through an integer mixer), so that the same seed always builds the same world.

const ALNUM_CODES = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'].map((c) => c.charCodeAt(0));
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/**
 * A seeded generator of 32-bit numbers and the few derived draws the seeders need.
 */
export class Prng {
  /**
   * @param {number} seed An integer 0..2^32-1.
   */
  constructor(seed) {
    /** @type {number} */
    this.state = seed >>> 0;
  }

  /**
   * The next 32-bit unsigned integer.
   * @returns {number}
   */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /**
   * An integer in [0, n) (n ≥ 1; n ≤ 2^32).
   * @param {number} n
   * @returns {number}
   */
  below(n) {
    return Math.floor((this.next() / 4294967296) * n);
  }

  /**
   * An integer in [lo, hi].
   * @param {number} lo
   * @param {number} hi
   * @returns {number}
   */
  between(lo, hi) {
    return lo + this.below(hi - lo + 1);
  }

  /**
   * true with probability `p` (0..1).
   * @param {number} p
   * @returns {boolean}
   */
  chance(p) {
    return this.next() / 4294967296 < p;
  }

  /**
   * One element of a non-empty array.
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  pick(items) {
    return items[this.below(items.length)];
  }

  /**
   * `length` lower-case hex digits.
   * @param {number} length
   * @returns {string}
   */
  hex(length) {
    const codes = new Array(length);
    let v = 0;
    for (let i = 0; i < length; i += 1) {
      if ((i & 7) === 0) v = this.next();
      codes[i] = HEX_CODES[v & 15];
      v >>>= 4;
    }
    return String.fromCharCode.apply(null, codes);
  }

  /**
   * `prefix` followed by `length` characters of `A-Z a-z 0-9`, as one flat string (a `+=` loop or
   * `prefix + rest` would keep a chain of pieces in memory for every id).
   * @param {number} length
   * @param {string} [prefix='']
   * @returns {string}
   */
  alnum(length, prefix = '') {
    const codes = new Array(prefix.length + length);
    for (let i = 0; i < prefix.length; i += 1) codes[i] = prefix.charCodeAt(i);
    for (let i = prefix.length; i < codes.length; i += 1) codes[i] = ALNUM_CODES[this.below(62)];
    return String.fromCharCode.apply(null, codes);
  }
}
