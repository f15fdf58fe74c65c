//! Turns core errors into real JS `Error` objects with a stable `code`.
//!
//! The npm package's JS layer registers a factory that builds instances of its own error
//! classes (`WeComApiError` …), so `instanceof` works; without it (e.g. under
//! `wasm-bindgen-test`) a plain `Error` with the same properties is built.

use std::cell::RefCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wecom_core::Error;

thread_local! {
    static FACTORY: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// Registers `factory(className, message, props) -> Error`. Called once by the JS layer.
#[wasm_bindgen(js_name = __setErrorFactory)]
pub fn set_error_factory(factory: Function) {
    FACTORY.with(|f| *f.borrow_mut() = Some(factory));
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Reflect.set on a fresh plain object cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// The JS class name for an error code.
fn class_name(code: &str) -> &'static str {
    match code {
        "E_VALIDATION" => "WeComValidationError",
        "E_API" => "WeComApiError",
        "E_HTTP" | "E_BAD_RESPONSE" => "WeComHttpError",
        "E_NETWORK" => "WeComNetworkError",
        "E_TIMEOUT" => "WeComTimeoutError",
        "E_ABORTED" => "WeComAbortError",
        "E_CONFIG" => "WeComConfigError",
        "E_TOKEN_PROVIDER" => "WeComTokenProviderError",
        _ => "WeComUsageError",
    }
}

/// Builds the JS error for a core error. (`Error::Validation` never reaches here: the engine
/// does not validate, so its report and message tables are not linked in.)
pub fn to_js(error: &Error) -> JsValue {
    let props = Object::new();
    set(&props, "code", &JsValue::from_str(error.code()));
    match error {
        Error::Api { endpoint, errcode, errmsg } => {
            set(&props, "endpoint", &JsValue::from_str(endpoint));
            set(&props, "errcode", &JsValue::from_f64(*errcode as f64));
            set(&props, "errmsg", &JsValue::from_str(errmsg));
            set(&props, "retryable", &JsValue::from_bool(error.retryable()));
            if let Some(ip) = error.from_ip() {
                set(&props, "fromIp", &JsValue::from_str(ip));
            }
            if let Some(info) = wecom_core::errcode::lookup(*errcode) {
                set(&props, "kind", &JsValue::from_str(info.class.as_str()));
                set(&props, "title", &JsValue::from_str(info.title));
                let hint = match error.from_ip() {
                    Some(ip) if *errcode == 60020 => {
                        format!("Add {ip} (the IP WeCom saw) to 企业可信IP of the app; it takes about a minute")
                    }
                    _ => info.hint.to_owned(),
                };
                set(&props, "hint", &JsValue::from_str(&hint));
            } else {
                set(&props, "kind", &JsValue::from_str(wecom_core::errcode::class_of(*errcode).as_str()));
            }
        }
        Error::Http { endpoint, status, snippet } | Error::BadResponse { endpoint, status, snippet } => {
            set(&props, "endpoint", &JsValue::from_str(endpoint));
            set(&props, "status", &JsValue::from_f64(f64::from(*status)));
            set(&props, "body", &JsValue::from_str(snippet));
        }
        Error::Network { endpoint, .. } | Error::Aborted { endpoint } => {
            set(&props, "endpoint", &JsValue::from_str(endpoint));
        }
        Error::Timeout { endpoint, ms } => {
            set(&props, "endpoint", &JsValue::from_str(endpoint));
            set(&props, "timeoutMs", &JsValue::from_f64(*ms as f64));
        }
        Error::OutcomeUnknown { endpoint, cause } => {
            set(&props, "endpoint", &JsValue::from_str(endpoint));
            set(&props, "outcome", &JsValue::from_str("unknown"));
            set(&props, "causeCode", &JsValue::from_str(cause.code()));
            if let Error::Http { status, .. } | Error::BadResponse { status, .. } = cause.as_ref() {
                set(&props, "status", &JsValue::from_f64(f64::from(*status)));
            }
            // A network failure stays a WeComNetworkError, an HTTP/body problem a WeComHttpError.
            let class =
                if matches!(cause.as_ref(), Error::Network { .. }) { "WeComNetworkError" } else { "WeComHttpError" };
            return build(class, &error.to_string(), &props);
        }
        _ => {}
    }
    set(&props, "retryable", &JsValue::from_bool(error.retryable()));
    build(class_name(error.code()), &error.to_string(), &props)
}

/// A usage error raised by the bindings themselves (bad argument types, …).
pub fn usage(code: &str, message: &str) -> JsValue {
    let props = Object::new();
    set(&props, "code", &JsValue::from_str(code));
    build(class_name(code), message, &props)
}

/// Builds an instance of the JS error class `class` (through the registered factory).
pub fn build(class: &str, message: &str, props: &Object) -> JsValue {
    // The factory is taken out of the cell first: no borrow is held while JS runs.
    let factory = FACTORY.with(|f| f.borrow().clone());
    let made = factory.and_then(|factory| {
        factory.call3(&JsValue::NULL, &JsValue::from_str(class), &JsValue::from_str(message), props).ok()
    });
    made.unwrap_or_else(|| {
        let e = js_sys::Error::new(message);
        e.set_name(class);
        // Object.assign(e, props)
        let _ = Object::assign(&e, props);
        e.into()
    })
}
