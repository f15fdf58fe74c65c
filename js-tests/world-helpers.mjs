// Shared helpers of the look-alike world's tests (world-*.test.mjs): a direct WeCom-like HTTP
// caller (no SDK validation in between, so the look-alike's own checks answer) and SDK calls.
import assert from 'node:assert/strict';
import { endpoints } from 'wecom-external-contact';
import { startMock, clientFor } from './helpers.mjs';

/** Starts the look-alike (SECRET as corpSecret) with these options and returns it with a caller. */
export async function startWorld(options = {}) {
  const mock = await startMock(options);
  return { mock, wecom: await directCaller(mock), client: clientFor(mock) };
}

/**
 * Plain fetch calls with a token: `get(path, query)` and `post(path, body)` answer the parsed
 * JSON (errcode included), `raw(path, init)` the Response.
 */
export async function directCaller(mock) {
  const tokenAnswer = await (await fetch(`${mock.url}/cgi-bin/gettoken?corpid=${mock.corpId}&corpsecret=${encodeURIComponent(mock.corpSecret)}`)).json();
  assert.equal(tokenAnswer.errcode, 0);
  const token = tokenAnswer.access_token;
  const url = (path, query = {}) => `${mock.url}/cgi-bin/${path}?${new URLSearchParams({ access_token: token, ...query })}`;
  return {
    get: async (path, query) => (await fetch(url(path, query))).json(),
    post: async (path, body) => (await fetch(url(path), { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })).json(),
    raw: (path, init) => fetch(url(path), init),
  };
}

/** Asserts a WeCom answer's errcode (the message shows the errmsg when it differs). */
export function assertErrcode(answer, errcode, what = '') {
  assert.equal(answer.errcode, errcode, `${what} answered ${answer.errcode}: ${answer.errmsg}`);
}

const declared = new Map(endpoints.map((e) => [e.path, e]));

/**
 * One SDK call: the declared form `client.request(path, payload)` when the package declares the
 * endpoint (all of issue 11's are), else the raw form with the method the look-alike serves
 * (GET endpoints: the payload goes into the query).
 */
export function sdkCall(client, path, payload = {}, method = 'POST') {
  if (declared.has(path)) return client.request(path, payload);
  return method === 'GET'
    ? client.request({ method, path, query: payload })
    : client.request({ method, path, body: payload });
}

/** Every item of a paging endpoint, through the SDK's `client.paginate` (the declared items member). */
export async function everyItem(client, path, payload) {
  const out = [];
  for await (const item of client.paginate(path, payload)) out.push(item);
  return out;
}
