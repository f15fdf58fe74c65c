// A framework-agnostic callback endpoint: give it a request's method, URL and body, get back the
// status and body to send. GET answers WeCom's URL verification with the echo; POST verifies,
// decrypts and parses the event, hands it to your function and answers 200 with an empty body
// (what WeCom expects; it retries anything else). Works with node:http, Express, Koa, Fastify,
// serverless handlers… — anything that can read a request and write a response.
import { CallbackCrypto, parseEvent } from './api.js';
import { WeComCallbackError, WeComUsageError } from './errors.js';

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

function queryOf(url) {
  const params = new URL(String(url ?? ''), 'http://callback.invalid').searchParams;
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

function bodyText(body) {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body === undefined || body === null) return '';
  throw new WeComUsageError('body must be the raw request body: a string or bytes', { code: 'E_USAGE' });
}

/**
 * Creates a callback handler.
 * @param {{ crypto?: CallbackCrypto, token?: string, encodingAesKey?: string, receiveId?: string,
 *           onEvent: (event: object | undefined, message: { message: string, receiveId: string }) => unknown,
 *           onError?: (error: Error) => void, waitForHandler?: boolean }} options
 *   `crypto` or the three settings of a CallbackCrypto. `onEvent` gets the parsed event (undefined
 *   when the message is not event XML) and the raw decrypted message. By default the answer does
 *   not wait for `onEvent` (WeCom gives 5 s; queue long work); `waitForHandler: true` awaits it.
 * @returns {(request: { method: string, url: string, body?: string | Uint8Array }) =>
 *           Promise<{ status: number, headers: Record<string, string>, body: string }>}
 */
export function createCallbackHandler(options) {
  if (!options || typeof options.onEvent !== 'function') {
    throw new WeComUsageError('createCallbackHandler needs onEvent(event, message)', { code: 'E_USAGE' });
  }
  const crypto = options.crypto ?? new CallbackCrypto(options);
  const report = (e) => (options.onError ? options.onError(e) : undefined);

  return async function handle(request) {
    const method = String(request?.method ?? '').toUpperCase();
    try {
      const query = queryOf(request?.url);
      if (method === 'GET') {
        return { status: 200, headers: TEXT, body: crypto.verifyUrl(query) };
      }
      if (method !== 'POST') {
        return { status: 405, headers: { ...TEXT, allow: 'GET, POST' }, body: 'method not allowed' };
      }
      const decrypted = crypto.decrypt({ ...query, body: bodyText(request.body) });
      let event;
      try {
        event = parseEvent(decrypted.message);
      } catch (e) {
        report(e);
      }
      const done = options.onEvent(event, decrypted);
      if (done && typeof done.then === 'function') {
        if (options.waitForHandler) await done;
        else done.then(undefined, report);
      }
      return { status: 200, headers: TEXT, body: '' };
    } catch (e) {
      report(e);
      if (e instanceof WeComCallbackError) {
        const status = e.code === 'E_CALLBACK_SIGNATURE' || e.code === 'E_CALLBACK_RECEIVE_ID' ? 403 : 400;
        return { status, headers: TEXT, body: e.code };
      }
      if (e instanceof WeComUsageError) return { status: 400, headers: TEXT, body: e.code };
      return { status: 500, headers: TEXT, body: 'E_HANDLER' };
    }
  };
}
