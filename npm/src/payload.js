// The JSON text a call sends, made once in JS before anything reaches the engine: the size is
// checked here, so an oversized payload never reserves engine memory. The client validates
// this very text (parsed back), so what was checked is what is sent.
import { WeComUsageError } from './errors.js';

/** The largest request body the client sends or validate() checks: 2 MiB of UTF-8 JSON. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** The too-large error (code `E_PAYLOAD_TOO_LARGE`). */
export function tooLarge(units) {
  return new WeComUsageError(
    `the payload is larger than ${MAX_PAYLOAD_BYTES} bytes of JSON (${units} UTF-16 units or more); WeCom's requests are far smaller`,
    { code: 'E_PAYLOAD_TOO_LARGE', limit: MAX_PAYLOAD_BYTES },
  );
}

/**
 * `JSON.stringify(payload)` (`undefined` counts as `{}`), refused when larger than the limit
 * (`E_PAYLOAD_TOO_LARGE`) or when it cannot be JSON (`E_INVALID_PAYLOAD`: a cycle, a BigInt).
 */
export function payloadText(payload) {
  if (payload === undefined) return '{}';
  let text;
  try {
    text = JSON.stringify(payload);
  } catch (cause) {
    throw new WeComUsageError('the payload cannot be turned into JSON (cycle or BigInt?)', {
      code: 'E_INVALID_PAYLOAD',
      cause,
    });
  }
  if (text === undefined) return 'null';
  if (text.length > MAX_PAYLOAD_BYTES) throw tooLarge(text.length);
  return text;
}
