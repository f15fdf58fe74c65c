// Seeds the corp's departments and members: the follow users first (zhangsan and lisi unless
// the `followUsers` option names others), a few members without 客户联系, a few resigned ones.

import { DEPARTMENTS, GIVEN, SURNAMES } from './names.mjs';

/** Seeded timestamps lie before this instant (2024-01-01T00:00:00Z), so answers are the same on every run. */
export const WORLD_EPOCH = 1_704_067_200;

/**
 * @typedef {object} Department
 * @property {number} id
 * @property {string} name
 * @property {number} parentid 0 for the root (id 1).
 */

/**
 * @typedef {object} Member
 * @property {string} userid
 * @property {string} name
 * @property {number[]} department
 * @property {'active' | 'resigned'} status
 * @property {number} [dimission_time] Unix seconds (resigned members).
 * @property {boolean} follow Whether 客户联系 is enabled for the member.
 */

/**
 * @param {import('./prng.mjs').Prng} rng
 * @param {number} count
 * @returns {Map<number, Department>}
 */
export function seedDepartments(rng, count) {
  /** @type {Map<number, Department>} */
  const departments = new Map([[1, { id: 1, name: '总部', parentid: 0 }]]);
  for (let id = 2; id <= count; id += 1) {
    const base = DEPARTMENTS[(id - 2) % DEPARTMENTS.length];
    const round = Math.floor((id - 2) / DEPARTMENTS.length);
    // The first rounds hang off the root; later ones below an earlier department.
    const parentid = round === 0 ? 1 : 2 + rng.below(id - 2);
    departments.set(id, { id, name: round === 0 ? base : `${base}${round + 1}组`, parentid });
  }
  return departments;
}

/** A member's name and a userid made from its pinyin, unique in `taken`. */
function personName(rng, taken) {
  const [surname, surnamePinyin] = rng.pick(SURNAMES);
  let name = surname;
  let pinyin = surnamePinyin;
  const syllables = rng.chance(0.6) ? 2 : 1;
  for (let i = 0; i < syllables; i += 1) {
    const [hanzi, py] = rng.pick(GIVEN);
    name += hanzi;
    pinyin += py;
  }
  let userid = pinyin;
  for (let n = 2; taken.has(userid); n += 1) userid = `${pinyin}${n}`;
  return { name, userid };
}

/**
 * Seeds the members. With `followUsers` given (the server option), exactly those are the active
 * members with 客户联系; the others seeded are resigned or without it. Otherwise `zhangsan` and
 * `lisi` come first and most others have 客户联系 too.
 * @param {import('./prng.mjs').Prng} rng
 * @param {{ count: number, departmentIds: number[], followUsers?: readonly string[] }} options
 * @returns {Map<string, Member>}
 */
export function seedMembers(rng, { count, departmentIds, followUsers }) {
  /** @type {Map<string, Member>} */
  const members = new Map();
  const firsts = followUsers ?? ['zhangsan', 'lisi'];
  const firstNames = { zhangsan: '张三', lisi: '李四' };
  for (const userid of firsts) {
    if (members.has(userid)) continue;
    const name = Object.hasOwn(firstNames, userid) ? firstNames[userid] : userid;
    members.set(userid, { userid, name, department: [rng.pick(departmentIds)], status: 'active', follow: true });
  }
  const generated = Math.max(0, count - members.size);
  const resigned = count >= 4 ? Math.max(1, Math.round(count / 10)) : 0;
  const withoutFollow = count >= 5 ? Math.max(1, Math.round(count / 10)) : 0;
  for (let i = 0; i < generated; i += 1) {
    const { name, userid } = personName(rng, members);
    const fromEnd = generated - i;
    /** @type {Member} */
    const member = { userid, name, department: [rng.pick(departmentIds)], status: 'active', follow: true };
    if (fromEnd <= resigned) {
      member.status = 'resigned';
      member.dimission_time = WORLD_EPOCH - rng.between(1, 180) * 86_400 - rng.below(86_400);
    } else if (followUsers !== undefined || fromEnd <= resigned + withoutFollow) {
      member.follow = false;
    }
    members.set(userid, member);
  }
  return members;
}
