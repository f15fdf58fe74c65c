// Runs after the suite (run.sh): every error and log line the tests collected (see
// collect-errors.mjs) must be free of the corpsecrets, callback keys and access tokens used.
// Fails when nothing, or too little, was collected: the scan must have material to judge.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECRET } from './helpers.mjs';
import { VECTORS } from './browser/callback-vectors.mjs';

const dir = process.env.WECOM_COLLECT_DIR;
const MIN_COLLECTED = Number(process.argv[2] ?? 100);
// The look-alike's default secret, the suite's, and every callback EncodingAESKey.
const secrets = new Set(['mock-secret-0123456789', SECRET, ...VECTORS.map((v) => v.encodingAesKey).filter(Boolean)]);
const needles = [...secrets].flatMap((s) => [s, encodeURIComponent(s)]);
// The look-alike's tokens: 128 random URL-safe base64 characters (and any real-looking token:
// a long run with many distinct characters; a test's 'xxxx…' is not one).
const RUN = /[A-Za-z0-9_-]{100,}/g;
const tokenLike = (text) => (text.match(RUN) ?? []).find((run) => new Set(run).size >= 20);
// access_token / corpsecret query values other than the redaction mark.
const PARAM = /(?:access_token|corpsecret)=(?!\*\*\*)[^&\s"'\\]+/;

let count = 0;
const leaks = [];
for (const file of readdirSync(dir)) {
  for (const text of JSON.parse(readFileSync(join(dir, file), 'utf8'))) {
    count += 1;
    for (const needle of needles) if (text.includes(needle)) leaks.push(`secret ${needle.slice(0, 6)}… in: ${text.slice(0, 300)}`);
    const token = tokenLike(text);
    if (token) leaks.push(`token-like ${token.slice(0, 10)}… in: ${text.slice(0, 300)}`);
    const param = text.match(PARAM);
    if (param) leaks.push(`${param[0].slice(0, 20)}… in: ${text.slice(0, 300)}`);
  }
}
if (leaks.length > 0) {
  console.error(`scan-errors: ${leaks.length} leak(s) in ${count} collected errors and log lines:\n${leaks.slice(0, 20).join('\n---\n')}`);
  process.exit(1);
}
if (count < MIN_COLLECTED) {
  console.error(`scan-errors: only ${count} errors collected (expected >= ${MIN_COLLECTED}): is the collector preloaded?`);
  process.exit(1);
}
console.log(`scan-errors: ${count} errors and log lines from the suite, no secret or token in any of them`);
