// wecom-external-contact/inline outside Node (pkg/inline.mjs): the wasm embedded
// (wasm-inline.cjs), for workers, single-file pages and bundles that cannot emit a file. It
// inflates with DecompressionStream, asynchronously: `await ready()` before the synchronous APIs.
import wasm from './wasm-inline.cjs';
import loaders from './core.mjs';

loaders.fromEmbedded(wasm);
export * from './core.mjs';
