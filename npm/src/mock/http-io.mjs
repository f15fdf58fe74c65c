// Low-level HTTP plumbing: CORS headers, request-target parsing, bounded
// body reading and safe response writing (never throws on a dead socket).

/** Largest request body the mock server accepts (1 MiB, like WeCom); larger → errcode 40206. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Beyond this many bytes the mock stops draining a too-large body and closes the connection. */
const HARD_DRAIN_LIMIT = 16 * MAX_BODY_BYTES;

/**
 * CORS headers of WeCom API answers (/cgi-bin/...), so pages served from another origin can
 * call the look-alike. The /__mock admin API sends its own, stricter headers (admin-guard.mjs).
 * @returns {Record<string, string>}
 */
export function corsHeaders() {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Requested-With',
    'Access-Control-Max-Age': '600',
  };
}

/**
 * Answers a CORS preflight (OPTIONS) request to a WeCom API path with HTTP 204.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function sendPreflight(req, res) {
  const headers = corsHeaders();
  const asked = req.headers['access-control-request-headers'];
  if (typeof asked === 'string' && asked.length > 0 && asked.length <= 1024) {
    headers['Access-Control-Allow-Headers'] = asked;
  }
  if (req.headers['access-control-request-private-network'] === 'true') {
    headers['Access-Control-Allow-Private-Network'] = 'true';
  }
  headers['Content-Length'] = '0';
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(204, headers);
  res.end();
  req.resume();
}

/**
 * Splits a raw request target (`/cgi-bin/gettoken?corpid=x`) into its path and query.
 * Never throws, whatever the input.
 * @param {string | undefined} rawUrl
 * @returns {{ pathname: string, query: URLSearchParams }}
 */
export function parseTarget(rawUrl) {
  const raw = typeof rawUrl === 'string' ? rawUrl : '/';
  const q = raw.indexOf('?');
  const pathname = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? '' : raw.slice(q + 1);
  return { pathname: pathname || '/', query: new URLSearchParams(search) };
}

/**
 * The peer address without the IPv4-mapped IPv6 prefix.
 * @param {import('node:http').IncomingMessage} req
 * @returns {string}
 */
export function clientIp(req) {
  const ip = req.socket?.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/**
 * @typedef {object} BodyResult
 * @property {Buffer} buffer The body (empty when too large or aborted).
 * @property {boolean} tooLarge The body exceeded `limit` bytes (its bytes were discarded).
 * @property {boolean} aborted The client went away; nothing should be answered.
 * @property {boolean} closeAfter The connection must be closed after answering.
 */

/**
 * Reads a request body while keeping memory bounded: at most `limit` bytes are
 * kept; extra bytes are drained and discarded, and past a hard limit the
 * connection is marked for closing. Never rejects.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<BodyResult>}
 */
export function readBody(req, limit = MAX_BODY_BYTES) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      req.off('close', onAbort);
      resolve(result);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
      } else if (chunks.length > 0) {
        chunks.length = 0; // drop what was kept; the body is rejected anyway
      }
      if (size > Math.max(HARD_DRAIN_LIMIT, limit)) {
        req.pause();
        finish({ buffer: Buffer.alloc(0), tooLarge: true, aborted: false, closeAfter: true });
      }
    };
    const onEnd = () => {
      const tooLarge = size > limit;
      finish({
        buffer: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks, size),
        tooLarge,
        aborted: false,
        closeAfter: false,
      });
    };
    const onAbort = () => finish({ buffer: Buffer.alloc(0), tooLarge: false, aborted: true, closeAfter: true });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > Math.max(HARD_DRAIN_LIMIT, limit)) {
      // Too big to even drain: answer at once and close the connection afterwards.
      finish({ buffer: Buffer.alloc(0), tooLarge: true, aborted: false, closeAfter: true });
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
    req.on('close', onAbort); // fires after 'end' on a normal request; then it is a no-op
    if (req.readableEnded) onEnd();
  });
}

/**
 * @typedef {object} SendOptions
 * @property {boolean} [close] `true` sends `Connection: close`.
 * @property {Record<string, string>} [cors] Headers sent instead of {@link corsHeaders} (the admin API's).
 */

/**
 * Writes a raw response with CORS headers. Does nothing when the response is
 * already finished or the socket is gone.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status HTTP status.
 * @param {string} contentType Content-Type header value.
 * @param {string} body Response body.
 * @param {SendOptions} [opts]
 */
export function sendRaw(res, status, contentType, body, { close = false, cors = corsHeaders() } = {}) {
  if (res.writableEnded || res.destroyed || res.headersSent) return;
  const payload = Buffer.from(body, 'utf8');
  const headers = {
    ...cors,
    'Content-Type': contentType,
    'Content-Length': String(payload.length),
    'Cache-Control': 'no-store',
  };
  if (close) headers.Connection = 'close';
  res.writeHead(status, headers);
  res.end(payload);
}

/**
 * Writes a JSON response (`application/json; charset=UTF-8`) with CORS headers.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status HTTP status.
 * @param {unknown} value Value to serialise.
 * @param {SendOptions} [opts]
 */
export function sendJson(res, status, value, opts) {
  sendRaw(res, status, 'application/json; charset=UTF-8', JSON.stringify(value), opts);
}
