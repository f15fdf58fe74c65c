// Request counters exposed by mock.stats() and GET /__mock/stats.

/** Distinct path keys counted individually; the rest (and keys over 200 chars) are summed under '(other)'. */
const MAX_PATH_KEYS = 1000;

/**
 * Counts WeCom-facing requests (everything except OPTIONS preflights and the
 * /__mock admin API).
 */
export class Stats {
  constructor() {
    this.clear();
  }

  /**
   * Counts one request.
   * @param {string} pathKey Path without the `/cgi-bin/` prefix, e.g. `externalcontact/add_contact_way`.
   */
  record(pathKey) {
    this.total += 1;
    if (pathKey === 'gettoken') this.gettoken += 1;
    const key = this.byPath.has(pathKey) || (this.byPath.size < MAX_PATH_KEYS && pathKey.length <= 200) ? pathKey : '(other)';
    this.byPath.set(key, (this.byPath.get(key) ?? 0) + 1);
  }

  /**
   * A plain-object copy of the counters.
   * @returns {{ gettoken: number, total: number, byPath: Record<string, number> }}
   */
  snapshot() {
    return { gettoken: this.gettoken, total: this.total, byPath: Object.fromEntries(this.byPath) };
  }

  /** Sets every counter back to zero. */
  clear() {
    this.gettoken = 0;
    this.total = 0;
    /** @type {Map<string, number>} */
    this.byPath = new Map();
  }
}
