// wecom-external-contact/inline for Node, ESM (pkg/inline.node.mjs): the wasm embedded
// (wasm-inline.cjs, read with require: Node's translation of a CommonJS import would cost more
// than the rest of the package); it loads synchronously where needed, like the file. Bundlers
// get inline.module.mjs instead, which imports it statically.
import { createRequire } from 'node:module';
import loaders from './core.mjs';

const require = createRequire(import.meta.url);
loaders.fromEmbedded(require('./wasm-inline.cjs'), require);
export * from './core.mjs';
