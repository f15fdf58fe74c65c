//! The fetch transport: sends core requests with the platform's (or the user's) `fetch`.

use std::cell::Cell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wecom_core::client::{HttpReply, HttpRequest, IntMember, JsonBody, Transport, TransportError};
use wecom_core::Method;

#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    /// Sends one request and reads the answer, aborted after `timeout_ms` when > 0 (see
    /// `js/transport.js`).
    fn send(
        fetch: &Function,
        method: &str,
        url: &str,
        body: &JsValue,
        headers: &JsValue,
        signal: &JsValue,
        timeout_ms: f64,
    ) -> Promise;
    /// Resolves after `ms` milliseconds (see `js/transport.js`).
    fn sleep(ms: f64) -> Promise;
    /// Settles like `value`, or rejects once `ms` have passed (see `js/transport.js`).
    pub fn within(value: &JsValue, ms: f64, what: &str) -> Promise;
    /// The same function, as a value for the JS request driver.
    #[wasm_bindgen(thread_local_v2, js_name = send)]
    static SEND: Function;
}

/// The transport's `send(fetch, method, url, body, headers)` function, for the npm package's
/// request driver: one implementation serves both.
#[wasm_bindgen(js_name = __send)]
pub fn send_function() -> Function {
    SEND.with(Function::clone)
}

/// A parsed JSON answer, kept as the JS object it is (unknown fields and all).
pub struct JsBody(pub JsValue);

impl JsonBody for JsBody {
    fn int_member(&self, key: &str) -> IntMember {
        let key = JsValue::from_str(key);
        // Own members only (what JSON.parse made), never something inherited from a prototype.
        let own = self.0.is_object() && Object::has_own(self.0.unchecked_ref::<Object>(), &key);
        if !own {
            return IntMember::Absent;
        }
        let Ok(v) = Reflect::get(&self.0, &key) else { return IntMember::NotInt };
        if let Some(f) = v.as_f64() {
            return IntMember::from_f64(f);
        }
        // A string errcode ("40014", as some proxies send) counts if it is plain digits.
        match v.as_string() {
            Some(text) => IntMember::from_text(&text),
            None => IntMember::NotInt,
        }
    }
    fn str_field(&self, key: &str) -> Option<String> {
        Reflect::get(&self.0, &JsValue::from_str(key)).ok()?.as_string()
    }
}

/// A call's timeout when the client's options give none, ms (WeCom answers in well under a
/// second); it also bounds gettoken and the provider for calls without a timeout.
pub const DEFAULT_TIMEOUT_MS: f64 = 30_000.0;

/// Sends requests through a `fetch`-compatible function.
pub struct FetchTransport {
    /// The fetch function in use.
    pub fetch: Function,
    /// The headers of a JSON POST.
    pub headers: JsValue,
    /// Each request the engine sends itself is aborted after this many ms (set per call by the
    /// client, before it asks for a token): a fetch that never settles cannot hold the token
    /// slot for ever.
    pub timeout_ms: Cell<f64>,
}

impl FetchTransport {
    /// Uses `fetch` (the user's, or `globalThis.fetch`).
    pub fn new(fetch: Function) -> FetchTransport {
        let headers = Object::new();
        let _ = Reflect::set(&headers, &"content-type".into(), &"application/json; charset=utf-8".into());
        FetchTransport { fetch, headers: headers.into(), timeout_ms: Cell::new(DEFAULT_TIMEOUT_MS) }
    }
}

/// The message of a JS error (with its cause), for network errors.
pub fn message_of(err: &JsValue) -> String {
    let own = Reflect::get(err, &"message".into()).ok().and_then(|m| m.as_string());
    let cause = Reflect::get(err, &"cause".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .and_then(|c| Reflect::get(&c, &"message".into()).ok().and_then(|m| m.as_string()).or_else(|| c.as_string()));
    match (own.or_else(|| err.as_string()), cause) {
        (Some(m), Some(c)) => format!("{m} ({c})"),
        (Some(m), None) => m,
        (None, Some(c)) => c,
        (None, None) => "fetch failed".into(),
    }
}

impl Transport for FetchTransport {
    type Body = JsBody;

    async fn send(&self, request: &HttpRequest) -> Result<HttpReply<JsBody>, TransportError> {
        let timeout = self.timeout_ms.get();
        // `within` (js/transport.js) rejects with a TimeoutError at the deadline.
        let fail = |e: JsValue| {
            let timed_out =
                Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() == Some("TimeoutError");
            TransportError { message: message_of(&e), timed_out_ms: timed_out.then_some(timeout as u64) }
        };
        let body = match (request.method, &request.body) {
            (Method::Post, Some(body)) => JsValue::from_str(body),
            _ => JsValue::UNDEFINED,
        };
        let answer = JsFuture::from(send(
            &self.fetch,
            request.method.as_str(),
            &request.url,
            &body,
            &self.headers,
            &JsValue::UNDEFINED,
            timeout,
        ))
        .await
        .map_err(fail)?;
        let part = |i: u32| Reflect::get_u32(&answer, i).unwrap_or(JsValue::UNDEFINED);
        let status = part(0).as_f64().unwrap_or(0.0) as u16;
        let json = part(1);
        if json.is_object() {
            Ok(HttpReply::Json { status, body: JsBody(json) })
        } else {
            Ok(HttpReply::NotJson { status, snippet: part(2).as_string().unwrap_or_default() })
        }
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn random(&self) -> f64 {
        js_sys::Math::random()
    }

    async fn sleep(&self, ms: f64) {
        let _ = JsFuture::from(sleep(ms)).await;
    }
}
