// Browser/bundler entry, built to pkg/browser.mjs. The engine is wasm-bindgen's web build,
// instantiated with top-level await so importers can call validate() straight away.
import init, * as wasm from './web/wecom_wasm.js';
import { setEngine } from './api.js';

await init();
setEngine(wasm);
export * from './public.js';
