// The timing and table helpers of the benchmarks, with no Node API: the Node benches (through
// harness.mjs) and the Chromium bench page use the very same code. Prints figures; asserts nothing.

/** Median of numbers (mean of the two middle ones for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Keeps results alive so the optimizer cannot drop the measured work. */
export let sink = 0;
export function consume(x) {
  sink = (sink + (x ? 1 : 0)) | 0;
}

/**
 * Measures synchronous functions side by side.
 * Each case is warmed up for `warmupMs`, the ops per round are calibrated so a round lasts about
 * `roundMs`, then `rounds` rounds run interleaved (case order rotated every round) so drift in
 * the machine's state hits every case alike.
 * @param {{name: string, fn: () => unknown}[]} cases
 * @returns {Map<string, {opsPerSec: number[], median: number, min: number, max: number, opsPerRound: number}>}
 */
export function benchSync(cases, { warmupMs = 400, roundMs = 200, rounds = 9 } = {}) {
  const plan = cases.map(({ name, fn }) => {
    // Warm-up (also lets V8 tier the code up), then calibrate.
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < warmupMs) {
      for (let i = 0; i < 100; i++) consume(fn());
      n += 100;
      now = performance.now();
    }
    const perMs = n / (now - start);
    return { name, fn, opsPerRound: Math.max(100, Math.round(perMs * roundMs)), samples: [] };
  });
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < plan.length; k++) {
      const c = plan[(k + r) % plan.length];
      const { fn, opsPerRound } = c;
      const t0 = performance.now();
      for (let i = 0; i < opsPerRound; i++) consume(fn());
      const ms = performance.now() - t0;
      c.samples.push(opsPerRound / (ms / 1e3));
    }
  }
  const out = new Map();
  for (const c of plan) {
    out.set(c.name, {
      opsPerSec: c.samples,
      median: median(c.samples),
      min: Math.min(...c.samples),
      max: Math.max(...c.samples),
      opsPerRound: c.opsPerRound,
    });
  }
  return out;
}

/** Formats a number with thousands separators and `digits` decimals. */
export function fmt(n, digits = 0) {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Renders a markdown table. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
