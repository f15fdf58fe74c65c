// An esbuild browser app using the inline entry (the wasm inside the JS): no flag, no copied file.
import * as pkg from 'wecom-external-contact/inline';
import { runPage } from '../../../lib/page.js';

runPage(pkg);
