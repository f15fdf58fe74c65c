//! The fetch transport: sends core requests with the platform's (or the user's) `fetch`.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wecom_core::client::{HttpReply, HttpRequest, JsonBody, Transport, TransportError};
use wecom_core::Method;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` taking a JS string as is (no copy through wasm memory).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// A parsed JSON answer, kept as the JS object it is (unknown fields and all).
pub struct JsBody(pub JsValue);

impl JsonBody for JsBody {
    fn int_field(&self, key: &str) -> Option<i64> {
        let v = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        let f = v.as_f64().or_else(|| v.as_string().and_then(|s| s.trim().parse::<f64>().ok()))?;
        (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    }
    fn str_field(&self, key: &str) -> Option<String> {
        Reflect::get(&self.0, &JsValue::from_str(key)).ok()?.as_string()
    }
}

/// Sends requests through a `fetch`-compatible function.
pub struct FetchTransport {
    fetch: Function,
    headers: JsValue,
}

impl FetchTransport {
    /// Uses `fetch` (the user's, or `globalThis.fetch`).
    pub fn new(fetch: Function) -> FetchTransport {
        let headers = Object::new();
        let _ = Reflect::set(&headers, &"content-type".into(), &"application/json; charset=utf-8".into());
        FetchTransport { fetch, headers: headers.into() }
    }
}

fn message_of(err: &JsValue) -> String {
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
        let fail = |e: JsValue| TransportError { message: message_of(&e) };
        let init = web_sys::RequestInit::new();
        init.set_method(request.method.as_str());
        if let (Method::Post, Some(body)) = (request.method, &request.body) {
            init.set_body(&JsValue::from_str(body));
            init.set_headers(&self.headers);
        }
        let returned = self.fetch.call2(&JsValue::UNDEFINED, &JsValue::from_str(&request.url), &init).map_err(fail)?;
        let response = JsFuture::from(Promise::resolve(&returned)).await.map_err(fail)?;
        // A user-supplied fetch may resolve to anything: read it defensively (no method call
        // that could throw outside a `Result`).
        if !response.is_object() {
            return Err(TransportError { message: "fetch resolved to something that is not a Response".into() });
        }
        let status = Reflect::get(&response, &"status".into()).map_err(fail)?.as_f64().unwrap_or(0.0);
        let status = if (100.0..=599.0).contains(&status) { status as u16 } else { 0 };
        let text_fn: Function = Reflect::get(&response, &"text".into())
            .map_err(fail)?
            .dyn_into()
            .map_err(|_| TransportError { message: "fetch resolved to something without text()".into() })?;
        let text_promise = text_fn.call0(&response).map_err(fail)?;
        let text = JsFuture::from(Promise::resolve(&text_promise)).await.map_err(fail)?;
        match json_parse(&text) {
            Ok(body) if body.is_object() && !js_sys::Array::is_array(&body) => Ok(HttpReply::Json { status, body: JsBody(body) }),
            _ => {
                let snippet: String = text.as_string().unwrap_or_default().chars().take(200).collect();
                Ok(HttpReply::NotJson { status, snippet })
            }
        }
    }

    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }
}
