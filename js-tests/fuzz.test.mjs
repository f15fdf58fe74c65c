// Fuzz / property suite over the packed package (issue 8, "make the class impossible"): random
// and adversarial input into validate, parseEvent, CallbackCrypto, the callback handler and the
// client (with a fake fetch), each input followed by a normal call that must still work. Every
// target runs in its own worker thread (a fresh wasm engine), so one poisoned engine cannot
// fail the other targets. Also the named reproductions of issue 8's re-entrancy, report-size and
// "validate sees the sent JSON" defects.
//
// Reproducible: WECOM_FUZZ_SEED (default 0x5eed2024) seeds everything; a failure names its
// target, seed and iteration. WECOM_FUZZ_SEED=<seed> WECOM_FUZZ_REPRO=<iteration> replays that
// one input; WECOM_FUZZ_ITERATIONS=<iteration + 1> replays it after the inputs before it (for
// findings that need the state those left). WECOM_FUZZ_ITERATIONS overrides every target's
// iteration count and WECOM_FUZZ_BUDGET_MS its wall-clock budget (a bound that stops a target
// early on a slow machine, never an assertion). Defaults keep the whole file under two minutes
// on two cores (about a minute when nothing else runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, suiteSeed } from './fuzz/prng.mjs';
import { runTask } from './fuzz/run.mjs';
import { show } from './fuzz/harness.mjs';
import { mutate, VALID } from './fuzz/payloads.mjs';
import { randomValue } from './fuzz/values.mjs';

const SEED = suiteSeed();

/** Runs a fuzz target in its worker and fails with every finding (each says how to replay it). */
async function fuzz(t, module, fn) {
  const { result, problems } = await runTask(module, fn);
  if (result) t.diagnostic(`seed ${SEED} (0x${SEED.toString(16)}): ${result.ran} of ${result.planned} iterations in ${result.ms} ms`);
  if (problems.length > 0) assert.fail(`${problems.length} finding(s), seed ${SEED}:\n${problems.join('\n')}`);
}

/** Runs a named reproduction in its worker and fails with its problems. */
async function repro(fn) {
  const { problems } = await runTask('repro', fn, {}, 60_000);
  if (problems.length > 0) assert.fail(problems.join('\n'));
}

test('the fuzz generators are reproducible from seed and iteration, and reports never run input code', () => {
  const draw = () => {
    const rng = Rng.forIteration(SEED, 'validate', 17);
    const ctx = {};
    return show([rng.u32(), mutate(rng, ctx, VALID[2][1]), randomValue(rng, ctx, 4)], 5000);
  };
  assert.equal(draw(), draw());
  assert.notEqual(show(Rng.forIteration(SEED, 'validate', 18).u32()), show(Rng.forIteration(SEED, 'validate', 17).u32()));
  let reads = 0;
  const trap = new Proxy({}, { ownKeys: () => { reads += 1; throw new Error('trap'); }, get: () => { reads += 1; throw new Error('trap'); } });
  const getter = Object.defineProperty({}, 'x', { enumerable: true, get: () => { reads += 1; throw new Error('getter'); } });
  show([trap, getter, { toJSON: () => { reads += 1; } }]);
  assert.equal(reads, 0);
});

test('fuzz validate(): { valid, errors } or a WeComError; at most 100 issues; the same verdict as on the JSON the client sends; validate() still works after each input', async (t) => {
  await fuzz(t, 'validate-target', 'fuzzValidate');
});

test('fuzz parseEvent(): an event or a WeComError; the real event still parses after each input', async (t) => {
  await fuzz(t, 'callback-target', 'fuzzParseEvent');
});

test('fuzz CallbackCrypto decrypt/verifyUrl: a result or a WeComError; forged or foreign messages never decrypt; a real message still decrypts after each input', async (t) => {
  await fuzz(t, 'callback-target', 'fuzzDecrypt');
});

test('fuzz createCallbackHandler: handle() always resolves with 200/400/403/405/413; no forged request reaches onEvent; a real callback still gets 200 after each input', async (t) => {
  await fuzz(t, 'handler-target', 'fuzzHandler');
});

test('fuzz WeComClient with a fake fetch: every call settles with a result (errcode 0) or a WeComError showing no secret; a normal call still works after each', async (t) => {
  await fuzz(t, 'client-target', 'fuzzClient');
});

test('fuzz WeComClient options: E_CONFIG or a client whose normal call works (timeoutMs Infinity, 2^31, -1, NaN, "5", …)', async (t) => {
  await fuzz(t, 'client-options-target', 'fuzzClientOptions');
});

test('issue 8 item 7: a payload getter (or toJSON) that calls validate() re-entrantly gives the same report as a plain payload', async () => {
  await repro('reentrantValidate');
});

test('issue 8 item 7: a fetch rejection whose message getter calls client.request ends with a WeComError; further calls and client.free() work', async () => {
  await repro('reentrantFetchRejection');
});

test('issue 8 item 3: validate of 300 000 wrong user items returns at most 100 issues with truncated: true', async () => {
  await repro('truncatedReport');
});

test('issue 8 item 6: validate sees exactly the JSON the client sends (inherited and non-enumerable ignored, toJSON honoured, boxed String accepted, lone surrogate at /remark)', async () => {
  await repro('sentJsonIsValidated');
});
