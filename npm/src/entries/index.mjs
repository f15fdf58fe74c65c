// wecom-external-contact for Node, ESM (pkg/index.mjs). Reads wecom.wasm next to this file on
// first use; nothing is loaded at import. Node's modules are reached through createRequire, which
// costs less at import than an ESM import of node:fs (bundlers get index.module.mjs instead). The
// CommonJS build (index.cjs) is a second copy of this code; both share one engine (engine.js).
import { createRequire } from 'node:module';
import loaders from './core.mjs';

// createRequire on first use: making it at import would cost more than the rest of this module.
let require;
loaders.fromFile(new URL('./wecom.wasm', import.meta.url), (name) => (require ??= createRequire(import.meta.url))(name));
export * from './core.mjs';
