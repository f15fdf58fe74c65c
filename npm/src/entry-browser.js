// Browser/bundler entry, built to pkg/browser.mjs. The wasm is compiled once with top-level
// await, so importers can create clients straight away; engines are instantiated from the
// compiled module on first use and again after a failure (engine.js). validate() needs no wasm:
// a page that only validates imports 'wecom-external-contact/validate' instead.
import { createGlue } from './glue-factory.js';
import { setEngine } from './api.js';

async function compile(url) {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch {
      // A server without the application/wasm type: compile from the bytes below.
    }
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`failed to fetch the engine (${response.status}) from ${url}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

setEngine(createGlue, await compile(new URL('./web/wecom_wasm_bg.wasm', import.meta.url)));
export * from './public.js';
