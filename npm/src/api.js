// Binds the engine source to the public API. Generic: `validate`, the endpoint table and the
// per-endpoint client methods come from the code generated from the Rust declarations
// (generated.js: plain JS, no engine needed), so adding an endpoint never touches this file.
// The client, the callback crypto and parseEvent run on the live engine (engine.js), which is
// replaced after a failure.
import { addEndpointMethods } from './client.js';
import { withEngine } from './engine.js';
import { endpoints, validate } from './generated.js';
import { internals } from './internals.js';

export { WeComClient } from './client.js';
export { CallbackCrypto } from './callback-crypto.js';

/**
 * `validate(endpoint, payload, { locale, strict })` → `{ valid, errors, warnings, truncated? }`
 * (issues `{ path, rule, message, params }`): the generated validators, the same code as the
 * `wecom-external-contact/validate` entry.
 */
export { validate };

/**
 * `validateUpload(endpoint, { <kind>, filename, size }, { locale, strict })`: the report of
 * `validate` plus an upload's size and extension limits (R-MD-…), for forms before a file is sent.
 */
export { validateUpload } from './upload.js';

/**
 * The endpoint table: `[{ path, method, write, jsName, docUrl, summaryZh, summaryEn, request,
 * response }]`, frozen.
 */
export { endpoints };

// Test hooks (trap containment) ride on `validate`, as before (not part of the API).
Object.defineProperty(validate, Symbol.for('wecom-external-contact.internals'), { value: internals });

addEndpointMethods(endpoints);

/** `parseEvent(xml)` → a typed callback event that keeps every field. */
export function parseEvent(xml) {
  return withEngine((engine) => engine.glue.parseEvent(xml));
}

/**
 * `await ready()`: loads and compiles the wasm and instantiates the engine. Client calls and
 * callback handlers do it themselves; the synchronous APIs (CallbackCrypto, parseEvent) need it
 * first where the wasm loads asynchronously (browsers, workers, the inline entry outside Node).
 */
export { ready } from './engine.js';
