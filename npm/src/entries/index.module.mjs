// wecom-external-contact for bundlers that build for Node (pkg/index.module.mjs; the `module`
// condition, which esbuild, webpack, Vite and Rollup use and Node does not): index.mjs with static
// imports of the Node modules, which a bundler can see (index.mjs reaches them through
// createRequire, which is cheaper at run time but opaque to bundlers). Reads wecom.wasm on first
// use from `new URL('./wecom.wasm', import.meta.url)`, which webpack follows and emits; after
// esbuild, copy wecom.wasm next to the bundle, or import 'wecom-external-contact/inline'.
import * as fs from 'node:fs';
import * as util from 'node:util';
import loaders from './core.mjs';

function wasmFile() {
  try {
    return new URL('./wecom.wasm', import.meta.url);
  } catch {
    // A CommonJS bundle has no import.meta: next to the bundle.
    return `${typeof __dirname === 'string' ? __dirname : '.'}/wecom.wasm`;
  }
}

loaders.fromFile(wasmFile(), (name) => (name === 'node:fs' ? fs : util));
export * from './core.mjs';
