// A Node app bundled into one file by esbuild (CJS output): the inline entry, required.
const pkg = require('wecom-external-contact/inline');
const { runNodeApp } = require('../../../lib/node-app.js');

runNodeApp(pkg);
