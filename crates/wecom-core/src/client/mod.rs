//! The client logic, free of I/O: validate → token → build request → send through a
//! [`Transport`] → classify the answer. Tokens are cached per client (one client = one
//! corpId/secret pair) and refreshed single-flight; a token WeCom rejects (40014, 42001,
//! 41001) is dropped and the call retried exactly once.

pub mod token;
pub mod transport;
mod url;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::endpoints::{self, Endpoint, Ep, Method};
use crate::errcode::{self, ErrorClass};
use crate::error::{redact, Error};
use crate::schema::Secret;
use crate::validate::validate_text;
use token::{Next, TokenRecord, TokenSlot};
pub use transport::{HttpReply, HttpRequest, JsonBody, Transport, TransportError};

/// The official API host.
pub const DEFAULT_BASE_URL: &str = "https://qyapi.weixin.qq.com";

/// How busy, rate-limited and transient failures are retried: exponential backoff with jitter,
/// bounded in count and in time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = never retry).
    pub max_retries: u32,
    /// Delay before the first retry, ms (doubled each time).
    pub base_delay_ms: f64,
    /// Longest delay between two attempts, ms.
    pub max_delay_ms: f64,
    /// No retry starts later than this after the call began, ms.
    pub max_elapsed_ms: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_retries: 3, base_delay_ms: 200.0, max_delay_ms: 2000.0, max_elapsed_ms: 10_000.0 }
    }
}

/// Who the client is and where it talks to.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientConfig {
    corp_id: String,
    corp_secret: Secret,
    base_url: String,
    retry: RetryPolicy,
}

impl ClientConfig {
    /// A configuration for `corp_id` and the app secret, talking to the official host.
    pub fn new(corp_id: impl Into<String>, corp_secret: Secret) -> Result<ClientConfig, Error> {
        let corp_id = corp_id.into();
        if corp_id.trim().is_empty() {
            return Err(Error::Config("corpId is required".into()));
        }
        if corp_secret.expose().trim().is_empty() {
            return Err(Error::Config("corpSecret is required".into()));
        }
        Ok(ClientConfig { corp_id, corp_secret, base_url: DEFAULT_BASE_URL.into(), retry: RetryPolicy::default() })
    }

    /// Talks to another host (a proxy, or the local look-alike in tests).
    pub fn with_base_url(mut self, base_url: &str) -> Result<ClientConfig, Error> {
        let trimmed = base_url.trim().trim_end_matches('/');
        let ok_scheme = trimmed.starts_with("https://") || trimmed.starts_with("http://");
        if !ok_scheme || trimmed.len() <= "https://".len() || trimmed.contains(['?', '#', ' ']) {
            return Err(Error::Config(format!("baseUrl must be an http(s) URL without query, got \"{trimmed}\"")));
        }
        self.base_url = trimmed.to_owned();
        Ok(self)
    }

    /// Retries busy, rate-limited and transient failures with `policy`.
    pub fn with_retry(mut self, policy: RetryPolicy) -> Result<ClientConfig, Error> {
        let finite = [policy.base_delay_ms, policy.max_delay_ms, policy.max_elapsed_ms]
            .iter()
            .all(|v| v.is_finite() && *v >= 0.0);
        if !finite || policy.max_retries > 100 {
            return Err(Error::Config("retry: delays must be finite and >= 0, maxRetries at most 100".into()));
        }
        self.retry = policy;
        Ok(self)
    }

    /// The retry policy.
    pub fn retry(&self) -> RetryPolicy {
        self.retry
    }

    /// The corp id.
    pub fn corp_id(&self) -> &str {
        &self.corp_id
    }

    /// The base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

/// A WeCom client over any transport.
#[derive(Debug)]
pub struct Client<T> {
    config: ClientConfig,
    transport: T,
    tokens: TokenSlot,
}

impl<T: Transport> Client<T> {
    /// A client with an empty token cache.
    pub fn new(config: ClientConfig, transport: T) -> Client<T> {
        Client { config, transport, tokens: TokenSlot::default() }
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
    pub async fn call(&self, endpoint: &'static Endpoint, payload_json: &str) -> Result<T::Body, Error> {
        let mut call = self.begin(endpoint, payload_json)?;
        loop {
            let token = self.token(call.rejected.as_deref()).await?;
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
            snippet: self
                .redact(&format!("answer does not match {}: {e}", ep.info.response.name), &self.current_token()),
        })
    }

    /// A valid access_token, from the cache or fetched. `force_refresh` drops the cached one first.
    pub async fn access_token(&self, force_refresh: bool) -> Result<String, Error> {
        let current = if force_refresh { self.tokens.peek().map(|r| r.access_token) } else { None };
        self.token(current.as_deref()).await
    }

    /// Forgets the cached token; the next call fetches a new one.
    pub fn invalidate_token(&self) {
        self.tokens.invalidate();
    }

    async fn token(&self, reject: Option<&str>) -> Result<String, Error> {
        let mut waited = None;
        loop {
            match self.tokens.next(self.transport.now_ms(), reject, waited) {
                Next::Use(token) => return Ok(token),
                Next::Failed(e) => return Err(e),
                Next::Wait(gen) => {
                    self.tokens.changed(gen).await;
                    waited = Some(gen);
                }
                Next::Fetch(guard) => {
                    let outcome = self.fetch_token().await;
                    let result = outcome.as_ref().map(|r| r.access_token.clone()).map_err(Clone::clone);
                    self.tokens.finish(guard, outcome);
                    return result;
                }
            }
        }
    }

    async fn fetch_token(&self) -> Result<TokenRecord, Error> {
        let request = HttpRequest {
            method: Method::Get,
            url: format!(
                "{}/cgi-bin/gettoken?corpid={}&corpsecret={}",
                self.config.base_url,
                url::encode(&self.config.corp_id),
                url::encode(self.config.corp_secret.expose())
            ),
            body: None,
        };
        let answer = self.send("gettoken", &request, "").await?;
        let errcode = answer.int_field("errcode").unwrap_or(0);
        if errcode != 0 {
            let errmsg = answer.str_field("errmsg").unwrap_or_default();
            return Err(Error::Api { endpoint: "gettoken".into(), errcode, errmsg: self.redact(&errmsg, "") });
        }
        match answer.str_field("access_token") {
            Some(token) if !token.is_empty() => {
                let expires_in = answer.int_field("expires_in").unwrap_or(7200);
                Ok(TokenRecord::new(token, expires_in, self.transport.now_ms()))
            }
            _ => Err(Error::BadResponse {
                endpoint: "gettoken".into(),
                status: 200,
                snippet: "errcode 0 but no access_token in the answer".into(),
            }),
        }
    }

    async fn send(&self, endpoint: &str, request: &HttpRequest, token: &str) -> Result<T::Body, Error> {
        let reply = self
            .transport
            .send(request)
            .await
            .map_err(|e| Error::Network { endpoint: endpoint.into(), message: self.redact(&e.message, token) })?;
        self.accept(endpoint, reply, token)
    }

    /// A 2xx JSON answer, or the typed error for anything else.
    fn accept<B: JsonBody>(&self, endpoint: &str, reply: HttpReply<B>, token: &str) -> Result<B, Error> {
        match reply {
            HttpReply::Json { status, body } if (200..300).contains(&status) => Ok(body),
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

    /// Starts a call: checks the endpoint can be called, validates the payload (every problem
    /// is reported), and prepares the query or body. Nothing is sent.
    pub fn begin(&self, endpoint: &'static Endpoint, payload_json: &str) -> Result<Call, Error> {
        if endpoint.js_name.is_none() {
            return Err(Error::Usage(format!(
                "{} is called by the client itself; use getAccessToken() to read the token",
                endpoint.path
            )));
        }
        let report = validate_text(endpoint.request, payload_json);
        if !report.is_valid() {
            return Err(Error::Validation { endpoint: endpoint.path, report });
        }
        let (query, body) = match endpoint.method {
            Method::Get => (url::query_from_object(payload_json), None),
            Method::Post => (String::new(), Some(payload_json.to_owned())),
        };
        Ok(Call {
            endpoint,
            query,
            body,
            rejected: None,
            refreshed: false,
            retries: 0,
            started_ms: self.transport.now_ms(),
        })
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
        self.token(rejected).await
    }

    /// The request to send for `call` with `token`.
    pub fn request_for(&self, call: &Call, token: &str) -> HttpRequest {
        HttpRequest {
            method: call.endpoint.method,
            url: format!(
                "{}/cgi-bin/{}?access_token={}{}",
                self.config.base_url,
                call.endpoint.path,
                url::encode(token),
                call.query
            ),
            body: call.body.clone(),
        }
    }

    /// Decides what WeCom's reply means: done; send again now with a new token (40014, 42001,
    /// 41001 on the first attempt); send again after a backoff (busy or rate-limited errcodes,
    /// and for reads HTTP 5xx or unreadable answers); or a typed error. A write is never resent
    /// after a failure that may have been processed (`OutcomeUnknown`). Texts are redacted.
    pub fn judge<B: JsonBody>(&self, call: &mut Call, reply: HttpReply<B>, token: &str) -> Verdict<B> {
        let answer = match self.accept(call.endpoint.path, reply, token) {
            Ok(answer) => answer,
            Err(e) => return self.after_failure(call, e),
        };
        let errcode = answer.int_field("errcode").unwrap_or(0);
        if errcode == 0 {
            return Verdict::Done(answer);
        }
        if !call.refreshed && errcode::class_of(errcode) == ErrorClass::Refresh {
            call.refreshed = true;
            call.rejected = Some(token.to_owned());
            return Verdict::Retry;
        }
        let errmsg = answer.str_field("errmsg").unwrap_or_default();
        let error = Error::Api { endpoint: call.endpoint.path.into(), errcode, errmsg: self.redact(&errmsg, token) };
        // Busy and rate-limit errcodes prove WeCom did not process the request: safe to resend.
        if error.retryable() {
            if let Some(ms) = self.backoff(call) {
                return Verdict::Backoff(ms);
            }
        }
        Verdict::Fail(error)
    }

    /// Decides what a request that got no answer (refused, reset, DNS…) means for `call`.
    pub fn judge_no_answer<B>(&self, call: &mut Call, message: &str, token: &str) -> Verdict<B> {
        let error = Error::Network { endpoint: call.endpoint.path.into(), message: self.redact(message, token) };
        self.after_failure(call, error)
    }

    /// The error for `call` when the caller's timeout fired.
    pub fn timeout_error(&self, call: &Call, ms: u64) -> Error {
        Error::Timeout { endpoint: call.endpoint.path.into(), ms }
    }

    /// The error for `call` when the caller aborted it.
    pub fn aborted_error(&self, call: &Call) -> Error {
        Error::Aborted { endpoint: call.endpoint.path.into() }
    }

    fn after_failure<B>(&self, call: &mut Call, error: Error) -> Verdict<B> {
        // 429 proves rejection; anything else after a write may have been processed.
        let rejected = matches!(error, Error::Http { status: 429, .. });
        if call.endpoint.write && !rejected {
            return Verdict::Fail(Error::OutcomeUnknown {
                endpoint: call.endpoint.path.into(),
                cause: Box::new(error),
            });
        }
        if error.retryable() {
            if let Some(ms) = self.backoff(call) {
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

    fn current_token(&self) -> String {
        self.tokens.peek().map(|r| r.access_token).unwrap_or_default()
    }

    fn redact(&self, text: &str, token: &str) -> String {
        redact(text, &[self.config.corp_secret.expose(), token])
    }
}

/// One call in progress: what to send, which token WeCom already rejected, retries so far.
#[derive(Debug)]
pub struct Call {
    /// The endpoint.
    pub endpoint: &'static Endpoint,
    query: String,
    body: Option<String>,
    /// A token WeCom just refused: dropped from the cache before the next token is chosen.
    rejected: Option<String>,
    /// The one token refresh of this call has happened.
    refreshed: bool,
    retries: u32,
    started_ms: f64,
}

impl Call {
    /// The token WeCom rejected and that is still to be dropped from the cache, if any.
    pub fn rejected_token(&self) -> Option<&str> {
        self.rejected.as_deref()
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
