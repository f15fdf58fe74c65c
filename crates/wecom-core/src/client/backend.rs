//! Where access tokens live beyond one client object: a shared store (Redis, a database…) with
//! an optional lock for several processes, or a provider (a central token service). The client
//! keeps its in-process cache in front of either; this trait is only consulted when that cache
//! has nothing fresh. Like [`super::Transport`], it is a seam: the core decides, the
//! implementation does the I/O.
//!
//! Doc: <https://developer.work.weixin.qq.com/document/path/91039> (获取access_token)

use std::fmt;

use sha1::{Digest, Sha1};

use super::token::TokenRecord;

/// The outcome of asking for the refresh lock.
#[derive(Debug)]
pub enum LockState<L> {
    /// This process holds the lock until it calls [`TokenBackend::unlock`] (or the lock's TTL
    /// runs out).
    Acquired(L),
    /// Another process holds it (and is fetching a token).
    Busy,
}

/// What a token provider is asked for. `Debug` hides the rejected token.
#[derive(Clone, Copy)]
pub struct ProvideRequest<'a> {
    /// The corp id of the client asking.
    pub corp_id: &'a str,
    /// A new token is wanted (WeCom rejected the last one, or the caller forced a refresh).
    pub force_refresh: bool,
    /// The token WeCom just rejected, if that is why the provider is asked.
    pub rejected: Option<&'a str>,
}

impl fmt::Debug for ProvideRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProvideRequest")
            .field("corp_id", &self.corp_id)
            .field("force_refresh", &self.force_refresh)
            .field("rejected", &self.rejected.map(|_| "***"))
            .finish()
    }
}

/// Something worth a log line in the token life cycle. Never carries a token or the secret.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TokenEvent<'a> {
    /// gettoken answered a token (info).
    Fetched {
        /// The cache key (corp id and secret hash).
        key: &'a str,
        /// When the token expires, ms since the Unix epoch.
        expires_at_ms: f64,
    },
    /// A token was taken from the shared store (debug).
    FromStore {
        /// The cache key.
        key: &'a str,
    },
    /// The provider answered a token (debug).
    Provided {
        /// When the token expires, ms since the Unix epoch.
        expires_at_ms: f64,
    },
    /// Another process holds the refresh lock; this one waits for its token (debug).
    LockBusy {
        /// The cache key.
        key: &'a str,
    },
    /// A store operation failed, or returned something that is not a token record: the client
    /// goes on with its own cache and gettoken (warn). `message` is redacted.
    StoreFailed {
        /// `get`, `set`, `delete`, `lock` or `unlock`.
        op: &'static str,
        /// What went wrong.
        message: String,
    },
    /// The lock stayed busy for longer than a token fetch can take: fetching without it (warn).
    LockTimedOut {
        /// The cache key.
        key: &'a str,
    },
}

impl TokenEvent<'_> {
    /// `debug`, `info` or `warn`.
    pub fn level(&self) -> &'static str {
        match self {
            TokenEvent::Fetched { .. } => "info",
            TokenEvent::FromStore { .. } | TokenEvent::Provided { .. } | TokenEvent::LockBusy { .. } => "debug",
            TokenEvent::StoreFailed { .. } | TokenEvent::LockTimedOut { .. } => "warn",
        }
    }
}

impl fmt::Display for TokenEvent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenEvent::Fetched { key, .. } => write!(f, "access_token fetched with gettoken for {key}"),
            TokenEvent::FromStore { key } => write!(f, "access_token for {key} taken from the token store"),
            TokenEvent::Provided { .. } => f.write_str("access_token taken from the token provider"),
            TokenEvent::LockBusy { key } => write!(f, "another process is refreshing {key}; waiting for its token"),
            TokenEvent::StoreFailed { op, message } => {
                write!(f, "token store {op} failed ({message}); going on with this process's own cache")
            }
            TokenEvent::LockTimedOut { key } => {
                write!(f, "the refresh lock of {key} stayed busy too long; fetching without it")
            }
        }
    }
}

/// Where tokens come from and are shared. Every method has an in-process-only default, so an
/// implementation overrides what it has: the store methods, or [`TokenBackend::provide`].
/// Futures need not be `Send` (wasm is single-threaded). Errors are plain messages: the client
/// redacts them before they reach a log line.
#[allow(async_fn_in_trait)]
pub trait TokenBackend {
    /// Proof of holding the refresh lock.
    type Lock;
    /// A shared store is configured.
    fn has_store(&self) -> bool {
        false
    }
    /// A token provider is configured (it replaces gettoken and the store).
    fn has_provider(&self) -> bool {
        false
    }
    /// The record stored under `key`, if any.
    async fn get(&self, key: &str) -> Result<Option<TokenRecord>, String> {
        let _ = key;
        Ok(None)
    }
    /// Stores `record` under `key` for `ttl_ms` (until it should be refreshed).
    async fn set(&self, key: &str, record: &TokenRecord, ttl_ms: f64) -> Result<(), String> {
        let _ = (key, record, ttl_ms);
        Ok(())
    }
    /// Removes the record under `key`.
    async fn delete(&self, key: &str) -> Result<(), String> {
        let _ = key;
        Ok(())
    }
    /// Takes the refresh lock of `key` for at most `ttl_ms`; `Ok(None)` when the store has no
    /// lock (one process, or several accepting a few extra gettokens).
    async fn lock(&self, key: &str, ttl_ms: f64) -> Result<Option<LockState<Self::Lock>>, String> {
        let _ = (key, ttl_ms);
        Ok(None)
    }
    /// Releases a lock taken with [`TokenBackend::lock`].
    async fn unlock(&self, lock: Self::Lock) -> Result<(), String> {
        let _ = lock;
        Ok(())
    }
    /// Asks the provider for a token.
    async fn provide(&self, request: ProvideRequest<'_>) -> Result<TokenRecord, String> {
        let _ = request;
        Err("no token provider is configured".into())
    }
    /// Hears about token life-cycle events (for logging).
    fn note(&self, event: &TokenEvent<'_>) {
        let _ = event;
    }
}

/// No store, no provider: the client's own cache and gettoken.
#[derive(Debug, Default, Clone, Copy)]
pub struct InProcess;

impl TokenBackend for InProcess {
    type Lock = ();
}

/// How long a refresh lock is held at most, ms: longer than a gettoken takes, short enough
/// that a crashed holder does not stall the others for long.
pub const LOCK_TTL_MS: f64 = 10_000.0;

/// How long a process waits for another's refresh before fetching itself, ms.
pub const LOCK_WAIT_MS: f64 = 12_000.0;

/// The default prefix of token cache keys.
pub const DEFAULT_KEY_PREFIX: &str = "wecom:access_token:";

/// The cache key of the token of (`corp_id`, `secret`): `prefix` + corp id + `:` + the first
/// 20 hex digits of SHA-1 over a domain tag, the corp id and the secret. The secret itself is
/// never part of a key; two secrets of one corp (two apps) get two keys.
pub fn token_key(prefix: &str, corp_id: &str, secret: &str) -> String {
    let mut hasher = Sha1::new();
    hasher.update(b"wecom-external-contact/token-key/v1\0");
    hasher.update(corp_id.as_bytes());
    hasher.update(b"\0");
    hasher.update(secret.as_bytes());
    let digest = hasher.finalize();
    let mut key = String::with_capacity(prefix.len() + corp_id.len() + 21);
    key.push_str(prefix);
    key.push_str(corp_id);
    key.push(':');
    for b in digest.iter().take(10) {
        key.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        key.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hash_the_secret_and_differ_per_app() {
        let a = token_key(DEFAULT_KEY_PREFIX, "ww1", "secret-one");
        let b = token_key(DEFAULT_KEY_PREFIX, "ww1", "secret-two");
        assert!(a.starts_with("wecom:access_token:ww1:"));
        assert_eq!(a.len(), "wecom:access_token:ww1:".len() + 20);
        assert_ne!(a, b);
        assert!(!a.contains("secret"));
        assert_eq!(a, token_key(DEFAULT_KEY_PREFIX, "ww1", "secret-one"));
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        let (x, y) = (token_key("", "ab", "c"), token_key("", "a", "bc"));
        assert_ne!(x.get(3..), y.get(2..));
    }
}
