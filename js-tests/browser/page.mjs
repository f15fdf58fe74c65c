// Runs in Chromium: imports the package by its name (import map → browser.mjs), validates a
// form payload and calls the look-alike whose URL comes in the query string. Leaves what it saw
// on window.__results for browser.test.mjs to assert.
import * as pkg from 'wecom-external-contact';
import { runVectors } from './callback-vectors.mjs';

const { validate, WeComClient, endpoints, WeComError, WeComApiError, WeComValidationError, WeComUsageError, WeComConfigError } = pkg;

const ADD = 'externalcontact/add_contact_way';
const q = new URLSearchParams(location.search);
const results = { steps: [] };

function describeError(e) {
  return {
    name: e?.name,
    code: e?.code,
    message: e?.message,
    errcode: e?.errcode,
    errmsg: e?.errmsg,
    kind: e?.kind,
    status: e?.status,
    endpoint: e?.endpoint,
    errors: e?.errors,
    warnings: e?.warnings,
    isWeComError: e instanceof WeComError,
    isError: e instanceof Error,
    isApiError: e instanceof WeComApiError,
    isValidationError: e instanceof WeComValidationError,
    isUsageError: e instanceof WeComUsageError,
    isConfigError: e instanceof WeComConfigError,
  };
}

async function caught(fn) {
  try {
    await fn();
    return { resolved: true };
  } catch (e) {
    return describeError(e);
  }
}

try {
  // issue 10: nothing is loaded at import. Before ready(), a synchronous API says so (E_NOT_READY)
  // and a client's option errors wait for its first call, which loads the engine itself.
  results.wasmBeforeReady = performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm'));
  results.notReady = await caught(() => pkg.parseEvent('<xml><MsgType>event</MsgType></xml>'));
  results.lazyConfigError = await caught(() => new WeComClient({}).getAccessToken());
  results.readyResolved = (await pkg.ready()) === undefined;
  const remark = document.querySelector('#contact-way [name=remark]').value;
  const form = { type: 1, scene: 2, user: ['zhangsan'], remark, state: 'web-form', skip_verify: true };
  const badForm = { type: 3, scene: 2, user: ['zhangsan'], remark: '备'.repeat(31), state: 'x', unknown_field: 1 };

  results.endpointPaths = endpoints.map((e) => e.path);
  results.validZh = validate(ADD, form);
  results.validEn = validate(ADD, form, { locale: 'en' });
  results.invalidZh = validate(ADD, badForm);
  results.invalidEn = validate(ADD, badForm, { locale: 'en' });
  results.unknownEndpoint = await caught(() => validate('externalcontact/nope', {}));
  results.configError = await caught(() => new WeComClient({}));
  results.steps.push('validated');

  const client = new WeComClient({ corpId: q.get('corpId'), corpSecret: q.get('secret'), baseUrl: q.get('mock'), locale: 'en' });
  const added = await client.addContactWay(form);
  results.added = added;
  results.got = await client.getContactWay({ config_id: added.config_id });
  results.listed = await client.listContactWay({ limit: 10 });
  results.follow = await client.getFollowUserList();
  results.apiError = await caught(() => client.getContactWay({ config_id: 'does-not-exist' }));
  results.validationError = await caught(() => client.addContactWay(badForm));
  results.deleted = await client.delContactWay({ config_id: added.config_id });
  results.steps.push('round trip');

  // Callback security in the browser: every conformance vector, and an event parsed.
  results.callbackVectors = runVectors(pkg);
  results.steps.push('callback vectors');

  // Issue 12: uploads of a File (its name is the filename), refused before sending when too big.
  const photo = new File([new Uint8Array(3000).fill(137)], 'photo.png', { type: 'image/png' });
  results.uploaded = await client.uploadMedia({ type: 'image', file: photo });
  results.uploadedUrl = await client.uploadImage({ file: photo, filename: 'banner.png' });
  const huge = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' });
  results.uploadRefused = await caught(() => client.uploadImage({ file: huge }));
  results.uploadForm = pkg.validateUpload('media/upload', { type: 'voice', filename: photo.name, size: photo.size }, { locale: 'en' });
  results.steps.push('uploads');
} catch (e) {
  results.fatal = { ...describeError(e), stack: String(e?.stack ?? e) };
}
window.__results = results;
