// The two sides of the differential test: the generated JS validators (the built ones under
// target/npm-build/src/generated/, or freshly generated into a temporary directory) and the
// native validator behind `wecom-codegen check` (JSON lines in, one report per line out).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const BUILT = join(ROOT, 'target/npm-build/src/generated/validators.js');

/** Runs cargo (quietly) with `args`; returns stdout, throws with stderr on failure. */
function cargo(args, input) {
  const out = spawnSync('cargo', ['run', '-q', '-p', 'wecom-codegen', '--', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (out.status !== 0) throw new Error(`wecom-codegen ${args.join(' ')} failed (${out.status}): ${out.stderr}`);
  return out.stdout;
}

/**
 * The generated validators module: WECOM_DIFF_GENERATED (a validators.js path), else the built
 * one when the build made it (and WECOM_DIFF_FRESH is not set), else generated now into a
 * temporary copy of npm/src (removed by `dispose`).
 */
export async function loadValidators() {
  let file = process.env.WECOM_DIFF_GENERATED;
  let dispose = () => {};
  if (!file && !process.env.WECOM_DIFF_FRESH && existsSync(BUILT)) file = BUILT;
  if (!file) {
    const dir = mkdtempSync(join(tmpdir(), 'wecom-diff-'));
    cpSync(join(ROOT, 'npm/src'), join(dir, 'src'), { recursive: true });
    mkdirSync(join(dir, 'src/generated'), { recursive: true });
    cargo([join(dir, 'endpoints.d.ts'), join(dir, 'ENDPOINTS.md'), join(dir, 'src/generated')]);
    file = join(dir, 'src/generated/validators.js');
    dispose = () => rmSync(dir, { recursive: true, force: true });
  }
  return { file, module: await import(pathToFileURL(file).href), dispose };
}

/** The request models as JSON (`wecom-codegen schema`). */
export function schema() {
  return JSON.parse(cargo(['schema']));
}

/**
 * The native reports for `inputs` = [{ endpoint, text, locale, strict }]: per input the parsed
 * report, or `{ throws: code }`.
 */
export function nativeReports(inputs) {
  const text = inputs.map((i) => JSON.stringify(i)).join('\n') + '\n';
  const lines = cargo(['check'], text).split('\n').filter((l) => l !== '');
  if (lines.length !== inputs.length) throw new Error(`wecom-codegen check answered ${lines.length} lines for ${inputs.length}`);
  return lines.map((l) => JSON.parse(l));
}
