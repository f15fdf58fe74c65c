// An esbuild browser app using the main entry and the forms entry.
import * as pkg from 'wecom-external-contact';
import * as forms from 'wecom-external-contact/validate';
import { runPage } from '../../../lib/page.js';

runPage(pkg, forms);
