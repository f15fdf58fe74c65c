// A tiny static file server on 127.0.0.1 (random port) for a built app's output directory:
// the right MIME types (application/wasm for the engine), no caching.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Serves `root`; resolves to { url, close() }. */
export async function serveStatic(root) {
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://x');
    let file = normalize(join(root, decodeURIComponent(pathname)));
    if (pathname.endsWith('/')) file = join(file, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    try {
      if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
