//! Where a token comes from when the cache has none: the provider; or the shared store, else
//! gettoken under the store's lock (double-checked) and stored. Every token seen on the way is
//! held for redaction before anything (a store call, a log line) can mention it.

use super::backend::{LockState, ProvideRequest, TokenBackend, TokenEvent, LOCK_TTL_MS, LOCK_WAIT_MS};
use super::held::MAX_TOKEN_BYTES;
use super::token::{Next, TokenRecord};
use super::transport::{HttpRequest, IntMember, JsonBody, Transport};
use super::{url, Client, ERRCODE_MISSING, ERRCODE_NOT_INT};
use crate::endpoints::Method;
use crate::error::Error;

impl<T: Transport, K: TokenBackend> Client<T, K> {
    pub(super) async fn token(&self, reject: Option<&str>, force: bool) -> Result<String, Error> {
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
                    let outcome = self.obtain(reject, force).await;
                    let result = outcome.as_ref().map(|r| r.access_token.clone()).map_err(Clone::clone);
                    self.tokens.finish(guard, outcome);
                    return result;
                }
            }
        }
    }

    /// A token for a cold cache, never `reject`: from the provider; or from the shared store,
    /// else fetched under the store's lock (double-checked once the lock is held) and stored.
    /// A failing store never fails the call: it is noted and the client fetches by itself.
    pub(super) async fn obtain(&self, reject: Option<&str>, force: bool) -> Result<TokenRecord, Error> {
        if self.backend.has_provider() {
            return self.provided(reject, force).await;
        }
        if !self.backend.has_store() {
            return self.fetch_token().await;
        }
        let mut forced_out = None;
        if force {
            // A forced refresh treats the stored token like a rejected one.
            forced_out = self.stored(None).await.map(|r| r.access_token);
        } else if let Some(record) = self.stored(reject).await {
            return Ok(record);
        }
        let reject = reject.or(forced_out.as_deref());
        let deadline = self.transport.now_ms() + LOCK_WAIT_MS;
        let mut delay = 20.0;
        loop {
            let lock = match self.backend.lock(&self.key, LOCK_TTL_MS).await {
                Ok(Some(LockState::Acquired(lock))) => Some(lock),
                Ok(Some(LockState::Busy)) => {
                    if self.transport.now_ms() >= deadline {
                        self.backend.note(&TokenEvent::LockTimedOut { key: &self.key });
                        return self.fetch_and_store().await;
                    }
                    self.backend.note(&TokenEvent::LockBusy { key: &self.key });
                    self.transport.sleep(delay).await;
                    delay = (delay * 2.0).min(500.0);
                    if let Some(record) = self.stored(reject).await {
                        return Ok(record);
                    }
                    continue;
                }
                Ok(None) => None,
                Err(message) => {
                    self.store_failed("lock", &message);
                    None
                }
            };
            let outcome = match lock {
                // Double check: the token may have been stored while this process waited.
                Some(_) => match self.stored(reject).await {
                    Some(record) => Ok(record),
                    None => self.fetch_and_store().await,
                },
                None => self.fetch_and_store().await,
            };
            if let Some(lock) = lock {
                if let Err(message) = self.backend.unlock(lock).await {
                    self.store_failed("unlock", &message);
                }
            }
            return outcome;
        }
    }

    /// The provider's token; an error if it fails or hands back the token WeCom just rejected.
    pub(super) async fn provided(&self, reject: Option<&str>, force: bool) -> Result<TokenRecord, Error> {
        let request = ProvideRequest {
            corp_id: &self.config.corp_id,
            force_refresh: force || reject.is_some(),
            rejected: reject,
        };
        let record = self
            .backend
            .provide(request)
            .await
            .map_err(|message| Error::TokenProvider(self.redact_opaque(&message)))?;
        // Held from now on: any later message quoting it is redacted.
        self.held.remember(&record.access_token);
        if record.access_token.len() > MAX_TOKEN_BYTES {
            return Err(Error::TokenProvider(format!(
                "the provider returned a token longer than {MAX_TOKEN_BYTES} bytes"
            )));
        }
        if reject == Some(record.access_token.as_str()) {
            return Err(Error::TokenProvider(
                "the provider returned the token WeCom just rejected (asked with forceRefresh: true)".into(),
            ));
        }
        if record.expires_at_ms <= self.transport.now_ms() {
            return Err(Error::TokenProvider(
                "the provider returned a token whose expiresAt has passed (expiresAt is in ms since the Unix epoch)"
                    .into(),
            ));
        }
        self.backend.note(&TokenEvent::Provided { expires_at_ms: record.expires_at_ms });
        Ok(record)
    }

    /// The stored record if it is fresh and not `reject` (a stored `reject` counts as absent and
    /// is left alone: whoever takes the lock next overwrites it. Deleting it here would race with
    /// another process that has just stored its replacement, which a get-then-delete can remove).
    pub(super) async fn stored(&self, reject: Option<&str>) -> Option<TokenRecord> {
        self.read_stored(reject, false).await
    }

    /// [`Self::stored`], deleting a stored `reject` when `drop_rejected` (`invalidate_token`).
    pub(super) async fn read_stored(&self, reject: Option<&str>, drop_rejected: bool) -> Option<TokenRecord> {
        let got = self.backend.get(&self.key).await;
        if let Ok(Some(record)) = &got {
            // Held from now on, whatever happens to it: any message quoting it is redacted.
            self.held.remember(&record.access_token);
        }
        match got {
            Ok(Some(record)) if record.access_token.len() > MAX_TOKEN_BYTES => {
                self.store_failed("get", &format!("the stored token is longer than {MAX_TOKEN_BYTES} bytes"));
                None
            }
            Ok(Some(record)) if Some(record.access_token.as_str()) == reject => {
                if drop_rejected {
                    self.store_delete().await;
                }
                None
            }
            Ok(Some(record)) if record.is_fresh(self.transport.now_ms()) => {
                self.backend.note(&TokenEvent::FromStore { key: &self.key });
                Some(record)
            }
            Ok(_) => None,
            Err(message) => {
                self.store_failed("get", &message);
                None
            }
        }
    }

    pub(super) async fn store_delete(&self) {
        if let Err(message) = self.backend.delete(&self.key).await {
            self.store_failed("delete", &message);
        }
    }

    /// gettoken, then the record goes to the store until it is due for refresh.
    pub(super) async fn fetch_and_store(&self) -> Result<TokenRecord, Error> {
        let record = self.fetch_token().await?;
        let ttl = record.store_ttl_ms(self.transport.now_ms());
        if let Err(message) = self.backend.set(&self.key, &record, ttl).await {
            self.store_failed("set", &message);
        }
        Ok(record)
    }

    pub(super) fn store_failed(&self, op: &'static str, message: &str) {
        let message = self.redact_opaque(message);
        self.backend.note(&TokenEvent::StoreFailed { op, message });
    }

    pub(super) async fn fetch_token(&self) -> Result<TokenRecord, Error> {
        let Some(secret) = self.config.corp_secret.as_ref() else {
            return Err(Error::Config("no corpSecret: this client gets its tokens from a provider only".into()));
        };
        let request = HttpRequest {
            method: Method::Get,
            url: format!(
                "{}/cgi-bin/gettoken?corpid={}&corpsecret={}",
                self.config.base_url,
                url::encode(&self.config.corp_id),
                url::encode(secret.expose())
            ),
            body: None,
        };
        let (status, answer) = self.send("gettoken", &request, "").await?;
        let bad = |snippet: &str| Error::BadResponse { endpoint: "gettoken".into(), status, snippet: snippet.into() };
        match answer.int_member("errcode") {
            IntMember::Int(0) => {}
            IntMember::Int(errcode) => {
                let errmsg = answer.str_field("errmsg").unwrap_or_default();
                return Err(Error::Api { endpoint: "gettoken".into(), errcode, errmsg: self.redact(&errmsg, "") });
            }
            IntMember::Absent => return Err(bad(ERRCODE_MISSING)),
            IntMember::NotInt => return Err(bad(ERRCODE_NOT_INT)),
        }
        let token = answer.str_field("access_token");
        if let Some(token) = &token {
            // Held before anything (a store, a log line) can mention it.
            self.held.remember(token);
        }
        match token {
            Some(token) if token.len() > MAX_TOKEN_BYTES => {
                Err(bad(&format!("the access_token is longer than {MAX_TOKEN_BYTES} bytes")))
            }
            Some(token) if !token.is_empty() => {
                let expires_in = answer.int_field("expires_in").unwrap_or(7200);
                let mut record = TokenRecord::new(token, expires_in, self.transport.now_ms());
                // WeCom answers the token it already gave while that one is valid (with the
                // seconds it has left): refreshing early again would only fetch it again, at ever
                // shorter intervals. The same token is used until it expires.
                if self.tokens.peek().is_some_and(|prev| prev.access_token == record.access_token) {
                    record.refresh_at_ms = record.expires_at_ms;
                }
                self.backend.note(&TokenEvent::Fetched { key: &self.key, expires_at_ms: record.expires_at_ms });
                Ok(record)
            }
            _ => Err(bad("errcode 0 but no access_token in the answer")),
        }
    }
}
