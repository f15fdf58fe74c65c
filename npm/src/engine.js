// The engine's life cycle: one live wasm instance at a time, built from a compiled module and a
// fresh copy of the wasm-bindgen glue (`createGlue()` evaluates the glue anew, so each instance
// has its own glue state). An instance from which anything but a WeComError escaped may be
// broken (a trap, a panic, memory exhaustion, a JS exception that unwound through its frames):
// it is retired at once and never called again, and the next call builds a fresh one. What is
// lost with it: the in-memory token caches of the clients that lived in it (they rebuild from
// their options and read the tokenStore, or fetch a token, on their next call) and the calls
// that were in flight on it (they reject with E_ENGINE).
import * as errors from './errors.js';
import { installFastDecrypt } from './fast-callback.js';
import { createRequestDriver } from './driver.js';

let source;
let live;
let generation = 0;

/** Builds the instances of the package's own error classes for the engine. */
function createError(className, message, props) {
  const Class = className.startsWith('WeCom') && errors[className] ? errors[className] : errors.WeComError;
  return new Class(message, props);
}

/**
 * Called once by the entry module: `createGlue()` returns a fresh glue namespace, `module` is
 * the compiled `WebAssembly.Module` (compiled once, instantiated as often as needed).
 */
export function setEngineSource(createGlue, module) {
  source = { createGlue, module };
}

/** Instantiates a fresh engine. */
function instantiate() {
  if (source === undefined) {
    throw new errors.WeComEngineError('the engine is not loaded: the package entry module sets it up when it is imported', { code: 'E_ENGINE' });
  }
  const glue = source.createGlue();
  glue.initSync({ module: source.module });
  glue.__setErrorFactory(createError);
  installFastDecrypt(glue);
  return { glue, generation: ++generation, retired: false, request: createRequestDriver(glue) };
}

/** The live engine (instantiated on first use, and again after a retirement). */
export function currentEngine() {
  if (live === undefined) live = instantiate();
  return live;
}

/** How many engines were built so far (for tests and logs: a retirement adds one). */
export function engineGeneration() {
  return generation;
}

/** Retires `engine`: it is never called again, and its memory can be collected. */
function retire(engine) {
  if (engine.retired) return;
  engine.retired = true;
  if (live === engine) live = undefined;
  engine.request = undefined;
  // Every later use of the old glue (a call still in flight, a finalizer) meets this instead of
  // the instance: finalizers do nothing, anything else throws E_ENGINE.
  engine.glue.__poison(
    () =>
      new errors.WeComEngineError('the engine this object lived in was retired after a failure', { code: 'E_ENGINE' }),
  );
}

/**
 * Sorts out a failure that came out of `engine`: a WeComError is the engine's own verdict and is
 * returned as is; anything else means the instance may be broken, so it is retired and the
 * caller gets a WeComEngineError (code `E_ENGINE`) with the original as `cause`.
 */
export function engineFailure(engine, err) {
  if (err instanceof errors.WeComError && !(err instanceof errors.WeComEngineError)) return err;
  retire(engine);
  if (err instanceof errors.WeComEngineError) return err;
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new errors.WeComEngineError(
    `the wasm engine failed (${what.slice(0, 200)}); it was replaced, and the next call runs on a fresh one`,
    { code: 'E_ENGINE', cause: err },
  );
}

/** Runs `fn(engine)` on the live engine; a failure that may have broken it retires it. */
export function withEngine(fn) {
  const engine = currentEngine();
  try {
    return fn(engine);
  } catch (err) {
    throw engineFailure(engine, err);
  }
}
