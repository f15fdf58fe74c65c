// Binds a loaded wasm engine (Node or web build) to the public API. Generic: the per-endpoint
// client methods come from the engine's endpoint table, so adding an endpoint never touches
// this file.
import * as errors from './errors.js';
import { createFastValidate } from './fast-validate.js';
import { installRequestDriver } from './driver.js';
import { installFastDecrypt } from './fast-callback.js';

/** `validate(endpoint, payload, { locale })` → `{ valid, errors: [{ path, rule, message, params }] }`. */
export let validate;
/** The client class (see index.d.ts). */
export let WeComClient;
/** The endpoint table: `[{ path, method, jsName, docUrl, summaryZh, summaryEn, request, response }]`. */
export let endpoints;
/** WXBizMsgCrypt for callbacks (see index.d.ts). */
export let CallbackCrypto;
/** `parseEvent(xml)` → a typed callback event that keeps every field. */
export let parseEvent;

function createError(className, message, props) {
  const Class = className.startsWith('WeCom') && errors[className] ? errors[className] : errors.WeComError;
  return new Class(message, props);
}

function addEndpointMethods(proto, table) {
  for (const e of table) {
    if (!e.jsName || Object.prototype.hasOwnProperty.call(proto, e.jsName)) continue;
    const path = e.path;
    const method = {
      [e.jsName](payload, options) {
        return this.request(path, payload, options);
      },
    }[e.jsName];
    Object.defineProperty(proto, e.jsName, { value: method, writable: true, configurable: true });
  }
}

/** Called once by the entry module with the instantiated engine. */
export function setEngine(wasm) {
  wasm.__setErrorFactory(createError);
  endpoints = Object.freeze(wasm.endpoints().map((e) => Object.freeze(e)));
  installRequestDriver(wasm);
  installFastDecrypt(wasm);
  addEndpointMethods(wasm.WeComClient.prototype, endpoints);
  validate = createFastValidate(wasm);
  WeComClient = wasm.WeComClient;
  CallbackCrypto = wasm.CallbackCrypto;
  parseEvent = wasm.parseEvent;
}
