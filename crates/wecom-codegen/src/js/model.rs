//! One request model → one JS function `m_<Name>(o, c)` checking a (normalised) object: a single
//! pass over `Object.keys(o)` with a `switch` reads each member once (normalising it only when it
//! is not already the primitive the field expects, and counting its JSON size), then each field
//! is checked in model order on an inline fast path (the value is of the right type and too short
//! or too small to break a rule), handing anything else to the runtime's `f` with the field's
//! descriptor; then the unknown members, then the cross-field rules. Returns the member count.

use std::fmt::Write;

use wecom_core::rules::{Check, Rule};
use wecom_core::schema::{Field, Kind, Model};

use super::{cross, lit, Gen};

/// The kind descriptor (see npm/src/validate/walk.js).
fn kind_js(g: &mut Gen, k: Kind) -> String {
    match k {
        Kind::Any => "0".into(),
        Kind::Str => "1".into(),
        Kind::Bool => "2".into(),
        Kind::Int { min, max } => {
            let (lo, lt) = lit::bound(min, false);
            let (hi, ht) = lit::bound(max, true);
            g.shared(format!("[3, {lo}, {hi}{}]", lit::texts(&lt, &ht)))
        }
        Kind::Enum(e) if e.open => {
            let (lo, lt) = lit::bound(i64::MIN, false);
            let (hi, ht) = lit::bound(i64::MAX, true);
            g.shared(format!("[3, {lo}, {hi}{}]", lit::texts(&lt, &ht)))
        }
        Kind::Enum(e) => {
            let allowed: Vec<String> = e.allowed.iter().map(i64::to_string).collect();
            format!("[4, [{}], {}]", allowed.join(", "), lit::string(e.rule))
        }
        Kind::Array(inner) => format!("[5, {}]", kind_js(g, inner())),
        Kind::Object(m) => format!("[6, {}]", g.model(m)),
    }
}

/// The rules descriptor of a field.
fn rules_js(rules: &[Rule]) -> String {
    let one = |r: &Rule| match r.check {
        Check::MaxChars(n) => format!("[1, {n}, {}]", lit::string(r.id)),
        Check::MaxBytes(n) => format!("[2, {n}, {}]", lit::string(r.id)),
        Check::MinItems(n) => format!("[3, {n}, {}]", lit::string(r.id)),
        Check::MaxItems(n) => format!("[4, {n}, {}]", lit::string(r.id)),
        Check::Range(min, max) => {
            let (lo, lt) = lit::bound(min, false);
            let (hi, ht) = lit::bound(max, true);
            format!("[5, {lo}, {hi}, {}{}]", lit::string(r.id), lit::texts(&lt, &ht))
        }
    };
    format!("[{}]", rules.iter().map(one).collect::<Vec<_>>().join(", "))
}

/// `[lo, hi]` an integer of `kind` must lie in to pass every Range rule of the field.
fn int_window(min: i64, max: i64, rules: &[Rule]) -> (i64, i64) {
    rules.iter().fold((min, max), |(lo, hi), r| match r.check {
        Check::Range(a, b) => (lo.max(a), hi.min(b)),
        _ => (lo, hi),
    })
}

/// The condition under which a present value `a` of a boolean, integer or enum field certainly
/// breaks nothing (`None` for the other kinds, which have their own paths).
fn fast_path(field: &Field, a: &str) -> Option<String> {
    match (field.kind)() {
        Kind::Bool => Some(format!("typeof {a} === \"boolean\"")),
        Kind::Int { min, max } => {
            let (lo, hi) = int_window(min, max, field.rules);
            if lo > hi {
                return Some("false".into());
            }
            let (lo, _) = lit::bound(lo, false);
            let (hi, _) = lit::bound(hi, true);
            Some(format!("Number.isInteger({a}) && {a} >= {lo} && {a} <= {hi}"))
        }
        Kind::Enum(e) if e.open => {
            let (lo, hi) = int_window(i64::MIN, i64::MAX, field.rules);
            let (lo, _) = lit::bound(lo, false);
            let (hi, _) = lit::bound(hi, true);
            Some(format!("Number.isInteger({a}) && {a} >= {lo} && {a} <= {hi}"))
        }
        Kind::Enum(e) => {
            let (lo, hi) = int_window(i64::MIN, i64::MAX, field.rules);
            let values: Vec<String> = e
                .allowed
                .iter()
                .filter(|v| (lo..=hi).contains(*v))
                .filter_map(|v| lit::int_eq(*v))
                .map(|v| format!("{a} === {v}"))
                .collect();
            Some(if values.is_empty() { "false".into() } else { format!("({})", values.join(" || ")) })
        }
        Kind::Str | Kind::Array(_) | Kind::Object(_) | Kind::Any => None,
    }
}

/// What the member loop does with a field's value once its name matched (the value is in `v`):
/// takes the primitive the field expects as it is (a string's length goes to `s`) and
/// normalises anything else with `nzu` (which counts its size).
fn member_read(field: &Field) -> &'static str {
    match (field.kind)() {
        Kind::Str => "if (typeof v === \"string\") s += v.length;\n            else v = nzu(c, v, y);",
        Kind::Int { .. } | Kind::Enum(_) => "if (typeof v !== \"number\" || v - v !== 0) v = nzu(c, v, y);",
        Kind::Bool => "if (typeof v !== \"boolean\") v = nzu(c, v, y);",
        Kind::Array(_) | Kind::Object(_) | Kind::Any => "v = nzu(c, v, y);",
    }
}

/// The member loop: finds the field of each own enumerable key (dispatching on the key's length
/// first, so a key is compared with few names; each field read by name: one inline cache per
/// field rather than a megamorphic `o[y]`) into `a<i>`, or keeps it as an unknown member.
/// Models with at most this many fields compare a key with each name, without the length switch.
const SMALL: usize = 4;

fn member_loop(m: &Model, body: &mut String) {
    let _ = writeln!(body, "  for (let i = 0; i < k.length; i++) {{\n    const y = k[i];\n    let v;\n    known: {{");
    let mut lengths: Vec<usize> = m.fields.iter().map(|f| f.name.len()).collect();
    lengths.sort_unstable();
    lengths.dedup();
    if m.fields.len() <= SMALL {
        // A few names: compared one by one.
        for (i, field) in m.fields.iter().enumerate() {
            let _ = writeln!(
                body,
                "      if (y === {}) {{\n        v = o.{};\n        {}\n        a{i} = v;\n        break known;\n      }}",
                lit::string(field.name),
                field.name,
                member_read(field).replace("\n            ", "\n        "),
            );
        }
    } else if !lengths.is_empty() {
        let _ = writeln!(body, "      switch (y.length) {{");
        for len in lengths {
            let _ = writeln!(body, "        case {len}:");
            for (i, field) in m.fields.iter().enumerate().filter(|(_, f)| f.name.len() == len) {
                let _ = writeln!(
                    body,
                    "          if (y === {}) {{\n            v = o.{};\n            {}\n            a{i} = v;\n            break known;\n          }}",
                    lit::string(field.name),
                    field.name,
                    member_read(field),
                );
            }
            let _ = writeln!(body, "          break;");
        }
        let _ = writeln!(body, "      }}");
    }
    body.push_str(
        "      v = nzx(c, o[y], y, x || (x = []));\n    }\n    if (v !== undefined) {\n      n++;\n      u += y.length + 4;\n    }\n  }\n",
    );
}

/// The statements checking one field whose value is in `a` (`n`: where its count goes, if
/// anywhere; `d`: its descriptor). The fast path handles a value of the right type; a string that
/// is long enough to break a length rule is measured here; everything else goes to `f`.
fn field_check(g: &mut Gen, field: &Field, a: &str, n: &str, d: &str) -> String {
    let slow = format!("{n}f(c, {a}, {d});");
    let present = |inner: String| {
        if field.optional {
            format!("if ({a} !== undefined) {{\n    {}\n  }}", inner.replace("\n", "\n  "))
        } else {
            inner
        }
    };
    match (field.kind)() {
        Kind::Object(m) => {
            g.model(m);
            present(format!("{n}ob(c, {a}, {d});"))
        }
        Kind::Array(_) => present(format!("{n}ar(c, {a}, {d});")),
        Kind::Str => {
            // (rule call, length over which the string may break it)
            let measures: Vec<(String, String)> = field
                .rules
                .iter()
                .filter_map(|r| match r.check {
                    // At most `max` characters/bytes whatever they are: no need to measure.
                    Check::MaxChars(max) => Some((format!("ms(c, {a}, {d})"), format!("{a}.length > {max}"))),
                    Check::MaxBytes(max) => Some((format!("ms(c, {a}, {d})"), format!("{a}.length * 3 > {max}"))),
                    _ => None,
                })
                .collect();
            let empty = if field.optional { String::new() } else { format!(" && {a} !== \"\"") };
            let good = format!("typeof {a} === \"string\"{empty}");
            present(match measures.as_slice() {
                [] => format!("if (!({good} && wf({a}))) {slow}"),
                // One measure: it also finds an unpaired surrogate (false: to `f`).
                [(call, long)] => format!("if (!({good} && ({long} ? {call} : wf({a})))) {slow}"),
                // Several: a string long enough to break one goes to `f`, whose rules measure it.
                _ => {
                    let long: Vec<&str> = measures.iter().map(|(_, long)| long.as_str()).collect();
                    format!("if (!({good} && !({}) && wf({a}))) {slow}", long.join(" || "))
                }
            })
        }
        _ => match (fast_path(field, a), field.optional) {
            (Some(cond), true) => format!("if ({a} !== undefined && !({cond})) {slow}"),
            (Some(cond), false) => format!("if (!({cond})) {slow}"),
            (None, true) => format!("if ({a} !== undefined) {slow}"),
            (None, false) => slow,
        },
    }
}

/// Generates the descriptors and the function of model `m` into `g`.
pub fn generate(g: &mut Gen, m: &'static Model) {
    let counts = cross::counts_needed(m);
    let mut body = String::new();
    let mut locals = vec!["u = 1".to_string(), "s = 0".into(), "n = 0".into(), "x".into()];
    for (i, _) in m.fields.iter().enumerate() {
        locals.push(format!("a{i}"));
        if counts.get(i).copied().unwrap_or(false) {
            locals.push(format!("n{i}"));
        }
    }
    let _ = writeln!(body, "/** {} */\nfunction m_{}(o, c) {{", m.name, m.name);
    let _ = writeln!(body, "  const k = Object.keys(o);\n  let {};", locals.join(", "));
    member_loop(m, &mut body);
    // Sizes: `u` the members' keys (and the braces), `s` the characters of the string values
    // taken on the fast path (`nzu` counts the others); the slack covers what those values add
    // beyond that: escapes (5 per character), quotes, up to 25 characters per number.
    body.push_str("  c.u += u + s;\n  c.x += 5 * s + 25 * n + 1;\n  big(c);\n");
    for (i, field) in m.fields.iter().enumerate() {
        let d = format!("d_{}_{}", m.name, field.name);
        let kind = kind_js(g, (field.kind)());
        let req = if field.optional { "0".to_string() } else { lit::string(field.required_rule) };
        let rules = if field.rules.is_empty() { String::new() } else { format!(", {}", rules_js(field.rules)) };
        // D[0]: the field's path segment ("/name": field names need no escaping).
        let _ = writeln!(g.decls, "const {d} = [{}, {req}, {kind}{rules}];", lit::string(&format!("/{}", field.name)));
        let a = format!("a{i}");
        let n = if counts.get(i).copied().unwrap_or(false) { format!("n{i} = ") } else { String::new() };
        let _ = writeln!(body, "  {}", field_check(g, field, &a, &n, &d));
    }
    body.push_str("  if (x !== undefined) unk(c, x);\n");
    cross::generate(g, m, &mut body);
    body.push_str("  return n;\n}\n\n");
    g.funcs.push_str(&body);
}
