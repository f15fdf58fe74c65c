// In-memory storage of contact ways ("联系我"), with creation order, temp-way
// expiry and opaque list cursors. Memory is bounded (ways and cursors).
// Doc: https://developer.work.weixin.qq.com/document/path/92228

import { randomBytes } from 'node:crypto';

/** Most ways stored at once; `create` beyond this returns null. */
export const MAX_CONTACT_WAYS = 10_000;
/** Cursors remembered at most (oldest forgotten first → later 40058). */
const MAX_CURSORS = 1000;

/**
 * The mock QR code URL of a scene-2 way.
 * @param {string} configId
 * @returns {string}
 */
export function qrCodeUrl(configId) {
  return `https://wwcdn.weixin.qq.com/wwpic/mock/${configId}.png`;
}

/**
 * The stored contact ways.
 */
export class ContactWayStore {
  /**
   * @param {{ clock: import('./clock.mjs').MockClock }} options
   */
  constructor({ clock }) {
    this.clock = clock;
    /** @type {Map<string, { seq: number, createTime: number, expiresAtMs?: number, way: object }>} */
    this.ways = new Map();
    /** @type {Map<string, number>} cursor → seq of the last way already returned */
    this.cursors = new Map();
    this.seq = 0;
  }

  /**
   * Stores a new way (fields already validated) under a fresh 32-hex `config_id`.
   * @param {object} fields
   * @returns {object | null} The stored way, or null when the store is full.
   */
  create(fields) {
    if (this.ways.size >= MAX_CONTACT_WAYS) return null;
    let configId;
    do configId = randomBytes(16).toString('hex'); while (this.ways.has(configId));
    const way = { config_id: configId, ...fields };
    if (way.scene === 2) way.qr_code = qrCodeUrl(configId);
    const nowMs = this.clock.now();
    const entry = { seq: ++this.seq, createTime: Math.floor(nowMs / 1000), way };
    if (way.is_temp) entry.expiresAtMs = nowMs + way.expires_in * 1000;
    this.ways.set(configId, entry);
    return way;
  }

  /**
   * @param {string} configId
   * @returns {object | undefined} The stored way.
   */
  get(configId) {
    return this.ways.get(configId)?.way;
  }

  /**
   * Whether a temp way's QR code lifetime (`expires_in`) has passed.
   * @param {string} configId
   * @returns {boolean}
   */
  isExpired(configId) {
    const entry = this.ways.get(configId);
    return entry?.expiresAtMs !== undefined && this.clock.now() >= entry.expiresAtMs;
  }

  /**
   * Applies validated changes. A new `expires_in` restarts the temp-way lifetime.
   * @param {string} configId
   * @param {object} changes
   */
  update(configId, changes) {
    const entry = this.ways.get(configId);
    if (!entry) return;
    Object.assign(entry.way, changes);
    if (entry.way.is_temp && changes.expires_in !== undefined) {
      entry.expiresAtMs = this.clock.now() + changes.expires_in * 1000;
    }
  }

  /**
   * @param {string} configId
   * @returns {boolean} Whether a way was deleted.
   */
  delete(configId) {
    return this.ways.delete(configId);
  }

  /**
   * Whether a list cursor is known.
   * @param {string} cursor
   * @returns {boolean}
   */
  hasCursor(cursor) {
    return this.cursors.has(cursor);
  }

  /**
   * One page of non-temp ways created within [startTime, endTime] (seconds),
   * in creation order.
   * @param {{ startTime: number, endTime: number, cursor?: string, limit: number }} query
   *   `cursor` must be known (see {@link ContactWayStore#hasCursor}).
   * @returns {{ configIds: string[], nextCursor?: string }}
   */
  list({ startTime, endTime, cursor, limit }) {
    const after = cursor ? this.cursors.get(cursor) ?? 0 : 0;
    const page = [];
    let more = false;
    let lastSeq = after;
    for (const entry of this.ways.values()) {
      if (entry.seq <= after || entry.way.is_temp) continue;
      if (entry.createTime < startTime || entry.createTime > endTime) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(entry.way.config_id);
      lastSeq = entry.seq;
    }
    if (!more) return { configIds: page };
    const nextCursor = randomBytes(18).toString('base64url');
    this.cursors.set(nextCursor, lastSeq);
    while (this.cursors.size > MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value);
    return { configIds: page, nextCursor };
  }

  /**
   * Deep, frozen copies of every stored way (with `create_time`, seconds), keyed by config_id.
   * @returns {Map<string, object>}
   */
  snapshot() {
    const out = new Map();
    for (const [id, entry] of this.ways) {
      out.set(id, deepFreeze({ ...structuredClone(entry.way), create_time: entry.createTime }));
    }
    return out;
  }

  /** Deletes every way and cursor. */
  clear() {
    this.ways.clear();
    this.cursors.clear();
  }
}

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
