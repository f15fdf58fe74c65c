// TypeScript's node10 resolution (no "exports" support) finds the Node-only subpaths through their
// proxy directories (mock-server/package.json, redis-token-store/package.json). Must compile.
import { startMockServer } from 'wecom-external-contact/mock-server';
import type { MockServerOptions } from 'wecom-external-contact/mock-server';
import { createRedisTokenStore } from 'wecom-external-contact/redis-token-store';

const options: MockServerOptions = { port: 0 };
export const started = startMockServer(options);
export const store = createRedisTokenStore(async () => null);
