// A hand-written plain-JS validator of add_contact_way: the floor the generated validators are
// measured against. It produces the report of the validation spec (issue 9):
// { valid, errors, warnings[, truncated] } with issues { path, rule, message, params }, zh-CN or en
// messages, unknown fields and the "ignored by WeCom" cross-field rules (R-CW-08, R-CW-11…14) as
// warnings, `strict` moving warnings into errors, at most 100 issues. Same rule order as the spec.
// What it leaves out (a form's own validator would not bother; see README): the JSON.stringify
// normalisation (toJSON, boxed primitives, functions/symbols as absent), cycle, size and depth
// limits. Portable: no Node API, so it also runs in the Chromium bench page.

import { codePointLength, isWellFormed, utf8Length } from './text-length.mjs';

const MAX_ISSUES = 100;
const I64_MIN = -(2 ** 63);
const I64_END = 2 ** 63;
const U32_MAX = 4294967295;
const FOURTEEN_DAYS = 14 * 24 * 3600;

const TYPE_ZH = { string: '字符串', integer: '整数', number: '小数', boolean: '布尔值', array: '数组', object: '对象', null: 'null' };
const TEXT = {
  unicode: { zh: '包含不成对的代理项（无效的 UTF-16 文本）', en: 'contains an unpaired surrogate (invalid UTF-16 text)' },
  partyOnlyMulti: { zh: '仅在 type 为 2（多人）时可以填写', en: 'is only allowed when type is 2 (multiple members)' },
  onlySingleForTemp: { zh: '临时会话模式仅支持单人类型（type=1）', en: 'temporary mode (is_temp) is only supported for type 1 (single member)' },
  onlyWithTemp: { zh: '仅在 is_temp 为 true（临时会话模式）时可以填写', en: 'is only allowed when is_temp is true' },
  conclusionsEmpty: { zh: '结束语的 text、image、link、miniprogram 不能全部为空', en: 'text, image, link and miniprogram must not all be empty' },
  conclusionsExclusive: { zh: 'image、link、miniprogram 只能填写其中一个', en: 'only one of image, link and miniprogram may be given' },
};
const NO_PARAMS = Object.freeze({});

/** The report being built: issues in one sequence, each sent to errors or warnings. */
class Cx {
  constructor(en, strict) {
    this.en = en;
    this.strict = strict;
    this.errors = [];
    this.warnings = [];
    this.count = 0;
    this.full = false;
  }
  push(warning, path, rule, message, params) {
    if (this.full) return;
    if (this.count === MAX_ISSUES) {
      this.full = true;
      return;
    }
    this.count++;
    (warning && !this.strict ? this.warnings : this.errors).push({ path, rule, message, params });
  }
  required(path, rule) {
    this.push(false, path, rule, this.en ? 'is required and must not be empty' : '必填，不能为空', NO_PARAMS);
  }
  text(warning, path, rule, t) {
    this.push(warning, path, rule, this.en ? t.en : t.zh, NO_PARAMS);
  }
  /** A value of the wrong JSON type (or a string with an unpaired surrogate, whatever was expected). */
  wrongType(path, expected, v) {
    if (typeof v === 'string' && !isWellFormed(v)) return this.text(false, path, 'json-unicode', TEXT.unicode);
    const actual = typeName(v);
    const message = this.en ? `must be ${expected}, got ${actual}` : `类型错误：应为${TYPE_ZH[expected]}，实际为${TYPE_ZH[actual]}`;
    this.push(false, path, 'json-type', message, { expected, actual });
  }
  range(path, rule, min, max, actual) {
    const a = Number.isSafeInteger(actual) ? String(actual) : BigInt(actual).toString();
    const message = this.en ? `must be between ${min} and ${max} (got ${a})` : `必须在 ${min} 到 ${max} 之间（当前 ${a}）`;
    this.push(false, path, rule, message, { min, max, actual });
  }
}

const isI64 = (v) => Number.isInteger(v) && v >= I64_MIN && v < I64_END;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (v) => v !== undefined && v !== null;

function typeName(v) {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return isI64(v) ? 'integer' : 'number';
    case 'string':
      return 'string';
  }
  return Array.isArray(v) ? 'array' : 'object';
}

/** Present, not null, and not "" / [] / {}. */
function filled(v) {
  if (!has(v)) return false;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') {
    for (const k in v) if (Object.hasOwn(v, k)) return true;
    return false;
  }
  return true;
}

/** A string field: type, then its length rule (code points or UTF-8 bytes). */
function str(cx, v, path, maxChars, maxBytes, rule) {
  if (typeof v !== 'string') return cx.wrongType(path, 'string', v);
  if (!isWellFormed(v)) return cx.text(false, path, 'json-unicode', TEXT.unicode);
  if (maxChars > 0 && v.length > maxChars) {
    const n = codePointLength(v);
    if (n > maxChars) {
      const message = cx.en ? `must be at most ${maxChars} characters (got ${n})` : `最多 ${maxChars} 个字符（当前 ${n} 个）`;
      cx.push(false, path, rule, message, { max: maxChars, actual: n });
    }
  }
  // A string of `maxBytes / 3` UTF-16 units or fewer cannot exceed `maxBytes`.
  if (maxBytes > 0 && v.length * 3 > maxBytes) {
    const n = utf8Length(v);
    if (n > maxBytes) {
      const message = cx.en ? `must be at most ${maxBytes} bytes in UTF-8 (got ${n})` : `最多 ${maxBytes} 字节（UTF-8 编码，当前 ${n} 字节）`;
      cx.push(false, path, rule, message, { max: maxBytes, actual: n });
    }
  }
}

/** A required string field: absent, null or "" is `Required`. */
function reqStr(cx, v, path, maxBytes, rule) {
  if (v === undefined || v === null || v === '') return cx.required(path, rule);
  str(cx, v, path, 0, maxBytes, rule);
}

function bool(cx, v, path) {
  if (typeof v !== 'boolean') cx.wrongType(path, 'boolean', v);
}

/** An integer of kind [kmin, kmax], with the field's own Range rule (rule, rmin, rmax) if any. */
function int(cx, v, path, kmin, kmax, rule, rmin, rmax) {
  if (typeof v !== 'number' || !Number.isInteger(v)) return cx.wrongType(path, 'integer', v);
  const r = rule ?? 'integer-range';
  const lo = rule ? rmin : kmin;
  const hi = rule ? rmax : kmax;
  if (!isI64(v)) {
    const message = cx.en
      ? `must be between ${lo} and ${hi} (got a number beyond 64-bit integers)`
      : `必须在 ${lo} 到 ${hi} 之间（当前值超出整数范围）`;
    return cx.push(false, path, r, message, { min: lo, max: hi });
  }
  if (v < kmin || v > kmax || (rule && (v < rmin || v > rmax))) cx.range(path, r, lo, hi, v);
}

/** type and scene: 1 or 2. */
function oneOf12(cx, v, path, rule) {
  if (v === undefined || v === null) return cx.required(path, rule);
  if (typeof v !== 'number' || !isI64(v)) return cx.wrongType(path, 'integer', v);
  if (v !== 1 && v !== 2) {
    const message = cx.en ? `must be one of 1, 2 (got ${v})` : `取值只能是 1、2（当前 ${v}）`;
    cx.push(false, path, rule, message, { allowed: [1, 2], actual: v });
  }
}

function escapeKey(k) {
  return k.includes('~') || k.includes('/') ? k.replaceAll('~', '~0').replaceAll('/', '~1') : k;
}

/**
 * Unknown members: a warning each, then their strings scanned for unpaired surrogates. `present`
 * is how many known fields the object has (not undefined): when it has no more keys than that,
 * there is nothing to look for.
 */
function unknown(cx, o, path, known, present) {
  if (Object.keys(o).length === present) return;
  for (const k in o) {
    if (known.has(k) || !Object.hasOwn(o, k) || o[k] === undefined) continue;
    const p = `${path}/${escapeKey(k)}`;
    cx.push(true, p, 'unknown-field', cx.en ? 'is not a field of this request' : '接口不支持该字段', NO_PARAMS);
    scan(cx, o[k], p);
  }
}

function scan(cx, v, path) {
  if (typeof v === 'string') {
    if (!isWellFormed(v)) cx.text(false, path, 'json-unicode', TEXT.unicode);
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) scan(cx, v[i], `${path}/${i}`);
  } else if (typeof v === 'object' && v !== null) {
    for (const k of Object.keys(v)) if (v[k] !== undefined) scan(cx, v[k], `${path}/${escapeKey(k)}`);
  }
}

/** An optional nested object field (present: returns 1, to count it). */
function obj(cx, v, path, check) {
  if (!isObject(v)) cx.wrongType(path, 'object', v);
  else check(cx, v, path);
  return 1;
}

const TEXT_FIELDS = new Set(['content']);
function conclusionsText(cx, o, path) {
  reqStr(cx, o.content, `${path}/content`, 4000, 'R-CW-20');
  unknown(cx, o, path, TEXT_FIELDS, +(o.content !== undefined));
}

const IMAGE_FIELDS = new Set(['media_id']);
function conclusionsImage(cx, o, path) {
  reqStr(cx, o.media_id, `${path}/media_id`, 0, 'R-CW-20');
  unknown(cx, o, path, IMAGE_FIELDS, +(o.media_id !== undefined));
}

const LINK_FIELDS = new Set(['title', 'picurl', 'desc', 'url']);
function conclusionsLink(cx, o, path) {
  let n = +(o.title !== undefined) + +(o.url !== undefined);
  reqStr(cx, o.title, `${path}/title`, 128, 'R-CW-20');
  if (o.picurl !== undefined) {
    n++;
    str(cx, o.picurl, `${path}/picurl`, 0, 0);
  }
  if (o.desc !== undefined) {
    n++;
    str(cx, o.desc, `${path}/desc`, 0, 512, 'R-CW-20');
  }
  reqStr(cx, o.url, `${path}/url`, 0, 'R-CW-20');
  unknown(cx, o, path, LINK_FIELDS, n);
}

const MINI_FIELDS = new Set(['title', 'pic_media_id', 'appid', 'page']);
function conclusionsMiniprogram(cx, o, path) {
  reqStr(cx, o.title, `${path}/title`, 64, 'R-CW-20');
  reqStr(cx, o.pic_media_id, `${path}/pic_media_id`, 0, 'R-CW-20');
  reqStr(cx, o.appid, `${path}/appid`, 0, 'R-CW-20');
  reqStr(cx, o.page, `${path}/page`, 0, 'R-CW-20');
  const n = +(o.title !== undefined) + +(o.pic_media_id !== undefined) + +(o.appid !== undefined) + +(o.page !== undefined);
  unknown(cx, o, path, MINI_FIELDS, n);
}

const CONCLUSIONS_FIELDS = new Set(['text', 'image', 'link', 'miniprogram']);
function conclusions(cx, o, path) {
  let n = 0;
  if (o.text !== undefined) n += obj(cx, o.text, `${path}/text`, conclusionsText);
  if (o.image !== undefined) n += obj(cx, o.image, `${path}/image`, conclusionsImage);
  if (o.link !== undefined) n += obj(cx, o.link, `${path}/link`, conclusionsLink);
  if (o.miniprogram !== undefined) n += obj(cx, o.miniprogram, `${path}/miniprogram`, conclusionsMiniprogram);
  unknown(cx, o, path, CONCLUSIONS_FIELDS, n);
  if (!filled(o.text) && !filled(o.image) && !filled(o.link) && !filled(o.miniprogram)) {
    cx.text(false, path, 'R-CW-20', TEXT.conclusionsEmpty);
  }
  let seen = has(o.image);
  if (has(o.link)) {
    if (seen) cx.text(false, `${path}/link`, 'R-CW-20', TEXT.conclusionsExclusive);
    seen = true;
  }
  if (has(o.miniprogram) && seen) cx.text(false, `${path}/miniprogram`, 'R-CW-20', TEXT.conclusionsExclusive);
}

const TEMP_ONLY = [
  ['expires_in', 'R-CW-11'],
  ['chat_expires_in', 'R-CW-12'],
  ['unionid', 'R-CW-13'],
  ['conclusions', 'R-CW-14'],
];
const FIELDS = new Set([
  'type', 'scene', 'is_temp', 'style', 'remark', 'skip_verify', 'state', 'user', 'party',
  'expires_in', 'chat_expires_in', 'unionid', 'is_exclusive', 'mark_source', 'conclusions',
]);

function addContactWay(cx, o) {
  oneOf12(cx, o.type, '/type', 'R-CW-01');
  oneOf12(cx, o.scene, '/scene', 'R-CW-02');
  let n = +(o.type !== undefined) + +(o.scene !== undefined);
  if (o.is_temp !== undefined) {
    n++;
    bool(cx, o.is_temp, '/is_temp');
  }
  if (o.style !== undefined) {
    n++;
    int(cx, o.style, '/style', 0, U32_MAX, 'R-CW-03', 1, U32_MAX);
  }
  if (o.remark !== undefined) {
    n++;
    str(cx, o.remark, '/remark', 30, 0, 'R-CW-04');
  }
  if (o.skip_verify !== undefined) {
    n++;
    bool(cx, o.skip_verify, '/skip_verify');
  }
  if (o.state !== undefined) {
    n++;
    str(cx, o.state, '/state', 30, 0, 'R-CW-06');
  }
  const user = o.user;
  if (user !== undefined) {
    n++;
    if (!Array.isArray(user)) cx.wrongType('/user', 'array', user);
    else {
      if (user.length > 100) {
        const message = cx.en ? `must have at most 100 items (got ${user.length})` : `最多 100 项（当前 ${user.length} 项）`;
        cx.push(false, '/user', 'R-CW-09', message, { max: 100, actual: user.length });
      }
      const end = Math.min(user.length, 100);
      for (let i = 0; i < end; i++) str(cx, user[i], `/user/${i}`, 0, 0);
    }
  }
  const party = o.party;
  if (party !== undefined) {
    n++;
    if (!Array.isArray(party)) cx.wrongType('/party', 'array', party);
    else for (let i = 0; i < party.length; i++) int(cx, party[i], `/party/${i}`, 0, U32_MAX);
  }
  if (o.expires_in !== undefined) {
    n++;
    int(cx, o.expires_in, '/expires_in', I64_MIN, I64_END - 1, 'R-CW-11', 1, FOURTEEN_DAYS);
  }
  if (o.chat_expires_in !== undefined) {
    n++;
    int(cx, o.chat_expires_in, '/chat_expires_in', I64_MIN, I64_END - 1, 'R-CW-12', 1, FOURTEEN_DAYS);
  }
  if (o.unionid !== undefined) {
    n++;
    str(cx, o.unionid, '/unionid', 0, 0);
  }
  if (o.is_exclusive !== undefined) {
    n++;
    bool(cx, o.is_exclusive, '/is_exclusive');
  }
  if (o.mark_source !== undefined) {
    n++;
    bool(cx, o.mark_source, '/mark_source');
  }
  if (o.conclusions !== undefined) {
    n++;
    obj(cx, o.conclusions, '/conclusions', conclusions);
  }
  unknown(cx, o, '', FIELDS, n);

  // Cross-field rules, in declaration order.
  const type1 = o.type === 1;
  const isTemp = o.is_temp === true;
  if (type1) {
    if (!has(user)) cx.required('/user', 'R-CW-07');
    else if (Array.isArray(user) && user.length !== 1) {
      const message = cx.en ? `must have exactly 1 item(s) (got ${user.length})` : `必须恰好 1 项（当前 ${user.length} 项）`;
      cx.push(false, '/user', 'R-CW-07', message, { count: 1, actual: user.length });
    }
    if (filled(party)) cx.text(true, '/party', 'R-CW-08', TEXT.partyOnlyMulti);
  }
  if (isTemp && o.type === 2) cx.text(false, '/is_temp', 'R-CW-10', TEXT.onlySingleForTemp);
  if (!isTemp) {
    for (const [field, rule] of TEMP_ONLY) if (has(o[field])) cx.text(true, `/${field}`, rule, TEXT.onlyWithTemp);
  }
}

/**
 * Validates an add_contact_way payload. `locale`: a tag starting with "en" gives English messages,
 * anything else zh-CN. `strict`: warnings become errors.
 * @returns {{ valid: boolean, errors: object[], warnings: object[], truncated?: true }}
 */
export function validateAddContactWay(payload, { locale, strict = false } = {}) {
  const en = typeof locale === 'string' && /^en/i.test(locale.trim());
  const cx = new Cx(en, strict === true);
  if (!isObject(payload)) cx.wrongType('', 'object', payload);
  else addContactWay(cx, payload);
  const report = { valid: cx.errors.length === 0, errors: cx.errors, warnings: cx.warnings };
  if (cx.full) report.truncated = true;
  return report;
}
