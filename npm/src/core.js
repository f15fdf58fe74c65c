// The JS layer without a way to load the wasm (built to pkg/core.mjs and pkg/core.cjs, which are
// not entries of their own). Each entry module (npm/src/entries/) picks its loader through the
// default export, then re-exports the named ones: `export *` leaves the default out, so users
// see the public names only.
export * from './public.js';
export { default } from './loaders.js';
