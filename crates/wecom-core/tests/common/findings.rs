//! Assertions on what the validator finds in one payload, for the per-area rule tests
//! (`tests/rules_*.rs`): the exact errors, the exact warnings, and that the other ways of
//! validating the same payload (strict mode, the tape the JS layer writes) agree.

use serde_json::Value;
use wecom_core::messages::Msg;
use wecom_core::validate::{self, Issue, Report};
use wecom_core::{endpoints, validate_json, validate_json_with};

/// What a finding's message must be.
#[derive(Debug, Clone)]
pub enum Says {
    /// Exactly this message.
    Is(Msg),
    /// A cross-field rule's fixed text, known by its English wording (the texts are private
    /// to the crate).
    En(&'static str),
}

/// One expected finding: JSON pointer, rule id, message.
pub type Want = (&'static str, &'static str, Says);

fn matches(issue: &Issue, (path, rule, says): &Want) -> bool {
    issue.path == *path
        && issue.rule == *rule
        && match says {
            Says::Is(msg) => issue.msg == *msg,
            Says::En(en) => matches!(&issue.msg, Msg::Text(t) if t.en == *en),
        }
}

fn same(got: &[Issue], want: &[Want]) -> bool {
    got.len() == want.len() && got.iter().zip(want).all(|(g, w)| matches(g, w))
}

fn show(issues: &[Issue]) -> String {
    issues.iter().map(|i| format!("\n    {} {} {:?}", i.path, i.rule, i.msg)).collect()
}

/// The lenient report of `text` for `endpoint`, after checking that strict mode reports the
/// same findings, all as errors, and that the tape of the text gives the same report.
pub fn report_of_text(endpoint: &str, text: &str) -> Report {
    let lenient = validate_json(endpoint, text).expect("a declared endpoint");
    let strict = validate_json_with(endpoint, text, validate::Options { strict: true }).expect("a declared endpoint");
    if !lenient.truncated {
        let key = |i: &Issue| format!("{}|{}|{:?}", i.path, i.rule, i.msg);
        let mut all: Vec<String> = lenient.errors.iter().chain(&lenient.warnings).map(key).collect();
        let mut strict_all: Vec<String> = strict.errors.iter().map(key).collect();
        all.sort();
        strict_all.sort();
        assert_eq!(all, strict_all, "{endpoint} {text}: strict mode finds something else");
        assert!(strict.warnings.is_empty());
    }
    let model = endpoints::find(endpoint).expect("a declared endpoint").request;
    super::assert_tape_agrees(model, text, &lenient);
    lenient
}

/// [`report_of_text`] of a JSON value.
pub fn report_of(endpoint: &str, payload: &Value) -> Report {
    report_of_text(endpoint, &payload.to_string())
}

/// `payload` is refused with exactly these errors (in order) and has no warning.
pub fn fails(endpoint: &str, payload: &Value, errors: &[Want]) {
    let r = report_of(endpoint, payload);
    assert!(
        same(&r.errors, errors) && r.warnings.is_empty(),
        "{endpoint} {payload}\n  want errors: {errors:?}\n  got errors:{}\n  got warnings:{}",
        show(&r.errors),
        show(&r.warnings)
    );
}

/// `payload` is sent (no error) with exactly these warnings (in order).
pub fn warns(endpoint: &str, payload: &Value, warnings: &[Want]) {
    let r = report_of(endpoint, payload);
    assert!(
        r.errors.is_empty() && same(&r.warnings, warnings),
        "{endpoint} {payload}\n  want warnings: {warnings:?}\n  got errors:{}\n  got warnings:{}",
        show(&r.errors),
        show(&r.warnings)
    );
}

/// `payload` is refused with exactly these errors (path, rule id; in order) and has no warning;
/// returns the report (for a look at the messages).
pub fn refused_at(endpoint: &str, payload: &Value, errors: &[(&str, &str)]) -> Report {
    let r = report_of(endpoint, payload);
    let got: Vec<(&str, &str)> = r.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, errors, "{endpoint} {payload}");
    assert!(r.warnings.is_empty(), "{endpoint} {payload}: warnings{}", show(&r.warnings));
    r
}

/// `payload` is sent (no error) with exactly these warnings (path, rule id; in order); returns
/// the report.
pub fn sent_with(endpoint: &str, payload: &Value, warnings: &[(&str, &str)]) -> Report {
    let r = report_of(endpoint, payload);
    assert!(r.errors.is_empty(), "{endpoint} {payload}: errors{}", show(&r.errors));
    let got: Vec<(&str, &str)> = r.warnings.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, warnings, "{endpoint} {payload}");
    r
}

/// `payload` passes without any finding.
pub fn passes(endpoint: &str, payload: &Value) {
    warns(endpoint, payload, &[]);
}

/// `base` with the members of `extra` set (added or replaced).
pub fn with(base: &Value, extra: Value) -> Value {
    let mut out = base.clone();
    if let (Value::Object(o), Value::Object(e)) = (&mut out, extra) {
        o.extend(e);
    }
    out
}

/// `base` without the member `name`.
pub fn without(base: &Value, name: &str) -> Value {
    let mut out = base.clone();
    if let Value::Object(o) = &mut out {
        o.remove(name);
    }
    out
}
