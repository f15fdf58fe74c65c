// The validators of the validation benchmark and its table, shared by the Node bench
// (validate.bench.mjs) and the Chromium page (chromium-page.mjs). No Node API.
// Each validator: { key, label, check(payload) → number of issues (what is timed),
// paths(payload) → { errors: string[], warnings: string[] } (the sanity check) }.

import { benchSync, fmt, table } from './bench-core.mjs';
import { invalidPayload, validPayload } from './payloads.mjs';
import { compileAjv, ajvPaths } from './ajv-schema.mjs';
import { addContactWayValibot, valibotPaths } from './valibot-schema.mjs';
import { addContactWaySchema } from './zod-schema.mjs';
import { validateAddContactWay as handWritten } from './hand-written.mjs';
import * as v from 'valibot';

const EP = 'externalcontact/add_contact_way';

const count = (r) => r.errors.length + (r.warnings?.length ?? 0);
const reportPaths = (r) => ({ errors: r.errors.map((e) => e.path), warnings: (r.warnings ?? []).map((e) => e.path) });

/**
 * The SDK's validators found in `mod`: `validate(endpoint, payload)` and, from the wasm-free
 * entry, `validateAddContactWay(payload)`. `source` names where they came from.
 */
export function oursValidators(mod, source) {
  const list = [];
  if (typeof mod.validate === 'function') {
    const run = (p) => mod.validate(EP, p);
    list.push({ key: 'ours', label: `ours validate() [${source}]`, check: (p) => count(run(p)), paths: (p) => reportPaths(run(p)) });
  }
  if (typeof mod.validateAddContactWay === 'function') {
    const run = (p) => mod.validateAddContactWay(p);
    list.push({
      key: 'ours-named',
      label: `ours validateAddContactWay() [${source}]`,
      check: (p) => count(run(p)),
      paths: (p) => reportPaths(run(p)),
    });
  }
  return list;
}

/** The peers: hand-written (the floor), ajv, valibot, zod. */
export function peerValidators() {
  const ajv = compileAjv();
  const onlyErrors = (errors) => ({ errors, warnings: [] });
  return [
    {
      key: 'hand',
      label: 'hand-written JS (hand-written.mjs)',
      check: (p) => count(handWritten(p)),
      paths: (p) => reportPaths(handWritten(p)),
    },
    {
      key: 'ajv',
      label: 'ajv 8.20.0, compiled, allErrors',
      check: (p) => (ajv(p) ? 0 : ajv.errors.length),
      paths: (p) => onlyErrors(ajv(p) ? [] : ajvPaths(ajv.errors)),
    },
    {
      key: 'valibot',
      label: 'valibot 1.5.0 safeParse',
      check: (p) => {
        const r = v.safeParse(addContactWayValibot, p);
        return r.success ? 0 : r.issues.length;
      },
      paths: (p) => onlyErrors(valibotPaths(v.safeParse(addContactWayValibot, p))),
    },
    {
      key: 'zod',
      label: 'zod 4.6.7 safeParse',
      check: (p) => {
        const r = addContactWaySchema.safeParse(p);
        return r.success ? 0 : r.error.issues.length;
      },
      paths: (p) => {
        const r = addContactWaySchema.safeParse(p);
        return onlyErrors(r.success ? [] : r.error.issues.map((i) => i.path.map((k) => `/${k}`).join('')));
      },
    },
  ];
}

/**
 * The sanity check (not a test: differences are printed): what each validator says about the
 * valid payload, and the issue paths it gives for the invalid one, compared with the first
 * validator's (errors and warnings together: the peers have no warnings).
 */
export function sanityLines(list) {
  const lines = [];
  const all = (p) => [...p.errors, ...p.warnings].sort().join(' ');
  const reference = all(list[0].paths(invalidPayload));
  for (const val of list) {
    const valid = val.paths(validPayload);
    const invalid = val.paths(invalidPayload);
    const same = all(invalid) === reference ? 'same' : 'DIFFERENT';
    lines.push(`${val.label}`);
    lines.push(`  valid payload: ${valid.errors.length} errors, ${valid.warnings.length} warnings`);
    lines.push(`  invalid payload: errors ${invalid.errors.join(' ') || '-'} | warnings ${invalid.warnings.join(' ') || '-'}  (${same})`);
  }
  return lines;
}

/** Runs every validator on both payloads, rounds interleaved (bench-core.mjs benchSync). */
export function runValidationBench(list, opts) {
  const cases = [];
  for (const val of list) {
    cases.push({ name: `valid/${val.key}`, fn: () => val.check(validPayload) === 0 });
    cases.push({ name: `invalid/${val.key}`, fn: () => val.check(invalidPayload) });
  }
  return benchSync(cases, opts);
}

const millions = (n) => `${fmt(n / 1e6, 2)}M`;

/**
 * The one table: ops/s (median, min–max) on the valid and the invalid payload per validator, and
 * each validator's speed divided by ajv's and by the hand-written one's.
 */
export function resultTable(list, results) {
  const ops = (kind, key) => results.get(`${kind}/${key}`);
  const cell = (m) => `${millions(m.median)} (${millions(m.min)}–${millions(m.max)})`;
  const ratio = (kind, key, ref) => (ops(kind, ref) ? `${fmt(ops(kind, key).median / ops(kind, ref).median, 2)}×` : 'n/a');
  return table(
    ['validator', 'valid ops/s (min–max)', 'invalid ops/s (min–max)', 'valid ÷ ajv', 'invalid ÷ ajv', 'valid ÷ hand-written', 'invalid ÷ hand-written'],
    list.map((val) => [
      val.label,
      cell(ops('valid', val.key)),
      cell(ops('invalid', val.key)),
      ratio('valid', val.key, 'ajv'),
      ratio('invalid', val.key, 'ajv'),
      ratio('valid', val.key, 'hand'),
      ratio('invalid', val.key, 'hand'),
    ]),
  );
}

/** The lines that describe a run: the payloads and the timing plan. */
export function planLine(opts) {
  return `median of ${opts.rounds} rounds of ~${opts.roundMs} ms each after ${opts.warmupMs} ms warm-up per case; rounds of all cases interleaved`;
}
