// CallbackCrypto.decrypt without per-string copies through the glue: the four inputs are written
// as UTF-8 straight into a wasm buffer (one TextEncoder.encodeInto each), then one engine call
// verifies and decrypts. Anything that is not four strings goes to the engine's own decrypt,
// which owns the usage errors (and checks sizes before it copies anything).
//
// Sizes are checked here, before any wasm memory is reserved: a body over MAX_INPUT_BYTES or a
// signature, timestamp or nonce over MAX_PARAM_BYTES is refused with E_CALLBACK_TOO_LARGE, so the
// buffer never grows past about 2 MiB, and after a large (allowed) input it is given back.
import { WeComCallbackError } from './errors.js';

/** The largest callback body, `echostr`, or message to encrypt, in UTF-8 bytes (the core's `MAX_INPUT_BYTES`). */
export const MAX_INPUT_BYTES = 1 << 20;
/** The largest `msg_signature`, `timestamp` or `nonce`, in UTF-8 bytes (the core's `MAX_PARAM_BYTES`). */
export const MAX_PARAM_BYTES = 1 << 10;
/** Above this size the I/O buffer is released after each use. */
const IO_KEEP = 64 * 1024;

/**
 * The UTF-8 size of `text` when it is at most `limit` bytes, else -1; never encodes. A UTF-16 unit
 * takes 1 to 3 bytes (a surrogate pair 4 for 2 units, a lone surrogate 3 as U+FFFD), so the
 * length decides alone unless it lies between limit / 3 and limit.
 * @param {string} text
 * @param {number} limit
 * @returns {number}
 */
export function utf8Within(text, limit) {
  const units = text.length;
  if (units > limit) return -1;
  if (3 * units <= limit) return 3 * units; // an upper bound: enough to reserve
  let bytes = 0;
  for (let i = 0; i < units; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < units && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return -1;
  }
  return bytes;
}

/** The error for an input over its limit. */
export function tooLarge(what, limit) {
  return new WeComCallbackError(`input too large: ${what} is over ${limit} bytes`, { code: 'E_CALLBACK_TOO_LARGE' });
}

/** Replaces `wasm.CallbackCrypto.prototype.decrypt` (`wasm`: the wasm-bindgen glue namespace). */
export function installFastDecrypt(wasm, env) {
  const memory = wasm.__memory();
  const encoder = new (env?.TextEncoder ?? TextEncoder)();
  const receiveIds = new WeakMap();
  const original = wasm.CallbackCrypto.prototype.decrypt;
  let view = new Uint8Array(0);
  let ptr = 0;

  function reserve(bytes) {
    if (bytes > view.length) {
      ptr = wasm.__ioReserve(bytes);
      if (ptr === 0) {
        view = new Uint8Array(0);
        throw new WeComCallbackError('no memory for the callback input', { code: 'E_CALLBACK_TOO_LARGE' });
      }
    }
    if (bytes > view.length || view.buffer !== memory.buffer) view = new Uint8Array(memory.buffer, ptr, wasm.__ioCapacity());
  }

  /** Gives a large buffer back (the engine keeps a small one). */
  function release() {
    if (view.length > IO_KEEP) {
      view = new Uint8Array(0);
      wasm.__ioReserve(0);
    }
  }

  function decrypt(input) {
    const sig = input?.msg_signature;
    const nonce = input?.nonce;
    const body = input?.body;
    let ts = input?.timestamp;
    if (typeof ts === 'number' && Number.isSafeInteger(ts)) ts = String(ts);
    if (typeof sig !== 'string' || typeof ts !== 'string' || typeof nonce !== 'string' || typeof body !== 'string') {
      return original.call(this, input);
    }
    // Upper bounds of the UTF-8 sizes, each within its limit, before anything is reserved.
    const sigBytes = utf8Within(sig, MAX_PARAM_BYTES);
    const tsBytes = utf8Within(ts, MAX_PARAM_BYTES);
    const nonceBytes = utf8Within(nonce, MAX_PARAM_BYTES);
    const bodyBytes = utf8Within(body, MAX_INPUT_BYTES);
    if (sigBytes < 0) throw tooLarge('msg_signature', MAX_PARAM_BYTES);
    if (tsBytes < 0) throw tooLarge('timestamp', MAX_PARAM_BYTES);
    if (nonceBytes < 0) throw tooLarge('nonce', MAX_PARAM_BYTES);
    if (bodyBytes < 0) throw tooLarge('body', MAX_INPUT_BYTES);
    let message;
    try {
      reserve(sigBytes + tsBytes + nonceBytes + bodyBytes);
      let lens;
      // Usually all ASCII: one encode for the four, byte lengths = string lengths.
      const all = sig + ts + nonce + body;
      if (encoder.encodeInto(all, view).written === all.length) {
        lens = [sig.length, ts.length, nonce.length, body.length];
      } else {
        let at = 0;
        const put = (str) => {
          const { written } = encoder.encodeInto(str, view.subarray(at));
          at += written;
          return written;
        };
        lens = [put(sig), put(ts), put(nonce), put(body)];
      }
      message = this.__decryptIo(lens[0], lens[1], lens[2], lens[3]);
    } finally {
      release();
    }
    let receiveId = receiveIds.get(this);
    if (receiveId === undefined) {
      receiveId = this.receiveId;
      receiveIds.set(this, receiveId);
    }
    return { message, receiveId };
  }

  Object.defineProperty(wasm.CallbackCrypto.prototype, 'decrypt', { value: decrypt, writable: true, configurable: true });
}
