'use strict';
// CommonJS entry of `wecom-external-contact/mock-server` (the "require" condition): the look-alike
// itself is ESM (index.mjs), which Node 18 cannot require(). Its one export is async anyway, so this
// loads index.mjs with import() on first use and forwards to it: one implementation, one module
// instance for `import` and `require` users alike. Types: index.d.cts (a copy of index.d.mts).

/** @type {Promise<typeof import('./index.mjs')> | null} */
let loading = null;

/** Loads index.mjs once; a failed load is tried again on the next call. */
function load() {
  if (loading === null) {
    loading = import('./index.mjs').catch((err) => {
      loading = null;
      throw err;
    });
  }
  return loading;
}

/**
 * Starts a local WeCom look-alike server on 127.0.0.1; see index.mjs (and index.d.cts) for the options
 * and the returned MockServer.
 * @param {import('./index.mjs').MockServerOptions} [options]
 * @returns {Promise<import('./index.mjs').MockServer>}
 */
async function startMockServer(options) {
  const { startMockServer: start } = await load();
  return start(options);
}

module.exports = { startMockServer };
