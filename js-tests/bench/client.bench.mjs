// Client CPU time per call against the WeCom look-alike running in a separate process.
//   node js-tests/bench/client.bench.mjs            (run.sh installs node-easywechat first)
// Env: BENCH_CALLS (calls per round, default 800), BENCH_ROUNDS (default 7), BENCH_WARMUP_CALLS
// (default 800), BENCH_CONCURRENCY (default 16).
// Prints figures only; asserts nothing about timings.
//
// What is measured: process.cpuUsage() (user + system, this process only, all its threads) over
// a round of calls, divided by the calls. The mock answers from its own process, so its work is
// not counted. Wall-clock calls/s is printed for information (the mock shares the 2 cores).
//
// The clients, all calling externalcontact/get_contact_way for one config_id over keep-alive:
//  (a) hand-written fetch: token fetched once up front, then fetch(url?access_token=…,
//      { method: 'POST', body: JSON.stringify(payload) }) + res.json() + errcode check
//  (b) node-easywechat 3.6.2 Work app as configured out of the box: `http.baseURL` pointed at the
//      mock (its HttpClient merges `http` into axios.create), token cached by its default
//      FileCache (here in a temp dir via `file_cache.path`: one readFileSync + JSON.parse per call),
//      Node's http.globalAgent (keep-alive by default since Node 19)
//  (b') the same with an in-memory cache (app.setCache) so the token costs no file read
//  (c) this SDK's WeComClient.getContactWay (validates the payload, cached token, fetch)

import dc from 'node:diagnostics_channel';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { envNumber, fmt, machineLine, median, pkgLine, pkgUrl, startMockProcess, table } from './harness.mjs';

const require = createRequire(import.meta.url);
const { Work } = require('node-easywechat');
const { WeComClient } = await import(pkgUrl('index.mjs'));

const CALLS = envNumber('BENCH_CALLS', 800);
const ROUNDS = envNumber('BENCH_ROUNDS', 7);
const WARMUP = envNumber('BENCH_WARMUP_CALLS', 800);
const CONCURRENCY = envNumber('BENCH_CONCURRENCY', 16);
const PATH = 'externalcontact/get_contact_way';

// New TCP connections opened by this process (fetch/undici and node:http both go through net).
let sockets = 0;
dc.subscribe('net.client.socket', () => {
  sockets++;
});

const { url: base, child: mockProcess, stop: stopMock } = await startMockProcess();
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    stopMock();
    process.exit(130);
  });
}

const corpId = 'wwmockcorp0000001';
const corpSecret = 'mock-secret-0123456789';
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-bench-easywechat-'));
process.on('exit', () => fs.rmSync(cacheDir, { recursive: true, force: true }));

async function mockStats() {
  const res = await fetch(`${base}/__mock/stats`);
  return res.json();
}

// One contact way to read back.
const ours = new WeComClient({ corpId, corpSecret, baseUrl: base });
const created = await ours.addContactWay({
  type: 1,
  scene: 2,
  user: ['zhangsan'],
  remark: '门店导购-张三（上海徐汇店）',
  state: 'store_sh_xuhui_2024q3',
  skip_verify: true,
});
const payload = { config_id: created.config_id };

// (a) hand-written fetch + JSON.
const tokenRes = await (await fetch(`${base}/cgi-bin/gettoken?corpid=${corpId}&corpsecret=${corpSecret}`)).json();
const rawUrl = `${base}/cgi-bin/${PATH}?access_token=${encodeURIComponent(tokenRes.access_token)}`;
async function rawCall() {
  const res = await fetch(rawUrl, { method: 'POST', body: JSON.stringify(payload) });
  const body = await res.json();
  if (body.errcode !== 0) throw new Error(`errcode ${body.errcode}: ${body.errmsg}`);
  return body;
}

// (b) node-easywechat, out of the box except the base URL and where its file cache lives.
function easyWechatApp() {
  return new Work({
    corp_id: corpId,
    secret: corpSecret,
    token: 'bench-callback-token', // required keys of the Work config (callback side, unused here)
    aes_key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    http: { baseURL: `${base}/` },
    file_cache: { path: cacheDir },
  });
}
const ewFile = easyWechatApp().getClient();
async function ewCall(client) {
  const res = await client.postJson(`cgi-bin/${PATH}`, payload);
  const body = res.toObject();
  if (body.errcode !== 0) throw new Error(`errcode ${body.errcode}: ${body.errmsg}`);
  return body;
}

// (b') node-easywechat with an in-memory token cache (its CacheInterface: async get/has/set/delete).
class MemoryCache {
  constructor() {
    this.map = new Map();
  }
  async get(key) {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expires && e.expires < Date.now()) {
      this.map.delete(key);
      return null;
    }
    return e.data;
  }
  async has(key) {
    return (await this.get(key)) !== null;
  }
  async set(key, data = null, lifetime = 0) {
    this.map.set(key, { data, expires: lifetime > 0 ? Date.now() + lifetime * 1000 : 0 });
    return true;
  }
  async delete(key) {
    return this.map.delete(key);
  }
}
const ewMemApp = easyWechatApp();
ewMemApp.setCache(new MemoryCache());
const ewMem = ewMemApp.getClient();

// (c) this SDK.
const sdk = new WeComClient({ corpId, corpSecret, baseUrl: base });

const clients = [
  { key: 'raw', label: '(a) hand-written fetch + JSON', call: rawCall },
  { key: 'ew', label: '(b) node-easywechat 3.6.2 (default FileCache)', call: () => ewCall(ewFile) },
  { key: 'ewmem', label: "(b') node-easywechat 3.6.2 (in-memory cache)", call: () => ewCall(ewMem) },
  { key: 'sdk', label: '(c) wecom-external-contact WeComClient', call: () => sdk.getContactWay(payload) },
];

/** Runs `n` calls, `inFlight` at a time. */
async function runCalls(call, n, inFlight) {
  if (inFlight === 1) {
    for (let i = 0; i < n; i++) await call();
    return;
  }
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

/** Interleaved rounds of every client at one concurrency. */
async function measure(inFlight) {
  const results = new Map(clients.map((c) => [c.key, { cpu: [], rate: [], sockets: 0, tokens: 0 }]));
  for (const c of clients) await runCalls(c.call, WARMUP, inFlight); // warm-up: JIT, token, connections
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < clients.length; k++) {
      const c = clients[(k + r) % clients.length];
      const res = results.get(c.key);
      const before = (await mockStats()).gettoken;
      const sockets0 = sockets;
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await runCalls(c.call, CALLS, inFlight);
      const ns = Number(process.hrtime.bigint() - t0);
      const cpu = process.cpuUsage(cpu0);
      res.sockets += sockets - sockets0;
      res.cpu.push((cpu.user + cpu.system) / CALLS);
      res.rate.push(CALLS / (ns / 1e9));
      res.tokens += (await mockStats()).gettoken - before;
    }
  }
  return results;
}

function render(title, results) {
  const ref = median(results.get('raw').cpu);
  const rows = clients.map((c) => {
    const r = results.get(c.key);
    const cpu = median(r.cpu);
    return [
      c.label,
      fmt(cpu, 1),
      `${fmt(Math.min(...r.cpu), 1)}–${fmt(Math.max(...r.cpu), 1)}`,
      `${fmt(cpu / ref, 2)}×`,
      fmt(median(r.rate)),
      String(r.sockets),
      String(r.tokens),
    ];
  });
  console.log(`\n## ${title}\n`);
  console.log(
    table(['client', 'CPU µs/call (median)', 'CPU µs/call min–max', 'vs (a)', 'wall calls/s (median)', 'new TCP conns', 'gettoken calls'], rows),
  );
}

try {
  console.log(`# client: get_contact_way against the look-alike in a separate process\n`);
  console.log(`machine: ${await machineLine()}`);
  console.log(`package: ${await pkgLine()}`);
  console.log(`mock: ${base} (pid ${mockProcess.pid}); ${ROUNDS} interleaved rounds × ${CALLS} calls per client after ${WARMUP} warm-up calls`);
  console.log('CPU = process.cpuUsage() user+system of the bench process / calls; "new TCP conns" and "gettoken calls" are counted during the measured rounds only');
  const answer = await sdk.getContactWay(payload);
  console.log(`answer: ${JSON.stringify(answer).length} chars of JSON, contact_way.config_id=${answer.contact_way?.config_id}`);
  render('sequential (1 in flight)', await measure(1));
  render(`${CONCURRENCY} in flight`, await measure(CONCURRENCY));
} finally {
  stopMock();
}
