//! Reading members of the option objects JS passes in.

use js_sys::{Function, JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `obj[key]`, or `undefined` when it cannot be read.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` when it is a function.
pub fn method(obj: &JsValue, key: &str) -> Option<Function> {
    get(obj, key).dyn_into::<Function>().ok()
}

/// `value` as a Rust string when it is a JS string of at most `max_units` UTF-16 units; the
/// length is read before anything is copied into wasm memory (each unit is at least one UTF-8
/// byte, at most three). `Ok(None)`: not a string; `Err(units)`: a longer string, not copied.
pub fn string_within(value: &JsValue, max_units: usize) -> Result<Option<String>, usize> {
    let Some(js) = value.dyn_ref::<JsString>() else { return Ok(None) };
    let units = js.length() as usize;
    if units > max_units {
        return Err(units);
    }
    Ok(Some(String::from(js)))
}
