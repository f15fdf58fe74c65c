//! The SDK's error type. No variant ever carries the corpsecret or an access_token: texts that
//! come from outside (network messages, response snippets) pass through [`redact`] first.

use crate::errcode::{self, ErrorClass};
use crate::validate::Report;

/// Everything that can go wrong in a call.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The payload broke one or more rules; nothing was sent.
    #[error("invalid {endpoint} request: {} problem(s), first at {first}", report.issues.len(), first = first_path(report))]
    Validation {
        /// Endpoint path.
        endpoint: &'static str,
        /// Every problem found.
        report: Report,
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
    /// The client configuration is invalid.
    #[error("invalid client configuration: {0}")]
    Config(String),
    /// The token provider failed or answered something that is not a token.
    #[error("token provider failed: {0}")]
    TokenProvider(String),
}

fn first_path(report: &Report) -> &str {
    match report.issues.first() {
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
            Error::Api { .. } => "E_API",
            Error::Http { .. } => "E_HTTP",
            Error::BadResponse { .. } => "E_BAD_RESPONSE",
            Error::Network { .. } => "E_NETWORK",
            Error::OutcomeUnknown { .. } => "E_OUTCOME_UNKNOWN",
            Error::Timeout { .. } => "E_TIMEOUT",
            Error::Aborted { .. } => "E_ABORTED",
            Error::UnknownEndpoint(_) => "E_UNKNOWN_ENDPOINT",
            Error::Usage(_) => "E_USAGE",
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

/// [`redact`], and also every run of 32 or more token characters (letters, digits, `-`, `_`):
/// for texts from code that may quote tokens this client never saw (a token store's or a
/// token provider's error messages).
pub fn redact_opaque(text: &str, secrets: &[&str]) -> String {
    let text = redact(text, secrets);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().count() >= 32 {
            out.push_str("***");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Replaces every occurrence of the given secrets, and the values of `access_token=` and
/// `corpsecret=` query parameters, with `***`.
pub fn redact(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for s in secrets.iter().filter(|s| s.len() >= 4) {
        if out.contains(*s) {
            out = out.replace(*s, "***");
        }
    }
    for key in ["access_token=", "corpsecret="] {
        let mut from = 0;
        while let Some(pos) = out.get(from..).and_then(|rest| rest.find(key)) {
            let start = from + pos + key.len();
            let end = out
                .get(start..)
                .and_then(|rest| {
                    rest.find(|c: char| c == '&' || c == '#' || c.is_whitespace() || c == '"' || c == '\'')
                })
                .map_or(out.len(), |n| start + n);
            out.replace_range(start..end, "***");
            from = start + 3;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_secrets_and_query_values() {
        let t =
            "GET /cgi-bin/gettoken?corpid=ww1&corpsecret=S3CRET-x&x=1 failed; token tok_123456 access_token=tok_123456";
        let r = redact(t, &["S3CRET-x", "tok_123456"]);
        assert!(!r.contains("S3CRET"));
        assert!(!r.contains("tok_123456"));
        assert!(r.contains("corpsecret=***&x=1"));
        assert_eq!(redact("access_token=", &[]), "access_token=***");
    }

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
