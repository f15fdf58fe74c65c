// The page side of a browser scenario: reads the look-alike's URL and credentials from the query
// string (browser-check.mjs puts them there), runs checks.js with the namespace the scenario's app
// imported, and leaves the summary on `window.__results` for the runner. No top-level await.
import { runChecks } from './checks.js';

/**
 * Runs the checks in the page with `pkg` (the entry's namespace) and `forms` (the /validate
 * namespace, optional) and publishes the summary.
 */
export function runPage(pkg, forms) {
  const q = new URLSearchParams(location.search);
  const mock = { url: q.get('mock'), corpId: q.get('corpId'), corpSecret: q.get('secret') };
  runChecks(pkg, mock, forms).then((summary) => {
    window.__results = summary;
  });
}
