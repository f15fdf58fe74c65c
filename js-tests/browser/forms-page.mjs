// Runs in Chromium: the forms entry alone (import map → validate.mjs), as a web form would use
// it: no wasm, no engine, no top-level await. Leaves what it saw on window.__forms for
// browser.test.mjs to assert.
import { validate, validateAddContactWay } from 'wecom-external-contact/validate';

const ADD = 'externalcontact/add_contact_way';
const out = {};
try {
  const form = { type: 1, scene: 2, user: ['zhangsan'], remark: '前台' };
  const badForm = { type: 3, scene: 2, user: ['zhangsan'], remark: '备'.repeat(31), unknown_field: 1 };
  out.valid = validateAddContactWay(form);
  out.invalidEn = validateAddContactWay(badForm, { locale: 'en' });
  out.sameAsByPath = JSON.stringify(validate(ADD, badForm, { locale: 'en' })) === JSON.stringify(out.invalidEn);
  out.strict = validateAddContactWay(badForm, { strict: true, locale: 'en' });
  try {
    validate('externalcontact/nope', {});
  } catch (e) {
    out.unknownEndpoint = { name: e?.name, code: e?.code, isError: e instanceof Error };
  }
} catch (e) {
  out.fatal = String(e?.stack ?? e);
}
window.__forms = out;
