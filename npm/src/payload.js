// The JSON text a call sends, made once in JS before anything reaches the engine: the size is
// checked here, so an oversized payload never reserves engine memory.
import { WeComUsageError, WeComValidationError } from './errors.js';

/** The largest request body the client sends or validate() checks: 2 MiB of UTF-8 JSON. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

// JSON.stringify writes an unpaired surrogate, and only that, as a \udXXX escape (lower-case
// hex). A match may also be a user's literal backslash text: validate() then has the last word.
const LONE_SURROGATE = /\\ud[89a-f]/;

/** The too-large error (code `E_PAYLOAD_TOO_LARGE`). */
export function tooLarge(units) {
  return new WeComUsageError(
    `the payload is larger than ${MAX_PAYLOAD_BYTES} bytes of JSON (${units} UTF-16 units or more); WeCom's requests are far smaller`,
    { code: 'E_PAYLOAD_TOO_LARGE', limit: MAX_PAYLOAD_BYTES },
  );
}

/**
 * `JSON.stringify(payload)` (`undefined` counts as `{}`), refused when larger than the limit.
 * A text with an unpaired surrogate cannot be sent as UTF-8: `validate(endpoint, payload)`
 * then reports it at its path, as a WeComValidationError.
 */
export function payloadText(endpoint, payload, validate, locale) {
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
  if (LONE_SURROGATE.test(text)) {
    const report = validate(endpoint, payload, { locale });
    if (!report.valid) {
      const first = report.errors[0]?.path || 'the root';
      const props = { code: 'E_VALIDATION', endpoint, errors: report.errors };
      if (report.truncated) props.truncated = true;
      throw new WeComValidationError(
        `invalid ${endpoint} request: ${report.errors.length} problem(s), first at ${first}`,
        props,
      );
    }
  }
  return text;
}
