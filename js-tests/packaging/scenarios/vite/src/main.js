// A Vite app using the main entry and the forms entry: no Vite configuration at all.
import * as pkg from 'wecom-external-contact';
import * as forms from 'wecom-external-contact/validate';
import { runPage } from '../../../lib/page.js';

runPage(pkg, forms);
