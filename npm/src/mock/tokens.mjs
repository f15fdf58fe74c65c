// access_token issuing and checking, with WeCom's reuse-while-valid rule.
// Doc: https://developer.work.weixin.qq.com/document/path/91039

import { randomBytes } from 'node:crypto';

/** Tokens remembered at most (oldest forgotten first; a forgotten token answers 40014). */
const MAX_TOKENS = 10_000;

/**
 * Issues and validates access tokens. Like WeCom, repeated `issue()` calls
 * while the current token is valid return the same token; after its lifetime
 * (or `expireAll` / `revokeAll`) a new one is issued.
 * https://developer.work.weixin.qq.com/document/path/91039
 */
export class TokenStore {
  /**
   * @param {{ ttlSeconds: number, clock: import('./clock.mjs').MockClock }} options
   */
  constructor({ ttlSeconds, clock }) {
    this.ttlMs = ttlSeconds * 1000;
    this.clock = clock;
    /** @type {Map<string, { expiresAt: number, state: 'live' | 'expired' | 'revoked' }>} */
    this.tokens = new Map();
    /** @type {string | null} */
    this.current = null;
  }

  /**
   * Returns the current token (reused while valid) or a new one.
   * @returns {{ accessToken: string, expiresIn: number }} `expiresIn` = seconds left.
   */
  issue() {
    const now = this.clock.now();
    if (this.current !== null && this.check(this.current) === 'ok') {
      const rec = this.tokens.get(this.current);
      return { accessToken: this.current, expiresIn: Math.max(1, Math.ceil((rec.expiresAt - now) / 1000)) };
    }
    // 96 random bytes → 128 URL-safe characters, about the size of real tokens.
    const token = randomBytes(96).toString('base64url');
    this.tokens.set(token, { expiresAt: now + this.ttlMs, state: 'live' });
    while (this.tokens.size > MAX_TOKENS) {
      this.tokens.delete(this.tokens.keys().next().value);
    }
    this.current = token;
    return { accessToken: token, expiresIn: Math.ceil(this.ttlMs / 1000) };
  }

  /**
   * Checks a token taken from the `access_token` query parameter.
   * @param {string | null | undefined} token
   * @returns {'ok' | 'missing' | 'invalid' | 'expired'}
   */
  check(token) {
    if (!token) return 'missing';
    const rec = this.tokens.get(token);
    if (!rec || rec.state === 'revoked') return 'invalid';
    if (rec.state === 'expired' || this.clock.now() >= rec.expiresAt) return 'expired';
    return 'ok';
  }

  /** Every token issued so far now answers 42001 (access_token expired). */
  expireAll() {
    for (const rec of this.tokens.values()) if (rec.state === 'live') rec.state = 'expired';
    this.current = null;
  }

  /** Every token issued so far now answers 40014 (invalid access_token). */
  revokeAll() {
    for (const rec of this.tokens.values()) rec.state = 'revoked';
    this.current = null;
  }

  /** Forgets every token (they then answer 40014). */
  clear() {
    this.tokens.clear();
    this.current = null;
  }
}
