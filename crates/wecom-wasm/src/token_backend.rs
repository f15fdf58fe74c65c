//! The JS side of token sharing: a `tokenStore` object (`get`/`set`/`delete`, optional
//! `lock`) or a `tokenProvider` function, plus the `logger` that hears token events. The core
//! decides when to use them (`wecom_core::client::backend`); this only calls them.
//!
//! Doc: https://developer.work.weixin.qq.com/document/path/91039

use std::cell::Cell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wecom_core::client::token::TokenRecord;
use wecom_core::client::{LockState, ProvideRequest, TokenBackend, TokenEvent};

use crate::fetch::{message_of, within, DEFAULT_TIMEOUT_MS};
use crate::props::{get, method};

/// How long a provider's bare-string token is used before the provider is asked again, ms.
const BARE_TOKEN_LIFE_MS: f64 = 5.0 * 60_000.0;

/// How long one `tokenStore` operation may take by default before the store counts as failed, ms.
pub const DEFAULT_STORE_TIMEOUT_MS: f64 = 1000.0;

/// After a store operation timed out, the store is left alone for this long, ms: calls go on
/// without it (own cache and gettoken) instead of waiting for it again and again.
const STORE_PAUSE_MS: f64 = 30_000.0;

/// The user's store, provider and logger (each optional).
pub struct JsBackend {
    store: Option<Object>,
    has_lock: bool,
    provider: Option<Function>,
    logger: Option<Object>,
    /// Longest wait for one store operation, ms.
    store_timeout_ms: f64,
    /// The store is skipped until then (ms since the epoch) after a timeout.
    store_paused_until: Cell<f64>,
    /// Longest wait for the provider, ms: set per call by the client (the call's timeout).
    pub provide_timeout_ms: Cell<f64>,
}

impl Default for JsBackend {
    fn default() -> Self {
        JsBackend {
            store: None,
            has_lock: false,
            provider: None,
            logger: None,
            store_timeout_ms: DEFAULT_STORE_TIMEOUT_MS,
            store_paused_until: Cell::new(0.0),
            provide_timeout_ms: Cell::new(DEFAULT_TIMEOUT_MS),
        }
    }
}

/// Awaits whatever a user function returned (a value or a thenable), for at most `ms`.
async fn settle(value: Result<JsValue, JsValue>, ms: f64, what: &str) -> Result<JsValue, String> {
    let value = value.map_err(|e| message_of(&e))?;
    JsFuture::from(within(&value, ms, what)).await.map_err(|e| message_of(&e))
}

/// A `{ accessToken, expiresAt, refreshAt? }` record (expiry in ms since the epoch).
fn record_from(value: &JsValue, now: f64) -> Result<TokenRecord, String> {
    let token = get(value, "accessToken").as_string().unwrap_or_default();
    let expires_at = get(value, "expiresAt").as_f64().unwrap_or(f64::NAN);
    let refresh_at = get(value, "refreshAt").as_f64();
    TokenRecord::from_stored(token, expires_at, refresh_at, now)
        .ok_or_else(|| "expected { accessToken: non-empty string, expiresAt: ms since the epoch (number) }".to_owned())
}

fn record_to_js(record: &TokenRecord) -> JsValue {
    let obj = Object::new();
    let _ = Reflect::set(&obj, &"accessToken".into(), &JsValue::from_str(&record.access_token));
    let _ = Reflect::set(&obj, &"expiresAt".into(), &JsValue::from_f64(record.expires_at_ms));
    let _ = Reflect::set(&obj, &"refreshAt".into(), &JsValue::from_f64(record.refresh_at_ms));
    obj.into()
}

impl JsBackend {
    /// Checks and keeps `tokenStore`, `tokenProvider` and `logger` from the client options.
    pub fn from_options(options: &JsValue) -> Result<JsBackend, String> {
        let mut backend = JsBackend::default();
        let store = get(options, "tokenStore");
        if !store.is_undefined() && !store.is_null() {
            let ok = store.is_object() && ["get", "set", "delete"].iter().all(|m| method(&store, m).is_some());
            if !ok {
                return Err("tokenStore must be an object with get(key), set(key, record, ttlMs) and delete(key) methods (lock(key, ttlMs) optional)".into());
            }
            let lock = get(&store, "lock");
            if !lock.is_undefined() && !lock.is_function() {
                return Err("tokenStore.lock must be a function (key, ttlMs) => release function | null".into());
            }
            backend.has_lock = lock.is_function();
            backend.store = Some(store.unchecked_into());
        }
        let timeout = get(options, "tokenStoreTimeoutMs");
        if !timeout.is_undefined() && !timeout.is_null() {
            backend.store_timeout_ms = timeout
                .as_f64()
                .filter(|ms| *ms > 0.0 && *ms <= 60_000.0)
                .ok_or_else(|| "tokenStoreTimeoutMs must be a number of ms > 0 and <= 60000".to_owned())?;
        }
        let provider = get(options, "tokenProvider");
        if !provider.is_undefined() && !provider.is_null() {
            let Some(f) = provider.dyn_ref::<Function>() else {
                return Err(
                    "tokenProvider must be a function ({ corpId, forceRefresh, rejectedToken }) => token".into()
                );
            };
            if backend.store.is_some() {
                return Err("pass tokenStore or tokenProvider, not both (a provider manages its own caching)".into());
            }
            backend.provider = Some(f.clone());
        }
        let logger = get(options, "logger");
        if !logger.is_undefined() && !logger.is_null() {
            let ok =
                logger.is_object() && ["debug", "info", "warn", "error"].iter().any(|m| method(&logger, m).is_some());
            if !ok {
                return Err("logger must be an object with debug/info/warn/error methods (console works)".into());
            }
            backend.logger = Some(logger.unchecked_into());
        }
        Ok(backend)
    }

    /// The logger, if any (the JS request driver logs through it too).
    pub fn logger(&self) -> JsValue {
        self.logger.as_ref().map_or(JsValue::UNDEFINED, |l| l.clone().into())
    }

    /// Calls `tokenStore[name](...args)`, bounded by the store timeout. `None` while the store
    /// is paused after a timeout (the caller then goes on as if there were no store).
    async fn call_store(&self, name: &str, args: &[JsValue]) -> Result<Option<JsValue>, String> {
        let Some(store) = self.store.as_ref() else { return Ok(None) };
        if js_sys::Date::now() < self.store_paused_until.get() {
            return Ok(None);
        }
        let Some(f) = method(store, name) else { return Err(format!("tokenStore.{name} is not a function")) };
        let result = match args {
            [a] => f.call1(store, a),
            [a, b] => f.call2(store, a, b),
            [a, b, c] => f.call3(store, a, b, c),
            _ => f.call0(store),
        };
        let what = format!("tokenStore.{name}");
        match settle(result, self.store_timeout_ms, &what).await {
            Ok(value) => Ok(Some(value)),
            Err(message) => {
                if message.contains("did not settle within") {
                    self.store_paused_until.set(js_sys::Date::now() + STORE_PAUSE_MS);
                    return Err(format!("{message}; the store is skipped for {} s", STORE_PAUSE_MS as u32 / 1000));
                }
                Err(message)
            }
        }
    }
}

impl TokenBackend for JsBackend {
    type Lock = Function;

    fn has_store(&self) -> bool {
        self.store.is_some()
    }

    fn has_provider(&self) -> bool {
        self.provider.is_some()
    }

    async fn get(&self, key: &str) -> Result<Option<TokenRecord>, String> {
        let Some(value) = self.call_store("get", &[JsValue::from_str(key)]).await? else { return Ok(None) };
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        record_from(&value, js_sys::Date::now()).map(Some).map_err(|m| format!("get returned a bad record: {m}"))
    }

    async fn set(&self, key: &str, record: &TokenRecord, ttl_ms: f64) -> Result<(), String> {
        let args = [JsValue::from_str(key), record_to_js(record), JsValue::from_f64(ttl_ms.round())];
        self.call_store("set", &args).await.map(drop)
    }

    async fn delete(&self, key: &str) -> Result<(), String> {
        self.call_store("delete", &[JsValue::from_str(key)]).await.map(drop)
    }

    async fn lock(&self, key: &str, ttl_ms: f64) -> Result<Option<LockState<Function>>, String> {
        if !self.has_lock {
            return Ok(None);
        }
        let args = [JsValue::from_str(key), JsValue::from_f64(ttl_ms.round())];
        let Some(held) = self.call_store("lock", &args).await? else { return Ok(None) };
        match held.dyn_into::<Function>() {
            Ok(release) => Ok(Some(LockState::Acquired(release))),
            Err(v) if v.is_undefined() || v.is_null() || v == JsValue::FALSE => Ok(Some(LockState::Busy)),
            Err(_) => Err("lock must resolve to a release function when acquired, or null when busy".into()),
        }
    }

    async fn unlock(&self, release: Function) -> Result<(), String> {
        settle(release.call0(&JsValue::UNDEFINED), self.store_timeout_ms, "the lock's release function").await.map(drop)
    }

    async fn provide(&self, request: ProvideRequest<'_>) -> Result<TokenRecord, String> {
        let Some(provider) = self.provider.as_ref() else { return Err("no token provider is configured".into()) };
        let arg = Object::new();
        let _ = Reflect::set(&arg, &"corpId".into(), &JsValue::from_str(request.corp_id));
        let _ = Reflect::set(&arg, &"forceRefresh".into(), &JsValue::from_bool(request.force_refresh));
        let rejected = request.rejected.map_or(JsValue::UNDEFINED, JsValue::from_str);
        let _ = Reflect::set(&arg, &"rejectedToken".into(), &rejected);
        let value =
            settle(provider.call1(&JsValue::UNDEFINED, &arg), self.provide_timeout_ms.get(), "tokenProvider").await?;
        let now = js_sys::Date::now();
        match value.as_string() {
            Some(token) => TokenRecord::from_stored(token, now + BARE_TOKEN_LIFE_MS, None, now)
                .ok_or_else(|| "the provider returned an empty token".to_owned()),
            None if value.is_object() => record_from(&value, now),
            None => Err("the provider must return a token string or { accessToken, expiresAt }".into()),
        }
    }

    fn note(&self, event: &TokenEvent<'_>) {
        let Some(logger) = self.logger.as_ref() else { return };
        let fields = Object::new();
        let (name, key, expires_at) = match event {
            TokenEvent::Fetched { key, expires_at_ms } => ("token.fetched", Some(*key), Some(*expires_at_ms)),
            TokenEvent::FromStore { key } => ("token.from_store", Some(*key), None),
            TokenEvent::Provided { expires_at_ms } => ("token.provided", None, Some(*expires_at_ms)),
            TokenEvent::LockBusy { key } => ("token.lock_busy", Some(*key), None),
            TokenEvent::StoreFailed { op, .. } => {
                let _ = Reflect::set(&fields, &"op".into(), &JsValue::from_str(op));
                ("token.store_failed", None, None)
            }
            TokenEvent::LockTimedOut { key } => ("token.lock_timeout", Some(*key), None),
            _ => ("token.event", None, None),
        };
        let _ = Reflect::set(&fields, &"event".into(), &JsValue::from_str(name));
        if let Some(key) = key {
            let _ = Reflect::set(&fields, &"key".into(), &JsValue::from_str(key));
        }
        if let Some(at) = expires_at {
            let _ = Reflect::set(&fields, &"expiresAt".into(), &JsValue::from_f64(at));
        }
        if let Some(f) = method(logger, event.level()) {
            // A throwing logger never breaks a call.
            let _ = f.call2(logger, &JsValue::from_str(&format!("wecom: {event}")), &fields);
        }
    }
}
