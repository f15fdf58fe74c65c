// A JSON Schema (draft-07, for ajv 8) of the add_contact_way rules, written as a careful developer
// would, to compare against the SDK's validate(). Compiled once with `allErrors: true`, so every
// issue is collected as the SDK collects them. The rules (crates/wecom-core/src/models/contact_way.rs):
//   - types; type and scene are 1 | 2; style an integer in 1…u32 max; party ids u32
//   - remark and state ≤ 30 characters: ajv's maxLength counts code points (its `unicode` option
//     is on by default), as the SDK does
//   - byte limits of conclusions (text.content ≤ 4000, link.title ≤ 128, link.desc ≤ 512,
//     miniprogram.title ≤ 64 UTF-8 bytes): JSON Schema has no byte length, so a custom keyword
//     `maxBytes` (a validate function) does it
//   - user ≤ 100; type = 1: user required with exactly one item, party not filled; is_temp with
//     type = 2 refused; expires_in / chat_expires_in / unionid / conclusions only when
//     is_temp is true (if/then, with `{ type: 'null' }` meaning "absent or null")
//   - conclusions: required strings non-empty; text/image/link/miniprogram not all empty (a `not`
//     over "each is absent, null or empty"); image/link/miniprogram mutually exclusive (if/then)
//   - unknown keys rejected at every level (additionalProperties: false)
// What it cannot say exactly (README): warnings (unknown fields, R-CW-08, R-CW-11…14 are errors
// here), unpaired surrogates, the 100-issue cap and "only the first 100 items of user", and an
// explicit null in a required field is a type error, not "required".

import Ajv from 'ajv';
import { utf8Length } from './text-length.mjs';

const U32_MAX = 4294967295;
const FOURTEEN_DAYS = 14 * 24 * 3600;

const str = { type: 'string' };
const required = { type: 'string', minLength: 1 };
const bytes = (max, base = required) => ({ ...base, maxBytes: max });
/** Present and not null (the SDK's "has"), as an `if` condition on field `f`. */
const hasField = (f) => ({ required: [f], properties: { [f]: { not: { type: 'null' } } } });
/** "Absent, null, '', [] or {}": the negation of the SDK's "filled". */
const notFilled = { enum: [null, '', [], {}] };
const absentOrNull = { type: 'null' };

const conclusions = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'object', additionalProperties: false, required: ['content'], properties: { content: bytes(4000) } },
    image: { type: 'object', additionalProperties: false, required: ['media_id'], properties: { media_id: required } },
    link: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'url'],
      properties: { title: bytes(128), picurl: str, desc: bytes(512, str), url: required },
    },
    miniprogram: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'pic_media_id', 'appid', 'page'],
      properties: { title: bytes(64), pic_media_id: required, appid: required, page: required },
    },
  },
  allOf: [
    // Not all empty: fails when every member is absent, null or empty.
    { not: { properties: { text: notFilled, image: notFilled, link: notFilled, miniprogram: notFilled } } },
    // Mutually exclusive: every one after the first that is given.
    { if: hasField('image'), then: { properties: { link: absentOrNull, miniprogram: absentOrNull } } },
    { if: { ...hasField('link'), not: hasField('image') }, then: { properties: { miniprogram: absentOrNull } } },
  ],
};

/** The JSON Schema of an add_contact_way request. */
export const addContactWayJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'scene'],
  properties: {
    type: { type: 'integer', enum: [1, 2] },
    scene: { type: 'integer', enum: [1, 2] },
    is_temp: { type: 'boolean' },
    style: { type: 'integer', minimum: 1, maximum: U32_MAX },
    remark: { type: 'string', maxLength: 30 },
    skip_verify: { type: 'boolean' },
    state: { type: 'string', maxLength: 30 },
    user: { type: 'array', maxItems: 100, items: str },
    party: { type: 'array', items: { type: 'integer', minimum: 0, maximum: U32_MAX } },
    expires_in: { type: 'integer', minimum: 1, maximum: FOURTEEN_DAYS },
    chat_expires_in: { type: 'integer', minimum: 1, maximum: FOURTEEN_DAYS },
    unionid: str,
    is_exclusive: { type: 'boolean' },
    mark_source: { type: 'boolean' },
    conclusions,
  },
  allOf: [
    {
      if: { required: ['type'], properties: { type: { const: 1 } } },
      then: { required: ['user'], properties: { user: { minItems: 1, maxItems: 1 }, party: notFilled } },
    },
    {
      if: { required: ['type', 'is_temp'], properties: { type: { const: 2 }, is_temp: { const: true } } },
      then: { properties: { is_temp: false } },
    },
    {
      if: { not: { required: ['is_temp'], properties: { is_temp: { const: true } } } },
      then: {
        properties: { expires_in: absentOrNull, chat_expires_in: absentOrNull, unionid: absentOrNull, conclusions: absentOrNull },
      },
    },
  ],
};

/** Compiles the schema with ajv 8 (`allErrors: true`) and the `maxBytes` keyword. */
export function compileAjv() {
  // strictTypes off: the if/then branches constrain `user` without repeating its type (a wrong
  // type is already reported once by the main schema).
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addKeyword({
    keyword: 'maxBytes',
    type: 'string',
    schemaType: 'number',
    errors: false,
    validate: (max, data) => data.length * 3 <= max || utf8Length(data) <= max,
  });
  return ajv.compile(addContactWayJsonSchema);
}

/**
 * The issue paths of ajv's errors as JSON pointers, without the `if` wrappers (each failed
 * `then` also reports "must match then schema" at the object). A missing required property is
 * reported at its own path, as the SDK does.
 */
export function ajvPaths(errors) {
  return (errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => (e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.keyword === 'additionalProperties' ? `${e.instancePath}/${e.params.additionalProperty}` : e.instancePath));
}
