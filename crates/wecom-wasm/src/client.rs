//! The `WeComClient` class.

use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::future_to_promise;
use wecom_core::client::{Client, ClientConfig};
use wecom_core::schema::Secret;
use wecom_core::Locale;

use crate::errors;
use crate::fetch::FetchTransport;
use crate::validate::{endpoint_arg, locale_of, payload_text};

/// A WeCom client for one corpId/secret pair: validates, adds the cached token, sends with
/// `fetch`, and resolves with the answer's JSON (every field kept) when errcode is 0.
#[wasm_bindgen(js_name = WeComClient)]
pub struct WeComClient {
    inner: Rc<Client<FetchTransport>>,
    locale: Locale,
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
        let corp_id = get(options, "corpId").as_string().ok_or_else(|| config_error("corpId must be a non-empty string"))?;
        let secret = get(options, "corpSecret").as_string().ok_or_else(|| config_error("corpSecret must be a non-empty string"))?;
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
        Ok(WeComClient { inner: Rc::new(Client::new(config, FetchTransport::new(fetch))), locale })
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
