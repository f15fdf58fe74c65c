// Memory over 100k validations: the SDK's validate('externalcontact/add_contact_way', …) (and
// validateAddContactWay() when the package has the wasm-free entry) on the bench payloads, valid
// and invalid mixed, zh-CN and en, with a fresh object every fifth call.
// Prints RSS and the V8 heap after 1k, 10k, 50k and 100k calls, each sample taken after a full
// GC, so one can see whether memory stays flat after the first thousand. Prints; asserts nothing.
//   node --expose-gc js-tests/bench/memory.mjs
// The SDK is the wasm-free validate entry when the package has one, else pkg/index.mjs.
// Env: WECOM_PKG_DIR, BENCH_MEMORY_CALLS (default 100000; samples at 1%, 10%, 50%, 100%).

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { envNumber, fmt, machineLine, pkgDir, pkgLine, pkgUrl, table, validateEntry } from './harness.mjs';
import { invalidPayload, validPayload } from './payloads.mjs';

if (typeof globalThis.gc !== 'function') {
  console.error('memory: run with node --expose-gc (each sample is taken after a full GC)');
  process.exit(2);
}

const EP = 'externalcontact/add_contact_way';
const total = Math.round(envNumber('BENCH_MEMORY_CALLS', 100_000));
const marks = [...new Set([total / 100, total / 10, total / 2, total].map(Math.round))];

const entry = await validateEntry();
const { validate, validateAddContactWay } = await import(entry ? pathToFileURL(entry).href : pkgUrl('index.mjs'));
// With the wasm-free entry, every fourth call goes through the named validator instead.
const named = typeof validateAddContactWay === 'function' ? validateAddContactWay : null;
const source = entry ? path.relative(pkgDir, entry) : 'index.mjs, wasm';
const EN = { locale: 'en' };

const MiB = 1024 * 1024;
const rows = [];
let firstRss = 0;
/** Takes a sample after two full GCs (the second one collects what the first one's finalizers freed). */
function sample(label) {
  globalThis.gc();
  globalThis.gc();
  const m = process.memoryUsage();
  if (rows.length === 1) firstRss = m.rss;
  const delta = rows.length >= 1 && firstRss ? `${m.rss >= firstRss ? '+' : ''}${fmt((m.rss - firstRss) / MiB, 2)}` : '';
  rows.push([label, fmt(m.rss / MiB, 2), delta, fmt(m.heapUsed / MiB, 2), fmt(m.external / MiB, 2), fmt(m.arrayBuffers / MiB, 2)]);
}

console.log(`# memory: ${fmt(total)} validations of add_contact_way, valid and invalid mixed\n`);
console.log(`machine: ${await machineLine()}`);
console.log(`package: ${await pkgLine()}`);
console.log(`validator: validate()${named ? ' and validateAddContactWay()' : ''} [${source}]\n`);

let issues = 0;
sample('0 (after import)');
let done = 0;
for (const mark of marks) {
  for (; done < mark; done++) {
    const i = done;
    let payload = i % 2 === 0 ? validPayload : invalidPayload;
    // A fresh object (and fresh strings) now and then, so nothing can hold on to one payload only.
    if (i % 5 === 0) payload = { ...payload, state: `store_${i % 997}`, user: [...payload.user] };
    const opts = i % 3 === 0 ? EN : undefined;
    const report = named && i % 4 === 1 ? named(payload, opts) : validate(EP, payload, opts);
    issues += report.errors.length + (report.warnings?.length ?? 0);
  }
  sample(fmt(mark));
}

console.log(table(['after calls', 'RSS MiB', `RSS Δ vs ${fmt(marks[0])} calls (MiB)`, 'heapUsed MiB', 'external MiB', 'arrayBuffers MiB'], rows));
console.log(`\n(${fmt(issues)} issues reported in total; every sample follows two global.gc() calls)`);
