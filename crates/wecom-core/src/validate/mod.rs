//! The validator: checks a JSON payload against an endpoint's request model and reports
//! *every* problem with a JSON-pointer path, a stable rule id and a message: errors (WeCom
//! rejects the request) and warnings (members WeCom does not define or ignores here: the request
//! is sent as given). It interprets the declarations (fields, field rules, [`crate::cross`]
//! rules); the npm package's JS validators are generated from the same declarations and must
//! give identical reports (a differential test runs both).

mod cross;
mod report;

pub use report::{Issue, Report, MAX_ISSUES};

use crate::cross::Severity;

use crate::error::Error;
use crate::messages::{Msg, Text};
use crate::rules::{self, Check, Rule};
use crate::schema::{Kind, Model, MAX_FIELDS};
use crate::tape::{self, Key, Tape, Val};

/// Largest JSON text accepted, in UTF-8 bytes (2 MiB): larger payloads are refused with
/// [`Error::PayloadTooLarge`] before they are parsed. WeCom's own request limits are far below.
pub const MAX_PAYLOAD_BYTES: usize = 2 * 1024 * 1024;

/// `Ok` when a payload of `bytes` UTF-8 bytes may be parsed; [`Error::PayloadTooLarge`] if not.
pub fn check_payload_size(bytes: usize) -> Result<(), Error> {
    if bytes > MAX_PAYLOAD_BYTES {
        return Err(Error::PayloadTooLarge { bytes, limit: MAX_PAYLOAD_BYTES });
    }
    Ok(())
}

/// One step of the current location.
#[derive(Debug, Clone, Copy)]
enum Seg<'j> {
    Root,
    Key(&'j str),
    Index(usize),
}

/// The current location: a chain of steps on the call stack (nothing allocated while walking).
#[derive(Debug, Clone, Copy)]
struct Path<'j> {
    parent: Option<&'j Path<'j>>,
    seg: Seg<'j>,
}

/// How a payload is judged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Warnings are errors (unknown and ignored members block the request).
    pub strict: bool,
}

/// Collects issues while walking a payload; knows the current location. The JSON pointer is
/// only written out when an issue is recorded, so a valid payload costs no allocation at all,
/// and nothing is written once the report is full.
#[derive(Debug)]
pub(crate) struct Checker<'j> {
    report: &'j mut Report,
    path: Path<'j>,
    strict: bool,
}

fn push_pointer_segment(path: &mut String, segment: &str) {
    path.push('/');
    for c in segment.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// The JSON pointer of `rel` below `path`.
fn pointer(path: &Path<'_>, rel: &[&str]) -> String {
    let mut steps = Vec::new();
    let mut node = Some(path);
    while let Some(n) = node {
        steps.push(n.seg);
        node = n.parent;
    }
    let mut out = String::new();
    for seg in steps.iter().rev() {
        match seg {
            Seg::Root => {}
            Seg::Key(k) => push_pointer_segment(&mut out, k),
            Seg::Index(i) => {
                out.push('/');
                out.push_str(&i.to_string());
            }
        }
    }
    for seg in rel {
        push_pointer_segment(&mut out, seg);
    }
    out
}

impl<'j> Checker<'j> {
    /// A checker one step below this one.
    fn at<'c>(&'c mut self, seg: Seg<'c>) -> Checker<'c> {
        let Checker { report, path, strict } = self;
        Checker { report, path: Path { parent: Some(path), seg }, strict: *strict }
    }

    /// The report is full ([`MAX_ISSUES`] reached and one more found): nothing more is
    /// recorded, and the walk stops.
    pub(crate) fn full(&self) -> bool {
        self.report.truncated
    }

    fn here(&mut self, rule: &'static str, msg: Msg) {
        self.issue_at(&[], rule, msg);
    }

    /// Reports an error at `rel` (member names below the object being checked).
    pub(crate) fn issue_at(&mut self, rel: &[&str], rule: &'static str, msg: Msg) {
        self.found(Severity::Error, rel, rule, msg);
    }

    /// Reports a finding of `severity` at `rel`; a warning is an error under `strict`.
    pub(crate) fn found(&mut self, severity: Severity, rel: &[&str], rule: &'static str, msg: Msg) {
        let Checker { report, path, strict } = self;
        let severity = if *strict { Severity::Error } else { severity };
        report.push(severity, || pointer(path, rel), rule, msg);
    }
}

/// Where each field of an object sits on the tape (`NONE` = absent); up to 64 fields.
type Slots = [u32; MAX_FIELDS];
const NONE: u32 = u32::MAX;

/// A checked object, as seen by cross-field rules. Accessors return `None` for members that are
/// missing *or* of the wrong type (the type error has already been reported).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Obj<'t, 's> {
    val: Val<'t>,
    model: &'static Model,
    slots: &'s Slots,
}

impl<'t> Obj<'t, '_> {
    /// The member holding the field named `name`.
    pub(crate) fn get(&self, name: &str) -> Option<Val<'t>> {
        let i = self.model.fields.iter().position(|f| f.name == name)?;
        match self.slots.get(i) {
            Some(&pos) if pos != NONE => Some(self.val.at(pos as usize)),
            _ => None,
        }
    }
}

/// Validates one object value against a request model.
///
/// Issues come in the model's field order (then unknown and repeated members in document order,
/// then cross-field rules), whatever order the members were written in: the text path and the
/// JS tape writer, which write members in different orders, report identically.
pub(crate) fn check_model(model: &'static Model, value: Val<'_>, cx: &mut Checker<'_>) {
    if value.object_len().is_none() {
        cx.here(rules::JSON_TYPE, Msg::Type { expected: "object", actual: value.type_name() });
        return;
    }
    let field_of = |key: Key<'_>| match key {
        Key::Field(i) => model.fields.get(i).map(|_| i),
        Key::Name(n) => model.fields.iter().position(|f| f.name == n),
    };
    // Where each field is (first occurrence wins).
    let mut slots: Slots = [NONE; MAX_FIELDS];
    let mut extra = false;
    for (key, v) in value.members(Some(model)) {
        match field_of(key).and_then(|i| slots.get_mut(i)) {
            Some(slot) if *slot == NONE => *slot = v.pos() as u32,
            _ => extra = true,
        }
    }
    for (i, field) in model.fields.iter().enumerate() {
        if cx.full() {
            return;
        }
        let v = slots.get(i).filter(|&&p| p != NONE).map(|&p| value.at(p as usize));
        match v {
            None if !field.optional => cx.issue_at(&[field.name], field.required_rule, Msg::Required),
            None => {}
            Some(v) => {
                let mut cx = cx.at(Seg::Key(field.name));
                if !field.optional && (v.is_null() || v.str_bytes() == Some(0)) {
                    cx.here(field.required_rule, Msg::Required);
                } else {
                    check_value((field.kind)(), field.rules, v, &mut cx);
                }
            }
        }
    }
    if extra {
        for (key, v) in value.members(Some(model)) {
            if cx.full() {
                return;
            }
            let name = match key {
                Key::Field(i) => model.fields.get(i).map_or("", |f| f.name),
                Key::Name(n) => n,
            };
            match field_of(key) {
                None => {
                    let mut cx = cx.at(Seg::Key(name));
                    cx.found(Severity::Warning, &[], rules::UNKNOWN_FIELD, Msg::UnknownField);
                    scan(v, &mut cx);
                }
                Some(i) if slots.get(i).is_some_and(|&p| p != v.pos() as u32) => {
                    cx.at(Seg::Key(name)).here(rules::DUPLICATE_FIELD, Msg::Duplicate)
                }
                Some(_) => {}
            }
        }
    }
    let obj = Obj { val: value, model, slots: &slots };
    for rule in model.checks {
        if cx.full() {
            return;
        }
        cross::check(rule, &obj, cx);
    }
}

/// Checks one value of `kind` with its field's `rules`: its type; then, if that is right, the
/// rules (an array's item count before its items); then what it contains. The items of an
/// array longer than its field's maximum count are checked up to that maximum only.
fn check_value(kind: Kind, rules: &[Rule], value: Val<'_>, cx: &mut Checker<'_>) {
    if !check_type(kind, rules, value, cx) {
        return;
    }
    for rule in rules {
        check_rule(rule, value, cx);
    }
    match kind {
        Kind::Array(inner) => {
            let inner = inner();
            let limit = max_items(rules).unwrap_or(usize::MAX);
            for (i, item) in value.items().take(limit).enumerate() {
                if cx.full() {
                    return;
                }
                check_value(inner, &[], item, &mut cx.at(Seg::Index(i)));
            }
        }
        Kind::Object(model) => check_model(model, value, cx),
        _ => {}
    }
}

/// The field's maximum item count, if it has one.
fn max_items(rules: &[Rule]) -> Option<usize> {
    rules.iter().find_map(|r| match r.check {
        Check::MaxItems(max) => Some(max),
        _ => None,
    })
}

/// The field's own range rule, if it has one (reported instead of the storage type's range).
fn own_range(rules: &[Rule]) -> Option<(i64, i64, &'static str)> {
    rules.iter().find_map(|r| match r.check {
        Check::Range(min, max) => Some((min, max, r.id)),
        _ => None,
    })
}

/// The message of `json-unicode` (a string with an unpaired surrogate); public for the code
/// generator, which emits the same text into the JS validators.
pub static UNPAIRED_SURROGATE: Text = Text {
    zh: "包含不成对的代理项，无法以 UTF-8 发送",
    en: "contains an unpaired surrogate: it cannot be sent as UTF-8",
};

/// Type-checks one value (not what it contains). Returns `false` on a type error, so field
/// rules are only applied to values of the right type.
fn check_type(kind: Kind, rules: &[Rule], value: Val<'_>, cx: &mut Checker<'_>) -> bool {
    if value.is_bad_string() {
        cx.here(rules::JSON_UNICODE, Msg::Text(&UNPAIRED_SURROGATE));
        return false;
    }
    let is_number = value.as_f64().is_some();
    let expected = match kind {
        Kind::Any => {
            scan(value, cx);
            return true;
        }
        Kind::Str if value.str_bytes().is_some() => return true,
        Kind::Bool if value.as_bool().is_some() => return true,
        Kind::Int { min, max } if is_number => match value.as_i64() {
            Some(v) if v >= min && v <= max => return true,
            Some(v) => {
                // Out of the storage type's range: say it with the field's own rule when it has one.
                let (lo, hi, id) = own_range(rules).unwrap_or((min, max, rules::INTEGER_RANGE));
                cx.here(id, Msg::Range { min: lo, max: hi, actual: v });
                return false;
            }
            None if value.as_f64().is_some_and(|f| f.fract() == 0.0) => {
                // An integer beyond i64: out of any range a field can declare.
                let (lo, hi, id) = own_range(rules).unwrap_or((min, max, rules::INTEGER_RANGE));
                cx.here(id, Msg::OutOfRange { min: lo, max: hi });
                return false;
            }
            None => "integer",
        },
        Kind::Enum(info) if is_number => match value.as_i64() {
            Some(v) if info.open || info.allowed.contains(&v) => return true,
            Some(v) => {
                cx.here(info.rule, Msg::OneOf { allowed: info.allowed, actual: v });
                return false;
            }
            None => "integer",
        },
        Kind::Array(_) if value.array_len().is_some() => return true,
        Kind::Object(_) if value.object_len().is_some() => return true,
        Kind::Str => "string",
        Kind::Bool => "boolean",
        Kind::Int { .. } | Kind::Enum(_) => "integer",
        Kind::Array(_) => "array",
        Kind::Object(_) => "object",
    };
    cx.here(rules::JSON_TYPE, Msg::Type { expected, actual: value.type_name() });
    false
}

/// Reports every string with an unpaired surrogate inside a value that is not checked against a
/// model (an `any` field, an unknown member), at its own path.
fn scan(value: Val<'_>, cx: &mut Checker<'_>) {
    if cx.full() {
        return;
    }
    if value.is_bad_string() {
        cx.here(rules::JSON_UNICODE, Msg::Text(&UNPAIRED_SURROGATE));
    } else if value.array_len().is_some() {
        for (i, item) in value.items().enumerate() {
            scan(item, &mut cx.at(Seg::Index(i)));
        }
    } else if value.object_len().is_some() {
        for (key, v) in value.members(None) {
            let name = match key {
                Key::Name(n) => n,
                Key::Field(_) => "",
            };
            scan(v, &mut cx.at(Seg::Key(name)));
        }
    }
}

fn check_rule(rule: &Rule, value: Val<'_>, cx: &mut Checker<'_>) {
    let msg = match rule.check {
        Check::MaxBytes(max) => match value.str_bytes() {
            Some(bytes) if bytes > max => Msg::MaxBytes { max, actual: bytes },
            _ => return,
        },
        Check::MaxChars(max) => match value.str_chars() {
            Some(n) if n > max => Msg::MaxChars { max, actual: n },
            _ => return,
        },
        Check::MinItems(min) => match value.array_len() {
            Some(n) if n < min => Msg::MinItems { min, actual: n },
            _ => return,
        },
        Check::MaxItems(max) => match value.array_len() {
            Some(n) if n > max => Msg::MaxItems { max, actual: n },
            _ => return,
        },
        Check::Range(min, max) => match value.as_i64() {
            Some(v) if v < min || v > max => Msg::Range { min, max, actual: v },
            _ => return,
        },
    };
    cx.here(rule.id, msg);
}

/// Validates a checked tape against a request model. The report lists at most [`MAX_ISSUES`]
/// findings (`truncated` says when there were more).
pub fn validate_tape(model: &'static Model, tape: Tape<'_>, options: Options) -> Report {
    let mut report = Report::default();
    let root = Path { parent: None, seg: Seg::Root };
    check_model(model, tape.root(), &mut Checker { report: &mut report, path: root, strict: options.strict });
    report
}

/// The message of `json-depth`; public for the code generator.
pub static TOO_DEEP: Text = Text { zh: "JSON 嵌套超过 127 层", en: "is nested more than 127 levels deep" };

/// Validates JSON text against a request model. Text that is not JSON is reported as a single
/// `json-type` issue at the root, text nested deeper than 127 levels as a single `json-depth`
/// issue. The size is not checked: text from outside goes through [`validate_payload`].
pub fn validate_text(model: &'static Model, text: &str, options: Options) -> Report {
    let kind = Kind::Object(model);
    let (rule, msg) = match tape::from_text(text, kind) {
        Ok(buf) => match Tape::new(&buf.slots, &buf.names, kind) {
            Ok(tape) => return validate_tape(model, tape, options),
            Err(_) => (rules::JSON_DEPTH, Msg::Text(&TOO_DEEP)),
        },
        // serde_json's own nesting limit (127 containers): the JS validators count the same way.
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => (rules::JSON_DEPTH, Msg::Text(&TOO_DEEP)),
        Err(_) => (rules::JSON_TYPE, Msg::Type { expected: "object", actual: "invalid JSON" }),
    };
    Report { errors: vec![Issue { path: String::new(), rule, msg }], warnings: Vec::new(), truncated: false }
}

/// Validates a JSON payload from outside: [`Error::PayloadTooLarge`] over
/// [`MAX_PAYLOAD_BYTES`] (nothing is parsed), else the report of [`validate_text`]. The work is
/// bounded: the parsed form takes at most about ten times the text's size, and the walk stops
/// after [`MAX_ISSUES`] findings.
pub fn validate_payload(model: &'static Model, text: &str, options: Options) -> Result<Report, Error> {
    check_payload_size(text.len())?;
    Ok(validate_text(model, text, options))
}
