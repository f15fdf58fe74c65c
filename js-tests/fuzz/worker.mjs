// Runs one fuzz task in a worker thread: a fresh module graph, hence a fresh wasm engine, so a
// task that poisons its engine cannot make the next task fail. Posts { ok, result } or
// { ok: false, error }. Rejections nobody handled are part of the result (`unhandled`).
import { parentPort, workerData } from 'node:worker_threads';
import { current, kindOf } from './harness.mjs';

/** Asynchronous events by kind: { kind: { count, first } } (first = where it happened first). */
function tally() {
  const kinds = new Map();
  return {
    add(kind) {
      const where = current.iteration >= 0 ? `${current.target} iteration ${current.iteration}` : 'setup';
      const seen = kinds.get(kind);
      if (seen) seen.count += 1;
      else kinds.set(kind, { count: 1, first: where });
    },
    list: () => [...kinds].map(([kind, { count, first }]) => `${kind} — ${count}× — first during ${first}`),
  };
}

const unhandled = tally();
process.on('unhandledRejection', (reason) => unhandled.add(kindOf(reason)));

// Node truncates timers beyond 2^31-1 ms to 1 ms and only warns (issue 8 item 4): a finding.
const warnings = tally();
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name === 'TimeoutOverflowWarning') warnings.add('issue 8 item 4: a timer beyond 2^31-1 ms was set (Node truncates it to 1 ms: TimeoutOverflowWarning)');
});

try {
  const mod = await import(`./${workerData.module}.mjs`);
  const result = await mod[workerData.fn](workerData.args ?? {});
  // Let rejections of the last iterations surface before reporting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  parentPort.postMessage({ ok: true, result: { ...result, unhandled: unhandled.list(), warnings: warnings.list() } });
} catch (e) {
  parentPort.postMessage({ ok: false, error: String(e?.stack ?? e).slice(0, 2000) });
}
