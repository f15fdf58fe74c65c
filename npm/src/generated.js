// The code generated from the Rust declarations by wecom-codegen (npm/scripts/build.sh writes it
// next to this file, in generated/): the validators and the endpoint table. Plain JS, no wasm.
export { validate } from './generated/validators.js';
export { endpoints } from './generated/endpoints.js';
