// CallbackCrypto.decrypt without per-string copies through the glue: the four inputs are written
// as UTF-8 straight into a wasm buffer (one TextEncoder.encodeInto each), then one engine call
// verifies and decrypts. Anything that is not four strings goes to the engine's own decrypt,
// which owns the usage errors.
export function installFastDecrypt(wasm) {
  const memory = wasm.__memory();
  const encoder = new TextEncoder();
  const receiveIds = new WeakMap();
  const original = wasm.CallbackCrypto.prototype.decrypt;
  let view = new Uint8Array(0);
  let ptr = 0;

  function reserve(bytes) {
    if (bytes > view.length) ptr = wasm.__ioReserve(bytes);
    if (bytes > view.length || view.buffer !== memory.buffer) view = new Uint8Array(memory.buffer, ptr, wasm.__ioCapacity());
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
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    reserve(3 * (sig.length + ts.length + nonce.length + body.length));
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
    const message = this.__decryptIo(lens[0], lens[1], lens[2], lens[3]);
    let receiveId = receiveIds.get(this);
    if (receiveId === undefined) {
      receiveId = this.receiveId;
      receiveIds.set(this, receiveId);
    }
    return { message, receiveId };
  }

  Object.defineProperty(wasm.CallbackCrypto.prototype, 'decrypt', { value: decrypt, writable: true, configurable: true });
}
