// Jest with the jsdom environment (the only configuration: testEnvironment 'jsdom'): the forms
// entry and the main entry, required as a Jest user's CommonJS test does.
const forms = require('wecom-external-contact/validate');
const main = require('wecom-external-contact');

const ADD = 'externalcontact/add_contact_way';
const bad = { type: 3, scene: 2, user: ['zhangsan'], remark: '备'.repeat(31) };
const good = { type: 1, scene: 2, user: ['zhangsan'], remark: '前台' };

test('the environment is jsdom', () => {
  expect(typeof window).toBe('object');
  expect(typeof document.createElement).toBe('function');
});

test('validate from wecom-external-contact/validate', () => {
  const report = forms.validate(ADD, bad, { locale: 'en' });
  expect(report.valid).toBe(false);
  expect(report.errors.map((e) => e.rule).sort()).toEqual(['R-CW-01', 'R-CW-04']);
  expect(forms.validate(ADD, good)).toEqual({ valid: true, errors: [], warnings: [] });
});

test('validate from the main entry', () => {
  const report = main.validate(ADD, bad, { locale: 'en' });
  expect(report.valid).toBe(false);
  expect(report.errors.map((e) => e.rule).sort()).toEqual(['R-CW-01', 'R-CW-04']);
  expect(main.validate(ADD, good)).toEqual({ valid: true, errors: [], warnings: [] });
});

test('the engine loads under jsdom: ready(), then a callback event parsed', async () => {
  await main.ready();
  const event = main.parseEvent('<xml><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event></xml>');
  expect(event.event).toBe('change_external_contact');
});
