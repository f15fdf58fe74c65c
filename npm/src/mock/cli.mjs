#!/usr/bin/env node
// Command line entry of the WeCom mock server.
//   node npm/src/mock/cli.mjs --port 8080 [--host 127.0.0.1] [--corp-id ww..] [--corp-secret ..]
//                             [--token-ttl 7200] [--follow-users zhangsan,lisi] [--admin-token TOKEN]
//                             [--seed 1] [--customers 200] [--members 20]
// Prints two lines, `wecom mock server listening on http://127.0.0.1:PORT` and
// `wecom mock server admin token: TOKEN` (for /__mock requests from browsers on other origins),
// and runs until SIGINT/SIGTERM, then exits with code 0 within STOP_GRACE_MS. Started by a package
// manager (`npx wecom-mock-server`, `npm exec`, an npm script), it also stops when its parent process
// goes away (see watchParent).
// `--port 0` (the default) picks a free port. The admin token may also come from the
// WECOM_MOCK_ADMIN_TOKEN environment variable (kept out of the process list); default: random.

import { parseArgs } from 'node:util';
import { startMockServer } from './index.mjs';

const USAGE = `usage: node cli.mjs [--port 0] [--host 127.0.0.1] [--corp-id ID] [--corp-secret SECRET]
                    [--token-ttl SECONDS] [--follow-users a,b,c] [--admin-token TOKEN]
                    [--seed N] [--customers N] [--members N]`;

/** After SIGINT/SIGTERM, the process exits at the latest this long after the signal. */
const STOP_GRACE_MS = 100;

/** How often the CLI checks that the package manager's process that started it still runs. */
const PARENT_POLL_MS = 50;

/**
 * Calls `stop` once the parent process is gone, when a package manager started the CLI (npm, pnpm
 * and yarn set `npm_execpath`). A SIGTERM sent to `npx` / `npm exec` / `npm run` reaches the shell
 * npm runs the bin in, not the CLI: the shell dies and the CLI would keep serving, orphaned, and keep
 * its port. A CLI started any other way (a shell, a process manager, `nohup … &`) outlives its parent.
 * @param {() => void} stop
 */
function watchParent(stop) {
  if (!process.env.npm_execpath) return;
  const parent = process.ppid;
  const gone = () => {
    if (process.ppid !== parent) return true; // POSIX: an orphan gets a new parent at once
    if (process.platform !== 'win32') return false;
    try {
      process.kill(parent, 0); // Windows does not re-parent: ask whether the pid still exists
      return false;
    } catch (err) {
      return err.code === 'ESRCH';
    }
  };
  const timer = setInterval(() => {
    if (!gone()) return;
    clearInterval(timer);
    stop();
  }, PARENT_POLL_MS);
  timer.unref();
}

/**
 * Parses the command line into `startMockServer` options.
 * @param {string[]} argv Arguments after the script name.
 * @returns {import('./index.mjs').MockServerOptions | null} null when --help was asked.
 * @throws {Error} on an unknown flag or a bad number.
 */
function parseCliArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'corp-id': { type: 'string' },
      'corp-secret': { type: 'string' },
      'token-ttl': { type: 'string' },
      'follow-users': { type: 'string' },
      'admin-token': { type: 'string' },
      seed: { type: 'string' },
      customers: { type: 'string' },
      members: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;
  const int = (name, text) => {
    if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a non-negative integer`);
    return Number(text);
  };
  const world = {};
  if (values.customers !== undefined) world.customers = int('customers', values.customers);
  if (values.members !== undefined) world.members = int('members', values.members);
  return {
    seed: values.seed === undefined ? undefined : int('seed', values.seed),
    world,
    port: values.port === undefined ? 0 : int('port', values.port),
    host: values.host,
    corpId: values['corp-id'],
    corpSecret: values['corp-secret'],
    tokenTtlSeconds: values['token-ttl'] === undefined ? undefined : int('token-ttl', values['token-ttl']),
    followUsers: values['follow-users'] === undefined
      ? undefined
      : values['follow-users'].split(',').map((u) => u.trim()).filter(Boolean),
    adminToken: values['admin-token'] ?? (process.env.WECOM_MOCK_ADMIN_TOKEN || undefined),
  };
}

async function main() {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Handlers first: a signal that arrives while starting (or right after the ready line) must
  // not kill the process with the default action.
  let mock = null;
  let stopping = false;
  const stop = () => {
    if (stopping || mock === null) process.exit(0); // a second signal, or nothing to close yet
    stopping = true;
    // close() ends every connection (keep-alive ones too) at once; the timer bounds the wait anyway.
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    mock.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  watchParent(stop);
  try {
    mock = await startMockServer(options);
  } catch (err) {
    process.stderr.write(`wecom mock server failed to start: ${err.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`wecom mock server listening on ${mock.url}\nwecom mock server admin token: ${mock.adminToken}\n`);
}

main();
