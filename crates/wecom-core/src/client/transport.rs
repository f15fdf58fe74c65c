//! The seam between the client logic and the network (async-stripe style): the client only
//! *builds* [`HttpRequest`]s; a [`Transport`] sends them. The wasm crate implements it with
//! `fetch`; tests implement it with a scripted fake.

use std::fmt;

use crate::endpoints::Method;

/// A request ready to send. `Debug` hides the query string, which carries secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// HTTP method.
    pub method: Method,
    /// Full URL including the query (contains `access_token` or `corpsecret`).
    pub url: String,
    /// JSON body for POST.
    pub body: Option<String>,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.url.split('?').next().unwrap_or_default();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &format_args!("{path}?***"))
            .field("body_len", &self.body.as_ref().map(String::len))
            .finish()
    }
}

/// What a member that should hold an integer (`errcode`, `expires_in`) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntMember {
    /// The member is not there.
    Absent,
    /// An integer: a JSON number without fraction whose magnitude is below 2^53 (the integers
    /// JS numbers hold exactly), or a string of ASCII digits with an optional leading `-` (some
    /// proxies quote errcodes) within the same range.
    Int(i64),
    /// Present, but not an integer (`"abc"`, `0.5`, `1e20`, `null`, `true`, `{}`…).
    NotInt,
}

/// Largest magnitude an integer member may have: 2^53 - 1, the largest integer every JSON
/// reader (JS included) holds exactly.
pub const MAX_INT_MEMBER: i64 = (1 << 53) - 1;

impl IntMember {
    /// The member of a JSON number `value`.
    pub fn from_f64(value: f64) -> IntMember {
        if value.fract() == 0.0 && value.abs() <= MAX_INT_MEMBER as f64 {
            IntMember::Int(value as i64)
        } else {
            IntMember::NotInt
        }
    }

    /// The member of a JSON string `text`: an integer only if it is plain digits (optional
    /// leading `-`, no spaces, no `+`, no fraction or exponent) within the range.
    pub fn from_text(text: &str) -> IntMember {
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return IntMember::NotInt;
        }
        match text.parse::<i64>() {
            Ok(n) if n.unsigned_abs() <= MAX_INT_MEMBER.unsigned_abs() => IntMember::Int(n),
            _ => IntMember::NotInt,
        }
    }

    /// The integer, if this is one.
    pub fn int(self) -> Option<i64> {
        match self {
            IntMember::Int(n) => Some(n),
            _ => None,
        }
    }
}

/// Read access to a parsed JSON answer, whatever the transport's JSON representation is
/// (`serde_json::Value` natively, a JS object in wasm). The body itself is handed back to the
/// caller untouched, so fields the models do not know are never lost.
pub trait JsonBody {
    /// What the top-level member `key` holds, as an integer (see [`IntMember`] for what counts:
    /// implementations use [`IntMember::from_f64`] and [`IntMember::from_text`]). A body that is
    /// not an object has no members.
    fn int_member(&self, key: &str) -> IntMember;
    /// A string member of the top-level object.
    fn str_field(&self, key: &str) -> Option<String>;
    /// An integer member of the top-level object (`None` when absent or not an integer).
    fn int_field(&self, key: &str) -> Option<i64> {
        self.int_member(key).int()
    }
}

impl JsonBody for serde_json::Value {
    fn int_member(&self, key: &str) -> IntMember {
        match self.get(key) {
            None => IntMember::Absent,
            Some(serde_json::Value::Number(n)) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) if i.unsigned_abs() <= MAX_INT_MEMBER.unsigned_abs() => IntMember::Int(i),
                (Some(_), _) => IntMember::NotInt,
                (None, Some(f)) => IntMember::from_f64(f),
                (None, None) => IntMember::NotInt,
            },
            Some(serde_json::Value::String(s)) => IntMember::from_text(s),
            Some(_) => IntMember::NotInt,
        }
    }
    fn str_field(&self, key: &str) -> Option<String> {
        self.get(key).and_then(serde_json::Value::as_str).map(str::to_owned)
    }
}

/// What came back.
#[derive(Debug, Clone, PartialEq)]
pub enum HttpReply<B> {
    /// The body parsed as JSON.
    Json {
        /// HTTP status.
        status: u16,
        /// The parsed body.
        body: B,
    },
    /// The body was not JSON.
    NotJson {
        /// HTTP status.
        status: u16,
        /// The first bytes of the body.
        snippet: String,
    },
}

/// Why a request got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    /// What happened, as the platform said it.
    pub message: String,
    /// The transport gave up after this many ms (its own deadline), rather than failing.
    pub timed_out_ms: Option<u64>,
}

impl TransportError {
    /// A request that got no answer, for `message`.
    pub fn new(message: impl Into<String>) -> TransportError {
        TransportError { message: message.into(), timed_out_ms: None }
    }
}

/// Sends requests. Futures need not be `Send` (wasm is single-threaded).
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// The parsed-JSON type this transport produces.
    type Body: JsonBody;
    /// Sends one request and parses the answer.
    async fn send(&self, request: &HttpRequest) -> Result<HttpReply<Self::Body>, TransportError>;
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> f64;
    /// A uniform random number in [0, 1) for retry jitter.
    fn random(&self) -> f64 {
        0.5
    }
    /// Waits `ms` milliseconds (between retries).
    async fn sleep(&self, ms: f64) {
        let _ = ms;
    }
}
