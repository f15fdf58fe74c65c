// The client's validation of a declared endpoint's request, in JS, before the engine sees it
// (the engine has no rules: issue 9). The JSON text the client will send is parsed back and
// validated, so a getter that answers differently on a second read cannot slip anything past
// the check. Errors stop the call (WeComValidationError); warnings (unknown members, members
// WeCom ignores) let it go on, as given, unless the client is `strict`.
import { WeComValidationError } from './errors.js';

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
 * Validates the request `text` (JSON made by payload.js) for `endpoint` with `validate` (the
 * generated validators): throws the validation error, or returns the warnings (an empty array
 * when there are none). Unknown endpoints and bad options throw the validator's own errors.
 */
export function checkRequest(validate, endpoint, text, locale, strict) {
  const report = validate(endpoint, JSON.parse(text), { locale, strict });
  if (!report.valid) throw validationError(endpoint, report);
  return report.warnings;
}
