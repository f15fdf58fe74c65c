// The error classes every failure of the SDK is an instance of. The wasm engine builds them
// through `createError`, so `instanceof` works across the boundary. Each carries a stable `code`.
// The forms entry (wecom-external-contact/validate) is bundled on its own, with its own copy of
// these classes: `instanceof` matches the classes of every copy (by family mark and class name),
// so an error of the forms entry is a WeComUsageError of the main entry too.

/** Marks the errors of this package, whichever copy of its code made them. */
const FAMILY = /* @__PURE__ */ Symbol.for('wecom-external-contact.WeComError');
/**
 * Each class's name as a string literal: bundlers rename classes (esbuild's `WeComUsageError2`
 * for a second copy, minifiers' `a`), so neither `name` nor `instanceof` may rely on `Class.name`.
 */
const NAME = /* @__PURE__ */ Symbol.for('wecom-external-contact.name');

/** Base class of every error thrown by wecom-external-contact. */
export class WeComError extends Error {
  /**
   * @param {string} message
   * @param {Record<string, unknown>} [props] `code` and the subclass's fields
   */
  constructor(message, props = {}) {
    super(message, props.cause !== undefined ? { cause: props.cause } : undefined);
    Object.defineProperty(this, 'name', { value: new.target[NAME] ?? new.target.name, configurable: true, writable: true });
    for (const [key, value] of Object.entries(props)) {
      if (key !== 'cause') this[key] = value;
    }
  }

  /** The class's name, unchanged by bundlers and minifiers. */
  static get [NAME]() {
    return 'WeComError';
  }

  /** The family mark (on the prototype: not an own property of any error). */
  get [FAMILY]() {
    return true;
  }

  /**
   * `value instanceof C`: the usual prototype check, or an error of another copy of this package
   * whose class (or a class it extends) has C's name (the literal one, see NAME).
   */
  static [Symbol.hasInstance](value) {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (value === null || typeof value !== 'object' || value[FAMILY] !== true) return false;
    for (let p = Object.getPrototypeOf(value); p !== null; p = Object.getPrototypeOf(p)) {
      if (Object.prototype.hasOwnProperty.call(p, 'constructor') && p.constructor?.[NAME] === this[NAME]) return true;
    }
    return false;
  }
}

/** The payload broke WeCom's rules; nothing was sent. `errors` lists every problem. Code `E_VALIDATION`. */
export class WeComValidationError extends WeComError {
  static get [NAME]() {
    return 'WeComValidationError';
  }
}
/** WeCom answered a non-zero errcode. Carries `errcode`, `errmsg`, `kind`, `hint`. Code `E_API`. */
export class WeComApiError extends WeComError {
  static get [NAME]() {
    return 'WeComApiError';
  }
}
/** A non-2xx HTTP status (`E_HTTP`), a body that is not JSON (`E_BAD_RESPONSE`), or either after a write (`E_OUTCOME_UNKNOWN`: not resent). Carries `status`. */
export class WeComHttpError extends WeComError {
  static get [NAME]() {
    return 'WeComHttpError';
  }
}
/** No answer at all (refused, reset, DNS…). Code `E_NETWORK`, or `E_OUTCOME_UNKNOWN` after a write (not resent). */
export class WeComNetworkError extends WeComError {
  static get [NAME]() {
    return 'WeComNetworkError';
  }
}
/** The call took longer than its `timeoutMs`. Code `E_TIMEOUT`. */
export class WeComTimeoutError extends WeComNetworkError {
  static get [NAME]() {
    return 'WeComTimeoutError';
  }
}
/** The caller's `AbortSignal` aborted the call; never retried. Code `E_ABORTED`. */
export class WeComAbortError extends WeComNetworkError {
  static get [NAME]() {
    return 'WeComAbortError';
  }
}
/** The `tokenProvider` threw, returned no token, or handed back the token WeCom had just rejected. Code `E_TOKEN_PROVIDER`. */
export class WeComTokenProviderError extends WeComError {
  static get [NAME]() {
    return 'WeComTokenProviderError';
  }
}
/** A callback could not be verified, decrypted or parsed. Codes `E_CALLBACK_SIGNATURE`, `E_CALLBACK_BASE64`, `E_CALLBACK_PADDING`, `E_CALLBACK_LENGTH`, `E_CALLBACK_ENCODING`, `E_CALLBACK_RECEIVE_ID` (with `expected`/`actual`), `E_CALLBACK_ENVELOPE`, `E_CALLBACK_XML`, `E_CALLBACK_TOO_LARGE` (over a size limit), `E_CALLBACK_STALE` (the handler's `maxAgeSeconds`), `E_CALLBACK_RANDOM`. */
export class WeComCallbackError extends WeComError {
  static get [NAME]() {
    return 'WeComCallbackError';
  }
}
/** Invalid options: client (`E_CONFIG`) or callback configuration (`E_CALLBACK_BAD_KEY`, `E_CALLBACK_CONFIG`). */
export class WeComConfigError extends WeComError {
  static get [NAME]() {
    return 'WeComConfigError';
  }
}
/** The SDK was called wrongly: unknown endpoint (`E_UNKNOWN_ENDPOINT`), bad argument (`E_USAGE`), payload not JSON-able (`E_INVALID_PAYLOAD`). */
export class WeComUsageError extends WeComError {
  static get [NAME]() {
    return 'WeComUsageError';
  }
}
/** The wasm engine failed (a trap, memory exhaustion, a bug): it was replaced, and the next call runs on a fresh one. The original is `cause`. Code `E_ENGINE`. */
export class WeComEngineError extends WeComError {
  static get [NAME]() {
    return 'WeComEngineError';
  }
}
