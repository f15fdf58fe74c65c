// CommonJS-flavoured TypeScript: `import x = require()` and the "require" condition's types
// (index.d.cts). Must compile with no error.
import sdk = require('wecom-external-contact');
import { WeComClient, WeComApiError, validate } from 'wecom-external-contact';
import type { AddContactWayResponse, ValidationReport, RequestOf } from 'wecom-external-contact';

const report: ValidationReport = sdk.validate('externalcontact/close_temp_chat', { userid: 'u' });
const same: typeof sdk.validate = validate;

async function main(): Promise<number | undefined> {
  const client = new WeComClient({ corpId: 'ww1', corpSecret: 'secret', baseUrl: 'http://127.0.0.1:1' });
  const payload: RequestOf<'externalcontact/add_contact_way'> = { type: 1, scene: 2, user: ['a'] };
  try {
    const res: AddContactWayResponse = await client.addContactWay(payload);
    return res.errcode;
  } catch (e) {
    if (e instanceof WeComApiError) return e.errcode;
    if (e instanceof sdk.WeComHttpError) return e.status;
    return undefined;
  }
}

// @ts-expect-error type must be 1 | 2 here too
const wrong: RequestOf<'externalcontact/add_contact_way'> = { type: 3, scene: 2 };

module.exports = { report, same, main, wrong };
