// `vite` (the dev server, as `npm run dev` starts it: no configuration file) on 127.0.0.1 with the
// page opened in headless Chromium: the dev server pre-bundles dependencies, which moves the
// package's code away from its wecom.wasm. Exits 0 when the page's run was complete and correct.
import { createServer } from 'vite';
import { checkPage, fullRun } from '../../lib/browser.mjs';

await checkPage(async () => {
  const server = await createServer({ root: process.cwd(), logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  return { url: server.resolvedUrls.local[0], stop: () => server.close() };
}, fullRun({ withForms: true }));
