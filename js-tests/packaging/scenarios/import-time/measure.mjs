// Import time of the main entry in Node, ESM vs CJS: `node measure.mjs [runs]` starts `runs`
// fresh processes per form (alternating), each timing the step from before to after
// `await import('wecom-external-contact')` or `require('wecom-external-contact')` with
// performance.now(), and also that step followed by `await ready()` (the engine compiled), and
// Node's own floor: the same for an empty module (empty.mjs / empty.cjs beside this file).
// Prints the medians and the ESM/CJS ratio as `note:` lines. Not a pass/fail test.
import { execFileSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 21);
const FORMS = {
  esm: ['--input-type=module', '-e', "const t = performance.now(); await import('wecom-external-contact'); process.stdout.write(String(performance.now() - t));"],
  cjs: ['-e', "const t = performance.now(); require('wecom-external-contact'); process.stdout.write(String(performance.now() - t));"],
  'esm+ready': ['--input-type=module', '-e', "const t = performance.now(); const m = await import('wecom-external-contact'); await m.ready(); process.stdout.write(String(performance.now() - t));"],
  'cjs+ready': ['-e', "const t = performance.now(); require('wecom-external-contact').ready().then(() => process.stdout.write(String(performance.now() - t)));"],
  'esm floor': ['--input-type=module', '-e', "const t = performance.now(); await import('./empty.mjs'); process.stdout.write(String(performance.now() - t));"],
  'cjs floor': ['-e', "const t = performance.now(); require('./empty.cjs'); process.stdout.write(String(performance.now() - t));"],
};

const samples = Object.fromEntries(Object.keys(FORMS).map((k) => [k, []]));
for (let i = 0; i < runs; i += 1) {
  for (const [name, args] of Object.entries(FORMS)) {
    samples[name].push(Number(execFileSync(process.execPath, args, { encoding: 'utf8' })));
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`note: Node ${process.version}, median of ${runs} fresh processes each`);
console.log(`note: import ${ms(m.esm)} vs require ${ms(m.cjs)}: ESM/CJS ${(m.esm / m.cjs).toFixed(2)}`);
console.log(`note: an empty module (Node's floor): import ${ms(m['esm floor'])} vs require ${ms(m['cjs floor'])}`);
console.log(`note: with ready(): import ${ms(m['esm+ready'])} vs require ${ms(m['cjs+ready'])}: ESM/CJS ${(m['esm+ready'] / m['cjs+ready']).toFixed(2)}`);
