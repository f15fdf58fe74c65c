//! wasm-bindgen tests of the bindings, run in Node (`wasm-pack test --node`) and in headless
//! Chromium (`WASM_BINDGEN_USE_BROWSER=1 wasm-pack test --headless --chrome`).

use std::future::Future;
use std::pin::pin;
use std::task::Poll;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use wecom_wasm::WeComClient;

fn js(code: &str) -> JsValue {
    Function::new_no_args(&format!("return ({code});")).call0(&JsValue::NULL).expect("test helper JS must evaluate")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("object")
}

/// A fake fetch: answers gettoken with a token, then replays `answers` (JSON texts or
/// `{status, body}`) for the other calls, and records every URL in `fake.calls`.
fn fake_fetch(answers: &str) -> JsValue {
    js(&format!(
        r#"(() => {{
            const answers = {answers};
            const f = async (url, init) => {{
                f.calls.push({{ url, init }});
                if (url.includes('/cgi-bin/gettoken')) {{
                    f.tokens += 1;
                    return {{ status: 200, text: async () => JSON.stringify({{ errcode: 0, errmsg: 'ok', access_token: 'TOKEN-' + f.tokens + '-abcdef', expires_in: 7200 }}) }};
                }}
                const a = answers.shift();
                if (a instanceof Error) throw a;
                if (a && typeof a === 'object' && 'status' in a) return {{ status: a.status, text: async () => a.body }};
                return {{ status: 200, text: async () => JSON.stringify(a) }};
            }};
            f.calls = []; f.tokens = 0;
            return f;
        }})()"#
    ))
}

fn client(fetch: &JsValue) -> WeComClient {
    client_with(fetch, "{}")
}

/// A client with extra options (a JS object literal), e.g. a retry policy.
fn client_with(fetch: &JsValue, extra: &str) -> WeComClient {
    let options = js(&format!(
        "Object.assign({{ corpId: 'wwcorp', corpSecret: 'S3CRET-value-123', baseUrl: 'http://127.0.0.1:9' }}, {extra})"
    ));
    Reflect::set(&options, &"fetch".into(), fetch).unwrap();
    WeComClient::new(&options).expect("valid options")
}

async fn settle(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// One call through the engine's request primitives, in the order the npm package's request
/// driver (`npm/src/driver.js`) makes them: `__begin` with the (already validated) JSON text,
/// then `__next` / `__refresh` / the transport's `send` / `__judge` or `__failure`, until done;
/// `__end` in every case.
async fn request(c: &WeComClient, endpoint: &str, payload: JsValue) -> Result<JsValue, JsValue> {
    let text = if payload.is_undefined() { JsValue::from_str("{}") } else { js_sys::JSON::stringify(&payload)?.into() };
    let id = c.begin(endpoint.into(), text)?;
    let outcome = drive(c, id).await;
    c.end(id);
    outcome
}

async fn drive(c: &WeComClient, id: u32) -> Result<JsValue, JsValue> {
    let send = wecom_wasm::send_function();
    let transport = c.transport();
    loop {
        let mut next = c.next(id);
        if next.is_undefined() {
            settle(c.refresh(id, 0.0)).await?;
            next = c.next(id);
        }
        let next = Array::from(&next);
        let args = Array::of5(&transport.get(0), &next.get(1), &next.get(0), &next.get(2), &transport.get(1));
        let sent = Promise::resolve(&send.apply(&JsValue::NULL, &args)?);
        let verdict = match settle(sent).await {
            Ok(reply) => {
                let reply = Array::from(&reply);
                let status = reply.get(0).as_f64().unwrap_or(0.0) as u16;
                let verdict = c.judge(id, status, reply.get(1), reply.get(2))?;
                if verdict < 0.0 {
                    return Ok(reply.get(1));
                }
                verdict
            }
            Err(e) => c.failure(id, e)?,
        };
        if verdict > 0.0 {
            settle(js(&format!("new Promise((resolve) => setTimeout(resolve, {verdict}))")).into()).await?;
        }
    }
}

/// Runs two futures side by side (two calls in flight at once).
async fn join2<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (ra.expect("ready"), rb.expect("ready"))
}

#[wasm_bindgen_test]
async fn the_engine_sends_the_request_as_given() {
    // Issue 9: validation is the JS layer's (before it calls in): the engine sends what it is
    // handed, an undeclared field and a value the rules would refuse included.
    let fetch = fake_fetch("[{ errcode: 0, errmsg: 'ok', config_id: 'c' }]");
    let c = client(&fetch);
    let payload = js("{ type: 3, scene: 2, user: ['u'], mass_call_ticket: 'T' }");
    request(&c, "externalcontact/add_contact_way", payload).await.unwrap();
    let calls = js_sys::Array::from(&get(&fetch, "calls"));
    let body = get(&get(&calls.get(1), "init"), "body").as_string().unwrap();
    assert_eq!(body, r#"{"type":3,"scene":2,"user":["u"],"mass_call_ticket":"T"}"#);
}

#[wasm_bindgen_test]
async fn unknown_endpoints_and_bad_arguments_throw_coded_errors() {
    let fetch = fake_fetch("[{ errcode: 0, errmsg: 'ok' }]");
    let c = client(&fetch);
    let e = request(&c, "externalcontact/nope", js("{}")).await.unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "code"), JsValue::from_str("E_UNKNOWN_ENDPOINT"));
    let e = c.begin("externalcontact/nope".into(), "{}".into()).unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_UNKNOWN_ENDPOINT"));
    let e = c.begin(JsValue::from_f64(3.0), "{}".into()).unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_USAGE"));
    let e = c.begin("externalcontact/del_contact_way".into(), JsValue::from_f64(3.0)).unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_USAGE"));
    // gettoken is the client's own business.
    let e = c.begin("gettoken".into(), "{}".into()).unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_USAGE"));
    // An oversized text is refused before it is copied into wasm memory.
    let big = js("JSON.stringify({ config_id: 'x'.repeat(2 * 1024 * 1024) })");
    let e = c.begin("externalcontact/del_contact_way".into(), big).unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_PAYLOAD_TOO_LARGE"));
    assert_eq!(js_sys::Array::from(&get(&fetch, "calls")).length(), 0, "nothing reached fetch");
    // The client still works after all that.
    request(&c, "externalcontact/del_contact_way", js("{ config_id: 'c' }")).await.unwrap();
}

#[wasm_bindgen_test]
fn strict_is_a_checked_boolean_option() {
    let fetch = fake_fetch("[]");
    assert!(!client(&fetch).strict());
    assert!(client_with(&fetch, "{ strict: true }").strict());
    assert!(!client_with(&fetch, "{ strict: false }").strict());
    for bad in ["1", "'yes'", "{}"] {
        let options = js(&format!("{{ corpId: 'ww', corpSecret: 's', strict: {bad} }}"));
        Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
        let e = WeComClient::new(&options).err().expect(bad);
        assert_eq!(get(&e, "code"), JsValue::from_str("E_CONFIG"), "{bad}");
    }
}

#[wasm_bindgen_test]
fn bad_client_options_are_config_errors() {
    for options in [
        "undefined",
        "{}",
        "{ corpId: 'ww' }",
        "{ corpId: 'ww', corpSecret: '' }",
        "{ corpId: 'ww', corpSecret: 's', baseUrl: 'ftp://x' }",
    ] {
        let e = WeComClient::new(&js(options)).err().expect(options);
        assert_eq!(get(&e, "code"), JsValue::from_str("E_CONFIG"), "{options}");
    }
}

#[wasm_bindgen_test]
async fn round_trip_caches_the_token_and_keeps_unknown_fields() {
    let fetch = fake_fetch(
        "[{ errcode: 0, errmsg: 'ok', config_id: 'cfg1', brand_new: { a: 1 } }, { errcode: 0, errmsg: 'ok' }]",
    );
    let c = client(&fetch);
    let body = request(&c, "externalcontact/add_contact_way", js("{ type: 1, scene: 2, user: ['u'] }")).await.unwrap();
    assert_eq!(get(&body, "config_id"), JsValue::from_str("cfg1"));
    assert_eq!(get(&get(&body, "brand_new"), "a"), JsValue::from_f64(1.0));
    request(&c, "externalcontact/del_contact_way", js("{ config_id: 'cfg1' }")).await.unwrap();
    assert_eq!(get(&fetch, "tokens"), JsValue::from_f64(1.0));
    let calls = js_sys::Array::from(&get(&fetch, "calls"));
    assert_eq!(calls.length(), 3);
    let url = get(&calls.get(1), "url").as_string().unwrap();
    assert!(
        url.starts_with("http://127.0.0.1:9/cgi-bin/externalcontact/add_contact_way?access_token=TOKEN-1-"),
        "{url}"
    );
    assert_eq!(get(&get(&calls.get(1), "init"), "method"), JsValue::from_str("POST"));
}

#[wasm_bindgen_test]
async fn an_expired_token_is_refreshed_once_then_the_error_surfaces() {
    let fetch = fake_fetch("[{ errcode: 42001, errmsg: 'expired' }, { errcode: 0, errmsg: 'ok', follow_user: [] }, { errcode: 40014, errmsg: 'invalid' }, { errcode: 40014, errmsg: 'invalid' }]");
    let c = client(&fetch);
    request(&c, "externalcontact/get_follow_user_list", JsValue::UNDEFINED).await.unwrap();
    assert_eq!(get(&fetch, "tokens"), JsValue::from_f64(2.0));
    let e = request(&c, "externalcontact/get_follow_user_list", JsValue::UNDEFINED).await.unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_API"));
    assert_eq!(get(&e, "errcode"), JsValue::from_f64(40014.0));
    assert_eq!(get(&fetch, "tokens"), JsValue::from_f64(3.0), "one refresh per call, no loop");
}

#[wasm_bindgen_test]
async fn transport_failures_are_typed_and_redacted() {
    let fetch = fake_fetch(
        "[{ status: 502, body: '<html>bad gateway</html>' }, { status: 200, body: 'not json' }, new TypeError('fetch failed for http://x/?access_token=TOKEN-1-abcdef&corpsecret=S3CRET-value-123')]",
    );
    // Retries off: each call meets one failure (retries are tested in read_failures_are_retried).
    let c = client_with(&fetch, "{ retry: { maxRetries: 0 } }");
    let mut codes = Vec::new();
    for _ in 0..3 {
        let e = request(&c, "externalcontact/get_follow_user_list", JsValue::UNDEFINED).await.unwrap_err();
        let text = format!("{:?} {:?}", get(&e, "message"), js_sys::JSON::stringify(&e).unwrap());
        assert!(!text.contains("S3CRET") && !text.contains("TOKEN-1"), "{text}");
        codes.push(get(&e, "code").as_string().unwrap());
    }
    assert_eq!(codes, ["E_HTTP", "E_BAD_RESPONSE", "E_NETWORK"]);
}

#[wasm_bindgen_test]
async fn read_failures_are_retried_and_writes_are_not_resent() {
    let fetch = fake_fetch(
        "[{ status: 502, body: 'bad gateway' }, { errcode: 0, errmsg: 'ok', follow_user: ['a'] }, { status: 502, body: 'bad gateway' }, { errcode: 0, errmsg: 'ok' }]",
    );
    let c = client_with(&fetch, "{ retry: { baseDelayMs: 1, maxDelayMs: 2 } }");
    // A read: 502, then success.
    let body = request(&c, "externalcontact/get_follow_user_list", JsValue::UNDEFINED).await.unwrap();
    assert_eq!(get(&body, "errcode"), JsValue::from_f64(0.0));
    // A write: 502 once, and not resent: the outcome is unknown.
    let e = request(&c, "externalcontact/del_contact_way", js("{ config_id: 'c' }")).await.unwrap_err();
    assert_eq!(get(&e, "code"), JsValue::from_str("E_OUTCOME_UNKNOWN"));
    let calls = js_sys::Array::from(&get(&fetch, "calls"));
    assert_eq!(calls.length(), 4, "gettoken, 502, retry, the write once");
}

/// An in-memory JS tokenStore with a lock, shared by the clients given it; `store.ops` logs calls.
fn js_store() -> JsValue {
    js(r#"(() => {
        const records = new Map(); let held = false;
        const s = {
            ops: [], records,
            async get(k) { s.ops.push('get'); return records.get(k) ?? null; },
            async set(k, r, ttl) { s.ops.push('set:' + (ttl > 0)); records.set(k, r); },
            async delete(k) { s.ops.push('delete'); records.delete(k); },
            async lock(k, ttl) { s.ops.push('lock'); if (held) return null; held = true; return async () => { held = false; }; },
        };
        return s;
    })()"#)
}

#[wasm_bindgen_test]
async fn clients_sharing_a_js_token_store_fetch_one_token() {
    let fetch = fake_fetch("[{ errcode: 0, n: 1 }, { errcode: 0, n: 2 }, { errcode: 0, n: 3 }]");
    let store = js_store();
    let options = "{ tokenStore: globalThis.__store }";
    Reflect::set(&js_sys::global(), &"__store".into(), &store).unwrap();
    let a = client_with(&fetch, options);
    let b = client_with(&fetch, options);
    assert_eq!(a.token_key(), b.token_key());
    assert!(!a.token_key().contains("S3CRET"));
    let (first, second) = join2(
        request(&a, "externalcontact/get_follow_user_list", JsValue::UNDEFINED),
        request(&b, "externalcontact/get_follow_user_list", JsValue::UNDEFINED),
    )
    .await;
    let (first, second) = (first.unwrap(), second.unwrap());
    assert_eq!(get(&first, "errcode"), JsValue::from(0));
    assert_eq!(get(&second, "errcode"), JsValue::from(0));
    assert_eq!(get(&fetch, "tokens"), JsValue::from(1), "one gettoken for both clients");
    let stored = js("globalThis.__store.records.values().next().value");
    assert_eq!(get(&stored, "accessToken").as_string().as_deref(), Some("TOKEN-1-abcdef"));
    // invalidateToken drops the stored copy of the same token.
    settle(a.invalidate_token()).await.unwrap();
    assert_eq!(js("globalThis.__store.records.size"), JsValue::from(0));
    // A provider instead of a secret; its failure is typed.
    let opts = js("({ corpId: 'wwcorp', baseUrl: 'http://127.0.0.1:9', tokenProvider: async () => { throw new Error('down'); } })");
    Reflect::set(&opts, &"fetch".into(), &fetch).unwrap();
    let p = WeComClient::new(&opts).expect("provider options");
    let e = request(&p, "externalcontact/get_follow_user_list", JsValue::UNDEFINED).await.unwrap_err();
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("E_TOKEN_PROVIDER"));
}
