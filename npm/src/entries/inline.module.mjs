// wecom-external-contact/inline for bundlers that build for Node (pkg/inline.module.mjs; the
// `module` condition): native ESM with the wasm embedded (wasm-inline.cjs), so that
// `esbuild --bundle --platform=node` makes one self-contained file. Loads synchronously where
// needed, like the file.
import * as zlib from 'node:zlib';
import * as util from 'node:util';
import wasm from './wasm-inline.cjs';
import loaders from './core.mjs';

loaders.fromEmbedded(wasm, (name) => (name === 'node:zlib' ? zlib : util));
export * from './core.mjs';
