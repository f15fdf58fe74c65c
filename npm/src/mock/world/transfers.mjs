// The world's transfers (在职继承 / 离职继承): customer transfer records with their 24-hour
// completion, the 90-day counts behind 40128, the relations in transfer behind 40129, and the
// group-chat transfers (resigned ones complete after 24 hours too; on-job ones at once, counted for
// the 90-day and 300-a-day rules). Pure bookkeeping over plain arrays and Maps: what a completed
// transfer does to the world (the follow relation moves, the group owner changes) is in
// transfer-effects.mjs, which calls `due…` here when anything reads the world.
// Docs: https://developer.work.weixin.qq.com/document/path/92125 (on-job customers),
// https://developer.work.weixin.qq.com/document/path/94081 (resigned customers),
// https://developer.work.weixin.qq.com/document/path/94088 (transfer_result),
// https://developer.work.weixin.qq.com/document/path/92127 and 95703 (group chats).

/** A transfer takes over automatically this long after it starts (「待24小时后自动接替」), in seconds. */
export const TRANSFER_DELAY_SECONDS = 86_400;
/** The window of the on-job limits (「90个自然日内」), in seconds. */
export const TRANSFER_WINDOW_SECONDS = 90 * 86_400;
/** On-job transfers of one customer (or one group chat) allowed within the window (「仅可被转接2次」). */
export const TRANSFERS_PER_WINDOW = 2;
/** Group chats of one original owner that may be handed over per day (「每天最多分配300个」). */
export const GROUP_TRANSFERS_PER_DAY = 300;
/** Most customer transfer records the look-alike keeps (a memory bound; past it, 40058). */
export const MAX_TRANSFER_RECORDS = 1_000_000;
/** Most group-chat transfers waiting at once (a memory bound; past it, 40058). */
export const MAX_CHAT_TRANSFERS_WAITING = 1_000_000;

/** WeCom's days are China's (UTC+8): the day number of a unix time there. */
function chinaDay(seconds) {
  return Math.floor((seconds + 8 * 3600) / 86_400);
}

/**
 * One customer transfer, as transfer_result answers it (plus who and which kind).
 * @typedef {object} TransferRecord
 * @property {'onjob' | 'resigned'} kind
 * @property {string} handover_userid
 * @property {string} takeover_userid
 * @property {string} external_userid
 * @property {1 | 2} status 2 waiting (等待接替), 1 done (接替完毕).
 * @property {number} started_at Unix seconds.
 * @property {number} takeover_time Unix seconds: when it completes (waiting) or completed (done).
 */

/**
 * One group-chat transfer that completes later (resigned owners' chats).
 * @typedef {object} ChatTransfer
 * @property {string} chat_id
 * @property {string} from The old owner.
 * @property {string} to The new owner.
 * @property {number} due Unix seconds.
 */

/**
 * A group chat as the world keeps it (the parts transfers and the group-chat endpoints use).
 * @typedef {object} GroupChat
 * @property {string} chat_id
 * @property {string} name
 * @property {string} owner
 * @property {number} create_time
 * @property {string} notice
 * @property {0 | 1 | 2 | 3} status 0 normal, 1 owner resigned (离职待继承), 2 in transfer (离职继承中), 3 transferred (离职继承完成).
 * @property {Array<{ userid: string, type: 1 | 2, unionid?: string, join_time: number, join_scene: number,
 *   invitor?: { userid: string }, group_nickname: string, name: string, state?: string }>} member_list
 * @property {Array<{ userid: string }>} admin_list
 * @property {string} member_version
 * @property {string} opengid
 */

/**
 * The parts of the world transfers read and change.
 * @typedef {object} TransferWorld
 * @property {{ nowSeconds: () => number }} clock
 * @property {Map<string, { userid: string, name: string, status: 'active' | 'resigned', dimission_time?: number, follow: boolean }>} members
 * @property {Map<string, Map<string, { userid: string, tags: string[], remark_mobiles: string[] }>>} follows
 * @property {Map<string, string[]>} byMember
 * @property {Map<string, GroupChat>} groupChats
 * @property {TransferBook} transfers
 */

/** @typedef {TransferBook} TransferState The world's transfers (`world.transfers`). */

/** Where a (kind, handover, takeover) pair keeps its records. */
function pairKey(kind, handover, takeover) {
  return `${kind}\n${handover}\n${takeover}`;
}

/**
 * The transfers of one world.
 */
export class TransferBook {
  constructor() {
    /** @type {TransferRecord[]} every customer transfer started, in start order (the snapshot's list) */
    this.records = [];
    /** Index of the first record that may still wait (records complete in start order). */
    this.head = 0;
    /** @type {Map<string, { list: TransferRecord[], at: Map<string, number> }>} the latest record per customer for each (kind, handover, takeover) */
    this.pairs = new Map();
    /** @type {Map<string, TransferRecord>} `handover\nexternal_userid` → its waiting transfer */
    this.waiting = new Map();
    /** @type {Map<string, number[]>} external_userid → start times of its last on-job transfers (at most 2) */
    this.recent = new Map();
    /** @type {ChatTransfer[]} group-chat transfers waiting, in start order (from `chatHead` on) */
    this.chatQueue = [];
    this.chatHead = 0;
    /** @type {Set<string>} chat_ids with a transfer waiting */
    this.chatsWaiting = new Set();
    /** @type {Map<string, number[]>} chat_id → times of its last on-job transfers (at most 2) */
    this.chatRecent = new Map();
    /** @type {Map<string, { day: number, count: number }>} original owner → chats handed over today */
    this.ownerDay = new Map();
  }

  /**
   * Whether the relation (handover, customer) has a transfer waiting (40129).
   * @param {string} handover
   * @param {string} externalUserid
   * @returns {boolean}
   */
  inTransfer(handover, externalUserid) {
    return this.waiting.has(`${handover}\n${externalUserid}`);
  }

  /**
   * Whether the customer already had {@link TRANSFERS_PER_WINDOW} on-job transfers in the last
   * 90 days (40128).
   * @param {string} externalUserid
   * @param {number} now Unix seconds.
   * @returns {boolean}
   */
  tooFrequent(externalUserid, now) {
    return countInWindow(this.recent.get(externalUserid), now) >= TRANSFERS_PER_WINDOW;
  }

  /**
   * Whether `count` more customer transfers fit the memory bound ({@link MAX_TRANSFER_RECORDS}).
   * @param {number} count
   * @returns {boolean}
   */
  hasRoom(count) {
    return this.records.length + count <= MAX_TRANSFER_RECORDS;
  }

  /**
   * Starts a customer transfer (checks done by the caller): a waiting record, listed for its pair
   * (a customer transferred again within the same pair keeps its place and shows the new state).
   * @param {'onjob' | 'resigned'} kind
   * @param {string} handover
   * @param {string} takeover
   * @param {string} externalUserid
   * @param {number} now Unix seconds.
   * @returns {TransferRecord}
   */
  start(kind, handover, takeover, externalUserid, now) {
    const key = pairKey(kind, handover, takeover);
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      pair = { list: [], at: new Map() };
      this.pairs.set(key, pair);
    }
    /** @type {TransferRecord} */
    const record = {
      kind,
      handover_userid: handover,
      takeover_userid: takeover,
      external_userid: externalUserid,
      status: 2,
      started_at: now,
      takeover_time: now + TRANSFER_DELAY_SECONDS,
    };
    const at = pair.at.get(externalUserid);
    if (at === undefined) {
      pair.at.set(externalUserid, pair.list.length);
      pair.list.push(record);
    } else {
      pair.list[at] = record;
    }
    this.records.push(record);
    this.waiting.set(`${handover}\n${externalUserid}`, record);
    if (kind === 'onjob') remember(this.recent, externalUserid, now);
    return record;
  }

  /**
   * The records of one pair, in start order (the list transfer_result pages through).
   * @param {'onjob' | 'resigned'} kind
   * @param {string} handover
   * @param {string} takeover
   * @returns {readonly TransferRecord[]}
   */
  recordsOf(kind, handover, takeover) {
    return this.pairs.get(pairKey(kind, handover, takeover))?.list ?? [];
  }

  /**
   * The latest record of one customer for a pair, of either kind (the legacy get_transfer_result).
   * @param {string} handover
   * @param {string} takeover
   * @param {string} externalUserid
   * @returns {TransferRecord | undefined}
   */
  latest(handover, takeover, externalUserid) {
    let found;
    for (const kind of ['onjob', 'resigned']) {
      const pair = this.pairs.get(pairKey(kind, handover, takeover));
      const at = pair?.at.get(externalUserid);
      const record = at === undefined ? undefined : pair.list[at];
      if (record !== undefined && (found === undefined || record.started_at >= found.started_at)) found = record;
    }
    return found;
  }

  /**
   * Marks the customer transfers whose time has come done
   * (status 1); the caller moves their follow relations.
   * @param {number} now Unix seconds.
   * @returns {TransferRecord[]} The records completed now, in start order.
   */
  dueCustomers(now) {
    const done = [];
    while (this.head < this.records.length) {
      const record = this.records[this.head];
      if (record.status === 2) {
        if (record.takeover_time > now) break;
        record.status = 1;
        this.waiting.delete(`${record.handover_userid}\n${record.external_userid}`);
        done.push(record);
      }
      this.head += 1;
    }
    return done;
  }

  /**
   * Whether a group chat has a transfer waiting (90507).
   * @param {string} chatId
   * @returns {boolean}
   */
  chatInTransfer(chatId) {
    return this.chatsWaiting.has(chatId);
  }

  /**
   * Whether a chat already had {@link TRANSFERS_PER_WINDOW} on-job transfers in the last 90 days.
   * @param {string} chatId
   * @param {number} now Unix seconds.
   * @returns {boolean}
   */
  chatTooFrequent(chatId, now) {
    return countInWindow(this.chatRecent.get(chatId), now) >= TRANSFERS_PER_WINDOW;
  }

  /**
   * Whether `owner` already handed over {@link GROUP_TRANSFERS_PER_DAY} chats today (China's day).
   * @param {string} owner
   * @param {number} now Unix seconds.
   * @returns {boolean}
   */
  ownerDayFull(owner, now) {
    const entry = this.ownerDay.get(owner);
    return entry !== undefined && entry.day === chinaDay(now) && entry.count >= GROUP_TRANSFERS_PER_DAY;
  }

  /**
   * Counts a group-chat transfer: towards its owner's day and, on-job, towards the chat's 90 days;
   * a resigned one also waits 24 hours (see {@link TransferBook#dueChats}).
   * @param {'onjob' | 'resigned'} kind
   * @param {string} chatId
   * @param {string} from The current owner.
   * @param {string} to The new owner.
   * @param {number} now Unix seconds.
   * @returns {boolean} false when the waiting queue is full (nothing counted).
   */
  startChat(kind, chatId, from, to, now) {
    if (kind === 'resigned') {
      if (this.chatQueue.length - this.chatHead >= MAX_CHAT_TRANSFERS_WAITING) return false;
      this.chatQueue.push({ chat_id: chatId, from, to, due: now + TRANSFER_DELAY_SECONDS });
      this.chatsWaiting.add(chatId);
    } else {
      remember(this.chatRecent, chatId, now);
    }
    const day = chinaDay(now);
    const entry = this.ownerDay.get(from);
    if (entry === undefined || entry.day !== day) this.ownerDay.set(from, { day, count: 1 });
    else entry.count += 1;
    return true;
  }

  /**
   * Takes the group-chat transfers whose time has come off the waiting queue.
   * @param {number} now Unix seconds.
   * @returns {ChatTransfer[]} In start order; the caller changes the owners.
   */
  dueChats(now) {
    const done = [];
    while (this.chatHead < this.chatQueue.length && this.chatQueue[this.chatHead].due <= now) {
      const entry = this.chatQueue[this.chatHead];
      this.chatHead += 1;
      this.chatsWaiting.delete(entry.chat_id);
      done.push(entry);
    }
    if (this.chatHead > 1024 && this.chatHead * 2 > this.chatQueue.length) {
      this.chatQueue = this.chatQueue.slice(this.chatHead);
      this.chatHead = 0;
    }
    return done;
  }
}

/** How many of `times` lie within the 90-day window before `now`. */
function countInWindow(times, now) {
  if (times === undefined) return 0;
  let n = 0;
  for (const t of times) if (now - t < TRANSFER_WINDOW_SECONDS) n += 1;
  return n;
}

/** Adds `now` to `key`'s times, keeping the last TRANSFERS_PER_WINDOW (the only ones a check needs). */
function remember(map, key, now) {
  const times = map.get(key);
  if (times === undefined) map.set(key, [now]);
  else {
    times.push(now);
    if (times.length > TRANSFERS_PER_WINDOW) times.shift();
  }
}

/**
 * A world's empty transfer book (`world.transfers`).
 * @returns {TransferBook}
 */
export function newTransferState() {
  return new TransferBook();
}

export { settleTransfers } from './transfer-effects.mjs';
