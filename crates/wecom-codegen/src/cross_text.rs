//! Cross-field rules in words, for ENDPOINTS.md and the TypeScript doc comments.

use wecom_core::cross::{Assert, Cond, Cross, Severity};
use wecom_core::schema::{Kind, Model};

fn cond(c: &Cond) -> String {
    match *c {
        Cond::Eq(f, v) => format!("`{f}` = {v}"),
        Cond::True(f) => format!("`{f}` is true"),
        Cond::NotTrue(f) => format!("`{f}` is not true"),
        Cond::Filled(f) => format!("`{f}` is given (not empty)"),
        Cond::Is(f, w) => format!("`{f}` = \"{w}\""),
    }
}

fn list(fields: &[&str]) -> String {
    fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
}

/// One rule: "warning R-CW-08: when `type` = 1 and `party` is given: `party` is ignored — <text>".
pub fn describe(rule: &Cross) -> String {
    let severity = match rule.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let what = match rule.assert {
        Assert::Absent(f, t) => format!("`{f}` must not be given ({})", t.en),
        Assert::Required(f) => format!("`{f}` is required"),
        Assert::Items(f, n) => format!("`{f}` must have exactly {n} item(s)"),
        Assert::Range(f, min, max) => format!("`{f}` must be in {min}..={max}"),
        Assert::MaxChars(f, n) => format!("`{f}` must be at most {n} characters"),
        Assert::AtMostOne(fs, t) => format!("at most one of {} ({})", list(fs), t.en),
        Assert::AtLeastOne(fs, t) => format!("at least one of {} ({})", list(fs), t.en),
        Assert::NotAfter { a, b, plus, text } => {
            let bound = if plus == 0 { format!("`{b}`") } else { format!("`{b}` + {plus}") };
            format!("`{a}` ≤ {bound} ({})", text.en)
        }
        // moments helper (issue 12)
        Assert::MaxItemsIfAny { field, member, max, text } => {
            format!("`{field}` holds at most {max} item(s) when one has `{member}` ({})", text.en)
        }
        // Issue 12, strategies.
        Assert::MaxTotalItems(fs, n) => format!("{} together must have at most {n} item(s)", list(fs)),
        Assert::OneOf(f, ws, t) => {
            let words: Vec<String> = ws.iter().map(|w| format!("\"{w}\"")).collect();
            format!("`{f}` must be one of {} ({})", words.join(", "), t.en)
        }
    };
    let when = if rule.when.is_empty() {
        String::new()
    } else {
        format!("when {}: ", rule.when.iter().map(cond).collect::<Vec<_>>().join(" and "))
    };
    format!("{severity} {}: {when}{what}", rule.rule)
}

/// `model` and every request model below it that declares cross-field rules, in order.
pub fn with_rules(model: &'static Model) -> Vec<&'static Model> {
    fn visit(m: &'static Model, out: &mut Vec<&'static Model>, seen: &mut Vec<&'static str>) {
        if seen.contains(&m.name) {
            return;
        }
        seen.push(m.name);
        if !m.checks.is_empty() {
            out.push(m);
        }
        for f in m.fields {
            let mut k = (f.kind)();
            while let Kind::Array(inner) = k {
                k = inner();
            }
            if let Kind::Object(inner) = k {
                visit(inner, out, seen);
            }
        }
    }
    let mut out = Vec::new();
    visit(model, &mut out, &mut Vec::new());
    out
}
