// The fetch transport's JS half: one call sends the request and reads the whole answer, so the
// engine awaits a single promise per request (fewer wasm↔JS crossings than driving fetch,
// Response and text() from Rust). Resolves to [status, parsed JSON object or undefined,
// first 200 characters of a body that is not a JSON object]; rejects when no answer came.
export async function send(fetch, method, url, body, headers, signal) {
  const init = body === undefined ? { method } : { method, body, headers };
  if (signal !== undefined) init.signal = signal;
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

// Resolves after `ms` milliseconds (the wait between two retries).
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
