//! The message tables of the JS validators, from the core's one table
//! ([`wecom_core::messages::TEMPLATES`], [`TYPE_NAMES`], [`LIST_SEPARATORS`]) and the texts of
//! `json-unicode` and `json-depth`: `const MSG = [zh, en]`, each a flat array of the templates'
//! literal parts (no functions: the runtime, npm/src/validate/report.js, joins the parts with
//! the parameters). [`LAYOUT`] is the order, which report.js knows by index.

use wecom_core::messages::{Text, LIST_SEPARATORS, TEMPLATES, TYPE_NAMES};
use wecom_core::validate::{TOO_DEEP, UNPAIRED_SURROGATE};

use super::lit;

/// The templates in table order with the parameters each shows, in the order it shows them: a
/// template of n parameters takes n + 1 entries (its literal parts). After them: the zh type
/// names (`TN`, `null` in English) and the `{allowed}` separator. Must match the indexes in
/// npm/src/validate/report.js.
pub const LAYOUT: &[(&str, &[&str])] = &[
    ("required", &[]),
    ("unknownField", &[]),
    ("unicode", &[]),
    ("depth", &[]),
    ("maxChars", &["max", "actual"]),
    ("maxBytes", &["max", "actual"]),
    ("minItems", &["min", "actual"]),
    ("maxItems", &["max", "actual"]),
    ("exactItems", &["count", "actual"]),
    ("type", &["expected", "actual"]),
    ("range", &["min", "max", "actual"]),
    ("outOfRange", &["min", "max"]),
    ("oneOf", &["allowed", "actual"]),
];

/// Where template `key` starts in a table (report.js's constants: `EXACT_ITEMS` is 16…).
pub fn index(key: &str) -> usize {
    LAYOUT.iter().take_while(|(k, _)| *k != key).map(|(_, params)| params.len() + 1).sum()
}

/// A template's literal parts and the names of its parameters, in order.
pub fn split(text: &str) -> (Vec<&str>, Vec<&str>) {
    let mut parts = Vec::new();
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else { break };
        parts.push(rest.get(..open).unwrap_or(""));
        names.push(after.get(..close).unwrap_or(""));
        rest = after.get(close + 1..).unwrap_or("");
    }
    parts.push(rest);
    (parts, names)
}

/// The text of `key` in one language (the fixed texts of `json-unicode`/`json-depth` included).
fn text_of(key: &str, zh: bool) -> &'static str {
    let pick = |t: &Text| if zh { t.zh } else { t.en };
    match key {
        "unicode" => pick(&UNPAIRED_SURROGATE),
        "depth" => pick(&TOO_DEEP),
        _ => TEMPLATES.iter().find(|t| t.key == key).map_or("", |t| if zh { t.zh } else { t.en }),
    }
}

fn table(zh: bool) -> String {
    let mut entries: Vec<String> = Vec::new();
    for (key, _) in LAYOUT {
        let (parts, _) = split(text_of(key, zh));
        entries.extend(parts.iter().map(|p| lit::string(p)));
    }
    entries.push(if zh { "TN".into() } else { "null".into() });
    entries.push(lit::string(if zh { LIST_SEPARATORS.0 } else { LIST_SEPARATORS.1 }));
    format!("  [{}]", entries.join(", "))
}

/// `TN` (JSON type names in Chinese) and `MSG`.
pub fn render() -> String {
    // "invalid JSON" describes text that does not parse: never a JS value.
    let names: Vec<String> = TYPE_NAMES
        .iter()
        // A name that reads the same in Chinese (null) is left out: report.js shows it as it is.
        .filter(|(en, zh)| *en != "invalid JSON" && en != zh)
        .map(|(en, zh)| format!("{}: {}", lit::string(en), lit::string(zh)))
        .collect();
    format!(
        "/** JSON type names as the Chinese messages show them. */\nconst TN = {{ {} }};\n\n/** Message templates' literal parts: [zh-CN, en] (layout: crates/wecom-codegen/src/js/messages.rs). */\nconst MSG = [\n{},\n{},\n];\n",
        names.join(", "),
        table(true),
        table(false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_laid_out_with_its_parameters_in_order() {
        // `duplicate` needs JSON text with a repeated member: a JS value cannot have one.
        for t in TEMPLATES.iter().filter(|t| t.key != "duplicate") {
            let Some((_, params)) = LAYOUT.iter().find(|(k, _)| *k == t.key) else {
                panic!("template {} is not in LAYOUT", t.key);
            };
            assert_eq!(split(t.zh).1, *params, "zh {}", t.key);
            assert_eq!(split(t.en).1, *params, "en {}", t.key);
        }
        // The indexes npm/src/validate/report.js uses.
        let want = [("maxChars", 4), ("maxBytes", 7), ("minItems", 10), ("maxItems", 13), ("exactItems", 16)];
        for (key, at) in want {
            assert_eq!(index(key), at, "{key}");
        }
        assert_eq!((index("type"), index("range"), index("outOfRange"), index("oneOf")), (19, 22, 26, 29));
        assert_eq!(index("end"), 32);
        for (key, params) in LAYOUT {
            assert_eq!(split(text_of(key, true)).1, *params, "{key}");
            assert!(!text_of(key, false).is_empty(), "{key}");
        }
    }
}
