// The fixed part of the differential corpus: the Rust fixtures, the payloads of the JS
// validation tests, and hand-made edges (the 2 MiB and 127-container limits, numbers, locales).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './sides.mjs';

const ADD = 'externalcontact/add_contact_way';
const LIST = 'externalcontact/list_contact_way';
const MAX = 2 * 1024 * 1024;

/** `[endpoint, payload]` of every fixture in crates/wecom-core/tests/fixtures/*_payloads.json. */
function fixtures() {
  const out = [];
  for (const file of ['valid_payloads.json', 'full_payloads.json']) {
    const all = JSON.parse(readFileSync(join(ROOT, 'crates/wecom-core/tests/fixtures', file), 'utf8'));
    for (const [key, payload] of Object.entries(all)) out.push([key.split('#')[0], payload]);
  }
  return out;
}

const VALID = { type: 1, scene: 2, user: ['zhangsan'] };
const FORM = { type: 1, scene: 2, remark: '门店 A 前台', state: 'store-a', user: ['zhangsan'], skip_verify: true };

/** Payloads of js-tests/esm-validate.test.mjs and js-tests/hardening-validate.test.mjs. */
function fromJsTests() {
  const proto = { remark: 'x'.repeat(999), user: 7 };
  const inherited = Object.assign(Object.create(proto), VALID);
  Object.defineProperty(inherited, 'state', { value: 'y'.repeat(999), enumerable: false });
  return [
    [ADD, FORM],
    [ADD, { type: 2, scene: 1, style: 1, party: [1, 2] }],
    [ADD, { ...FORM, remark: '一'.repeat(30), state: 's'.repeat(30) }],
    ['externalcontact/get_follow_user_list', undefined],
    [LIST, {}],
    [ADD, { type: 3, scene: 0, remark: 'x'.repeat(31), state: '渠'.repeat(31), expires_in: 3600, brand_new: true }],
    [ADD, { type: 1, scene: 2, user: ['a', 'b'], remark: 'x'.repeat(40), party: [1] }],
    [ADD, { type: 9, scene: 1 }],
    [ADD, {}],
    [ADD, { type: '1', scene: 2.5, user: 'zhangsan' }],
    [ADD, null], [ADD, []], [ADD, 'text'], [ADD, 42], [ADD, true],
    [ADD, { type: 1, scene: 2, user: ['zhangsan'], is_temp: true, conclusions: { text: { content: '字'.repeat(1334) }, link: { title: 't'.repeat(129), url: 'https://example.com/' } } }],
    [ADD, { ...FORM, conclusions: { text: { content: 'bye' } } }],
    ['externalcontact/get_contact_way', {}],
    ['externalcontact/del_contact_way', { config_id: '' }],
    ['externalcontact/update_contact_way', { remark: 'x'.repeat(31) }],
    [LIST, { limit: 1001, start_time: 10, end_time: 5 }],
    ['externalcontact/close_temp_chat', {}],
    ['corpgroup/batch/external_userid_to_pending_id', {}],
    ['idconvert/batch/external_userid_to_pending_id', { external_userid: [] }],
    ['idconvert/batch/external_userid_to_pending_id', { external_userid: Array.from({ length: 101 }, (_, i) => `wm${i}`) }],
    ['externalcontact/get_follow_user_list', { x: 1 }],
    [ADD, { type: 1, scene: 3, user: ['a', 'b'], remark: 'r'.repeat(31), extra_field: 1 }],
    [LIST, { limit: 0 }],
    ['externalcontact/update_contact_way', { config_id: 'x', user: Array(101).fill('u') }],
    ['externalcontact/del_contact_way', { config_id: 7 }],
    ['externalcontact/close_temp_chat', { userid: 'zhangsan' }],
    ['idconvert/batch/external_userid_to_pending_id', { external_userid: 'wm1' }],
    [ADD, { type: 2, scene: 2, user: new Array(500_000).fill(5) }],
    [ADD, inherited],
    [ADD, { type: new Number(1), scene: 2, user: [new String('zhangsan')], skip_verify: new Boolean(true) }],
    [ADD, { toJSON: () => VALID }],
    [ADD, { type: 1, scene: 2, user: { toJSON: () => ['zhangsan'] } }],
    [ADD, { ...VALID, remark: { toJSON: (key) => `key:${key}` } }],
    [ADD, { ...VALID, extra: undefined, fn() {} }],
    [ADD, { ...VALID, state: new String('s'.repeat(31)) }],
    [ADD, { ...VALID, remark: '😀\\ud800' }],
  ];
}

/** A payload of add_contact_way whose JSON text is exactly `length` UTF-16 units (ASCII). */
function sized(length, filler) {
  const base = { type: 1, scene: 2, user: ['a'], unionid: '' };
  const empty = JSON.stringify(base).length;
  const unit = JSON.stringify(filler).length - 2;
  const n = Math.floor((length - empty) / unit);
  const rest = length - empty - n * unit;
  return { ...base, unionid: filler.repeat(n) + 'x'.repeat(rest) };
}

/** Hand-made edges. */
function edges() {
  const out = [];
  // The 2 MiB limit, exactly: plain, and with characters JSON escapes (\" is two units, \u0001 six).
  for (const filler of ['x', '"', '\u0001', '\\']) {
    for (const length of [MAX - 1, MAX, MAX + 1]) out.push([ADD, sized(length, filler)]);
  }
  out.push([ADD, { ...VALID, big: new Array(300_000).fill(0) }]);
  out.push([ADD, { ...VALID, big: 'x'.repeat(MAX) }]);
  // 127 containers (the root counts) pass, 128 give json-depth, wherever they are.
  for (const levels of [125, 126, 127, 128]) {
    let v = 1;
    for (let i = 0; i < levels; i++) v = [v];
    out.push([ADD, { ...VALID, x: v }]);
    out.push([ADD, { ...VALID, user: v }]);
    let o = 'leaf';
    for (let i = 0; i < levels - 2; i++) o = { text: o };
    out.push([ADD, { ...VALID, is_temp: true, conclusions: { text: o } }]);
    out.push(['externalcontact/get_follow_user_list', { deep: v }]);
    out.push([ADD, { ...VALID, user: new Array(120).fill(5), deep: v }]);
  }
  // Numbers at every width, for an i64, a u32 and an enum field.
  for (const n of [2 ** 53, 2 ** 53 + 2, 2 ** 63, -(2 ** 63), 2 ** 64, 1e21, -0, 0.5, -1, 4294967295, 4294967296, 9007199254740993, 1e300, -1e300]) {
    out.push([LIST, { start_time: n, end_time: 5, limit: n }]);
    out.push([LIST, { start_time: 5, end_time: n }]);
    out.push([ADD, { type: n, scene: n, style: n, user: ['a'], party: [n], expires_in: n }]);
  }
  out.push([LIST, { start_time: 9007199254740992, end_time: 9007199254740990 }]);
  // JSON-pointer escapes, keys that meet prototypes, more than 100 issues of each kind.
  out.push([ADD, { ...VALID, 'a/b': 1, '~': { 'c~/d': 2 }, __proto__x: 1, constructor: 1 }]);
  out.push([ADD, JSON.parse('{"type":1,"scene":2,"user":["a"],"__proto__":{"x":1}}')]);
  out.push([ADD, Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, i]))]);
  out.push([ADD, { type: 1, scene: 2, user: Array.from({ length: 99 }, () => 1), party: ['x', 'y'] }]);
  out.push([ADD, { type: 1, scene: 2, user: Array.from({ length: 100 }, () => 1), x: 1 }]);
  out.push([ADD, { type: 1, scene: 2, user: Array.from({ length: 101 }, () => 1) }]);
  // Unknown endpoints and prefixes the lookup accepts.
  out.push(['/cgi-bin/externalcontact/add_contact_way', VALID]);
  out.push(['//externalcontact/add_contact_way', VALID]);
  out.push(['externalcontact/add_contact_way/', VALID]);
  out.push(['EXTERNALCONTACT/ADD_CONTACT_WAY', VALID]);
  out.push(['gettoken', { corpid: 'a', corpsecret: '' }]);
  return out;
}

/** Corp tags, strategy tags and group join ways: their cross-field rules and limits. */
function tagsAndJoinWays() {
  const JW = 'externalcontact/groupchat/add_join_way';
  const JW_UPDATE = 'externalcontact/groupchat/update_join_way';
  const TAG = 'externalcontact/add_corp_tag';
  const S_TAG = 'externalcontact/add_strategy_tag';
  const way = { scene: 2, chat_id_list: ['wr1'] };
  const out = [];
  // remark past 30 characters: a warning (truncated), counted in Unicode scalar values; a string
  // of 30 UTF-16 units or fewer is never counted.
  const remarks = ['x'.repeat(30), 'x'.repeat(31), '备'.repeat(31), '😀'.repeat(15), '😀'.repeat(16), '😀'.repeat(31)];
  remarks.push('e\u0301'.repeat(16), 'x'.repeat(40) + '\ud800', new String('y'.repeat(31)), 31, '');
  for (const remark of remarks) {
    out.push([JW, { ...way, remark }]);
    out.push([JW_UPDATE, { config_id: 'c', ...way, remark }]);
  }
  out.push([JW, { ...way, auto_create_room: 0, room_base_name: '销售客服群', room_base_id: 10 }]);
  out.push([JW, { ...way, auto_create_room: 1, room_base_name: '群'.repeat(41), room_base_id: -1 }]);
  out.push([JW, { ...way, auto_create_room: 2, chat_id_list: ['a', 'b', 'c', 'd', 'e', 'f'], state: 's'.repeat(31) }]);
  out.push([JW, { scene: 3, chat_id_list: [] }]);
  out.push([JW_UPDATE, { config_id: 'c' }]);
  out.push(['externalcontact/groupchat/get_join_way', { config_id: '' }]);
  for (const endpoint of ['externalcontact/get_corp_tag_list', 'externalcontact/get_strategy_tag_list']) {
    out.push([endpoint, { tag_id: ['t'], group_id: ['g'] }]);
    out.push([endpoint, { tag_id: [], group_id: ['g'] }]);
  }
  for (const [endpoint, base] of [[TAG, {}], [S_TAG, { strategy_id: 1 }]]) {
    out.push([endpoint, { ...base, tag: [{ name: 'a' }] }]);
    out.push([endpoint, { ...base, group_id: 'g', group_name: 'n', order: 2 ** 32, tag: [{ name: '级'.repeat(31), order: -1 }] }]);
    out.push([endpoint, { ...base, group_name: 'n', order: 4294967295, tag: [] }]);
  }
  out.push(['externalcontact/del_corp_tag', { agentid: 1 }]);
  out.push(['externalcontact/del_strategy_tag', { tag_id: null, group_id: [] }]);
  out.push(['externalcontact/mark_tag', { add_tag: [], remove_tag: [] }]);
  out.push(['externalcontact/edit_strategy_tag', { id: 'x', name: 'n'.repeat(31), strategy_id: 2 }]);
  return out;
}

/** Moments and moment strategies (issue 12): the attachment counts (max_items_if_any), limits, nodes. */
function moments() {
  const ADD_MOMENT = 'externalcontact/add_moment_task';
  const img = (i) => ({ msgtype: 'image', image: { media_id: `M${i}` } });
  const video = { msgtype: 'video', video: { media_id: 'V' } };
  const link = { msgtype: 'link', link: { url: 'https://example.com', media_id: 'C', title: '题'.repeat(22) } };
  const out = [];
  const lists = [
    [video], [link], [img(0), video], [video, img(0)], [link, video], [video, video], [img(0), link],
    Array.from({ length: 9 }, (_, i) => img(i)), Array.from({ length: 10 }, (_, i) => img(i)),
    [img(0), { msgtype: 'video', video: {} }], [img(0), { msgtype: 'video', video: null }],
    [img(0), { msgtype: 'video', video: { media_id: '' } }], [img(0), { msgtype: 'video', video: { toJSON: () => ({ media_id: 'V' }) } }],
    [img(0), { msgtype: 'video', video: { skip: undefined } }], [img(0), { toJSON: () => video }],
    [img(0), null, 7, 'video', [video]], [{ msgtype: 'image', image: { media_id: 'A' }, link: link.link }],
    [{ msgtype: 'image' }], [],
  ];
  for (const attachments of lists) out.push([ADD_MOMENT, { attachments }]);
  out.push([ADD_MOMENT, {}]);
  out.push([ADD_MOMENT, { text: {}, attachments: [] }]);
  out.push([ADD_MOMENT, { text: { content: '字'.repeat(2001) } }]);
  out.push([ADD_MOMENT, { text: { content: '😀'.repeat(2000) } }]);
  out.push([ADD_MOMENT, { text: { content: 't' }, attachments: 'video' }]);
  const list = 'externalcontact/get_moment_list';
  out.push([list, { start_time: 100, end_time: 100 + 30 * 86400, limit: 21, filter_type: 3 }]);
  out.push([list, { start_time: 100, end_time: 101 + 30 * 86400 }]);
  out.push([list, { start_time: 100, end_time: 99 }]);
  out.push(['externalcontact/get_moment_send_result', { moment_id: 'm', userid: 'u', limit: 5001 }]);
  const node = (i) => ({ type: 1, userid: `u${i}` });
  out.push(['externalcontact/moment_strategy/create', { strategy_name: 'n', admin_list: [], range: Array.from({ length: 101 }, (_, i) => node(i)) }]);
  out.push(['externalcontact/moment_strategy/edit', { strategy_id: 1, range_add: [{ type: 1 }, { type: 2, userid: 'x' }, { type: 3 }], range_del: [{ type: 1, userid: 'u', partyid: 2 }] }]);
  return out;
}

/** Issue 12, strategies and statistics: range_add + range_del counted together (max_total_items), day ranges. */
function strategiesAndStatistics() {
  const EDIT = 'externalcontact/customer_strategy/edit';
  const node = (i) => (i % 2 ? { type: 2, partyid: i } : { type: 1, userid: `u${i}` });
  const nodes = (n) => Array.from({ length: n }, (_, i) => node(i));
  const out = [];
  for (const [add, del] of [[100, 0], [100, 1], [60, 40], [60, 41], [101, 0], [0, 101], [150, 150]]) {
    out.push([EDIT, { strategy_id: 1, range_add: nodes(add), range_del: nodes(del) }]);
  }
  out.push([EDIT, { strategy_id: 1, range_add: nodes(101) }]);
  out.push([EDIT, { strategy_id: 1, range_add: nodes(100), range_del: 'x' }]);
  out.push([EDIT, { strategy_id: 1, range_add: { length: 200 }, range_del: nodes(100) }]);
  out.push([EDIT, { strategy_id: 1, range_add: null, range_del: [{ type: 1 }, { type: 2, userid: 'x' }] }]);
  out.push(['externalcontact/customer_strategy/create', { parent_id: 1, strategy_name: 'n', admin_list: [], privilege: { join_room: 1 }, range: nodes(101) }]);
  const day = 1600272000;
  for (const end of [day, day - 1, day + 30 * 86400, day + 30 * 86400 + 1, undefined, null, '1']) {
    out.push(['externalcontact/get_user_behavior_data', { userid: [], partyid: [1], start_time: day, end_time: end }]);
    out.push(['externalcontact/groupchat/statistic', { day_begin_time: day, day_end_time: end, order_by: 5, limit: 0 }]);
    out.push(['externalcontact/groupchat/statistic_group_by_day', { day_begin_time: day, day_end_time: end }]);
  }
  return out;
}

/** Mass messages and welcome messages (issue 12): strings compared with words. */
function messages() {
  const ADD = 'externalcontact/add_msg_template';
  const WELCOME = 'externalcontact/send_welcome_msg';
  const out = [];
  // chat_type and msgtype: the words, near misses, 12 and 13 bytes, NUL, surrogates, boxed strings.
  const near = ['group', 'single', 'Group', 'group\u0000', ' group', 'singlesingle', 'singlesingle1', '', 'grüp', '群发', '😀😀😀', 'gr\ud800', new String('group'), 1, null];
  for (const chat_type of near) {
    out.push([ADD, { chat_type, external_userid: ['wm1'], text: { content: 'x' } }]);
    out.push([ADD, { chat_type, chat_id_list: ['wr1'], allow_select: true, tag_filter: { group_list: [] }, attachments: [] }]);
    out.push(['externalcontact/get_groupmsg_list_v2', { chat_type, start_time: 1, end_time: 1 + 31 * 86400 + (chat_type === 'group' ? 1 : 0) }]);
  }
  const types = ['image', 'link', 'miniprogram', 'video', 'file', 'miniprogram\u0000', 'miniprograms', 'Image', 'text', '', new String('image'), 3];
  const items = { image: { media_id: 'm', pic_url: 'u' }, link: { title: 't' }, miniprogram: { title: 't', appid: 'a' }, video: {}, file: { media_id: '' } };
  for (const msgtype of types) {
    out.push([ADD, { sender: 's', attachments: [{ msgtype }] }]);
    out.push([WELCOME, { welcome_code: 'c', attachments: [{ msgtype, ...items }] }]);
    out.push([WELCOME, { welcome_code: 'c', attachments: [{ msgtype, image: {} }, { msgtype, link: null }] }]);
  }
  out.push(['externalcontact/group_welcome_template/add', { text: { content: 'x'.repeat(3001) }, image: { pic_url: 'u' }, video: { media_id: 'v' }, notify: 2 }]);
  out.push(['externalcontact/group_welcome_template/edit', { template_id: 't', text: { content: 'x'.repeat(4001) } }]);
  return out;
}

/** Every fixed case: `[endpoint, payload]`. */
export function fixedCases() {
  return [...fixtures(), ...fromJsTests(), ...edges(), ...tagsAndJoinWays(), ...moments(), ...strategiesAndStatistics(), ...messages()];
}

/** Locale tags both sides must read the same way. */
export const LOCALES = ['zh-CN', 'en', 'EN-us', ' en', '\u00a0en', '\u0085en', '\ufeffen', 'e', 'fr', ''];
