// The request driver: runs a call's steps in plain JS around fetch. Every decision (validation,
// which token, retry now / after a backoff / never, the typed error) is the engine's; this only
// sequences its synchronous steps and owns the clock: timeouts, the caller's AbortSignal, and
// the waits between retries. Costs far less per call than Rust futures do.
import { WeComUsageError } from './errors.js';

export function installRequestDriver(wasm) {
  const send = wasm.__send();
  const transports = new WeakMap();

  function transportOf(client) {
    let transport = transports.get(client);
    if (transport === undefined) {
      transport = client.__transport;
      transports.set(client, transport);
    }
    return transport;
  }

  /** `request(endpoint, payload, { signal, timeoutMs })`. */
  async function request(endpoint, payload, options) {
    const id = this.__begin(endpoint, payload);
    const signal = options?.signal;
    const timeoutMs = options?.timeoutMs ?? this.__timeoutMs;
    if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0)) {
      this.__end(id);
      throw new WeComUsageError('timeoutMs must be a number >= 0 (0 = no timeout)', { code: 'E_USAGE' });
    }
    // Why the call stopped early: 'abort' (the caller) or 'timeout'. Either aborts the fetch in
    // flight and rejects whatever the call is waiting for (no event listeners: they are costly).
    // Only a caller's signal needs a controller (see fetchSignal below).
    const controller = signal ? new AbortController() : undefined;
    let stopped;
    let rejectWaiting;
    const stoppedError = () => (stopped === 'timeout' ? this.__timedOut(id, timeoutMs) : this.__aborted(id));
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
    const wait = (ms) => guard(new Promise((resolve) => (retryTimer = setTimeout(resolve, ms))));
    try {
      if (signal?.aborted) throw this.__aborted(id);
      signal?.addEventListener('abort', onAbort, { once: true });
      const [fetch, headers] = transportOf(this);
      for (;;) {
        let next = this.__next(id);
        if (next === undefined) {
          await guard(this.__refresh(id));
          next = this.__next(id);
          if (next === undefined) throw new WeComUsageError('the client was freed during the call', { code: 'E_USAGE' });
        }
        let reply;
        try {
          // The fetch gets an abort signal only when the caller passed one: undici's signal handling
          // costs ~60 µs per request under load (js-tests/bench). A timeout stops waiting through
          // guard() and leaves the request to finish unread; a caller's abort cancels it too.
          reply = await guard(send(fetch, next[1], next[0], next[2], headers, fetchSignal));
        } catch (e) {
          if (stopped !== undefined) throw stoppedError();
          await wait(this.__failure(id, e));
          continue;
        }
        const verdict = this.__judge(id, reply[0], reply[1], reply[2]);
        if (verdict < 0) return reply[1];
        if (verdict > 0) await wait(verdict);
      }
    } finally {
      clearTimeout(timer);
      clearTimeout(retryTimer);
      signal?.removeEventListener('abort', onAbort);
      this.__end(id);
    }
  }

  Object.defineProperty(wasm.WeComClient.prototype, 'request', { value: request, writable: true, configurable: true });
}
