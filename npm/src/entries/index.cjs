'use strict';
// wecom-external-contact for Node, CommonJS (pkg/index.cjs). Node's `import` gets index.mjs,
// which loads the same core.cjs, so a process has one engine and one set of classes. Reads
// wecom.wasm next to this file on first use; nothing is loaded at require time.
const { default: loaders, ...api } = require('./core.cjs');

loaders.fromFile(`${__dirname}/wecom.wasm`, require);
module.exports = api;
