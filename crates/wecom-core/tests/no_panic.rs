//! Garbage in, no panic out: every public entry point is fed random and hostile input. Each
//! report is also checked for basic invariants (catalogued rule ids, well-formed JSON pointers,
//! both locales render). Deterministic (xorshift) and fast.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::{json, Value};
use wecom_core::client::{ClientConfig, HttpReply};
use wecom_core::endpoints::{self, Endpoint};
use wecom_core::error::redact;
use wecom_core::json::Json;
use wecom_core::messages::{Locale, Msg, Text};
use wecom_core::models::*;
use wecom_core::schema::{Kind, Model, Secret};
use wecom_core::tape::{Tape, TapeError, MAX_DEPTH};
use wecom_core::validate::{self, Report};
use wecom_core::{errcode, rules, validate_json, validate_json_with, Error};

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// Validates with `strict` (every warning is an error, so each finding is in `errors`), checks
/// the invariants every report must satisfy, that the tape path agrees, and that the lenient
/// report holds the same findings split into errors and warnings.
fn validate(endpoint: &Endpoint, text: &str) -> Report {
    let strict = validate::Options { strict: true };
    let report = validate_json_with(endpoint.path, text, strict).unwrap_or_else(|e| panic!("{}: {e}", endpoint.path));
    check_report(endpoint, text, &report);
    let lenient = validate_json(endpoint.path, text).unwrap_or_else(|e| panic!("{}: {e}", endpoint.path));
    check_report(endpoint, text, &lenient);
    assert_tape_agrees(endpoint.request, text, &lenient);
    if !report.truncated {
        assert_eq!(
            lenient.errors.len() + lenient.warnings.len(),
            report.errors.len(),
            "{}: {text:.200}",
            endpoint.path
        );
        let mut rest = report.errors.iter();
        for e in &lenient.errors {
            assert!(
                rest.any(|s| s == e),
                "{}: the lenient errors are not in the strict order: {text:.200}",
                endpoint.path
            );
        }
        for w in &lenient.warnings {
            assert!(report.errors.contains(w), "{}: warning {w:?} is not a strict error", endpoint.path);
        }
    }
    report
}

fn check_report(endpoint: &Endpoint, text: &str, report: &Report) {
    // Bounded: never more than MAX_ISSUES findings, and cut only when full.
    let n = report.errors.len() + report.warnings.len();
    assert!(n <= validate::MAX_ISSUES, "{}: {n} issues", endpoint.path);
    assert!(!report.truncated || n == validate::MAX_ISSUES, "{}: cut early", endpoint.path);
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(
            rules::info(issue.rule).is_some(),
            "{}: uncatalogued rule {} for {text:.200}",
            endpoint.path,
            issue.rule
        );
        assert!(issue.path.is_empty() || issue.path.starts_with('/'), "bad pointer {:?}", issue.path);
        let mut chars = issue.path.chars();
        while let Some(c) = chars.next() {
            if c == '~' {
                assert!(matches!(chars.next(), Some('0' | '1')), "unescaped ~ in {:?}", issue.path);
            }
        }
    }
    for locale in [Locale::En, Locale::ZhCn] {
        let out: Value = serde_json::from_str(&report.to_json(locale)).expect("report JSON");
        assert_eq!(out["valid"], json!(report.errors.is_empty()));
        assert_eq!(out["errors"].as_array().map(Vec::len), Some(report.errors.len()));
        let flag = if report.truncated { json!(true) } else { Value::Null };
        assert_eq!(out["truncated"], flag, "`truncated` appears exactly when the report was cut");
    }
}

/// An object of `n` members (random names, some of them fields, most not) with simple random
/// values, or a field holding an array of `n` such values: valid JSON with about `n` problems.
fn gen_many_problems(rng: &mut Rng, names: &[&str], n: usize, out: &mut String) {
    const VALUES: [&str; 10] = ["null", "true", "0", "-1", "1.5", "4294967296", "\"\"", "\"x\"", "[]", "{\"a\":1}"];
    let object = rng.one_in(2);
    if object {
        out.push('{');
    } else {
        out.push_str(&format!("{{\"{}\":[", rng.pick(names)));
    }
    for j in 0..n {
        if j > 0 {
            out.push(',');
        }
        if object {
            out.push_str(&format!("\"k{j}_{}\":", rng.pick(names)));
        }
        out.push_str(rng.pick::<&str>(&VALUES));
    }
    out.push_str(if object { "}" } else { "]}" });
}

/// Every wire name used by any request model, nested ones included.
fn field_names() -> Vec<&'static str> {
    fn walk(model: &'static Model, out: &mut BTreeSet<&'static str>, seen: &mut Vec<&'static str>) {
        if seen.contains(&model.name) {
            return;
        }
        seen.push(model.name);
        for f in model.fields {
            out.insert(f.name);
            let mut k = (f.kind)();
            while let Kind::Array(inner) = k {
                k = inner();
            }
            if let Kind::Object(m) = k {
                walk(m, out, seen);
            }
        }
    }
    let mut out = BTreeSet::new();
    let mut seen = Vec::new();
    for ep in endpoints::ALL {
        walk(ep.request, &mut out, &mut seen);
    }
    out.into_iter().collect()
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "2",
    "3",
    "1.5",
    "-0.0",
    "3.0",
    "1e3",
    "1E+2",
    "-1e-2",
    "1e400",
    "-1e400",
    "1e-400",
    "4294967295",
    "4294967296",
    "1209600",
    "1209601",
    "1000",
    "1001",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808.0",
    "123456789012345678901234567890",
    "0.1e1",
    "100e-2",
];

const STRINGS: &[&str] =
    &["", "a", "中", "😀", "a/b", "~", "~1", "\\u0000", "\\ud83d\\ude00", "\\ud800", "zhangsan", "\\\"", "\\n\\t"];

/// A random JSON text, with keys drawn mostly from the models' field names. May contain
/// duplicate keys and edge-case numbers.
fn gen_value(rng: &mut Rng, names: &[&str], depth: usize, out: &mut String, floats: bool) {
    let pick = if depth == 0 { rng.below(4) } else { rng.below(7) };
    match pick {
        0 => out.push_str(rng.pick::<&str>(&["null", "true", "false"])),
        1 => {
            if floats {
                out.push_str(rng.pick::<&str>(NUMBERS));
            } else {
                let ints = ["0", "1", "2", "3", "-1", "30", "100", "1000", "1001", "1209600", "1209601", "4294967295"];
                out.push_str(rng.pick::<&str>(&ints));
            }
        }
        2 | 3 => gen_string(rng, out),
        4 => {
            out.push('[');
            // Occasionally 101 items (list limits), then scalars only to stay fast.
            let (n, inner) = if rng.one_in(12) { (101, 0) } else { (rng.below(4), depth - 1) };
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                gen_value(rng, names, inner, out, floats);
            }
            out.push(']');
        }
        _ => gen_object(rng, names, depth - 1, out, floats),
    }
}

fn gen_string(rng: &mut Rng, out: &mut String) {
    out.push('"');
    let n = match rng.below(40) {
        0..=3 => 29 + rng.below(4),
        4 => 1333 + rng.below(3),
        _ => rng.below(6),
    };
    for _ in 0..n {
        out.push_str(match rng.below(8) {
            0 => "中",
            1 => "😀",
            2 => "\\u4e2d",
            3 => rng.pick::<&str>(STRINGS),
            _ => "x",
        });
    }
    out.push('"');
}

fn gen_object(rng: &mut Rng, names: &[&str], depth: usize, out: &mut String, floats: bool) {
    out.push('{');
    let n = rng.below(6);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let key = if rng.one_in(6) { rng.pick(STRINGS).to_string() } else { rng.pick(names).to_string() };
        out.push('"');
        out.push_str(&key);
        out.push_str("\":");
        gen_value(rng, names, depth, out, floats);
    }
    out.push('}');
}

fn compact_fixtures() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = valid_payloads().into_iter().map(|(k, v)| (k, v.to_string())).collect();
    if let Value::Object(full) = fixture_json("full_payloads.json") {
        for (k, v) in full {
            out.push((k.split('#').next().unwrap().to_owned(), v.to_string()));
        }
    }
    out
}

fn endpoint(path: &str) -> &'static Endpoint {
    endpoints::find(path).unwrap_or_else(|| panic!("{path}"))
}

// ---------------------------------------------------------------------------------------------
// validate_json
// ---------------------------------------------------------------------------------------------

#[test]
fn random_bytes() {
    let mut rng = Rng::new(0xC0FF_EE00_1234_5678);
    for ep in endpoints::ALL {
        for _ in 0..300 {
            let len = rng.below(96);
            let mut bytes = rng.bytes(len);
            // Half the time, make it look a bit like JSON.
            if rng.one_in(2) {
                bytes.insert(0, b'{');
                for b in bytes.iter_mut() {
                    if *b > 0x7f && rng.one_in(2) {
                        *b = *rng.pick(b"{}[]\":,01-.eE tfn\\u");
                    }
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            validate(ep, &text);
        }
    }
}

#[test]
fn random_structured_payloads() {
    let names = field_names();
    let mut rng = Rng::new(42);
    let mut valid_seen = 0;
    let mut truncated_seen = 0;
    for ep in endpoints::ALL {
        for i in 0..300 {
            let mut text = String::new();
            let floats = i % 2 == 0;
            if i % 10 == 0 {
                // Around and far beyond the issue cap.
                let n = *rng.pick(&[99, 100, 101, 150, 1000]);
                gen_many_problems(&mut rng, &names, n, &mut text);
            } else {
                gen_object(&mut rng, &names, 3, &mut text, floats);
            }
            let report = validate(ep, &text);
            truncated_seen += usize::from(report.truncated);
            // A repeated key is always reported (as `duplicate-field` or `unknown-field`), and
            // with integers only, what the validator accepts the typed struct accepts too.
            if report.is_valid() {
                assert!(!has_duplicate_keys(&text), "{}: a repeated key passes: {text}", ep.path);
            }
            if report.is_valid() && !floats {
                valid_seen += 1;
                if let Err(e) = typed_accepts(ep.path, &text) {
                    panic!("{}: validator accepts {text} but the typed request does not: {e}", ep.path);
                }
            }
        }
        // And mutations of the minimal valid payload (so that cross-field rules run).
        let base = valid_payloads()[ep.path].clone();
        for _ in 0..100 {
            let mut v = base.clone();
            if let Value::Object(o) = &mut v {
                for _ in 0..1 + rng.below(3) {
                    let mut t = String::new();
                    gen_value(&mut rng, &names, 2, &mut t, false);
                    if let Ok(val) = serde_json::from_str::<Value>(&t) {
                        o.insert(rng.pick(&names).to_string(), val);
                    }
                }
            }
            let text = v.to_string();
            if validate(ep, &text).is_valid() {
                valid_seen += 1;
                if let Err(e) = typed_accepts(ep.path, &text) {
                    panic!("{}: validator accepts {text} but the typed request does not: {e}", ep.path);
                }
            }
        }
    }
    assert!(valid_seen > 50, "the generator rarely produced valid payloads ({valid_seen})");
    assert!(truncated_seen > 100, "the generator rarely went past the issue cap ({truncated_seen})");
}

/// Whether any object in the text repeats a key (a JSON `Value` would silently keep one).
fn has_duplicate_keys(text: &str) -> bool {
    fn walk(j: &Json<'_>) -> bool {
        match j {
            Json::Object(members) => {
                let mut seen = BTreeSet::new();
                members.iter().any(|(k, v)| !seen.insert(k.as_ref()) || walk(v))
            }
            Json::Array(items) => items.iter().any(walk),
            _ => false,
        }
    }
    Json::parse(text).map(|j| walk(&j)).unwrap_or(false)
}

#[test]
fn truncated_valid_payloads() {
    for (path, text) in compact_fixtures() {
        let ep = endpoint(&path);
        assert!(validate_json(ep.path, &text).unwrap().is_valid(), "{path}: {text}");
        for (cut, _) in text.char_indices().skip(1) {
            let prefix = &text[..cut];
            let report = validate(ep, prefix);
            assert_eq!(report.errors.len(), 1, "{path}: {prefix}");
            assert_eq!(report.errors[0].path, "");
            assert_eq!(report.errors[0].msg, Msg::Type { expected: "object", actual: "invalid JSON" });
        }
        validate(ep, "");
    }
}

#[test]
fn mutated_valid_payloads() {
    let mut rng = Rng::new(7);
    for (path, text) in compact_fixtures() {
        let ep = endpoint(&path);
        for _ in 0..60 {
            let mut bytes = text.clone().into_bytes();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(bytes.len());
                match rng.below(3) {
                    0 => bytes[i] = rng.next_u64() as u8,
                    1 => {
                        bytes.remove(i);
                    }
                    _ => bytes.insert(i, *rng.pick(b"{}[]\",:0-9e.~/\\")),
                }
                if bytes.is_empty() {
                    break;
                }
            }
            validate(ep, &String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn deep_nesting() {
    let n = 10_000;
    let arrays = "[".repeat(n) + &"]".repeat(n);
    let objects = "{\"a\":".repeat(n) + "1" + &"}".repeat(n);
    let in_field = format!("{{\"type\":1,\"scene\":2,\"user\":{}}}", arrays);
    let in_conclusions =
        format!("{{\"type\":1,\"scene\":2,\"user\":[\"a\"],\"is_temp\":true,\"conclusions\":{}}}", objects);
    let unclosed = "[".repeat(n);
    for ep in endpoints::ALL {
        for text in [&arrays, &objects, &in_field, &in_conclusions, &unclosed] {
            let report = validate(ep, text);
            assert_eq!(report.errors.len(), 1);
            assert_eq!(report.errors[0].rule, "json-depth");
        }
    }
    // The limit is serde_json's: 127 nested containers, the root included (the generated JS
    // validators count the same way).
    let get = endpoint("externalcontact/get_contact_way");
    let at = |containers: usize| {
        let inner = containers - 1;
        format!("{{\"config_id\":\"c\",\"x\":{}{}}}", "[".repeat(inner), "]".repeat(inner))
    };
    assert!(validate_json(get.path, &at(127)).unwrap().is_valid());
    let report = validate_json(get.path, &at(128)).unwrap();
    assert_eq!((report.errors.len(), report.errors[0].rule, report.errors[0].path.as_str()), (1, "json-depth", ""));
    // Within serde_json's depth limit the nesting is parsed and reported precisely.
    let add = endpoint("externalcontact/add_contact_way");
    let nested = format!("{{\"type\":1,\"scene\":2,\"user\":[{}{}]}}", "[".repeat(100), "]".repeat(100));
    let report = validate(add, &nested);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!((report.errors[0].path.as_str(), report.errors[0].rule), ("/user/0", "json-type"));
    let nested = format!(
        "{{\"type\":1,\"scene\":2,\"user\":[\"a\"],\"is_temp\":true,\"conclusions\":{{\"text\":{}1{}}}}}",
        "{\"content\":".repeat(100),
        "}".repeat(100)
    );
    let report = validate(add, &nested);
    assert!(
        report.errors.iter().any(|i| i.path == "/conclusions/text/content" && i.rule == "json-type"),
        "{:?}",
        report.errors
    );
}

#[test]
fn huge_strings() {
    const MB: usize = 1 << 20;
    let cjk = "中".repeat(MB / 3); // 1_048_575 bytes
    let ascii = "x".repeat(MB);
    let add = endpoint("externalcontact/add_contact_way");
    let report = validate(add, &json!({ "type": 1, "scene": 2, "user": ["a"], "remark": cjk }).to_string());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].msg, Msg::MaxChars { max: 30, actual: MB / 3 });
    let text = json!({ "type": 1, "scene": 2, "user": ["a"], "is_temp": true, "conclusions": { "text": { "content": ascii } } })
        .to_string();
    let report = validate(add, &text);
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].msg, Msg::MaxBytes { max: 4000, actual: MB });
    // Two huge strings at once (together just under the 2 MiB payload limit).
    let half = "x".repeat(MB - 64);
    let text = format!(r#"{{"type":1,"scene":2,"user":["{half}"],"state":"{half}"}}"#);
    assert_eq!(validate(add, &text).errors.len(), 1);
    // A huge unknown key, a huge root string.
    let report = validate(add, &format!("{{\"{ascii}\":1}}"));
    assert!(report.errors.iter().any(|i| i.rule == "unknown-field" && i.path.len() == MB + 1));
    validate(add, &format!("\"{ascii}\""));
    // Every endpoint: a long (64 KiB) value in each of its members at once.
    let long = "中".repeat(64 * 1024 / 3);
    for ep in endpoints::ALL {
        let all: serde_json::Map<String, Value> =
            ep.request.fields.iter().map(|f| (f.name.to_owned(), json!(long))).collect();
        validate(ep, &Value::Object(all).to_string());
    }
}

#[test]
fn edge_numbers_everywhere() {
    // Each endpoint's own members, plus the nested string/integer members and an unknown one.
    for ep in endpoints::ALL {
        let base = valid_payloads()[ep.path].to_string();
        let names: Vec<&str> = ep.request.fields.iter().map(|f| f.name).chain(["content", "unknown"]).collect();
        for name in &names {
            for n in NUMBERS {
                validate(ep, &format!("{{\"{name}\":{n}}}"));
                validate(ep, &format!("{{\"{name}\":[{n}]}}"));
                // Appended to a valid payload (duplicates a member when the name is already there).
                let text = format!("{},\"{name}\":{n}}}", &base[..base.len() - 1]).replace("{,", "{");
                validate(ep, &text);
            }
        }
    }
    // 1e400 is out of f64 range: serde_json refuses it, reported as invalid JSON.
    let list = endpoint("externalcontact/list_contact_way");
    let report = validate(list, r#"{"limit":1e400}"#);
    assert_eq!(report.errors[0].msg, Msg::Type { expected: "object", actual: "invalid JSON" });
    // Beyond u64 serde_json reads a float: still an integral number, so a range error.
    let report = validate(list, r#"{"limit":18446744073709551616}"#);
    assert_eq!(report.errors.len(), 1);
    assert_eq!((report.errors[0].path.as_str(), report.errors[0].rule), ("/limit", "R-CW-21"));
    assert_eq!(report.errors[0].msg, Msg::OutOfRange { min: 1, max: 1000 });
    let report = validate(list, r#"{"limit":1.5}"#);
    assert_eq!(report.errors[0].msg, Msg::Type { expected: "integer", actual: "number" });
    // Numbers on a tape are any f64 (a JS writer may send what text never holds): non-finite
    // and extreme values are measured, never a panic.
    let limit = ListContactWayRequest::MODEL.index("limit") as f64;
    let kind = Kind::Object(list.request);
    for f in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::MIN_POSITIVE,
        -0.0,
        1e19,
        -1e19,
    ] {
        let number = [2.0, f];
        let v = Tape::new(&number, &[], Kind::Any).unwrap().root();
        assert_eq!(v.as_f64().map(f64::to_bits), Some(f.to_bits()));
        assert_eq!(v.as_i64(), if f == 0.0 { Some(0) } else { None }, "{f}");
        assert!(matches!(v.type_name(), "integer" | "number"));
        let slots = [5.0, 1.0, 6.0, limit, 2.0, f];
        let report = validate::validate_tape(list.request, Tape::new(&slots, &[], kind).unwrap(), Default::default());
        check_report(list, &format!("{slots:?}"), &report);
        // None of them is a valid limit: one issue each (type or range).
        assert_eq!(report.errors.len(), 1, "{f}: {:?}", report.errors);
        assert_eq!(report.errors[0].path, "/limit");
    }
}

#[test]
fn non_object_roots() {
    for ep in endpoints::ALL {
        for (root, actual) in [
            ("null", "null"),
            ("true", "boolean"),
            ("0", "integer"),
            ("-1.5", "number"),
            ("\"{}\"", "string"),
            ("[]", "array"),
            ("[{}]", "array"),
            ("  [ ]  ", "array"),
        ] {
            let report = validate(ep, root);
            assert_eq!(report.errors.len(), 1, "{root}");
            assert_eq!(report.errors[0].path, "");
            assert_eq!(report.errors[0].rule, "json-type");
            assert_eq!(report.errors[0].msg, Msg::Type { expected: "object", actual });
        }
        for junk in
            ["{} {}", "{}x", "{,}", "{\"a\"}", "{\"a\":}", "'{}'", "\u{feff}{}", "{\"a\":1,}", "NaN", "Infinity", "\0"]
        {
            let report = validate(ep, junk);
            assert_eq!(report.errors.len(), 1, "{junk:?}");
            assert_eq!(report.errors[0].msg, Msg::Type { expected: "object", actual: "invalid JSON" }, "{junk:?}");
        }
        // Whitespace around an object is fine.
        assert!(validate(ep, &format!(" \n\t{} \r\n", valid_payloads()[ep.path])).is_valid());
    }
}

#[test]
fn duplicate_keys() {
    for ep in endpoints::ALL {
        let report = validate(ep, r#"{"zz":1,"zz":2}"#);
        let unknown: Vec<&str> =
            report.errors.iter().filter(|i| i.rule == "unknown-field").map(|i| i.path.as_str()).collect();
        assert_eq!(unknown, vec!["/zz", "/zz"], "{}", ep.path);
        // Each field of the endpoint, given twice (and three times): one `duplicate-field` per
        // repetition, at the field's pointer.
        for f in ep.request.fields {
            let base = valid_payloads()[ep.path].to_string();
            let value = r#""x""#;
            for times in [2, 3] {
                let extra = format!(",\"{}\":{value}", f.name).repeat(times);
                let text = format!("{{{}{extra}}}", &base[1..base.len() - 1]).replace("{,", "{");
                let report = validate(ep, &text);
                let dups: Vec<&str> =
                    report.errors.iter().filter(|i| i.rule == "duplicate-field").map(|i| i.path.as_str()).collect();
                let present = base.contains(&format!("\"{}\":", f.name));
                let expected = vec![format!("/{}", f.name); times - usize::from(!present)];
                assert_eq!(dups, expected, "{text}");
            }
        }
    }
    let add = endpoint("externalcontact/add_contact_way");
    // Only the first occurrence is checked; the repetition is reported as such.
    let report = validate(add, r#"{"type":1,"scene":2,"user":["a"],"remark":"ok","remark":7}"#);
    assert_eq!(report.errors.len(), 1);
    assert_eq!((report.errors[0].path.as_str(), report.errors[0].rule), ("/remark", "duplicate-field"));
    let report = validate(
        add,
        r#"{"type":1,"type":2,"scene":2,"scene":1,"user":["a"],"user":[],"is_temp":true,"is_temp":false}"#,
    );
    let summary: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(
        summary,
        [
            ("/type", "duplicate-field"),
            ("/scene", "duplicate-field"),
            ("/user", "duplicate-field"),
            ("/is_temp", "duplicate-field")
        ]
    );
    // A thousand repetitions: the report lists the first 100 and says it was cut.
    let text = format!("{{\"config_id\":\"a\"{}}}", ",\"config_id\":\"b\"".repeat(1000));
    let report = validate(endpoint("externalcontact/get_contact_way"), &text);
    assert_eq!((report.errors.len(), report.truncated), (validate::MAX_ISSUES, true));
    assert!(report.errors.iter().all(|i| i.rule == "duplicate-field" && i.path == "/config_id"));
}

#[test]
fn keys_with_slash_and_tilde_are_escaped_in_pointers() {
    let add = endpoint("externalcontact/add_contact_way");
    let base = r#""type":1,"scene":2,"user":["a"]"#;
    for (key, pointer) in [
        ("a/b", "/a~1b"),
        ("~", "/~0"),
        ("/", "/~1"),
        ("~1", "/~01"),
        ("~0/~1", "/~00~1~01"),
        ("", "/"),
        ("中/文~", "/中~1文~0"),
        ("a\\u002fb", "/a~1b"),
        ("\\u007e", "/~0"),
    ] {
        let report = validate(add, &format!("{{{base},\"{key}\":1}}"));
        assert_eq!(report.errors.len(), 1, "{key}");
        assert_eq!(report.errors[0].path, pointer, "{key}");
        assert_eq!(report.errors[0].rule, "unknown-field");
    }
    // Nested.
    let report = validate(
        add,
        &format!(r#"{{{base},"is_temp":true,"conclusions":{{"te/xt":1,"text":{{"content":"c","~":0}}}}}}"#),
    );
    let paths: Vec<&str> = report.errors.iter().map(|i| i.path.as_str()).collect();
    // Field order first (the declared `text` and what is inside it), then unknown members.
    assert_eq!(paths, vec!["/conclusions/text/~0", "/conclusions/te~1xt"]);
}

// ---------------------------------------------------------------------------------------------
// the tape (what the JS layer writes): `Tape::new` checks the layout, `validate_tape` reads it
// ---------------------------------------------------------------------------------------------

const SLOTS: &[f64] = &[
    0.0,
    1.0,
    2.0,
    3.0,
    4.0,
    5.0,
    6.0,
    7.0,
    255.0,
    256.0,
    -0.0,
    -1.0,
    -2.0,
    -6.0,
    -7.0,
    0.5,
    1.5,
    30.0,
    31.0,
    100.0,
    101.0,
    4000.0,
    4001.0,
    1e10,
    4294967295.0,
    4294967296.0,
    9.2e18,
    1e300,
    -1e300,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::MIN_POSITIVE,
];

/// Appends a random well-formed tape of a value expected to be of `kind`; keys of a model's
/// fields by index (generated for the field's kind), other members by name (`names` names).
fn gen_tape(rng: &mut Rng, kind: Kind, depth: usize, names: usize, out: &mut Vec<f64>) {
    match rng.below(if depth == 0 { 4 } else { 6 }) {
        0 => out.push(0.0),
        1 => out.extend([1.0, *rng.pick(&[0.0, 1.0])]),
        2 => out.extend([2.0, *rng.pick(SLOTS)]),
        3 => {
            let bytes: f64 = *rng.pick(&[0.0, 1.0, 30.0, 31.0, 90.0, 93.0, 4000.0, 4001.0, 4e9]);
            out.extend([3.0, bytes, (bytes / *rng.pick(&[1.0_f64, 3.0, 4.0])).floor()]);
        }
        4 => {
            let n = if rng.one_in(8) { 101 } else { rng.below(3) };
            let start = out.len();
            out.extend([4.0, n as f64, f64::NAN]);
            for _ in 0..n {
                gen_tape(rng, item_kind(kind), if n > 3 { 0 } else { depth - 1 }, names, out);
            }
            out[start + 2] = out.len() as f64;
        }
        _ => {
            let n = rng.below(5);
            let start = out.len();
            out.extend([5.0, n as f64, f64::NAN]);
            for _ in 0..n {
                match model_of(kind) {
                    Some(m) if !m.fields.is_empty() && !rng.one_in(5) => {
                        let i = rng.below(m.fields.len());
                        out.push(i as f64);
                        gen_tape(rng, (m.fields[i].kind)(), depth - 1, names, out);
                    }
                    _ => {
                        out.push(-(rng.below(names) as f64) - 1.0);
                        gen_tape(rng, Kind::Any, depth - 1, names, out);
                    }
                }
            }
            out[start + 2] = out.len() as f64;
        }
    }
}

/// Where the containers of a well-formed tape start (tags 4 and 5 in tag position).
fn containers(slots: &[f64], kind: Kind) -> Vec<usize> {
    fn walk(slots: &[f64], pos: usize, kind: Kind, out: &mut Vec<usize>) -> usize {
        match slots[pos] as u8 {
            0 => pos + 1,
            1 | 2 => pos + 2,
            3 => pos + 3,
            // A short string with its content (tape::WORD).
            7 => pos + 5,
            tag => {
                out.push(pos);
                let n = slots[pos + 1] as usize;
                let mut p = pos + 3;
                for _ in 0..n {
                    p = if tag == 4 {
                        walk(slots, p, item_kind(kind), out)
                    } else {
                        let key = slots[p];
                        let inner = match model_of(kind) {
                            Some(m) if key >= 0.0 => (m.fields[key as usize].kind)(),
                            _ => Kind::Any,
                        };
                        walk(slots, p + 1, inner, out)
                    };
                }
                assert_eq!(p, slots[pos + 2] as usize, "not a well-formed tape");
                p
            }
        }
    }
    let mut out = Vec::new();
    walk(slots, 0, kind, &mut out);
    out
}

/// Checks a tape; when `Tape::new` accepts it, validates it (also against every other request
/// model, which a caller could mix up) and checks the report. Returns whether it was accepted.
fn try_tape(ep: &Endpoint, slots: &[f64], names: &[String]) -> bool {
    let kind = Kind::Object(ep.request);
    match Tape::new(slots, names, kind) {
        Ok(t) => {
            check_report(ep, &format!("{slots:?}"), &validate::validate_tape(ep.request, t, Default::default()));
            for other in endpoints::ALL {
                let _ = validate::validate_tape(other.request, t, Default::default());
            }
            true
        }
        Err(TapeError(why)) => {
            assert!(!why.is_empty());
            false
        }
    }
}

#[test]
fn random_tapes() {
    let mut rng = Rng::new(31337);
    let names: Vec<String> = ["", "a/b", "~", "type", "中", "remark"].iter().map(|s| s.to_string()).collect();
    let mut accepted = 0;
    for ep in endpoints::ALL {
        let kind = Kind::Object(ep.request);
        for _ in 0..400 {
            // Pure noise (an object header half the time).
            let len = rng.below(24);
            let mut t: Vec<f64> =
                (0..len).map(|_| if rng.one_in(2) { rng.below(8) as f64 } else { *rng.pick(SLOTS) }).collect();
            if rng.one_in(2) {
                t.splice(0..0, [5.0, rng.below(4) as f64, rng.below(len + 4) as f64]);
            }
            try_tape(ep, &t, &names);
            let _ = Tape::new(&t, &names, Kind::Any);
            let _ = Tape::new(&t, &[], kind);
            // Well-formed random tapes (object roots mostly), sometimes with one slot broken.
            let mut t = Vec::new();
            if rng.one_in(5) {
                gen_tape(&mut rng, kind, 3, names.len(), &mut t);
            } else {
                // One member: a field of the model (generated for that field's kind) or a name.
                t.extend([5.0, 1.0, f64::NAN]);
                match ep.request.fields.len() {
                    0 => {
                        t.push(-1.0);
                        gen_tape(&mut rng, Kind::Any, 3, names.len(), &mut t);
                    }
                    n => {
                        let i = rng.below(n);
                        t.push(i as f64);
                        gen_tape(&mut rng, (ep.request.fields[i].kind)(), 3, names.len(), &mut t);
                    }
                }
                t[2] = t.len() as f64;
            }
            let broken = rng.one_in(4);
            if broken {
                let i = rng.below(t.len());
                t[i] = *rng.pick(SLOTS);
            }
            if try_tape(ep, &t, &names) {
                accepted += 1;
            } else {
                assert!(
                    broken,
                    "{}: a well-formed tape is rejected ({:?}): {t:?}",
                    ep.path,
                    Tape::new(&t, &names, kind).err()
                );
            }
        }
    }
    assert!(accepted > 2500, "only {accepted} random tapes accepted");
}

#[test]
fn mutated_tapes() {
    let mut rng = Rng::new(8);
    for (path, text) in compact_fixtures() {
        let ep = endpoint(&path);
        let kind = Kind::Object(ep.request);
        let (slots, mut names) = encode_root(&Json::parse(&text).unwrap(), kind, Keys::Indexed);
        names.push("extra/~name".into());
        let t = Tape::new(&slots, &names, kind).expect("a well-formed tape is accepted");
        assert!(validate::validate_tape(ep.request, t, Default::default()).is_valid(), "{path}");
        for _ in 0..200 {
            let mut t = slots.clone();
            for _ in 0..1 + rng.below(3) {
                let i = rng.below(t.len());
                match rng.below(4) {
                    0 => t[i] = *rng.pick(SLOTS),
                    1 => t[i] = rng.below(10) as f64 - 2.0,
                    2 => {
                        t.remove(i);
                    }
                    _ => t.insert(i, *rng.pick(SLOTS)),
                }
                if t.is_empty() {
                    break;
                }
            }
            try_tape(ep, &t, &names);
        }
        // Every proper prefix, and the tape with anything after it, is corrupt.
        for cut in 0..slots.len() {
            assert!(Tape::new(&slots[..cut], &names, kind).is_err(), "{path}: prefix {cut}");
        }
        for extra in [0.0, 5.0, f64::NAN] {
            let longer: Vec<f64> = slots.iter().copied().chain([extra]).collect();
            assert!(Tape::new(&longer, &names, kind).is_err(), "{path}: trailing {extra}");
        }
        // Every container with a wrong count or a wrong end is corrupt.
        for pos in containers(&slots, kind) {
            for (slot, delta) in [(1, 1.0), (1, -1.0), (1, 0.5), (2, 1.0), (2, -1.0), (2, 0.5)] {
                let mut t = slots.clone();
                t[pos + slot] += delta;
                assert!(Tape::new(&t, &names, kind).is_err(), "{path}: slot {} {delta:+}", pos + slot);
            }
        }
    }
}

/// A tape that breaks the layout is an `Err` from `Tape::new`, never a panic, never accepted.
#[test]
fn corrupt_tapes_are_errors() {
    const G: &Model = &ContactWayIdRequest::MODEL;
    const A: &Model = &AddContactWayRequest::MODEL;
    let get = Kind::Object(G);
    let add = Kind::Object(A);
    let cid = G.index("config_id") as f64;
    let user = A.index("user") as f64;
    let names = vec!["x".to_string(), "y".to_string()];
    let err = |slots: &[f64], kind: Kind, why: &str| {
        assert!(Tape::new(slots, &names, kind).is_err(), "{why}: {slots:?} accepted");
    };
    // The well-formed tapes the corruptions start from.
    let ok: [(&[f64], Kind); 6] = [
        (&[5.0, 1.0, 7.0, cid, 3.0, 1.0, 1.0], get),
        (&[5.0, 2.0, 8.0, -1.0, 0.0, -2.0, 2.0, 1.5], get),
        (&[5.0, 1.0, 10.0, user, 4.0, 1.0, 10.0, 3.0, 0.0, 0.0], add),
        (&[5.0, 1.0, 10.0, -2.0, 5.0, 1.0, 10.0, -1.0, 1.0, 1.0], get),
        (&[4.0, 0.0, 3.0], Kind::Any),
        (&[5.0, 0.0, 3.0], get),
    ];
    for (slots, kind) in ok {
        assert!(Tape::new(slots, &names, kind).is_ok(), "{slots:?}");
    }
    // Truncations and trailing slots.
    err(&[], get, "empty");
    err(&[5.0], get, "no count");
    err(&[5.0, 0.0], get, "no end");
    err(&[5.0, 1.0, 7.0, cid, 3.0, 1.0], get, "string without chars");
    err(&[5.0, 1.0, 5.0, cid, 2.0], get, "number without value");
    err(&[5.0, 1.0, 4.0, cid], get, "member without value");
    err(&[1.0], Kind::Any, "boolean without value");
    err(&[0.0, 0.0], Kind::Any, "trailing slot");
    err(&[5.0, 0.0, 3.0, 0.0], get, "trailing slot after an object");
    // Wrong `end`.
    for end in [0.0, 2.0, 6.0, 8.0, 1e9, -7.0, 7.5, f64::NAN, f64::INFINITY] {
        err(&[5.0, 1.0, end, cid, 3.0, 1.0, 1.0], get, "object end");
        err(&[5.0, 1.0, 10.0, user, 4.0, 1.0, end, 3.0, 0.0, 0.0], add, "array end");
    }
    err(&[4.0, 0.0, 4.0, 0.0], Kind::Any, "end past the container");
    // Bad counts: too many, too few, not a count.
    for n in [0.0, 2.0, 3.0, 4294967295.0, 4294967296.0, 1e300, -1.0, 0.5, f64::NAN, f64::INFINITY] {
        err(&[5.0, n, 7.0, cid, 3.0, 1.0, 1.0], get, "object count");
        err(&[5.0, 1.0, 10.0, user, 4.0, n, 10.0, 3.0, 0.0, 0.0], add, "array count");
    }
    for len in [-1.0, 0.5, f64::NAN, f64::INFINITY, 4294967296.0, 1e300] {
        err(&[3.0, len, 0.0], Kind::Any, "string bytes");
        err(&[3.0, 0.0, len], Kind::Any, "string chars");
    }
    // Bad tags, in the root and in a member.
    for tag in
        [0.5, -1.0, -0.5, 1.7, 2.9, 5.5, 6.5, 7.0, 255.0, 256.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300]
    {
        err(&[tag, 1.0, 1.0], Kind::Any, "tag");
        err(&[tag, 0.0, 3.0], Kind::Any, "tag");
        err(&[5.0, 1.0, 5.0, -1.0, tag], get, "member tag");
        err(&[5.0, 1.0, 7.0, -1.0, tag, 1.0, 1.0], get, "member tag");
    }
    // Keys: field index out of range or not an index, name index out of range, a field index
    // where no model is expected (below an unknown member, in an `Any` root).
    let fields = G.fields.len() as f64;
    for key in [fields, fields + 1.0, 1e9, 0.5, f64::INFINITY, f64::NAN, -3.0, -1e9, -0.5, -1.5, f64::NEG_INFINITY] {
        err(&[5.0, 1.0, 5.0, key, 0.0], get, "key");
    }
    assert!(Tape::new(&[5.0, 1.0, 5.0, -1.0, 0.0], &[], get).is_err(), "name index with no names");
    err(&[5.0, 1.0, 9.0, -1.0, 5.0, 1.0, 9.0, cid, 0.0], get, "field index below an unknown member");
    err(&[5.0, 1.0, 5.0, cid, 0.0], Kind::Any, "field index where no model is expected");
    err(&[4.0, 1.0, 8.0, 5.0, 1.0, 8.0, 0.0, 0.0], Kind::Array(|| Kind::Str), "field index in an array of strings");
    // Depth: MAX_DEPTH nested containers around a value are fine, one more is not.
    for (depth, accepted) in [(MAX_DEPTH, true), (MAX_DEPTH + 1, false), (10_000, false)] {
        let arrays = nested_arrays(depth);
        assert_eq!(Tape::new(&arrays, &[], Kind::Any).is_ok(), accepted, "{depth} nested arrays");
        let objects = nested_objects(depth);
        assert_eq!(Tape::new(&objects, &names, Kind::Any).is_ok(), accepted, "{depth} nested objects");
        assert_eq!(Tape::new(&objects, &names, get).is_ok(), accepted, "{depth} nested objects");
    }
}

/// `depth` arrays, one inside the other, around a `null`, with correct counts and ends.
fn nested_arrays(depth: usize) -> Vec<f64> {
    nested_arrays_at(depth, 0)
}

/// The same, for a tape where it starts at slot `offset`.
fn nested_arrays_at(depth: usize, offset: usize) -> Vec<f64> {
    let end = offset + 3 * depth + 1;
    let mut out = Vec::with_capacity(3 * depth + 1);
    for _ in 0..depth {
        out.extend([4.0, 1.0, end as f64]);
    }
    out.push(0.0);
    out
}

/// `depth` objects `{"x": …}` (by name), one inside the other, around a `null`.
fn nested_objects(depth: usize) -> Vec<f64> {
    let len = 4 * depth + 1;
    let mut out = Vec::with_capacity(len);
    for _ in 0..depth {
        out.extend([5.0, 1.0, len as f64, -1.0]);
    }
    out.push(0.0);
    out
}

#[test]
fn deep_and_huge_tapes() {
    let add = endpoint("externalcontact/add_contact_way");
    let kind = Kind::Object(add.request);
    // 10_000 nested arrays in a member: an error, not a stack overflow.
    let deep = nested_arrays_at(10_000, 4);
    let mut in_field = vec![5.0, 1.0, (deep.len() + 4) as f64, -1.0];
    in_field.extend(deep);
    assert!(Tape::new(&in_field, &["x".to_string()], kind).is_err());
    // The same, one level less than the limit, is fine (the checker is right about the ends).
    let mut in_field = vec![5.0, 1.0, f64::NAN, -1.0];
    in_field.extend(nested_arrays_at(MAX_DEPTH - 1, 4));
    in_field[2] = in_field.len() as f64;
    assert!(Tape::new(&in_field, &["x".to_string()], kind).is_ok());
    // The deepest accepted tape is validated without trouble: the innermost value is reported.
    let mut user_deep = vec![5.0, 3.0, f64::NAN];
    let (ty, scene, user) = (A.index("type") as f64, A.index("scene") as f64, A.index("user") as f64);
    user_deep.extend([ty, 2.0, 2.0, scene, 2.0, 2.0, user]);
    let start = user_deep.len();
    for _ in 0..MAX_DEPTH - 1 {
        user_deep.extend([4.0, 1.0, f64::NAN]);
    }
    user_deep.push(0.0);
    let end = user_deep.len() as f64;
    user_deep[2] = end;
    for pos in (start..user_deep.len() - 1).step_by(3) {
        user_deep[pos + 2] = end;
    }
    let report = validate::validate_tape(add.request, Tape::new(&user_deep, &[], kind).unwrap(), Default::default());
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!((report.errors[0].path.as_str(), report.errors[0].rule), ("/user/0", "json-type"));
    // Counts far beyond the tape are rejected before anything is allocated or walked.
    for n in [1e9, 4294967295.0, 4294967296.0, 1e300, f64::INFINITY] {
        assert!(Tape::new(&[4.0, n, 3.0], &[], Kind::Any).is_err());
        assert!(Tape::new(&[5.0, n, 3.0], &[], kind).is_err());
    }
    // A huge string is just two numbers: measured, not stored.
    let remark = A.index("remark") as f64;
    #[rustfmt::skip]
    let t = [
        5.0, 4.0, 20.0,
        ty, 2.0, 1.0,
        scene, 2.0, 2.0,
        user, 4.0, 1.0, 16.0, 3.0, 1.0, 1.0,
        remark, 3.0, 3e9, 1e9,
    ];
    let r = validate::validate_tape(add.request, Tape::new(&t, &[], kind).unwrap(), Default::default());
    assert_eq!(r.errors.len(), 1);
    assert_eq!(r.errors[0].msg, Msg::MaxChars { max: 30, actual: 1_000_000_000 });
    // A 100_000-item array of nulls: its count reported first, then its first items until the
    // report is full; the rest is not walked.
    let n = 100_000;
    let mut big = vec![5.0, 3.0, f64::NAN, ty, 2.0, 2.0, scene, 2.0, 2.0, user, 4.0, n as f64, f64::NAN];
    big.extend(std::iter::repeat_n(0.0, n));
    let end = big.len() as f64;
    big[2] = end;
    big[12] = end;
    let r = validate::validate_tape(add.request, Tape::new(&big, &[], kind).unwrap(), Default::default());
    assert_eq!((r.errors.len(), r.truncated), (validate::MAX_ISSUES, true), "R-CW-09, then items");
    assert_eq!((r.errors[0].path.as_str(), r.errors[0].rule), ("/user", "R-CW-09"));
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 100, actual: n });
    assert_eq!(r.errors[99].path, "/user/98");
}

const A: &Model = &AddContactWayRequest::MODEL;

/// Tags are exact: a non-integral, negative, NaN or unknown tag is a corrupt tape, not a value.
#[test]
fn tape_tags_must_be_exact() {
    for t in [
        &[0.5][..],
        &[-1.0],
        &[f64::NAN],
        &[-0.5],
        &[1.7, 1.0],
        &[2.9, 3.0],
        &[5.5, 0.0, 3.0],
        &[4.5, 0.0, 3.0],
        &[6.0],
        &[6.0, 0.5, 3.0],
        &[7.0, 0.0, 3.0],
    ] {
        assert!(Tape::new(t, &[], Kind::Any).is_err(), "{t:?} accepted");
    }
    // Boundary: the exact tags are accepted and read as what they are.
    for (t, name) in [
        (&[0.0][..], "null"),
        (&[1.0, 1.0], "boolean"),
        (&[2.0, 3.0], "integer"),
        (&[2.0, 3.5], "number"),
        (&[3.0, 0.0, 0.0], "string"),
        (&[4.0, 0.0, 3.0], "array"),
        (&[5.0, 0.0, 3.0], "object"),
    ] {
        assert_eq!(Tape::new(t, &[], Kind::Any).map(|t| t.root().type_name()), Ok(name), "{t:?}");
    }
    let root = |t: &'static [f64]| Tape::new(t, &[], Kind::Any).unwrap().root();
    assert_eq!(root(&[1.0, 0.0]).as_bool(), Some(false));
    assert_eq!(root(&[1.0, 1.0]).as_bool(), Some(true));
    assert_eq!(root(&[3.0, 7.0, 3.0]).str_bytes(), Some(7));
    assert_eq!(root(&[3.0, 7.0, 3.0]).str_chars(), Some(3));
    assert_eq!(root(&[4.0, 0.0, 3.0]).array_len(), Some(0));
    assert_eq!(root(&[5.0, 0.0, 3.0]).object_len(), Some(0));
    assert!(root(&[0.0]).is_null() && !root(&[0.0]).filled());
}

// ---------------------------------------------------------------------------------------------
// the other public entry points
// ---------------------------------------------------------------------------------------------

fn random_text(rng: &mut Rng, alphabet: &[&str], max: usize) -> String {
    (0..rng.below(max + 1)).map(|_| *rng.pick(alphabet)).collect()
}

#[test]
fn small_entry_points() {
    let mut rng = Rng::new(99);
    let alphabet = [
        "a",
        "e",
        "n",
        "E",
        "N",
        "-",
        "/",
        "~",
        "中",
        "😀",
        " ",
        "\u{301}",
        "é",
        "cgi-bin",
        "externalcontact/",
        "add_contact_way",
        "\0",
    ];
    for _ in 0..2000 {
        let s = random_text(&mut rng, &alphabet, 8);
        let _ = Locale::from_tag(&s);
        if let Some(ep) = endpoints::find(&s) {
            assert!(s.ends_with(ep.path));
        }
        let _ = validate_json(&s, "{}");
        let _ = Json::parse(&s);
        let code = rng.next_u64() as i64;
        let _ = errcode::lookup(code);
        let _ = errcode::class_of(code);
        let _ = rules::info(&s);
    }
    for e in errcode::TABLE {
        assert_eq!(errcode::lookup(e.code).map(|x| x.code), Some(e.code));
        let _ = e.class.as_str();
    }
    // Messages with extreme parameters.
    static TEXT: Text = Text { zh: "中", en: "en" };
    let msgs = [
        Msg::Required,
        Msg::UnknownField,
        Msg::Type { expected: "object", actual: "invalid JSON" },
        Msg::Type { expected: "??", actual: "" },
        Msg::MaxChars { max: usize::MAX, actual: 0 },
        Msg::MaxBytes { max: 0, actual: usize::MAX },
        Msg::MinItems { min: usize::MAX, actual: 0 },
        Msg::MaxItems { max: 0, actual: usize::MAX },
        Msg::ExactItems { count: 1, actual: usize::MAX },
        Msg::Range { min: i64::MIN, max: i64::MAX, actual: i64::MIN },
        Msg::OneOf { allowed: &[], actual: -1 },
        Msg::OneOf { allowed: &[i64::MIN, i64::MAX], actual: 0 },
        Msg::Text(&TEXT),
    ];
    for m in &msgs {
        for l in [Locale::En, Locale::ZhCn] {
            assert!(!m.render(l).is_empty());
        }
        assert!(m.params().is_object());
    }
}

#[test]
fn redact_never_panics_and_removes_the_secrets() {
    let mut rng = Rng::new(2024);
    let alphabet = [
        "access_token=",
        "corpsecret=",
        "=",
        "&",
        "#",
        "\"",
        "'",
        " ",
        "\n",
        "a",
        "b",
        "*",
        "中",
        "😀",
        "sec1",
        "tokX",
        "?",
    ];
    for _ in 0..3000 {
        let text = random_text(&mut rng, &alphabet, 12);
        let secret: String = (0..rng.below(7)).map(|_| *rng.pick(&["s", "e", "c", "1", "k", "中"])).collect();
        let token: String = (0..rng.below(7)).map(|_| *rng.pick(&["t", "o", "k", "X", "2"])).collect();
        let text = format!("{text}{secret}{}{token}", random_text(&mut rng, &alphabet, 3));
        let out = redact(&text, &[&secret, &token, ""]);
        for s in [&secret, &token] {
            if s.len() >= 4 {
                assert!(!out.contains(s.as_str()), "{text:?} → {out:?} still contains {s:?}");
            }
        }
        // Query values after the two keys are always masked.
        for key in ["access_token=", "corpsecret="] {
            for (i, _) in out.match_indices(key) {
                assert!(out[i + key.len()..].starts_with("***"), "{text:?} → {out:?}");
            }
        }
    }
}

#[test]
fn client_config_garbage() {
    let mut rng = Rng::new(5);
    let alphabet = ["http", "https", "://", "/", "?", "#", " ", "x", ".", ":8080", "中", "\t", "\n"];
    for _ in 0..1000 {
        let id = random_text(&mut rng, &alphabet, 4);
        let base = random_text(&mut rng, &alphabet, 8);
        if let Ok(config) = ClientConfig::new(id, Secret::new(SECRET)) {
            if let Ok(c) = config.with_base_url(&base) {
                let b = c.base_url();
                assert!(b.starts_with("http://") || b.starts_with("https://"), "{b}");
                assert!(!b.ends_with('/') && !b.contains('?') && !b.contains('#'), "{b}");
            }
        }
    }
}

/// The client against a transport answering garbage: it always finishes, never sends more than
/// two gettokens and two calls per request, and its errors never print the secret or tokens.
#[test]
fn client_against_garbage_answers() {
    let mut rng = Rng::new(0xDEAD_BEEF);
    let payloads = valid_payloads();
    let bodies = [
        json!(null),
        json!([]),
        json!("ok"),
        json!({}),
        json!({ "errcode": "0" }),
        json!({ "errcode": 40014 }),
        json!({ "errcode": 42001, "errmsg": SECRET }),
        json!({ "errcode": 1.5 }),
        json!({ "errcode": -1, "errmsg": null }),
        json!({ "errcode": 0, "access_token": TOKENS[0], "expires_in": -5 }),
        json!({ "errcode": 0, "access_token": TOKENS[1], "expires_in": i64::MAX }),
        json!({ "errcode": 0, "access_token": TOKENS[2], "expires_in": "7200" }),
        json!({ "errcode": 0, "access_token": [TOKENS[3]] }),
        json!({ "errcode": i64::MIN, "errmsg": format!("{SECRET} access_token={}", TOKENS[0]) }),
        json!({ "errcode": 0, "contact_way": { "type": "x" } }),
    ];
    for round in 0..300 {
        let seed = rng.next_u64();
        let mut local = Rng::new(seed);
        let picks: Vec<Reply> = (0..6)
            .map(|_| match local.below(5) {
                0 => network(&format!("boom {SECRET} access_token={}", TOKENS[local.below(4)])),
                1 => Ok(HttpReply::NotJson {
                    status: *local.pick(&[0u16, 200, 302, 404, 500, 599, u16::MAX]),
                    snippet: format!("x{SECRET}"),
                }),
                2 => Ok(HttpReply::Json {
                    status: *local.pick(&[200u16, 204, 299, 300, 401, 502]),
                    body: local.pick(&bodies).clone(),
                }),
                _ => ok(local.pick(&bodies).clone()),
            })
            .collect();
        let fake = Fake::new(picks);
        fake.set_gettoken_delay(local.below(3));
        fake.set_call_delay(local.below(3));
        let c = client(fake);
        let ep = endpoints::ALL[1 + round % (endpoints::ALL.len() - 1)];
        for _ in 0..3 {
            let before = c.transport().count();
            let r = block_on(c.request(ep.path, &payloads[ep.path].to_string()));
            // Bounded: gettoken, the first attempt, 3 backoff retries (default policy), one token
            // refresh (gettoken + resend) — never a loop.
            assert!(c.transport().count() - before <= 7, "too many requests for one call");
            if let Err(e) = r {
                clean(e);
            }
            c.transport().advance_ms(local.below(10_000_000) as f64);
        }
        let _ = block_on(c.access_token(local.one_in(2)));
        assert_no_secrets("Client Debug", &format!("{c:?}"));
    }
    // And a typed call against garbage.
    let c = client(Fake::new(vec![
        token_reply(TOKENS[0], 7200),
        ok(json!({ "errcode": 0, "config_id": 5, "qr_code": [1] })),
    ]));
    let req = AddContactWayRequest {
        r#type: ContactWayType::Single,
        scene: ContactWayScene::QrCode,
        user: Some(vec!["a".into()]),
        ..Default::default()
    };
    let e = block_on(c.send_typed(endpoints::ADD_CONTACT_WAY, &req)).unwrap_err();
    assert!(matches!(e, Error::BadResponse { .. }));
}
