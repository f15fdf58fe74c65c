// One "process" of the Redis multi-process test (redis.test.mjs): a WeComClient whose tokens
// live in Redis through the package's adapter. Reads commands from stdin, one JSON per line:
//   { "calls": n }  → n concurrent getFollowUserList calls; answers { ok, failed, token }
//   { "quit": true } → disconnects and exits
// Prints { "ready": true } once connected. argv: redisUrl mockUrl corpId corpSecret client
import { createInterface } from 'node:readline';
import { WeComClient } from 'wecom-external-contact';
import { createRedisTokenStore } from 'wecom-external-contact/redis-token-store';

const [redisUrl, baseUrl, corpId, corpSecret, which] = process.argv.slice(2);

async function connect() {
  if (which === 'ioredis') {
    const { default: Redis } = await import('ioredis');
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    return { redis, close: () => redis.quit() };
  }
  const { createClient } = await import('redis');
  const redis = createClient({ url: redisUrl });
  await redis.connect();
  return { redis, close: () => redis.quit() };
}

const { redis, close } = await connect();
const client = new WeComClient({ corpId, corpSecret, baseUrl, tokenStore: createRedisTokenStore(redis) });
const say = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
say({ ready: true, tokenKey: client.tokenKey });

for await (const line of createInterface({ input: process.stdin })) {
  const cmd = JSON.parse(line);
  if (cmd.quit) break;
  const results = await Promise.allSettled(Array.from({ length: cmd.calls }, () => client.getFollowUserList()));
  const failed = results.filter((r) => r.status === 'rejected').map((r) => `${r.reason?.code}: ${r.reason?.message}`);
  say({ ok: results.length - failed.length, failed, token: await client.getAccessToken() });
}
await close();
// stdin stays referenced after the loop; leave explicitly.
process.exit(0);
