// The README's demo: the SDK against the embedded local WeCom look-alike (default), or against
// a real corp when WECOM_CORP_ID / WECOM_CORP_SECRET (and optionally WECOM_BASE_URL) are set.
//   node npm/examples/demo.mjs            (after `bash npm/scripts/build.sh`)
import { validate, WeComClient, WeComApiError, CallbackCrypto, createCallbackHandler } from '../../pkg/index.mjs';
import { startMockServer } from '../../pkg/mock/index.mjs';
import { syncEveryCustomer } from './sync-customers.mjs';
import { campaign } from './campaign.mjs';
import { postCallback } from './post-callback.mjs';

const real = Boolean(process.env.WECOM_CORP_ID);
// The look-alike serves a seeded world: 40 members, 2 000 customers with their follow relations,
// a tag library, group chats (the same seed gives the same world every run).
const mock = real ? null : await startMockServer({ seed: 2026, world: { members: 40, customers: 2000 } });
const client = new WeComClient({
  corpId: real ? process.env.WECOM_CORP_ID : mock.corpId,
  corpSecret: real ? process.env.WECOM_CORP_SECRET ?? '' : mock.corpSecret,
  baseUrl: real ? process.env.WECOM_BASE_URL : mock.url,
});
const show = (title, value) => console.log(`\n== ${title}\n${JSON.stringify(value, null, 2)}`);

try {
  console.log(real ? `Talking to ${client.baseUrl} as ${client.corpId}` : `Embedded WeCom look-alike at ${mock.url}`);
  show('get_follow_user_list', await client.getFollowUserList());

  const created = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'], remark: '官网客服', state: 'landing-page' });
  show('add_contact_way → created', created);
  show('get_contact_way', await client.getContactWay({ config_id: created.config_id }));
  show('list_contact_way', await client.listContactWay({ limit: 10 }));
  await client.updateContactWay({ config_id: created.config_id, remark: '官网客服（夜班）', user: ['lisi'] });
  show('update_contact_way → read back', await client.getContactWay({ config_id: created.config_id }));
  show('del_contact_way', await client.delContactWay({ config_id: created.config_id }));
  try {
    await client.getContactWay({ config_id: created.config_id });
  } catch (e) {
    if (!(e instanceof WeComApiError)) throw e;
    show('get_contact_way after delete → WeComApiError', { code: e.code, errcode: e.errcode, kind: e.kind, hint: e.hint });
  }
  show('idconvert/batch/external_userid_to_pending_id', await client.externalUseridToPendingId({ external_userid: ['wmAbCdEf0123', 'wmUnknownXyz'] }));

  // issue 11: the daily CRM job, "sync every customer".
  await syncEveryCustomer({ client, mock, show });
  // issue 12: a campaign (uploads, a mass message, a moment, a welcome message from a callback).
  if (mock) await campaign({ client, mock, show });

  const badForm = {
    type: 1,
    scene: 2,
    user: ['zhangsan', 'lisi'],
    remark: '这是一个超过三十个字符的备注，用来演示表单校验如何在字段旁边给出提示信息',
    party: [1],
    expires_in: 86400,
    conclusions: { text: { content: 'bye' }, link: { title: 'x', url: 'https://example.com' }, image: { media_id: 'm' } },
  };
  show('validate(bad form) — zh-CN', validate('externalcontact/add_contact_way', badForm));
  show('validate(bad form) — en', validate('externalcontact/add_contact_way', badForm, { locale: 'en' }));

  // A callback as WeCom would send it: encrypted and signed, then verified, decrypted and parsed.
  const callback = new CallbackCrypto({ token: 'demoToken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: client.corpId });
  const eventXml =
    `<xml><ToUserName><![CDATA[${client.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>` +
    '<CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>' +
    '<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID>' +
    '<ExternalUserID><![CDATA[wmAbCdEf0123]]></ExternalUserID><State><![CDATA[landing-page]]></State>' +
    '<WelcomeCode><![CDATA[WELCOME_CODE]]></WelcomeCode></xml>';
  let received;
  const handle = createCallbackHandler({ crypto: callback, onEvent: (event) => (received = event) });
  const answer = await postCallback(handle, callback, eventXml, { timestamp: 1700000000, nonce: 'demo-nonce' });
  show('callback: POST answer', answer);
  show('callback: parsed event', received);

  // Two "processes" sharing one token through a store (in production: createRedisTokenStore from
  // 'wecom-external-contact/redis-token-store'), with log lines (redacted) and the raw request form.
  if (mock) {
    const [records, locks] = [new Map(), new Set()];
    const store = {
      get: (k) => records.get(k),
      set: (k, r) => void records.set(k, r),
      delete: (k) => void records.delete(k),
      // The refresh lock: a release function when taken, null when another client holds it.
      lock: (k) => (locks.has(k) ? null : (locks.add(k), () => void locks.delete(k))),
    };
    const lines = [];
    const logger = { info: (m, f) => lines.push(`info  ${m} ${JSON.stringify(f)}`), warn: (m, f) => lines.push(`warn  ${m} ${JSON.stringify(f)}`) };
    const options = { corpId: mock.corpId, corpSecret: mock.corpSecret, baseUrl: mock.url, tokenStore: store, logger };
    const [a, b] = [new WeComClient(options), new WeComClient(options)];
    const before = mock.stats().gettoken;
    await Promise.all([a.getFollowUserList(), b.getFollowUserList()]);
    mock.inject({ path: 'externalcontact/get_follow_user_list', errcode: 45009 });
    const raw = await b.request({ method: 'GET', path: 'externalcontact/get_follow_user_list' });
    show('shared token store: two clients, one gettoken', { tokenKey: a.tokenKey, gettokenCalls: mock.stats().gettoken - before, rawAnswer: raw });
    console.log(`\n== log lines\n${lines.join('\n')}`);
  }

  if (mock) show('look-alike request counts', mock.stats());
} finally {
  await mock?.close();
}
