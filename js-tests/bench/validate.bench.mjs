// validate('externalcontact/add_contact_way', payload) throughput in Node, side by side with a
// hand-written zod 4 schema of the same rules (zod-schema.mjs), on the same payload objects.
//   node js-tests/bench/validate.bench.mjs            (run.sh installs zod first)
// Env: BENCH_ROUNDS (default 9), BENCH_ROUND_MS (default 200), BENCH_WARMUP_MS (default 400).
// Prints figures only; asserts nothing about timings.

import { benchSync, envNumber, fmt, machineLine, pkgLine, pkgUrl, table } from './harness.mjs';
import { invalidPayload, invalidRules, validPayload } from './payloads.mjs';
import { addContactWaySchema } from './zod-schema.mjs';

const { validate } = await import(pkgUrl('index.mjs'));
const EP = 'externalcontact/add_contact_way';
const EN = { locale: 'en' };

// Sanity: both validators agree on the payloads (not a test: a mismatch is printed, not thrown).
const ours = validate(EP, invalidPayload);
const theirs = addContactWaySchema.safeParse(invalidPayload);
const oursPaths = ours.errors.map((e) => e.path).sort();
const zodPaths = theirs.success ? [] : theirs.error.issues.map((i) => `/${i.path.join('/')}`).sort();
console.log(`# validate: add_contact_way, SDK validate() vs hand-written zod schema\n`);
console.log(`machine: ${await machineLine()}`);
console.log(`package: ${await pkgLine()}`);
console.log(`valid payload: SDK valid=${validate(EP, validPayload).valid}, zod success=${addContactWaySchema.safeParse(validPayload).success}`);
console.log(`invalid payload: SDK ${ours.errors.length} errors [${ours.errors.map((e) => e.rule).join(', ')}] (expected ${invalidRules.join(', ')})`);
console.log(`  SDK paths ${oursPaths.join(' ')}\n  zod paths ${zodPaths.join(' ')}${oursPaths.join() === zodPaths.join() ? '  (same)' : '  (DIFFERENT)'}`);
console.log('');

const opts = {
  rounds: envNumber('BENCH_ROUNDS', 9),
  roundMs: envNumber('BENCH_ROUND_MS', 200),
  warmupMs: envNumber('BENCH_WARMUP_MS', 400),
};

const cases = [
  { name: 'valid/sdk', fn: () => validate(EP, validPayload).valid },
  { name: 'valid/zod', fn: () => addContactWaySchema.safeParse(validPayload).success },
  { name: 'invalid/sdk', fn: () => validate(EP, invalidPayload).errors.length },
  { name: 'invalid/sdk-en', fn: () => validate(EP, invalidPayload, EN).errors.length },
  { name: 'invalid/zod', fn: () => addContactWaySchema.safeParse(invalidPayload).error.issues.length },
];
const r = benchSync(cases, opts);

const row = (label, lib, key, ref) => {
  const m = r.get(key);
  const spread = `${fmt(m.min)}–${fmt(m.max)}`;
  return [label, lib, fmt(m.median), fmt(1e6 / m.median, 2), spread, ref ? `${fmt(m.median / r.get(ref).median, 2)}×` : '1.00×'];
};
console.log(`median of ${opts.rounds} rounds of ~${opts.roundMs} ms each after ${opts.warmupMs} ms warm-up; rounds interleaved\n`);
console.log(
  table(
    ['payload', 'validator', 'ops/s (median)', 'µs/op', 'ops/s min–max', 'speed vs zod'],
    [
      row('valid (admin form, temp mode + conclusions)', 'zod 4.6.7 safeParse', 'valid/zod'),
      row('valid (admin form, temp mode + conclusions)', 'SDK validate()', 'valid/sdk', 'valid/zod'),
      row('invalid (5 rules broken)', 'zod 4.6.7 safeParse', 'invalid/zod'),
      row('invalid (5 rules broken)', 'SDK validate() (zh-CN messages)', 'invalid/sdk', 'invalid/zod'),
      row('invalid (5 rules broken)', "SDK validate(…, { locale: 'en' })", 'invalid/sdk-en', 'invalid/zod'),
    ],
  ),
);

console.log('\nWhere the SDK\'s time goes: node js-tests/bench/profile.mjs validate [--names]');
