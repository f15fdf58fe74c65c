// Issue 11: the wecom-mock-server CLI (as installed from the packed tarball) seeds the world
// from --seed, --customers and --members, the same world as startMockServer with those options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorld, directCaller } from './world-helpers.mjs';
import { SECRET } from './helpers.mjs';

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url))); // run.sh copies tests to <project>/tests
const CLI = join(projectRoot, 'node_modules', 'wecom-external-contact', 'mock', 'cli.mjs');

/** Runs the CLI: resolves { url, child } once it listens, or { code, err } when it exits first (10 s bound). */
function runCli(args) {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--corp-secret', SECRET, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI neither listened nor exited within 10 s: ${out} ${err}`));
    }, 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, err });
    });
  });
}

test('issue 11: --seed, --customers and --members seed the same world as the options', async () => {
  const cli = await runCli(['--seed', '7', '--customers', '60', '--members', '3']);
  assert.ok(cli.url, `the CLI listens (${cli.err ?? ''})`);
  const { mock, wecom } = await startWorld({ seed: 7, world: { customers: 60, members: 3 } });
  try {
    const viaCli = await directCaller({ url: cli.url, corpId: mock.corpId, corpSecret: SECRET });
    const users = (await wecom.get('externalcontact/get_follow_user_list')).follow_user;
    assert.deepEqual((await viaCli.get('externalcontact/get_follow_user_list')).follow_user, users);
    const body = { userid_list: users, limit: 100 };
    const a = await viaCli.post('externalcontact/batch/get_by_user', body);
    const b = await wecom.post('externalcontact/batch/get_by_user', body);
    assert.deepEqual(a, b);
    // Three members: nobody resigned, every customer is some follow user's.
    assert.equal(new Set(a.external_contact_list.map((e) => e.external_contact.external_userid)).size, 60);
  } finally {
    cli.child.kill('SIGTERM');
    await mock.close();
  }
});

test('issue 11: a bad --customers or --seed stops the CLI with a message', async () => {
  const word = await runCli(['--customers', 'many']);
  assert.equal(word.code, 2);
  assert.match(word.err, /--customers must be a non-negative integer/);
  const big = await runCli(['--customers', '1000001']);
  assert.equal(big.code, 1);
  assert.match(big.err, /world\.customers must be between 0 and 1000000/);
  const seed = await runCli(['--seed', '4294967296']);
  assert.equal(seed.code, 1);
  assert.match(seed.err, /seed must be between/);
});
