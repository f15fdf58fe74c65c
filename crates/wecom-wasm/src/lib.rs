//! # wecom-wasm
//!
//! Exposes [`wecom_core`] to JavaScript: `validate`, the `WeComClient` class (fetch transport)
//! and the endpoint table the JS layer uses to add one camelCase method per endpoint.
//! Nothing here is per-endpoint: adding an endpoint to `wecom_core::endpoints` is enough.

#![warn(missing_docs)]

mod callback;
mod client;
mod errors;
mod fast;
mod fetch;
mod meta;
mod props;
mod scratch;
mod token_backend;
mod validate;

pub use callback::{parse_event, JsCallbackCrypto};
pub use client::WeComClient;
pub use errors::set_error_factory;
pub use meta::endpoints;
pub use validate::validate;
