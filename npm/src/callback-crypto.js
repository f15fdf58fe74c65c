// The public CallbackCrypto (WXBizMsgCrypt): keeps its configuration and an engine-side object
// made from it, made anew on the live engine when the old one was retired (see bound.js). The
// configuration is checked at construction: a bad key throws now, never later.
import { EngineBound } from './bound.js';

export class CallbackCrypto {
  #bound;

  /** `new CallbackCrypto({ token, encodingAesKey, receiveId })`. */
  constructor(options) {
    const config =
      options !== null && typeof options === 'object'
        ? { token: options.token, encodingAesKey: options.encodingAesKey, receiveId: options.receiveId }
        : options;
    this.#bound = new EngineBound((glue) => new glue.CallbackCrypto(config));
  }

  /** URL verification (GET): `{ msg_signature, timestamp, nonce, echostr }` → the plaintext echo. */
  verifyUrl(query) {
    return this.#bound.call((inner) => inner.verifyUrl(query));
  }

  /** Message decryption (POST): `{ msg_signature, timestamp, nonce, body }` → `{ message, receiveId }`. */
  decrypt(input) {
    return this.#bound.call((inner) => inner.decrypt(input));
  }

  /** Encrypts a passive reply: `encrypt(message, { timestamp, nonce, random? })` → the XML envelope. */
  encrypt(message, options) {
    return this.#bound.call((inner) => inner.encrypt(message, options));
  }

  /** The `msg_signature` for a timestamp, nonce and ciphertext. */
  signature(timestamp, nonce, encrypted) {
    return this.#bound.call((inner) => inner.signature(timestamp, nonce, encrypted));
  }

  /** The configured receiveId. */
  get receiveId() {
    return this.#bound.call((inner) => inner.receiveId);
  }

  /** Releases the engine-side memory now (it is made anew if used again). */
  free() {
    this.#bound.release();
  }
}
