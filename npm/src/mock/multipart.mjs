// A small, bounded multipart/form-data reader for the look-alike's upload endpoints (issue 12).
// The body was read with a size cap already (router.mjs: UPLOAD_MAX_BYTES); here at most
// MAX_PARTS parts with headers of at most MAX_HEADER_BYTES each are looked at, and nothing is
// copied: a part's content is a view of the body buffer. Bad input throws ApiError with the
// errcode WeCom answers (41005: no media data; 40058: a malformed form).

import { ApiError } from './errors.mjs';

/** Largest upload body the look-alike reads: WeCom's largest file (20 MB) plus the form's own bytes. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024 + 64 * 1024;
const MAX_PARTS = 16;
const MAX_HEADER_BYTES = 8 * 1024;

/** The boundary of a `multipart/form-data; boundary=…` content type, or `undefined`. */
export function boundaryOf(contentType) {
  if (typeof contentType !== 'string' || !/^\s*multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `name="…"` of a Content-Disposition header (quoted or bare), or `undefined`. */
function param(header, name) {
  const m = new RegExp(`;\\s*${name}=(?:"([^"]*)"|([^\\s;]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The parts of a multipart body: `[{ name, filename, contentType, content }]` (content: a
 * Buffer view). Throws ApiError 40058 for a body that is not a well-formed form.
 * @param {Buffer} body
 * @param {string | undefined} contentType
 */
export function parseMultipart(body, contentType) {
  const boundary = boundaryOf(contentType);
  if (boundary === undefined) throw new ApiError(41005, 'media data missing: the body must be multipart/form-data with a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = [];
  let at = body.indexOf(delimiter);
  if (at < 0) throw new ApiError(40058, 'invalid multipart body: no boundary line');
  for (;;) {
    const after = at + delimiter.length;
    // "--" after a delimiter ends the form.
    if (body[after] === 0x2d && body[after + 1] === 0x2d) return parts;
    if (body[after] !== 0x0d || body[after + 1] !== 0x0a) throw new ApiError(40058, 'invalid multipart body: bad boundary line');
    if (parts.length >= MAX_PARTS) throw new ApiError(40058, `invalid multipart body: more than ${MAX_PARTS} parts`);
    const headStart = after + 2;
    const headEnd = body.indexOf('\r\n\r\n', headStart);
    if (headEnd < 0 || headEnd - headStart > MAX_HEADER_BYTES) throw new ApiError(40058, 'invalid multipart body: part headers');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headEnd + 4);
    if (next < 0) throw new ApiError(40058, 'invalid multipart body: unterminated part');
    const headers = body.toString('utf8', headStart, headEnd).split('\r\n');
    const disposition = headers.find((h) => /^content-disposition\s*:/i.test(h)) ?? '';
    const type = headers.find((h) => /^content-type\s*:/i.test(h));
    parts.push({
      name: param(disposition, 'name'),
      filename: param(disposition, 'filename'),
      contentType: type === undefined ? undefined : type.slice(type.indexOf(':') + 1).trim(),
      content: body.subarray(headEnd + 4, next),
    });
    at = next + 2;
  }
}
