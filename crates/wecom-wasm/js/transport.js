// The fetch transport's JS half: one call sends the request and reads the whole answer, so the
// engine awaits a single promise per request (fewer wasm↔JS crossings than driving fetch,
// Response and text() from Rust). Resolves to [status, parsed JSON object or undefined,
// first 200 characters of a body that is not a JSON object]; rejects when no answer came.
// With `timeoutMs` > 0 (the engine's own requests: gettoken), the request is aborted and the
// promise rejects once that time has passed, whatever the fetch function does.
export async function send(fetch, method, url, body, headers, signal, timeoutMs) {
  const init = body === undefined ? { method } : { method, body, headers };
  if (signal !== undefined) init.signal = signal;
  if (timeoutMs > 0 && signal === undefined) {
    const controller = new AbortController();
    init.signal = controller.signal;
    return within(read(fetch, url, init), timeoutMs, 'the request', () => controller.abort());
  }
  return read(fetch, url, init);
}

async function read(fetch, url, init) {
  const response = await fetch(url, init);
  if (response === null || typeof response !== 'object') {
    throw new TypeError('fetch resolved to something that is not a Response');
  }
  const status = Number(response.status);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    return [status >= 100 && status <= 599 ? status : 0, json, ''];
  }
  return [status >= 100 && status <= 599 ? status : 0, undefined, String(text).slice(0, 200)];
}

// The longest delay a timer can wait (setTimeout fires at once past it).
const MAX_TIMER_MS = 2 ** 31 - 1;

// Resolves after `ms` milliseconds (the wait between two retries).
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, Math.min(ms, MAX_TIMER_MS)));
}

// Settles like `value` (a value or a thenable), or rejects with "<what> did not settle within
// <ms> ms" once `ms` have passed (then calls `onTimeout`). `ms` <= 0: no limit.
export function within(value, ms, what, onTimeout) {
  const promise = Promise.resolve(value);
  if (!(ms > 0)) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      const err = new Error(`${what} did not settle within ${ms} ms`);
      err.name = 'TimeoutError';
      reject(err);
    }, Math.min(ms, MAX_TIMER_MS));
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
