//! The message tables of the JS validators, from the core's one table
//! ([`wecom_core::messages::TEMPLATES`], [`TYPE_NAMES`], [`LIST_SEPARATORS`]) and the texts of
//! `json-unicode` and `json-depth`: `const MSG = [zh, en]`, each a map from template key to a
//! function `(params, texts) => message`. `texts` carries the exact decimal forms of 64-bit
//! integers (min, max, actual, allowed) for the templates that show them.

use std::fmt::Write;

use wecom_core::messages::{Text, LIST_SEPARATORS, TEMPLATES, TYPE_NAMES};
use wecom_core::validate::{TOO_DEEP, UNPAIRED_SURROGATE};

use super::lit;

/// How template `key` shows its parameter `name` in the given language.
fn param(key: &str, name: &str, zh: bool) -> String {
    match (key, name) {
        ("type", _) if zh => format!("TN[p.{name}]"),
        ("oneOf", "allowed") => {
            let sep = if zh { LIST_SEPARATORS.0 } else { LIST_SEPARATORS.1 };
            format!("t.allowed.join({})", lit::string(sep))
        }
        ("range" | "outOfRange" | "oneOf", _) => format!("t.{name}"),
        _ => format!("p.{name}"),
    }
}

/// A template as a JS function body: literals and parameters joined with `+`.
fn template(key: &str, text: &str, zh: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else { break };
        if open > 0 {
            parts.push(lit::string(rest.get(..open).unwrap_or("")));
        }
        parts.push(param(key, after.get(..close).unwrap_or(""), zh));
        rest = after.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() || parts.is_empty() {
        parts.push(lit::string(rest));
    }
    parts.join(" + ")
}

fn table(zh: bool) -> String {
    let pick = |t: &Text| if zh { t.zh } else { t.en };
    let mut out = String::from("  {\n");
    // `duplicate` needs JSON text with a repeated member: a JS value cannot have one.
    for t in TEMPLATES.iter().filter(|t| t.key != "duplicate") {
        let text = if zh { t.zh } else { t.en };
        let body = template(t.key, text, zh);
        let args = if body.contains("t.") {
            "(p, t)"
        } else if body.contains("p.") {
            "(p)"
        } else {
            "()"
        };
        let _ = writeln!(out, "    {}: {args} => {body},", t.key);
    }
    let _ = writeln!(out, "    unicode: () => {},", lit::string(pick(&UNPAIRED_SURROGATE)));
    let _ = writeln!(out, "    depth: () => {},", lit::string(pick(&TOO_DEEP)));
    out.push_str("  }");
    out
}

/// `TN` (JSON type names in Chinese) and `MSG`.
pub fn render() -> String {
    // "invalid JSON" describes text that does not parse: never a JS value.
    let names: Vec<String> = TYPE_NAMES
        .iter()
        .filter(|(en, _)| *en != "invalid JSON")
        .map(|(en, zh)| format!("{}: {}", lit::string(en), lit::string(zh)))
        .collect();
    format!(
        "/** JSON type names as the Chinese messages show them. */\nconst TN = {{ {} }};\n\n/** Message templates: [zh-CN, en]. */\nconst MSG = [\n{},\n{},\n];\n",
        names.join(", "),
        table(true),
        table(false)
    )
}
