// Valid payloads of several endpoints (from the project's own fixtures and ENDPOINTS.md) and
// the mutations the fuzz suite applies to them: flipped types, dropped and copied fields,
// unknown keys, strings and arrays past their limits, boundary numbers, and JSON-equivalent
// disguises (boxed primitives, toJSON, inherited and non-enumerable properties).
import { types } from 'node:util';
import { ODD_KEYS, ODD_NUMBERS, adversarial, randomString, randomValue, setOwn } from './values.mjs';

const WO = 'woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA';
const WM = 'wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA';
const CONFIG = '42b34949e138eb6e027c123cba77fAAA';
const UNION = { unionid: 'oAuDB6Pq9HnpsM8pMsd2MsAAAAAA', openid: 'oAuDB6Pq9HnpsM8pMsd2MsBBBBBB' };

/** `[endpoint, valid payload]` pairs: each must validate as valid on its own. */
export const VALID = [
  ['externalcontact/add_contact_way', { type: 1, scene: 2, user: ['zhangsan'] }],
  ['externalcontact/add_contact_way', { type: 1, scene: 2, remark: '门店 A 前台', state: 'store-a', user: ['zhangsan'], skip_verify: true }],
  ['externalcontact/add_contact_way', {
    type: 1, scene: 1, style: 1, remark: '渠道客户', skip_verify: true, state: 'teststate', user: ['zhangsan'], is_temp: true,
    expires_in: 86400, chat_expires_in: 86400, unionid: 'oxTWIuGaIt6gTKsQRLau2M0AAAA', is_exclusive: true, mark_source: false,
    conclusions: { text: { content: '文本消息内容' }, image: { media_id: 'MEDIA_ID' } },
  }],
  ['externalcontact/add_contact_way', { type: 2, scene: 2, remark: '多人二维码', state: 'channel_2024', user: ['zhangsan', 'lisi', 'wangwu'], party: [2, 3] }],
  ['externalcontact/update_contact_way', {
    config_id: CONFIG, remark: '渠道客户', skip_verify: true, style: 1, state: 'teststate', user: ['UserID1', 'UserID2'], party: [2, 3],
    expires_in: 86400, chat_expires_in: 86400, unionid: 'oxTWIuGaIt6gTKsQRLau2M0AAAA', is_exclusive: false,
    conclusions: { text: { content: '文本消息内容' }, link: { title: '消息标题', picurl: 'https://example.pic.com/path', desc: '消息描述', url: 'https://example.link.com/path' } },
  }],
  ['externalcontact/get_contact_way', { config_id: CONFIG }],
  ['externalcontact/del_contact_way', { config_id: CONFIG }],
  ['externalcontact/list_contact_way', { start_time: 1622476800, end_time: 1622563200, cursor: 'CURSOR', limit: 1000 }],
  ['externalcontact/list_contact_way', {}],
  ['externalcontact/close_temp_chat', { userid: 'zhangyisheng', external_userid: WO }],
  ['externalcontact/get_follow_user_list', {}],
  ['corpgroup/batch/external_userid_to_pending_id', { external_userid: [WO] }],
  ['idconvert/batch/external_userid_to_pending_id', { external_userid: [WM, WO] }],
  ['idconvert/unionid_to_external_userid', { ...UNION, subject_type: 1 }],
  ['externalcontact/get_new_external_userid', { external_userid_list: [WM] }],
  ['externalcontact/groupchat/get_new_external_userid', { chat_id: 'wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA', external_userid_list: [WM] }],
  ['externalcontact/from_service_external_userid', { external_userid: WM, source_agentid: 1000001 }],
  ['batch/openuserid_to_userid', { open_userid_list: [WO], source_agentid: 1000001 }],
  ['idconvert/external_tagid', { external_tagid_list: ['etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA'] }],
  ['corpgroup/unionid_to_external_userid', { ...UNION, corpid: 'wwAAAAAAAAAAAAAAAA' }],
  ['corpgroup/unionid_to_pending_id', { ...UNION }],
  ['externalcontact/convert_to_openid', { external_userid: WM }],
];

/** The known-valid add_contact_way payload the "normal call" after each batch uses. */
export const NORMAL_ADD = () => ({ type: 1, scene: 2, remark: '门店 A 前台', state: 'store-a', user: ['zhangsan'], skip_verify: true });
/** A known-invalid one and its rule ids by path: errors, then warnings (an unknown member). */
export const INVALID_ADD = () => ({ type: 3, scene: 0, remark: 'x'.repeat(31), brand_new: true });
export const INVALID_ADD_RULES = { '/type': 'R-CW-01', '/scene': 'R-CW-02', '/remark': 'R-CW-04' };
export const INVALID_ADD_WARNINGS = { '/brand_new': 'unknown-field' };

/** A deep copy of JSON data (or `v` itself when it is not JSON-able: cycles, BigInt, traps). */
function clone(v) {
  try {
    const text = JSON.stringify(v);
    return text === undefined ? v : JSON.parse(text);
  } catch {
    return v;
  }
}

/** A plain object or array whose keys can be listed without running user code. */
function walkable(v) {
  if (v === null || typeof v !== 'object' || types.isProxy(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/** Every `[container, key]` slot of a plain JSON tree (objects and arrays), root excluded. */
function slots(root) {
  const out = [];
  const walk = (v, depth) => {
    if (!walkable(v) || depth > 6) return;
    for (const key of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d === undefined || !('value' in d) || !d.configurable) continue;
      out.push([v, key]);
      walk(d.value, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

/** A value of another JSON type than `v`. */
function flipType(rng, v) {
  const options = [
    () => String(v),
    () => (typeof v === 'string' ? Number(v) || v.length : 7),
    () => rng.chance(0.5),
    () => null,
    () => [v],
    () => ({ value: v }),
    () => rng.pick(ODD_NUMBERS),
  ];
  try {
    return rng.pick(options)();
  } catch {
    return 'flipped'; // String() of an earlier mutation's hostile object threw
  }
}

/** A string or array stretched past the usual limits (30 chars, 100 or 1000 items, 4000 bytes). */
function stretch(rng, v) {
  if (typeof v === 'string') {
    const unit = v.length > 0 ? v : 'x';
    return unit.repeat(Math.ceil(rng.pick([31, 101, 129, 1001, 4001, 20000]) / unit.length));
  }
  if (Array.isArray(v) && walkable(v)) {
    const item = v.length > 0 ? v[0] : 'u';
    const n = rng.weighted([[6, rng.pick([2, 101, 1001])], [3, rng.range(1002, 5000)], [1, rng.range(5000, 50000)]]);
    return new Array(n).fill(item);
  }
  return v;
}

/**
 * The same JSON in a disguise the client's JSON.stringify sees through: boxed primitive, toJSON,
 * an inherited or non-enumerable extra, a Date, a sparse array hole.
 */
function disguise(rng, container, key) {
  const v = container[key];
  switch (rng.int(6)) {
    case 0:
      if (typeof v === 'string') container[key] = new String(v);
      else if (typeof v === 'number') container[key] = new Number(v);
      else if (typeof v === 'boolean') container[key] = new Boolean(v);
      return;
    case 1:
      container[key] = { toJSON: () => v, decoy: 'x'.repeat(40) };
      return;
    case 2: {
      // Own enumerable fields stay; an invalid inherited one must be ignored.
      if (!walkable(v) || Array.isArray(v)) return;
      const proto = { remark: 'x'.repeat(999), type: 9, brand_new_inherited: 1 };
      container[key] = Object.assign(Object.create(proto), v);
      return;
    }
    case 3:
      if (walkable(v) && !Array.isArray(v) && !Object.isFrozen(v)) {
        Object.defineProperty(v, rng.pick(['remark', 'hidden', 'type']), { value: 'y'.repeat(99), enumerable: false });
      }
      return;
    case 4:
      Object.defineProperty(container, key, { enumerable: true, configurable: true, get: () => v });
      return;
    default:
      container[key] = undefined; // dropped by JSON.stringify, like a missing field
  }
}

/** Applies 1–4 random mutations to a copy of a valid payload. Returns the mutated payload. */
export function mutate(rng, ctx, payload) {
  const root = clone(payload);
  const count = rng.range(1, 4);
  for (let i = 0; i < count; i++) {
    const all = slots(root);
    const slot = all.length > 0 ? rng.pick(all) : undefined;
    const op = rng.weighted([[4, 'flip'], [2, 'drop'], [2, 'copy'], [3, 'unknown'], [4, 'stretch'], [2, 'number'], [2, 'string'], [2, 'disguise'], [1, 'random'], [1, 'odd']]);
    if (op === 'unknown' || slot === undefined) {
      setOwn(root, rng.pick(ODD_KEYS), randomValue(rng, ctx, 2));
      continue;
    }
    const [container, key] = slot;
    switch (op) {
      case 'flip': container[key] = flipType(rng, container[key]); break;
      case 'drop': delete container[key]; break;
      case 'copy': {
        const [other] = rng.pick(all);
        if (!Array.isArray(other)) setOwn(other, key, clone(container[key] ?? null));
        else other.push(clone(container[key] ?? null));
        break;
      }
      case 'stretch': container[key] = stretch(rng, container[key]); break;
      case 'number': container[key] = rng.pick(ODD_NUMBERS); break;
      case 'string': container[key] = randomString(rng, 200); break;
      case 'disguise': disguise(rng, container, key); break;
      case 'random': container[key] = randomValue(rng, ctx, 3); break;
      default: container[key] = adversarial(rng, ctx, 2);
    }
  }
  // The whole payload in a disguise, now and then.
  if (rng.chance(0.05)) return { toJSON: () => root };
  if (rng.chance(0.05)) return Object.assign(Object.create({ remark: 'x'.repeat(999), type: 9 }), root);
  return root;
}
