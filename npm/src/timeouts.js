// Timeout values as users give them, made safe for timers: setTimeout fires at once for delays of
// 2^31 ms or more (about 24.8 days), so 0 and Infinity mean "no timeout" and other large values
// are clamped to the longest delay a timer can wait.

/** The longest delay a JS timer can wait, ms (2^31 − 1). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * `value` as a timeout in ms: `fallback` when absent (undefined or null), 0 ("no timeout") for 0
 * and Infinity, clamped to MAX_TIMER_MS above it; `undefined` when it is no valid timeout
 * (not a number, NaN, negative).
 */
export function timeoutOption(value, fallback) {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) return undefined;
  if (value === Infinity) return 0;
  return Math.min(value, MAX_TIMER_MS);
}
