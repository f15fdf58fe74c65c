// Pagination from the declarations (issue 11): each paging endpoint's entry in the generated
// endpoint table says how it pages (`paging: { kind, request, response, items }`, from the Rust
// declaration in crates/wecom-core/src/endpoints.rs), so `client.pages` and `client.paginate`
// serve every such endpoint with no code of their own. Each page is one ordinary call of the
// client (token, validation, retries, typed errors, `{ signal, timeoutMs }` per page).
import { WeComUsageError } from './errors.js';
import { endpoints } from './generated.js';
import { officialPath } from './driver.js';

/** Cursors remembered to catch a loop: a cycle longer than this many pages is not noticed, memory stays bounded. */
const REMEMBERED = 100_000;

const paged = new Map(endpoints.filter((e) => e.paging).map((e) => [e.path, e.paging]));

/** The paging of `endpoint`, or a WeComUsageError naming the endpoints that page. */
function pagingOf(endpoint) {
  const paging = typeof endpoint === 'string' ? paged.get(officialPath(endpoint)) : undefined;
  if (paging === undefined) {
    const which = typeof endpoint === 'string' ? JSON.stringify(endpoint.slice(0, 200)) : `a ${typeof endpoint}`;
    throw new WeComUsageError(`${which} is not an endpoint that pages; these do: ${[...paged.keys()].join(', ')}`, {
      code: 'E_USAGE',
    });
  }
  return paging;
}

/** The next page's cursor from an answer, or undefined when the answer was the last page. */
function nextCursor(paging, answer) {
  const next = answer?.[paging.response];
  if (next === undefined || next === null || next === '') return undefined;
  if (paging.kind === 'offset' && !(Array.isArray(answer?.[paging.items]) && answer[paging.items].length > 0)) return undefined;
  return next;
}

/**
 * `page_id` paging after an answer without a cursor: the next page's payload (`page_id` one
 * higher), or undefined when the iteration is over (cursor mode, the last page, an empty page).
 * A next page that would reach WeCom's `page_id × page_size` bound is a WeComUsageError: past it
 * WeCom only pages by cursor, which an iteration started without `page_id` uses from the start.
 */
function nextPageId(paging, path, body, answer) {
  const cursor = body?.[paging.request];
  if ((cursor !== undefined && cursor !== null && cursor !== '') || answer?.[paging.last] === true) return undefined;
  const list = answer?.[paging.items];
  if (!(Array.isArray(list) && list.length > 0)) return undefined;
  const current = Number.isSafeInteger(body?.[paging.page]) && body[paging.page] >= 0 ? body[paging.page] : 0;
  const size = Number.isSafeInteger(body?.[paging.size]) && body[paging.size] > 0 ? body[paging.size] : paging.defaultSize;
  const following = current + 1;
  if (following * size >= paging.limit) {
    throw new WeComUsageError(
      `${path}: ${paging.page} × ${paging.size} would reach ${paging.limit}, past which WeCom only pages by ${paging.request}; start without ${paging.page} to page by ${paging.request}`,
      { code: 'E_USAGE' },
    );
  }
  return { ...body, [paging.page]: following };
}

/**
 * Every answer of a paging endpoint, first page first: `for await (const page of pages(client,
 * path, payload, options))`. The caller's payload is the first page's; each next page is the same
 * payload with the cursor of the previous answer. Stops at the empty cursor; a cursor that comes
 * back is a WeComUsageError `E_PAGINATION_LOOP` (never a loop).
 */
export async function* pages(client, endpoint, payload, options) {
  yield* answers(client, endpoint, pagingOf(endpoint), payload, options);
}

/** `pages` with the endpoint's paging already looked up. */
async function* answers(client, endpoint, paging, payload, options) {
  if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload))) {
    throw new WeComUsageError(`the payload of ${paging.request}-paged ${endpoint} must be an object`, { code: 'E_USAGE' });
  }
  const path = officialPath(endpoint);
  const seen = new Set();
  const key = (cursor) => `${typeof cursor}:${cursor}`;
  const remember = (cursor) => {
    seen.add(key(cursor));
    if (seen.size > REMEMBERED) seen.delete(seen.values().next().value);
  };
  if (payload?.[paging.request] !== undefined) remember(payload[paging.request]);
  let body = payload;
  for (;;) {
    const answer = await client.request(path, body, options);
    yield answer;
    const next = nextCursor(paging, answer);
    if (next === undefined) {
      if (paging.kind !== 'page_id') return;
      body = nextPageId(paging, path, body, answer);
      if (body === undefined) return;
      continue;
    }
    if (seen.has(key(next))) {
      throw new WeComUsageError(
        `${path} answered a ${paging.response} that this iteration had already used: stopping rather than looping`,
        { code: 'E_PAGINATION_LOOP', endpoint: path, field: paging.response },
      );
    }
    remember(next);
    body = { ...body, [paging.request]: next };
    // A cursor replaces the page number (doc 92124: 「如果使用该参数则无需填写page_id」).
    if (paging.kind === 'page_id') delete body[paging.page];
  }
}

/** Every item of every page (`paging.items` of each answer; an answer without it is an empty page). */
export async function* items(client, endpoint, payload, options) {
  const paging = pagingOf(endpoint);
  for await (const answer of answers(client, endpoint, paging, payload, options)) {
    const list = answer?.[paging.items];
    if (Array.isArray(list)) yield* list;
  }
}
