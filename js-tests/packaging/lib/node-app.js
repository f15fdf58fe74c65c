// The Node side of a bundled-app scenario: runs checks.js against the look-alike named by
// node-check.mjs in WECOM_MOCK_* variables and prints the summary as the last line (JSON).
import { runChecks } from './checks.js';

/** Runs the checks with `pkg` (the entry's namespace) and `forms` (optional, the /validate namespace) and prints the summary. */
export function runNodeApp(pkg, forms) {
  const env = process.env;
  const mock = { url: env.WECOM_MOCK_URL, corpId: env.WECOM_MOCK_CORP_ID, corpSecret: env.WECOM_MOCK_SECRET };
  runChecks(pkg, mock, forms).then((summary) => {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  });
}
