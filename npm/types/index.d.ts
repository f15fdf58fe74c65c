// Public types of wecom-external-contact. Model, endpoint and client-method types, the
// EndpointPath union and the WeComErrorKind union are generated from the Rust declarations into
// ./endpoints (see crates/wecom-codegen). Named exports only: there is no default export.
import type {
  EndpointMap,
  EndpointPath,
  InternalEndpointPath,
  PageItemMap,
  PagedEndpointPath,
  UploadAttachmentRequest,
  UploadImageRequest,
  UploadMediaRequest,
  WeComClientMethods,
  WeComErrorKind,
} from './endpoints.js';
import type { ValidationIssue } from './validate.cjs';

export * from './endpoints.js';

/** Request type of an endpoint. */
export type RequestOf<P extends EndpointPath> = EndpointMap[P]['request'];
/**
 * Response type of an endpoint: the members WeCom always sends on success are required. Members
 * this version does not model are kept at run time: cast to `WeComResponse` to reach them.
 */
export type ResponseOf<P extends EndpointPath> = EndpointMap[P]['response'];

/**
 * An answer of a path called through the raw form: errcode 0, every field kept. Every typed
 * answer converts to it (`answer as WeComResponse`) to reach members this version does not model.
 */
export interface WeComResponse {
  errcode: number;
  errmsg: string;
  [field: string]: unknown;
}

// The report and option types are the forms entry's (generated with the validators), and so is
// `validate` (the same function, at 'wecom-external-contact/validate' without wasm): its endpoint
// is an EndpointPath, so a misspelt path does not compile.
export type { ValidationIssue, ValidationReport, ValidateOptions } from './validate.cjs';
export { validate } from './validate.cjs';

/**
 * Loads and compiles the wasm engine and instantiates it; resolves when it is ready (at once when
 * it already is). The async APIs (every client call, `createCallbackHandler`'s handler) call it
 * themselves. The sync APIs (`new CallbackCrypto` and its methods, `parseEvent`,
 * `client.tokenKey`) work at once in Node; in browsers and workers call `await ready()` before
 * them, or they throw WeComEngineError 'E_NOT_READY'. Rejects with WeComEngineError 'E_ENGINE'
 * (naming the wasm's URL or path, with a hint: serve `wecom.wasm` next to the bundle, or use
 * 'wecom-external-contact/inline') when the wasm cannot be loaded; the next call tries again.
 */
export declare function ready(): Promise<void>;

/** A fetch-compatible function. */
export type FetchLike = (
  url: string,
  init: { method: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (rejects with WeComAbortError, code 'E_ABORTED'; never retried). */
  signal?: AbortSignal;
  /**
   * Overrides the client's timeout for this call, ms (0 or Infinity = none; values above 2^31 − 1
   * are clamped). Rejects with WeComTimeoutError ('E_TIMEOUT'). Also bounds a token fetch or a
   * tokenProvider call this call starts.
   */
  timeoutMs?: number;
}

/**
 * A file to upload (issue 12): a `Blob` or `File` (browsers, Node ≥ 18), an `ArrayBuffer`, or a
 * typed array such as `Uint8Array` or a Node `Buffer`. Sent as it is, never copied into the engine.
 */
export type UploadFile = Blob | ArrayBuffer | ArrayBufferView;

/**
 * The payload of an upload method (`uploadMedia`, `uploadImage`, `uploadAttachment`): the
 * request's query members plus the file. `filename` is required unless `file` is a `File` with a
 * name; the size is read from the file. Size and extension limits are checked before anything
 * is sent (WeComValidationError, as `validateUpload` reports them).
 */
export type WeComUpload<R> = Omit<R, 'filename' | 'size'> & { file: UploadFile; filename?: string };

/** Paths of the declared upload endpoints (multipart bodies). */
export type UploadEndpointPath = 'media/upload' | 'media/uploadimg' | 'media/upload_attachment';

/**
 * Checks an upload's description before a file is sent, e.g. in a form:
 * `validateUpload('media/upload', { type: 'image', filename: 'a.png', size: file.size })` →
 * the report of `validate` plus the size and extension limits of the media type (R-MD-…).
 */
export declare function validateUpload<P extends UploadEndpointPath>(
  endpoint: P,
  description: P extends 'media/upload'
    ? UploadMediaRequest
    : P extends 'media/uploadimg'
      ? UploadImageRequest
      : UploadAttachmentRequest,
  options?: { locale?: string; strict?: boolean },
): import('./validate.cjs').ValidationReport;

/** Retries of busy / rate-limited answers (-1, 45009, 45033, …) and, for reads, of transient failures. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Delay before the first retry, ms, doubled each time, with jitter. Default 200. */
  baseDelayMs?: number;
  /** Longest wait between attempts, ms. Default 2000. */
  maxDelayMs?: number;
  /** No retry starts later than this after the call began, ms. Default 10000. */
  maxElapsedMs?: number;
}

/** A token as stored in a `tokenStore`: `expiresAt`/`refreshAt` in ms since the Unix epoch. */
export interface TokenRecord {
  accessToken: string;
  expiresAt: number;
  /** When to refresh ahead of expiry (written by the SDK; computed from `expiresAt` when absent). */
  refreshAt?: number;
}

/**
 * Where several clients or processes share one token. Keys are corpId + a hash of the secret
 * (never the secret). Errors thrown by the store are logged and the client goes on alone.
 */
export interface TokenStore {
  get(key: string): Promise<TokenRecord | null | undefined> | TokenRecord | null | undefined;
  /** `ttlMs`: keep it until it is due for refresh. */
  set(key: string, record: TokenRecord, ttlMs: number): Promise<void> | void;
  delete(key: string): Promise<void> | void;
  /**
   * Optional refresh lock across processes: resolve to a release function when taken, or
   * `null` when another process holds it (this one then waits for that process's token).
   */
  lock?(key: string, ttlMs: number): Promise<(() => Promise<void> | void) | null> | (() => Promise<void> | void) | null;
}

/** What a `tokenProvider` is asked. */
export interface TokenProviderRequest {
  corpId: string;
  /** A new token is wanted (WeCom rejected `rejectedToken`, or getAccessToken({ forceRefresh })). */
  forceRefresh: boolean;
  rejectedToken?: string;
}

/** Receives log lines; every message and field has secrets and tokens redacted. `console` works. */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn?(message: string, fields?: Record<string, unknown>): void;
  error?(message: string, fields?: Record<string, unknown>): void;
}

/** The raw form of `request` for paths this SDK does not declare yet (still gets tokens, retries, redaction). */
export interface RawRequest {
  method: 'GET' | 'POST' | 'get' | 'post';
  /** The path after /cgi-bin/, e.g. 'externalcontact/get'. */
  path: string;
  /** Query parameters (scalars); access_token is added by the client. */
  query?: Record<string, string | number | boolean>;
  /** The JSON body of a POST (an object, or its JSON text). */
  body?: object | string;
  /** A POST that is safe to resend (otherwise it is never resent after an unknown outcome). */
  idempotent?: boolean;
}

interface WeComClientBaseOptions {
  /** 企业 ID. */
  corpId: string;
  /** Default 'https://qyapi.weixin.qq.com'. */
  baseUrl?: string;
  /** Default globalThis.fetch. */
  fetch?: FetchLike;
  /** Language of validation messages in errors: 'zh-CN' (default) or 'en'. */
  locale?: string;
  /** Timeout of each call, ms (0 or Infinity = none; values above 2^31 − 1 are clamped). Default 30000. */
  timeoutMs?: number;
  /** Retry policy. Writes are never resent after a failure that may have been processed. */
  retry?: RetryOptions;
  /**
   * Warnings are errors (default false): a request with an unknown member, or one WeCom ignores,
   * is refused with WeComValidationError instead of being sent as given. A boolean ('E_CONFIG'
   * otherwise).
   */
  strict?: boolean;
  /** Log lines (off by default), redacted. A request's warnings go to `warn`, once per call. */
  logger?: Logger;
}

/** Options of a client that fetches its own tokens with the secret. */
export interface WeComSecretClientOptions extends WeComClientBaseOptions {
  /** The app secret (客户联系 secret, or a secret of an app listed under 可调用应用). Never logged or shown. */
  corpSecret: string;
  /** Share the token across processes (e.g. `createRedisTokenStore` from 'wecom-external-contact/redis-token-store'). */
  tokenStore?: TokenStore;
  /** Prefix of the store key. Default 'wecom:access_token:'. */
  tokenKeyPrefix?: string;
  /**
   * Longest wait for one tokenStore operation, ms (> 0, at most 60000). Default 1000. Past it the
   * store counts as failed (a warning is logged), calls go on without it, and it is left alone
   * for 30 s.
   */
  tokenStoreTimeoutMs?: number;
  tokenProvider?: never;
}

/** Options of a client whose tokens come from a central token service. */
export interface WeComProviderClientOptions extends WeComClientBaseOptions {
  /** Returns a token string (used for 5 minutes or until rejected) or a record with its expiry. */
  tokenProvider: (request: TokenProviderRequest) => Promise<string | TokenRecord> | string | TokenRecord;
  corpSecret?: never;
  tokenStore?: never;
}

export type WeComClientOptions = WeComSecretClientOptions | WeComProviderClientOptions;

/**
 * Calls WeCom: validates first (errors reject with WeComValidationError and nothing is sent;
 * warnings are logged and the request is sent as given, unless `strict`), adds the cached
 * access_token, resolves with the body on errcode 0.
 */
export declare class WeComClient {
  /**
   * Checks the options (WeComConfigError 'E_CONFIG' for a bad one). When the engine is not loaded
   * yet (browsers and workers before `ready()`), the constructor does not wait for it: an option
   * error then rejects the first call instead.
   */
  constructor(options: WeComClientOptions);
  /** An endpoint the SDK declares, by its official path after /cgi-bin/ (`gettoken` is not one you call). */
  request<P extends EndpointPath>(endpoint: P, payload?: RequestOf<P>, options?: CallOptions): Promise<ResponseOf<P>>;
  /** A path this SDK does not declare: not validated; POST counts as a write unless `idempotent`. */
  request(raw: RawRequest, options?: CallOptions): Promise<WeComResponse>;
  /**
   * Every answer of a paging endpoint, first page first: `for await (const page of
   * client.pages('externalcontact/list_contact_way', { limit: 100 }))`. Each page is one call like
   * `request` (validation, token, retries, typed errors; `options` apply to each). Iteration stops
   * at the empty cursor; a cursor that comes back rejects with WeComUsageError
   * 'E_PAGINATION_LOOP'. How each endpoint pages is declared with it (`endpoints[i].paging`).
   */
  pages<P extends PagedEndpointPath>(endpoint: P, payload?: RequestOf<P>, options?: CallOptions): AsyncGenerator<ResponseOf<P>, void, undefined>;
  /** Every item of every page of a paging endpoint (the declared items member of each answer), see `pages`. */
  paginate<P extends PagedEndpointPath>(endpoint: P, payload?: RequestOf<P>, options?: CallOptions): AsyncGenerator<PageItemMap[P], void, undefined>;
  /** The cached (or stored) token, or a fresh one; `forceRefresh` fetches a new one whatever is cached. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Forgets the token here and, if it is the same token, in the tokenStore. */
  invalidateToken(): Promise<void>;
  /**
   * The tokenStore key: prefix + corpId + ':' + a hash of the secret. Needs the engine: in
   * browsers and workers before `ready()` it throws WeComEngineError 'E_NOT_READY'.
   */
  readonly tokenKey: string;
  readonly corpId: string;
  readonly baseUrl: string;
  /** Releases the engine-side memory now (otherwise done when garbage-collected). */
  free(): void;
}
export interface WeComClient extends WeComClientMethods {}

/** One row of the endpoint table. */
export interface EndpointInfo {
  /** An endpoint you can call, or one the client calls itself (`jsName` null, e.g. 'gettoken'). */
  path: EndpointPath | InternalEndpointPath;
  method: 'GET' | 'POST';
  /** A write changes state at WeCom: never resent after a failure that may have been processed. */
  write: boolean;
  jsName: string | null;
  docUrl: string;
  summaryZh: string;
  summaryEn: string;
  request: string;
  response: string;
  /**
   * How the endpoint pages (null if it does not): the request member that takes the cursor, the
   * answer member that holds the next one, and the answer member that lists the items.
   * `page_id` paging (get_unassigned_list) numbers its pages (`page`, `size`, `defaultSize`) while
   * `page × size < limit`, and switches to the cursor once an answer carries one; `last` is the
   * answer member that is true on the last page.
   */
  paging:
    | { kind: 'cursor' | 'offset'; request: string; response: string; items: string }
    | {
        kind: 'page_id';
        request: string;
        response: string;
        items: string;
        page: string;
        size: string;
        defaultSize: number;
        limit: number;
        last: string;
      }
    | null;
  /**
   * What replaces a legacy endpoint (null for a current one). The client's logger gets one
   * warning per client the first time a legacy endpoint is called.
   */
  deprecated: string | null;
}
export declare const endpoints: readonly EndpointInfo[];

/** Every `code` an error of this package carries (stable: a new one only in a minor release). */
export type WeComErrorCode =
  | 'E_VALIDATION'
  | 'E_API'
  | 'E_HTTP'
  | 'E_BAD_RESPONSE'
  | 'E_OUTCOME_UNKNOWN'
  | 'E_NETWORK'
  | 'E_TIMEOUT'
  | 'E_ABORTED'
  | 'E_CONFIG'
  | 'E_TOKEN_PROVIDER'
  | 'E_ENGINE'
  | 'E_NOT_READY'
  | 'E_UNKNOWN_ENDPOINT'
  | 'E_USAGE'
  | 'E_PAGINATION_LOOP'
  | 'E_INVALID_PAYLOAD'
  | 'E_PAYLOAD_TOO_LARGE'
  | 'E_CALLBACK_BAD_KEY'
  | 'E_CALLBACK_CONFIG'
  | WeComCallbackError['code'];

/** Base class of every error; `code` is stable. */
export declare class WeComError extends Error {
  constructor(message: string, props?: Record<string, unknown>);
  readonly code: WeComErrorCode;
  /** Endpoint path, when the error concerns one. */
  readonly endpoint?: string;
}
/** code 'E_VALIDATION': nothing was sent. */
export declare class WeComValidationError extends WeComError {
  readonly code: 'E_VALIDATION';
  readonly errors: ValidationIssue[];
  /** The request's warnings (empty under `strict`: they are in `errors`). */
  readonly warnings: ValidationIssue[];
  /** Present (true) when the lists were cut at 100 findings. */
  readonly truncated?: true;
}
/** code 'E_API': WeCom answered a non-zero errcode. */
export declare class WeComApiError extends WeComError {
  readonly code: 'E_API';
  readonly errcode: number;
  readonly errmsg: string;
  /**
   * Handling class, from the SDK's errcode table: 'retry' (transient, retried), 'refresh' (token
   * rejected, refreshed and retried once), 'rate' (frequency limit), 'config' (setup or
   * permission), 'param' (the request), 'state' (business state; also any errcode the table does
   * not know), 'quota' (a quota is used up).
   */
  readonly kind: WeComErrorKind;
  /** true for busy / rate-limited errcodes (already retried within the policy). */
  readonly retryable: boolean;
  /** The client IP WeCom quotes in errmsg (e.g. 60020: add it to 企业可信IP). */
  readonly fromIp?: string;
  /** Official title of the errcode, when known. */
  readonly title?: string;
  /** What to do about it, when known. */
  readonly hint?: string;
}
/** code 'E_HTTP' (non-2xx), 'E_BAD_RESPONSE' (not JSON), or 'E_OUTCOME_UNKNOWN' (either, after a write: not resent). */
export declare class WeComHttpError extends WeComError {
  readonly code: 'E_HTTP' | 'E_BAD_RESPONSE' | 'E_OUTCOME_UNKNOWN';
  readonly status: number;
  /** The first bytes of the body (secrets redacted). */
  readonly body: string;
}
/** code 'E_NETWORK', or 'E_OUTCOME_UNKNOWN' after a write that got no answer (not resent). */
export declare class WeComNetworkError extends WeComError {
  readonly code: 'E_NETWORK' | 'E_OUTCOME_UNKNOWN' | 'E_TIMEOUT' | 'E_ABORTED';
  /** 'unknown' when a write may have been processed. */
  readonly outcome?: 'unknown';
}
/** code 'E_TIMEOUT': the call exceeded its timeoutMs. */
export declare class WeComTimeoutError extends WeComNetworkError {
  readonly code: 'E_TIMEOUT';
  readonly timeoutMs: number;
}
/** code 'E_ABORTED': the caller's AbortSignal fired; never retried. */
export declare class WeComAbortError extends WeComNetworkError {
  readonly code: 'E_ABORTED';
}
/** code 'E_CONFIG' (client options), 'E_CALLBACK_BAD_KEY' or 'E_CALLBACK_CONFIG' (callback configuration). */
export declare class WeComConfigError extends WeComError {
  readonly code: 'E_CONFIG' | 'E_CALLBACK_BAD_KEY' | 'E_CALLBACK_CONFIG';
}
/** code 'E_TOKEN_PROVIDER': the tokenProvider failed or returned the token WeCom had just rejected. */
export declare class WeComTokenProviderError extends WeComError {
  readonly code: 'E_TOKEN_PROVIDER';
}
/**
 * code 'E_ENGINE': the wasm engine could not be loaded (`ready()` rejects; the next call tries
 * again), or it failed (a trap, memory exhaustion, a bug): it was replaced, and the next call
 * runs on a fresh one (clients rebuild themselves; their in-memory token cache is lost). Calls
 * in flight on the failed engine reject with it. The original failure is `cause`.
 * code 'E_NOT_READY': a sync API (`new CallbackCrypto`, its methods, `parseEvent`,
 * `client.tokenKey`) was used in a browser or worker before `await ready()`.
 */
export declare class WeComEngineError extends WeComError {
  readonly code: 'E_ENGINE' | 'E_NOT_READY';
}

/** code 'E_UNKNOWN_ENDPOINT' | 'E_USAGE' | 'E_INVALID_PAYLOAD' | 'E_PAYLOAD_TOO_LARGE' | 'E_PAGINATION_LOOP' (with `endpoint` and `field`). */
export declare class WeComUsageError extends WeComError {
  readonly code: 'E_UNKNOWN_ENDPOINT' | 'E_USAGE' | 'E_INVALID_PAYLOAD' | 'E_PAYLOAD_TOO_LARGE' | 'E_PAGINATION_LOOP';
  /** E_PAGINATION_LOOP: the endpoint, and the answer member whose cursor came back. */
  readonly endpoint?: string;
  readonly field?: string;
}

// ---- Callbacks (回调): https://developer.work.weixin.qq.com/document/path/91144

/** The query WeCom sends (URL-decoded). Numbers are accepted for `timestamp`. */
export interface CallbackQuery {
  msg_signature: string;
  timestamp: string | number;
  nonce: string;
}

/** WXBizMsgCrypt for one callback configuration. The configuration is checked by the constructor:
 * a bad EncodingAESKey throws WeComConfigError (code 'E_CALLBACK_BAD_KEY') there, never later.
 * Sync, so it needs the engine loaded: in browsers and workers `await ready()` first, otherwise
 * the constructor throws WeComEngineError 'E_NOT_READY' (in Node it works at once).
 * Size limits (UTF-8 bytes), checked before anything is copied into the engine: a body, echostr,
 * ciphertext or message to encrypt at most 1 MiB; msg_signature, timestamp and nonce at most 1 KiB
 * each; over a limit → WeComCallbackError 'E_CALLBACK_TOO_LARGE'. */
export declare class CallbackCrypto {
  constructor(options: {
    /** The callback Token. */
    token: string;
    /** The 43-character EncodingAESKey. */
    encodingAesKey: string;
    /** corpid (a corp's own apps), suiteid (third-party apps) or '' (personal-subject apps). */
    receiveId: string;
  });
  /** URL verification (GET): the plaintext to answer with (no quotes, no newline). */
  verifyUrl(query: CallbackQuery & { echostr: string }): string;
  /** Message decryption (POST): `body` is the raw request body, XML or JSON envelope. `message` is raw text. */
  decrypt(input: CallbackQuery & { body: string }): { message: string; receiveId: string };
  /** Encrypts a passive reply into the XML envelope. `random`: 16 bytes for reproducible tests; default secure random. */
  encrypt(message: string, options: { timestamp: string | number; nonce: string; random?: Uint8Array | string }): string;
  /** The msg_signature for a timestamp, nonce and ciphertext. */
  signature(timestamp: string, nonce: string, encrypted: string): string;
  free(): void;
}

/** Parses a decrypted callback message (XML) into a typed event; every field is kept in `raw`.
 * Over 1 MiB (UTF-8) → WeComCallbackError 'E_CALLBACK_TOO_LARGE', before anything is copied.
 * Sync: in browsers and workers before `await ready()` it throws WeComEngineError 'E_NOT_READY'. */
export declare function parseEvent(xml: string): CallbackEvent;

/** What a callback handler answers. */
export interface CallbackResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A framework-agnostic callback endpoint: GET → URL verification echo; POST → verify, decrypt,
 * parse, call `onEvent`, answer 200 with an empty body. Signature or receiveId failures answer 403,
 * a stale timestamp (`maxAgeSeconds`) 403, a body over `maxBodyBytes` 413, malformed input or an
 * unparsable URL 400, a failing `onEvent` 500 (body: the error code), without secrets. The
 * returned function never rejects. Bad options throw at creation: WeComUsageError 'E_USAGE'
 * (onEvent, onError, now not functions) or WeComConfigError 'E_CALLBACK_CONFIG' (the limits).
 */
export declare function createCallbackHandler(options: {
  crypto?: CallbackCrypto;
  token?: string;
  encodingAesKey?: string;
  receiveId?: string;
  onEvent: (event: CallbackEvent | undefined, message: { message: string; receiveId: string }) => unknown;
  /** Sees every failure (a throw or rejection of its own is ignored). Without it, a failure of
   * `onEvent` is written to console.error and other failures are not logged. */
  onError?: (error: Error) => unknown;
  /** Await `onEvent` before answering (default false: WeCom allows 5 s; queue long work). */
  waitForHandler?: boolean;
  /** The largest body in bytes (UTF-8 for a string), checked before it is decoded: larger answers
   * 413 'E_CALLBACK_TOO_LARGE'. An integer from 1 to 1048576 (the engine's limit, the default). */
  maxBodyBytes?: number;
  /** Refuse a GET or POST whose `timestamp` is more than this many seconds from now (403
   * 'E_CALLBACK_STALE'). Default: no check, as in WeCom's own SDKs. Leave room for WeCom's
   * retries and clock skew: a few minutes (e.g. 300), with a synchronised clock. */
  maxAgeSeconds?: number;
  /** The clock for `maxAgeSeconds`, in ms (default Date.now); for tests. */
  now?: () => number;
}): (request: { method: string; url: string; body?: string | Uint8Array }) => Promise<CallbackResponse>;

/** A callback could not be verified, decrypted or parsed. */
export declare class WeComCallbackError extends WeComError {
  readonly code:
    | 'E_CALLBACK_SIGNATURE'
    | 'E_CALLBACK_BASE64'
    | 'E_CALLBACK_PADDING'
    | 'E_CALLBACK_LENGTH'
    | 'E_CALLBACK_ENCODING'
    | 'E_CALLBACK_RECEIVE_ID'
    | 'E_CALLBACK_ENVELOPE'
    | 'E_CALLBACK_XML'
    | 'E_CALLBACK_TOO_LARGE'
    | 'E_CALLBACK_STALE'
    | 'E_CALLBACK_RANDOM';
  /** With E_CALLBACK_RECEIVE_ID: the configured receiveId. */
  readonly expected?: string;
  /** With E_CALLBACK_RECEIVE_ID: the receiveId the message carries. */
  readonly actual?: string;
}

/** A field as WeCom sent it: text; an element with children as an object; a repeated name as an array. */
export type RawValue = string | RawValue[] | { [name: string]: RawValue };

/**
 * A parsed callback message. `event` and `changeType` are WeCom's strings (open-ended: a value this
 * version does not know is kept as is); typed fields are camelCase (`userId`, `externalUserId`,
 * `state`, `welcomeCode`, `chatId`, `updateDetail`, `memChangeList`, `tagType`, `strategyId`, …);
 * `raw` holds every field exactly as sent, so nothing WeCom adds is lost.
 * https://developer.work.weixin.qq.com/document/path/92130
 */
export interface CallbackEvent {
  /** e.g. 'change_external_contact', 'change_external_chat', 'change_external_tag', 'customer_acquisition'; '' for non-event messages. */
  event: string;
  /** e.g. 'add_external_contact', 'edit_external_contact', 'del_follow_user', 'update', 'shuffle', … */
  changeType?: string;
  toUserName?: string;
  fromUserName?: string;
  createTime?: number;
  msgType?: string;
  userId?: string;
  externalUserId?: string;
  state?: string;
  welcomeCode?: string;
  failReason?: string;
  chatId?: string;
  updateDetail?: string;
  joinScene?: number;
  quitScene?: number;
  memChangeCnt?: number;
  memChangeList?: string[];
  lastMemVer?: string;
  curMemVer?: string;
  id?: string;
  tagType?: string;
  strategyId?: number;
  linkId?: string;
  raw: Record<string, RawValue>;
  [field: string]: unknown;
}
