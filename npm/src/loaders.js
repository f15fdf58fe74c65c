// The ways the entry modules load the wasm (see engine.js for what happens next). None runs at
// import: each returns a loader that engine.js calls on first use or from `ready()`.
//   fromFile:     Node, the wecom.wasm next to the entry module (index.mjs / index.cjs);
//   fromUrl:      browsers and bundlers, `new URL('./wecom.wasm', import.meta.url)` (browser.mjs);
//   fromEmbedded: the wasm gzip-compressed and base64-encoded in wasm-inline.cjs (inline entries).
import { WeComEngineError } from './errors.js';
import { setEngineLoader } from './engine.js';

const HINT =
  "if a bundler left wecom.wasm behind (esbuild does), copy node_modules/wecom-external-contact/wecom.wasm next to the bundle, or import 'wecom-external-contact/inline' (the wasm embedded)";

function engineError(message, cause) {
  return new WeComEngineError(message, cause === undefined ? { code: 'E_ENGINE' } : { code: 'E_ENGINE', cause });
}

/**
 * Node's TextDecoder/TextEncoder for the glue where the globals are missing (Jest's jsdom
 * environment); `nodeRequire` is the entry's `require` (or a stand-in that knows the builtins).
 */
function textCodecs(nodeRequire) {
  if (typeof TextDecoder === 'function' && typeof TextEncoder === 'function') return undefined;
  const util = nodeRequire('node:util');
  return { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder };
}

/** Node: the file at `path` (a path or a file: URL), read with `nodeRequire('node:fs')` on first use. */
function fromFile(path, nodeRequire) {
  const where = String(path);
  const unreadable = (err) => engineError(`cannot read the engine file ${where} (${err?.code ?? err}); ${HINT}`, err);
  setEngineLoader({
    describe: where,
    env: textCodecs(nodeRequire),
    sync() {
      let bytes;
      try {
        bytes = nodeRequire('node:fs').readFileSync(path);
      } catch (err) {
        throw unreadable(err);
      }
      return new WebAssembly.Module(bytes);
    },
    async load() {
      let bytes;
      try {
        bytes = await nodeRequire('node:fs').promises.readFile(path);
      } catch (err) {
        throw unreadable(err);
      }
      return WebAssembly.compile(bytes);
    },
  });
}

/** Browsers and bundlers: fetched from `url()` on first use (streaming compilation when served as application/wasm). */
function fromUrl(url) {
  setEngineLoader({
    describe: 'wecom.wasm, fetched',
    async load() {
      const href = String(url());
      let response;
      try {
        response = await fetch(href);
      } catch (err) {
        throw engineError(`cannot fetch the engine from ${href} (${err?.message ?? err}); ${HINT}`, err);
      }
      if (!response.ok) throw engineError(`cannot fetch the engine from ${href} (HTTP ${response.status}); ${HINT}`);
      const type = response.headers?.get?.('content-type') ?? '';
      if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
        return WebAssembly.compileStreaming(response);
      }
      return WebAssembly.compile(await response.arrayBuffer());
    },
  });
}

/** The base64 text as bytes. */
function base64Bytes(text) {
  if (typeof globalThis.Buffer === 'function') return globalThis.Buffer.from(text, 'base64');
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The wasm embedded as gzip + base64. Given Node's `require` (or a stand-in), it inflates with
 * node:zlib and also loads synchronously; elsewhere with DecompressionStream, asynchronously.
 */
function fromEmbedded(base64, nodeRequire) {
  const bytes = () => base64Bytes(base64);
  const zlib = () => nodeRequire('node:zlib');
  setEngineLoader({
    describe: 'the embedded wasm',
    env: nodeRequire ? textCodecs(nodeRequire) : undefined,
    sync: nodeRequire ? () => new WebAssembly.Module(zlib().gunzipSync(bytes())) : undefined,
    async load() {
      if (nodeRequire) {
        const inflated = await new Promise((resolve, reject) => {
          zlib().gunzip(bytes(), (err, out) => (err ? reject(err) : resolve(out)));
        });
        return WebAssembly.compile(inflated);
      }
      if (typeof DecompressionStream !== 'function') throw engineError('the inline entry needs DecompressionStream (gzip) here');
      const inflated = new Blob([bytes()]).stream().pipeThrough(new DecompressionStream('gzip'));
      return WebAssembly.compile(await new Response(inflated).arrayBuffer());
    },
  });
}

/** For the entry modules only (the default export of core, which `export *` does not pass on). */
export default Object.freeze({ fromFile, fromUrl, fromEmbedded });
