// A CommonJS TypeScript consumer (a .cts file: its imports become require() calls), type-checked
// under node16 and nodenext by the ts-* scenarios: every subpath that has a require condition.
import pkg = require('wecom-external-contact');
import forms = require('wecom-external-contact/validate');
import inline = require('wecom-external-contact/inline');
import redis = require('wecom-external-contact/redis-token-store');
// The look-alike is ESM; its CJS wrapper (mock/index.cjs) import()s it, so require works on Node 18.
import mock = require('wecom-external-contact/mock-server');

/** Uses each CJS subpath's API. */
export async function consumer(redisCommand: redis.RedisCommand): Promise<boolean[]> {
  await pkg.ready();
  await inline.ready();
  const sameClient: typeof pkg.WeComClient = inline.WeComClient;
  const store: pkg.TokenStore = redis.createRedisTokenStore(redisCommand);
  const client = new pkg.WeComClient({ corpId: 'ww', corpSecret: 's', tokenStore: store });
  const report: pkg.ValidationReport = pkg.validate('externalcontact/add_contact_way', { type: 1, scene: 2 });
  const form = forms.validate('externalcontact/add_contact_way', { type: 1, scene: 2 });
  const event = pkg.parseEvent('<xml/>');
  const started: Promise<mock.MockServer> = mock.startMockServer();
  void sameClient, client, started;
  return [report.valid, form.valid, event.event === ''];
}
