// Shared helpers of the Node benchmarks: where the package is, the machine line, and (re-exported
// from bench-core.mjs, which the Chromium page shares) round timing, medians, tables.
// Benchmarks print figures; they never assert timings.

import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export { benchSync, consume, fmt, median, sink, table } from './bench-core.mjs';

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
  const wasm = path.join(pkgDir, 'wecom.wasm');
  let version = '?';
  try {
    version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {}
  const hash = fs.existsSync(wasm) ? createHash('sha256').update(fs.readFileSync(wasm)).digest('hex').slice(0, 12) : 'missing';
  return `${pkgDir} (wecom-external-contact ${version}, wasm sha256 ${hash})`;
}

/** The first target of an `exports` entry that matches `conditions` (Node's resolution order). */
function exportTarget(entry, conditions) {
  if (typeof entry === 'string') return entry;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return null;
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'default' || conditions.includes(key)) {
      const target = exportTarget(value, conditions);
      if (target && !/\.d\.[cm]?ts$/.test(target)) return target;
    }
  }
  return null;
}

/**
 * The wasm-free validate entry (`wecom-external-contact/validate`) of the measured package: the
 * file that its package.json `exports["./validate"]` names for `conditions`, else `validate.mjs`.
 * Null when that file does not exist (a package from before issue 9).
 */
export async function validateEntry(conditions = ['node', 'import']) {
  const fs = await import('node:fs');
  let target = null;
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    target = exportTarget(manifest.exports?.['./validate'], conditions);
  } catch {}
  const file = path.join(pkgDir, target ?? 'validate.mjs');
  return fs.existsSync(file) ? file : null;
}

/** esbuild's JS API from the build tools (.tools/, installed by npm/scripts/setup.sh). */
export async function loadEsbuild() {
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(here, '..', '..', '.tools', 'node_modules', 'noop.js'));
  try {
    return require('esbuild');
  } catch {
    throw new Error('esbuild is not in .tools/node_modules: run bash npm/scripts/setup.sh');
  }
}

/**
 * Starts the package's look-alike (`mock/cli.mjs --port 0 …args`) in its own process, so that its
 * work is not counted; resolves with `{ url, child }` once it says where it listens. The child is
 * stopped (SIGTERM) when this process exits.
 */
export async function startMockProcess(args = [], { timeoutMs = 10_000 } = {}) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [path.join(pkgDir, 'mock', 'cli.mjs'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
  process.on('exit', stop);
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the look-alike did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the look-alike exited early (code ${code})`));
    });
  });
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`refusing a non-loopback mock URL: ${url}`);
  return { url, child, stop };
}
