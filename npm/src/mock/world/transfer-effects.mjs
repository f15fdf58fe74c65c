// What a completed transfer does to the world, applied lazily: `settleTransfers(world)` runs
// before anything reads the world (the router calls it for every request) and completes every
// transfer whose 24 hours have passed on the world's clock — the customer's follow relation moves
// from the handover member to the takeover member (`get`, both members' `list`, `batch/get_by_user`
// show it), a resigned owner's group chat gets its new owner (status 3, 离职继承完成). No timers.

import { createHash } from 'node:crypto';

/**
 * Completes every transfer that is due at the world clock's current time.
 * @param {import('./transfers.mjs').TransferWorld} world
 */
export function settleTransfers(world) {
  const book = world.transfers;
  if (book === undefined) return;
  const now = world.clock.nowSeconds();
  for (const record of book.dueCustomers(now)) {
    moveFollow(world, record.external_userid, record.handover_userid, record.takeover_userid, record.takeover_time);
  }
  for (const entry of book.dueChats(now)) {
    const chat = world.groupChats.get(entry.chat_id);
    if (chat === undefined) continue;
    changeOwner(world, chat, entry.to, entry.due);
    chat.status = 3;
  }
}

/**
 * Moves a follow relation: the handover member no longer follows the customer; the takeover member
 * does, with the handover's remark, description, tags and mobiles (what WeCom carries over),
 * `createtime` the takeover time (lists are shared: the world replaces them, never changes them in place), `add_way` 202 (assigned by the admin), `oper_userid` the handover
 * member and no `state` (no contact way brought the customer to the takeover member). A takeover
 * member who already followed the customer keeps their own relation. Nothing happens when the
 * handover member no longer follows the customer.
 * @param {import('./transfers.mjs').TransferWorld} world
 * @param {string} externalUserid
 * @param {string} from Handover userid.
 * @param {string} to Takeover userid.
 * @param {number} time Unix seconds.
 */
export function moveFollow(world, externalUserid, from, to, time) {
  const relations = world.follows.get(externalUserid);
  const follow = relations?.get(from);
  if (relations === undefined || follow === undefined) return;
  relations.delete(from);
  const mine = world.byMember.get(from);
  const at = mine === undefined ? -1 : mine.indexOf(externalUserid);
  if (at >= 0) mine.splice(at, 1);
  if (relations.has(to)) return;
  const moved = {
    ...follow,
    userid: to,
    createtime: time,
    oper_userid: from,
    add_way: 202,
  };
  delete moved.state;
  relations.set(to, moved);
  const theirs = world.byMember.get(to);
  if (theirs === undefined) world.byMember.set(to, [externalUserid]);
  else theirs.push(externalUserid);
}

/**
 * Makes `to` the owner of a group chat; a new owner who was not in the chat joins it (type 1,
 * join_scene 1), which changes `member_version`.
 * @param {import('./transfers.mjs').TransferWorld} world
 * @param {import('./transfers.mjs').GroupChat} chat
 * @param {string} to New owner's userid.
 * @param {number} time Unix seconds.
 */
export function changeOwner(world, chat, to, time) {
  chat.owner = to;
  if (chat.member_list.some((m) => m.type === 1 && m.userid === to)) return;
  chat.member_list.push({
    userid: to,
    type: 1,
    join_time: time,
    join_scene: 1,
    group_nickname: '',
    name: world.members.get(to)?.name ?? to,
  });
  chat.member_version = createHash('sha1')
    .update(`${chat.chat_id}\n${chat.member_list.length}\n${time}`)
    .digest('hex')
    .slice(0, 32);
}
