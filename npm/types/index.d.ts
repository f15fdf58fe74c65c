// Public types of wecom-external-contact. Model, endpoint and client-method types are generated
// from the Rust declarations into ./endpoints (see crates/wecom-codegen).
import type { EndpointMap, WeComClientMethods } from './endpoints.js';

export * from './endpoints.js';

/** Official endpoint path after /cgi-bin/, e.g. 'externalcontact/add_contact_way'. */
export type EndpointPath = keyof EndpointMap;
/** Request type of an endpoint. */
export type RequestOf<P extends EndpointPath> = EndpointMap[P]['request'];
/** Response type of an endpoint (unknown fields kept). */
export type ResponseOf<P extends EndpointPath> = EndpointMap[P]['response'];

/** One problem found by `validate`. */
export interface ValidationIssue {
  /** JSON pointer of the offending value ('' = the whole payload), e.g. '/conclusions/text/content'. */
  path: string;
  /** Stable rule id, e.g. 'R-CW-04', or a structural id: 'json-type', 'unknown-field', 'required', 'integer-range'. */
  rule: string;
  /** Message for a form, in zh-CN (default) or English. */
  message: string;
  /** The numbers behind the message, e.g. { max: 30, actual: 31 }. */
  params: Record<string, unknown>;
}

/** Result of `validate`: every problem is listed, not just the first. */
export interface ValidationReport {
  valid: boolean;
  errors: ValidationIssue[];
}

export interface ValidateOptions {
  /** 'zh-CN' (default) or 'en' (any tag starting with 'en'). */
  locale?: string;
}

/**
 * Checks a payload against WeCom's rules for `endpoint` without sending anything.
 * Throws WeComUsageError (code 'E_UNKNOWN_ENDPOINT') for an unknown endpoint.
 */
export declare function validate(endpoint: EndpointPath | (string & {}), payload: unknown, options?: ValidateOptions): ValidationReport;

/** A fetch-compatible function. */
export type FetchLike = (url: string, init: { method: string; body?: string; headers?: Record<string, string> }) => Promise<{ status: number; text(): Promise<string> }>;

export interface WeComClientOptions {
  /** 企业 ID. */
  corpId: string;
  /** The app secret (客户联系 secret, or a secret of an app listed under 可调用应用). Never logged or shown. */
  corpSecret: string;
  /** Default 'https://qyapi.weixin.qq.com'. */
  baseUrl?: string;
  /** Default globalThis.fetch. */
  fetch?: FetchLike;
  /** Language of validation messages in errors: 'zh-CN' (default) or 'en'. */
  locale?: string;
}

/** Calls WeCom: validates first, adds the cached access_token, resolves with the body on errcode 0. */
export declare class WeComClient {
  constructor(options: WeComClientOptions);
  /** Any endpoint by its official path after /cgi-bin/. */
  request<P extends EndpointPath>(endpoint: P, payload?: RequestOf<P>): Promise<ResponseOf<P>>;
  /** The cached token, or a fresh one; `forceRefresh` drops the cached one first. */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Forgets the cached token. */
  invalidateToken(): void;
  readonly corpId: string;
  readonly baseUrl: string;
  /** Releases the engine-side memory now (otherwise done when garbage-collected). */
  free(): void;
}
export interface WeComClient extends WeComClientMethods {}

/** One row of the endpoint table. */
export interface EndpointInfo {
  path: EndpointPath;
  method: 'GET' | 'POST';
  jsName: string | null;
  docUrl: string;
  summaryZh: string;
  summaryEn: string;
  request: string;
  response: string;
}
export declare const endpoints: readonly EndpointInfo[];

/** Base class of every error; `code` is stable. */
export declare class WeComError extends Error {
  constructor(message: string, props?: Record<string, unknown>);
  readonly code: string;
  /** Endpoint path, when the error concerns one. */
  readonly endpoint?: string;
}
/** code 'E_VALIDATION': nothing was sent. */
export declare class WeComValidationError extends WeComError {
  readonly code: 'E_VALIDATION';
  readonly errors: ValidationIssue[];
}
/** code 'E_API': WeCom answered a non-zero errcode. */
export declare class WeComApiError extends WeComError {
  readonly code: 'E_API';
  readonly errcode: number;
  readonly errmsg: string;
  /** Handling class: 'retry' | 'refresh' | 'rate' | 'config' | 'param' | 'state' | 'quota'. */
  readonly kind: string;
  /** Official title of the errcode, when known. */
  readonly title?: string;
  /** What to do about it, when known. */
  readonly hint?: string;
}
/** code 'E_HTTP' (non-2xx) or 'E_BAD_RESPONSE' (not JSON). */
export declare class WeComHttpError extends WeComError {
  readonly code: 'E_HTTP' | 'E_BAD_RESPONSE';
  readonly status: number;
  /** The first bytes of the body (secrets redacted). */
  readonly body: string;
}
/** code 'E_NETWORK'. */
export declare class WeComNetworkError extends WeComError {
  readonly code: 'E_NETWORK';
}
/** code 'E_CONFIG'. */
export declare class WeComConfigError extends WeComError {
  readonly code: 'E_CONFIG';
}
/** code 'E_UNKNOWN_ENDPOINT' | 'E_USAGE' | 'E_INVALID_PAYLOAD'. */
export declare class WeComUsageError extends WeComError {
  readonly code: 'E_UNKNOWN_ENDPOINT' | 'E_USAGE' | 'E_INVALID_PAYLOAD';
}
