// Judges the summary that checks.js returned (in a page or a bundled Node app): throws an Error
// listing every difference, so that the scenario's log says what went wrong.
import { isDeepStrictEqual } from 'node:util';

/**
 * Throws unless `summary` is the summary of a full, correct run of checks.js (with the forms
 * entry's checks when `withForms`).
 */
export function expectFullRun(summary, { withForms = false } = {}) {
  const problems = [];
  const want = (what, actual, expected) => {
    if (!isDeepStrictEqual(actual, expected)) {
      problems.push(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  };
  if (summary?.fatal) problems.push(`the app failed: ${JSON.stringify(summary.fatal, null, 2)}`);
  want('steps', summary?.steps, ['ready', 'validate', ...(withForms ? ['forms'] : []), 'callback', 'client']);
  if (summary?.exports?.includes('default')) problems.push('the namespace has a default export');
  if (summary?.validate) {
    want('validate', summary.validate, { badValid: false, badRules: ['R-CW-01', 'R-CW-04'], goodValid: true, goodErrors: 0 });
  }
  if (summary?.forms) {
    want('forms (the /validate entry in the same bundle)', summary.forms, {
      goodValid: true,
      name: 'WeComUsageError',
      code: 'E_UNKNOWN_ENDPOINT',
      isError: true,
      isMainUsageError: true,
      isMainError: true,
    });
  }
  if (summary?.callback) {
    want('callback', summary.callback, {
      sameMessage: true,
      receiveId: 'wx5823bf96d3bd56c7',
      event: 'change_external_contact',
      changeType: 'add_external_contact',
    });
  }
  if (summary?.client) {
    want('client.errcode', summary.client.errcode, 0);
    want('client.configIdLength', summary.client.configIdLength, 32);
    want('client.gotRemark', summary.client.gotRemark, '前台');
    want('client.rejected', summary.client.rejected && {
      name: summary.client.rejected.name,
      code: summary.client.rejected.code,
      isError: summary.client.rejected.isError,
    }, { name: 'WeComValidationError', code: 'E_VALIDATION', isError: true });
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
