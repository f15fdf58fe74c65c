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
    // Why the call stopped early: 'abort' (the caller) or 'timeout'. Either aborts the fetch in flight.
    const controller = new AbortController();
    let stopped;
    const stop = (why) => {
      if (stopped === undefined) {
        stopped = why;
        controller.abort();
      }
    };
    const onAbort = () => stop('abort');
    const timer = timeoutMs > 0 ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;
    const stoppedError = () => (stopped === 'timeout' ? this.__timedOut(id, timeoutMs) : this.__aborted(id));
    // Settles with `promise`, or rejects as soon as the call is stopped.
    const guard = (promise) =>
      new Promise((resolve, reject) => {
        if (stopped !== undefined) return reject(stoppedError());
        const onStop = () => reject(stoppedError());
        controller.signal.addEventListener('abort', onStop, { once: true });
        promise.then(
          (v) => {
            controller.signal.removeEventListener('abort', onStop);
            resolve(v);
          },
          (e) => {
            controller.signal.removeEventListener('abort', onStop);
            reject(e);
          },
        );
      });
    // Waits between retries; the timer is cleared if the call stops meanwhile.
    const wait = (ms) =>
      guard(
        new Promise((resolve) => {
          const t = setTimeout(resolve, ms);
          controller.signal.addEventListener('abort', () => clearTimeout(t), { once: true });
        }),
      );
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
          // Guarded too: a user-supplied fetch that ignores the signal still stops on time.
          reply = await guard(send(fetch, next[1], next[0], next[2], headers, controller.signal));
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
      signal?.removeEventListener('abort', onAbort);
      this.__end(id);
    }
  }

  Object.defineProperty(wasm.WeComClient.prototype, 'request', { value: request, writable: true, configurable: true });
}
