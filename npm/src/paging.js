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
    if (next === undefined) return;
    if (seen.has(key(next))) {
      throw new WeComUsageError(
        `${path} answered a ${paging.response} that this iteration had already used: stopping rather than looping`,
        { code: 'E_PAGINATION_LOOP', endpoint: path, field: paging.response },
      );
    }
    remember(next);
    body = { ...body, [paging.request]: next };
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
