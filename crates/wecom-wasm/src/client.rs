//! The `WeComClient` class.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use wecom_core::client::{Call, Client, ClientConfig, HttpReply, Verdict};
use wecom_core::endpoints;
use wecom_core::schema::Secret;
use wecom_core::Locale;

use crate::errors;
use crate::fetch::{message_of, FetchTransport, JsBody};
use crate::validate::{endpoint_arg, locale_of, payload_text};

/// A WeCom client for one corpId/secret pair: validates, adds the cached token, sends with
/// `fetch`, and resolves with the answer's JSON (every field kept) when errcode is 0.
#[wasm_bindgen(js_name = WeComClient)]
pub struct WeComClient {
    inner: Rc<Client<FetchTransport>>,
    locale: Locale,
    /// Calls in progress under the JS request driver (see `npm/src/driver.js`), by id.
    calls: Rc<RefCell<Vec<Option<Pending>>>>,
}

/// A call driven from JS: its state, and the token its last request carried.
struct Pending {
    call: Call,
    token: String,
    fetched: Option<String>,
}

fn get(options: &JsValue, key: &str) -> JsValue {
    Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn config_error(message: &str) -> JsValue {
    errors::usage("E_CONFIG", message)
}

#[wasm_bindgen(js_class = WeComClient)]
impl WeComClient {
    /// `new WeComClient({ corpId, corpSecret, baseUrl?, fetch?, locale? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &JsValue) -> Result<WeComClient, JsValue> {
        if !options.is_object() {
            return Err(config_error("options must be an object: { corpId, corpSecret }"));
        }
        let corp_id =
            get(options, "corpId").as_string().ok_or_else(|| config_error("corpId must be a non-empty string"))?;
        let secret = get(options, "corpSecret")
            .as_string()
            .ok_or_else(|| config_error("corpSecret must be a non-empty string"))?;
        let mut config = ClientConfig::new(corp_id, Secret::new(secret)).map_err(|e| errors::to_js(&e, Locale::En))?;
        let base = get(options, "baseUrl");
        if !base.is_undefined() {
            let base = base.as_string().ok_or_else(|| config_error("baseUrl must be a string"))?;
            config = config.with_base_url(&base).map_err(|e| errors::to_js(&e, Locale::En))?;
        }
        let fetch = match get(options, "fetch") {
            f if f.is_undefined() || f.is_null() => get(&js_sys::global(), "fetch"),
            f => f,
        };
        let fetch: Function = fetch
            .dyn_into()
            .map_err(|_| config_error("no fetch function: pass options.fetch or use Node >= 18 / a browser"))?;
        let locale = locale_of(options).map_err(|_| config_error("locale must be a string such as 'zh-CN' or 'en'"))?;
        Ok(WeComClient {
            inner: Rc::new(Client::new(config, FetchTransport::new(fetch))),
            locale,
            calls: Rc::new(RefCell::new(Vec::new())),
        })
    }

    /// `request(endpoint, payload)`: calls the endpoint at its official path after `/cgi-bin/`.
    pub fn request(&self, endpoint: JsValue, payload: JsValue) -> Promise {
        let endpoint = match endpoint_arg(&endpoint) {
            Ok(e) => e,
            Err(e) => return Promise::reject(&e),
        };
        let text = match payload_text(&payload) {
            Ok(t) => t,
            Err(e) => return Promise::reject(&e),
        };
        let inner = Rc::clone(&self.inner);
        let locale = self.locale;
        future_to_promise(async move {
            inner.request(&endpoint, &text).await.map(|body| body.0).map_err(|e| errors::to_js(&e, locale))
        })
    }

    /// `getAccessToken({ forceRefresh })`: the cached token, or a freshly fetched one.
    #[wasm_bindgen(js_name = getAccessToken)]
    pub fn get_access_token(&self, options: JsValue) -> Promise {
        let force = !options.is_undefined() && !options.is_null() && get(&options, "forceRefresh").is_truthy();
        let inner = Rc::clone(&self.inner);
        let locale = self.locale;
        future_to_promise(async move {
            inner.access_token(force).await.map(|t| JsValue::from_str(&t)).map_err(|e| errors::to_js(&e, locale))
        })
    }

    /// Drops the cached token; the next call fetches a new one.
    #[wasm_bindgen(js_name = invalidateToken)]
    pub fn invalidate_token(&self) {
        self.inner.invalidate_token();
    }

    // ---- The request driver's primitives. `request` above runs the whole call in Rust; the
    // npm package instead drives it from JS with these synchronous steps (plus one async token
    // fetch on a cold cache), which saves the per-call future and closure machinery. Every
    // decision (validation, token choice, retry, error) is still made here, by wecom-core.

    /// Validates and prepares a call; returns its id. Throws the typed error.
    #[wasm_bindgen(js_name = __begin)]
    pub fn begin(&self, endpoint: JsValue, payload: JsValue) -> Result<u32, JsValue> {
        let endpoint = endpoint_arg(&endpoint)?;
        let text = payload_text(&payload)?;
        let ep = endpoints::find(&endpoint)
            .ok_or_else(|| errors::to_js(&wecom_core::Error::UnknownEndpoint(endpoint), self.locale))?;
        let call = self.inner.begin(ep, &text).map_err(|e| errors::to_js(&e, self.locale))?;
        let pending = Some(Pending { call, token: String::new(), fetched: None });
        let mut calls = self.calls.borrow_mut();
        let id = match calls.iter().position(Option::is_none) {
            Some(free) => {
                calls[free] = pending;
                free
            }
            None => {
                calls.push(pending);
                calls.len() - 1
            }
        };
        Ok(id as u32)
    }

    /// `[url, method, body]` for call `id`, or `undefined` when a token must be fetched first
    /// (`__refresh`).
    #[wasm_bindgen(js_name = __next)]
    pub fn next(&self, id: u32) -> JsValue {
        let mut calls = self.calls.borrow_mut();
        let Some(Some(p)) = calls.get_mut(id as usize) else { return JsValue::UNDEFINED };
        let Some(token) = p.fetched.take().or_else(|| self.inner.cached_token(&p.call)) else {
            return JsValue::UNDEFINED;
        };
        let request = self.inner.request_for(&p.call, &token);
        p.token = token;
        let body = request.body.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
        js_sys::Array::of3(&JsValue::from_str(&request.url), &JsValue::from_str(request.method.as_str()), &body).into()
    }

    /// Fetches a token for call `id` (single-flight with every other call of this client).
    #[wasm_bindgen(js_name = __refresh)]
    pub fn refresh(&self, id: u32) -> Promise {
        let (inner, calls, locale) = (Rc::clone(&self.inner), Rc::clone(&self.calls), self.locale);
        future_to_promise(async move {
            let rejected = match calls.borrow().get(id as usize) {
                Some(Some(p)) => p.call.rejected_token().map(str::to_owned),
                _ => return Err(errors::usage("E_USAGE", "internal: unknown call")),
            };
            let token =
                inner.access_token_replacing(rejected.as_deref()).await.map_err(|e| errors::to_js(&e, locale))?;
            if let Some(Some(p)) = calls.borrow_mut().get_mut(id as usize) {
                p.fetched = Some(token);
            }
            Ok(JsValue::UNDEFINED)
        })
    }

    /// Judges the reply `[status, json, snippet]` of call `id`: `0` done (the answer is
    /// `json`), `1` send again with a new token; throws the typed error otherwise.
    #[wasm_bindgen(js_name = __judge)]
    pub fn judge(&self, id: u32, status: u16, json: JsValue, snippet: JsValue) -> Result<u32, JsValue> {
        let mut calls = self.calls.borrow_mut();
        let Some(Some(p)) = calls.get_mut(id as usize) else {
            return Err(errors::usage("E_USAGE", "internal: unknown call"));
        };
        let reply = if json.is_object() {
            HttpReply::Json { status, body: JsBody(json) }
        } else {
            HttpReply::NotJson { status, snippet: snippet.as_string().unwrap_or_default() }
        };
        match self.inner.judge(&mut p.call, reply, &p.token) {
            Verdict::Done(_) => Ok(0),
            Verdict::Retry => Ok(1),
            Verdict::Fail(e) => Err(errors::to_js(&e, self.locale)),
        }
    }

    /// The typed (redacted) error for call `id` whose request got no answer.
    #[wasm_bindgen(js_name = __fail)]
    pub fn fail(&self, id: u32, error: JsValue) -> JsValue {
        let calls = self.calls.borrow();
        match calls.get(id as usize) {
            Some(Some(p)) => {
                errors::to_js(&self.inner.network_error(&p.call, &message_of(&error), &p.token), self.locale)
            }
            _ => errors::usage("E_USAGE", "internal: unknown call"),
        }
    }

    /// Forgets call `id`.
    #[wasm_bindgen(js_name = __end)]
    pub fn end(&self, id: u32) {
        if let Some(slot) = self.calls.borrow_mut().get_mut(id as usize) {
            *slot = None;
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
