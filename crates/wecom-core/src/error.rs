//! The SDK's error type. No variant ever carries the corpsecret or an access_token: texts that
//! come from outside (network messages, response snippets) pass through [`redact`] first.

use crate::errcode::{self, ErrorClass};
pub use crate::redaction::{redact, redact_opaque};
use crate::validate::Report;

/// Everything that can go wrong in a call.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The payload broke one or more rules; nothing was sent.
    #[error("invalid {endpoint} request: {count}, first at {first}", count = problem_count(report), first = first_path(report))]
    Validation {
        /// Endpoint path.
        endpoint: &'static str,
        /// The problems found (at most [`crate::validate::MAX_ISSUES`]; see `report.truncated`).
        report: Report,
    },
    /// The payload is larger than the SDK accepts; it was neither parsed nor sent.
    #[error("the payload is {bytes} bytes of JSON; at most {limit} bytes are accepted")]
    PayloadTooLarge {
        /// Its size in UTF-8 bytes.
        bytes: usize,
        /// The limit ([`crate::validate::MAX_PAYLOAD_BYTES`]).
        limit: usize,
    },
    /// WeCom answered with a non-zero errcode.
    #[error("WeCom errcode {errcode} from {endpoint}: {errmsg}")]
    Api {
        /// Endpoint path.
        endpoint: String,
        /// The errcode.
        errcode: i64,
        /// The errmsg, as sent.
        errmsg: String,
    },
    /// WeCom (or a proxy) answered with a non-2xx HTTP status.
    #[error("HTTP {status} from {endpoint}")]
    Http {
        /// Endpoint path.
        endpoint: String,
        /// HTTP status.
        status: u16,
        /// The first bytes of the body, redacted.
        snippet: String,
    },
    /// The answer was not the JSON object WeCom sends.
    #[error("unexpected answer from {endpoint} (HTTP {status}): {snippet}")]
    BadResponse {
        /// Endpoint path.
        endpoint: String,
        /// HTTP status.
        status: u16,
        /// The first bytes of the body, redacted.
        snippet: String,
    },
    /// The request never got an answer (connection refused, DNS, TLS, reset…).
    #[error("network error calling {endpoint}: {message}")]
    Network {
        /// Endpoint path.
        endpoint: String,
        /// What the transport said, redacted.
        message: String,
    },
    /// A write failed in a way that may have been processed (no answer, HTTP 5xx, an unreadable
    /// answer): it is not resent automatically, and whether WeCom applied it is unknown.
    #[error("outcome unknown: {cause} — the {endpoint} request may have been processed; it was not resent (check before retrying)")]
    OutcomeUnknown {
        /// Endpoint path.
        endpoint: String,
        /// What happened.
        cause: Box<Error>,
    },
    /// The call took longer than its timeout.
    #[error("{endpoint} timed out after {ms} ms")]
    Timeout {
        /// Endpoint path.
        endpoint: String,
        /// The timeout in ms.
        ms: u64,
    },
    /// The caller aborted the call.
    #[error("{endpoint} was aborted by the caller")]
    Aborted {
        /// Endpoint path.
        endpoint: String,
    },
    /// The endpoint path is not one this SDK knows.
    #[error(
        "unknown endpoint \"{0}\": pass the official path after /cgi-bin/, e.g. \"externalcontact/add_contact_way\""
    )]
    UnknownEndpoint(String),
    /// The endpoint cannot be called this way (e.g. gettoken through `request`).
    #[error("{0}")]
    Usage(String),
    /// A paging endpoint answered a cursor (or offset) that an earlier page of the same iteration
    /// already used: paging stopped instead of looping. The value itself is not quoted.
    #[error("{endpoint} answered a {field} that an earlier page already used (after {pages} page(s)): paging stopped instead of looping")]
    PaginationLoop {
        /// Endpoint path.
        endpoint: String,
        /// The response member that repeated (e.g. `next_cursor`).
        field: &'static str,
        /// How many pages had been received, the repeating one included.
        pages: u64,
    },
    /// The client configuration is invalid.
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The token provider failed or answered something that is not a token.
    #[error("token provider failed: {0}")]
    TokenProvider(String),
}

fn problem_count(report: &Report) -> String {
    if report.truncated {
        format!("more than {} problems (the first {} are listed)", report.errors.len(), report.errors.len())
    } else {
        format!("{} problem(s)", report.errors.len())
    }
}

fn first_path(report: &Report) -> &str {
    match report.errors.first() {
        Some(i) if i.path.is_empty() => "the root",
        Some(i) => &i.path,
        None => "-",
    }
}

impl Error {
    /// Stable machine-readable code (`error.code` in JS).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "E_VALIDATION",
            Error::PayloadTooLarge { .. } => "E_PAYLOAD_TOO_LARGE",
            Error::Api { .. } => "E_API",
            Error::Http { .. } => "E_HTTP",
            Error::BadResponse { .. } => "E_BAD_RESPONSE",
            Error::Network { .. } => "E_NETWORK",
            Error::OutcomeUnknown { .. } => "E_OUTCOME_UNKNOWN",
            Error::Timeout { .. } => "E_TIMEOUT",
            Error::Aborted { .. } => "E_ABORTED",
            Error::UnknownEndpoint(_) => "E_UNKNOWN_ENDPOINT",
            Error::Usage(_) => "E_USAGE",
            Error::PaginationLoop { .. } => "E_PAGINATION_LOOP",
            Error::Config(_) => "E_CONFIG",
            Error::TokenProvider(_) => "E_TOKEN_PROVIDER",
        }
    }

    /// `true` when the same request may succeed later (busy, rate-limited, transient).
    pub fn retryable(&self) -> bool {
        match self {
            Error::Api { errcode, .. } => matches!(errcode::class_of(*errcode), ErrorClass::Retry | ErrorClass::Rate),
            Error::Http { status, .. } => *status == 429 || *status >= 500,
            Error::Network { .. } | Error::BadResponse { .. } | Error::Timeout { .. } => true,
            _ => false,
        }
    }

    /// The client IP WeCom quotes in an errmsg (`… from ip: 1.2.3.4, …`), e.g. for 60020.
    pub fn from_ip(&self) -> Option<&str> {
        let Error::Api { errmsg, .. } = self else { return None };
        let start = errmsg.find("from ip:")? + "from ip:".len();
        let rest = errmsg.get(start..)?.trim_start();
        let end = rest.find(|c: char| c == ',' || c.is_whitespace()).unwrap_or(rest.len());
        rest.get(..end).filter(|ip| !ip.is_empty())
    }

    /// The handling class of an API error.
    pub fn class(&self) -> Option<ErrorClass> {
        match self {
            Error::Api { errcode, .. } => Some(errcode::class_of(*errcode)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_ip_is_read_from_errmsg() {
        let e = Error::Api {
            endpoint: "x".into(),
            errcode: 60020,
            errmsg: "not allow to access from your ip, hint: [1], from ip: 203.0.113.7, more info at …".into(),
        };
        assert_eq!(e.from_ip(), Some("203.0.113.7"));
        assert!(!e.retryable());
        let busy = Error::Api { endpoint: "x".into(), errcode: 45009, errmsg: String::new() };
        assert!(busy.retryable() && busy.from_ip().is_none());
    }
}
