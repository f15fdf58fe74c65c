//! The client logic, free of I/O: validate → token → build request → send through a
//! [`Transport`] → classify the answer. Tokens are cached per client (one client = one
//! corpId/secret pair) and refreshed single-flight, in front of an optional shared store or
//! provider ([`TokenBackend`]); a token WeCom rejects (40014, 42001) is dropped and the
//! call retried exactly once.

mod acquire;
pub mod backend;
mod config;
pub mod held;
mod pages;
mod raw;
pub mod token;
pub mod transport;
mod url;

use std::borrow::Cow;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::endpoints::{self, Endpoint, Ep, Method, Route, FILE_NAME, FILE_SIZE};
use crate::errcode::{self, ErrorClass};
use crate::error::Error;
use crate::schema::Secret;
use crate::validate::{check_payload_size, validate_payload, Options as ValidateOptions};
pub use backend::{InProcess, LockState, ProvideRequest, TokenBackend, TokenEvent};
pub use config::{ClientConfig, RetryPolicy, DEFAULT_BASE_URL};
use held::HeldTokens;
pub use pages::Pages;
use token::TokenSlot;
pub use transport::{HttpReply, HttpRequest, IntMember, JsonBody, Transport, TransportError};

/// A WeCom client over any transport, with its tokens in its own cache in front of `B`.
/// `Debug` shows no token and no secret (the transport's and backend's own `Debug` aside).
#[derive(Debug)]
pub struct Client<T, K = InProcess> {
    config: ClientConfig,
    transport: T,
    tokens: TokenSlot,
    /// Every token this client has held (bounded), for redaction.
    held: HeldTokens,
    backend: K,
    key: String,
}

impl<T: Transport> Client<T> {
    /// A client with an empty token cache and no shared store.
    pub fn new(config: ClientConfig, transport: T) -> Client<T> {
        Client::with_backend(config, transport, InProcess)
    }
}

impl<T: Transport, K: TokenBackend> Client<T, K> {
    /// A client whose tokens are also shared through `backend` (a store or a provider).
    pub fn with_backend(config: ClientConfig, transport: T, backend: K) -> Client<T, K> {
        let key = config.token_key();
        Client { config, transport, tokens: TokenSlot::default(), held: HeldTokens::default(), backend, key }
    }

    /// The token backend.
    pub fn backend(&self) -> &K {
        &self.backend
    }

    /// The token's cache key in a shared store (no secret in it).
    pub fn token_key(&self) -> &str {
        &self.key
    }

    /// The transport.
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Calls the endpoint at `path` with a JSON payload; the answer's JSON body on errcode 0.
    pub async fn request(&self, path: &str, payload_json: &str) -> Result<T::Body, Error> {
        let endpoint = endpoints::find(path).ok_or_else(|| Error::UnknownEndpoint(path.to_owned()))?;
        self.call(endpoint, payload_json).await
    }

    /// Calls `endpoint`: validates the payload (an invalid one never reaches the network),
    /// adds the token, sends, and checks errcode.
    ///
    /// An upload (a multipart endpoint such as `media/upload`) is [`Error::Usage`]: this client
    /// sends JSON only. Start it with [`Client::begin`] (which checks the file's description
    /// against the limits) and send the file to [`Client::request_for`]'s URL yourself.
    pub async fn call(&self, endpoint: &'static Endpoint, payload_json: &str) -> Result<T::Body, Error> {
        if endpoint.route().multipart {
            return Err(Error::Usage(format!(
                "{} is an upload (multipart/form-data): Client::call sends JSON only; use Client::begin, then send the file to Client::request_for's URL",
                endpoint.path
            )));
        }
        let call = self.begin(endpoint, payload_json)?;
        self.run(call).await
    }

    /// Calls the endpoint of `route` with a payload the caller has ALREADY validated (the npm
    /// package's JS layer does, with the validators generated from the same declarations): the
    /// payload is size-checked, not validated. Rust callers use [`Client::call`].
    pub async fn call_validated(&self, route: Route, payload_json: &str) -> Result<T::Body, Error> {
        let call = self.begin_validated(route, payload_json)?;
        self.run(call).await
    }

    /// Calls a path this SDK does not declare, with tokens, retries and redaction.
    pub async fn request_raw(&self, raw: RawRequest<'_>) -> Result<T::Body, Error> {
        let call = self.begin_raw(raw)?;
        self.run(call).await
    }

    async fn run(&self, mut call: Call) -> Result<T::Body, Error> {
        loop {
            let token = self.token(call.rejected.as_deref(), false).await?;
            // The rejected token is gone from the cache now; later retries reuse the new one.
            call.rejected = None;
            let request = self.request_for(&call, &token);
            let verdict = match self.transport.send(&request).await {
                Ok(reply) => self.judge(&mut call, reply, &token),
                Err(e) => self.judge_no_answer(&mut call, &e.message, &token),
            };
            match verdict {
                Verdict::Done(body) => return Ok(body),
                Verdict::Retry => continue,
                Verdict::Backoff(ms) => self.transport.sleep(ms).await,
                Verdict::Fail(e) => return Err(e),
            }
        }
    }

    /// Typed call for transports that produce `serde_json::Value`.
    pub async fn send_typed<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        ep: Ep<Req, Resp>,
        request: &Req,
    ) -> Result<Resp, Error>
    where
        T: Transport<Body = serde_json::Value>,
    {
        let payload =
            serde_json::to_string(request).map_err(|e| Error::Usage(format!("cannot serialize request: {e}")))?;
        let body = self.call(ep.info, &payload).await?;
        serde_json::from_value(body).map_err(|e| Error::BadResponse {
            endpoint: ep.info.path.into(),
            status: 200,
            snippet: self.redact(&format!("answer does not match {}: {e}", ep.info.response.name), ""),
        })
    }

    /// A valid access_token, from the cache or the store, or fetched. `force_refresh` fetches a
    /// new one whatever is cached or stored (a provider is asked with `force_refresh`).
    pub async fn access_token(&self, force_refresh: bool) -> Result<String, Error> {
        let current = if force_refresh { self.tokens.peek().map(|r| r.access_token) } else { None };
        self.token(current.as_deref(), force_refresh).await
    }

    /// Forgets the token: this client's cache, and the shared store's record (only if it is
    /// still the token this client had, so a newer one stored by another process survives).
    /// The next call gets a new one.
    pub async fn invalidate_token(&self) {
        let current = self.tokens.peek().map(|r| r.access_token);
        self.tokens.invalidate();
        if self.backend.has_store() && !self.backend.has_provider() {
            let stored = self.read_stored(current.as_deref(), true).await;
            // `stored` dropped a record equal to `current`; one with no local counterpart goes too.
            if current.is_none() && stored.is_some() {
                self.store_delete().await;
            }
        }
    }

    async fn send(&self, endpoint: &str, request: &HttpRequest, token: &str) -> Result<(u16, T::Body), Error> {
        let reply = self.transport.send(request).await.map_err(|e| match e.timed_out_ms {
            // The transport's own deadline (the call's timeout), not the network's verdict.
            Some(ms) => Error::Timeout { endpoint: endpoint.into(), ms },
            None => Error::Network { endpoint: endpoint.into(), message: self.redact(&e.message, token) },
        })?;
        self.accept(endpoint, reply, token)
    }

    /// A 2xx JSON answer and its status, or the typed error for anything else.
    fn accept<B: JsonBody>(&self, endpoint: &str, reply: HttpReply<B>, token: &str) -> Result<(u16, B), Error> {
        match reply {
            HttpReply::Json { status, body } if (200..300).contains(&status) => Ok((status, body)),
            HttpReply::Json { status, body } => Err(Error::Http {
                endpoint: endpoint.into(),
                status,
                snippet: self.redact(&body.str_field("errmsg").unwrap_or_default(), token),
            }),
            HttpReply::NotJson { status, snippet } if (200..300).contains(&status) => {
                Err(Error::BadResponse { endpoint: endpoint.into(), status, snippet: self.redact(&snippet, token) })
            }
            HttpReply::NotJson { status, snippet } => {
                Err(Error::Http { endpoint: endpoint.into(), status, snippet: self.redact(&snippet, token) })
            }
        }
    }

    /// Starts a call: checks the endpoint can be called, validates the payload (every error is
    /// reported; warnings — unknown members, members WeCom ignores — let the payload through as
    /// given, unless [`ClientConfig::with_strict`] makes them errors), and prepares the query
    /// or body. Nothing is sent. (To see the warnings, run [`crate::validate_json`] first.)
    pub fn begin(&self, endpoint: &'static Endpoint, payload_json: &str) -> Result<Call, Error> {
        let route = endpoint.route();
        if !route.callable {
            return Err(not_callable(route));
        }
        let options = ValidateOptions { strict: self.config.strict };
        // An upload's description `{ <kind>, filename, size }` is checked against its file limits too.
        let report = if route.multipart {
            crate::upload::check(endpoint.path, payload_json, options)?
        } else {
            validate_payload(endpoint.request, payload_json, options)?
        };
        if !report.is_valid() {
            return Err(Error::Validation { endpoint: endpoint.path, report });
        }
        self.begin_validated(route, payload_json)
    }

    /// Starts a call to the endpoint of `route` with a payload the caller has already
    /// validated: checks the endpoint can be called and the payload's size
    /// ([`crate::validate::MAX_PAYLOAD_BYTES`]), and prepares the query or body. No rule is
    /// checked (nothing here touches a model), so this is what the wasm engine links.
    pub fn begin_validated(&self, route: Route, payload_json: &str) -> Result<Call, Error> {
        if !route.callable {
            return Err(not_callable(route));
        }
        check_payload_size(payload_json.len())?;
        let (query, body) = match route.method {
            // An upload: the members describing the file stay out of the query; the JS layer
            // sends the file itself as the multipart body.
            _ if route.multipart => (url::query_from_object_except(payload_json, &[FILE_NAME, FILE_SIZE]), None),
            Method::Get => (url::query_from_object(payload_json), None),
            Method::Post => (String::new(), Some(payload_json.to_owned())),
        };
        let mut call = self.new_call(Cow::Borrowed(route.path), route.method, route.write, query, body);
        call.declared = true;
        Ok(call)
    }

    /// Starts a call to a path this SDK does not declare (`{ method, path, query, body }`): the
    /// path, query and body are checked for shape (see `raw::check`), not against rules.
    /// A POST counts as a write (never resent after an unknown outcome) unless `idempotent`.
    /// A query or body over [`crate::validate::MAX_PAYLOAD_BYTES`] is
    /// [`Error::PayloadTooLarge`]. An answer without `errcode` counts as success (WeCom's
    /// downloads and some newer APIs answer so); a present errcode must be an integer.
    pub fn begin_raw(&self, raw: RawRequest<'_>) -> Result<Call, Error> {
        for text in [raw.query, raw.body].into_iter().flatten() {
            check_payload_size(text.len())?;
        }
        let checked = raw::check(&raw).map_err(|m| Error::Usage(self.redact(&m, "")))?;
        let write = raw.method == Method::Post && !raw.idempotent;
        Ok(self.new_call(Cow::Owned(checked.path), raw.method, write, checked.query, checked.body))
    }

    /// A call about to make its first attempt.
    fn new_call(
        &self,
        path: Cow<'static, str>,
        method: Method,
        write: bool,
        query: String,
        body: Option<String>,
    ) -> Call {
        Call {
            path,
            method,
            write,
            query,
            body,
            declared: false,
            rejected: None,
            refreshed: false,
            retries: 0,
            started_ms: self.transport.now_ms(),
            last_error: None,
        }
    }

    /// A fresh cached token for `call` (never the one WeCom just rejected), without fetching.
    pub fn cached_token(&self, call: &mut Call) -> Option<String> {
        let token = self.tokens.fresh(self.transport.now_ms(), call.rejected.as_deref());
        if token.is_some() {
            call.rejected = None;
        }
        token
    }

    /// A fresh token, fetched (single-flight) if the cache has none; `rejected` (a token WeCom
    /// just refused) is never returned.
    pub async fn access_token_replacing(&self, rejected: Option<&str>) -> Result<String, Error> {
        self.token(rejected, false).await
    }

    /// The request to send for `call` with `token`.
    pub fn request_for(&self, call: &Call, token: &str) -> HttpRequest {
        HttpRequest {
            method: call.method,
            url: format!(
                "{}/cgi-bin/{}?access_token={}{}",
                self.config.base_url,
                call.path,
                url::encode(token),
                call.query
            ),
            body: call.body.clone(),
        }
    }

    /// Decides what WeCom's reply means: done; send again now with a new token (40014, 42001
    /// on the first attempt); send again after a backoff (busy or rate-limited errcodes,
    /// and for reads HTTP 5xx or unreadable answers); or a typed error. A write is never resent
    /// after a failure that may have been processed (`OutcomeUnknown`). Texts are redacted.
    ///
    /// The errcode must be an integer (a JSON number, or a string of digits as some proxies
    /// send): any other value is a bad response, and so is a JSON answer without errcode from a
    /// declared endpoint (a raw request's answer may lack it: it then counts as success).
    pub fn judge<B: JsonBody>(&self, call: &mut Call, reply: HttpReply<B>, token: &str) -> Verdict<B> {
        let (status, answer) = match self.accept(&call.path, reply, token) {
            Ok(accepted) => accepted,
            Err(e) => return self.after_failure(call, e),
        };
        let bad =
            |snippet: &str| Error::BadResponse { endpoint: call.path.to_string(), status, snippet: snippet.into() };
        let errcode = match answer.int_member("errcode") {
            IntMember::Int(0) => return Verdict::Done(answer),
            IntMember::Absent if !call.declared => return Verdict::Done(answer),
            IntMember::Int(errcode) => errcode,
            IntMember::Absent => return self.after_failure(call, bad(ERRCODE_MISSING)),
            IntMember::NotInt => return self.after_failure(call, bad(ERRCODE_NOT_INT)),
        };
        let errmsg = answer.str_field("errmsg").unwrap_or_default();
        let error = Error::Api { endpoint: call.path.to_string(), errcode, errmsg: self.redact(&errmsg, token) };
        if !call.refreshed && errcode::class_of(errcode) == ErrorClass::Refresh {
            call.refreshed = true;
            call.rejected = Some(token.to_owned());
            call.last_error = Some(error);
            return Verdict::Retry;
        }
        // Busy and rate-limit errcodes prove WeCom did not process the request: safe to resend.
        self.retry_or_fail(call, error)
    }

    /// Decides what a request that got no answer (refused, reset, DNS…) means for `call`.
    pub fn judge_no_answer<B>(&self, call: &mut Call, message: &str, token: &str) -> Verdict<B> {
        let error = Error::Network { endpoint: call.path.to_string(), message: self.redact(message, token) };
        self.after_failure(call, error)
    }

    /// The error for `call` when the caller's timeout fired.
    pub fn timeout_error(&self, call: &Call, ms: u64) -> Error {
        Error::Timeout { endpoint: call.path.to_string(), ms }
    }

    /// The error for `call` when the caller aborted it.
    pub fn aborted_error(&self, call: &Call) -> Error {
        Error::Aborted { endpoint: call.path.to_string() }
    }

    fn after_failure<B>(&self, call: &mut Call, error: Error) -> Verdict<B> {
        // 429 proves rejection; anything else after a write may have been processed.
        let rejected = matches!(error, Error::Http { status: 429, .. });
        if call.write && !rejected {
            return Verdict::Fail(Error::OutcomeUnknown { endpoint: call.path.to_string(), cause: Box::new(error) });
        }
        self.retry_or_fail(call, error)
    }

    fn retry_or_fail<B>(&self, call: &mut Call, error: Error) -> Verdict<B> {
        if error.retryable() {
            if let Some(ms) = self.backoff(call) {
                call.last_error = Some(error);
                return Verdict::Backoff(ms);
            }
        }
        Verdict::Fail(error)
    }

    /// The next backoff delay for `call`, or `None` when the retry budget is spent.
    fn backoff(&self, call: &mut Call) -> Option<f64> {
        let policy = self.config.retry;
        if call.retries >= policy.max_retries {
            return None;
        }
        let exp = policy.base_delay_ms * 2f64.powi(call.retries.min(30) as i32);
        let cap = exp.min(policy.max_delay_ms);
        // "Equal jitter": half fixed, half random.
        let delay = cap / 2.0 + cap / 2.0 * self.transport.random().clamp(0.0, 1.0);
        let elapsed = self.transport.now_ms() - call.started_ms;
        if elapsed + delay > policy.max_elapsed_ms {
            return None;
        }
        call.retries += 1;
        Some(delay)
    }

    fn secret(&self) -> &str {
        self.config.corp_secret.as_ref().map_or("", Secret::expose)
    }

    /// `text` without the secret, `token`, any token this client has held, or
    /// `access_token=`/`corpsecret=` values, in any encoding.
    fn redact(&self, text: &str, token: &str) -> String {
        self.held.redact(text, self.secret(), token, false)
    }

    /// [`Client::redact`], and also without long runs of token characters (texts of a store or
    /// a provider, which may quote tokens this client never saw).
    fn redact_opaque(&self, text: &str) -> String {
        self.held.redact(text, self.secret(), "", true)
    }

    /// `text` without the secret, any token this client has held (the last
    /// [`held::HELD_TOKENS`], rejected ones included), or `access_token=`/`corpsecret=` values,
    /// raw, percent-encoded (either hex case, `+` or `%20` for a space) or JSON-escaped (for log
    /// lines built outside the core).
    pub fn redact_text(&self, text: &str) -> String {
        self.redact(text, "")
    }
}

/// A request to a path this SDK does not declare (the raw form of `request`).
#[derive(Debug, Clone, Copy)]
pub struct RawRequest<'a> {
    /// GET or POST.
    pub method: Method,
    /// The path after `/cgi-bin/` (a leading `/cgi-bin/` or `/` is accepted).
    pub path: &'a str,
    /// Query parameters as a JSON object text of scalars (`access_token` is the client's).
    pub query: Option<&'a str>,
    /// The JSON body of a POST.
    pub body: Option<&'a str>,
    /// The caller vouches that resending this POST is harmless: it is then retried like a read.
    pub idempotent: bool,
}

/// The usage error for an endpoint the client calls itself (gettoken).
fn not_callable(route: Route) -> Error {
    Error::Usage(format!("{} is called by the client itself; use getAccessToken() to read the token", route.path))
}

/// The snippet of a bad response without errcode.
const ERRCODE_MISSING: &str = "errcode missing from the JSON answer";
/// The snippet of a bad response whose errcode is not an integer.
const ERRCODE_NOT_INT: &str = "errcode is not an integer";

/// One call in progress: what to send, which token WeCom already rejected, retries so far.
/// `Debug` hides the rejected token.
pub struct Call {
    /// The path after `/cgi-bin/`.
    pub path: Cow<'static, str>,
    /// The HTTP method.
    pub method: Method,
    /// A write: never resent after a failure that may have been processed.
    pub write: bool,
    query: String,
    body: Option<String>,
    /// A declared endpoint (its answers must carry an errcode), not a raw request.
    declared: bool,
    /// A token WeCom just refused: dropped from the cache before the next token is chosen.
    rejected: Option<String>,
    /// The one token refresh of this call has happened.
    refreshed: bool,
    retries: u32,
    started_ms: f64,
    last_error: Option<Error>,
}

impl std::fmt::Debug for Call {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Call")
            .field("path", &self.path)
            .field("method", &self.method)
            .field("write", &self.write)
            .field("declared", &self.declared)
            .field("rejected", &self.rejected.as_ref().map(|_| "***"))
            .field("refreshed", &self.refreshed)
            .field("retries", &self.retries)
            .field("last_error", &self.last_error)
            .finish_non_exhaustive()
    }
}

impl Call {
    /// The token WeCom rejected and that is still to be dropped from the cache, if any.
    pub fn rejected_token(&self) -> Option<&str> {
        self.rejected.as_deref()
    }

    /// Why the last attempt is being repeated (a rejected token, a busy answer, a transient
    /// failure), redacted; `None` before any retry.
    pub fn last_error(&self) -> Option<&Error> {
        self.last_error.as_ref()
    }

    /// Notes that a token was obtained for the next attempt (the rejected one is dropped).
    pub fn token_obtained(&mut self) {
        self.rejected = None;
    }
}

/// What a reply means for its call.
#[derive(Debug)]
pub enum Verdict<B> {
    /// errcode 0: the answer.
    Done(B),
    /// The token was rejected: fetch a new one and send again (once).
    Retry,
    /// Busy or transient: send again after this many milliseconds.
    Backoff(f64),
    /// A typed error.
    Fail(Error),
}
