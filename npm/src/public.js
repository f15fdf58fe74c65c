// The package's public names.
export { validate, validateUpload, WeComClient, endpoints, CallbackCrypto, parseEvent, ready } from './api.js';
export { createCallbackHandler } from './callback-handler.js';
export * from './errors.js';
