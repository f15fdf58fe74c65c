//! `wecom-codegen schema`: every endpoint and request model as JSON, for the differential test's
//! payload generator (it derives valid payloads from this, then mutates them). Not shipped.
//!
//! ```text
//! { "endpoints": [{ "path", "jsName", "request" }],
//!   "models": { Name: { "fields": [{ "name", "optional", "requiredRule", "kind", "rules" }],
//!                       "checks": [{ "rule", "severity", "when", "assert" }] } } }
//! kind:  { "t": "any" | "str" | "bool" } | { "t": "int", "min", "max" }
//!      | { "t": "enum", "allowed", "rule" } | { "t": "array", "of": kind } | { "t": "object", "model" }
//! rule:  { "check": "maxChars" | "maxBytes" | "minItems" | "maxItems", "n", "id" }
//!      | { "check": "range", "min", "max", "id" }
//! ```
//! Integers are JSON numbers written exactly (a reader in JS rounds i64 bounds to doubles).

use serde_json::{json, Map, Value};
use wecom_core::cross::{Assert, Cond, Cross, Severity};
use wecom_core::endpoints::ALL;
use wecom_core::rules::{Check, Rule};
use wecom_core::schema::{Kind, Model};

fn kind(k: Kind, models: &mut Vec<&'static Model>) -> Value {
    match k {
        Kind::Any => json!({ "t": "any" }),
        Kind::Str => json!({ "t": "str" }),
        Kind::Bool => json!({ "t": "bool" }),
        Kind::Int { min, max } => json!({ "t": "int", "min": min, "max": max }),
        Kind::Enum(e) => json!({ "t": "enum", "allowed": e.allowed, "rule": e.rule, "open": e.open }),
        Kind::Array(inner) => json!({ "t": "array", "of": kind(inner(), models) }),
        Kind::Object(m) => {
            if !models.iter().any(|x| std::ptr::eq(*x, m)) {
                models.push(m);
            }
            json!({ "t": "object", "model": m.name })
        }
    }
}

fn rule(r: &Rule) -> Value {
    match r.check {
        Check::MaxChars(n) => json!({ "check": "maxChars", "n": n, "id": r.id }),
        Check::MaxBytes(n) => json!({ "check": "maxBytes", "n": n, "id": r.id }),
        Check::MinItems(n) => json!({ "check": "minItems", "n": n, "id": r.id }),
        Check::MaxItems(n) => json!({ "check": "maxItems", "n": n, "id": r.id }),
        Check::Range(min, max) => json!({ "check": "range", "min": min, "max": max, "id": r.id }),
    }
}

fn cond(c: &Cond) -> Value {
    match *c {
        Cond::Eq(f, v) => json!({ "cond": "eq", "field": f, "value": v }),
        Cond::True(f) => json!({ "cond": "true", "field": f }),
        Cond::NotTrue(f) => json!({ "cond": "notTrue", "field": f }),
        Cond::Filled(f) => json!({ "cond": "filled", "field": f }),
        Cond::Is(f, w) => json!({ "cond": "is", "field": f, "value": w }),
    }
}

fn assert_json(a: &Assert) -> Value {
    match *a {
        Assert::Absent(f, _) => json!({ "assert": "absent", "field": f }),
        Assert::Required(f) => json!({ "assert": "required", "field": f }),
        Assert::Items(f, n) => json!({ "assert": "items", "field": f, "count": n }),
        Assert::Range(f, min, max) => json!({ "assert": "range", "field": f, "min": min, "max": max }),
        Assert::MaxChars(f, n) => json!({ "assert": "maxChars", "field": f, "max": n }),
        Assert::AtMostOne(fs, _) => json!({ "assert": "atMostOne", "fields": fs }),
        Assert::AtLeastOne(fs, _) => json!({ "assert": "atLeastOne", "fields": fs }),
        Assert::NotAfter { a, b, plus, .. } => json!({ "assert": "notAfter", "a": a, "b": b, "plus": plus }),
        // moments helper (issue 12)
        Assert::MaxItemsIfAny { field, member, max, .. } => {
            json!({ "assert": "maxItemsIfAny", "field": field, "member": member, "max": max })
        }
        // Issue 12, strategies.
        Assert::MaxTotalItems(fs, n) => json!({ "assert": "maxTotalItems", "fields": fs, "max": n }),
        Assert::OneOf(f, ws, _) => json!({ "assert": "oneOf", "field": f, "values": ws }),
    }
}

fn check(c: &Cross) -> Value {
    let severity = match c.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    json!({
        "rule": c.rule,
        "severity": severity,
        "when": c.when.iter().map(cond).collect::<Vec<_>>(),
        "assert": assert_json(&c.assert),
    })
}

/// The JSON text.
pub fn render() -> String {
    let mut queue: Vec<&'static Model> = ALL.iter().map(|e| e.request).collect();
    let mut out = Map::new();
    let mut i = 0;
    while let Some(m) = queue.get(i).copied() {
        i += 1;
        if out.contains_key(m.name) {
            continue;
        }
        let fields: Vec<Value> = m
            .fields
            .iter()
            .map(|f| {
                json!({
                    "name": f.name,
                    "optional": f.optional,
                    "requiredRule": f.required_rule,
                    "kind": kind((f.kind)(), &mut queue),
                    "rules": f.rules.iter().map(rule).collect::<Vec<_>>(),
                })
            })
            .collect();
        let checks: Vec<Value> = m.checks.iter().map(check).collect();
        out.insert(m.name.to_string(), json!({ "fields": fields, "checks": checks }));
    }
    let endpoints: Vec<Value> =
        ALL.iter().map(|e| json!({ "path": e.path, "jsName": e.js_name, "request": e.request.name })).collect();
    json!({ "endpoints": endpoints, "models": out }).to_string()
}
