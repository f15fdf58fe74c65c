// A Node app bundled into one file by esbuild (ESM output): the inline entry, imported.
import * as pkg from 'wecom-external-contact/inline';
import { runNodeApp } from '../../../lib/node-app.js';

runNodeApp(pkg);
