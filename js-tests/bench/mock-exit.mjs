// How fast wecom-mock-server stops on SIGTERM / SIGINT (prints figures, asserts nothing).
//   node js-tests/bench/mock-exit.mjs [runs] [--group]                       # node pkg/mock/cli.mjs
//   node js-tests/bench/mock-exit.mjs [runs] [--group] -- npx wecom-mock-server  # any command (run it where it resolves)
// Each run starts the command, opens a keep-alive connection and a request held by a 60 s delay fault,
// sends the signal to the started process (with --group: to its process group, as a terminal's Ctrl-C
// does), and times how long until the port refuses connections and until the started process exits.
// The figures are the median and the maximum over the runs. (npm ignores a SIGINT sent to its process
// alone and does not pass it on: `SIGINT` through npx needs --group.)
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const options = dash >= 0 ? args.slice(0, dash) : args;
const group = options.includes('--group');
const runs = Number(options.find((a) => /^\d+$/.test(a)) ?? 10);
const command = dash >= 0 ? args.slice(dash + 1) : [process.execPath, fileURLToPath(new URL('../../pkg/mock/cli.mjs', import.meta.url))];
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** Whether 127.0.0.1:port refuses a TCP connection. */
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

/** One run: the times (ms) from the signal to a free port and to the started process's exit. */
async function once(signal) {
  const child = spawn(command[0], [...command.slice(1), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let text = '';
  child.stdout.setEncoding('utf8');
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      text += d;
      const m = text.match(/listening on (\S+)\n/);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before it listened: ${text}`)));
  });
  const port = Number(new URL(url).port);
  await (await fetch(`${url}/cgi-bin/gettoken?corpid=wwmockcorp0000001&corpsecret=mock-secret-0123456789`)).json();
  await (await fetch(`${url}/__mock/faults`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ path: '*', delayMs: 60_000 }) })).arrayBuffer();
  fetch(`${url}/cgi-bin/gettoken`).catch(() => {});
  await new Promise((r) => setTimeout(r, 100));
  const start = performance.now();
  const exited = new Promise((r) => child.once('exit', () => r(performance.now() - start)));
  process.kill(group ? -child.pid : child.pid, signal);
  let free = null;
  while (performance.now() - start < 5000) {
    if (await refused(port)) {
      free = performance.now() - start;
      break;
    }
  }
  const exit = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 5000))]);
  try {
    process.kill(-child.pid, 'SIGKILL'); // whatever is left of the group (an orphaned server too)
  } catch {
    // all gone
  }
  return { free, exit };
}

const show = (values) => {
  if (values.some((v) => v === null)) return 'over 5 s in some runs';
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[sorted.length >> 1].toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
};

console.log(`command: ${command.join(' ')}; signal to the ${group ? 'process group' : 'process'}; ${runs} runs per signal, with a keep-alive connection and a delayed request open`);
for (const signal of ['SIGTERM', 'SIGINT']) {
  const results = [];
  for (let i = 0; i < runs; i += 1) results.push(await once(signal));
  console.log(`${signal}: port free ${show(results.map((r) => r.free))}; process exited ${show(results.map((r) => r.exit))}`);
}
