//! Item 5: an errcode that is present but not an integer, or missing from a declared endpoint's
//! answer, is E_BAD_RESPONSE.

use serde_json::{json, Value};
use wecom_core::client::{Client, ClientConfig, HttpReply, IntMember, JsonBody, RawRequest, RetryPolicy};
use wecom_core::endpoints::Method;
use wecom_core::schema::Secret;
use wecom_core::Error;

use super::common::*;
use super::{ADD, ADD_PAYLOAD, GET, GET_PAYLOAD};

/// A client over `fake` that never retries (so a retryable failure is returned as it is).
fn no_retry(fake: Fake) -> Client<Fake> {
    let retry = RetryPolicy { max_retries: 0, ..RetryPolicy::default() };
    let config = ClientConfig::new(CORP_ID, Secret::new(SECRET)).unwrap().with_retry(retry).unwrap();
    Client::new(config, fake)
}

fn is_bad_response(e: &Error, endpoint: &str, status: u16, says: &str) -> bool {
    matches!(e, Error::BadResponse { endpoint: ep, status: st, snippet } if ep == endpoint && *st == status && snippet.contains(says))
}

/// `errcode` (present, not an integer) is a bad response everywhere: a read, a write (whose
/// outcome is then unknown: it was answered, maybe processed), gettoken, and a raw request.
fn errcode_is_bad_response(errcode: Value) {
    let answer = json!({ "errcode": errcode, "errmsg": "ok", "config_id": "c9" });
    // A read.
    let c = no_retry(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(answer.clone())]));
    let e = clean(block_on(c.request(GET, GET_PAYLOAD)).unwrap_err());
    assert!(is_bad_response(&e, GET, 200, "errcode is not an integer"), "{errcode}: {e:?}");
    assert_eq!(e.code(), "E_BAD_RESPONSE");
    // A write: answered but unreadable, so maybe processed, and not resent.
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(answer.clone()), success()]));
    let e = clean(block_on(c.request(ADD, ADD_PAYLOAD)).unwrap_err());
    let Error::OutcomeUnknown { cause, .. } = &e else { panic!("{errcode}: {e:?}") };
    assert!(is_bad_response(cause, ADD, 200, "errcode is not an integer"), "{errcode}: {e:?}");
    assert_eq!(c.transport().count(), 2);
    // gettoken: no token is taken from such an answer.
    let token_answer = json!({ "errcode": errcode, "access_token": TOKENS[0], "expires_in": 7200 });
    let c = client(Fake::new(vec![ok(token_answer)]));
    let e = clean(block_on(c.access_token(false)).unwrap_err());
    assert!(is_bad_response(&e, "gettoken", 200, "errcode is not an integer"), "{errcode}: {e:?}");
    // A raw request (a path the SDK does not declare).
    let c = no_retry(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(answer)]));
    let raw =
        RawRequest { method: Method::Get, path: "externalcontact/list", query: None, body: None, idempotent: false };
    let e = clean(block_on(c.request_raw(raw)).unwrap_err());
    assert!(is_bad_response(&e, "externalcontact/list", 200, "errcode is not an integer"), "{errcode}: {e:?}");
}

#[test]
fn item5_errcode_abc_is_bad_response() {
    errcode_is_bad_response(json!("abc"));
}

#[test]
fn item5_errcode_0_5_is_bad_response() {
    errcode_is_bad_response(json!(0.5));
}

#[test]
fn item5_errcode_45009_5_is_bad_response() {
    errcode_is_bad_response(json!(45009.5));
}

#[test]
fn item5_errcode_1e20_is_bad_response() {
    errcode_is_bad_response(serde_json::from_str("1e20").unwrap());
}

#[test]
fn item5_errcode_null_is_bad_response() {
    errcode_is_bad_response(Value::Null);
}

#[test]
fn item5_errcode_true_is_bad_response() {
    errcode_is_bad_response(json!(true));
}

#[test]
fn item5_errcode_object_is_bad_response() {
    errcode_is_bad_response(json!({}));
}

#[test]
fn item5_errcode_strings_that_are_not_plain_integers_are_bad_responses() {
    for text in [" 40014", "40014 ", "+1", "4e4", "0x10", "", "-", "1.0", "99999999999999999"] {
        errcode_is_bad_response(json!(text));
    }
}

#[test]
fn item5_errcode_missing_from_a_declared_endpoint_is_bad_response() {
    // HTTP 201 to show the status is the one received.
    let answer = || Ok(HttpReply::Json { status: 201, body: json!({ "errmsg": "ok", "config_id": "c9" }) });
    let c = no_retry(Fake::new(vec![token_reply(TOKENS[0], 7200), answer()]));
    let e = clean(block_on(c.request(GET, GET_PAYLOAD)).unwrap_err());
    assert!(is_bad_response(&e, GET, 201, "errcode missing"), "{e:?}");
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), answer()]));
    let e = clean(block_on(c.request(ADD, ADD_PAYLOAD)).unwrap_err());
    assert!(matches!(&e, Error::OutcomeUnknown { cause, .. } if is_bad_response(cause, ADD, 201, "errcode missing")));
    // A read is retried like any unreadable answer.
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), answer(), success()]));
    block_on(c.request(GET, GET_PAYLOAD)).unwrap();
    assert_eq!(c.transport().count(), 3);
    // gettoken without errcode, token or not.
    for body in [json!({ "access_token": TOKENS[0], "expires_in": 7200 }), json!({})] {
        let c = client(Fake::new(vec![ok(body)]));
        let e = clean(block_on(c.access_token(false)).unwrap_err());
        assert!(is_bad_response(&e, "gettoken", 200, "errcode missing"), "{e:?}");
    }
}

#[test]
fn item5_errcode_missing_from_a_raw_request_is_success() {
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(json!({ "list": [1, 2] }))]));
    let raw =
        RawRequest { method: Method::Get, path: "externalcontact/list", query: None, body: None, idempotent: false };
    assert_eq!(block_on(c.request_raw(raw)).unwrap(), json!({ "list": [1, 2] }));
}

#[test]
fn item5_integer_errcodes_as_numbers_or_plain_strings_still_count() {
    for zero in [json!(0), json!("0"), json!(0.0), json!("-0")] {
        let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(json!({ "errcode": zero, "x": 1 }))]));
        assert_eq!(block_on(c.request(ADD, ADD_PAYLOAD)).unwrap()["x"], json!(1), "{zero}");
    }
    // "40014" as a string still triggers the one token refresh.
    let c = client(Fake::new(vec![
        token_reply(TOKENS[0], 7200),
        ok(json!({ "errcode": "40014", "errmsg": "invalid access_token" })),
        token_reply(TOKENS[1], 7200),
        success(),
    ]));
    block_on(c.request(ADD, ADD_PAYLOAD)).unwrap();
    assert_eq!(c.transport().gettoken_count(), 2);
    // A string errcode is an API error with that code.
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(json!({ "errcode": "48002", "errmsg": "no" }))]));
    assert!(matches!(block_on(c.request(ADD, ADD_PAYLOAD)), Err(Error::Api { errcode: 48002, .. })));
}

#[test]
fn item5_json_body_tells_absent_from_not_an_integer() {
    let cases = [
        (json!({}), IntMember::Absent),
        (json!([1]), IntMember::Absent),
        (json!({ "errcode": 40014 }), IntMember::Int(40014)),
        (json!({ "errcode": -1 }), IntMember::Int(-1)),
        (json!({ "errcode": "40014" }), IntMember::Int(40014)),
        (json!({ "errcode": 9_007_199_254_740_991_i64 }), IntMember::Int(9_007_199_254_740_991)),
        (json!({ "errcode": 9_007_199_254_740_992_i64 }), IntMember::NotInt),
        (json!({ "errcode": i64::MIN }), IntMember::NotInt),
        (json!({ "errcode": u64::MAX }), IntMember::NotInt),
        (json!({ "errcode": 1.5 }), IntMember::NotInt),
        (json!({ "errcode": [0] }), IntMember::NotInt),
    ];
    for (body, expected) in cases {
        assert_eq!(body.int_member("errcode"), expected, "{body}");
    }
}
