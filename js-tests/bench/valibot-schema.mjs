// A valibot 1.x schema of the add_contact_way rules, written as a careful developer would, to
// compare against the SDK's validate(). Same rules as crates/wecom-core/src/models/contact_way.rs
// (see zod-schema.mjs for the list). How each is said in valibot:
//   - v.strictObject at every level, so unknown keys are rejected (errors, not warnings)
//   - v.picklist([1, 2]) for type and scene; v.integer + min/max values for the integers
//   - v.maxCodePoints(30) for remark and state (code points, as the SDK counts)
//   - v.maxBytes for the conclusions' byte limits (UTF-8 via TextEncoder, exact)
//   - cross-field rules: v.forward(v.partialCheck(paths, …), [field]) on the object's pipe.
//     partialCheck runs only when the fields in `paths` have no issue of their own; the paths
//     name the fields a rule reads as its condition (type, is_temp), so a broken `conclusions`
//     does not hide "conclusions only with is_temp". An `is_temp` of the wrong type does hide the
//     temp-only checks (the SDK would still report them).
// What it cannot say exactly (README): warnings (unknown fields, R-CW-08, R-CW-11…14 are issues
// like any other), unpaired surrogates, the 100-issue cap, and an explicit null in a required
// field is a type error, not "required".

import * as v from 'valibot';

const U32_MAX = 4294967295;
const FOURTEEN_DAYS = 14 * 24 * 3600;

const has = (x) => x !== undefined && x !== null;
const isObject = (x) => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Present, not null, and not an empty string / array / object (the SDK's "filled"). */
function filled(x) {
  if (!has(x)) return false;
  if (typeof x === 'string' || Array.isArray(x)) return x.length > 0;
  if (typeof x === 'object') {
    for (const _ in x) return true;
    return false;
  }
  return true;
}

const required = () => v.pipe(v.string(), v.minLength(1, 'is required'));
const requiredBytes = (max) => v.pipe(v.string(), v.minLength(1, 'is required'), v.maxBytes(max));
const int = (min, max) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const ONLY_ONE = 'only one of image, link and miniprogram may be given';

const conclusions = v.pipe(
  v.strictObject({
    text: v.optional(v.strictObject({ content: requiredBytes(4000) })),
    image: v.optional(v.strictObject({ media_id: required() })),
    link: v.optional(
      v.strictObject({
        title: requiredBytes(128),
        picurl: v.optional(v.string()),
        desc: v.optional(v.pipe(v.string(), v.maxBytes(512))),
        url: required(),
      }),
    ),
    miniprogram: v.optional(
      v.strictObject({ title: requiredBytes(64), pic_media_id: required(), appid: required(), page: required() }),
    ),
  }),
  v.partialCheck(
    [],
    (c) => !isObject(c) || filled(c.text) || filled(c.image) || filled(c.link) || filled(c.miniprogram),
    'text, image, link and miniprogram must not all be empty',
  ),
  v.forward(v.partialCheck([], (c) => !isObject(c) || !(has(c.image) && has(c.link)), ONLY_ONE), ['link']),
  v.forward(
    v.partialCheck([], (c) => !isObject(c) || !(has(c.miniprogram) && (has(c.image) || has(c.link))), ONLY_ONE),
    ['miniprogram'],
  ),
);

const onlyWithTemp = (field) =>
  v.forward(
    v.partialCheck([['is_temp']], (o) => o.is_temp === true || !has(o[field]), 'is only allowed when is_temp is true'),
    [field],
  );

/** The valibot schema of an add_contact_way request. */
export const addContactWayValibot = v.pipe(
  v.strictObject({
    type: v.picklist([1, 2]),
    scene: v.picklist([1, 2]),
    is_temp: v.optional(v.boolean()),
    style: v.optional(int(1, U32_MAX)),
    remark: v.optional(v.pipe(v.string(), v.maxCodePoints(30))),
    skip_verify: v.optional(v.boolean()),
    state: v.optional(v.pipe(v.string(), v.maxCodePoints(30))),
    user: v.optional(v.pipe(v.array(v.string()), v.maxLength(100))),
    party: v.optional(v.array(int(0, U32_MAX))),
    expires_in: v.optional(int(1, FOURTEEN_DAYS)),
    chat_expires_in: v.optional(int(1, FOURTEEN_DAYS)),
    unionid: v.optional(v.string()),
    is_exclusive: v.optional(v.boolean()),
    mark_source: v.optional(v.boolean()),
    conclusions: v.optional(conclusions),
  }),
  v.forward(
    v.partialCheck(
      [['type']],
      (o) => o.type !== 1 || (Array.isArray(o.user) ? o.user.length === 1 : has(o.user)),
      'must have exactly 1 item when type is 1',
    ),
    ['user'],
  ),
  v.forward(
    v.partialCheck([['type']], (o) => o.type !== 1 || !filled(o.party), 'is only allowed when type is 2 (multiple members)'),
    ['party'],
  ),
  v.forward(
    v.partialCheck(
      [['type'], ['is_temp']],
      (o) => !(o.is_temp === true && o.type === 2),
      'temporary mode (is_temp) is only supported for type 1',
    ),
    ['is_temp'],
  ),
  onlyWithTemp('expires_in'),
  onlyWithTemp('chat_expires_in'),
  onlyWithTemp('unionid'),
  onlyWithTemp('conclusions'),
);

/** Validates with valibot (every issue, no abort). */
export function valibotSafeParse(payload) {
  return v.safeParse(addContactWayValibot, payload);
}

/** The issue paths of a valibot result as JSON pointers. */
export function valibotPaths(result) {
  return result.success ? [] : result.issues.map((i) => (i.path ?? []).map((p) => `/${p.key}`).join(''));
}
