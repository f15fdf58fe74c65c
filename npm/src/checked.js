// The client's validation of a declared endpoint's request, in JS, before the engine sees it
// (the engine has no rules: issue 9). The payload is read once, by JSON.stringify; that text is
// what is sent, and it is parsed back and validated, so a getter that answers differently on a
// second read cannot slip anything past the check. Errors stop the call (WeComValidationError);
// warnings (unknown members, members WeCom ignores) let it go on, as given, unless the client
// is `strict`.
import { WeComValidationError } from './errors.js';
import { payloadText } from './payload.js';

/** `N problem(s)` / `more than N problems (…)`, as the Rust core words it. */
function problemCount(report) {
  const n = report.errors.length;
  return report.truncated ? `more than ${n} problems (the first ${n} are listed)` : `${n} problem(s)`;
}

/** The error for a report with errors (code `E_VALIDATION`, nothing was sent). */
export function validationError(endpoint, report) {
  const first = report.errors[0]?.path || 'the root';
  const props = { code: 'E_VALIDATION', endpoint, errors: report.errors, warnings: report.warnings, retryable: false };
  if (report.truncated) props.truncated = true;
  return new WeComValidationError(`invalid ${endpoint} request: ${problemCount(report)}, first at ${first}`, props);
}

/**
 * The JSON text to send for `endpoint` (its official path) and the request's warnings, or the
 * error: WeComValidationError, or the validators' and payload.js's usage errors (unknown
 * endpoint, E_INVALID_PAYLOAD, E_PAYLOAD_TOO_LARGE, bad options). `validate` is the generated
 * `validate(endpoint, payload, { locale, strict })`.
 */
export function checkedRequest(validate, endpoint, payload, locale, strict) {
  const options = { locale, strict };
  let text;
  try {
    text = payloadText(payload);
  } catch (err) {
    // JSON.stringify ran out of stack (nesting far past what WeCom or serde_json accept): the
    // validators judge such a payload without recursing (`json-depth`), and their verdict is
    // the client's, as validate() would give it.
    if (err?.code === 'E_INVALID_PAYLOAD' && err.cause instanceof RangeError) {
      const report = validate(endpoint, payload, options);
      if (!report.valid) throw validationError(endpoint, report);
    }
    throw err;
  }
  const report = validate(endpoint, JSON.parse(text), options);
  if (!report.valid) throw validationError(endpoint, report);
  return [text, report.warnings];
}
