// wecom-external-contact for browsers and bundlers (pkg/browser.mjs). Fetches wecom.wasm on first
// use from `new URL('./wecom.wasm', import.meta.url)`, which Vite and webpack follow (they emit
// the file and rewrite the URL); nothing is loaded at import, so a missing wasm fails the SDK's
// calls with a WeComEngineError, never the page.
import loaders from './core.mjs';

function wasmUrl() {
  try {
    return new URL('./wecom.wasm', import.meta.url);
  } catch {
    // A classic-script bundle (esbuild's iife) has no import.meta: next to the page.
    return new URL('wecom.wasm', globalThis.document?.baseURI ?? globalThis.location?.href);
  }
}

loaders.fromUrl(wasmUrl);
export * from './core.mjs';
