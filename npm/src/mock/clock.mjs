// The mock server's clock: wall time (or an injected time source) plus an
// offset that tests can advance to simulate token / temp-way expiry.

/**
 * @typedef {object} MockClock
 * @property {() => number} now Current time in milliseconds.
 * @property {() => number} nowSeconds Current time in whole seconds (unix time).
 * @property {(seconds: number) => void} advance Moves the clock forward.
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
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
        throw new TypeError('advanceTime(seconds): seconds must be a finite number >= 0');
      }
      offsetMs += Math.round(seconds * 1000);
    },
    resetOffset() {
      offsetMs = 0;
    },
  };
}
