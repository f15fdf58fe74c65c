// Node entry, built to pkg/index.cjs (pkg/index.mjs re-exports it, so ESM and CJS users share
// one engine). The engine is wasm-bindgen's nodejs build, instantiated synchronously.
import * as wasm from './node/wecom_wasm.js';
import { setEngine } from './api.js';

setEngine(wasm);
export * from './public.js';
