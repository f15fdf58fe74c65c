// Paging 100 000 customers from the look-alike (issue 11): this SDK's `client.paginate` over
// externalcontact/batch/get_by_user beside a hand-written fetch loop over the same server.
//   node js-tests/bench/paging.mjs                (run.sh step `paging`)
// Env: BENCH_CUSTOMERS (default 100000), BENCH_PAGING_ROUNDS (runs of each loop, default 3).
// Prints figures only; asserts nothing about timings (it does check that both loops saw the same
// follow relations — count and checksum — or the figures would compare different work).
//
// The look-alike runs in its own process (`mock/cli.mjs --seed 1 --customers N`), so its work
// and memory are not counted. Each loop runs in a fresh child process of this script, so that
// its peak RSS (process.resourceUsage().maxRSS) is its own; the child also samples the heap
// after a full collection (node --expose-gc) every 100th page, and the figures show it after the
// first tenth of the pages and at the end: constant memory means the two stay close however many
// pages there are (RSS alone also counts garbage V8 has not collected yet).
//  (a) hand-written: gettoken once, then fetch(POST batch/get_by_user?access_token=…) with
//      { userid_list, cursor, limit: 100 } + res.json() + errcode check, until next_cursor is ''
//  (b) this SDK: `for await (const c of client.paginate('externalcontact/batch/get_by_user',
//      { userid_list, limit: 100 }))` (validation, token cache, retries, loop guard per page)

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { envNumber, fmt, machineLine, median, pkgLine, pkgUrl, startMockProcess, table } from './harness.mjs';

const CUSTOMERS = envNumber('BENCH_CUSTOMERS', 100_000);
const ROUNDS = envNumber('BENCH_PAGING_ROUNDS', 3);
const PATH = 'externalcontact/batch/get_by_user';
const corpId = 'wwmockcorp0000001';
const corpSecret = 'mock-secret-0123456789';
const self = fileURLToPath(import.meta.url);

/** The follow users (≤ 100 per batch/get_by_user call: the bench takes the first 100). */
async function followUsers(base) {
  const token = (await (await fetch(`${base}/cgi-bin/gettoken?corpid=${corpId}&corpsecret=${corpSecret}`)).json()).access_token;
  const answer = await (await fetch(`${base}/cgi-bin/externalcontact/get_follow_user_list?access_token=${encodeURIComponent(token)}`)).json();
  if (answer.errcode !== 0) throw new Error(`get_follow_user_list: errcode ${answer.errcode}`);
  return answer.follow_user.slice(0, 100);
}

/**
 * What a loop saw, in constant memory (a set of 100 000 ids would be the bench's own growth):
 * the count and an order-independent checksum (the sum of a 32-bit FNV-1a hash of each
 * `external_userid/userid`), compared between the two loops.
 */
class Tally {
  size = 0;
  sum = 0;
  add(key) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    this.sum = (this.sum + (h >>> 0)) % 2 ** 32;
    this.size += 1;
  }
}

/** One loop, in this (child) process: prints one JSON line with its figures. */
async function child(kind, base) {
  const userids = await followUsers(base);
  const seen = new Tally();
  const heap = [];
  let pages = 0;
  const start = process.hrtime.bigint();
  const onPage = () => {
    pages += 1;
    if (pages % 100 === 0) {
      // What the loop retains: the heap right after a full collection (garbage is not growth).
      globalThis.gc();
      heap.push(process.memoryUsage().heapUsed);
    }
  };
  if (kind === 'hand') {
    const token = (await (await fetch(`${base}/cgi-bin/gettoken?corpid=${corpId}&corpsecret=${corpSecret}`)).json()).access_token;
    const url = `${base}/cgi-bin/${PATH}?access_token=${encodeURIComponent(token)}`;
    let cursor = '';
    for (;;) {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify({ userid_list: userids, cursor, limit: 100 }) });
      const body = await res.json();
      if (body.errcode !== 0) throw new Error(`errcode ${body.errcode}: ${body.errmsg}`);
      for (const c of body.external_contact_list) seen.add(`${c.external_contact.external_userid}/${c.follow_info.userid}`);
      onPage();
      if (!body.next_cursor) break;
      cursor = body.next_cursor;
    }
  } else {
    const { WeComClient } = await import(pkgUrl('index.mjs'));
    const client = new WeComClient({ corpId, corpSecret, baseUrl: base });
    let n = 0;
    for await (const c of client.paginate(PATH, { userid_list: userids, limit: 100 })) {
      seen.add(`${c.external_contact.external_userid}/${c.follow_info.userid}`);
      n += 1;
      if (n % 100 === 0) onPage();
    }
    pages = Math.ceil(n / 100);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const out = { kind, ms, items: seen.size, checksum: seen.sum, pages, maxRssKiB: process.resourceUsage().maxRSS, heap };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** Runs `node args…` to the end: its stdout. */
function run(args) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--expose-gc', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (chunk) => {
      out += chunk;
    });
    p.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`a ${args[2]} run exited ${code}`))));
    p.once('error', reject);
  });
}

async function main() {
  console.log(`paging bench: ${CUSTOMERS} customers from the look-alike, ${ROUNDS} runs of each loop\n${await machineLine()}\n${await pkgLine()}`);
  const { url: base, stop } = await startMockProcess(['--seed', '1', '--customers', String(CUSTOMERS)], { timeoutMs: 60_000 });
  const results = { hand: [], sdk: [] };
  try {
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const kind of r % 2 === 0 ? ['hand', 'sdk'] : ['sdk', 'hand']) {
        const out = await run([self, '--child', kind, base]);
        results[kind].push(JSON.parse(out.trim().split('\n').pop()));
      }
    }
  } finally {
    stop();
  }
  const { items: expected, checksum } = results.hand[0];
  for (const r of [...results.hand, ...results.sdk]) {
    if (r.items !== expected || r.checksum !== checksum) {
      throw new Error(`${r.kind} saw ${r.items} follow relations (checksum ${r.checksum}), the hand-written loop ${expected} (${checksum})`);
    }
  }
  const row = (label, rs, base) => {
    const ms = median(rs.map((r) => r.ms));
    const peak = median(rs.map((r) => r.maxRssKiB)) / 1024;
    const early = median(rs.map((r) => r.heap[Math.floor(r.heap.length / 10)] ?? r.heap[0] ?? 0)) / 2 ** 20;
    const late = median(rs.map((r) => r.heap.at(-1) ?? 0)) / 2 ** 20;
    return [label, `${fmt(ms / 1000, 2)} s`, base ? `${fmt(ms / base, 2)}×` : '1.00×', `${fmt(peak, 1)} MiB`, `${fmt(early, 1)} → ${fmt(late, 1)} MiB`];
  };
  const handMs = median(results.hand.map((r) => r.ms));
  console.log(`\n${expected} follow relations (customer × follower) in ${results.hand[0].pages} pages of 100; medians of ${ROUNDS} runs`);
  console.log(
    table(
      ['loop', 'time', 'vs hand-written', 'peak RSS', 'heap after GC at 10% → 100% of pages'],
      [row('hand-written fetch loop', results.hand), row('client.paginate (this SDK)', results.sdk, handMs)],
    ),
  );
}

if (process.argv[2] === '--child') {
  await child(process.argv[3], process.argv[4]);
} else {
  await main();
}
