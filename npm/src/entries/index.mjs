// wecom-external-contact for Node, ESM (pkg/index.mjs), also for bundlers that build for Node (the
// `module` condition). Reads wecom.wasm on first use from `new URL('./wecom.wasm',
// import.meta.url)`, which webpack follows and emits; after esbuild, copy wecom.wasm next to the
// bundle, or import 'wecom-external-contact/inline'. Nothing is loaded at import. The CommonJS
// build (index.cjs) is a second copy of this code; both share one engine (see engine.js).
import { createRequire } from 'node:module';
import loaders from './core.mjs';

// A CommonJS bundle of this module has no import.meta: then the bundle's own file and folder.
const here = import.meta.url ?? (typeof __filename === 'string' ? __filename : `${process.cwd()}/`);

function wasmFile() {
  try {
    return new URL('./wecom.wasm', import.meta.url);
  } catch {
    return `${typeof __dirname === 'string' ? __dirname : '.'}/wecom.wasm`;
  }
}

loaders.fromFile(wasmFile(), createRequire(here));
export * from './core.mjs';
