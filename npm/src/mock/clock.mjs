// The mock server's clock: wall time (or an injected time source) plus an
// offset that tests can advance to simulate token / temp-way expiry.

/** Longest single advance: 10 years (365-day years), in seconds. */
export const MAX_ADVANCE_SECONDS = 10 * 365 * 86_400;

/** Largest total advance until `resetOffset()`: 100 years, in milliseconds. */
export const MAX_OFFSET_MS = 100 * 365 * 86_400_000;

/**
 * @typedef {object} MockClock
 * @property {() => number} now Current time in milliseconds.
 * @property {() => number} nowSeconds Current time in whole seconds (unix time).
 * @property {(seconds: number) => void} advance Moves the clock forward by 0..MAX_ADVANCE_SECONDS seconds
 *   (TypeError when not a finite number, RangeError when out of range or past MAX_OFFSET_MS in total).
 * @property {() => void} resetOffset Removes every advance.
 */

/**
 * Creates the clock used for token lifetimes and contact-way timestamps.
 * @param {() => number} [source] Time source in milliseconds (default `Date.now`).
 * @returns {MockClock}
 */
export function createClock(source = Date.now) {
  let offsetMs = 0;
  const now = () => source() + offsetMs;
  return {
    now,
    nowSeconds: () => Math.floor(now() / 1000),
    advance(seconds) {
      if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
        throw new TypeError('advanceTime(seconds): seconds must be a finite number');
      }
      if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
        throw new RangeError(`advanceTime(seconds): seconds must be between 0 and ${MAX_ADVANCE_SECONDS} (10 years)`);
      }
      const ms = Math.round(seconds * 1000);
      if (offsetMs + ms > MAX_OFFSET_MS) {
        throw new RangeError('advanceTime(seconds): the clock may run at most 100 years ahead in total (reset() clears it)');
      }
      offsetMs += ms;
    },
    resetOffset() {
      offsetMs = 0;
    },
  };
}
