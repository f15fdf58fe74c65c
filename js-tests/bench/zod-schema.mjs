// A hand-written zod 4 schema of the add_contact_way rules (R-CW-01 … R-CW-14, R-CW-20), written the
// way a careful developer would, to compare against the SDK's validate(). Same rules as
// crates/wecom-core/src/models/contact_way.rs:
//   - types; type and scene are 1 | 2; style is an integer ≥ 1; party ids are u32
//   - remark and state ≤ 30 characters counted as Unicode code points (not UTF-16 units)
//   - user ≤ 100 items, and exactly one (required) when type = 1; party only when type = 2
//   - is_temp only with type = 1; expires_in / chat_expires_in in 1…1 209 600 s and, with
//     unionid and conclusions, only when is_temp is true
//   - conclusions: text.content ≤ 4000 bytes, link.title ≤ 128 bytes, link.desc ≤ 512 bytes,
//     miniprogram.title ≤ 64 bytes (UTF-8, counted by text-length.mjs so that the schema also runs
//     in the Chromium bench page); required strings non-empty;
//     text/image/link/miniprogram not all empty; image/link/miniprogram mutually exclusive
//   - unknown keys rejected at every level (z.strictObject)
//   - every issue collected: cross-field checks run even when a field has the wrong type
//     (`when`), as the SDK reports everything in one pass.
// Known differences: an explicit `null` is a type error in both, but the SDK's cross-field rules then
// treat the member as absent (the benchmark payloads hold no null); zod has no warnings, so unknown
// keys and the rules WeCom ignores (R-CW-08, R-CW-11…14) are issues like any other; no check for
// unpaired surrogates and no 100-issue cap.

import { z } from 'zod';
import { utf8Length } from './text-length.mjs';

const FOURTEEN_DAYS = 14 * 24 * 3600;
const U32_MAX = 4294967295;

/**
 * A string of at most `max` characters. zod 4.6.7's string `.max()` already counts Unicode code
 * points (a surrogate pair is one), as the SDK does.
 */
const maxChars = (max) => z.string().max(max);

/** A string of at most `max` UTF-8 bytes. */
const maxBytes = (schema, max) =>
  schema.refine((s) => s.length * 3 <= max || utf8Length(s) <= max, { message: `must be at most ${max} bytes` });

const required = () => z.string().min(1, { message: 'is required' });

/** Present, not null, and not an empty string / array / object (the SDK's "filled"). */
function filled(v) {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') {
    for (const _ in v) return true;
    return false;
  }
  return true;
}

const isObject = (p) => typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value);

const conclusions = z
  .strictObject({
    text: z.strictObject({ content: maxBytes(required(), 4000) }).optional(),
    image: z.strictObject({ media_id: required() }).optional(),
    link: z
      .strictObject({
        title: maxBytes(required(), 128),
        picurl: z.string().optional(),
        desc: maxBytes(z.string(), 512).optional(),
        url: required(),
      })
      .optional(),
    miniprogram: z
      .strictObject({
        title: maxBytes(required(), 64),
        pic_media_id: required(),
        appid: required(),
        page: required(),
      })
      .optional(),
  })
  .superRefine(
    (c, ctx) => {
      if (!filled(c.text) && !filled(c.image) && !filled(c.link) && !filled(c.miniprogram)) {
        ctx.addIssue({ code: 'custom', path: [], message: 'text, image, link and miniprogram must not all be empty' });
      }
      let seen = false;
      for (const k of ['image', 'link', 'miniprogram']) {
        if (c[k] === undefined || c[k] === null) continue;
        if (seen) ctx.addIssue({ code: 'custom', path: [k], message: 'only one of image, link and miniprogram may be given' });
        seen = true;
      }
    },
    { when: isObject },
  );

export const addContactWaySchema = z
  .strictObject({
    type: z.literal([1, 2]),
    scene: z.literal([1, 2]),
    style: z.int().min(1).max(U32_MAX).optional(),
    remark: maxChars(30).optional(),
    skip_verify: z.boolean().optional(),
    state: maxChars(30).optional(),
    // ≤ 100 is checked in the superRefine below: zod 4.6.7 makes an oversized array's `.max()`
    // abort the parse, which would hide the object-level issues the SDK still reports.
    user: z.array(z.string()).optional(),
    party: z.array(z.int().min(0).max(U32_MAX)).optional(),
    is_temp: z.boolean().optional(),
    expires_in: z.int().min(1).max(FOURTEEN_DAYS).optional(),
    chat_expires_in: z.int().min(1).max(FOURTEEN_DAYS).optional(),
    unionid: z.string().optional(),
    is_exclusive: z.boolean().optional(),
    mark_source: z.boolean().optional(),
    conclusions: conclusions.optional(),
  })
  .superRefine(
    (o, ctx) => {
      const isTemp = o.is_temp === true;
      if (Array.isArray(o.user) && o.user.length > 100) {
        ctx.addIssue({ code: 'too_big', origin: 'array', maximum: 100, inclusive: true, path: ['user'], message: `must have at most 100 items (got ${o.user.length})` });
      }
      if (o.type === 1) {
        if (Array.isArray(o.user)) {
          if (o.user.length !== 1) {
            ctx.addIssue({ code: 'custom', path: ['user'], message: `must have exactly 1 item (got ${o.user.length})` });
          }
        } else if (o.user === undefined || o.user === null) {
          ctx.addIssue({ code: 'custom', path: ['user'], message: 'is required when type is 1' });
        }
        if (filled(o.party)) {
          ctx.addIssue({ code: 'custom', path: ['party'], message: 'is only allowed when type is 2 (multiple members)' });
        }
      }
      if (isTemp && o.type === 2) {
        ctx.addIssue({ code: 'custom', path: ['is_temp'], message: 'temporary mode (is_temp) is only supported for type 1' });
      }
      if (!isTemp) {
        for (const k of ['expires_in', 'chat_expires_in', 'unionid', 'conclusions']) {
          if (o[k] !== undefined && o[k] !== null) {
            ctx.addIssue({ code: 'custom', path: [k], message: 'is only allowed when is_temp is true' });
          }
        }
      }
    },
    { when: isObject },
  );
