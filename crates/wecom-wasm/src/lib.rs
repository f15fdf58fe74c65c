//! # wecom-wasm
//!
//! Exposes [`wecom_core`] to JavaScript: the `WeComClient` class (fetch transport), the callback
//! crypto and event parser. Validation is not here: the npm package validates in JS (validators
//! generated from the core's declarations) and hands the engine the already-validated request,
//! which it sends by the endpoint's route (`wecom_core::endpoints::ROUTES`: path, method, write).
//! So no model, rule or message table is linked in, and an endpoint costs the engine only its
//! route. Nothing here is per-endpoint: adding an endpoint to `wecom_core::endpoints` is enough.

#![warn(missing_docs)]

mod args;
mod callback;
mod client;
mod errors;
mod fetch;
mod props;
mod scratch;
mod token_backend;

pub use callback::{parse_event, JsCallbackCrypto};
pub use client::WeComClient;
pub use errors::set_error_factory;
pub use fetch::send_function;

/// Test hook of the npm package's trap-containment tests: makes this instance fail the way an
/// undiscovered bug would (`kind` 0: a trap as after a panic; 1: the stack exhausted), so the
/// tests can check that the JS layer replaces the instance. Not part of the API.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = __trap)]
pub fn trap(kind: u32) {
    if kind == 1 {
        deep(0);
    }
    core::arch::wasm32::unreachable()
}

#[inline(never)]
#[allow(unconditional_recursion)]
fn deep(n: u64) -> u64 {
    // Each frame keeps a buffer on the shadow stack, so the recursion exhausts it.
    let buffer = std::hint::black_box([n; 64]);
    buffer.iter().sum::<u64>().wrapping_add(deep(std::hint::black_box(n + 1)))
}
