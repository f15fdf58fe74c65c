// The runtime of the generated validators (target/npm-build/src/generated/validators.js imports
// this file as ../validate/runtime.js). Nothing here knows an endpoint: the generated code holds
// the models, rules and messages; this holds what every model shares.
//
// Semantics (the contract with the native validator in crates/wecom-core/src/validate/): the
// value is seen exactly as JSON.stringify would write it, each property read once (normalise.js);
// issues come in the native order (fields in model order, then unknown members in document
// order, then cross-field rules), each at its JSON pointer; at most 100 issues; unknown members
// and ignored fields are warnings (errors under `strict`); a payload whose JSON text would be
// over 2 MiB throws E_PAYLOAD_TOO_LARGE, one JSON.stringify cannot write throws E_INVALID_PAYLOAD,
// one nested deeper than 127 containers gives a single `json-depth` error. Work is bounded by the
// payload's JSON size: the size is counted while walking (a lower bound plus the worst case of
// escapes), and a walk that passes 2 MiB stops at once.
import { WeComUsageError } from '../errors.js';
import { nz, pu } from './normalise.js';
import { done, failure, typ, release } from './report.js';
import { scan } from './walk.js';
import { tn } from './measure.js';

export { nzu, nzx, big } from './normalise.js';
export { wf, ii, gt, fl, chars, aw } from './measure.js';
export { ctx, rq, tx, rng, cnt } from './report.js';
export { f, unk, ar, ob, ms } from './walk.js';

/**
 * Validates `payload` (`undefined` counts as `{}`) with the generated model function `M` in the
 * context `c` (from `ctx(options, messages)`): the report `{ valid, errors, warnings,
 * truncated? }`. Throws WeComUsageError E_PAYLOAD_TOO_LARGE or E_INVALID_PAYLOAD as the client
 * would; an exception of the payload's own code (a getter, toJSON) is the cause of the latter.
 */
export function run(c, M, payload) {
  try {
    try {
      let v = payload === undefined ? {} : nz(payload, '');
      if (v === undefined) v = null;
      pu(c, v);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        M(v, c);
      } else {
        typ(c, undefined, 'object', tn(v));
        scan(c, v, true);
      }
    } catch (e) {
      throw failure(e);
    }
    return done(c, payload);
  } finally {
    release(c);
  }
}

/**
 * The endpoint argument of `validate(endpoint, …)` as the table knows it: leading slashes and a
 * `cgi-bin/` prefix dropped (like the engine's lookup). E_USAGE when it is not a string.
 */
export function path(endpoint) {
  if (typeof endpoint !== 'string') {
    throw new WeComUsageError(
      "endpoint must be a string: the official path after /cgi-bin/, e.g. 'externalcontact/add_contact_way'",
      { code: 'E_USAGE' },
    );
  }
  let i = 0;
  while (endpoint.charCodeAt(i) === 47) i++;
  const p = endpoint.slice(i);
  return p.startsWith('cgi-bin/') ? p.slice(8) : p;
}

/** The error for a path the table does not have (E_UNKNOWN_ENDPOINT). */
export function unknownEndpoint(endpoint) {
  return new WeComUsageError(
    `unknown endpoint "${endpoint}": pass the official path after /cgi-bin/, e.g. "externalcontact/add_contact_way"`,
    { code: 'E_UNKNOWN_ENDPOINT', retryable: false },
  );
}
