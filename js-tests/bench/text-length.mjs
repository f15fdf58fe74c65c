// String measures shared by the benchmark's peer validators (zod, ajv, the hand-written one).
// Plain JS with no Node API, so the same code runs in Node and in the Chromium bench page.

/**
 * UTF-8 length of a JS string, in bytes. A surrogate pair is 4 bytes; a lone surrogate counts 3
 * (what U+FFFD would take), though the validators reject lone surrogates anyway.
 */
export function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // 2 units → 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/** Number of Unicode code points (a surrogate pair counts once). */
export function codePointLength(s) {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the string has no unpaired surrogate (String.prototype.isWellFormed where it exists). */
export const isWellFormed =
  typeof String.prototype.isWellFormed === 'function'
    ? (s) => s.isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);
