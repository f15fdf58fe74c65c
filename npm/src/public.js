// The package's public names.
export { validate, WeComClient, endpoints } from './api.js';
export * from './errors.js';
