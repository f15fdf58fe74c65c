// Types of `wecom-external-contact/redis-token-store` for `import` (redis-token-store.mjs).
// redis-token-store.d.cts is the same for `require` (redis-token-store.cjs): keep them in step.
// Named export only: there is no default export, in the .mjs or the .cjs.
import type { TokenStore } from './index.mjs';

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
