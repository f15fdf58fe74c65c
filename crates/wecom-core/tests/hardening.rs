//! Issue 8, the core's side: errcodes that are not integers (item 5), secrets and tokens in any
//! encoding and from any point of the token life cycle (item 8), and bounded validation work
//! (item 3). One named test per defect; each fails on the code before the fix.

mod common;

use std::cell::RefCell;

use common::*;
use serde_json::{json, Value};
use wecom_core::client::token::TokenRecord;
use wecom_core::client::{
    Client, ClientConfig, HttpReply, IntMember, JsonBody, ProvideRequest, RawRequest, RetryPolicy, TokenBackend,
    TokenEvent, Verdict,
};
use wecom_core::endpoints::{self, Method};
use wecom_core::schema::Secret;
use wecom_core::validate::{self, MAX_ISSUES, MAX_PAYLOAD_BYTES};
use wecom_core::{validate_json, Error, Locale};

const ADD: &str = "externalcontact/add_contact_way";
const ADD_PAYLOAD: &str = r#"{"type":1,"scene":2,"user":["zhangsan"]}"#;
const GET: &str = "externalcontact/get_contact_way";
const GET_PAYLOAD: &str = r#"{"config_id":"c1"}"#;
const NOW: f64 = 1_700_000_000_000.0;

// ---------------------------------------------------------------------------------------------
// item 5: an errcode that is present but not an integer, or missing, is E_BAD_RESPONSE
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// item 8: every token and secret the client has held, in every encoding
// ---------------------------------------------------------------------------------------------

/// A secret with characters that every encoding writes differently.
const ODD_SECRET: &str = "Se/cr+et =中文~x.y_z-0123456789";

/// Percent-encoding of everything but RFC 3986 unreserved characters, hex in `upper` case or not.
fn percent(text: &str, upper: bool) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else if upper {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push_str(&format!("%{b:02x}"));
        }
    }
    out
}

/// Form encoding as `URLSearchParams` writes it: space as `+`, `~` encoded, `*` kept.
fn form(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b' ' => out.push('+'),
            b'*' | b'-' | b'_' | b'.' => out.push(char::from(b)),
            b if b.is_ascii_alphanumeric() => out.push(char::from(b)),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// JSON string content with `/` escaped and every non-ASCII character as `\uXXXX`.
fn json_escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '/' => out.push_str("\\/"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_ascii() => out.push(c),
            c => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
        }
    }
    out
}

/// Every way `value` may be written in a text.
fn encodings(value: &str) -> Vec<String> {
    vec![value.to_owned(), percent(value, true), percent(value, false), form(value), json_escaped(value)]
}

/// Panics if `text` holds any of `values` in any encoding.
fn assert_none_of(what: &str, text: &str, values: &[&str]) {
    for value in values {
        for written in encodings(value) {
            assert!(!text.contains(&written), "{what} shows a secret value (as {written:?}): {text}");
        }
    }
}

fn odd_client(fake: Fake) -> Client<Fake> {
    Client::new(ClientConfig::new(CORP_ID, Secret::new(ODD_SECRET)).unwrap(), fake)
}

#[test]
fn item8_percent_encoded_secret_without_prefix() {
    for written in encodings(ODD_SECRET) {
        // gettoken echoing it, as errmsg, as a network message, as a body snippet.
        for reply in [
            errcode(40001, &format!("invalid credential {written}, hint: [1]")),
            network(&format!("GET failed; secret was {written}")),
            Ok(HttpReply::NotJson { status: 200, snippet: format!("<p>{written}</p>") }),
        ] {
            let c = odd_client(Fake::new(vec![reply]));
            let e = block_on(c.request(ADD, ADD_PAYLOAD)).unwrap_err();
            assert_none_of("error Display", &e.to_string(), &[ODD_SECRET]);
            assert_none_of("error Debug", &format!("{e:?}"), &[ODD_SECRET]);
        }
        // A business call's errmsg, and the JS log path.
        let c = odd_client(Fake::new(vec![token_reply(TOKENS[0], 7200), errcode(48002, &format!("no: {written}"))]));
        let e = block_on(c.request(ADD, ADD_PAYLOAD)).unwrap_err();
        assert_none_of("error Display", &e.to_string(), &[ODD_SECRET]);
        assert_none_of("redact_text", &c.redact_text(&format!("log {written} line")), &[ODD_SECRET]);
    }
}

#[test]
fn item8_old_rejected_token_after_refresh() {
    let revoked = TOKENS[0];
    // The second attempt's errmsg (and a network message) quote the token WeCom rejected first.
    for last in [
        errcode(48002, &format!("api forbidden; earlier token {revoked} was revoked")),
        network(&format!("reset while sending access_token {revoked}")),
        Ok(HttpReply::NotJson { status: 502, snippet: format!("bad gateway {}", percent(revoked, false)) }),
    ] {
        let c = client(Fake::new(vec![
            token_reply(revoked, 7200),
            errcode(40014, "invalid access_token"),
            token_reply(TOKENS[1], 7200),
            last,
        ]));
        let e = block_on(c.request(ADD, ADD_PAYLOAD)).unwrap_err();
        assert_none_of("error Display", &e.to_string(), &[revoked, TOKENS[1], SECRET]);
        assert_none_of("error Debug", &format!("{e:?}"), &[revoked, TOKENS[1], SECRET]);
        // The log path redacts it too, long after it was replaced.
        assert_none_of("redact_text", &c.redact_text(&format!("old {revoked}")), &[revoked]);
    }
}

/// A store that records notes; `get` answers `stored`, and every failing operation quotes
/// `quote` (or, for `set`, the token of the record being stored).
#[derive(Default)]
struct QuotingStore {
    stored: RefCell<Option<TokenRecord>>,
    fail_set: bool,
    fail_delete: bool,
    notes: RefCell<Vec<String>>,
}

impl TokenBackend for QuotingStore {
    type Lock = ();
    fn has_store(&self) -> bool {
        true
    }
    async fn get(&self, _key: &str) -> Result<Option<TokenRecord>, String> {
        Ok(self.stored.borrow().clone())
    }
    async fn set(&self, key: &str, record: &TokenRecord, _ttl_ms: f64) -> Result<(), String> {
        if self.fail_set {
            return Err(format!("SET {key} {{\"accessToken\":\"{}\"}} failed: OOM", record.access_token));
        }
        *self.stored.borrow_mut() = Some(record.clone());
        Ok(())
    }
    async fn delete(&self, _key: &str) -> Result<(), String> {
        let old = self.stored.borrow_mut().take();
        match old {
            Some(record) if self.fail_delete => Err(format!("DEL failed for value {}", record.access_token)),
            _ => Ok(()),
        }
    }
    fn note(&self, event: &TokenEvent<'_>) {
        self.notes.borrow_mut().push(format!("{}: {event} {event:?}", event.level()));
    }
}

fn store_client(fake: Fake, store: QuotingStore) -> Client<Fake, QuotingStore> {
    Client::with_backend(ClientConfig::new(CORP_ID, Secret::new(SECRET)).unwrap(), fake, store)
}

#[test]
fn item8_cold_cache_store_failed_note_has_no_new_token() {
    // Short and with dots: no "long run of token characters" heuristic catches it.
    for token in ["tk.7x", "a.b.c.d.e.f", "short-9"] {
        let store = QuotingStore { fail_set: true, ..QuotingStore::default() };
        let c = store_client(Fake::new(vec![token_reply(token, 7200), success()]), store);
        block_on(c.request(ADD, ADD_PAYLOAD)).unwrap();
        let notes = c.backend().notes.borrow().clone();
        assert!(notes.iter().any(|n| n.contains("token store set failed")), "{notes:?}");
        for n in &notes {
            assert_none_of("a token.store_failed note", n, &[token, SECRET]);
        }
    }
}

#[test]
fn item8_short_token_with_dot_in_store_failure() {
    // A stored token, used, rejected by WeCom: deleting it fails with a message quoting it.
    let token = "s.t.9";
    let store = QuotingStore {
        stored: RefCell::new(Some(TokenRecord::from_stored(token.into(), NOW + 3_600_000.0, None, NOW).unwrap())),
        fail_delete: true,
        ..QuotingStore::default()
    };
    let fake = Fake::new(vec![errcode(40014, "invalid access_token"), token_reply(TOKENS[1], 7200), success()]);
    let c = store_client(fake, store);
    block_on(c.request(ADD, ADD_PAYLOAD)).unwrap();
    let notes = c.backend().notes.borrow().clone();
    assert!(notes.iter().any(|n| n.contains("token store delete failed")), "{notes:?}");
    for n in &notes {
        assert_none_of("a token.store_failed note", n, &[token, TOKENS[1]]);
    }
}

/// A provider handing out `tokens` in order, then failing with a message quoting every token
/// it gave.
struct QuotingProvider {
    tokens: RefCell<Vec<&'static str>>,
    given: RefCell<Vec<&'static str>>,
}

impl TokenBackend for QuotingProvider {
    type Lock = ();
    fn has_provider(&self) -> bool {
        true
    }
    async fn provide(&self, _request: ProvideRequest<'_>) -> Result<TokenRecord, String> {
        let next = self.tokens.borrow_mut().pop();
        match next {
            Some(t) => {
                self.given.borrow_mut().push(t);
                Ok(TokenRecord::from_stored(t.into(), NOW + 3_600_000.0, None, NOW).unwrap())
            }
            None => Err(format!("cannot refresh {}", self.given.borrow().join(", "))),
        }
    }
}

#[test]
fn item8_short_token_with_dot_in_provider_failure() {
    let provider = QuotingProvider { tokens: RefCell::new(vec!["p.q.1"]), given: RefCell::new(Vec::new()) };
    let fake = Fake::new(vec![errcode(40014, "invalid access_token")]);
    let c = Client::with_backend(ClientConfig::without_secret(CORP_ID).unwrap(), fake, provider);
    let e = block_on(c.request(ADD, ADD_PAYLOAD)).unwrap_err();
    assert!(matches!(&e, Error::TokenProvider(m) if m.contains("cannot refresh")), "{e:?}");
    assert_none_of("provider error", &e.to_string(), &["p.q.1"]);
}

#[test]
fn item8_debug_never_prints_a_token_or_secret() {
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), errcode(40014, "invalid access_token")]));
    let token = block_on(c.access_token(false)).unwrap();
    // A call whose token WeCom rejected holds that token until the next attempt.
    let mut call = c.begin(endpoints::ADD_CONTACT_WAY.info, ADD_PAYLOAD).unwrap();
    let reply = ok(json!({ "errcode": 40014, "errmsg": "invalid access_token" })).unwrap();
    assert!(matches!(c.judge(&mut call, reply, &token), Verdict::<Value>::Retry));
    assert_eq!(call.rejected_token(), Some(TOKENS[0]));
    for (what, text) in [
        ("Call Debug", format!("{call:?} {call:#?}")),
        ("Client Debug", format!("{c:?} {c:#?}")),
        ("ClientConfig Debug", format!("{:?}", c.config())),
    ] {
        assert_none_of(what, &text, &[TOKENS[0], SECRET]);
    }
    let asked = ProvideRequest { corp_id: CORP_ID, force_refresh: true, rejected: Some(TOKENS[0]) };
    assert_none_of("ProvideRequest Debug", &format!("{asked:?}"), &[TOKENS[0]]);
}

#[test]
fn item8_redact_text_covers_every_token_held() {
    // Ten refreshes: every token the client held, in any encoding, is redacted for JS logs.
    let tokens: Vec<String> = (0..10).map(|i| format!("t{i}/x+y z.{i}")).collect();
    let mut script = Vec::new();
    for t in &tokens {
        script.push(token_reply(t, 7200));
    }
    let c = odd_client(Fake::new(script));
    for _ in &tokens {
        block_on(c.access_token(true)).unwrap();
    }
    let all: Vec<&str> = tokens.iter().map(String::as_str).chain([ODD_SECRET]).collect();
    let text: String = all.iter().flat_map(|v| encodings(v)).collect::<Vec<_>>().join(" | ");
    let redacted = c.redact_text(&text);
    assert_none_of("redact_text", &redacted, &all);
    assert!(redacted.starts_with("*** | *** |"), "{redacted}");
}

// ---------------------------------------------------------------------------------------------
// item 3: bounded validation
// ---------------------------------------------------------------------------------------------

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
    assert_eq!((report.issues.len(), report.truncated), (MAX_ISSUES, true));
    // The count first (the most useful), then the first items.
    assert_eq!((report.issues[0].path.as_str(), report.issues[0].rule), ("/user", "R-CW-09"));
    assert_eq!(report.issues[1].path, "/user/0");
    assert_eq!(report.issues[99].path, "/user/98");
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

/// get_contact_way with `n` unknown members: exactly `n` problems.
fn unknown_members(n: usize) -> String {
    let extra: String = (0..n).map(|i| format!(",\"x{i}\":1")).collect();
    format!("{{\"config_id\":\"c1\"{extra}}}")
}

#[test]
fn item3_exactly_100_issues_is_not_truncated() {
    let text = unknown_members(100);
    let report = validate_json(GET, &text).unwrap();
    assert_eq!((report.issues.len(), report.truncated), (100, false));
    assert!(!report.to_json(Locale::En).contains("truncated"));
    assert_tape_agrees(endpoints::GET_CONTACT_WAY.info.request, &text, &report);
}

#[test]
fn item3_101_issues_is_truncated() {
    let text = unknown_members(101);
    let report = validate_json(GET, &text).unwrap();
    assert_eq!((report.issues.len(), report.truncated), (100, true));
    assert_eq!(report.issues[99].path, "/x99");
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
    assert_eq!((report.issues.len(), report.truncated), (MAX_ISSUES, true));
    assert!(report.issues.iter().all(|i| i.rule == "json-type" && i.path.starts_with("/party/")));
    // A list with a limit: the count, then items up to the cap.
    let ids = vec![0; n];
    let text = json!({ "external_userid_list": ids }).to_string();
    let report = validate_json("externalcontact/get_new_external_userid", &text).unwrap();
    assert_eq!((report.issues.len(), report.truncated), (MAX_ISSUES, true));
    assert_eq!(report.issues[0].rule, "R-ID-03");
    // Nested: objects in an array, each with a wrong member.
    let text = format!("{{\"config_id\":\"c\",\"x\":[{}]}}", vec!["{\"a\":1}"; n].join(","));
    assert!(validate_json(GET, &text).unwrap().issues.len() <= MAX_ISSUES);
}

#[test]
fn item3_over_long_array_checks_only_its_first_max_items() {
    // 100 good userids, then 50 wrong items: only the count is reported.
    let mut user: Vec<Value> = (0..100).map(|i| json!(format!("u{i}"))).collect();
    user.extend((0..50).map(|_| json!(5)));
    let text = json!({ "type": 2, "scene": 2, "user": user }).to_string();
    let report = validate_json(ADD, &text).unwrap();
    let got: Vec<(&str, &str)> = report.issues.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, [("/user", "R-CW-09")]);
    assert!(!report.truncated);
    // Within the limit every item is checked.
    let text = json!({ "type": 2, "scene": 2, "user": ["a", 5, "b", 6] }).to_string();
    let report = validate_json(ADD, &text).unwrap();
    let got: Vec<&str> = report.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(got, ["/user/1", "/user/3"]);
}

#[test]
fn item3_validate_payload_is_the_checked_entry_point() {
    let model = endpoints::ADD_CONTACT_WAY.info.request;
    assert!(matches!(validate::validate_payload(model, &user_of_fives(3 << 20)), Err(Error::PayloadTooLarge { .. })));
    assert_eq!(validate::validate_payload(model, ADD_PAYLOAD), Ok(validate::validate_text(model, ADD_PAYLOAD)));
    assert_eq!(validate::check_payload_size(MAX_PAYLOAD_BYTES), Ok(()));
    assert!(validate::check_payload_size(MAX_PAYLOAD_BYTES + 1).is_err());
}
