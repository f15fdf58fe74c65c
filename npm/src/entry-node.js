// Node entry, built to pkg/index.cjs (pkg/index.mjs re-exports it, so ESM and CJS users share
// one engine). The wasm is compiled once, synchronously, from the file next to this module;
// engines are instantiated from it on first use and again after a failure (engine.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGlue } from './glue-factory.js';
import { setEngine } from './api.js';

setEngine(createGlue, new WebAssembly.Module(readFileSync(join(__dirname, 'node', 'wecom_wasm_bg.wasm'))));
export * from './public.js';
