// A Node app bundled by webpack 5 (`--target=node`, no configuration file): the main entry and the forms entry.
import * as pkg from 'wecom-external-contact';
import * as forms from 'wecom-external-contact/validate';
import { runNodeApp } from '../../../lib/node-app.js';

runNodeApp(pkg, forms);
