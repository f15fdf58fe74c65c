// Issue 11: the look-alike routes from the SDK's declarations. Imports the built look-alike
// (pkg/mock: its handler map, router and the copy of the generated endpoint table), so run it
// from the repository root after npm/scripts/build.sh: node --test js-tests/mock-routing.test.mjs
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints } from '../pkg/mock/endpoint-table.mjs';
import { HANDLERS } from '../pkg/mock/handlers.mjs';
import { ROUTES, buildRoutes } from '../pkg/mock/router.mjs';

const declared = new Map(endpoints.map((e) => [e.path, e]));

describe('issue 11: routing from the declarations', () => {
  test('every declared endpoint has a handler', () => {
    const missing = endpoints.map((e) => e.path).filter((p) => !HANDLERS.has(p));
    assert.deepEqual(missing, [], 'declared endpoints the look-alike does not serve');
  });

  test('every handler has a declared endpoint', () => {
    const orphans = [...HANDLERS.keys()].filter((p) => !declared.has(p));
    assert.deepEqual(orphans, [], 'handlers of endpoints the SDK does not declare');
  });

  test('issue 12: all 90 declared endpoints are routed (issue 11\'s 52 and issue 12\'s 38)', () => {
    assert.equal(endpoints.length, 90);
    assert.deepEqual([...ROUTES.keys()].sort(), endpoints.map((e) => e.path).sort());
  });

  test('issue 12: exactly the declared uploads are routed as multipart', () => {
    const multipart = [...ROUTES].filter(([, r]) => r.multipart).map(([p]) => p).sort();
    assert.deepEqual(multipart, endpoints.filter((e) => e.multipart).map((e) => e.path).sort());
    assert.deepEqual(multipart, ['media/upload', 'media/upload_attachment', 'media/uploadimg']);
  });

  test('each route takes the declared method; only gettoken needs no token', () => {
    for (const [path, route] of ROUTES) {
      const endpoint = declared.get(path);
      if (!endpoint) continue;
      assert.equal(route.method, endpoint.method, path);
      assert.equal(route.public, path === 'gettoken', path);
    }
    assert.equal(ROUTES.size, HANDLERS.size);
  });

  test('buildRoutes: the declaration decides the method; a handler nobody declares is not routed', () => {
    const handler = () => ({});
    const routes = buildRoutes(
      [{ path: 'a/declared', method: 'GET', jsName: 'aDeclared' }, { path: 'gettoken', method: 'GET', jsName: null }],
      new Map([['a/declared', handler], ['gettoken', handler], ['not/declared/anywhere', handler]]),
    );
    assert.deepEqual([...routes.keys()], ['a/declared', 'gettoken']);
    assert.equal(routes.get('a/declared').method, 'GET');
    assert.equal(routes.get('a/declared').public, false);
    assert.equal(routes.get('gettoken').public, true);
  });
});
