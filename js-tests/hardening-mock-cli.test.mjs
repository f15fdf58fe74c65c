// Issue 8 item 10: the wecom-mock-server CLI (as installed from the packed tarball) stops
// promptly and cleanly on SIGTERM / SIGINT, and prints / accepts the /__mock admin token.
// Issue 10: it also stops when the signal reaches npx / npm exec instead of it, and close() ends
// every connection without relying on closeAllConnections() (absent before Node 18.2).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { connect } from 'node:net';
import { startMockServer } from 'wecom-external-contact/mock-server';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url))); // run.sh copies tests to <project>/tests
const CLI = join(projectRoot, 'node_modules', 'wecom-external-contact', 'mock', 'cli.mjs');
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Waits (at most 10 s) until the CLI's output matches `pattern`; kills it when it does not. */
function waitForOutput(child, output, pattern) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = output.text.match(pattern);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve(m);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${pattern} within 10 s: ${output.text} ${output.err}`));
    }, 10_000);
    child.stdout.on('data', check);
    child.once('exit', (code, signal) => reject(new Error(`exited early (code ${code}, signal ${signal}): ${output.text} ${output.err}`)));
    check();
  });
}

/**
 * Starts the packed CLI. `ready` resolves with its URL at the first line; `token` with the admin
 * token of the second line.
 */
function startCli(args = [], env = process.env) {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const output = { text: '', err: '' };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { output.text += d; });
  child.stderr.on('data', (d) => { output.err += d; });
  const ready = waitForOutput(child, output, /^wecom mock server listening on (http:\/\/127\.0\.0\.1:\d+)\n/).then((m) => ({ url: m[1] }));
  const token = () => waitForOutput(child, output, /\nwecom mock server admin token: (\S+)\n/).then((m) => m[1]);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  return { child, ready, token, exited };
}

/** Kills the CLI if a failed test left it running. */
function killCli({ child }) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Sends `signal` and returns how the process ended and how long it took, in ms. */
function stopCli({ child, exited }, signal) {
  const start = performance.now();
  child.kill(signal);
  return exitOf({ child, exited }, signal, start);
}

/** How the CLI ended (at most 5 s after `start`, else it is killed and the test fails). */
async function exitOf({ child, exited }, signal, start) {
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 5000).unref());
  const end = await Promise.race([exited, timeout]);
  if (end === null) {
    child.kill('SIGKILL');
    assert.fail(`the CLI did not exit within 5 s of ${signal}`);
  }
  return { code: end.code, signal: end.signal, ms: end.at - start };
}

describe('wecom-mock-server CLI', () => {
  test('issue 8 item 10: the CLI exits promptly (code 0) on SIGTERM and SIGINT, also with open connections', async (t) => {
    assert.ok(existsSync(CLI), 'the packed CLI is installed');
    const figures = [];
    const atReady = [];
    for (const signal of ['SIGTERM', 'SIGINT']) {
      const cli = startCli();
      t.after(() => killCli(cli));
      const { url } = await cli.ready;
      // A keep-alive connection, an admin request, and a request held by a 60 s delay fault.
      await (await fetch(`${url}/cgi-bin/gettoken?corpid=wwmockcorp0000001&corpsecret=mock-secret-0123456789`)).json();
      const faulted = await fetch(`${url}/__mock/faults`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ path: '*', delayMs: 60_000 }) });
      assert.equal(faulted.status, 200);
      const held = fetch(`${url}/cgi-bin/gettoken`).then(() => 'answered', () => 'cut');
      await new Promise((r) => setTimeout(r, 100));
      const end = await stopCli(cli, signal);
      figures.push(`${signal} with open connections: ${end.ms.toFixed(1)} ms`);
      assert.deepEqual({ code: end.code, signal: end.signal }, { code: 0, signal: null }, `${signal}: a clean exit`);
      assert.ok(end.ms < 1000, `${signal}: exited within 1000 ms (took ${end.ms.toFixed(0)} ms)`);
      assert.equal(await held, 'cut');
    }
    // A signal the moment the ready line arrives (the handlers must be installed before it is printed:
    // the default action would kill the process, with no clean close).
    for (let i = 0; i < 12; i += 1) {
      const cli = startCli();
      t.after(() => killCli(cli));
      let start;
      cli.child.stdout.once('data', () => {
        start = performance.now();
        cli.child.kill('SIGTERM');
      });
      await cli.ready;
      const end = await exitOf(cli, 'SIGTERM', start);
      atReady.push(end.ms);
      assert.deepEqual({ code: end.code, signal: end.signal }, { code: 0, signal: null }, `run ${i}: handled, not killed by the signal`);
      assert.ok(end.ms < 1000, `exited within 1000 ms (took ${end.ms.toFixed(0)} ms)`);
    }
    figures.push(`SIGTERM at the ready line: at most ${Math.max(...atReady).toFixed(1)} ms over ${atReady.length} runs`);
    console.log(`wecom-mock-server exit times after the signal: ${figures.join('; ')}`);
  });

  test('issue 8 item 10: the CLI prints its admin token and accepts --admin-token / WECOM_MOCK_ADMIN_TOKEN', async () => {
    for (const [args, env, expected] of [
      [['--admin-token', 'cli-admin-token-0001'], process.env, 'cli-admin-token-0001'],
      [[], { ...process.env, WECOM_MOCK_ADMIN_TOKEN: 'env-admin-token-0002' }, 'env-admin-token-0002'],
    ]) {
      const cli = startCli(args, env);
      try {
        const { url } = await cli.ready;
        const token = await cli.token();
        assert.equal(token, expected);
        const origin = 'http://evil.example';
        const refused = await fetch(`${url}/__mock/stats`, { headers: { Origin: origin } });
        await refused.arrayBuffer();
        assert.equal(refused.status, 403);
        const allowed = await fetch(`${url}/__mock/stats`, { headers: { Origin: origin, Authorization: `Bearer ${token}` } });
        assert.equal(allowed.status, 200);
        assert.equal((await allowed.json()).ok, true);
      } finally {
        killCli(cli);
      }
    }
  });
});

/** Pids of `pid`'s descendants, from /proc (Linux). */
function descendants(pid) {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const found = [];
  const walk = (p) => {
    for (const [child, parent] of parents) {
      if (parent === p) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return found;
}

/** Whether a process with this pid still exists. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Whether a TCP connection to 127.0.0.1:port is refused (nothing listens any more). */
function refused(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Polls `check` every 20 ms until it is true (→ true) or `ms` have passed (→ false). */
async function eventually(check, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('issue 10: stopping the look-alike', () => {
  test('issue 10: wecom-mock-server stops when SIGTERM reaches npm exec (npx) instead of the server', { skip: !existsSync('/proc/self/stat') && 'needs /proc' }, async (t) => {
    // npm runs the bin through `sh -c`; a SIGTERM sent to npm's process ends npm and that shell,
    // never the CLI, which used to keep serving, orphaned, on its port.
    const env = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_yes: 'true' };
    const npm = spawn('npm', ['exec', '--', 'wecom-mock-server', '--port', '0'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { text: '', err: '' };
    npm.stdout.setEncoding('utf8');
    npm.stdout.on('data', (d) => { output.text += d; });
    npm.stderr.on('data', (d) => { output.err += d; });
    let spawned = [];
    t.after(() => {
      for (const pid of [...spawned, npm.pid]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    });
    const [, url] = await waitForOutput(npm, output, /^wecom mock server listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const port = Number(new URL(url).port);
    // A keep-alive connection and a request held by a delay fault, as in real use.
    await (await fetch(`${url}/cgi-bin/gettoken?corpid=wwmockcorp0000001&corpsecret=mock-secret-0123456789`)).json();
    await (await fetch(`${url}/__mock/faults`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ path: '*', delayMs: 60_000 }) })).arrayBuffer();
    const held = fetch(`${url}/cgi-bin/gettoken`).then(() => 'answered', () => 'cut');
    spawned = descendants(npm.pid);
    assert.ok(spawned.length > 0, 'npm started the CLI as a child process');
    npm.kill('SIGTERM');
    assert.ok(await eventually(() => refused(port), 5000), 'the port is free again within 5 s of the SIGTERM to npm');
    assert.ok(await eventually(() => spawned.every((pid) => !alive(pid)), 5000), 'no process npm started is left running');
    assert.equal(await held, 'cut');
  });

  test('issue 10: close() ends keep-alive, idle and half-sent connections without closeAllConnections (Node 18.0/18.1)', async (t) => {
    // Node before 18.2 has neither closeAllConnections() nor closeIdleConnections(): no-ops stand in
    // for them here, so close() must end the connections itself.
    const saved = { all: Server.prototype.closeAllConnections, idle: Server.prototype.closeIdleConnections };
    Server.prototype.closeAllConnections = function closeAllConnections() {};
    Server.prototype.closeIdleConnections = function closeIdleConnections() {};
    t.after(() => {
      Server.prototype.closeAllConnections = saved.all;
      Server.prototype.closeIdleConnections = saved.idle;
    });
    const mock = await startMockServer();
    const sockets = [];
    t.after(() => sockets.forEach((s) => s.destroy()));
    const open = (text) => {
      const socket = connect(mock.port, '127.0.0.1');
      socket.on('error', () => {});
      if (text) socket.write(text);
      sockets.push(socket);
      return socket;
    };
    open(''); // connected, nothing sent
    open('GET /cgi-bin/gettoken HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers not finished
    open('POST /__mock/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"path":'); // body not finished
    await (await fetch(`${mock.url}/cgi-bin/gettoken?corpid=${mock.corpId}&corpsecret=${mock.corpSecret}`)).json(); // keep-alive
    mock.inject({ path: '*', delayMs: 60_000 });
    const held = fetch(`${mock.url}/cgi-bin/gettoken`).then(() => 'answered', () => 'cut');
    await new Promise((r) => setTimeout(r, 100));
    const closed = await Promise.race([
      mock.close().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still open after 3 s'), 3000).unref()),
    ]);
    assert.equal(closed, 'closed');
    assert.equal(await held, 'cut');
    assert.ok(await refused(mock.port), 'nothing listens any more');
  });
});
