// A framework-agnostic callback endpoint: give it a request's method, URL and body, get back the
// status and body to send. GET answers WeCom's URL verification with the echo; POST verifies,
// decrypts and parses the event, hands it to your function and answers 200 with an empty body
// (what WeCom expects; it retries anything else). Works with node:http, Express, Koa, Fastify,
// serverless handlers… — anything that can read a request and write a response.
//
// A callback URL is public: whatever a request carries, handle() resolves (never rejects), the
// size of the body is checked before anything is decoded or copied into the engine, and neither
// onError nor onEvent can make it throw or leave an unhandled rejection behind.
import { CallbackCrypto, parseEvent } from './api.js';
import { engineLoaded, ready } from './engine.js';
import { WeComCallbackError, WeComConfigError, WeComUsageError } from './errors.js';
import { MAX_INPUT_BYTES, tooLarge, utf8Within } from './fast-callback.js';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/** Answer status per callback error code; other callback errors are 400. */
const STATUS = {
  E_CALLBACK_SIGNATURE: 403,
  E_CALLBACK_RECEIVE_ID: 403,
  E_CALLBACK_STALE: 403,
  E_CALLBACK_TOO_LARGE: 413,
};

function queryOf(url) {
  let params;
  try {
    params = new URL(String(url ?? ''), 'http://callback.invalid').searchParams;
  } catch {
    // Not a URL, or an object that cannot be turned into text. The URL is not repeated.
    throw new WeComUsageError('request.url cannot be parsed as a URL', { code: 'E_USAGE' });
  }
  const get = (k) => params.get(k) ?? '';
  // The query is URL-decoded here. A "+" that was not percent-encoded arrives as a space, which
  // never occurs in base64: put it back.
  return {
    msg_signature: get('msg_signature'),
    timestamp: get('timestamp'),
    nonce: get('nonce'),
    echostr: get('echostr').replaceAll(' ', '+'),
  };
}

/** The body as text, refused when over `max` bytes (UTF-8 for a string) before it is decoded. */
function bodyText(body, max) {
  if (typeof body === 'string') {
    if (utf8Within(body, max) < 0) throw tooLarge('body', max);
    return body;
  }
  if (body instanceof Uint8Array) {
    if (body.byteLength > max) throw tooLarge('body', max);
    return new TextDecoder().decode(body);
  }
  if (body === undefined || body === null) return '';
  throw new WeComUsageError('body must be the raw request body: a string or bytes', { code: 'E_USAGE' });
}

function configError(message) {
  return new WeComConfigError(message, { code: 'E_CALLBACK_CONFIG' });
}

/** `maxBodyBytes`: an integer from 1 to the engine's limit (1 MiB); default the limit. */
function maxBodyOf(value) {
  if (value === undefined) return MAX_INPUT_BYTES;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_INPUT_BYTES) {
    throw configError(`maxBodyBytes must be an integer from 1 to ${MAX_INPUT_BYTES} (1 MiB, the engine's limit)`);
  }
  return value;
}

/** `maxAgeSeconds`: off when undefined, else a finite number > 0. */
function maxAgeOf(value) {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw configError('maxAgeSeconds must be a finite number of seconds > 0 (or left out: no freshness check)');
  }
  return value;
}

function functionOf(options, name, required) {
  const fn = options[name];
  if (fn === undefined && !required) return undefined;
  if (typeof fn !== 'function') {
    throw new WeComUsageError(`createCallbackHandler needs ${name} to be a function`, { code: 'E_USAGE' });
  }
  return fn;
}

/**
 * `{ method, url, body }` of a request, read once. A request that cannot be read (a getter or a
 * Proxy that throws, a method whose toString throws) is a usage error: 400, never a 500.
 */
function readRequest(request) {
  try {
    return { method: String(request?.method ?? '').toUpperCase(), url: request?.url, body: request?.body };
  } catch (cause) {
    throw new WeComUsageError('the request could not be read (method, url, body)', { code: 'E_USAGE', cause });
  }
}

/**
 * Creates a callback handler.
 * @param {{ crypto?: CallbackCrypto, token?: string, encodingAesKey?: string, receiveId?: string,
 *           onEvent: (event: object | undefined, message: { message: string, receiveId: string }) => unknown,
 *           onError?: (error: Error) => void, waitForHandler?: boolean, maxBodyBytes?: number,
 *           maxAgeSeconds?: number, now?: () => number }} options
 *   `crypto` or the three settings of a CallbackCrypto. `onEvent` gets the parsed event (undefined
 *   when the message is not event XML) and the raw decrypted message. By default the answer does
 *   not wait for `onEvent` (WeCom gives 5 s; queue long work); `waitForHandler: true` awaits it.
 *   `onError` sees every failure (its own throws and rejections are ignored); without it, a
 *   failure of `onEvent` is written to `console.error`, other failures are not logged.
 *   `maxBodyBytes` (default and at most 1 MiB) bounds the body: larger answers 413.
 *   `maxAgeSeconds` (default off) refuses a GET or POST whose `timestamp` is further than that
 *   from now (`now()`, ms, default `Date.now`) with 403 `E_CALLBACK_STALE`.
 * @returns {(request: { method: string, url: string, body?: string | Uint8Array }) =>
 *           Promise<{ status: number, headers: Record<string, string>, body: string }>}
 */
export function createCallbackHandler(options) {
  if (!options || typeof options !== 'object' || typeof options.onEvent !== 'function') {
    throw new WeComUsageError('createCallbackHandler needs onEvent(event, message)', { code: 'E_USAGE' });
  }
  const onEvent = options.onEvent;
  const onError = functionOf(options, 'onError', false);
  const now = functionOf(options, 'now', false) ?? Date.now;
  const maxBodyBytes = maxBodyOf(options.maxBodyBytes);
  const maxAgeSeconds = maxAgeOf(options.maxAgeSeconds);
  const waitForHandler = Boolean(options.waitForHandler);
  const crypto = options.crypto ?? new CallbackCrypto(options);

  /** Hands `error` to onError; a throw or rejection of onError is swallowed. */
  const report = (error) => {
    if (!onError) return;
    try {
      Promise.resolve(onError(error)).catch(() => {});
    } catch {
      // onError threw: nothing more to do with it.
    }
  };
  /** A failure of onEvent: to onError, else to console.error (it is a bug in the app). */
  const handlerFailed = (error) => {
    if (onError) return report(error);
    try {
      console.error('wecom-external-contact: the callback onEvent failed:', error);
    } catch {
      // no console
    }
  };

  function checkFresh(timestamp) {
    if (maxAgeSeconds === undefined) return;
    const seconds = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : NaN;
    const age = Math.abs(Number(now()) / 1000 - seconds);
    if (!(age <= maxAgeSeconds)) {
      const what = Number.isNaN(seconds) ? 'timestamp is not a number of seconds' : `timestamp is ${Math.round(age)} s from now`;
      throw new WeComCallbackError(`stale callback: ${what} (maxAgeSeconds: ${maxAgeSeconds})`, { code: 'E_CALLBACK_STALE' });
    }
  }

  /** Calls onEvent; a thrown error is 500, a rejection too when awaited, else it is reported. */
  async function deliver(event, decrypted) {
    let settled;
    try {
      settled = Promise.resolve(onEvent(event, decrypted));
    } catch (e) {
      handlerFailed(e);
      return false;
    }
    if (!waitForHandler) {
      Promise.prototype.then.call(settled, undefined, handlerFailed);
      return true;
    }
    try {
      await settled;
      return true;
    } catch (e) {
      handlerFailed(e);
      return false;
    }
  }

  return async function handle(request) {
    try {
      // The first request loads the engine where nothing has yet (a failure answers 500).
      if (!engineLoaded()) await ready();
      const { method, url, body: raw } = readRequest(request);
      const query = queryOf(url);
      if (method === 'GET') {
        checkFresh(query.timestamp);
        return { status: 200, headers: TEXT, body: crypto.verifyUrl(query) };
      }
      if (method !== 'POST') {
        return { status: 405, headers: { ...TEXT, allow: 'GET, POST' }, body: 'method not allowed' };
      }
      const body = bodyText(raw, maxBodyBytes);
      checkFresh(query.timestamp);
      const decrypted = crypto.decrypt({ ...query, body });
      let event;
      try {
        event = parseEvent(decrypted.message);
      } catch (e) {
        report(e);
      }
      if (!(await deliver(event, decrypted))) return { status: 500, headers: TEXT, body: 'E_HANDLER' };
      return { status: 200, headers: TEXT, body: '' };
    } catch (e) {
      report(e);
      if (e instanceof WeComCallbackError) return { status: Object.hasOwn(STATUS, e.code) ? STATUS[e.code] : 400, headers: TEXT, body: e.code };
      if (e instanceof WeComUsageError) return { status: 400, headers: TEXT, body: e.code };
      return { status: 500, headers: TEXT, body: 'E_HANDLER' };
    }
  };
}
