//! Issue 9: calls begun from a route and an already-validated payload (what the wasm engine
//! does: the JS layer validates first), and the `strict` option of the native client.

mod common;

use common::*;
use wecom_core::client::{ClientConfig, HttpRequest};
use wecom_core::endpoints::{self, find_route, Method, ROUTES};
use wecom_core::schema::Secret;
use wecom_core::validate::MAX_PAYLOAD_BYTES;
use wecom_core::Error;

const ADD: &str = "externalcontact/add_contact_way";

fn route(path: &str) -> wecom_core::endpoints::Route {
    *find_route(path).expect("a declared path")
}

fn last_request(c: &wecom_core::client::Client<Fake>) -> HttpRequest {
    c.transport().requests().pop().expect("a request was sent")
}

#[test]
fn issue_9_a_validated_payload_is_sent_as_given_without_the_rules() {
    // `type: 3` breaks R-CW-01 and `brand_new` is not declared: begin_validated trusts its
    // caller (the JS layer, which validated and may send warnings), so both are sent.
    let payload = r#"{"type":3,"scene":2,"user":["u"],"brand_new":{"a":1}}"#;
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), success()]));
    block_on(c.call_validated(route(ADD), payload)).unwrap();
    let r = last_request(&c);
    assert_eq!(r.method, Method::Post);
    assert_eq!(r.body.as_deref(), Some(payload));
    assert!(r.url.ends_with(&format!("/cgi-bin/{ADD}?access_token={}", TOKENS[0])), "{}", r.url);
    // The validating entry point still refuses it natively.
    let c = client(Fake::default());
    let e = clean(block_on(c.request(ADD, payload)).unwrap_err());
    assert_eq!(e.code(), "E_VALIDATION");
    assert_eq!(c.transport().count(), 0);
}

#[test]
fn issue_9_a_validated_get_payload_becomes_the_query() {
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), success()]));
    block_on(c.call_validated(route("externalcontact/get_follow_user_list"), r#"{"extra":"a b"}"#)).unwrap();
    let r = last_request(&c);
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.body, None);
    assert!(r.url.ends_with("&extra=a%20b"), "{}", r.url);
}

#[test]
fn issue_9_begin_validated_still_refuses_gettoken_and_oversized_payloads() {
    let c = client(Fake::default());
    let e = clean(c.begin_validated(route("gettoken"), "{}").unwrap_err());
    assert_eq!(e.code(), "E_USAGE");
    let big = format!("{{\"config_id\":\"{}\"}}", "x".repeat(MAX_PAYLOAD_BYTES));
    let e = clean(c.begin_validated(route("externalcontact/del_contact_way"), &big).unwrap_err());
    assert!(matches!(e, Error::PayloadTooLarge { limit: MAX_PAYLOAD_BYTES, .. }), "{e:?}");
    assert_eq!(c.transport().count(), 0);
}

#[test]
fn issue_9_a_route_call_is_retried_like_the_endpoint_call() {
    // The route carries `write`: a write is never resent after an unknown outcome, a read is.
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), network("reset")]));
    let e = clean(block_on(c.call_validated(route("externalcontact/del_contact_way"), "{}")).unwrap_err());
    assert_eq!(e.code(), "E_OUTCOME_UNKNOWN");
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), network("reset"), success()]));
    block_on(c.call_validated(route("externalcontact/get_contact_way"), r#"{"config_id":"c"}"#)).unwrap();
    assert_eq!(c.transport().count(), 3);
}

#[test]
fn issue_9_every_declared_endpoint_has_its_route() {
    assert_eq!(ROUTES.len(), endpoints::ALL.len());
    for e in endpoints::ALL {
        assert_eq!(find_route(e.path).copied(), Some(e.route()), "{}", e.path);
    }
}

#[test]
fn issue_9_strict_is_off_by_default_and_can_be_set() {
    let config = ClientConfig::new(CORP_ID, Secret::new(SECRET)).unwrap();
    assert!(!config.strict());
    assert!(config.with_strict(true).strict());
}

/// A member the model does not declare: a warning.
const WITH_UNKNOWN: &str = r#"{"type":1,"scene":2,"user":["u"],"brand_new":1}"#;

#[test]
fn issue_9_the_native_client_sends_a_payload_with_warnings_as_given() {
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), success()]));
    block_on(c.request(ADD, WITH_UNKNOWN)).unwrap();
    assert_eq!(last_request(&c).body.as_deref(), Some(WITH_UNKNOWN));
}

#[test]
fn issue_9_a_strict_native_client_refuses_warnings_as_errors() {
    let config = ClientConfig::new(CORP_ID, Secret::new(SECRET)).unwrap().with_strict(true);
    let c = wecom_core::client::Client::new(config, Fake::default());
    match clean(block_on(c.request(ADD, WITH_UNKNOWN)).unwrap_err()) {
        Error::Validation { endpoint, report } => {
            assert_eq!(endpoint, ADD);
            let got: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
            assert_eq!(got, vec![("/brand_new", "unknown-field")]);
            assert!(report.warnings.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(c.transport().count(), 0);
    // A clean payload goes through a strict client.
    let config = ClientConfig::new(CORP_ID, Secret::new(SECRET)).unwrap().with_strict(true);
    let c = wecom_core::client::Client::new(config, Fake::new(vec![token_reply(TOKENS[0], 7200), success()]));
    block_on(c.request(ADD, r#"{"type":1,"scene":2,"user":["u"]}"#)).unwrap();
}
