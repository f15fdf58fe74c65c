//! A client's configuration: who it is, where it talks to, how it retries. `Debug` shows no
//! secret.

use super::backend;
use crate::error::Error;
use crate::schema::Secret;

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
    pub(super) corp_id: String,
    /// `None` for a client whose tokens come from a provider.
    pub(super) corp_secret: Option<Secret>,
    pub(super) base_url: String,
    pub(super) retry: RetryPolicy,
    /// Warnings (unknown fields, fields WeCom ignores) are errors: nothing is sent.
    pub(super) strict: bool,
    key_prefix: String,
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
        let mut config = ClientConfig::without_secret(corp_id)?;
        config.corp_secret = Some(corp_secret);
        Ok(config)
    }

    /// A configuration without a secret, for a client whose tokens come from a provider
    /// ([`TokenBackend::provide`](super::TokenBackend::provide)): it never calls gettoken.
    pub fn without_secret(corp_id: impl Into<String>) -> Result<ClientConfig, Error> {
        let corp_id = corp_id.into();
        if corp_id.trim().is_empty() {
            return Err(Error::Config("corpId is required".into()));
        }
        Ok(ClientConfig {
            corp_id,
            corp_secret: None,
            base_url: DEFAULT_BASE_URL.into(),
            retry: RetryPolicy::default(),
            strict: false,
            key_prefix: backend::DEFAULT_KEY_PREFIX.into(),
        })
    }

    /// Prefixes the token's cache key in a shared store with `prefix` (default
    /// `wecom:access_token:`).
    pub fn with_key_prefix(mut self, prefix: &str) -> Result<ClientConfig, Error> {
        if prefix.len() > 200 || prefix.chars().any(char::is_control) {
            return Err(Error::Config("tokenKeyPrefix must be at most 200 bytes, without control characters".into()));
        }
        prefix.clone_into(&mut self.key_prefix);
        Ok(self)
    }

    /// The cache key of this client's token in a shared store: prefix, corp id and a hash of
    /// the secret (never the secret itself).
    pub fn token_key(&self) -> String {
        let secret = self.corp_secret.as_ref().map_or("", Secret::expose);
        backend::token_key(&self.key_prefix, &self.corp_id, secret)
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

    /// With `strict`, a payload with warnings (an unknown field, a field WeCom ignores in its
    /// configuration) is refused like one with errors ([`Error::Validation`], nothing sent);
    /// by default (`false`) it is sent as given. Applies to [`super::Client::begin`] and the
    /// calls built on it; [`super::Client::begin_validated`] leaves validation to its caller.
    pub fn with_strict(mut self, strict: bool) -> ClientConfig {
        self.strict = strict;
        self
    }

    /// Whether warnings are errors (see [`ClientConfig::with_strict`]).
    pub fn strict(&self) -> bool {
        self.strict
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
