// node10 resolution of the subpaths (through the proxy directories' package.json `types`). Not
// the look-alike server: it is ESM-only, which a node10 (CommonJS-era) project cannot load.
import { validate as validateForm } from 'wecom-external-contact/validate';
import { ready as inlineReady } from 'wecom-external-contact/inline';
import { createRedisTokenStore } from 'wecom-external-contact/redis-token-store';

/** Uses one export of each subpath. */
export async function consumer(): Promise<boolean> {
  await inlineReady();
  void createRedisTokenStore;
  return validateForm('externalcontact/add_contact_way', { type: 1 }).valid;
}
