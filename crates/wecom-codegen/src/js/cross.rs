//! A model's cross-field rules ([`wecom_core::cross`]) as straight-line JS over the member
//! values `a<i>` (normalised: absent is `undefined`) and, where "filled" or a count is asked, the
//! item/member counts `n<i>` the field checks returned. Mirrors
//! crates/wecom-core/src/validate/cross.rs.

use std::fmt::Write;

use wecom_core::cross::{Assert, Cond, Cross, Severity};
use wecom_core::schema::Model;

use super::{lit, messages, Gen};

/// Index of the field named `name` (the core's tests make sure every rule names a field).
fn index(m: &Model, name: &str) -> usize {
    m.fields.iter().position(|f| f.name == name).unwrap_or(usize::MAX)
}

/// Which fields' counts (`n<i>`) the rules read.
pub fn counts_needed(m: &Model) -> Vec<bool> {
    let mut need = vec![false; m.fields.len()];
    let mut mark = |name: &str| {
        if let Some(slot) = need.get_mut(index(m, name)) {
            *slot = true;
        }
    };
    for rule in m.checks {
        for c in rule.when {
            if let Cond::Filled(f) = c {
                mark(f);
            }
        }
        match rule.assert {
            Assert::Required(f) | Assert::Items(f, _) => mark(f),
            Assert::AtLeastOne(fs, _) => fs.iter().for_each(|f| mark(f)),
            _ => {}
        }
    }
    need
}

/// The local holding field `name`'s value, and its count.
fn local(m: &Model, name: &str) -> (String, String) {
    let i = index(m, name);
    if i == usize::MAX {
        return ("void 0".into(), "0".into());
    }
    (format!("a{i}"), format!("n{i}"))
}

fn condition(m: &Model, c: &Cond) -> String {
    match *c {
        Cond::Eq(f, want) => match lit::int_eq(want) {
            Some(v) => format!("{} === {v}", local(m, f).0),
            None => "false".into(),
        },
        Cond::True(f) => format!("{} === true", local(m, f).0),
        Cond::NotTrue(f) => format!("{} !== true", local(m, f).0),
        Cond::Filled(f) => {
            let (a, n) = local(m, f);
            format!("fl({a}, {n})")
        }
        // messages helper (issue 12): a word has no surrogate, so equality is the whole test.
        Cond::Is(f, word) => format!("{} === {}", local(m, f).0, lit::string(word)),
    }
}

/// The statement checking one rule.
fn statement(g: &mut Gen, m: &Model, rule: &Cross) -> String {
    let sev = match rule.severity {
        Severity::Error => 0,
        Severity::Warning => 1,
    };
    let id = lit::string(rule.rule);
    // An issue's path relative to the object: "/field" (field names need no escaping).
    let at = |f: &str| lit::string(&format!("/{f}"));
    let check = match rule.assert {
        Assert::Absent(f, text) => {
            let t = g.text(text);
            let issue = format!("tx(c, {sev}, {}, {id}, {t});", at(f));
            // A condition that holds only for a present value already says it is there.
            let implied =
                rule.when.iter().any(|c| matches!(*c, Cond::Eq(w, _) | Cond::True(w) | Cond::Filled(w) if w == f));
            if implied {
                issue
            } else {
                format!("if ({} != null) {issue}", local(m, f).0)
            }
        }
        Assert::Required(f) => {
            let (a, n) = local(m, f);
            format!("if (!fl({a}, {n})) rq(c, {sev}, {}, {id});", at(f))
        }
        Assert::Items(f, count) => {
            let (a, n) = local(m, f);
            format!(
                "if ({a} == null) rq(c, {sev}, {f}, {id});\n    else if (Array.isArray({a}) && {n} !== {count}) cnt(c, {sev}, {f}, {id}, {k}, {count}, {n});",
                f = at(f),
                k = messages::index("exactItems"),
            )
        }
        Assert::Range(f, min, max) => {
            let a = local(m, f).0;
            let (lo, lt) = lit::bound(min, false);
            let (hi, ht) = lit::bound(max, true);
            let (lt, ht) = (lit::text_or_void(&lt), lit::text_or_void(&ht));
            format!(
                "if (ii({a}) && ({a} < {lo} || {a} > {hi})) rng(c, {sev}, {}, {id}, {lo}, {hi}, {lt}, {ht}, {a});",
                at(f)
            )
        }
        Assert::MaxChars(f, max) => {
            // Fewer UTF-16 units than the limit cannot be more characters: no need to count.
            // `chars` is -1 for an unpaired surrogate (reported as json-unicode already).
            let a = local(m, f).0;
            format!(
                "if (typeof {a} === \"string\" && {a}.length > {max}) {{\n    const w = chars({a});\n    if (w > {max}) cnt(c, {sev}, {}, {id}, {}, {max}, w);\n  }}",
                at(f),
                messages::index("maxChars"),
            )
        }
        Assert::AtMostOne(fields, text) => {
            let t = g.text(text);
            let mut out = String::from("{\n    let h = false;");
            for f in fields {
                let a = local(m, f).0;
                let _ = write!(
                    out,
                    "\n    if ({a} != null) {{\n      if (h) tx(c, {sev}, {}, {id}, {t});\n      h = true;\n    }}",
                    at(f)
                );
            }
            out.push_str("\n  }");
            out
        }
        Assert::AtLeastOne(fields, text) => {
            let t = g.text(text);
            let any: Vec<String> = fields
                .iter()
                .map(|f| {
                    let (a, n) = local(m, f);
                    format!("fl({a}, {n})")
                })
                .collect();
            format!("if (!({})) tx(c, {sev}, void 0, {id}, {t});", any.join(" || "))
        }
        Assert::NotAfter { a, b, plus, text } => {
            let t = g.text(text);
            let (x, y) = (local(m, a).0, local(m, b).0);
            format!(
                "if (ii({x}) && ii({y}) && gt({x}, {y}, {})) tx(c, {sev}, {}, {id}, {t});",
                lit::int_arg(plus),
                at(a)
            )
        }
        // moments helper (issue 12): the raw array (items are plain JSON values; `aw` reads the
        // member of each object item).
        Assert::MaxItemsIfAny { field, member, max, text } => {
            let t = g.text(text);
            let a = local(m, field).0;
            format!(
                "if (Array.isArray({a}) && {a}.length > {max} && aw({a}, {})) tx(c, {sev}, {}, {id}, {t});",
                lit::string(member),
                at(field)
            )
        }
        // Issue 12, strategies: the lengths of the arrays among the fields, summed.
        Assert::MaxTotalItems(fields, max) => {
            let terms: Vec<String> = fields
                .iter()
                .map(|f| {
                    let a = local(m, f).0;
                    format!("(Array.isArray({a}) ? {a}.length : 0)")
                })
                .collect();
            format!(
                "{{
    const t = {};
    if (t > {max}) cnt(c, {sev}, void 0, {id}, {}, {max}, t);
  }}",
                terms.join(" + "),
                messages::index("maxItems"),
            )
        }
        // messages helper (issue 12): a string with an unpaired surrogate is reported as
        // json-unicode already and an empty one is "not given" (as the native validator does).
        Assert::OneOf(f, words, text) => {
            let t = g.text(text);
            let a = local(m, f).0;
            let differs: Vec<String> = words.iter().map(|w| format!(" && {a} !== {}", lit::string(w))).collect();
            format!(
                "if (typeof {a} === \"string\" && {a} !== \"\"{} && wf({a})) tx(c, {sev}, {}, {id}, {t});",
                differs.concat(),
                at(f)
            )
        }
    };
    if rule.when.is_empty() {
        return check;
    }
    let when: Vec<String> = rule.when.iter().map(|c| condition(m, c)).collect();
    format!("if ({}) {{\n    {check}\n  }}", when.join(" && "))
}

/// Appends the statements of every rule of `m`, in declaration order.
pub fn generate(g: &mut Gen, m: &Model, out: &mut String) {
    for rule in m.checks {
        let s = statement(g, m, rule);
        let _ = writeln!(out, "  {s}");
    }
}
