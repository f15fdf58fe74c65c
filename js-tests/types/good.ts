// Type-checks the package's public types as an ESM TypeScript user sees them
// (module/moduleResolution NodeNext, strict). Must compile with no error; every
// `@ts-expect-error` below must meet an error, or tsc fails.
import {
  validate,
  WeComClient,
  endpoints,
  WeComError,
  WeComApiError,
  WeComHttpError,
  WeComValidationError,
  WeComNetworkError,
  WeComConfigError,
  WeComUsageError,
  WeComCallbackError,
  CallbackCrypto,
  parseEvent,
  createCallbackHandler,
  WeComTokenProviderError,
  WeComEngineError,
  ready,
  validateUpload,
} from 'wecom-external-contact';
// @ts-expect-error issue 10: there is no default export (named exports only)
import sdkDefault from 'wecom-external-contact';
import { createRedisTokenStore } from 'wecom-external-contact/redis-token-store';
import type {
  TokenStore,
  WeComResponse,
  CallbackEvent,
  CallbackResponse,
  RawValue,
  AddContactWayRequest,
  AddContactWayResponse,
  ContactWay,
  EndpointInfo,
  EndpointMap,
  EndpointPath,
  ErrcodeResponse,
  FetchLike,
  GetContactWayResponse,
  ListContactWayResponse,
  RequestOf,
  ResponseOf,
  ValidationIssue,
  ValidationReport,
  WeComClientMethods,
  WeComClientOptions,
  WeComErrorCode,
  WeComErrorKind,
  InternalEndpointPath,
} from 'wecom-external-contact';
import { startMockServer } from 'wecom-external-contact/mock-server';
import type { MockServer, MockStats, MockCustomer, MockWorldSizes, MockAddExternalContactEvent } from 'wecom-external-contact/mock-server';
import { validate as formsValidate, validateAddContactWay } from 'wecom-external-contact/validate';
import type { ValidationReport as FormsReport } from 'wecom-external-contact/validate';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

// EndpointMap and the helpers derived from it.
expectType<Equal<RequestOf<'externalcontact/add_contact_way'>, AddContactWayRequest>>();
expectType<Equal<ResponseOf<'externalcontact/add_contact_way'>, AddContactWayResponse>>();
expectType<Equal<ResponseOf<'externalcontact/update_contact_way'>, ErrcodeResponse>>();
expectType<Equal<EndpointMap['externalcontact/get_contact_way']['response'], GetContactWayResponse>>();
const somePath: EndpointPath = 'idconvert/batch/external_userid_to_pending_id';
// @ts-expect-error not an endpoint path
const notAPath: EndpointPath = 'externalcontact/add_contact_ways';
// @ts-expect-error issue 10: gettoken is in the table but not an endpoint you call
const tokenPath: EndpointPath = 'gettoken';
const internalPath: InternalEndpointPath = 'gettoken';
const rowPath: EndpointInfo['path'] = internalPath;

// Issue 10: ready() loads the engine (needed before the sync APIs in browsers and workers).
await ready();
const readyAgain: Promise<void> = ready();

// validate(): the endpoint is a declared path (a misspelt one does not compile), the report is typed.
const report: ValidationReport = validate('externalcontact/add_contact_way', { type: 1 }, { locale: 'en' });
const first: ValidationIssue | undefined = report.errors[0];
if (first) {
  const path: string = first.path;
  const rule: string = first.rule;
  const message: string = first.message;
  const params: Record<string, unknown> = first.params;
  void [path, rule, message, params];
}
const valid: boolean = validate('externalcontact/close_temp_chat', null).valid;
// @ts-expect-error issue 10: a misspelt endpoint does not compile
validate('externalcontact/add_contact_wya', {});
// @ts-expect-error issue 10: nor an undeclared one (validate has no raw form)
validate('some/future_endpoint', null);
// @ts-expect-error issue 10: gettoken is not validated through the public API
validate('gettoken', {});
// @ts-expect-error issue 10: the forms entry's validate takes the same union
formsValidate('externalcontact/add_contact_wya', {});
// @ts-expect-error locale is a string
validate('externalcontact/add_contact_way', {}, { locale: 1 });

// Issue 9: warnings beside errors, `strict`, and the wasm-free forms entry.
const warnings: ValidationIssue[] = validate('externalcontact/add_contact_way', { type: 1 }, { strict: true }).warnings;
const strictOptions: WeComClientOptions = { corpId: 'ww1', corpSecret: 's', strict: true };
const formReport: FormsReport = validateAddContactWay({ type: 1, scene: 2 }, { locale: 'en', strict: false });
const formWarnings: FormsReport['warnings'] = formsValidate('externalcontact/add_contact_way', { type: 1, scene: 2 }).warnings;
// @ts-expect-error strict is a boolean
validateAddContactWay({ type: 1, scene: 2 }, { strict: 'yes' });
// @ts-expect-error strict is a boolean
void new WeComClient({ corpId: 'ww1', corpSecret: 's', strict: 1 });

const options: WeComClientOptions = { corpId: 'ww1', corpSecret: 's', locale: 'en' };
const myFetch: FetchLike = async (url, init) => {
  const res = await fetch(url, init);
  return { status: res.status, text: () => res.text() };
};
const mock: MockServer = await startMockServer({ corpSecret: 'types-secret', followUsers: ['a'] });
// Issue 11: the seeded world's options and read-only view.
const worldSizes: MockWorldSizes = { customers: 100_000, followersOfBusiest: 5 };
const worldMock: MockServer = await startMockServer({ seed: 7, world: worldSizes });
const someCustomer: MockCustomer | undefined = worldMock.world.customer(worldMock.world.customerIds()[0] ?? '');
const customerType: 1 | 2 | undefined = someCustomer?.type;
const seededCustomers: number = worldMock.world.sizes.customers;
// @ts-expect-error world sizes are numbers
void startMockServer({ world: { customers: '5' } });
// @ts-expect-error the view is read-only
worldMock.world.customerIds()[0] = 'x';
const transferStatus: 1 | 2 | undefined = worldMock.world.transfers()[0]?.status;
const takeoverTime: number | undefined = worldMock.world.transfers()[0]?.takeover_time;
const joinWayScene: 1 | 2 | undefined = worldMock.world.joinWays()[0]?.scene;
const chatMemberType: 1 | 2 | undefined = worldMock.world.groupChat('wr1')?.member_list[0]?.type;
// @ts-expect-error a join way's chat list is read-only
worldMock.world.joinWays()[0]?.chat_id_list.push('wr2');
// Issue 12: the world's moments (read-only, senders with their publish time).
const momentCreateType: 0 | 1 | undefined = worldMock.world.moments()[0]?.create_type;
const momentPublishTime: number | null | undefined = worldMock.world.moments()[0]?.senders[0]?.publish_time;
// @ts-expect-error issue 12: a moment's senders are read-only
worldMock.world.moments()[0]?.senders.push({ userid: 'x', publish_time: 1 });
// Issue 12: mass messages and welcome codes in the world.
const welcome: MockAddExternalContactEvent = worldMock.addCustomer({ userid: 'zhangsan', state: 'expo' });
const welcomeCode: string = welcome.WelcomeCode;
const confirmed: { sent: number; failed: number } = worldMock.confirmGroupMsg('msg1', 'zhangsan');
const resultStatus: 0 | 1 | 2 | 3 | undefined = worldMock.world.massMessages()[0]?.tasks[0]?.results[0]?.status;
const seededMedia: string | undefined = worldMock.world.mediaIds()[0]?.media_id;
// @ts-expect-error addCustomer needs the member's userid
worldMock.addCustomer({ state: 'expo' });
// @ts-expect-error a mass message's tasks are read-only
worldMock.world.massMessages()[0]?.tasks.push();
const client = new WeComClient({ ...options, corpId: mock.corpId, corpSecret: mock.corpSecret, baseUrl: mock.url, fetch: myFetch });
const methods: WeComClientMethods = client;
const corpId: string = client.corpId;
const baseUrl: string = client.baseUrl;
// @ts-expect-error there is no public secret property
client.corpSecret;

// Typed methods.
const payload: AddContactWayRequest = { type: 1, scene: 2, user: ['zhangsan'], remark: 'r', is_temp: false };
const added = await client.addContactWay(payload);
expectType<Equal<typeof added, AddContactWayResponse>>();
// Issue 10: WeCom always sends config_id on success: a string, no `!` needed.
const configId: string = added.config_id;
const id: string = (await client.addContactWay({ type: 1, scene: 1, user: ['u'] })).config_id;
const qrCode: string | undefined = added.qr_code; // scene 2 only: stays optional
// @ts-expect-error issue 10: no index signature, so a misspelt member does not compile
added.configId;
const extraField: unknown = (added as WeComResponse)['brand_new_field']; // unknown fields are kept: reach them by a cast
const got = await client.getContactWay({ config_id: configId });
const way: ContactWay = got.contact_way;
const wayType: number = way.type;
const users: string[] | undefined = way.user;
const listed: ListContactWayResponse = await client.listContactWay();
const cursor: string | undefined = listed.next_cursor;
await client.listContactWay({ limit: 10, cursor });
await client.updateContactWay({ config_id: 'c', conclusions: { text: { content: 'bye' } } });
await client.delContactWay({ config_id: 'c' }).catch(() => undefined);
await client.closeTempChat({ userid: 'u', external_userid: 'wm1' });
const follow = await client.getFollowUserList();
const followUsers: string[] = follow.follow_user;
const pending = await client.externalUseridToPendingId({ external_userid: ['wm1'] });
const pendingId: string | undefined = pending.result[0]?.pending_id;
await client.corpGroupExternalUseridToPendingId({ external_userid: ['wm1'], chat_id: 'wr1' });
const converted = await client.unionidToExternalUserid({ unionid: 'o1', openid: 'o2', subject_type: 1 });
const convertedId: string | undefined = converted.external_userid ?? converted.pending_id;
const upgraded = await client.groupChatGetNewExternalUserid({ chat_id: 'wr1', external_userid_list: ['wm1'] });
const newId: string | undefined = upgraded.items[0]?.new_external_userid;
const plain = await client.openuseridToUserid({ open_userid_list: ['wo1'], source_agentid: 1000001 });
const invalidOpenUserids: string[] | undefined = plain.invalid_open_userid_list;
const downstream = await client.corpGroupUnionidToExternalUserid({ unionid: 'o1', openid: 'o2', corpid: 'ww1' });
const downstreamCorp: string | undefined = downstream.external_userid_info[0]?.corpid;
const { openid } = await client.convertToOpenid({ external_userid: 'wm1' });
expectType<Equal<typeof openid, string>>();
// @ts-expect-error subject_type is 0 | 1
client.unionidToExternalUserid({ unionid: 'o1', openid: 'o2', subject_type: 2 });
// @ts-expect-error source_agentid is required
client.fromServiceExternalUserid({ external_userid: 'wm1' });

// EndpointMap through request(path, payload): the payload and the answer follow the path.
const viaRequest = await client.request('externalcontact/add_contact_way', { type: 2, scene: 1, style: 1, party: [1] });
expectType<Equal<typeof viaRequest, AddContactWayResponse>>();
const viaRequestGet = await client.request('externalcontact/get_contact_way', { config_id: 'c' }).catch(() => null);
expectType<Equal<typeof viaRequestGet, GetContactWayResponse | null>>();
// @ts-expect-error the payload must match the endpoint
client.request('externalcontact/get_contact_way', { userid: 'u' });
// @ts-expect-error unknown endpoint
client.request('externalcontact/nope', {});
// @ts-expect-error issue 10: gettoken is not offered in the typed form (the client calls it itself)
client.request('gettoken', { corpid: 'ww1', corpsecret: 's' });
// @ts-expect-error required field missing
client.addContactWay({ type: 1 });
// @ts-expect-error scene is 1 | 2
client.addContactWay({ type: 1, scene: 5 });
// @ts-expect-error unknown field in an object literal
client.getContactWay({ config_id: 'c', extra: 1 });

const token: string = await client.getAccessToken({ forceRefresh: true });
const invalidated: Promise<void> = client.invalidateToken();
void invalidated;
const key: string = client.tokenKey;

// Token sharing, provider, logger, raw requests.
const store: TokenStore = createRedisTokenStore(async (args: string[]) => args.length);
const shared = new WeComClient({ corpId: 'ww1', corpSecret: 's', tokenStore: store, tokenKeyPrefix: 'app1:', logger: console });
const provided = new WeComClient({ corpId: 'ww1', tokenProvider: async ({ rejectedToken }) => rejectedToken ?? 't' });
const provided2 = new WeComClient({ corpId: 'ww1', tokenProvider: () => ({ accessToken: 't', expiresAt: Date.now() + 1000 }) });
// @ts-expect-error a provider replaces the secret
new WeComClient({ corpId: 'ww1', corpSecret: 's', tokenProvider: () => 't' });
const raw: WeComResponse = await shared.request({ method: 'GET', path: 'externalcontact/get', query: { external_userid: 'wm1', cursor: '' } });
const rawPost = await provided.request({ method: 'POST', path: 'externalcontact/remark', body: { userid: 'u' } }, { timeoutMs: 500 });
void [raw.errcode, rawPost.errmsg, provided2, key, WeComTokenProviderError];
// @ts-expect-error raw method is GET or POST
shared.request({ method: 'PUT', path: 'x' });

// Error classes: instanceof narrowing and their fields.
try {
  await client.getContactWay({ config_id: 'nope' });
} catch (e: unknown) {
  if (e instanceof WeComApiError) {
    const code: 'E_API' = e.code;
    const errcode: number = e.errcode;
    const errmsg: string = e.errmsg;
    const kind: WeComErrorKind = e.kind;
    const hint: string | undefined = e.hint;
    const endpoint: string | undefined = e.endpoint;
    void [code, errcode, errmsg, kind, hint, endpoint];
    // Issue 10: kind is a union, so a switch narrows it and can be exhaustive.
    switch (e.kind) {
      case 'retry':
      case 'rate':
      case 'refresh':
        break;
      case 'config':
      case 'param':
      case 'state':
      case 'quota': {
        const settled: 'config' | 'param' | 'state' | 'quota' = e.kind;
        void settled;
        break;
      }
      default: {
        const none: never = e.kind;
        void none;
      }
    }
    // @ts-expect-error issue 10: 'nonsense' is not a kind
    if (e.kind === 'nonsense') void 0;
  } else if (e instanceof WeComValidationError) {
    const issues: ValidationIssue[] = e.errors;
    const alsoWarnings: ValidationIssue[] = e.warnings;
    void [issues, alsoWarnings];
  } else if (e instanceof WeComHttpError) {
    const code: 'E_HTTP' | 'E_BAD_RESPONSE' | 'E_OUTCOME_UNKNOWN' = e.code;
    const status: number = e.status;
    void [code, status, e.body];
  } else if (e instanceof WeComNetworkError || e instanceof WeComConfigError || e instanceof WeComUsageError) {
    const code: string = e.code;
    void code;
  } else if (e instanceof WeComEngineError) {
    const code: 'E_ENGINE' | 'E_NOT_READY' = e.code;
    void code;
  } else if (e instanceof WeComError) {
    const base: Error = e;
    const anyCode: WeComErrorCode = e.code;
    void [base, anyCode];
  }
}
// @ts-expect-error issue 10: error codes are a documented union
const bogusCode: WeComErrorCode = 'E_NOPE';
const apiError = new WeComApiError('x', { code: 'E_API', errcode: 1 });
// @ts-expect-error errcode is read-only
apiError.errcode = 2;

const table: readonly EndpointInfo[] = endpoints;
const methodNames = table.map((e) => e.jsName).filter((n): n is string => n !== null);
const stats: MockStats = mock.stats();
mock.inject({ path: 'gettoken', errcode: 40001, times: 2 });
mock.inject([{ path: '*', status: 502 }, { path: 'externalcontact/get_contact_way', extra: { brand_new_field: { a: 1 } } }]);
const adminToken: string = mock.adminToken;
const tokenMock: MockServer = await startMockServer({ adminToken: `${adminToken}-copy` });
await tokenMock.close();
client.free();
await mock.close();

// Callbacks: crypto, events, the handler.
const cb = new CallbackCrypto({ token: 't', encodingAesKey: 'k'.repeat(43), receiveId: 'ww' });
const echo: string = cb.verifyUrl({ msg_signature: 's', timestamp: 1, nonce: 'n', echostr: 'e' });
const { message, receiveId }: { message: string; receiveId: string } = cb.decrypt({ msg_signature: 's', timestamp: '1', nonce: 'n', body: '<xml/>' });
const reply: string = cb.encrypt(message, { timestamp: 1, nonce: 'n', random: new Uint8Array(16) });
// @ts-expect-error the body is required
cb.decrypt({ msg_signature: 's', timestamp: '1', nonce: 'n' });
const event: CallbackEvent = parseEvent(message);
const changeType: string | undefined = event.changeType;
const rawField: RawValue | undefined = event.raw['UserID'];
const handle = createCallbackHandler({ crypto: cb, onEvent: (ev, msg) => void [ev?.userId, msg.receiveId] });
const answer: Promise<CallbackResponse> = handle({ method: 'POST', url: '/cb?msg_signature=s', body: new Uint8Array(0) });
try {
  cb.verifyUrl({ msg_signature: 's', timestamp: '1', nonce: 'n', echostr: 'e' });
} catch (e) {
  if (e instanceof WeComCallbackError && e.code === 'E_CALLBACK_RECEIVE_ID') void [e.expected, e.actual];
}

// issue 11: paging from the declarations; the item type comes from the endpoint.
async function pageAll(): Promise<string[]> {
  const ids: string[] = [];
  for await (const way of client.paginate('externalcontact/list_contact_way', { limit: 10 }, { timeoutMs: 5000 })) ids.push(way.config_id);
  for await (const page of client.pages('externalcontact/list_contact_way')) ids.push(...page.contact_way.map((w) => w.config_id));
  // @ts-expect-error issue 11: add_contact_way does not page
  client.paginate('externalcontact/add_contact_way', { type: 1, scene: 2 });
  // issue 11: every paging endpoint's item type; answers' enums are open (a later value type-checks).
  for await (const c of client.paginate('externalcontact/batch/get_by_user', { userid_list: ['zhangsan'], limit: 100 })) {
    const way: number = c.follow_info.add_way;
    ids.push(c.external_contact.external_userid, String(way));
  }
  for await (const f of client.paginate('externalcontact/get', { external_userid: 'wm1' })) ids.push(f.userid);
  for await (const g of client.paginate('externalcontact/groupchat/list', { limit: 1000 })) ids.push(g.chat_id);
  for await (const u of client.paginate('externalcontact/get_unassigned_list', { page_size: 100 })) ids.push(u.handover_userid);
  for await (const r of client.paginate('externalcontact/transfer_result', { handover_userid: 'a', takeover_userid: 'b' })) {
    const status: number = r.status;
    ids.push(String(status));
  }
  const later: import('wecom-external-contact').TransferStatus = 42;
  ids.push(String(later));
  return ids;
}
const pagingOf: { request: string } | null = endpoints[0]?.paging ?? null;

// issue 12: uploads take a file (Blob, ArrayBuffer, typed array or Buffer) and the query members.
async function uploads(): Promise<string[]> {
  const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
  const { media_id } = await client.uploadMedia({ type: 'image', file: png, filename: 'card.png' });
  const { url } = await client.uploadImage({ file: new Blob([png]), filename: 'banner.jpg' });
  const att = await client.uploadAttachment({ media_type: 'image', attachment_type: 1, file: png.buffer, filename: 'a.png' });
  const viaRequest = await client.request('media/upload', { type: 'file', file: png, filename: 'a.txt' });
  // @ts-expect-error issue 12: the file is required
  await client.uploadImage({ filename: 'banner.jpg' });
  // @ts-expect-error issue 12: a string is not a file
  await client.uploadMedia({ type: 'image', file: 'card.png' });
  // @ts-expect-error issue 12: attachment_type is 1 or 2
  await client.uploadAttachment({ media_type: 'image', attachment_type: 3, file: png, filename: 'a.png' });
  const form = validateUpload('media/upload', { type: 'image', filename: 'a.png', size: 1024 });
  const rules: string[] = form.errors.map((e) => e.rule);
  const created: string = att.created_at;
  return [media_id, url, created, viaRequest.media_id, ...rules];
}

export const used = [uploads, customerType, seededCustomers, pageAll, pagingOf, sdkDefault, tokenPath, rowPath, readyAgain, id, qrCode, wayType, bogusCode, warnings, strictOptions, formReport, formWarnings, echo, receiveId, reply, changeType, rawField, answer, somePath, notAPath, valid, methods, corpId, baseUrl, extraField, users, pendingId, convertedId, newId, invalidOpenUserids, downstreamCorp, followUsers, token, methodNames, stats];
