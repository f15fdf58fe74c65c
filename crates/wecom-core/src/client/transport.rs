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

/// Read access to a parsed JSON answer, whatever the transport's JSON representation is
/// (`serde_json::Value` natively, a JS object in wasm). The body itself is handed back to the
/// caller untouched, so fields the models do not know are never lost.
pub trait JsonBody {
    /// An integer member of the top-level object.
    fn int_field(&self, key: &str) -> Option<i64>;
    /// A string member of the top-level object.
    fn str_field(&self, key: &str) -> Option<String>;
}

impl JsonBody for serde_json::Value {
    fn int_field(&self, key: &str) -> Option<i64> {
        self.get(key).and_then(serde_json::Value::as_i64)
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
