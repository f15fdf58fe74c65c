// The fuzz loop and its bookkeeping: per-iteration generators, iteration counts and a
// wall-clock budget from the environment, and findings grouped by kind (each kept with the
// seed, iteration and input of its first occurrence, so it can be replayed).
import { inspect } from 'node:util';
import { WeComError } from 'wecom-external-contact';
import { Rng, envInt, suiteSeed } from './prng.mjs';

/** A short, safe rendering of any input: never runs getters, proxy traps or toJSON. */
export function show(value, max = 300) {
  let text;
  try {
    text = inspect(value, { depth: 3, maxArrayLength: 6, maxStringLength: 80, breakLength: Infinity, getters: false, showProxy: true });
  } catch (e) {
    text = `<cannot render: ${e?.name}>`;
  }
  return text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
}

/** What was thrown, in a form stable across iterations (for grouping): class and code, or class and message. */
export function kindOf(e) {
  if (e instanceof WeComError) return `${e.name}/${e.code}`;
  let message;
  try {
    message = String(e?.message ?? e);
  } catch {
    message = '<unprintable>';
  }
  const name = e?.constructor?.name ?? typeof e;
  return `${name}: ${message.replace(/\d+/g, 'N').slice(0, 100)}`;
}

/** Where the fuzz loop is (for reports of asynchronous events such as unhandled rejections). */
export const current = { target: '', iteration: -1 };

/** True when `e` is what the SDK may throw: a WeComError with a string code. */
export function isSdkError(e) {
  return e instanceof WeComError && typeof e.code === 'string' && e.code.length > 0;
}

/** Findings of one target, grouped by kind. */
export class Findings {
  constructor(target, seed) {
    this.target = target;
    this.seed = seed;
    this.kinds = new Map();
  }

  /** Records one violation of `property` (a stable text) at `iteration` with its input. */
  add(property, iteration, detail) {
    const seen = this.kinds.get(property);
    if (seen) seen.count += 1;
    else this.kinds.set(property, { count: 1, iteration, detail: String(detail).slice(0, 700) });
  }

  /** Records `e` unless it is an SDK error. Returns true when it was one. */
  expectSdkError(where, iteration, e, input) {
    if (isSdkError(e)) return true;
    if (e?.fromFuzzInput) {
      this.add(`${where} let the input's own exception through (${kindOf(e)}) instead of a WeComError`, iteration, `input: ${input}`);
      return false;
    }
    this.add(`${where} threw ${kindOf(e)} (not a WeComError with a code)`, iteration, `input: ${input}`);
    return false;
  }

  /** One line per kind: the property, how often, and how to replay the first case. */
  list() {
    const seed = `0x${this.seed.toString(16)}`;
    return [...this.kinds].map(
      ([property, { count, iteration, detail }]) =>
        `[${this.target}] ${property} — ${count}× — replay: WECOM_FUZZ_SEED=${this.seed} WECOM_FUZZ_REPRO=${iteration} (that input alone) or WECOM_FUZZ_ITERATIONS=${iteration + 1} (with the inputs before it) (seed ${seed}, iteration ${iteration}) — ${detail}`,
    );
  }
}

/**
 * Runs `body(rng, iteration, findings)` for the target's iterations (WECOM_FUZZ_ITERATIONS, or
 * `defaultIterations`), stopping early when the wall-clock budget (WECOM_FUZZ_BUDGET_MS, or
 * `defaultBudgetMs`) is spent: a bound on the run, never an assertion. WECOM_FUZZ_REPRO=N runs
 * iteration N only. A body that throws is itself a finding (the harness never stops on one).
 */
export async function fuzzLoop(target, { defaultIterations, defaultBudgetMs = 15000 }, body) {
  const seed = suiteSeed();
  const findings = new Findings(target, seed);
  const repro = process.env.WECOM_FUZZ_REPRO;
  const iterations = envInt('WECOM_FUZZ_ITERATIONS', defaultIterations);
  const budget = envInt('WECOM_FUZZ_BUDGET_MS', defaultBudgetMs);
  const order = repro !== undefined && repro !== '' ? [envInt('WECOM_FUZZ_REPRO', 0)] : Array.from({ length: iterations }, (_, i) => i);
  const start = Date.now();
  let ran = 0;
  for (const i of order) {
    if (Date.now() - start > budget) break;
    current.target = target;
    current.iteration = i;
    try {
      await body(Rng.forIteration(seed, target, i), i, findings);
    } catch (e) {
      findings.add(`the fuzz body itself failed: ${kindOf(e)}`, i, String(e?.stack ?? e).slice(0, 500));
    }
    ran += 1;
    // A turn of the event loop: unhandled rejections of this iteration are reported now, with it.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { target, seed, ran, planned: order.length, ms: Date.now() - start, findings: findings.list() };
}

/** Settles `promise` within `ms`: `{ value }`, `{ error }` or `{ hung: true }` (a liveness bound). */
export function within(promise, ms) {
  let timer;
  const bound = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ hung: true }), ms);
  });
  const settled = Promise.resolve(promise).then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
  return Promise.race([settled, bound]).finally(() => clearTimeout(timer));
}
