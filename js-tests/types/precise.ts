// Issue 10: the precise types. Every line marked `EXPECT TSnnnn` must fail with exactly that
// error, and no other line may fail (types.test.mjs compiles this file alone and compares).
import sdkDefault from 'wecom-external-contact'; // EXPECT TS1192
import { WeComClient, WeComApiError, validate } from 'wecom-external-contact';
import type { EndpointPath, WeComErrorCode, WeComResponse } from 'wecom-external-contact';
import { validate as formsValidate } from 'wecom-external-contact/validate';

const client = new WeComClient({ corpId: 'ww1', corpSecret: 's' });

export async function run(e: unknown): Promise<unknown[]> {
  const added = await client.addContactWay({ type: 1, scene: 2, user: ['u'] });
  const id: string = added.config_id;
  const qr: string = added.qr_code; // EXPECT TS2322
  const typo = added.configId; // EXPECT TS2551
  const kept: unknown = (added as WeComResponse)['brand_new_field'];
  validate('externalcontact/add_contact_wya', {}); // EXPECT TS2769
  formsValidate('externalcontact/add_contact_wya', {}); // EXPECT TS2769
  await client.request('gettoken', { corpid: 'ww1', corpsecret: 's' }); // EXPECT TS2769
  const path: EndpointPath = 'gettoken'; // EXPECT TS2322
  const code: WeComErrorCode = 'E_NOPE'; // EXPECT TS2322
  if (e instanceof WeComApiError && e.kind === 'nonsense') return []; // EXPECT TS2367
  return [sdkDefault, id, qr, typo, kept, path, code];
}
