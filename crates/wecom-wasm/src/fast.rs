//! The fast path of `validate()`: the JS layer walks the payload itself and writes a tape
//! (see `wecom_core::tape`) straight into wasm memory, then makes ONE call with a few numbers.
//! No `JSON.stringify`, no string copies, no object building for a valid payload.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wecom_core::endpoints::ALL;
use wecom_core::rules::{Check, Rule};
use wecom_core::schema::{Kind, Model};
use wecom_core::tape::Tape;
use wecom_core::validate;
use wecom_core::Locale;

use crate::{errors, scratch};

thread_local! {
    static TAPE: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// The most slots a tape may have (32 MiB): the JS writer stops long before, at the 2 MiB
/// payload limit (at most about 1.5 slots per byte of JSON).
const MAX_TAPE_SLOTS: usize = 4 * 1024 * 1024;

/// Makes the tape hold at least `slots` numbers, keeping what was written, and returns its
/// address in wasm memory (valid until the tape changes size again); 0 when that many slots
/// are over the cap or cannot be had.
#[wasm_bindgen(js_name = __tapeReserve)]
pub fn tape_reserve(slots: u32) -> u32 {
    TAPE.with(|t| scratch::reserve(t, slots, 256, MAX_TAPE_SLOTS))
}

/// Shrinks the tape to at most `slots` numbers after a large payload; returns its address.
#[wasm_bindgen(js_name = __tapeShrink)]
pub fn tape_shrink(slots: u32) -> u32 {
    TAPE.with(|t| scratch::shrink(t, slots as usize))
}

/// The slots the tape currently holds.
#[wasm_bindgen(js_name = __tapeCapacity)]
pub fn tape_capacity() -> u32 {
    TAPE.with(scratch::capacity)
}

/// The module's memory, for the JS layer's `Float64Array` view of the tape.
#[wasm_bindgen(js_name = __memory)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Validates the first `len` tape slots as the request of endpoint number `endpoint`
/// (index into the endpoint table). `names` are the member names the tape refers to by
/// negative index. Returns `undefined` when valid, else the report as JSON text.
#[wasm_bindgen(js_name = __validateTape)]
pub fn validate_tape(
    endpoint: u32,
    len: u32,
    names: Option<Vec<String>>,
    locale: u8,
) -> Result<Option<String>, JsValue> {
    let ep = ALL.get(endpoint as usize).ok_or_else(|| errors::usage("E_USAGE", "internal: bad endpoint index"))?;
    let names = names.unwrap_or_default();
    let locale = if locale == 1 { Locale::En } else { Locale::ZhCn };
    // The report is made under the borrow; errors are built (a call into JS) after it ends.
    let outcome = TAPE.with(|t| {
        let t = t.borrow();
        let slots = t.get(..len as usize).ok_or("tape overrun")?;
        let tape = Tape::new(slots, &names, Kind::Object(ep.request)).map_err(|e| e.0)?;
        let report = validate::validate_tape(ep.request, tape);
        Ok::<_, &'static str>((!report.is_valid()).then(|| report.to_json(locale)))
    });
    outcome.map_err(|what| errors::usage("E_USAGE", &format!("internal: corrupt tape ({what})")))
}

#[derive(Serialize)]
struct SchemaOut {
    /// Per endpoint: [path, request model index].
    endpoints: Vec<(&'static str, usize)>,
    /// Per model: fields as [name, child model index or -1, element model index or -1, L],
    /// where a string of at most L UTF-16 units cannot break any rule of the field, so the
    /// writer need not measure it (-1: no string rule at all).
    models: Vec<Vec<(&'static str, i64, i64, i64)>>,
}

fn index_of(models: &mut Vec<&'static Model>, model: &'static Model) -> usize {
    if let Some(i) = models.iter().position(|m| std::ptr::eq(*m, model)) {
        return i;
    }
    models.push(model);
    models.len() - 1
}

fn model_of(kind: Kind) -> Option<&'static Model> {
    match kind {
        Kind::Object(m) => Some(m),
        _ => None,
    }
}

/// The longest string (in UTF-16 units) that no rule of the field can reject: a unit is at
/// least one character and at most 3 UTF-8 bytes (a surrogate pair: 2 units, 4 bytes).
fn measure_threshold(rules: &[Rule]) -> i64 {
    rules
        .iter()
        .filter_map(|r| match r.check {
            Check::MaxChars(n) => Some(n as i64),
            Check::MaxBytes(n) => Some(n as i64 / 3),
            _ => None,
        })
        .min()
        .unwrap_or(-1)
}

/// The request models' field tables, as JSON text, for the JS tape writer.
#[wasm_bindgen(js_name = __schema)]
pub fn schema() -> String {
    let mut models: Vec<&'static Model> = Vec::new();
    let endpoints = ALL.iter().map(|e| (e.path, index_of(&mut models, e.request))).collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while let Some(model) = models.get(i).copied() {
        let mut fields = Vec::new();
        for f in model.fields {
            let kind = (f.kind)();
            let child = model_of(kind).map_or(-1, |m| index_of(&mut models, m) as i64);
            let elem = match kind {
                Kind::Array(inner) => model_of(inner()).map_or(-1, |m| index_of(&mut models, m) as i64),
                _ => -1,
            };
            fields.push((f.name, child, elem, measure_threshold(f.rules)));
        }
        tables.push(fields);
        i += 1;
    }
    serde_json::to_string(&SchemaOut { endpoints, models: tables }).unwrap_or_default()
}
