// An engine-side object (a client, a CallbackCrypto) that outlives the engine it was made in:
// when that engine is retired after a failure, the next use makes a new one on the live engine
// with the same `make` function. Frees the old one when it can (a retired engine's are inert).
// Made lazily where the engine cannot be had synchronously yet (a browser before `ready()`):
// then the first use makes it, and its option errors (E_CONFIG …) surface there.
import { currentEngine, engineAvailable, engineFailure, engineLoaded, withEngine } from './engine.js';

export class EngineBound {
  #make;
  #engine;
  #inner;

  /**
   * `make(glue)` builds the engine-side object; its errors (E_CONFIG …) throw from here when the
   * engine is available now, else from the first use (so does a failure to load the wasm).
   */
  constructor(make) {
    this.#make = make;
    if (!engineAvailable()) return;
    try {
      withEngine((engine) => this.#bind(engine));
    } catch (err) {
      // The wasm could not be loaded (a missing file): not this object's fault; its first use
      // reports it, and works if the wasm has turned up by then.
      if (engineLoaded()) throw err;
    }
  }

  #bind(engine) {
    this.#inner = this.#make(engine.glue);
    this.#engine = engine;
  }

  /** `[engine, inner]` on the live engine (made anew there when its engine was retired). */
  live() {
    const engine = currentEngine();
    if (this.#engine !== engine) {
      this.release();
      try {
        this.#bind(engine);
      } catch (err) {
        throw engineFailure(engine, err);
      }
    }
    return [engine, this.#inner];
  }

  /** `fn(inner)` on the live engine; a failure that may have broken the engine retires it. */
  call(fn) {
    const [engine, inner] = this.live();
    try {
      return fn(inner);
    } catch (err) {
      throw engineFailure(engine, err);
    }
  }

  /** Frees the engine-side object now (it is made anew if used again). */
  release() {
    const inner = this.#inner;
    this.#inner = undefined;
    this.#engine = undefined;
    try {
      inner?.free();
    } catch {
      // Gone with its engine, or busy: the collector frees it later.
    }
  }
}
