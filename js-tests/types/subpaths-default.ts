// ESM (nodenext) default imports of the Node-only subpaths: neither module has a default export, so
// each marked line must fail with TS1192 (subpath-types.test.mjs). Issue 10: the old CJS-format
// declarations let these compile, and Node then threw "does not provide an export named 'default'".
import store from 'wecom-external-contact/redis-token-store'; // EXPECTED-ERROR
import mock from 'wecom-external-contact/mock-server'; // EXPECTED-ERROR

export const used = [store, mock];
