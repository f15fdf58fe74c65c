// Follow users (members with 客户联系): get_follow_user_list and check_follow_user, from the world.

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

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const FOLLOW_USER_HANDLERS = [
  ['externalcontact/get_follow_user_list', getFollowUserList],
];
