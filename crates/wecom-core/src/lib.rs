//! # wecom-core
//!
//! Transport-agnostic core of the `wecom-external-contact` SDK for the WeCom (企业微信)
//! external-contact (客户联系) server API: every request and response model, every validation
//! rule, the errcode table and the client logic (tokens, retries), with no I/O.
//!
//! * [`endpoints`] — the one-line-per-endpoint table everything else derives from.
//! * [`models`] — request/response structs declared with [`model!`].
//! * [`validate`] — checks a JSON payload and reports *all* problems.
//! * [`client`] — the call flow over a [`client::Transport`].
//! * [`paging`] — the next page's payload from each answer of a paging endpoint.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod callback;
pub mod client;
pub mod cross;
pub mod endpoints;
pub mod errcode;
pub mod error;
pub mod json;
pub mod messages;
pub mod models;
pub mod paging;
pub mod redaction;
pub mod rules;
pub mod schema;
pub mod tape;
pub mod upload;
pub mod validate;

pub use endpoints::{Endpoint, Method, Paging};
pub use error::Error;
pub use messages::Locale;
pub use validate::{Issue, Report};

/// Validates a JSON payload for the endpoint at `path` (the official path after `/cgi-bin/`):
/// errors (WeCom rejects them) and warnings (unknown or ignored members, sent as given). A
/// payload over [`validate::MAX_PAYLOAD_BYTES`] is [`Error::PayloadTooLarge`]; a report lists at
/// most [`validate::MAX_ISSUES`] findings.
pub fn validate_json(path: &str, payload_json: &str) -> Result<Report, Error> {
    validate_json_with(path, payload_json, validate::Options::default())
}

/// [`validate_json`] with options (`strict`: warnings are errors).
pub fn validate_json_with(path: &str, payload_json: &str, options: validate::Options) -> Result<Report, Error> {
    let endpoint = endpoints::find(path).ok_or_else(|| Error::UnknownEndpoint(path.to_owned()))?;
    validate::validate_payload(endpoint.request, payload_json, options)
}
