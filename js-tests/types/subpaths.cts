// CommonJS-flavoured TypeScript (nodenext): `import x = require()` of the Node-only subpaths, typed by
// their .d.cts declarations. Must compile with no error (subpath-types.test.mjs); the same code runs.
import mockServer = require('wecom-external-contact/mock-server');
import redisStore = require('wecom-external-contact/redis-token-store');
import type { MockServer } from 'wecom-external-contact/mock-server';
import type { RedisCommand } from 'wecom-external-contact/redis-token-store';

async function useMock(): Promise<number> {
  const mock: MockServer = await mockServer.startMockServer({ followUsers: ['a'] });
  const total = mock.stats().total;
  await mock.close();
  return total;
}

const command: RedisCommand = async () => null;
const store = redisStore.createRedisTokenStore(command, { lock: false });

module.exports = { useMock, store };
