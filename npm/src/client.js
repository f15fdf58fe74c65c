// The public WeComClient: a JS object that keeps its (checked) options and an engine-side
// client built from them (see bound.js). When the engine it lived in is retired after a
// failure, the next call builds a new engine-side client on the fresh engine from the same
// options: only the in-memory token cache is lost (a tokenStore still has the token). Every
// decision stays the engine's.
import { WeComUsageError } from './errors.js';
import { EngineBound } from './bound.js';
import { engineFailure, engineLoaded, ready } from './engine.js';
import { items, pages } from './paging.js';

function freedError() {
  return new WeComUsageError('this client was freed (client.free()); create a new one', { code: 'E_USAGE' });
}

/** Calls WeCom: validates, adds the cached token, sends with fetch, resolves with the JSON answer. */
export class WeComClient {
  #bound;
  #freed = false;
  /** Calls in flight: `free()` waits for them before it releases the engine-side client. */
  #inflight = 0;

  /**
   * Options are checked by the engine (`E_CONFIG`): here when the engine is available (Node, or
   * after `ready()`), else by the first call, which loads it. A shallow copy is kept for rebuilds.
   */
  constructor(options) {
    const copy = options !== null && typeof options === 'object' ? { ...options } : options;
    this.#bound = new EngineBound((glue) => new glue.WeComClient(copy));
  }

  #live() {
    if (this.#freed) throw freedError();
    return this.#bound.live();
  }

  /**
   * `request(endpoint, payload, { signal, timeoutMs })`, or the raw form
   * `request({ method, path, query, body, idempotent }, { signal, timeoutMs })`.
   */
  request(endpoint, payload, options) {
    return this.#async((inner, engine) => engine.request(inner, endpoint, payload, options));
  }

  /**
   * Every answer of a paging endpoint, as an async iterator: `for await (const page of
   * client.pages('externalcontact/list_contact_way', { limit: 100 }, { signal, timeoutMs }))`.
   * Each page is one call like `request`; iteration stops at the empty cursor, and a cursor that
   * comes back rejects with WeComUsageError `E_PAGINATION_LOOP`.
   */
  pages(endpoint, payload, options) {
    return pages(this, endpoint, payload, options);
  }

  /** Every item of every page of a paging endpoint, as an async iterator (see `pages`). */
  paginate(endpoint, payload, options) {
    return items(this, endpoint, payload, options);
  }

  /** The cached (or stored) token, or a fresh one; `forceRefresh` fetches a new one. */
  getAccessToken(options) {
    return this.#async((inner) => inner.getAccessToken(options));
  }

  /** Forgets the token here and, if it is the same token, in the tokenStore. */
  invalidateToken() {
    return this.#async((inner) => inner.invalidateToken());
  }

  /**
   * `fn(inner, engine)` → a promise; counted while in flight, engine failures sorted out. The
   * first call loads the engine (without blocking) when nothing has yet.
   */
  #async(fn) {
    if (!engineLoaded()) {
      if (this.#freed) return Promise.reject(freedError());
      return ready().then(() => this.#async(fn));
    }
    let engine;
    let promise;
    try {
      let inner;
      [engine, inner] = this.#live();
      promise = fn(inner, engine);
    } catch (err) {
      return Promise.reject(engine ? engineFailure(engine, err) : err);
    }
    this.#inflight += 1;
    return promise.then(
      (value) => {
        this.#settled();
        return value;
      },
      (err) => {
        this.#settled();
        throw engineFailure(engine, err);
      },
    );
  }

  #settled() {
    this.#inflight -= 1;
    if (this.#freed && this.#inflight === 0) this.#bound.release();
  }

  #get(fn) {
    if (this.#freed) throw freedError();
    return this.#bound.call(fn);
  }

  /** The tokenStore key: prefix + corpId + ':' + a hash of the secret. */
  get tokenKey() {
    return this.#get((inner) => inner.tokenKey);
  }

  /** The corp id (never the secret). */
  get corpId() {
    return this.#get((inner) => inner.corpId);
  }

  /** The base URL in use. */
  get baseUrl() {
    return this.#get((inner) => inner.baseUrl);
  }

  /** Releases the engine-side memory now (after the calls in flight), not at garbage collection. */
  free() {
    if (this.#freed) return;
    this.#freed = true;
    if (this.#inflight === 0) this.#bound.release();
  }
}

/** Adds one method per declared endpoint (`addContactWay(payload, options)` …). */
export function addEndpointMethods(table) {
  const proto = WeComClient.prototype;
  for (const e of table) {
    if (!e.jsName || Object.prototype.hasOwnProperty.call(proto, e.jsName)) continue;
    const path = e.path;
    const method = {
      [e.jsName](payload, options) {
        return this.request(path, payload, options);
      },
    }[e.jsName];
    Object.defineProperty(proto, e.jsName, { value: method, writable: true, configurable: true });
  }
}
