// Follow users (members with 客户联系): get_follow_user_list and check_follow_user, from the world.

import { invalidParam } from './errors.mjs';

/** Most userids, and most department ids, one check_follow_user takes (the look-alike's bound). */
const MAX_CHECK_IDS = 1000;

/**
 * `GET /cgi-bin/externalcontact/get_follow_user_list` — the active members with 客户联系, in the
 * world's order (the `followUsers` option's userids, else zhangsan and lisi first).
 * https://developer.work.weixin.qq.com/document/path/92571
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ follow_user: string[] }}
 */
export function getFollowUserList({ env }) {
  const followUser = [];
  for (const m of env.world.members.values()) if (m.follow && m.status === 'active') followUser.push(m.userid);
  return { follow_user: followUser };
}

/**
 * Departments with 客户联系: those with active members, all of whom have it.
 * @returns {Set<number>}
 */
function authorizedDepartments(world) {
  const refused = new Set();
  const seen = new Set();
  for (const m of world.members.values()) {
    if (m.status !== 'active') continue;
    for (const d of m.department) {
      seen.add(d);
      if (!m.follow) refused.add(d);
    }
  }
  return new Set([...seen].filter((d) => !refused.has(d)));
}

/**
 * `POST /cgi-bin/externalcontact/check_follow_user {userid?: string[], partyid?: number[]}` —
 * which of the given members and departments have 客户联系. A member has it when active with
 * 客户联系 (unknown and resigned userids are unauthorized); a department when it has active
 * members and all of them have it. 40058 when both lists are empty or a list is malformed or longer
 * than 1000.
 * https://developer.work.weixin.qq.com/document/path/96312
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ authorized: { userid: string[], partyid: number[] }, unauthorized: { userid: string[], partyid: number[] } }}
 */
export function checkFollowUser({ body, env }) {
  const userids = body.userid ?? [];
  const partyids = body.partyid ?? [];
  if (!Array.isArray(userids) || !userids.every((u) => typeof u === 'string')) throw invalidParam('userid must be an array of userids');
  if (!Array.isArray(partyids) || !partyids.every((p) => Number.isSafeInteger(p) && p > 0)) {
    throw invalidParam('partyid must be an array of department ids');
  }
  if (userids.length === 0 && partyids.length === 0) throw invalidParam('userid and partyid are both empty');
  if (userids.length > MAX_CHECK_IDS || partyids.length > MAX_CHECK_IDS) throw invalidParam(`more than ${MAX_CHECK_IDS} ids`);
  const authorized = { userid: [], partyid: [] };
  const unauthorized = { userid: [], partyid: [] };
  for (const userid of new Set(userids)) {
    const m = env.world.members.get(userid);
    (m && m.status === 'active' && m.follow ? authorized : unauthorized).userid.push(userid);
  }
  const departments = partyids.length > 0 ? authorizedDepartments(env.world) : new Set();
  for (const partyid of new Set(partyids)) {
    (departments.has(partyid) ? authorized : unauthorized).partyid.push(partyid);
  }
  return { authorized, unauthorized };
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const FOLLOW_USER_HANDLERS = [
  ['externalcontact/get_follow_user_list', getFollowUserList],
  ['externalcontact/check_follow_user', checkFollowUser],
];
