// Main-thread side of the fuzz suite: runs a task of a fuzz module in its own worker thread
// (see worker.mjs) and turns whatever happened to the worker into a list of problems.
import { Worker } from 'node:worker_threads';

/**
 * Runs `module.fn(args)` in a fresh worker. Resolves `{ result, problems }`: `problems` lists
 * the task's findings, rejections nobody handled, and a worker that crashed or outlived
 * `limitMs` (a liveness bound, far above the task's own budget).
 */
export function runTask(module, fn, args = {}, limitMs = 90_000) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { module, fn, args } });
    let done = false;
    const finish = (result, problems) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.terminate().then(() => resolve({ result, problems }));
    };
    const timer = setTimeout(() => finish(undefined, [`${module}.${fn}: the worker did not finish within ${limitMs} ms`]), limitMs);
    worker.on('message', (m) => {
      if (!m.ok) return finish(undefined, [`${module}.${fn}: the task failed: ${m.error}`]);
      const problems = [...(m.result.findings ?? []), ...(m.result.problems ?? [])];
      for (const u of m.result.unhandled ?? []) problems.push(`${module}.${fn}: an unhandled rejection: ${u}`);
      for (const w of m.result.warnings ?? []) problems.push(`${module}.${fn}: ${w}`);
      finish(m.result, problems);
    });
    worker.on('error', (e) => finish(undefined, [`${module}.${fn}: the worker crashed: ${String(e?.stack ?? e).slice(0, 1500)}`]));
    worker.on('exit', (code) => finish(undefined, [`${module}.${fn}: the worker exited (code ${code}) without a result`]));
  });
}
