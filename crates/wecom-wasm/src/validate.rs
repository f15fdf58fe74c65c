//! `validate(endpoint, payload, { locale })`.

use wasm_bindgen::prelude::*;
use wecom_core::validate::{validate_payload, MAX_PAYLOAD_BYTES};
use wecom_core::{endpoints, Error, Locale};

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

/// `JSON.stringify(payload)`, size-checked before it is copied into wasm memory; `undefined`
/// counts as `{}` (endpoints without parameters).
pub fn payload_text(payload: &JsValue) -> Result<String, JsValue> {
    if payload.is_undefined() {
        return Ok(String::from("{}"));
    }
    let text = js_sys::JSON::stringify(payload)
        .map_err(|_| errors::usage("E_INVALID_PAYLOAD", "the payload cannot be turned into JSON (cycle or BigInt?)"))?;
    if text.is_undefined() {
        return Ok(String::from("null"));
    }
    bounded_text(&text.into())
}

/// Validates `payload` against the rules of `endpoint` (the official path after `/cgi-bin/`)
/// and returns `{ valid, errors: [{ path, rule, message, params }] }` listing every problem.
#[wasm_bindgen]
pub fn validate(endpoint: &JsValue, payload: &JsValue, options: &JsValue) -> Result<JsValue, JsValue> {
    let locale = locale_of(options)?;
    let endpoint = endpoint_arg(endpoint)?;
    let Some(ep) = endpoints::find(&endpoint) else {
        return Err(errors::to_js(&Error::UnknownEndpoint(endpoint), locale));
    };
    let text = payload_text(payload)?;
    let report = validate_payload(ep.request, &text).map_err(|e| errors::to_js(&e, locale))?;
    let json = if report.is_valid() { String::from("{\"valid\":true,\"errors\":[]}") } else { report.to_json(locale) };
    js_sys::JSON::parse(&json)
}
