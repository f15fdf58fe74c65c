// A TypeScript consumer under the old node10 resolution (no exports map: the top-level `types`
// field): the main entry.
import { ready, validate, WeComClient, CallbackCrypto, parseEvent, type ValidationReport } from 'wecom-external-contact';

/** Uses the main entry's API. */
export async function consumer(): Promise<boolean> {
  await ready();
  const report: ValidationReport = validate('externalcontact/add_contact_way', { type: 1, scene: 2 });
  const client = new WeComClient({ corpId: 'ww', corpSecret: 's' });
  const crypto = new CallbackCrypto({ token: 't', encodingAesKey: 'k'.repeat(43), receiveId: 'r' });
  void client, crypto, parseEvent;
  return report.valid;
}
