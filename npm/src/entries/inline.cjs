'use strict';
// wecom-external-contact/inline for Node, CommonJS (pkg/inline.cjs). Node's `import` gets
// inline.node.mjs, which loads the same core.cjs. The wasm is embedded (wasm-inline.cjs): for
// single-file bundles; it loads synchronously where needed, like the file.
const { default: loaders, ...api } = require('./core.cjs');

loaders.fromEmbedded(require('./wasm-inline.cjs'), require);
module.exports = api;
