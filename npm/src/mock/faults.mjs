// Fault injection: validation of fault objects and the FIFO queue they wait in.

/** Faults waiting at most; `inject` beyond this throws. */
export const MAX_QUEUED_FAULTS = 1000;
/** Longest accepted `delayMs` (60 seconds). */
export const MAX_DELAY_MS = 60_000;
/** Longest `errmsg` and `body`, and largest `extra` as JSON, in characters. */
export const MAX_FAULT_TEXT = 65_536;
/** Largest total size of the waiting faults (each counted as its JSON), in characters. */
export const MAX_QUEUED_CHARS = 4 * 1024 * 1024;

/**
 * @typedef {object} Fault
 * @property {string} path Endpoint path without `/cgi-bin/` (e.g. `'externalcontact/get_contact_way'`, `'gettoken'`) or `'*'` for any request.
 * @property {number} [times=1] How many matching requests the fault applies to (positive integer or `Infinity`).
 * @property {number} [errcode] Answer HTTP 200 `{errcode, errmsg}` instead of handling the request.
 * @property {string} [errmsg] errmsg for `errcode` (default: realistic WeCom text).
 * @property {number} [status] Answer this HTTP status (200–599) with the raw `body`.
 * @property {string} [body] Raw body for `status` (default `'<html>bad gateway</html>'`).
 * @property {number} [delayMs] Wait this long before answering (normally, or with the fault).
 * @property {boolean} [garbage] Answer HTTP 200 with a body that is not JSON.
 * @property {boolean} [reset] Read the request, then destroy the connection without answering (the client
 *   sees a connection reset); the request is not handled, so nothing is stored.
 * @property {Record<string, unknown>} [extra] Handle normally, then merge these fields into the JSON answer.
 */

const KNOWN_KEYS = new Set(['path', 'times', 'errcode', 'errmsg', 'status', 'body', 'delayMs', 'garbage', 'reset', 'extra']);

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Validates a fault and returns a normalised copy.
 * @param {Fault} input
 * @returns {Required<Pick<Fault, 'path' | 'times'>> & Fault}
 * @throws {TypeError} when the fault is malformed.
 */
export function normalizeFault(input) {
  if (!isPlainObject(input)) throw new TypeError('fault must be an object');
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) throw new TypeError(`fault: unknown field "${key}"`);
  }
  let { path } = input;
  if (typeof path !== 'string' || path.length === 0 || path.length > 200) {
    throw new TypeError('fault.path must be a non-empty string (e.g. "gettoken", "externalcontact/get_contact_way" or "*")');
  }
  if (path.startsWith('/cgi-bin/')) path = path.slice('/cgi-bin/'.length);
  else if (path.startsWith('/')) path = path.slice(1);

  const fault = { path, times: 1 };
  if (input.times !== undefined) {
    const t = input.times;
    if (!(t === Infinity || (Number.isInteger(t) && t >= 1))) {
      throw new TypeError('fault.times must be a positive integer or Infinity');
    }
    fault.times = t;
  }
  if (input.delayMs !== undefined) {
    const d = input.delayMs;
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0 || d > MAX_DELAY_MS) {
      throw new TypeError(`fault.delayMs must be a number between 0 and ${MAX_DELAY_MS}`);
    }
    fault.delayMs = d;
  }

  const kinds = ['errcode', 'status', 'garbage', 'reset'].filter((k) => input[k] !== undefined);
  if (kinds.length > 1) throw new TypeError(`fault: ${kinds.join(' and ')} cannot be combined`);
  if (input.errcode !== undefined) {
    if (!Number.isInteger(input.errcode)) throw new TypeError('fault.errcode must be an integer');
    fault.errcode = input.errcode;
    if (input.errmsg !== undefined) {
      if (typeof input.errmsg !== 'string' || input.errmsg.length > MAX_FAULT_TEXT) {
        throw new TypeError(`fault.errmsg must be a string of at most ${MAX_FAULT_TEXT} characters`);
      }
      fault.errmsg = input.errmsg;
    }
  } else if (input.errmsg !== undefined) {
    throw new TypeError('fault.errmsg needs fault.errcode');
  }
  if (input.status !== undefined) {
    if (!Number.isInteger(input.status) || input.status < 200 || input.status > 599) {
      throw new TypeError('fault.status must be an integer HTTP status between 200 and 599');
    }
    fault.status = input.status;
    fault.body = '<html>bad gateway</html>';
    if (input.body !== undefined) {
      if (typeof input.body !== 'string' || input.body.length > MAX_FAULT_TEXT) {
        throw new TypeError(`fault.body must be a string of at most ${MAX_FAULT_TEXT} characters`);
      }
      fault.body = input.body;
    }
  } else if (input.body !== undefined) {
    throw new TypeError('fault.body needs fault.status');
  }
  if (input.garbage !== undefined) {
    if (input.garbage !== true) throw new TypeError('fault.garbage must be true when given');
    fault.garbage = true;
  }
  if (input.reset !== undefined) {
    if (input.reset !== true) throw new TypeError('fault.reset must be true when given');
    fault.reset = true;
  }
  if (input.extra !== undefined) {
    if (!isPlainObject(input.extra)) throw new TypeError('fault.extra must be an object');
    if (fault.status !== undefined || fault.garbage || fault.reset) {
      throw new TypeError('fault.extra cannot be combined with status, garbage or reset (there is no JSON answer)');
    }
    let json;
    try {
      json = JSON.stringify(input.extra);
    } catch {
      throw new TypeError('fault.extra must be JSON data (no cycles, no BigInt)');
    }
    if (json.length > MAX_FAULT_TEXT) throw new TypeError(`fault.extra must be at most ${MAX_FAULT_TEXT} characters as JSON`);
    fault.extra = JSON.parse(json);
  }
  if (fault.delayMs === undefined && fault.errcode === undefined && fault.status === undefined
    && !fault.garbage && !fault.reset && fault.extra === undefined) {
    throw new TypeError('fault needs at least one of errcode, status, delayMs, garbage, reset, extra');
  }
  return fault;
}

/**
 * Faults waiting to fire. A request takes the earliest-injected fault whose
 * path equals its path or is `'*'` (FIFO), and each fault fires up to `times` times.
 */
export class FaultQueue {
  constructor() {
    /** @type {Array<ReturnType<typeof normalizeFault> & { remaining: number, size: number }>} */
    this.queue = [];
    /** Total size of the queued faults (see MAX_QUEUED_CHARS). */
    this.chars = 0;
  }

  /**
   * Validates all faults, then queues them (all or nothing).
   * @param {Fault | Fault[]} faults
   * @returns {number} How many were queued.
   * @throws {TypeError} when a fault is malformed or the queue would hold more than
   *   MAX_QUEUED_FAULTS faults or MAX_QUEUED_CHARS characters.
   */
  add(faults) {
    const list = Array.isArray(faults) ? faults : [faults];
    if (list.length > MAX_QUEUED_FAULTS - this.queue.length) {
      throw new TypeError(`too many queued faults (max ${MAX_QUEUED_FAULTS}, ${this.queue.length} waiting)`);
    }
    const normalized = list.map((f, i) => {
      try {
        return normalizeFault(f);
      } catch (err) {
        throw new TypeError(list.length > 1 ? `faults[${i}]: ${err.message}` : err.message);
      }
    });
    const sizes = normalized.map((f) => JSON.stringify(f).length);
    const added = sizes.reduce((a, b) => a + b, 0);
    if (this.chars + added > MAX_QUEUED_CHARS) {
      throw new TypeError(`queued faults would exceed ${MAX_QUEUED_CHARS} characters (as JSON)`);
    }
    normalized.forEach((f, i) => this.queue.push({ ...f, remaining: f.times, size: sizes[i] }));
    this.chars += added;
    return normalized.length;
  }

  /**
   * Consumes one use of the first fault matching `pathKey`.
   * @param {string} pathKey Path without `/cgi-bin/`.
   * @returns {(ReturnType<typeof normalizeFault>) | null}
   */
  take(pathKey) {
    const index = this.queue.findIndex((f) => f.path === '*' || f.path === pathKey);
    if (index === -1) return null;
    const entry = this.queue[index];
    entry.remaining -= 1;
    if (entry.remaining <= 0) {
      this.queue.splice(index, 1);
      this.chars -= entry.size;
    }
    const { remaining, size, ...fault } = entry;
    return fault;
  }

  /**
   * Copies of the faults still waiting, with how many uses each has left.
   * @returns {Array<object>}
   */
  pending() {
    const show = (n) => (n === Infinity ? 'Infinity' : n);
    return this.queue.map(({ size, ...f }) => ({ ...f, times: show(f.times), remaining: show(f.remaining) }));
  }

  /** Drops every queued fault. */
  clear() {
    this.queue.length = 0;
    this.chars = 0;
  }
}
