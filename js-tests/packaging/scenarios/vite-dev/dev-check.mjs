// `vite` (the dev server, as `npm run dev` starts it: no configuration file) on 127.0.0.1 with the
// page opened in headless Chromium: the dev server pre-bundles dependencies, which moves the
// package's code away from its wecom.wasm. Exits 0 when the page's run was complete and correct.
import { createServer } from 'vite';
import { loadPage } from '../../lib/browser.mjs';
import { expectFullRun } from '../../lib/expect.mjs';

const server = await createServer({ root: process.cwd(), logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
await server.listen();
let code = 1;
try {
  const url = server.resolvedUrls.local[0];
  const { summary, problems, loaded } = await loadPage(url);
  expectFullRun(summary, { withForms: true });
  if (problems.length > 0) throw new Error(`problems on the page:\n${problems.join('\n')}`);
  console.log(`ok: loaded ${loaded.join(' ')}`);
  code = 0;
} catch (e) {
  console.error(String(e?.message ?? e));
} finally {
  await server.close();
}
process.exit(code);
