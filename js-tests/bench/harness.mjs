// Shared helpers of the benchmarks: where the package is, round timing, medians, tables.
// Benchmarks print figures; they never assert timings.

import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The built package: `WECOM_PKG_DIR` or `<repo>/pkg`. */
export const pkgDir = path.resolve(process.env.WECOM_PKG_DIR ?? path.join(here, '..', '..', 'pkg'));

/** File URL of a file inside the built package, for `import()`. */
export function pkgUrl(rel) {
  return pathToFileURL(path.join(pkgDir, rel)).href;
}

/** Reads a positive number from the environment (for quick runs: BENCH_ROUNDS=3 ...). */
export function envNumber(name, fallback) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

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
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < opsPerRound; i++) consume(fn());
      const ns = Number(process.hrtime.bigint() - t0);
      c.samples.push(opsPerRound / (ns / 1e9));
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

/** One line describing the machine. */
export async function machineLine() {
  const os = await import('node:os');
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs (${cpu}), ${os.platform()} ${os.arch()}`;
}

/** Which build is measured: pkg/ path, version, and a short hash of its wasm. */
export async function pkgLine() {
  const fs = await import('node:fs');
  const { createHash } = await import('node:crypto');
  const wasm = path.join(pkgDir, 'node', 'wecom_wasm_bg.wasm');
  let version = '?';
  try {
    version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {}
  const hash = fs.existsSync(wasm) ? createHash('sha256').update(fs.readFileSync(wasm)).digest('hex').slice(0, 12) : 'missing';
  return `${pkgDir} (wecom-external-contact ${version}, node wasm sha256 ${hash})`;
}
