// CommonJS-flavoured TypeScript: `import x = require()` and the "require" condition's types
// (index.d.cts). Must compile with no error.
import sdk = require('wecom-external-contact');
import { WeComClient, WeComApiError, validate, ready } from 'wecom-external-contact';
import type { AddContactWayResponse, ValidationReport, RequestOf, WeComErrorKind, WeComResponse } from 'wecom-external-contact';

const report: ValidationReport = sdk.validate('externalcontact/close_temp_chat', { userid: 'u' });
const same: typeof sdk.validate = validate;
// @ts-expect-error issue 10: a misspelt endpoint does not compile
sdk.validate('externalcontact/add_contact_wya', {});

async function main(): Promise<number | string | undefined> {
  await ready();
  const client = new WeComClient({ corpId: 'ww1', corpSecret: 'secret', baseUrl: 'http://127.0.0.1:1' });
  const payload: RequestOf<'externalcontact/add_contact_way'> = { type: 1, scene: 2, user: ['a'] };
  // @ts-expect-error issue 10: gettoken is not offered in the typed form
  void client.request('gettoken', { corpid: 'ww1', corpsecret: 's' });
  try {
    const res: AddContactWayResponse = await client.addContactWay(payload);
    // Issue 10: config_id is always sent on success (no `!`); unmodeled members need a cast.
    const id: string = res.config_id;
    // @ts-expect-error issue 10: no index signature on typed answers
    void res.configId;
    void (res as WeComResponse)['brand_new_field'];
    return id;
  } catch (e) {
    if (e instanceof WeComApiError) {
      const kind: WeComErrorKind = e.kind;
      switch (kind) {
        case 'retry':
        case 'rate':
          return e.errcode;
        default:
          break;
      }
      // @ts-expect-error issue 10: 'nonsense' is not a kind
      if (e.kind === 'nonsense') return undefined;
      return e.errcode;
    }
    if (e instanceof sdk.WeComHttpError) return e.status;
    return undefined;
  }
}

// @ts-expect-error type must be 1 | 2 here too
const wrong: RequestOf<'externalcontact/add_contact_way'> = { type: 3, scene: 2 };

module.exports = { report, same, main, wrong };
