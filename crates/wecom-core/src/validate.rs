//! The validator: checks a JSON payload against an endpoint's request model and reports
//! *every* problem with a JSON-pointer path, a stable rule id and a message.

use std::borrow::Cow;

use serde::Serialize;

use crate::json::Json;
use crate::messages::{Locale, Msg, Text};
use crate::rules::{self, Check, Rule};
use crate::schema::{Kind, Model};

/// One problem found in a payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// JSON pointer of the offending value (`""` is the whole payload).
    pub path: String,
    /// Stable rule id.
    pub rule: &'static str,
    /// What is wrong.
    pub msg: Msg,
}

/// The outcome of validating one payload.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Every problem, in document order (field checks first, then cross-field rules).
    pub issues: Vec<Issue>,
}

#[derive(Serialize)]
struct IssueOut<'a> {
    path: &'a str,
    rule: &'a str,
    message: String,
    params: serde_json::Value,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    valid: bool,
    errors: Vec<IssueOut<'a>>,
}

impl Report {
    /// `true` when nothing is wrong.
    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }

    /// The `errors` list as JS sees it: `[{path, rule, message, params}]`.
    pub fn errors_json(&self, locale: Locale) -> serde_json::Value {
        serde_json::to_value(self.out(locale).errors).unwrap_or_default()
    }

    /// The whole report as JSON text: `{"valid":…,"errors":[…]}`.
    pub fn to_json(&self, locale: Locale) -> String {
        serde_json::to_string(&self.out(locale)).unwrap_or_else(|_| String::from("{\"valid\":false,\"errors\":[]}"))
    }

    fn out(&self, locale: Locale) -> ReportOut<'_> {
        ReportOut {
            valid: self.is_valid(),
            errors: self
                .issues
                .iter()
                .map(|i| IssueOut { path: &i.path, rule: i.rule, message: i.msg.render(locale), params: i.msg.params() })
                .collect(),
        }
    }
}

/// Collects issues while walking a payload; knows the current JSON pointer.
#[derive(Debug, Default)]
pub struct Checker {
    path: String,
    issues: Vec<Issue>,
}

impl Checker {
    fn push_segment(&mut self, segment: &str) -> usize {
        let len = self.path.len();
        self.path.push('/');
        for c in segment.chars() {
            match c {
                '~' => self.path.push_str("~0"),
                '/' => self.path.push_str("~1"),
                c => self.path.push(c),
            }
        }
        len
    }

    fn push_index(&mut self, index: usize) -> usize {
        let len = self.path.len();
        self.path.push('/');
        self.path.push_str(&index.to_string());
        len
    }

    fn here(&mut self, rule: &'static str, msg: Msg) {
        self.issues.push(Issue { path: self.path.clone(), rule, msg });
    }

    /// Reports a problem at `rel` (member names below the object being checked).
    pub fn issue_at(&mut self, rel: &[&str], rule: &'static str, msg: Msg) {
        let len = self.path.len();
        for seg in rel {
            self.push_segment(seg);
        }
        self.here(rule, msg);
        self.path.truncate(len);
    }

    /// Reports a fixed-text problem at `rel`.
    pub fn text_at(&mut self, rel: &[&str], rule: &'static str, text: &'static Text) {
        self.issue_at(rel, rule, Msg::Text(text));
    }
}

/// A checked object, as seen by cross-field rules. Accessors return `None` for members that
/// are missing *or* of the wrong type (the type error has already been reported).
#[derive(Debug, Clone, Copy)]
pub struct Obj<'v, 'a> {
    members: &'v [(Cow<'a, str>, Json<'a>)],
}

impl<'v, 'a> Obj<'v, 'a> {
    /// The raw member.
    pub fn get(&self, key: &str) -> Option<&'v Json<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    /// Present and not `null`.
    pub fn has(&self, key: &str) -> bool {
        !matches!(self.get(key), None | Some(Json::Null))
    }
    /// An integer member.
    pub fn int(&self, key: &str) -> Option<i64> {
        self.get(key).and_then(Json::as_i64)
    }
    /// A boolean member.
    pub fn bool(&self, key: &str) -> Option<bool> {
        self.get(key).and_then(Json::as_bool)
    }
    /// A string member.
    pub fn str(&self, key: &str) -> Option<&'v str> {
        match self.get(key) {
            Some(Json::Str(s)) => Some(s),
            _ => None,
        }
    }
    /// The length of an array member.
    pub fn len(&self, key: &str) -> Option<usize> {
        self.get(key).and_then(Json::as_array).map(<[Json]>::len)
    }
    /// A nested object member.
    pub fn obj(&self, key: &str) -> Option<Obj<'v, 'a>> {
        match self.get(key) {
            Some(Json::Object(members)) => Some(Obj { members }),
            _ => None,
        }
    }
    /// Present, not `null`, and not an empty string/array/object.
    pub fn filled(&self, key: &str) -> bool {
        match self.get(key) {
            None | Some(Json::Null) => false,
            Some(Json::Str(s)) => !s.is_empty(),
            Some(Json::Array(a)) => !a.is_empty(),
            Some(Json::Object(o)) => !o.is_empty(),
            Some(_) => true,
        }
    }
}

/// Validates a parsed payload against a request model.
pub fn check_model(model: &'static Model, value: &Json<'_>, cx: &mut Checker) {
    let Json::Object(members) = value else {
        cx.here(rules::JSON_TYPE, Msg::Type { expected: "object", actual: value.type_name() });
        return;
    };
    for (key, v) in members {
        let len = cx.push_segment(key);
        match model.field(key) {
            None => cx.here(rules::UNKNOWN_FIELD, Msg::UnknownField),
            Some(field) if matches!(v, Json::Null) && !field.optional => cx.here(field.required_rule, Msg::Required),
            Some(field) => {
                if check_kind((field.kind)(), v, cx) {
                    for rule in field.rules {
                        check_rule(rule, v, cx);
                    }
                }
            }
        }
        cx.path.truncate(len);
    }
    for field in model.fields.iter().filter(|f| !f.optional) {
        let missing = match members.iter().find(|(k, _)| k == field.name) {
            None => true,
            Some((_, Json::Str(s))) => s.is_empty(),
            Some(_) => false,
        };
        if missing {
            cx.issue_at(&[field.name], field.required_rule, Msg::Required);
        }
    }
    if let Some(check) = model.check {
        check(&Obj { members }, cx);
    }
}

/// Type-checks one value (recursing into arrays and objects). Returns `false` on a type error
/// at this level, so field rules are only applied to values of the right type.
fn check_kind(kind: Kind, value: &Json<'_>, cx: &mut Checker) -> bool {
    let expected = match (kind, value) {
        (Kind::Any, _) | (Kind::Str, Json::Str(_)) | (Kind::Bool, Json::Bool(_)) => return true,
        (Kind::Int { min, max }, Json::Number(n)) => match n.as_i64() {
            Some(v) if v < min || v > max => {
                cx.here(rules::INTEGER_RANGE, Msg::Range { min, max, actual: v });
                return false;
            }
            Some(_) => return true,
            None => "integer",
        },
        (Kind::Enum(info), Json::Number(n)) => match n.as_i64() {
            Some(v) if info.allowed.contains(&v) => return true,
            Some(v) => {
                cx.here(info.rule, Msg::OneOf { allowed: info.allowed, actual: v });
                return false;
            }
            None => "integer",
        },
        (Kind::Array(inner), Json::Array(items)) => {
            let inner = inner();
            for (i, item) in items.iter().enumerate() {
                let len = cx.push_index(i);
                check_kind(inner, item, cx);
                cx.path.truncate(len);
            }
            return true;
        }
        (Kind::Object(model), Json::Object(_)) => {
            check_model(model, value, cx);
            return true;
        }
        (Kind::Str, _) => "string",
        (Kind::Bool, _) => "boolean",
        (Kind::Int { .. } | Kind::Enum(_), _) => "integer",
        (Kind::Array(_), _) => "array",
        (Kind::Object(_), _) => "object",
    };
    cx.here(rules::JSON_TYPE, Msg::Type { expected, actual: value.type_name() });
    false
}

fn check_rule(rule: &Rule, value: &Json<'_>, cx: &mut Checker) {
    let msg = match (rule.check, value) {
        (Check::MaxBytes(max), Json::Str(s)) if s.len() > max => Msg::MaxBytes { max, actual: s.len() },
        // A string of at most `max` bytes has at most `max` chars: count only when needed.
        (Check::MaxChars(max), Json::Str(s)) if s.len() > max => match s.chars().count() {
            n if n > max => Msg::MaxChars { max, actual: n },
            _ => return,
        },
        (Check::MinItems(min), Json::Array(a)) if a.len() < min => Msg::MinItems { min, actual: a.len() },
        (Check::MaxItems(max), Json::Array(a)) if a.len() > max => Msg::MaxItems { max, actual: a.len() },
        (Check::Range(min, max), Json::Number(n)) => match n.as_i64() {
            Some(v) if v < min || v > max => Msg::Range { min, max, actual: v },
            _ => return,
        },
        _ => return,
    };
    cx.here(rule.id, msg);
}

/// Validates JSON text against a request model. Text that is not JSON is reported as a single
/// `json-type` issue at the root.
pub fn validate_text(model: &'static Model, text: &str) -> Report {
    let mut cx = Checker::default();
    match Json::parse(text) {
        Ok(value) => check_model(model, &value, &mut cx),
        Err(_) => cx.here(rules::JSON_TYPE, Msg::Type { expected: "object", actual: "invalid JSON" }),
    }
    Report { issues: cx.issues }
}
