// The shared token store on a real Redis: Debian's redis-server started here on 127.0.0.1, the
// package's adapter (wecom-external-contact/redis-token-store) over node-redis and ioredis, and
// real Node processes (redis-worker.mjs) calling the local look-alike at the same moment.
import { test as nodeTest, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { createRedisTokenStore } from 'wecom-external-contact/redis-token-store';
import { WeComClient } from 'wecom-external-contact';
import { SECRET, startMock, closedPort, hits, FOLLOW } from './helpers.mjs';

const test = (name, fn) => nodeTest(name, { timeout: 30_000 }, fn);
const WORKER = fileURLToPath(new URL('./redis-worker.mjs', import.meta.url));

let mock;
let server;
let redisUrl;
let redis;

before(async () => {
  mock = await startMock();
  const port = await closedPort();
  redisUrl = `redis://127.0.0.1:${port}`;
  // No persistence, nothing outside this test's lifetime.
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const spawned = new Promise((resolve, reject) => {
    server.once('spawn', resolve);
    server.once('error', (e) => reject(new Error(`redis-server did not start (run npm/scripts/setup.sh): ${e.message}`)));
  });
  await spawned;
  redis = createClient({ url: redisUrl, socket: { reconnectStrategy: false } });
  redis.on('error', () => {});
  for (let i = 0; ; i++) {
    try {
      await redis.connect();
      break;
    } catch (e) {
      if (i > 100) throw e;
      await sleep(50);
      redis = createClient({ url: redisUrl, socket: { reconnectStrategy: false } });
      redis.on('error', () => {});
    }
  }
});

after(async () => {
  await redis?.quit();
  server?.kill();
  await mock?.close();
});

beforeEach(async () => {
  mock.reset();
  await redis.flushAll();
});

/** Starts a worker process and waits for its ready line. */
async function worker(which) {
  const child = spawn(process.execPath, [WORKER, redisUrl, mock.url, mock.corpId, SECRET, which], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const read = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`worker ${which} exited`);
    return JSON.parse(value);
  };
  const ready = await read();
  assert.equal(ready.ready, true);
  return {
    tokenKey: ready.tokenKey,
    /** Sends one command; the answer is read by `answer()`. */
    send: (cmd) => child.stdin.write(`${JSON.stringify(cmd)}\n`),
    answer: read,
    quit: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.write('{"quit":true}\n');
      const timer = setTimeout(() => child.kill(), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Both workers run `calls` concurrent calls at the same moment; returns their answers. */
async function together(workers, calls) {
  for (const w of workers) w.send({ calls });
  return Promise.all(workers.map((w) => w.answer()));
}

test('two processes (node-redis and ioredis), cold cache: exactly one gettoken in total', async () => {
  const workers = await Promise.all([worker('redis'), worker('ioredis')]);
  try {
    assert.equal(workers[0].tokenKey, workers[1].tokenKey);
    assert.ok(!workers[0].tokenKey.includes(SECRET));
    const answers = await together(workers, 100);
    for (const a of answers) assert.deepEqual(a.failed, []);
    assert.equal(answers[0].ok + answers[1].ok, 200);
    assert.equal(mock.stats().gettoken, 1, 'one gettoken across both processes');
    assert.equal(hits(mock, FOLLOW), 200);
    assert.equal(answers[0].token, answers[1].token);
    // The record in Redis, with a TTL until refresh; the lock is released.
    const stored = JSON.parse(await redis.get(workers[0].tokenKey));
    assert.equal(stored.accessToken, answers[0].token);
    const ttl = await redis.pTTL(workers[0].tokenKey);
    assert.ok(ttl > 6_000_000 && ttl <= 6_900_000, `ttl ${ttl}`);
    assert.equal(await redis.exists(`${workers[0].tokenKey}:lock`), 0);

    // WeCom revokes the token: both processes hit 40014 at once, one gettoken between them.
    mock.revokeTokens();
    const again = await together(workers, 50);
    for (const a of again) assert.deepEqual(a.failed, []);
    assert.equal(mock.stats().gettoken, 2, 'one refresh across both processes');
    assert.equal(again[0].token, again[1].token);
    assert.notEqual(again[0].token, answers[0].token);

    // A process started later takes the stored token: no gettoken.
    const late = await worker('redis');
    try {
      late.send({ calls: 5 });
      const a = await late.answer();
      assert.equal(a.ok, 5);
      assert.equal(a.token, again[0].token);
      assert.equal(mock.stats().gettoken, 2);
    } finally {
      await late.quit();
    }
  } finally {
    await Promise.all(workers.map((w) => w.quit()));
  }
});

test('the adapter: records with TTL, a lock only its holder releases', async () => {
  const store = createRedisTokenStore(redis);
  assert.equal(await store.get('k'), null);
  await store.set('k', { accessToken: 't', expiresAt: 2, refreshAt: 1 }, 60_000);
  assert.deepEqual(await store.get('k'), { accessToken: 't', expiresAt: 2, refreshAt: 1 });
  assert.ok((await redis.pTTL('k')) > 59_000);
  // An older record (a gettoken that outlived its lock) never replaces a newer one.
  await store.set('k', { accessToken: 'newer', expiresAt: 5, refreshAt: 4 }, 60_000);
  await store.set('k', { accessToken: 'older', expiresAt: 3, refreshAt: 2 }, 60_000);
  assert.equal((await store.get('k')).accessToken, 'newer');
  await store.set('k', { accessToken: 'newer', expiresAt: 5, refreshAt: 5 }, 60_000);
  assert.equal((await store.get('k')).refreshAt, 5, 'the same expiry may be rewritten');
  await redis.set('k', 'not json');
  await store.set('k', { accessToken: 't2', expiresAt: 1, refreshAt: 1 }, 60_000);
  assert.equal((await store.get('k')).accessToken, 't2', 'a garbled record is replaced');
  await store.delete('k');
  assert.equal(await store.get('k'), null);

  const release = await store.lock('k', 10_000);
  assert.equal(typeof release, 'function');
  assert.equal(await store.lock('k', 10_000), null, 'held');
  await release();
  const second = await store.lock('k', 50);
  assert.equal(typeof second, 'function');
  // The holder's lock times out and another process takes it: the old release leaves it alone.
  await sleep(80);
  const third = await store.lock('k', 10_000);
  assert.equal(typeof third, 'function');
  await second();
  assert.equal(await store.lock('k', 10_000), null, 'the third holder still has it');
  await third();
  assert.equal(await redis.exists('k:lock'), 0);

  // Without the lock option there is no lock method; a bad client is refused.
  assert.equal(createRedisTokenStore(redis, { lock: false }).lock, undefined);
  assert.throws(() => createRedisTokenStore({}), TypeError);
});

test('Redis down: calls still succeed on the in-process cache', async () => {
  // A command function that fails like a disconnected client does.
  const store = createRedisTokenStore(async () => {
    throw new Error('The client is closed');
  });
  const client = new WeComClient({ corpId: mock.corpId, corpSecret: SECRET, baseUrl: mock.url, tokenStore: store });
  await Promise.all([client.getFollowUserList(), client.getFollowUserList()]);
  assert.equal(mock.stats().gettoken, 1);
});
