// Types of `wecom-external-contact/redis-token-store` for `require` (redis-token-store.cjs, whose
// module.exports is `{ createRedisTokenStore }`). redis-token-store.d.mts is the same for `import`:
// keep them in step.
import type { TokenStore } from './index.cjs';

/** Sends one Redis command, e.g. `['SET', key, value, 'PX', '1000']`. */
export type RedisCommand = (args: string[]) => Promise<unknown>;

/**
 * A `tokenStore` for `new WeComClient({ ..., tokenStore })` backed by Redis: one token per
 * corpId + secret hash shared by every process, refreshed once under a `SET NX PX` lock.
 * @param redis a connected node-redis (v4+) or ioredis client, or a command function
 * @param options `lock: false` drops the refresh lock
 */
export declare function createRedisTokenStore(
  redis: { sendCommand(args: string[]): Promise<unknown> } | { call(...args: string[]): Promise<unknown> } | RedisCommand,
  options?: { lock?: boolean },
): TokenStore;
