// Endpoint handlers for customer transfers: on-job (在职继承) `transfer_customer` and
// `transfer_result`, resigned (离职继承) `resigned/transfer_customer` and `resigned/transfer_result`,
// and the legacy `transfer` / `get_transfer_result` (分配在职或离职成员的客户, 查询客户接替结果).
// A started transfer waits 24 hours on the world's clock, then completes (world/transfer-effects.mjs).
// Docs: https://developer.work.weixin.qq.com/document/path/92125, 94088 (on-job),
// https://developer.work.weixin.qq.com/document/path/94081, 94082 (resigned),
// https://developer.work.weixin.qq.com/document/path/92973 (legacy result).

import { ApiError, invalidParam } from './errors.mjs';
import { optionalText, requiredMember, requiredText, stringList, takeoverMember } from './transfer-params.mjs';
import { listCursor, listPosition } from './world/position-cursor.mjs';
import { getUnassignedList } from './unassigned.mjs';
import { MAX_TRANSFER_RECORDS } from './world/transfers.mjs';

/** Most customers per transfer call (「每次最多分配100个客户」). */
export const MAX_TRANSFER_CUSTOMERS = 100;
/** Longest `transfer_success_msg`, in characters (「最多200个字符」). */
export const MAX_SUCCESS_MSG_CHARS = 200;
/** Records per transfer_result page (「每个分页返回的数据不会超过1000条」). */
export const TRANSFER_RESULT_PAGE = 1000;

/**
 * Why one customer cannot be transferred now, as WeCom's per-customer errcode (0: it can):
 * 40096 not a customer, 40130 handover = takeover, 40097 handover not resigned (resigned flow),
 * 40131 handover does not follow the customer, 40129 that relation is already in transfer,
 * 40128 two on-job transfers of this customer in the last 90 days.
 * @param {import('./world/transfers.mjs').TransferWorld & { customers: Map<string, object> }} world
 * @param {'onjob' | 'resigned'} kind
 * @param {{ userid: string, status: string }} handover
 * @param {{ userid: string }} takeover
 * @param {string} externalUserid
 * @param {number} now Unix seconds.
 * @returns {number}
 */
export function transferRefusal(world, kind, handover, takeover, externalUserid, now) {
  if (!world.customers.has(externalUserid)) return 40096;
  if (handover.userid === takeover.userid) return 40130;
  if (kind === 'resigned' && handover.status !== 'resigned') return 40097;
  if (world.follows.get(externalUserid)?.has(handover.userid) !== true) return 40131;
  if (world.transfers.inTransfer(handover.userid, externalUserid)) return 40129;
  if (kind === 'onjob' && world.transfers.tooFrequent(externalUserid, now)) return 40128;
  return 0;
}

/** 40058 when `count` more records would pass the look-alike's memory bound. */
function checkRoom(world, count) {
  if (!world.transfers.hasRoom(count)) {
    throw invalidParam(`mock transfer record limit reached (${MAX_TRANSFER_RECORDS})`);
  }
}

/** Checks the request and starts a transfer for every customer that can be transferred. */
function transferCustomers(body, world, kind) {
  const handover = requiredMember(body, 'handover_userid', world);
  const takeover = takeoverMember(body, 'takeover_userid', world);
  const ids = stringList(body, 'external_userid', MAX_TRANSFER_CUSTOMERS, 41035);
  if (kind === 'onjob') {
    optionalText(body, 'transfer_success_msg', MAX_SUCCESS_MSG_CHARS);
    if (handover.status !== 'active') throw new ApiError(40003, 'handover_userid has resigned: use resigned/transfer_customer');
  }
  checkRoom(world, ids.length);
  const now = world.clock.nowSeconds();
  const customer = ids.map((id) => {
    const errcode = transferRefusal(world, kind, handover, takeover, id, now);
    if (errcode === 0) world.transfers.start(kind, handover.userid, takeover.userid, id, now);
    return { external_userid: id, errcode };
  });
  return { customer };
}

/** One page of a pair's transfer records. */
function transferResult(body, world, kind) {
  const handover = requiredMember(body, 'handover_userid', world);
  const takeover = requiredMember(body, 'takeover_userid', world);
  const list = kind === 'onjob' ? 'transfer_result' : 'resigned/transfer_result';
  const records = world.transfers.recordsOf(kind, handover.userid, takeover.userid);
  const from = listPosition(world, list, body.cursor, records.length);
  const to = Math.min(records.length, from + TRANSFER_RESULT_PAGE);
  const customer = [];
  for (let i = from; i < to; i += 1) {
    const r = records[i];
    customer.push({ external_userid: r.external_userid, status: r.status, takeover_time: r.takeover_time });
  }
  return { customer, next_cursor: to < records.length ? listCursor(world, list, to) : '' };
}

/**
 * `POST /cgi-bin/externalcontact/transfer_customer` — hands customers of an active member over to
 * another (takeover after 24 h). `customer[].errcode` per {@link transferRefusal}; the request fails
 * as a whole with 40003 (handover or takeover missing, not a member or resigned), 84074 (takeover
 * without 客户联系), 41035 (no external_userid), 40058 (more than 100 customers,
 * transfer_success_msg over 200 characters).
 * https://developer.work.weixin.qq.com/document/path/92125
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ customer: Array<{ external_userid: string, errcode: number }> }}
 */
export function transferCustomer({ body, env }) {
  return transferCustomers(body, env.world, 'onjob');
}

/**
 * `POST /cgi-bin/externalcontact/resigned/transfer_customer` — assigns a resigned member's customers
 * (takeover after 24 h); per-customer 40097 when the handover member has not resigned, otherwise as
 * {@link transferCustomer} (no 90-day limit, no transfer_success_msg).
 * https://developer.work.weixin.qq.com/document/path/94081
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ customer: Array<{ external_userid: string, errcode: number }> }}
 */
export function resignedTransferCustomer({ body, env }) {
  return transferCustomers(body, env.world, 'resigned');
}

/**
 * `POST /cgi-bin/externalcontact/transfer_result` — the on-job transfers from handover to takeover,
 * in start order, 1000 a page: `status` 2 waiting (takeover_time in the future) or 1 done.
 * https://developer.work.weixin.qq.com/document/path/94088
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ customer: Array<{ external_userid: string, status: number, takeover_time: number }>, next_cursor: string }}
 */
export function transferResultHandler({ body, env }) {
  return transferResult(body, env.world, 'onjob');
}

/**
 * `POST /cgi-bin/externalcontact/resigned/transfer_result` — as {@link transferResultHandler} for
 * resigned members' transfers.
 * https://developer.work.weixin.qq.com/document/path/94082
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ customer: Array<{ external_userid: string, status: number, takeover_time: number }>, next_cursor: string }}
 */
export function resignedTransferResult({ body, env }) {
  return transferResult(body, env.world, 'resigned');
}

/**
 * `POST /cgi-bin/externalcontact/transfer` (legacy, 分配在职或离职成员的客户) — one customer, on-job or
 * resigned by the handover member's state; the per-customer code of {@link transferRefusal} is the
 * answer's errcode. 41035 when `external_userid` (a string) is missing.
 * https://developer.work.weixin.qq.com/document/path/92125
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function legacyTransfer({ body, env }) {
  const world = env.world;
  const handover = requiredMember(body, 'handover_userid', world);
  const takeover = takeoverMember(body, 'takeover_userid', world);
  const id = requiredText(body, 'external_userid', 41035);
  optionalText(body, 'transfer_success_msg', MAX_SUCCESS_MSG_CHARS);
  const kind = handover.status === 'resigned' ? 'resigned' : 'onjob';
  checkRoom(world, 1);
  const now = world.clock.nowSeconds();
  const errcode = transferRefusal(world, kind, handover, takeover, id, now);
  if (errcode !== 0) throw new ApiError(errcode);
  world.transfers.start(kind, handover.userid, takeover.userid, id, now);
  return {};
}

/**
 * `POST /cgi-bin/externalcontact/get_transfer_result` (legacy) — the latest transfer of one customer
 * from handover to takeover: `status` 1 done or 2 waiting with its `takeover_time`, or `status` 5
 * (无接替记录) without one.
 * https://developer.work.weixin.qq.com/document/path/92973
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{ status: number, takeover_time?: number }}
 */
export function legacyGetTransferResult({ body, env }) {
  const world = env.world;
  const handover = requiredMember(body, 'handover_userid', world);
  const takeover = requiredMember(body, 'takeover_userid', world);
  const id = requiredText(body, 'external_userid', 41035);
  const record = world.transfers.latest(handover.userid, takeover.userid, id);
  if (record === undefined) return { status: 5 };
  return { status: record.status, takeover_time: record.takeover_time };
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const TRANSFER_HANDLERS = [
  ['externalcontact/transfer_customer', transferCustomer],
  ['externalcontact/transfer_result', transferResultHandler],
  ['externalcontact/get_unassigned_list', getUnassignedList],
  ['externalcontact/resigned/transfer_customer', resignedTransferCustomer],
  ['externalcontact/resigned/transfer_result', resignedTransferResult],
  ['externalcontact/transfer', legacyTransfer],
  ['externalcontact/get_transfer_result', legacyGetTransferResult],
];
