// Seeds the customers (external contacts) and their follow relations: every customer has at
// least one follower, a few have several, the busiest one has `followersOfBusiest`.

import { ADD_WAYS, CORP_CITIES, CORP_KINDS, CORP_WORDS, GIVEN, NICK_WORDS, POSITIONS, SURNAMES } from './names.mjs';
import { WORLD_EPOCH } from './seed-people.mjs';

/** A shared empty list for follows without tags or mobiles: lists are replaced, never changed in place. */
export const NONE = Object.freeze([]);

/**
 * @typedef {object} Customer
 * @property {string} external_userid `wm…` (WeChat, type 1) or `wo…` (WeCom, type 2), 32 characters.
 * @property {string} name
 * @property {1 | 2} type 1 WeChat user, 2 WeCom user.
 * @property {0 | 1 | 2} gender 0 unknown, 1 male, 2 female.
 * @property {string} avatar
 * @property {string} [unionid] WeChat customers only.
 * @property {string} [position] WeCom customers only.
 * @property {string} [corp_name]
 * @property {string} [corp_full_name]
 * @property {{ external_attr: object[] }} [external_profile]
 */

/**
 * @typedef {object} Follow
 * @property {string} userid
 * @property {string} remark
 * @property {string} description
 * @property {number} createtime Unix seconds.
 * @property {readonly string[]} tags Corp and strategy tag ids (replaced, never changed in place).
 * @property {string} [remark_corp_name]
 * @property {readonly string[]} remark_mobiles (replaced, never changed in place)
 * @property {string} oper_userid
 * @property {number} add_way
 * @property {string} [state]
 */

/** A new external_userid (`wm` / `wo` + 30 characters), unique in `taken`. */
function newExternalUserid(rng, type, taken) {
  const prefix = type === 1 ? 'wm' : 'wo';
  let id;
  do id = rng.alnum(30, prefix); while (taken.has(id));
  return id;
}

/** A new unionid (`o` + 27 characters), unique in `taken`. */
function newUnionid(rng, taken) {
  let id;
  do id = rng.alnum(27, 'o'); while (taken.has(id));
  return id;
}

/** A seeded customer. */
function makeCustomer(rng, customers, byUnionid) {
  const type = rng.chance(0.8) ? 1 : 2;
  const externalUserid = newExternalUserid(rng, type, customers);
  /** @type {Customer} */
  const customer = {
    external_userid: externalUserid,
    name: '',
    type,
    gender: /** @type {0 | 1 | 2} */ (rng.below(3)),
    avatar: `https://wework.qpic.cn/wwhead/mock/${externalUserid}/0`,
  };
  if (type === 1) {
    customer.name = rng.chance(0.5) ? rng.pick(NICK_WORDS) + (rng.chance(0.5) ? rng.between(1, 99) : '') : rng.pick(SURNAMES)[0] + rng.pick(GIVEN)[0];
    customer.unionid = newUnionid(rng, byUnionid);
    byUnionid.set(customer.unionid, externalUserid);
  } else {
    const corp = rng.pick(CORP_WORDS);
    const city = rng.pick(CORP_CITIES);
    customer.name = rng.pick(SURNAMES)[0] + rng.pick(GIVEN)[0] + rng.pick(GIVEN)[0];
    customer.position = rng.pick(POSITIONS);
    customer.corp_name = corp;
    customer.corp_full_name = `${city}${corp}${rng.pick(CORP_KINDS)}有限公司`;
    customer.external_profile = {
      external_attr: [{ type: 0, name: '文本名称', text: { value: `${corp}客户` } }],
    };
  }
  return customer;
}

/** A follow relation of `userid` to `customer`. */
function makeFollow(rng, userid, customer, corpTagIds) {
  const addWay = rng.pick(ADD_WAYS);
  let tags = NONE;
  if (corpTagIds.length > 0 && rng.chance(0.6)) {
    const count = Math.min(corpTagIds.length, rng.between(1, 3));
    const chosen = new Set();
    while (chosen.size < count) chosen.add(rng.pick(corpTagIds));
    tags = [...chosen];
  }
  /** @type {Follow} */
  const follow = {
    userid,
    remark: rng.chance(0.5) ? `${customer.name}${rng.pick(['', '（老客户）', '-跟进中', '先生', '女士'])}` : '',
    description: rng.chance(0.3) ? rng.pick(['对专业版感兴趣', '下周回访', '需要报价单', '已寄样品']) : '',
    createtime: WORLD_EPOCH - rng.below(730 * 86_400),
    tags,
    remark_mobiles: rng.chance(0.3) ? [`1${rng.between(30, 99)}${String(rng.below(100_000_000)).padStart(8, '0')}`] : NONE,
    oper_userid: addWay === 1 || addWay === 2 || addWay === 5 ? userid : customer.external_userid,
    add_way: addWay,
  };
  if (customer.type === 1 && rng.chance(0.2)) follow.remark_corp_name = `${rng.pick(CORP_WORDS)}${rng.pick(CORP_KINDS)}`;
  if (addWay === 1 && rng.chance(0.5)) follow.state = rng.pick(['store-a', 'store-b', 'expo-2023', 'web']);
  return follow;
}

/**
 * Seeds `count` customers; the first is the busiest (`followersOfBusiest` followers, the first
 * ones of `pool`), the others have 1 (most), 2 or 3 followers drawn from `pool`.
 * @param {import('./prng.mjs').Prng} rng
 * @param {{ count: number, pool: string[], followersOfBusiest: number, corpTagIds: string[] }} options
 *   `pool`: the userids that follow customers (active with 客户联系, and resigned).
 * @returns {{ customers: Map<string, Customer>, follows: Map<string, Map<string, Follow>>,
 *   byMember: Map<string, string[]>, byUnionid: Map<string, string> }}
 */
export function seedCustomers(rng, { count, pool, followersOfBusiest, corpTagIds }) {
  /** @type {Map<string, Customer>} */
  const customers = new Map();
  /** @type {Map<string, Map<string, Follow>>} */
  const follows = new Map();
  /** @type {Map<string, string[]>} */
  const byMember = new Map(pool.map((userid) => [userid, []]));
  /** @type {Map<string, string>} */
  const byUnionid = new Map();
  for (let i = 0; i < count; i += 1) {
    const customer = makeCustomer(rng, customers, byUnionid);
    customers.set(customer.external_userid, customer);
    /** @type {string[]} */
    let followers;
    if (i === 0) {
      followers = pool.slice(0, followersOfBusiest);
    } else {
      const roll = rng.next() % 100;
      const wanted = Math.min(pool.length, roll < 85 ? 1 : roll < 97 ? 2 : 3);
      followers = [];
      while (followers.length < wanted) {
        const userid = rng.pick(pool);
        if (!followers.includes(userid)) followers.push(userid);
      }
    }
    const relation = new Map();
    for (const userid of followers) {
      relation.set(userid, makeFollow(rng, userid, customer, corpTagIds));
      byMember.get(userid)?.push(customer.external_userid);
    }
    follows.set(customer.external_userid, relation);
  }
  return { customers, follows, byMember, byUnionid };
}
