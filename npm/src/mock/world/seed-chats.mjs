// Seeds the customer group chats (客户群): owners among the members who follow customers (the
// first chat's owner is a resigned member when there is one), members and customers inside.

import { CHAT_WORDS } from './names.mjs';
import { WORLD_EPOCH } from './seed-people.mjs';

/**
 * @typedef {object} ChatMember
 * @property {string} userid A member's userid (type 1) or a customer's external_userid (type 2).
 * @property {1 | 2} type 1 corp member, 2 external contact.
 * @property {string} [unionid] WeChat customers only.
 * @property {number} join_time
 * @property {1 | 2 | 3} join_scene 1 invited directly, 2 by invite link, 3 by QR code.
 * @property {{ userid: string }} [invitor]
 * @property {string} group_nickname
 * @property {string} name
 * @property {string} [state]
 */

/**
 * @typedef {object} GroupChat
 * @property {string} chat_id `wr…`
 * @property {string} name
 * @property {string} owner
 * @property {number} create_time
 * @property {string} notice
 * @property {0 | 1 | 2 | 3} status 0 normal, 1 owner resigned (to inherit), 2 inheriting, 3 inherited.
 * @property {ChatMember[]} member_list
 * @property {{ userid: string }[]} admin_list
 * @property {string} member_version
 * @property {string} opengid
 */

/**
 * Seeds `count` group chats.
 * @param {import('./prng.mjs').Prng} rng
 * @param {{ count: number, owners: string[], resigned: string[], world: { members: Map<string, { name: string }>,
 *   customers: Map<string, { name: string, unionid?: string }>, byMember: Map<string, string[]> },
 *   customerIds: string[] }} options `owners`: active members with 客户联系.
 * @returns {{ groupChats: Map<string, GroupChat>, byOpengid: Map<string, string> }}
 */
export function seedGroupChats(rng, { count, owners, resigned, world, customerIds }) {
  /** @type {Map<string, GroupChat>} */
  const groupChats = new Map();
  /** @type {Map<string, string>} */
  const byOpengid = new Map();
  const everyone = [...owners, ...resigned];
  if (everyone.length === 0) return { groupChats, byOpengid };
  const memberIds = [...world.members.keys()];
  for (let i = 0; i < count; i += 1) {
    let chatId;
    do chatId = rng.alnum(28, 'wr'); while (groupChats.has(chatId));
    let opengid;
    do opengid = rng.alnum(26, 'oG'); while (byOpengid.has(opengid));
    const owner = i === 0 && resigned.length > 0 ? resigned[0] : rng.pick(everyone);
    const createTime = WORLD_EPOCH - rng.between(30, 700) * 86_400;
    const ownerName = world.members.get(owner)?.name ?? owner;
    /** @type {ChatMember[]} */
    const memberList = [
      { userid: owner, type: 1, join_time: createTime, join_scene: 1, group_nickname: '', name: ownerName },
    ];
    const seen = new Set([owner]);
    const colleagues = rng.below(Math.min(3, memberIds.length));
    for (let c = 0; c < colleagues; c += 1) {
      const userid = rng.pick(memberIds);
      if (seen.has(userid)) continue;
      seen.add(userid);
      memberList.push({
        userid, type: 1, join_time: createTime + rng.below(30 * 86_400), join_scene: 1, invitor: { userid: owner },
        group_nickname: '', name: world.members.get(userid)?.name ?? userid,
      });
    }
    const ownCustomers = world.byMember.get(owner) ?? [];
    const source = ownCustomers.length > 0 ? ownCustomers : customerIds;
    const guests = source.length === 0 ? 0 : rng.between(1, Math.min(15, source.length));
    for (let g = 0; g < guests; g += 1) {
      const externalUserid = rng.pick(source);
      if (seen.has(externalUserid)) continue;
      seen.add(externalUserid);
      const customer = world.customers.get(externalUserid);
      const joinScene = /** @type {1 | 2 | 3} */ (rng.between(1, 3));
      /** @type {ChatMember} */
      const entry = {
        userid: externalUserid, type: 2, join_time: createTime + rng.below(60 * 86_400), join_scene: joinScene,
        invitor: { userid: owner }, group_nickname: rng.chance(0.2) ? `${customer?.name ?? ''}@群` : '', name: customer?.name ?? '',
      };
      if (customer?.unionid !== undefined) entry.unionid = customer.unionid;
      if (joinScene === 3 && rng.chance(0.5)) entry.state = 'chat-qr';
      memberList.push(entry);
    }
    const admins = memberList.filter((m) => m.type === 1 && m.userid !== owner).slice(0, 1).map((m) => ({ userid: m.userid }));
    groupChats.set(chatId, {
      chat_id: chatId,
      name: `${rng.pick(CHAT_WORDS)}${i + 1}`,
      owner,
      create_time: createTime,
      notice: rng.chance(0.4) ? '欢迎加入，群内请勿发广告' : '',
      status: resigned.includes(owner) ? 1 : 0,
      member_list: memberList,
      admin_list: admins,
      member_version: rng.hex(32),
      opengid,
    });
    byOpengid.set(opengid, chatId);
  }
  return { groupChats, byOpengid };
}
