// The Chromium side of chromium.bench.mjs: bundled by esbuild together with the SDK entry it
// measures, it runs the very validators and timing of the Node bench (validators.mjs) in the
// page and hands back the lines to print. No Node API.

import { oursValidators, peerValidators, planLine, resultTable, runValidationBench, sanityLines } from './validators.mjs';

/**
 * Runs the validation bench on `mod` (the SDK module, `source` names it) with the timing `opts`.
 * @returns {{ machine: string, sanity: string[], plan: string, table: string }}
 */
export function runInPage(mod, source, opts) {
  const list = [...oursValidators(mod, source), ...peerValidators()];
  const sanity = sanityLines(list);
  const results = runValidationBench(list, opts);
  return {
    machine: `${navigator.userAgent}, ${navigator.hardwareConcurrency} logical CPUs`,
    sanity,
    plan: planLine(opts),
    table: resultTable(list, results),
  };
}
