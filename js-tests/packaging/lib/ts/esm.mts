// An ESM TypeScript consumer of every subpath, type-checked (tsc --noEmit, strict) under node16,
// nodenext and bundler resolution by the ts-* scenarios. Named imports only: the package has no
// default export, and the declarations must say so.
import {
  ready,
  validate,
  WeComClient,
  WeComError,
  WeComValidationError,
  CallbackCrypto,
  parseEvent,
  createCallbackHandler,
  type ValidationReport,
  type CallbackEvent,
  type TokenStore,
} from 'wecom-external-contact';
import { validate as validateForm, validateAddContactWay } from 'wecom-external-contact/validate';
import * as inline from 'wecom-external-contact/inline';
import { createRedisTokenStore, type RedisCommand } from 'wecom-external-contact/redis-token-store';
import { startMockServer, type MockServer } from 'wecom-external-contact/mock-server';
// @ts-expect-error the main entry has no default export (TS1192)
import mainDefault from 'wecom-external-contact';
// @ts-expect-error the inline entry has no default export either
import inlineDefault from 'wecom-external-contact/inline';

/** Uses each subpath's API the way the README shows it. */
export async function consumer(redisCommand: RedisCommand): Promise<string[]> {
  await ready();
  await inline.ready();
  const sameApi: typeof ready = inline.ready;
  const sameClient: typeof WeComClient = inline.WeComClient;

  const payload = { type: 1, scene: 2, user: ['zhangsan'], remark: '前台' } as const;
  const report: ValidationReport = validate('externalcontact/add_contact_way', payload);
  const form = validateForm('externalcontact/add_contact_way', payload);
  const direct = validateAddContactWay(payload, { locale: 'en' });

  const mock: MockServer = await startMockServer({ corpSecret: 'x'.repeat(20) });
  const store: TokenStore = createRedisTokenStore(redisCommand);
  const client = new WeComClient({ corpId: mock.corpId, corpSecret: mock.corpSecret, baseUrl: mock.url, tokenStore: store });
  const out: string[] = [];
  try {
    const added = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'] });
    out.push(String(added.config_id));
  } catch (e) {
    if (e instanceof WeComValidationError) out.push(e.code);
    else if (e instanceof WeComError) out.push(e.code);
    else throw e;
  } finally {
    await mock.close();
  }

  const crypto = new CallbackCrypto({ token: 't', encodingAesKey: 'k'.repeat(43), receiveId: 'r' });
  const envelope: string = crypto.encrypt('<xml/>', { timestamp: 1, nonce: 'n' });
  const event: CallbackEvent = parseEvent(envelope);
  const handler = createCallbackHandler({ crypto, onEvent: (e) => void e?.changeType });
  const answer = await handler({ method: 'GET', url: '/callback' });

  out.push(String(report.valid), String(form.valid), String(direct.valid), event.event, String(answer.status));
  void sameApi, sameClient, mainDefault, inlineDefault;
  return out;
}
