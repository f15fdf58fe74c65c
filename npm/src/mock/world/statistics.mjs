// Statistics computed from the world (never random): per member and day from the follow relations'
// `createtime` (get_user_behavior_data), per group-chat owner and day from the chats' `create_time`
// and their members' `join_time` (groupchat/statistic, statistic_group_by_day). Days are China's
// (UTC+8), as WeCom counts them.

/** Seconds in a day. */
export const DAY = 86_400;
const CHINA_OFFSET = 8 * 3600;

/**
 * The start (China midnight) of the day holding `seconds`.
 * @param {number} seconds Unix seconds.
 * @returns {number}
 */
export function dayStart(seconds) {
  return Math.floor((seconds + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
}

/**
 * The follow relations `userids` made per day in [firstDay, lastDay] (day starts), as counts.
 * @param {{ byMember: Map<string, string[]>, follows: Map<string, Map<string, { createtime: number }>> }} world
 * @param {Iterable<string>} userids
 * @param {number} firstDay
 * @param {number} lastDay
 * @returns {number[]} One count per day.
 */
export function newContactsPerDay(world, userids, firstDay, lastDay) {
  const days = (lastDay - firstDay) / DAY + 1;
  const counts = new Array(days).fill(0);
  for (const userid of userids) {
    for (const id of world.byMember.get(userid) ?? []) {
      const t = world.follows.get(id)?.get(userid)?.createtime;
      if (t === undefined || t < firstDay || t >= lastDay + DAY) continue;
      counts[Math.floor((t - firstDay) / DAY)] += 1;
    }
  }
  return counts;
}

/**
 * One entry of behavior_data for a day with `contacts` new follow relations: each new customer is
 * one chat (applied and accepted that day) of three messages, answered within a minute.
 * @param {number} statTime The day's start.
 * @param {number} contacts
 * @returns {Record<string, number>}
 */
export function behaviorEntry(statTime, contacts) {
  /** @type {Record<string, number>} */
  const out = { stat_time: statTime, chat_cnt: contacts, message_cnt: contacts * 3 };
  if (contacts > 0) {
    out.reply_percentage = 100;
    out.avg_reply_time = 1;
  }
  out.negative_feedback_cnt = 0;
  out.new_apply_cnt = contacts;
  out.new_contact_cnt = contacts;
  return out;
}

/**
 * The group-chat figures of some chats over [from, to) (unix seconds): chats made in it and in all
 * by its end, chats with a join in it (a join is a message), members who joined in it (the owner
 * not counted) and in all by its end.
 * @param {Iterable<{ owner: string, create_time: number, member_list: Array<{ userid: string, join_time: number }> }>} chats
 * @param {number} from
 * @param {number} to
 * @returns {{ new_chat_cnt: number, chat_total: number, chat_has_msg: number, new_member_cnt: number,
 *   member_total: number, member_has_msg: number, msg_total: number }}
 */
export function chatFigures(chats, from, to) {
  const data = { new_chat_cnt: 0, chat_total: 0, chat_has_msg: 0, new_member_cnt: 0, member_total: 0, member_has_msg: 0, msg_total: 0 };
  for (const chat of chats) {
    if (chat.create_time >= to) continue;
    data.chat_total += 1;
    if (chat.create_time >= from) data.new_chat_cnt += 1;
    let joined = 0;
    for (const m of chat.member_list) {
      if (m.userid === chat.owner || m.join_time >= to) continue;
      data.member_total += 1;
      if (m.join_time >= from) joined += 1;
    }
    if (joined > 0) data.chat_has_msg += 1;
    data.new_member_cnt += joined;
  }
  data.member_has_msg = data.new_member_cnt;
  data.msg_total = data.new_member_cnt;
  return data;
}

/**
 * The chats of each owner in `owners` (current owners), in the world's order.
 * @param {{ groupChats: Map<string, { owner: string }> }} world
 * @param {Set<string>} owners
 * @returns {Map<string, object[]>}
 */
export function chatsByOwner(world, owners) {
  const out = new Map([...owners].map((o) => [o, []]));
  for (const chat of world.groupChats.values()) out.get(chat.owner)?.push(chat);
  return out;
}
