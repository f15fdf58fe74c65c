// A webpack 5 app using the main entry and the forms entry: webpack's defaults (./src/index.js → dist/main.js), no
// configuration file.
import * as pkg from 'wecom-external-contact';
import * as forms from 'wecom-external-contact/validate';
import { runPage } from '../../../lib/page.js';

runPage(pkg, forms);
