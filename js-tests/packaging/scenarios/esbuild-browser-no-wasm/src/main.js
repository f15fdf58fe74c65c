// The esbuild app of esbuild-browser-esm with the documented step forgotten (wecom.wasm not
// copied): the rest of the page must live on. ready() and client calls reject with a typed,
// actionable error, a sync method before ready() says the engine is not ready, the forms entry
// works, and nothing hangs.
import * as pkg from 'wecom-external-contact';
import * as forms from 'wecom-external-contact/validate';

function describe(e) {
  return { name: e && e.name, code: e && e.code, message: String(e && e.message), isEngineError: e instanceof pkg.WeComEngineError };
}

async function run() {
  const out = {};
  out.formsValid = forms.validate('externalcontact/add_contact_way', { type: 1, scene: 2, user: ['zhangsan'] }).valid;
  // A constructor never needs the engine; a sync method before ready() says so (E_NOT_READY).
  const crypto = new pkg.CallbackCrypto({ token: 't', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'r' });
  try {
    crypto.encrypt('<xml/>', { timestamp: '1', nonce: 'n' });
    out.sync = 'encrypted';
  } catch (e) {
    out.sync = describe(e);
  }
  try {
    await pkg.ready();
    out.ready = 'resolved';
  } catch (e) {
    out.ready = describe(e);
  }
  try {
    await new pkg.WeComClient({ corpId: 'ww', corpSecret: 's', baseUrl: 'http://127.0.0.1:9' }).getFollowUserList();
    out.call = 'resolved';
  } catch (e) {
    out.call = describe(e);
  }
  return out;
}

run().then(
  (out) => {
    window.__results = out;
  },
  (e) => {
    window.__results = { fatal: String(e && e.stack) };
  },
);
