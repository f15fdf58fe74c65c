// Customer transfers (在职继承 / 离职继承) in the world: a started transfer waits (status 2) and
// completes 24 h later on the world's clock (status 1), moving the follow relation from the
// handover member to the takeover member. Completion is computed lazily (no timers): the router
// settles due transfers before every request, and the snapshot accessor before every read.

/** A transfer completes this long after it starts (seconds). */
export const TRANSFER_DELAY_SECONDS = 24 * 3600;

/** Most transfer records kept (each started transfer is one). */
export const MAX_TRANSFER_RECORDS = 2_000_000;

/**
 * @typedef {object} TransferRecord
 * @property {'onjob' | 'resigned'} kind
 * @property {string} handover_userid
 * @property {string} takeover_userid
 * @property {string} external_userid
 * @property {1 | 2 | 3 | 4 | 5} status 1 done, 2 waiting, 3 refused, 4 takeover at its limit, 5 no record.
 * @property {number} started_at Unix seconds (world clock).
 * @property {number} [takeover_time] Unix seconds, when done.
 */

/**
 * @typedef {object} TransferState
 * @property {TransferRecord[]} records Every started transfer, in start order.
 * @property {number} pendingFrom Index of the first record that may still wait.
 * @property {Map<string, number[]>} groupChats chat_id → start times (seconds) of its transfers.
 */

/** @returns {TransferState} */
export function newTransferState() {
  return { records: [], pendingFrom: 0, groupChats: new Map() };
}

/**
 * Starts a transfer (status 2, waiting). The caller has checked it is allowed.
 * @param {{ transfers: TransferState, clock: import('../clock.mjs').MockClock }} world
 * @param {{ kind: 'onjob' | 'resigned', handover_userid: string, takeover_userid: string, external_userid: string }} fields
 * @returns {TransferRecord | null} null when {@link MAX_TRANSFER_RECORDS} are kept already.
 */
export function startTransfer(world, fields) {
  if (world.transfers.records.length >= MAX_TRANSFER_RECORDS) return null;
  /** @type {TransferRecord} */
  const record = { ...fields, status: 2, started_at: world.clock.nowSeconds() };
  world.transfers.records.push(record);
  return record;
}

/** Removes `externalUserid` from `userid`'s customers. */
function dropFromMember(world, userid, externalUserid) {
  const list = world.byMember.get(userid);
  if (!list) return;
  const at = list.indexOf(externalUserid);
  if (at >= 0) list.splice(at, 1);
}

/**
 * Moves a customer's follow relation from handover to takeover, keeping remark, description and
 * tags (the takeover member inherits them); a takeover who already follows keeps their own.
 * @param {import('./index.mjs').World} world
 * @param {TransferRecord} record
 * @param {number} now When it completed: 24 h after it started (unix seconds).
 */
function complete(world, record, now) {
  record.status = 1;
  record.takeover_time = now;
  const relation = world.follows.get(record.external_userid);
  if (!relation) return;
  const old = relation.get(record.handover_userid);
  if (old) {
    relation.delete(record.handover_userid);
    dropFromMember(world, record.handover_userid, record.external_userid);
  }
  if (!relation.has(record.takeover_userid)) {
    const base = old ?? { remark: '', description: '', tags: [], remark_mobiles: [] };
    const moved = {
      ...base,
      userid: record.takeover_userid,
      createtime: now,
      oper_userid: record.takeover_userid,
      add_way: 202,
    };
    delete moved.state;
    relation.set(record.takeover_userid, moved);
    let list = world.byMember.get(record.takeover_userid);
    if (!list) {
      list = [];
      world.byMember.set(record.takeover_userid, list);
    }
    list.push(record.external_userid);
  }
}

/**
 * Completes every waiting transfer started at least {@link TRANSFER_DELAY_SECONDS} ago.
 * @param {import('./index.mjs').World} world
 */
export function settleTransfers(world) {
  const { transfers } = world;
  if (transfers.pendingFrom >= transfers.records.length) return;
  const now = world.clock.nowSeconds();
  let firstWaiting = -1;
  for (let i = transfers.pendingFrom; i < transfers.records.length; i += 1) {
    const record = transfers.records[i];
    if (record.status !== 2) continue;
    if (now - record.started_at >= TRANSFER_DELAY_SECONDS) complete(world, record, record.started_at + TRANSFER_DELAY_SECONDS);
    else if (firstWaiting < 0) firstWaiting = i;
  }
  transfers.pendingFrom = firstWaiting < 0 ? transfers.records.length : firstWaiting;
}
