// Runs a bundled Node app where nothing can resolve from node_modules:
// `node lib/node-check.mjs <output dir> <entry file> [--forms]` copies the output directory (the
// bundle and whatever the bundler emitted beside it) into a fresh directory under the system temp
// dir, starts the look-alike here, runs `node <entry>` there with the look-alike's URL and
// credentials in WECOM_MOCK_* variables, and judges the JSON summary the bundle prints as its last
// line (checks.js; `--forms`: the app bundles /validate too). Exits 0 when the run was complete and
// correct, 1 otherwise.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from 'wecom-external-contact/mock-server';
import { expectFullRun } from './expect.mjs';

const [dir, entry, flag] = process.argv.slice(2);
if (!dir || !entry || (flag !== undefined && flag !== '--forms')) {
  throw new Error('usage: node-check.mjs <output dir> <entry file> [--forms]');
}
const alone = await mkdtemp(join(tmpdir(), 'wecom-bundle-'));
await cp(dir, alone, { recursive: true });
const mock = await startMockServer();
let code = 1;
try {
  const env = {
    PATH: process.env.PATH,
    WECOM_MOCK_URL: mock.url,
    WECOM_MOCK_CORP_ID: mock.corpId,
    WECOM_MOCK_SECRET: mock.corpSecret,
  };
  const { stdout, stderr } = await new Promise((resolve, reject) => {
    execFile(process.execPath, [entry], { cwd: alone, env, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`node ${entry} failed (${err.code ?? err.signal}):\n${stderr}${stdout}`));
      else resolve({ stdout, stderr });
    });
  });
  const last = stdout.trim().split('\n').pop();
  expectFullRun(JSON.parse(last), { withForms: flag === '--forms' });
  console.log(`ok: ran ${entry} alone in a directory holding ${(await readdir(alone)).join(', ')}`);
  if (stderr.trim()) console.log(`stderr: ${stderr.trim()}`);
  code = 0;
} catch (e) {
  console.error(String(e?.message ?? e));
} finally {
  await mock.close();
  await rm(alone, { recursive: true, force: true });
}
process.exit(code);
