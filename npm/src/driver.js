// The request driver: runs a call's steps in plain JS around fetch. A declared endpoint's request
// is validated here first, by the generated validators (checked.js): errors stop the call,
// warnings go to the logger once and the request is sent as given (unless `strict`). Every
// other decision (which token, retry now / after a backoff / never, the typed error) is the
// engine's; this only sequences its synchronous steps and owns the clock: timeouts, the
// caller's AbortSignal, and the waits between retries. Costs far less per call than Rust futures
// do. With a `logger`, it also reports each attempt; every text it logs passes through the
// engine's redaction first.
import { checkedRequest } from './checked.js';
import { WeComUsageError } from './errors.js';
import { endpoints, validate } from './generated.js';
import { payloadText } from './payload.js';
import { MAX_TIMER_MS, timeoutOption } from './timeouts.js';
import { checkedUpload, uploadOf } from './upload.js';

/** `logger[level](message, fields)` with the message and every string field redacted. */
function logTo(client, logger, level, message, fields) {
  const f = logger[level];
  if (typeof f !== 'function') return;
  const clean = {};
  for (const [k, v] of Object.entries(fields)) clean[k] = typeof v === 'string' ? client.__redact(v) : v;
  logCall(client, logger, f, message, clean);
}

/** A copy of a JSON value (issues, their params) with every string redacted. */
function redactDeep(client, v) {
  if (typeof v === 'string') return client.__redact(v);
  if (Array.isArray(v)) return v.map((x) => redactDeep(client, x));
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = redactDeep(client, x);
  return out;
}

/** Passes a call's warnings to `logger.warn`, once, every text in them redacted. */
function logWarnings(client, logger, path, warnings) {
  const f = logger.warn;
  if (typeof f !== 'function') return;
  const fields = { path: client.__redact(path), warnings: warnings.map((w) => redactDeep(client, w)) };
  logCall(client, logger, f, 'wecom: request has warnings', fields);
}

function logCall(client, logger, f, message, clean) {
  try {
    f.call(logger, client.__redact(message), clean);
  } catch {
    // A throwing logger never breaks a call.
  }
}

/** Log fields of an SDK error. */
function errorFields(e) {
  return { code: e?.code, errcode: e?.errcode, status: e?.status, message: String(e?.message ?? e) };
}

/** Checks a caller's `signal`: absent, or an AbortSignal-like object. */
function signalOption(signal) {
  if (signal === undefined || signal === null) return undefined;
  const ok =
    typeof signal === 'object' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function';
  if (!ok) throw new WeComUsageError('signal must be an AbortSignal', { code: 'E_USAGE' });
  return signal;
}

/**
 * `[signal, timeoutMs]` of a call's options (the client's timeout by default). Options that
 * cannot be read (a getter or a Proxy that throws) are the caller's error (E_USAGE), never the
 * engine's: nothing here runs in the engine.
 */
function callOptions(options, clientTimeoutMs) {
  let signal;
  let timeoutMs;
  try {
    if (options !== undefined && options !== null && typeof options !== 'object') throw new TypeError('not an object');
    signal = signalOption(options?.signal);
    timeoutMs = timeoutOption(options?.timeoutMs, clientTimeoutMs);
  } catch (cause) {
    if (cause instanceof WeComUsageError) throw cause;
    throw new WeComUsageError('options must be an object: { signal, timeoutMs }', { code: 'E_USAGE', cause });
  }
  if (timeoutMs === undefined) {
    throw new WeComUsageError('timeoutMs must be a number >= 0 (0 or Infinity = no timeout)', { code: 'E_USAGE' });
  }
  return [signal, timeoutMs];
}

/** `path` without a leading `/` or `/cgi-bin/` (the engine's own reading of a path). */
export function officialPath(path) {
  const p = path.replace(/^\/+/, '');
  return p.startsWith('cgi-bin/') ? p.slice(8) : p;
}

/** Declared paths the client calls itself (gettoken): the engine refuses them (E_USAGE) unchecked. */
const selfCalled = new Set(endpoints.filter((e) => !e.jsName).map((e) => e.path));
/** Legacy endpoints (the declaration's `deprecated`): path → what replaces it. */
const legacy = new Map(endpoints.filter((e) => e.deprecated).map((e) => [e.path, e.deprecated]));
/** The legacy endpoints each client has already warned about (one warning per client and endpoint). */
const warnedLegacy = new WeakMap();

/** Logs once per client that `path` is a legacy endpoint, naming what replaces it. */
function warnLegacy(client, logger, path) {
  const use = legacy.get(path);
  if (use === undefined) return;
  let seen = warnedLegacy.get(client);
  if (seen === undefined) warnedLegacy.set(client, (seen = new Set()));
  if (seen.has(path)) return;
  seen.add(path);
  logTo(client, logger, 'warn', `wecom: ${path} is a legacy endpoint that WeCom no longer maintains; use ${use}`, {
    path,
    use,
  });
}

/** The request driver of one engine: `request(client, endpoint, payload, options)`. */
export function createRequestDriver(wasm) {
  const send = wasm.__send();
  const transports = new WeakMap();

  function transportOf(client) {
    let transport = transports.get(client);
    if (transport === undefined) {
      // [fetch, headers, logger, locale, strict]: read once per client (each getter crosses into wasm).
      transport = [...client.__transport, client.__logger, client.__locale, client.__strict];
      transports.set(client, transport);
    }
    return transport;
  }

  /**
   * Validates a declared endpoint's request and starts its call: `[id, warnings, upload]`
   * (`upload`: `[body, headers]` of a multipart upload, see upload.js).
   */
  function begin(client, endpoint, payload) {
    const [, , logger, locale, strict] = transportOf(client);
    const path = typeof endpoint === 'string' ? officialPath(endpoint) : endpoint;
    if (logger) warnLegacy(client, logger, path);
    const multipart = uploadOf(path);
    if (multipart !== undefined) {
      const [text, warnings, body, bodyHeaders] = checkedUpload(path, multipart, payload, locale, strict);
      return [client.__begin(path, text), warnings, [body, bodyHeaders]];
    }
    // gettoken goes straight to the engine, which refuses it (E_USAGE) whatever the payload.
    const [text, warnings] = selfCalled.has(path)
      ? [payloadText(payload), []]
      : checkedRequest(validate, path, payload, locale, strict);
    return [client.__begin(path, text), warnings];
  }

  /**
   * `request(endpoint, payload, { signal, timeoutMs })`, or the raw form
   * `request({ method, path, query, body, idempotent }, { signal, timeoutMs })` for paths this
   * SDK does not declare.
   */
  async function request(client, endpoint, payload, options) {
    const raw = typeof endpoint === 'object' && endpoint !== null;
    if (raw) options = payload;
    const [signal, timeoutMs] = callOptions(options, client.__timeoutMs);
    const [id, warnings, upload] = raw ? [client.__beginRaw(endpoint), undefined] : begin(client, endpoint, payload);
    // Why the call stopped early: 'abort' (the caller) or 'timeout'. Either aborts the fetch in
    // flight and rejects whatever the call is waiting for (no event listeners: they are costly).
    // Only a caller's signal needs a controller (see fetchSignal below).
    const controller = signal ? new AbortController() : undefined;
    let stopped;
    let rejectWaiting;
    const stoppedError = () => (stopped === 'timeout' ? client.__timedOut(id, timeoutMs) : client.__aborted(id));
    const stop = (why) => {
      if (stopped !== undefined) return;
      stopped = why;
      controller?.abort();
      rejectWaiting?.(stoppedError());
    };
    const onAbort = () => stop('abort');
    const fetchSignal = controller?.signal;
    const timer = timeoutMs > 0 ? setTimeout(stop, timeoutMs, 'timeout') : undefined;
    // Settles with `promise`, or rejects as soon as the call is stopped.
    const guard = (promise) =>
      new Promise((resolve, reject) => {
        if (stopped !== undefined) return reject(stoppedError());
        rejectWaiting = reject;
        promise.then(resolve, reject);
      });
    // Waits between retries.
    let retryTimer;
    const wait = (ms) => guard(new Promise((resolve) => (retryTimer = setTimeout(resolve, Math.min(ms, MAX_TIMER_MS)))));
    const [fetch, headers, logger] = transportOf(client);
    try {
      if (logger && warnings?.length > 0) logWarnings(client, logger, client.__why(id)[0], warnings);
      if (signal?.aborted) throw client.__aborted(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      let attempt = 0;
      let sentAt = 0;
      for (;;) {
        let next = client.__next(id);
        if (next === undefined) {
          await guard(client.__refresh(id, timeoutMs));
          next = client.__next(id);
          if (next === undefined) throw new WeComUsageError('the client was freed during the call', { code: 'E_USAGE' });
        }
        let reply;
        attempt += 1;
        if (logger) {
          sentAt = Date.now();
          logTo(client, logger, 'debug', 'wecom: request', { path: client.__why(id)[0], method: next[1], url: next[0], attempt });
        }
        try {
          // The fetch gets an abort signal only when the caller passed one: undici's signal handling
          // costs ~60 µs per request under load (js-tests/bench). A timeout stops waiting through
          // guard() and leaves the request to finish unread; a caller's abort cancels it too.
          // An upload sends its multipart body (the same Blob on every attempt) instead.
          reply = await guard(
            upload === undefined
              ? send(fetch, next[1], next[0], next[2], headers, fetchSignal)
              : send(fetch, next[1], next[0], upload[0], upload[1], fetchSignal),
          );
        } catch (e) {
          if (stopped !== undefined) throw stoppedError();
          const delay = client.__failure(id, e);
          if (logger) retrying(client, logger, id, attempt, delay);
          await wait(delay);
          continue;
        }
        if (logger) {
          const fields = { path: client.__why(id)[0], status: reply[0], errcode: reply[1]?.errcode, ms: Date.now() - sentAt };
          logTo(client, logger, 'debug', 'wecom: response', fields);
        }
        const verdict = client.__judge(id, reply[0], reply[1], reply[2]);
        if (verdict < 0) return reply[1];
        if (logger) retrying(client, logger, id, attempt, verdict);
        if (verdict > 0) await wait(verdict);
      }
    } catch (e) {
      if (logger) logTo(client, logger, 'error', 'wecom: call failed', { path: client.__why(id)[0], ...errorFields(e) });
      throw e;
    } finally {
      clearTimeout(timer);
      clearTimeout(retryTimer);
      signal?.removeEventListener('abort', onAbort);
      client.__end(id);
    }
  }

  function retrying(client, logger, id, attempt, delayMs) {
    const [path, why] = client.__why(id);
    const message = delayMs > 0 ? 'wecom: retrying after a backoff' : 'wecom: token rejected; retrying with a new one';
    logTo(client, logger, 'warn', message, { path, attempt, delayMs, ...errorFields(why) });
  }

  return request;
}
