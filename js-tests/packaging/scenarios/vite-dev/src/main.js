// The Vite app of the vite scenario, served by Vite's dev server (dependency pre-bundling on).
import * as pkg from 'wecom-external-contact';
import * as forms from 'wecom-external-contact/validate';
import { runPage } from '../../../lib/page.js';

runPage(pkg, forms);
