// Validation throughput in Node on the add_contact_way payloads (payloads.mjs): the SDK side by
// side with a hand-written validator (the floor), ajv 8 (compiled, allErrors), valibot 1 and zod 4,
// all on the very same objects, in one process, rounds interleaved.
//   node js-tests/bench/validate.bench.mjs            (run.sh installs the peers first)
// The SDK is the wasm-free `wecom-external-contact/validate` entry when the package has one
// (validate() and validateAddContactWay()), else validate() of pkg/index.mjs (the wasm engine).
// Env: BENCH_ROUNDS (default 9), BENCH_ROUND_MS (default 200), BENCH_WARMUP_MS (default 400),
// WECOM_PKG_DIR. Prints figures only; asserts nothing about timings.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { envNumber, machineLine, pkgDir, pkgLine, pkgUrl, validateEntry } from './harness.mjs';
import { oursValidators, peerValidators, planLine, resultTable, runValidationBench, sanityLines } from './validators.mjs';

const entry = await validateEntry();
const mod = await import(entry ? pathToFileURL(entry).href : pkgUrl('index.mjs'));
const source = entry ? path.relative(pkgDir, entry) : 'index.mjs, wasm';
const list = [...oursValidators(mod, source), ...peerValidators()];

console.log('# validate: add_contact_way in Node, the SDK vs a hand-written validator, ajv, valibot, zod\n');
console.log(`machine: ${await machineLine()}`);
console.log(`package: ${await pkgLine()}`);
if (!entry) console.log('note: the package has no wasm-free validate entry (pkg/validate.mjs): measuring validate() of pkg/index.mjs');
console.log('');
for (const line of sanityLines(list)) console.log(line);
console.log('');

const opts = {
  rounds: envNumber('BENCH_ROUNDS', 9),
  roundMs: envNumber('BENCH_ROUND_MS', 200),
  warmupMs: envNumber('BENCH_WARMUP_MS', 400),
};
const results = runValidationBench(list, opts);
console.log(`${planLine(opts)}\n`);
console.log(resultTable(list, results));
console.log("\nWhere the SDK's time goes: node js-tests/bench/profile.mjs validate [--names]");
