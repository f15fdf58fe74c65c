//! Reading the arguments JS passes to the engine: the locale option, the endpoint path, and
//! payload texts (size-checked before they are copied into wasm memory). The engine does not
//! validate: the JS layer does, with the validators generated from the same declarations.

use wasm_bindgen::prelude::*;
use wecom_core::validate::MAX_PAYLOAD_BYTES;
use wecom_core::Locale;

use crate::errors;
use crate::props::{get, string_within};

/// Reads `{ locale }` from an options object (absent → zh-CN).
pub fn locale_of(options: &JsValue) -> Result<Locale, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Locale::ZhCn);
    }
    let locale = get(options, "locale");
    if locale.is_undefined() || locale.is_null() {
        return Ok(Locale::ZhCn);
    }
    locale
        .as_string()
        .map(|tag| Locale::from_tag(&tag))
        .ok_or_else(|| errors::usage("E_USAGE", "options.locale must be a string such as 'zh-CN' or 'en'"))
}

/// The endpoint argument as a string, or a usage error.
pub fn endpoint_arg(endpoint: &JsValue) -> Result<String, JsValue> {
    endpoint.as_string().ok_or_else(|| {
        errors::usage(
            "E_USAGE",
            "endpoint must be a string: the official path after /cgi-bin/, e.g. 'externalcontact/add_contact_way'",
        )
    })
}

fn too_large(units: usize) -> JsValue {
    errors::usage(
        "E_PAYLOAD_TOO_LARGE",
        &format!("the payload is larger than {MAX_PAYLOAD_BYTES} bytes of JSON ({units} UTF-16 units or more); WeCom's requests are far smaller"),
    )
}

/// A JSON text handed over by JS, refused before it is copied into wasm memory when it is
/// longer than [`MAX_PAYLOAD_BYTES`] UTF-16 units (each unit is at least one UTF-8 byte); the
/// core checks the exact byte size.
pub fn bounded_text(text: &JsValue) -> Result<String, JsValue> {
    string_within(text, MAX_PAYLOAD_BYTES)
        .map_err(too_large)?
        .ok_or_else(|| errors::usage("E_USAGE", "internal: the payload text must be a string"))
}
