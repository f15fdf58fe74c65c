// String and number measures, computed only when a value could break a rule.

// Unpaired surrogates (Node 18 has no String.prototype.isWellFormed).
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isWellFormed = String.prototype.isWellFormed;

/** True when `s` holds no unpaired surrogate (it can be sent as UTF-8). */
export function wf(s) {
  return isWellFormed !== undefined ? isWellFormed.call(s) : !LONE.test(s);
}

/** Unicode scalar values in a well-formed string (the docs' 字符). */
export function chars(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800) n--;
  }
  return n;
}

/** UTF-8 bytes of a well-formed string. */
export function bytes(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0x80) n += u < 0x800 || (u & 0xf800) === 0xd800 ? 1 : 2;
  }
  return n;
}

/** An integer the native validator reads as one: an integral number in [-2^63, 2^63). */
export function ii(v) {
  return Number.isInteger(v) && v >= -9223372036854775808 && v < 9223372036854775808;
}

/** The exact decimal text of an integral number (String() rounds beyond 2^53). */
export function ex(v) {
  return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
}

/** `a > b + plus`, exactly (a, b integers; plus an integer, or its decimal text when a double cannot hold it). */
export function gt(a, b, plus) {
  if (typeof plus === 'number') {
    const sum = b + plus;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(sum)) return a > sum;
  }
  return BigInt(a) > BigInt(b) + BigInt(plus);
}

/** Present, not null, and not an empty string, array or object (`n`: its item or member count). */
export function fl(v, n) {
  return v !== undefined && v !== null && (typeof v === 'object' ? n > 0 : v !== '');
}

/** The JSON type name messages use for a (normalised) value. */
export function tn(v) {
  if (v === null) return 'null';
  if (typeof v === 'number') return ii(v) ? 'integer' : 'number';
  return Array.isArray(v) ? 'array' : typeof v;
}
