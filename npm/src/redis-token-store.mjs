// A tokenStore for WeComClient over Redis, so that several processes (cluster workers, pods)
// share one access_token and refresh it once: GET for the record, a script that SETs it with
// PX unless the stored one expires later, SET NX PX for the refresh lock, and a
// compare-and-delete script to release only a lock this process holds.
// Works with a connected node-redis (v4+) or ioredis client, or any `(args) => Promise` that
// sends one Redis command.
// Doc of the token: https://developer.work.weixin.qq.com/document/path/91039
import { randomBytes } from 'node:crypto';

// Deletes the lock only if it still holds this process's value (a lock that timed out and was
// taken by another process is left alone).
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

// Stores the record unless the stored one expires later: a process whose gettoken outlived its
// lock must not overwrite the newer token another process stored meanwhile (a token fetched
// later never expires earlier). ARGV: record JSON, its expiresAt, TTL ms.
const SET_UNLESS_NEWER = `
local cur = redis.call('get', KEYS[1])
if cur then
  local ok, rec = pcall(cjson.decode, cur)
  if ok and type(rec) == 'table' and tonumber(rec.expiresAt) and tonumber(rec.expiresAt) > tonumber(ARGV[2]) then
    return 0
  end
end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

/** `(args: string[]) => Promise<unknown>` for node-redis, ioredis, or a function given as is. */
function commandOf(redis) {
  if (typeof redis === 'function') return redis;
  // ioredis: call(command, ...args).
  if (redis && typeof redis.call === 'function') return (args) => redis.call(...args);
  // node-redis: sendCommand([command, ...args]).
  if (redis && typeof redis.sendCommand === 'function') return (args) => redis.sendCommand(args);
  throw new TypeError('createRedisTokenStore needs a connected node-redis or ioredis client, or an (args) => Promise command function');
}

function text(reply) {
  if (reply === null || reply === undefined) return null;
  return typeof reply === 'string' ? reply : String(reply);
}

/**
 * A `tokenStore` for `new WeComClient({ ..., tokenStore })` backed by Redis.
 * @param {unknown} redis a connected node-redis or ioredis client, or `(args) => Promise`
 * @param {{ lock?: boolean }} [options] `lock: false` drops the refresh lock (several processes
 *   may then fetch at once, which WeCom tolerates but counts against the gettoken limit)
 */
export function createRedisTokenStore(redis, options = {}) {
  const command = commandOf(redis);
  const store = {
    async get(key) {
      const value = text(await command(['GET', key]));
      return value === null ? null : JSON.parse(value);
    },
    async set(key, record, ttlMs) {
      const value = JSON.stringify({ accessToken: record.accessToken, expiresAt: record.expiresAt, refreshAt: record.refreshAt });
      const ttl = String(Math.max(1, Math.round(ttlMs)));
      await command(['EVAL', SET_UNLESS_NEWER, '1', key, value, String(record.expiresAt), ttl]);
    },
    async delete(key) {
      await command(['DEL', key]);
    },
  };
  if (options.lock !== false) {
    store.lock = async (key, ttlMs) => {
      const lockKey = `${key}:lock`;
      const owner = randomBytes(16).toString('hex');
      const taken = await command(['SET', lockKey, owner, 'NX', 'PX', String(Math.max(1, Math.round(ttlMs)))]);
      if (text(taken) !== 'OK') return null;
      return async () => {
        await command(['EVAL', RELEASE, '1', lockKey, owner]);
      };
    };
  }
  return store;
}
