// The look-alike's uploads (issue 12): media/upload (doc 90253), media/uploadimg (doc 90256) and
// media/upload_attachment (doc 95098). A multipart body (multipart.mjs) is checked like WeCom does
// (media type, size and file type per type) and remembered in `world.media`
// (media_id → { type, size, filename, created_at, expires_at, attachment_type? }; 3 days on the
// look-alike's clock) or `world.imageUrls` (uploadimg's permanent URLs); the bytes themselves are
// not kept. `mediaOf(world, id, nowMs)` is what the message endpoints ask.

import { randomBytes } from 'node:crypto';
import { ApiError } from './errors.mjs';
import { parseMultipart } from './multipart.mjs';

const MB = 1024 * 1024;
/** How long a media_id lives (WeCom: 3 days). */
export const MEDIA_LIFE_MS = 3 * 24 * 3600 * 1000;
/** Most media remembered at once: the oldest is forgotten first past this. */
export const MAX_MEDIA = 10_000;

const PICTURES = ['.jpg', '.jpeg', '.png'];
/** media/upload: per type, the size limit and the file types (doc 90253). */
const MEDIA_LIMITS = {
  image: { max: 10 * MB, ext: PICTURES },
  voice: { max: 2 * MB, ext: ['.amr'] },
  video: { max: 10 * MB, ext: ['.mp4'] },
  file: { max: 20 * MB, ext: [] },
};
/** media/upload_attachment: per media_type (doc 95098). */
const ATTACHMENT_LIMITS = {
  image: { max: 10 * MB, ext: PICTURES },
  video: { max: 10 * MB, ext: ['.mp4'] },
  file: { max: 20 * MB, ext: [] },
};
/** media/uploadimg (doc 90256): 5 B – 2 MB, JPG/PNG. */
const IMAGE_URL_LIMIT = { max: 2 * MB, ext: PICTURES };

/** The `media` part of an upload: 41005 when there is none, 44001 when it is empty. */
function mediaPart(ctx) {
  const part = parseMultipart(ctx.raw, ctx.contentType).find((p) => p.name === 'media');
  if (part === undefined || part.filename === undefined) throw new ApiError(41005, 'media data missing');
  if (part.content.length === 0) throw new ApiError(44001, 'empty media file');
  return part;
}

/** 40006 for a size outside (5 B, max]; 40005 for a file name outside the allowed types. */
function checkFile(part, limit) {
  const size = part.content.length;
  if (size <= 5 || size > limit.max) throw new ApiError(40006, `invalid file size: ${size} bytes, the limit is 6 to ${limit.max}`);
  const name = part.filename.toLowerCase();
  if (limit.ext.length > 0 && !limit.ext.some((x) => name.endsWith(x))) {
    throw new ApiError(40005, `invalid file type: ${limit.ext.join('/')} only`);
  }
  return size;
}

/** Forgets expired media, then the oldest while the map is full. */
function makeRoom(world, nowMs) {
  for (const [id, m] of world.media) {
    if (m.expires_at <= nowMs) world.media.delete(id);
  }
  while (world.media.size >= MAX_MEDIA) {
    const oldest = world.media.keys().next().value;
    world.media.delete(oldest);
  }
}

/** Stores an upload: its new media_id. */
function remember(world, nowMs, entry) {
  makeRoom(world, nowMs);
  const id = `3${randomBytes(30).toString('base64url')}`;
  world.media.set(id, { ...entry, created_at: Math.floor(nowMs / 1000), expires_at: nowMs + MEDIA_LIFE_MS });
  return id;
}

/**
 * The stored media `id` while it lives (3 days on the clock), else `undefined` (unknown or
 * expired: WeCom answers 40007 invalid media_id).
 */
export function mediaOf(world, id, nowMs) {
  const m = typeof id === 'string' ? world.media?.get(id) : undefined;
  if (m === undefined) return undefined;
  if (m.expires_at <= nowMs) {
    world.media.delete(id);
    return undefined;
  }
  return m;
}

/** media/upload: `?type=` image | voice | video | file (40004 otherwise). */
function upload(ctx) {
  const type = ctx.query.get('type');
  const limit = Object.hasOwn(MEDIA_LIMITS, type ?? '') ? MEDIA_LIMITS[type] : undefined;
  if (limit === undefined) throw new ApiError(40004, 'invalid media type');
  const part = mediaPart(ctx);
  const size = checkFile(part, limit);
  const nowMs = ctx.env.clock.now();
  const media_id = remember(ctx.env.world, nowMs, { type, size, filename: part.filename });
  return { type, media_id, created_at: String(Math.floor(nowMs / 1000)) };
}

/** media/uploadimg: a permanent URL for a JPG/PNG of at most 2 MB. */
function uploadImg(ctx) {
  const part = mediaPart(ctx);
  const size = checkFile(part, IMAGE_URL_LIMIT);
  const world = ctx.env.world;
  if (world.imageUrls.size >= MAX_MEDIA) world.imageUrls.delete(world.imageUrls.keys().next().value);
  const url = `https://wework.qpic.cn/wwpic/${randomBytes(18).toString('hex')}/0`;
  world.imageUrls.set(url, { size, filename: part.filename, created_at: Math.floor(ctx.env.clock.now() / 1000) });
  return { url };
}

/** media/upload_attachment: `?media_type=` image | video | file, `&attachment_type=` 1 | 2. */
function uploadAttachment(ctx) {
  const type = ctx.query.get('media_type');
  const limit = Object.hasOwn(ATTACHMENT_LIMITS, type ?? '') ? ATTACHMENT_LIMITS[type] : undefined;
  if (limit === undefined) throw new ApiError(40004, 'invalid media type');
  const attachment = ctx.query.get('attachment_type');
  if (attachment !== '1' && attachment !== '2') throw new ApiError(40058, 'invalid attachment_type: 1 moments, 2 product albums');
  const part = mediaPart(ctx);
  const size = checkFile(part, limit);
  const nowMs = ctx.env.clock.now();
  const entry = { type, size, filename: part.filename, attachment_type: Number(attachment) };
  const media_id = remember(ctx.env.world, nowMs, entry);
  return { type, media_id, created_at: String(Math.floor(nowMs / 1000)) };
}

/** The upload handlers (multipart bodies: the router passes `raw` and `contentType`). */
export const MEDIA_HANDLERS = [
  ['media/upload', upload],
  ['media/uploadimg', uploadImg],
  ['media/upload_attachment', uploadAttachment],
];
