//! The endpoint table, as data for the JS layer (one method per endpoint) and for docs.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EndpointOut {
    path: &'static str,
    method: &'static str,
    js_name: Option<&'static str>,
    doc_url: String,
    summary_zh: &'static str,
    summary_en: &'static str,
    request: &'static str,
    response: &'static str,
}

/// `[{ path, method, jsName, docUrl, summaryZh, summaryEn, request, response }]` for every endpoint.
#[wasm_bindgen]
pub fn endpoints() -> Result<JsValue, JsValue> {
    let list: Vec<EndpointOut> = wecom_core::endpoints::ALL
        .iter()
        .map(|e| EndpointOut {
            path: e.path,
            method: e.method.as_str(),
            js_name: e.js_name,
            doc_url: e.doc_url(),
            summary_zh: e.summary_zh,
            summary_en: e.summary_en,
            request: e.request.name,
            response: e.response.name,
        })
        .collect();
    serde_wasm_bindgen::to_value(&list).map_err(JsValue::from)
}
