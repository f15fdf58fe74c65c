// The engine's life cycle: one live wasm instance at a time, built from a compiled module and a
// fresh copy of the wasm-bindgen glue (`createGlue()` evaluates the glue anew, so each instance
// has its own glue state). An instance from which anything but a WeComError escaped may be
// broken (a trap, a panic, memory exhaustion, a JS exception that unwound through its frames):
// it is retired at once and never called again, and the next call builds a fresh one. What is
// lost with it: the in-memory token caches of the clients that lived in it (they rebuild from
// their options and read the tokenStore, or fetch a token, on their next call) and the calls
// that were in flight on it (they reject with E_ENGINE).
//
// Nothing is loaded at import (no top-level await): the entry module only says how to load the
// wasm (setEngineLoader). `ready()` and the async APIs load it without blocking; the synchronous
// APIs compile it on the spot where the entry can (Node's file read), else they need `ready()`
// first (E_NOT_READY).
import * as errors from './errors.js';
import { installFastDecrypt } from './fast-callback.js';
import { createRequestDriver } from './driver.js';
import { createGlue } from './glue-factory.js';

/**
 * The engine's state, one per process for each version of this package: Node's `import` (the ESM
 * build) and `require` (the CommonJS build) are two copies of this code, and they share it
 * through this global, so a process that loads both has one engine, one compiled module and one
 * generation count (and their errors pass `instanceof` both ways, see errors.js).
 *   loader:    how the entry module gets the wasm: `{ describe, load, sync?, env? }`. `load()`
 *              resolves with a compiled `WebAssembly.Module` (fetch, a file read, the embedded
 *              bytes); `sync()`, where the environment allows it (Node), returns one at once;
 *              `env` may supply TextDecoder/TextEncoder (Jest's jsdom environment has none).
 *              Both fail with WeComEngineErrors that say where the wasm was looked for.
 *   compiled:  the compiled module: compiled once, instantiated as often as needed;
 *   pending:   the load in progress (`ready()` callers share it; a failed load is tried again);
 *   live:      the live engine; generation: how many were built.
 */
const SHARED = Symbol.for(`wecom-external-contact@${typeof __WECOM_VERSION__ === 'string' ? __WECOM_VERSION__ : 'source'}.engine`);
const state = (globalThis[SHARED] ??= { loader: undefined, compiled: undefined, pending: undefined, live: undefined, generation: 0 });

/** Builds the instances of the package's own error classes for the engine. */
function createError(className, message, props) {
  const Class = className.startsWith('WeCom') && errors[className] ? errors[className] : errors.WeComError;
  return new Class(message, props);
}

/** Called once by the entry module (the package's loaders: Node file, browser URL, inline). */
export function setEngineLoader(entryLoader) {
  state.loader = entryLoader;
}

/** A load failure as the caller sees it: the loader's own WeComEngineError, or one wrapping it. */
function loadFailure(err) {
  if (err instanceof errors.WeComEngineError) return err;
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new errors.WeComEngineError(`cannot load the engine (${state.loader?.describe ?? 'no loader'}): ${what.slice(0, 300)}`, {
    code: 'E_ENGINE',
    cause: err,
  });
}

/** The compiled module, compiling it now where the entry can (Node); else E_NOT_READY. */
function compiledModule() {
  if (state.compiled !== undefined) return state.compiled;
  if (state.loader === undefined) {
    throw new errors.WeComEngineError('the engine is not loaded: import the package by its name (an entry module sets it up)', { code: 'E_ENGINE' });
  }
  if (typeof state.loader.sync !== 'function') {
    throw new errors.WeComEngineError(
      'the engine is not loaded yet: `await ready()` first (here the wasm loads asynchronously; client calls and callback handlers wait for it themselves)',
      { code: 'E_NOT_READY' },
    );
  }
  try {
    state.compiled = state.loader.sync();
  } catch (err) {
    throw loadFailure(err);
  }
  return state.compiled;
}

/** True when engine-side objects can be made now (the module is compiled, or compiles synchronously here). */
export function engineAvailable() {
  return state.compiled !== undefined || typeof state.loader?.sync === 'function';
}

/** True when the module is compiled (an async API then runs without waiting). */
export function engineLoaded() {
  return state.compiled !== undefined;
}

/**
 * Loads and compiles the wasm (once; without blocking, also where a synchronous load exists) and
 * instantiates the engine. Rejects with a WeComEngineError saying where the wasm was looked for;
 * a later call tries again.
 */
export function ready() {
  if (state.compiled === undefined) {
    if (state.loader === undefined) return Promise.reject(loadFailure(new Error('no entry module set the engine up')));
    if (state.pending === undefined) {
      const started = Promise.resolve()
        .then(() => state.loader.load())
        .then(
          (module) => {
            state.compiled ??= module;
          },
          (err) => {
            throw loadFailure(err);
          },
        );
      state.pending = started.finally(() => {
        state.pending = undefined;
      });
    }
    return state.pending.then(() => {
      currentEngine();
    });
  }
  try {
    currentEngine();
    return Promise.resolve();
  } catch (err) {
    return Promise.reject(err);
  }
}

/** Instantiates a fresh engine. */
function instantiate() {
  const module = compiledModule();
  const glue = createGlue(state.loader?.env);
  glue.initSync({ module });
  glue.__setErrorFactory(createError);
  installFastDecrypt(glue, state.loader?.env);
  return { glue, generation: ++state.generation, retired: false, request: createRequestDriver(glue) };
}

/** The live engine (instantiated on first use, and again after a retirement). */
export function currentEngine() {
  if (state.live === undefined) state.live = instantiate();
  return state.live;
}

/** How many engines were built so far (for tests and logs: a retirement adds one). */
export function engineGeneration() {
  return state.generation;
}

/** Retires `engine`: it is never called again, and its memory can be collected. */
function retire(engine) {
  if (engine.retired) return;
  engine.retired = true;
  if (state.live === engine) state.live = undefined;
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
