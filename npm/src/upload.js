// Uploads (issue 12): the endpoints whose declaration has a multipart body (`multipart(…)` in
// crates/wecom-core/src/endpoints.rs; `endpoints[i].multipart` in the generated table). Here, in
// plain JS and before anything reaches the engine: the file's description `{ <kind>, filename,
// size }` is validated like any payload plus the declared file limits (size per media type,
// allowed extensions), and the multipart body is built around the caller's file. The engine only
// sees the description (it puts the kind in the query string and leaves the file's name and size
// out); the bytes never enter wasm memory and are never logged.
import { WeComUsageError } from './errors.js';
import { validationError } from './checked.js';
import { endpoints, validate } from './generated.js';
import { payloadText } from './payload.js';

/** Declared uploads: path → the declaration's `multipart` entry. */
const uploads = new Map(endpoints.filter((e) => e.multipart).map((e) => [e.path, e.multipart]));

/** The upload declaration of `path` (an official path), or `undefined`. */
export function uploadOf(path) {
  return uploads.size === 0 ? undefined : uploads.get(path);
}

const ENGLISH = /^\s*en/i;

function usage(message) {
  return new WeComUsageError(message, { code: 'E_USAGE' });
}

/** The byte size of an upload's `file`, or `undefined` when it is not a supported file. */
function sizeOf(file) {
  if (typeof Blob !== 'undefined' && file instanceof Blob) return file.size;
  // An ArrayBuffer of another realm (an iframe, jsdom) is not `instanceof` this one's.
  if (file instanceof ArrayBuffer || Object.prototype.toString.call(file) === '[object ArrayBuffer]') return file.byteLength;
  if (ArrayBuffer.isView(file)) return file.byteLength;
  return undefined;
}

/** The issues of one file against the declared limits (after the model's own checks). */
function fileIssues(upload, description, en) {
  const out = [];
  const kind = upload.kind === null ? null : description[upload.kind];
  const limit = upload.files.find((f) => f.kind === null || f.kind === kind);
  if (limit === undefined) {
    if (upload.kind !== null && typeof kind === 'string') {
      out.push({ path: `/${upload.kind}`, rule: upload.kindRule, message: en ? upload.kindEn : upload.kindZh, params: {} });
    }
    return out;
  }
  const size = description.size;
  if (Number.isSafeInteger(size) && size >= 0 && (size < limit.min || size > limit.max)) {
    const message = en
      ? `the file must be ${limit.min} to ${limit.max} bytes, got ${size}`
      : `文件大小必须在 ${limit.min} 到 ${limit.max} 字节之间，实际为 ${size}`;
    out.push({ path: '/size', rule: limit.rule, message, params: { min: limit.min, max: limit.max, actual: size } });
  }
  const name = description.filename;
  if (typeof name === 'string' && name !== '' && limit.ext.length > 0) {
    const lower = name.toLowerCase();
    if (!limit.ext.some((x) => lower.endsWith(x))) {
      out.push({ path: '/filename', rule: limit.rule, message: en ? limit.en : limit.zh, params: {} });
    }
  }
  return out;
}

/**
 * `validateUpload(endpoint, { <kind>, filename, size }, { locale, strict })` → the report of
 * `validate` plus the file limits of the declaration (errors), e.g. for a form before a file is
 * sent. E_USAGE for an endpoint that is not an upload.
 */
export function validateUpload(endpoint, description, options) {
  const report = validate(endpoint, description, options);
  const path = typeof endpoint === 'string' ? endpoint.replace(/^\/+/, '').replace(/^cgi-bin\//, '') : endpoint;
  const upload = uploadOf(path);
  if (upload === undefined) throw usage(`${String(path)} is not an upload endpoint (media/upload, media/uploadimg, media/upload_attachment)`);
  if (description === null || typeof description !== 'object') return report;
  const en = ENGLISH.test(String(options?.locale ?? ''));
  for (const issue of fileIssues(upload, description, en)) {
    if (report.errors.length + report.warnings.length >= 100) {
      report.truncated = true;
      break;
    }
    report.errors.push(issue);
  }
  report.valid = report.errors.length === 0;
  return report;
}

/** `"…"` for a multipart header: quotes and line breaks percent-encoded (as browsers do). */
function quoted(text) {
  return `"${text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/** A boundary no file is likely to hold (random; checked against nothing: 30 random characters). */
function boundary() {
  let b = '----WeComUpload';
  while (b.length < 45) b += Math.random().toString(36).slice(2);
  return b.slice(0, 45);
}

/**
 * An upload call's checked parts: `[text, warnings, body, headers]` — the description's JSON for
 * the engine, the validation warnings, and the multipart body (a Blob around the caller's file)
 * with its content type. Throws WeComValidationError (nothing is sent) or E_USAGE.
 */
export function checkedUpload(path, upload, payload, locale, strict) {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw usage(`${path}: pass { ${upload.kind ? `${upload.kind}, ` : ''}file, filename }`);
  }
  const { file, ...rest } = payload;
  const size = sizeOf(file);
  if (file !== undefined && file !== null && size === undefined) {
    throw usage(`${path}: file must be a Blob, File, ArrayBuffer, Uint8Array or Buffer`);
  }
  if (rest.filename === undefined && typeof file?.name === 'string') rest.filename = file.name;
  if (size !== undefined) rest.size = size;
  const text = payloadText(rest);
  const report = validateUpload(path, JSON.parse(text), { locale, strict });
  if (size === undefined) {
    // No file: its size is not missing on its own, the file is.
    report.errors = report.errors.filter((e) => e.path !== '/size');
    const message = ENGLISH.test(String(locale ?? '')) ? 'is required and must not be empty' : '必填，不能为空';
    report.errors.unshift({ path: '/file', rule: 'R-MD-06', message, params: {} });
    report.valid = false;
  }
  if (!report.valid) throw validationError(path, report);
  const b = boundary();
  const name = String(rest.filename);
  const type = typeof file.type === 'string' && file.type !== '' ? file.type : 'application/octet-stream';
  const head =
    `--${b}\r\nContent-Disposition: form-data; name=${quoted(upload.field)}; filename=${quoted(name)}; filelength=${size}\r\n` +
    `Content-Type: ${type.replace(/[\r\n]/g, '')}\r\n\r\n`;
  const body = new Blob([head, file, `\r\n--${b}--\r\n`]);
  return [text, report.warnings, body, { 'content-type': `multipart/form-data; boundary=${b}` }];
}
