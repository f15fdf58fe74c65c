//! Item 3: validation work is bounded: at most 100 issues (with a flag when cut), over-long
//! arrays checked up to their limit, payloads over 2 MiB refused before parsing.

use serde_json::{json, Value};
use wecom_core::client::RawRequest;
use wecom_core::endpoints::{self, Method};
use wecom_core::validate::{self, MAX_ISSUES, MAX_PAYLOAD_BYTES};
use wecom_core::{validate_json, Error, Locale};

use super::common::*;
use super::{ADD, ADD_PAYLOAD, GET};

/// `{"type":2,"scene":2,"user":[5,5,…]}` of about `bytes` bytes.
fn user_of_fives(bytes: usize) -> String {
    let n = bytes / 2;
    let mut text = String::with_capacity(bytes + 64);
    text.push_str(r#"{"type":2,"scene":2,"user":["#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push('5');
    }
    text.push_str("]}");
    text
}

#[test]
fn item3_one_megabyte_user_array_is_cut_at_100_issues() {
    let text = user_of_fives(1 << 20);
    let report = validate_json(ADD, &text).unwrap();
    assert_eq!((report.errors.len(), report.truncated), (MAX_ISSUES, true));
    // The count first (the most useful), then the first items.
    assert_eq!((report.errors[0].path.as_str(), report.errors[0].rule), ("/user", "R-CW-09"));
    assert_eq!(report.errors[1].path, "/user/0");
    assert_eq!(report.errors[99].path, "/user/98");
    let json: Value = serde_json::from_str(&report.to_json(Locale::En)).unwrap();
    assert_eq!(json["truncated"], json!(true));
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(MAX_ISSUES));
    // The client refuses it the same way, saying the list was cut.
    let c = client(Fake::default());
    let e = block_on(c.request(ADD, &text)).unwrap_err();
    assert!(matches!(&e, Error::Validation { report, .. } if report.truncated), "{e:?}");
    assert!(e.to_string().contains("more than 100 problems"), "{e}");
    assert_eq!(c.transport().count(), 0);
}

#[test]
fn item3_payload_over_2_mib_is_refused_before_parsing() {
    let text = user_of_fives(3 << 20);
    let e = validate_json(ADD, &text).unwrap_err();
    assert_eq!(e, Error::PayloadTooLarge { bytes: text.len(), limit: MAX_PAYLOAD_BYTES });
    assert_eq!(e.code(), "E_PAYLOAD_TOO_LARGE");
    assert!(!e.retryable());
    assert!(e.to_string().contains("at most 2097152 bytes"), "{e}");
    // Through the client: nothing is sent, for declared and raw requests alike.
    let c = client(Fake::default());
    assert_eq!(block_on(c.request(ADD, &text)).unwrap_err(), e);
    let raw = RawRequest { method: Method::Post, path: "x/y", query: None, body: Some(&text), idempotent: false };
    assert!(matches!(block_on(c.request_raw(raw)), Err(Error::PayloadTooLarge { .. })));
    let raw = RawRequest { method: Method::Get, path: "x/y", query: Some(&text), body: None, idempotent: false };
    assert!(matches!(block_on(c.request_raw(raw)), Err(Error::PayloadTooLarge { .. })));
    assert_eq!(c.transport().count(), 0);
    // The boundary: exactly the limit is validated, one byte more is not.
    let base = r#"{"config_id":"c1","remark":""}"#;
    let pad = " ".repeat(MAX_PAYLOAD_BYTES - base.len());
    let at_limit = format!("{pad}{base}");
    assert_eq!(at_limit.len(), MAX_PAYLOAD_BYTES);
    assert!(validate_json(GET, &at_limit).is_ok());
    assert!(matches!(validate_json(GET, &format!(" {at_limit}")), Err(Error::PayloadTooLarge { .. })));
}

/// get_contact_way with `n` unknown members: exactly `n` findings (warnings; the cap counts
/// errors and warnings together).
fn unknown_members(n: usize) -> String {
    let extra: String = (0..n).map(|i| format!(",\"x{i}\":1")).collect();
    format!("{{\"config_id\":\"c1\"{extra}}}")
}

#[test]
fn item3_exactly_100_issues_is_not_truncated() {
    let text = unknown_members(100);
    let report = validate_json(GET, &text).unwrap();
    assert_eq!((report.errors.len(), report.warnings.len(), report.truncated), (0, 100, false));
    assert!(!report.to_json(Locale::En).contains("truncated"));
    assert_tape_agrees(endpoints::GET_CONTACT_WAY.info.request, &text, &report);
}

#[test]
fn item3_101_issues_is_truncated() {
    let text = unknown_members(101);
    let report = validate_json(GET, &text).unwrap();
    assert_eq!((report.errors.len(), report.warnings.len(), report.truncated), (0, 100, true));
    assert_eq!(report.warnings[99].path, "/x99");
    assert!(report.to_json(Locale::En).ends_with(",\"truncated\":true}"));
    assert_tape_agrees(endpoints::GET_CONTACT_WAY.info.request, &text, &report);
}

#[test]
fn item3_arrays_of_100k_wrong_items_give_at_most_100_issues() {
    let n = 100_000;
    // `party` has no item limit: every item is wrong, the walk stops at the cap.
    let parties = vec!["x"; n];
    let text = json!({ "type": 2, "scene": 2, "party": parties }).to_string();
    let report = validate_json(ADD, &text).unwrap();
    assert_eq!((report.errors.len(), report.truncated), (MAX_ISSUES, true));
    assert!(report.errors.iter().all(|i| i.rule == "json-type" && i.path.starts_with("/party/")));
    // A list with a limit: the count, then items up to the cap.
    let ids = vec![0; n];
    let text = json!({ "external_userid_list": ids }).to_string();
    let report = validate_json("externalcontact/get_new_external_userid", &text).unwrap();
    assert_eq!((report.errors.len(), report.truncated), (MAX_ISSUES, true));
    assert_eq!(report.errors[0].rule, "R-ID-03");
    // Nested: objects in an array, each with a wrong member.
    let text = format!("{{\"config_id\":\"c\",\"x\":[{}]}}", vec!["{\"a\":1}"; n].join(","));
    assert!(validate_json(GET, &text).unwrap().errors.len() <= MAX_ISSUES);
}

#[test]
fn item3_over_long_array_checks_only_its_first_max_items() {
    // 100 good userids, then 50 wrong items: only the count is reported.
    let mut user: Vec<Value> = (0..100).map(|i| json!(format!("u{i}"))).collect();
    user.extend((0..50).map(|_| json!(5)));
    let text = json!({ "type": 2, "scene": 2, "user": user }).to_string();
    let report = validate_json(ADD, &text).unwrap();
    let got: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, [("/user", "R-CW-09")]);
    assert!(!report.truncated);
    // Within the limit every item is checked.
    let text = json!({ "type": 2, "scene": 2, "user": ["a", 5, "b", 6] }).to_string();
    let report = validate_json(ADD, &text).unwrap();
    let got: Vec<&str> = report.errors.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(got, ["/user/1", "/user/3"]);
}

#[test]
fn item3_validate_payload_is_the_checked_entry_point() {
    let model = endpoints::ADD_CONTACT_WAY.info.request;
    assert!(matches!(
        validate::validate_payload(model, &user_of_fives(3 << 20), Default::default()),
        Err(Error::PayloadTooLarge { .. })
    ));
    assert_eq!(
        validate::validate_payload(model, ADD_PAYLOAD, Default::default()),
        Ok(validate::validate_text(model, ADD_PAYLOAD, Default::default()))
    );
    assert_eq!(validate::check_payload_size(MAX_PAYLOAD_BYTES), Ok(()));
    assert!(validate::check_payload_size(MAX_PAYLOAD_BYTES + 1).is_err());
}
