// Type declarations for `wecom-external-contact/mock-server`: index.mjs (`import`) and, copied as
// index.d.cts by the build, the CommonJS wrapper index.cjs (`require`). No imports here, so the same text
// is correct in both formats. Named exports only: no default export.

/** A queued fault; see https://developer.work.weixin.qq.com/document/path/90313 for real errcodes. */
export interface MockFault {
  /** Endpoint path without `/cgi-bin/` (e.g. `'externalcontact/get_contact_way'`, `'gettoken'`) or `'*'` for any. */
  path: string;
  /** How many matching requests it applies to (default 1; `Infinity` allowed). */
  times?: number;
  /** Answer HTTP 200 `{errcode, errmsg}` instead of handling the request. */
  errcode?: number;
  /** errmsg for `errcode` (default: realistic WeCom text); at most 65536 characters. */
  errmsg?: string;
  /** Answer this HTTP status (200–599) with the raw `body`. */
  status?: number;
  /** Raw body for `status` (default `'<html>bad gateway</html>'`); at most 65536 characters. */
  body?: string;
  /** Wait this long (0–60000 ms) before answering (normally, or with the fault). */
  delayMs?: number;
  /** Answer HTTP 200 with a body that is not JSON. */
  garbage?: true;
  /**
   * Read the request, then destroy the connection without answering (a TCP reset: the client sees
   * ECONNRESET). The request is counted in `stats()` but not handled (nothing is stored).
   */
  reset?: true;
  /** Handle normally, then merge these fields into the JSON answer (JSON data, at most 65536 characters as JSON). */
  extra?: Record<string, unknown>;
}

export interface MockServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Only `'127.0.0.1'` (default) or `'localhost'` is accepted. */
  host?: string;
  /** Default `'wwmockcorp0000001'`. */
  corpId?: string;
  /** Default `'mock-secret-0123456789'`. */
  corpSecret?: string;
  /** Default 7200. */
  tokenTtlSeconds?: number;
  /** Default `['zhangsan', 'lisi']`. */
  followUsers?: string[];
  /** Time source in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Called with unexpected handler exceptions (answered as errcode -1). */
  onError?: (err: unknown) => void;
  /**
   * Token that opens the `/__mock` admin API to other origins and Host names (16–256 characters from
   * `A-Z a-z 0-9 . _ ~ + / = -`; TypeError / RangeError otherwise). Default: random per server.
   */
  adminToken?: string;
}

export interface MockStats {
  /** Number of /cgi-bin/gettoken requests. */
  gettoken: number;
  /** All WeCom API requests (not OPTIONS preflights, not /__mock), counted on arrival: delayed, reset and abandoned ones too. */
  total: number;
  /** Per path without the `/cgi-bin/` prefix. */
  byPath: Record<string, number>;
}

export interface MockServer {
  /** `'http://127.0.0.1:PORT'` — pass as `baseUrl` to the SDK. */
  readonly url: string;
  readonly port: number;
  readonly corpId: string;
  readonly corpSecret: string;
  /**
   * The `/__mock` admin token: send it as `Authorization: Bearer <token>` or `X-Wecom-Mock-Token: <token>`.
   * Needed only for admin requests from a browser page on another origin or through a non-loopback Host
   * name; requests without an Origin (Node, curl) or from the server's own origin work without it.
   */
  readonly adminToken: string;
  stats(): MockStats;
  /**
   * Queues fault(s); throws TypeError when malformed or when more than 1000 faults (or 4 Mi characters
   * of them, as JSON) would wait.
   */
  inject(fault: MockFault | MockFault[]): void;
  /** Every token issued so far answers 42001; the next gettoken issues a new one. */
  expireTokens(): void;
  /** Every token issued so far answers 40014; the next gettoken issues a new one. */
  revokeTokens(): void;
  /**
   * Moves the mock clock forward (token TTL, temp-way expiry, list time range) by 0 to 315360000 seconds
   * (10 years); at most 100 years in total until `reset()`. TypeError when `seconds` is not a finite
   * number, RangeError when out of range.
   */
  advanceTime(seconds: number): void;
  /** Clears faults, stats, contact ways, tokens and clock advances. */
  reset(): void;
  /** Frozen snapshot of stored contact ways keyed by config_id (each with `create_time`, seconds). */
  readonly contactWays: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Stops the server, closing keep-alive connections and cancelling delayed answers. */
  close(): Promise<void>;
}

/** Starts a local WeCom look-alike server on 127.0.0.1. */
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
