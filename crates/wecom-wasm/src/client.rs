//! The `WeComClient` class.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use wecom_core::client::{Call, Client, ClientConfig, HttpReply, RawRequest, RetryPolicy, TokenBackend, Verdict};
use wecom_core::endpoints::{self, Method, Route};
use wecom_core::schema::Secret;
use wecom_core::Locale;

use crate::args::{bounded_text, endpoint_arg, locale_of};
use crate::errors;
use crate::fetch::{message_of, FetchTransport, JsBody, DEFAULT_TIMEOUT_MS};
use crate::props::get;
use crate::token_backend::JsBackend;

/// A WeCom client for one corpId/secret pair: adds the cached token to an already-validated
/// request, sends it with `fetch`, and resolves with the answer's JSON (every field kept) when
/// errcode is 0. The npm package validates in JS before it calls in here.
#[wasm_bindgen(js_name = WeComClient)]
pub struct WeComClient {
    inner: Rc<Client<FetchTransport, JsBackend>>,
    locale: Locale,
    /// Default per-call timeout, ms (0 = none).
    timeout_ms: f64,
    /// Calls in progress under the JS request driver (see `npm/src/driver.js`), by id.
    calls: Rc<RefCell<Vec<Slot>>>,
}

/// A call driven from JS: its state, and the token its last request carried.
struct Pending {
    call: Call,
    token: String,
    fetched: Option<String>,
}

/// One place in the table of calls. A step takes its call out (`Busy`) and puts it back, so no
/// borrow of the table is held while the core or JS code runs (re-entrant calls stay correct).
enum Slot {
    Free,
    Busy,
    Live(Pending),
}

/// Runs `f` on call `id` with the call taken out of the table; `None` for an unknown call.
fn with_call<R>(calls: &RefCell<Vec<Slot>>, id: u32, f: impl FnOnce(&mut Pending) -> R) -> Option<R> {
    let mut pending = {
        let mut table = calls.borrow_mut();
        let slot = table.get_mut(id as usize)?;
        match std::mem::replace(slot, Slot::Busy) {
            Slot::Live(p) => p,
            other => {
                *slot = other;
                return None;
            }
        }
    };
    let out = f(&mut pending);
    if let Some(slot) = calls.borrow_mut().get_mut(id as usize) {
        if matches!(slot, Slot::Busy) {
            *slot = Slot::Live(pending);
        }
    }
    Some(out)
}

fn unknown_call() -> JsValue {
    errors::usage("E_USAGE", "internal: unknown call")
}

/// The longest delay a JS timer can wait, ms (2^31 - 1): longer timeouts are clamped to it.
const MAX_TIMER_MS: f64 = 2_147_483_647.0;

/// A timeout option in ms: 0 and Infinity mean none (0), larger values are clamped to what a
/// timer can wait; `None` for anything that is not a number >= 0.
fn timeout_of(value: &JsValue) -> Option<f64> {
    let ms = value.as_f64().filter(|v| *v >= 0.0)?;
    Some(if ms.is_infinite() { 0.0 } else { ms.min(MAX_TIMER_MS) })
}

fn config_error(message: &str) -> JsValue {
    errors::usage("E_CONFIG", message)
}

/// The route of a declared endpoint (its official path after `/cgi-bin/`), or the typed error.
fn route_of(endpoint: &JsValue) -> Result<Route, JsValue> {
    let endpoint = endpoint_arg(endpoint)?;
    endpoints::find_route(&endpoint)
        .copied()
        .ok_or_else(|| errors::to_js(&wecom_core::Error::UnknownEndpoint(endpoint)))
}

/// `{ maxRetries, baseDelayMs, maxDelayMs, maxElapsedMs }`, each optional.
fn retry_policy(options: &JsValue) -> Result<RetryPolicy, JsValue> {
    if !options.is_object() {
        return Err(config_error("retry must be an object: { maxRetries, baseDelayMs, maxDelayMs, maxElapsedMs }"));
    }
    let mut policy = RetryPolicy::default();
    let number = |key: &str, current: f64| -> Result<f64, JsValue> {
        match get(options, key) {
            v if v.is_undefined() => Ok(current),
            v => v
                .as_f64()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .ok_or_else(|| config_error(&format!("retry.{key} must be a number >= 0"))),
        }
    };
    policy.max_retries = number("maxRetries", f64::from(policy.max_retries))?.min(100.0) as u32;
    policy.base_delay_ms = number("baseDelayMs", policy.base_delay_ms)?;
    policy.max_delay_ms = number("maxDelayMs", policy.max_delay_ms)?;
    policy.max_elapsed_ms = number("maxElapsedMs", policy.max_elapsed_ms)?;
    Ok(policy)
}

#[wasm_bindgen(js_class = WeComClient)]
impl WeComClient {
    /// `new WeComClient({ corpId, corpSecret | tokenProvider, baseUrl?, fetch?, locale?,
    /// timeoutMs?, retry?, strict?, tokenStore?, tokenKeyPrefix?, logger? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &JsValue) -> Result<WeComClient, JsValue> {
        if !options.is_object() {
            return Err(config_error("options must be an object: { corpId, corpSecret }"));
        }
        let corp_id =
            get(options, "corpId").as_string().ok_or_else(|| config_error("corpId must be a non-empty string"))?;
        let backend = JsBackend::from_options(options).map_err(|m| config_error(&m))?;
        let secret = get(options, "corpSecret");
        let mut config = match (secret.as_string(), backend.has_provider()) {
            (Some(_), true) => {
                return Err(config_error("pass corpSecret or tokenProvider, not both: a provider replaces gettoken"))
            }
            (Some(secret), false) => ClientConfig::new(corp_id, Secret::new(secret)),
            (None, true) if secret.is_undefined() || secret.is_null() => ClientConfig::without_secret(corp_id),
            _ => return Err(config_error("corpSecret must be a non-empty string (or pass tokenProvider)")),
        }
        .map_err(|e| errors::to_js(&e))?;
        let prefix = get(options, "tokenKeyPrefix");
        if !prefix.is_undefined() && !prefix.is_null() {
            let prefix = prefix.as_string().ok_or_else(|| config_error("tokenKeyPrefix must be a string"))?;
            config = config.with_key_prefix(&prefix).map_err(|e| errors::to_js(&e))?;
        }
        let base = get(options, "baseUrl");
        if !base.is_undefined() {
            let base = base.as_string().ok_or_else(|| config_error("baseUrl must be a string"))?;
            config = config.with_base_url(&base).map_err(|e| errors::to_js(&e))?;
        }
        let fetch = match get(options, "fetch") {
            f if f.is_undefined() || f.is_null() => get(&js_sys::global(), "fetch"),
            f => f,
        };
        let fetch: Function = fetch
            .dyn_into()
            .map_err(|_| config_error("no fetch function: pass options.fetch or use Node >= 18 / a browser"))?;
        let locale = locale_of(options).map_err(|_| config_error("locale must be a string such as 'zh-CN' or 'en'"))?;
        let timeout_ms = match get(options, "timeoutMs") {
            t if t.is_undefined() || t.is_null() => DEFAULT_TIMEOUT_MS,
            t => timeout_of(&t)
                .ok_or_else(|| config_error("timeoutMs must be a number >= 0 (0 or Infinity = no timeout)"))?,
        };
        let retry = get(options, "retry");
        if !retry.is_undefined() && !retry.is_null() {
            config = config.with_retry(retry_policy(&retry)?).map_err(|e| errors::to_js(&e))?;
        }
        let strict = match get(options, "strict") {
            s if s.is_undefined() || s.is_null() => false,
            s => s.as_bool().ok_or_else(|| config_error("strict must be a boolean (true: warnings are errors)"))?,
        };
        config = config.with_strict(strict);
        let client = WeComClient {
            inner: Rc::new(Client::with_backend(config, FetchTransport::new(fetch), backend)),
            locale,
            timeout_ms,
            calls: Rc::new(RefCell::new(Vec::new())),
        };
        client.bound_token_waits(timeout_ms);
        Ok(client)
    }

    /// `getAccessToken({ forceRefresh })`: the cached token, or a freshly fetched one.
    #[wasm_bindgen(js_name = getAccessToken)]
    pub fn get_access_token(&self, options: JsValue) -> Promise {
        let force = !options.is_undefined() && !options.is_null() && get(&options, "forceRefresh").is_truthy();
        self.bound_token_waits(self.timeout_ms);
        let inner = Rc::clone(&self.inner);
        future_to_promise(async move {
            inner.access_token(force).await.map(|t| JsValue::from_str(&t)).map_err(|e| errors::to_js(&e))
        })
    }

    /// Drops the cached token, and the token store's record if it is the same token; the next
    /// call gets a new one. Resolves when the store has been updated.
    #[wasm_bindgen(js_name = invalidateToken)]
    pub fn invalidate_token(&self) -> Promise {
        let inner = Rc::clone(&self.inner);
        future_to_promise(async move {
            inner.invalidate_token().await;
            Ok(JsValue::UNDEFINED)
        })
    }

    /// The token's key in a shared `tokenStore`: prefix, corp id and a hash of the secret.
    #[wasm_bindgen(getter, js_name = tokenKey)]
    pub fn token_key(&self) -> String {
        self.inner.token_key().to_owned()
    }

    // ---- The request driver's primitives: the npm package drives each call from JS with these
    // synchronous steps (plus one async token fetch on a cold cache), which saves the per-call
    // future and closure machinery (and their code: the engine has no Rust-driven `request`).
    // Every decision (token choice, retry, error) is still made here, by wecom-core; validation
    // is the JS layer's, before `__begin`.

    /// Prepares a call whose payload the JS layer already validated and wrote as JSON `text`;
    /// returns its id. Only the size is checked here. Throws the typed error (unknown endpoint,
    /// gettoken, too large).
    #[wasm_bindgen(js_name = __begin)]
    pub fn begin(&self, endpoint: JsValue, text: JsValue) -> Result<u32, JsValue> {
        let route = route_of(&endpoint)?;
        let text = bounded_text(&text)?;
        let call = self.inner.begin_validated(route, &text).map_err(|e| errors::to_js(&e))?;
        Ok(self.track(call))
    }

    /// Prepares a call in the raw form `{ method, path, query?, body?, idempotent? }` for a path
    /// this SDK does not declare; returns its id. Throws the typed error.
    #[wasm_bindgen(js_name = __beginRaw)]
    pub fn begin_raw(&self, spec: JsValue) -> Result<u32, JsValue> {
        let usage = |m: &str| errors::usage("E_USAGE", m);
        let method = match get(&spec, "method").as_string().map(|m| m.to_ascii_uppercase()).as_deref() {
            Some("GET") => Method::Get,
            Some("POST") => Method::Post,
            _ => return Err(usage("request({ method, path }): method must be \"GET\" or \"POST\"")),
        };
        let path = get(&spec, "path")
            .as_string()
            .ok_or_else(|| usage("request({ method, path }): path must be a string such as \"externalcontact/get\""))?;
        let json = |key: &str| -> Result<Option<String>, JsValue> {
            match get(&spec, key) {
                v if v.is_undefined() || v.is_null() => Ok(None),
                v if v.is_string() => Ok(v.as_string()),
                v => js_sys::JSON::stringify(&v)
                    .ok()
                    .and_then(|s| s.as_string())
                    .map(Some)
                    .ok_or_else(|| usage(&format!("request({{ {key} }}): {key} must be JSON-serializable"))),
            }
        };
        let (query, body) = (json("query")?, json("body")?);
        let raw = RawRequest {
            method,
            path: &path,
            query: query.as_deref(),
            body: body.as_deref(),
            idempotent: get(&spec, "idempotent").is_truthy(),
        };
        let call = self.inner.begin_raw(raw).map_err(|e| errors::to_js(&e))?;
        Ok(self.track(call))
    }

    fn track(&self, call: Call) -> u32 {
        let pending = Slot::Live(Pending { call, token: String::new(), fetched: None });
        let mut calls = self.calls.borrow_mut();
        match calls.iter_mut().enumerate().find(|(_, slot)| matches!(slot, Slot::Free)) {
            Some((id, slot)) => {
                *slot = pending;
                id as u32
            }
            None => {
                calls.push(pending);
                (calls.len() - 1) as u32
            }
        }
    }

    /// Bounds the token path of the next token fetch by `timeout_ms` (the call's timeout; the
    /// default when the call has none): gettoken and the provider.
    fn bound_token_waits(&self, timeout_ms: f64) {
        let ms = if timeout_ms > 0.0 { timeout_ms } else { DEFAULT_TIMEOUT_MS };
        self.inner.transport().timeout_ms.set(ms);
        self.inner.backend().provide_timeout_ms.set(ms);
    }

    /// The client's locale tag (`'en'` or `'zh-CN'`), for the JS layer's own reports.
    #[wasm_bindgen(getter, js_name = __locale)]
    pub fn locale_tag(&self) -> String {
        match self.locale {
            Locale::En => "en".into(),
            _ => "zh-CN".into(),
        }
    }

    /// The path of call `id` and why it is being repeated (the redacted typed error of the
    /// last attempt), for log lines: `[path, error | undefined]`.
    #[wasm_bindgen(js_name = __why)]
    pub fn why(&self, id: u32) -> js_sys::Array {
        let found = with_call(&self.calls, id, |p| (p.call.path.to_string(), p.call.last_error().cloned()));
        match found {
            Some((path, last)) => {
                let last = last.map_or(JsValue::UNDEFINED, |e| errors::to_js(&e));
                js_sys::Array::of2(&JsValue::from_str(&path), &last)
            }
            None => js_sys::Array::new(),
        }
    }

    /// `text` with the secret, the cached token and `access_token=`/`corpsecret=` values
    /// replaced by `***` (every log line passes through it).
    #[wasm_bindgen(js_name = __redact)]
    pub fn redact(&self, text: &str) -> String {
        self.inner.redact_text(text)
    }

    /// `strict` of the options: warnings are errors (the JS layer's validation applies it).
    #[wasm_bindgen(getter, js_name = __strict)]
    pub fn strict(&self) -> bool {
        self.inner.config().strict()
    }

    /// The logger given in the options, or `undefined`.
    #[wasm_bindgen(getter, js_name = __logger)]
    pub fn logger(&self) -> JsValue {
        self.inner.backend().logger()
    }

    /// `[url, method, body]` for call `id`, or `undefined` when a token must be fetched first
    /// (`__refresh`).
    #[wasm_bindgen(js_name = __next)]
    pub fn next(&self, id: u32) -> JsValue {
        let request = with_call(&self.calls, id, |p| {
            let token = match p.fetched.take() {
                Some(token) => {
                    p.call.token_obtained();
                    token
                }
                None => self.inner.cached_token(&mut p.call)?,
            };
            let request = self.inner.request_for(&p.call, &token);
            p.token = token;
            Some(request)
        });
        let Some(Some(request)) = request else { return JsValue::UNDEFINED };
        let body = request.body.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
        js_sys::Array::of3(&JsValue::from_str(&request.url), &JsValue::from_str(request.method.as_str()), &body).into()
    }

    /// Fetches a token for call `id` (single-flight with every other call of this client). The
    /// fetch, or the provider, is abandoned after `timeout_ms` (the call's timeout; the default
    /// when it has none), so a fetch that never settles cannot hold the token slot.
    #[wasm_bindgen(js_name = __refresh)]
    pub fn refresh(&self, id: u32, timeout_ms: f64) -> Promise {
        let Some(rejected) = with_call(&self.calls, id, |p| p.call.rejected_token().map(str::to_owned)) else {
            return Promise::reject(&unknown_call());
        };
        self.bound_token_waits(if timeout_ms.is_finite() { timeout_ms.min(MAX_TIMER_MS) } else { 0.0 });
        let (inner, calls) = (Rc::clone(&self.inner), Rc::clone(&self.calls));
        future_to_promise(async move {
            let token = inner.access_token_replacing(rejected.as_deref()).await.map_err(|e| errors::to_js(&e))?;
            with_call(&calls, id, |p| p.fetched = Some(token));
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Judges the reply `[status, json, snippet]` of call `id`: `-1` done (the answer is `json`),
    /// `0` send again now (new token), `> 0` send again after that many ms; throws the typed
    /// error otherwise.
    #[wasm_bindgen(js_name = __judge)]
    pub fn judge(&self, id: u32, status: u16, json: JsValue, snippet: JsValue) -> Result<f64, JsValue> {
        let reply = if json.is_object() {
            HttpReply::Json { status, body: JsBody(json) }
        } else {
            HttpReply::NotJson { status, snippet: snippet.as_string().unwrap_or_default() }
        };
        let verdict = with_call(&self.calls, id, |p| self.inner.judge(&mut p.call, reply, &p.token));
        self.verdict(verdict.ok_or_else(unknown_call)?)
    }

    /// Judges call `id`'s request that got no answer (`error` from fetch): `> 0` send again
    /// after that many ms (reads), or throws the typed error (a write: outcome unknown).
    #[wasm_bindgen(js_name = __failure)]
    pub fn failure(&self, id: u32, error: JsValue) -> Result<f64, JsValue> {
        // The message is read (getters and all) before the call is touched.
        let message = message_of(&error);
        let verdict =
            with_call(&self.calls, id, |p| self.inner.judge_no_answer::<JsBody>(&mut p.call, &message, &p.token));
        self.verdict(verdict.ok_or_else(unknown_call)?)
    }

    fn verdict(&self, verdict: Verdict<JsBody>) -> Result<f64, JsValue> {
        match verdict {
            Verdict::Done(_) => Ok(-1.0),
            Verdict::Retry => Ok(0.0),
            Verdict::Backoff(ms) => Ok(ms.max(1.0)),
            Verdict::Fail(e) => Err(errors::to_js(&e)),
        }
    }

    /// The typed error for call `id` after its timeout (`ms`) fired.
    #[wasm_bindgen(js_name = __timedOut)]
    pub fn timed_out(&self, id: u32, ms: f64) -> JsValue {
        let error = with_call(&self.calls, id, |p| self.inner.timeout_error(&p.call, ms.max(0.0) as u64));
        error.map_or_else(unknown_call, |e| errors::to_js(&e))
    }

    /// The typed error for call `id` aborted by the caller.
    #[wasm_bindgen(js_name = __aborted)]
    pub fn aborted(&self, id: u32) -> JsValue {
        let error = with_call(&self.calls, id, |p| self.inner.aborted_error(&p.call));
        error.map_or_else(unknown_call, |e| errors::to_js(&e))
    }

    /// The client's default timeout per call, ms (0 = none).
    #[wasm_bindgen(getter, js_name = __timeoutMs)]
    pub fn timeout_ms(&self) -> f64 {
        self.timeout_ms
    }

    /// Forgets call `id`.
    #[wasm_bindgen(js_name = __end)]
    pub fn end(&self, id: u32) {
        let mut calls = self.calls.borrow_mut();
        if let Some(slot) = calls.get_mut(id as usize) {
            *slot = Slot::Free;
        }
        // The table shrinks back once the calls at its end are over (after a burst).
        while matches!(calls.last(), Some(Slot::Free)) {
            calls.pop();
        }
    }

    /// The fetch function and POST headers this client sends with.
    #[wasm_bindgen(getter, js_name = __transport)]
    pub fn transport(&self) -> js_sys::Array {
        let t = self.inner.transport();
        js_sys::Array::of2(&t.fetch, &t.headers)
    }

    /// The corp id (never the secret).
    #[wasm_bindgen(getter, js_name = corpId)]
    pub fn corp_id(&self) -> String {
        self.inner.config().corp_id().to_owned()
    }

    /// The base URL in use.
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.config().base_url().to_owned()
    }
}
