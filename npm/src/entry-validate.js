// The forms entry, `wecom-external-contact/validate` (built to pkg/validate.mjs and
// pkg/validate.cjs): the validators generated from the Rust declarations, alone. No wasm, no
// top-level await, no engine: `validate(endpoint, payload, { locale, strict })` and one named,
// tree-shakable export per endpoint (`validateAddContactWay(payload, { locale, strict })` …),
// the same code the main entry's `validate` and client use.
export * from './generated/validators.js';
