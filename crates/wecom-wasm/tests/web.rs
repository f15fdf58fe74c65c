//! Browser-only checks: the bindings work with the page's own `fetch` global present.

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_global_fetch() {
    let global = js_sys::global();
    assert!(js_sys::Reflect::get(&global, &"document".into()).map(|d| d.is_object()).unwrap_or(false));
    let options = js_sys::JSON::parse("{\"corpId\":\"ww\",\"corpSecret\":\"s\"}").unwrap();
    let client = wecom_wasm::WeComClient::new(&options).expect("global fetch is used by default");
    assert_eq!(client.base_url(), "https://qyapi.weixin.qq.com");
}
