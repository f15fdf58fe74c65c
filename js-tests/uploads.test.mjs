// Uploads through the packed package (issue 12): media/upload, media/uploadimg and
// media/upload_attachment with a Buffer, a Uint8Array, an ArrayBuffer and a Blob against the
// look-alike; the size and extension limits refused before any request; validateUpload for
// forms; timeouts, aborts and the retry decision; no file bytes in logs.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import {
  validateUpload,
  WeComAbortError,
  WeComTimeoutError,
  WeComUsageError,
  WeComValidationError,
  WeComHttpError,
} from 'wecom-external-contact';
import { assertWeComError, clientFor, failure, memoryLogger, startMock } from './helpers.mjs';

let mock;
before(async () => {
  mock = await startMock();
});
after(() => mock.close());
beforeEach(() => mock.reset());

/** `n` bytes of a recognisable pattern (so a log line holding them would be easy to spot). */
function bytes(n, fill = 0x5a) {
  return new Uint8Array(n).fill(fill);
}

const MB = 1024 * 1024;

test('issue 12: uploadMedia sends a Node Buffer as multipart; the look-alike stores it in world.media', async () => {
  const client = clientFor(mock);
  const answer = await client.uploadMedia({ type: 'image', file: Buffer.from(bytes(2048)), filename: 'card.png' });
  assert.equal(answer.errcode, 0);
  assert.equal(answer.type, 'image');
  assert.equal(typeof answer.media_id, 'string');
  assert.match(answer.created_at, /^\d+$/);
  const stored = mock.world.media().find((m) => m.media_id === answer.media_id);
  assert.deepEqual([stored.type, stored.size, stored.filename], ['image', 2048, 'card.png']);
});

test('issue 12: uploadAttachment sends a Uint8Array; its kind and attachment_type go in the query', async () => {
  const client = clientFor(mock);
  const { media_id, type } = await client.uploadAttachment({
    media_type: 'video',
    attachment_type: 1,
    file: bytes(4096),
    filename: 'clip.MP4',
  });
  assert.equal(type, 'video');
  const stored = mock.world.media().find((m) => m.media_id === media_id);
  assert.deepEqual([stored.type, stored.size, stored.attachment_type], ['video', 4096, 1]);
});

test('issue 12: uploadImage sends a Blob (and uploadMedia an ArrayBuffer); a File-like name is used when no filename is given', async () => {
  const client = clientFor(mock);
  const { url } = await client.uploadImage({ file: new Blob([bytes(1000)], { type: 'image/jpeg' }), filename: 'banner.jpg' });
  assert.match(url, /^https:\/\//);
  const { media_id } = await client.uploadMedia({ type: 'file', file: bytes(10).buffer, filename: 'notes.txt' });
  assert.ok(mock.world.media().some((m) => m.media_id === media_id && m.size === 10));
  if (typeof File === 'function') {
    const file = new File([bytes(300)], 'photo.png', { type: 'image/png' });
    const answer = await client.uploadMedia({ type: 'image', file });
    assert.equal(mock.world.media().find((m) => m.media_id === answer.media_id).filename, 'photo.png');
  }
});

test('issue 12: a file over its size limit or of the wrong type is refused before any request', async () => {
  const client = clientFor(mock, { locale: 'en' });
  const big = await failure(() => client.uploadMedia({ type: 'voice', file: bytes(2 * MB + 1), filename: 'v.amr' }));
  assertWeComError(big, WeComValidationError, 'E_VALIDATION');
  assert.deepEqual(
    big.errors.map((e) => [e.path, e.rule]),
    [['/size', 'R-MD-03']],
  );
  assert.deepEqual(big.errors[0].params, { min: 6, max: 2 * MB, actual: 2 * MB + 1 });
  assert.match(big.errors[0].message, /bytes/);
  const gif = await failure(() => client.uploadImage({ file: bytes(100), filename: 'banner.gif' }));
  assert.deepEqual(gif.errors.map((e) => [e.path, e.rule]), [['/filename', 'R-MD-07']]);
  const tiny = await failure(() => client.uploadMedia({ type: 'file', file: bytes(5), filename: 'a.txt' }));
  assert.deepEqual(tiny.errors.map((e) => [e.path, e.rule]), [['/size', 'R-MD-05']]);
  const kind = await failure(() => client.uploadMedia({ type: 'thumb', file: bytes(100), filename: 'a.jpg' }));
  assert.deepEqual(kind.errors.map((e) => [e.path, e.rule]), [['/type', 'R-MD-01']]);
  const missing = await failure(() => client.uploadMedia({ type: 'image', filename: 'a.png' }));
  assert.deepEqual(missing.errors.map((e) => [e.path, e.rule]), [['/file', 'R-MD-06']]);
  const noName = await failure(() => client.uploadAttachment({ media_type: 'file', attachment_type: 2, file: bytes(100) }));
  assert.deepEqual(noName.errors.map((e) => [e.path, e.rule]), [['/filename', 'R-MD-06']]);
  const badType = await failure(() => client.uploadMedia({ type: 'file', file: 'not bytes', filename: 'a.txt' }));
  assertWeComError(badType, WeComUsageError, 'E_USAGE');
  assert.deepEqual(mock.stats().byPath, {}, 'nothing reached the look-alike, not even gettoken');
});

test('issue 12: validateUpload checks a form\'s file before it is sent (zh-CN and en)', () => {
  const ok = validateUpload('media/upload', { type: 'image', filename: 'a.PNG', size: 10 * MB });
  assert.deepEqual([ok.valid, ok.errors], [true, []]);
  const zh = validateUpload('media/upload', { type: 'image', filename: 'a.bmp', size: 10 * MB + 1 });
  assert.equal(zh.valid, false);
  assert.deepEqual(zh.errors.map((e) => [e.path, e.rule]), [['/size', 'R-MD-02'], ['/filename', 'R-MD-02']]);
  assert.match(zh.errors[1].message, /JPG/);
  assert.match(zh.errors[0].message, /字节/);
  const en = validateUpload('media/uploadimg', { filename: 'a.webp', size: 100 }, { locale: 'en' });
  assert.match(en.errors[0].message, /only JPG or PNG/);
  const att = validateUpload('/cgi-bin/media/upload_attachment', { media_type: 'image', attachment_type: 3, filename: 'a.png', size: 9 });
  assert.deepEqual(att.errors.map((e) => [e.path, e.rule]), [['/attachment_type', 'R-MD-09']]);
  assertWeComError(
    (() => {
      try {
        validateUpload('externalcontact/add_contact_way', {});
      } catch (e) {
        return e;
      }
    })(),
    WeComUsageError,
    'E_USAGE',
  );
});

test('issue 12: an upload times out and aborts like any call', async () => {
  const client = clientFor(mock);
  await client.getAccessToken();
  mock.inject({ path: 'media/upload', delayMs: 5000 });
  const slow = await failure(() => client.uploadMedia({ type: 'file', file: bytes(64), filename: 'a.txt' }, { timeoutMs: 50 }));
  assertWeComError(slow, WeComTimeoutError, 'E_TIMEOUT');
  mock.reset();
  const controller = new AbortController();
  mock.inject({ path: 'media/upload', delayMs: 5000 });
  const pending = client.uploadMedia({ type: 'file', file: bytes(64), filename: 'a.txt' }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  const aborted = await failure(() => pending);
  assertWeComError(aborted, WeComAbortError, 'E_ABORTED');
});

test('issue 12: media/upload is resent after a 502 (a second temporary id is harmless); uploadimg is not (each upload counts)', async () => {
  const client = clientFor(mock, { retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  mock.inject({ path: 'media/upload', status: 502, body: 'bad gateway' });
  const { media_id } = await client.uploadMedia({ type: 'file', file: bytes(64), filename: 'a.txt' });
  assert.ok(media_id);
  assert.equal(mock.stats().byPath['media/upload'], 2, 'the same body was sent again');
  assert.equal(mock.world.media().find((m) => m.media_id === media_id).size, 64);
  mock.inject({ path: 'media/uploadimg', status: 502, body: 'bad gateway' });
  const err = await failure(() => client.uploadImage({ file: bytes(64), filename: 'a.png' }));
  assert.ok(err instanceof WeComHttpError || err.code === 'E_OUTCOME_UNKNOWN', `${err.code}`);
  assert.equal(mock.stats().byPath['media/uploadimg'], 1);
});

test('issue 12: the log of an upload names the path, never the file bytes or the token', async () => {
  const logger = memoryLogger();
  const client = clientFor(mock, { logger });
  const marker = 'FILE-BYTES-MARKER';
  await client.uploadMedia({ type: 'file', file: new TextEncoder().encode(marker.repeat(10)), filename: 'a.txt' });
  const text = JSON.stringify(logger.lines);
  assert.ok(text.includes('media/upload'));
  assert.ok(!text.includes(marker));
  assert.ok(!text.includes(await client.getAccessToken()));
});

test('issue 12: the look-alike checks uploads like WeCom (type, size, file type, missing media) and media_ids live 3 days', async () => {
  const client = clientFor(mock);
  const token = await client.getAccessToken();
  const post = async (query, form, init = {}) => {
    const r = await fetch(`${mock.url}/cgi-bin/media/upload?access_token=${token}&${query}`, { method: 'POST', body: form, ...init });
    return r.json();
  };
  const form = (name, data) => {
    const f = new FormData();
    f.append('media', new Blob([data]), name);
    return f;
  };
  assert.equal((await post('type=thumb', form('a.jpg', bytes(100)))).errcode, 40004);
  assert.equal((await post('type=voice', form('v.mp3', bytes(100)))).errcode, 40005);
  assert.equal((await post('type=voice', form('v.amr', bytes(2 * MB + 1)))).errcode, 40006);
  assert.equal((await post('type=file', form('a.txt', bytes(5)))).errcode, 40006);
  assert.equal((await post('type=file', new FormData())).errcode, 41005);
  assert.equal((await post('type=file', 'x', { headers: { 'content-type': 'text/plain' } })).errcode, 41005);
  const ok = await post('type=file', form('a.txt', bytes(6)));
  assert.equal(ok.errcode, 0);
  assert.ok(mock.world.media().some((m) => m.media_id === ok.media_id));
  mock.advanceTime(3 * 24 * 3600 - 1);
  assert.ok(mock.world.media().some((m) => m.media_id === ok.media_id));
  mock.advanceTime(1);
  assert.ok(!mock.world.media().some((m) => m.media_id === ok.media_id), 'gone after 3 days');
});
