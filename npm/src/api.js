// Binds the engine source to the public API. Generic: the per-endpoint client methods come from
// the engine's endpoint table, so adding an endpoint never touches this file. Every entry point
// runs on the live engine (engine.js), which is replaced after a failure.
import { addEndpointMethods } from './client.js';
import { setEngineSource, withEngine } from './engine.js';
import { internals } from './internals.js';

export { WeComClient } from './client.js';
export { CallbackCrypto } from './callback-crypto.js';

/** The endpoint table: `[{ path, method, jsName, docUrl, summaryZh, summaryEn, request, response }]`. */
export let endpoints;

/** `validate(endpoint, payload, { locale })` → `{ valid, errors: [{ path, rule, message, params }] }`. */
export function validate(endpoint, payload, options) {
  return withEngine((engine) => engine.validate(endpoint, payload, options));
}

Object.defineProperty(validate, Symbol.for('wecom-external-contact.internals'), { value: internals });

/** `parseEvent(xml)` → a typed callback event that keeps every field. */
export function parseEvent(xml) {
  return withEngine((engine) => engine.glue.parseEvent(xml));
}

/**
 * Called once by the entry module: `createGlue()` makes a fresh wasm-bindgen glue, `module` is
 * the compiled engine. Instantiates the first engine and reads the endpoint table.
 */
export function setEngine(createGlue, module) {
  setEngineSource(createGlue, module);
  endpoints = Object.freeze(withEngine((engine) => engine.glue.endpoints()).map((e) => Object.freeze(e)));
  addEndpointMethods(endpoints);
}
