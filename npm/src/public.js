// The package's public names.
export { validate, WeComClient, endpoints, CallbackCrypto, parseEvent } from './api.js';
export { createCallbackHandler } from './callback-handler.js';
export * from './errors.js';
