//! Item 8: every token the client has held (fetched, stored, provided, rejected) and the secret
//! are redacted in every encoding, at every point of the token life cycle, and never printed
//! by `Debug`.

use std::cell::RefCell;

use serde_json::{json, Value};
use wecom_core::client::held::MAX_TOKEN_BYTES;
use wecom_core::client::token::TokenRecord;
use wecom_core::client::{Client, ClientConfig, HttpReply, ProvideRequest, TokenBackend, TokenEvent, Verdict};
use wecom_core::endpoints;
use wecom_core::schema::Secret;
use wecom_core::Error;

use super::common::*;
use super::{ADD, ADD_PAYLOAD, NOW};

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
    // A stored token, used, then invalidated: deleting it fails with a message quoting it. (A
    // token WeCom rejects is not deleted on the way to a new one: it is overwritten; see
    // token_store.rs. invalidateToken still deletes it.)
    let token = "s.t.9";
    let store = QuotingStore {
        stored: RefCell::new(Some(TokenRecord::from_stored(token.into(), NOW + 3_600_000.0, None, NOW).unwrap())),
        fail_delete: true,
        ..QuotingStore::default()
    };
    let fake = Fake::new(vec![errcode(40014, "invalid access_token"), token_reply(TOKENS[1], 7200), success()]);
    let c = store_client(fake, store);
    block_on(c.request(ADD, ADD_PAYLOAD)).unwrap();
    block_on(c.invalidate_token());
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

#[test]
fn item8_tokens_longer_than_4_kib_are_refused_so_the_history_stays_bounded() {
    let long = "t".repeat(MAX_TOKEN_BYTES + 1);
    let c = client(Fake::new(vec![token_reply(&long, 7200)]));
    let e = block_on(c.access_token(false)).unwrap_err();
    assert!(matches!(&e, Error::BadResponse { snippet, .. } if snippet.contains("longer than 4096 bytes")), "{e:?}");
    // At the limit it is used.
    let at_limit = "t".repeat(MAX_TOKEN_BYTES);
    let c = client(Fake::new(vec![token_reply(&at_limit, 7200)]));
    assert_eq!(block_on(c.access_token(false)).unwrap(), at_limit);
}
