//! Human-readable validation messages, in zh-CN (default) and English.
//!
//! Messages are written to be shown next to a form field, so they never repeat the field name;
//! the structured `params` carry the numbers for forms that build their own text.

use serde_json::{json, Map, Value};

/// Message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    /// Simplified Chinese (default).
    #[default]
    ZhCn,
    /// English.
    En,
}

impl Locale {
    /// Reads a BCP-47 tag: anything starting with `en` is English, everything else zh-CN.
    pub fn from_tag(tag: &str) -> Locale {
        let t = tag.trim();
        if t.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            Locale::En
        } else {
            Locale::ZhCn
        }
    }
}

/// A fixed message for a cross-field rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Chinese text.
    pub zh: &'static str,
    /// English text.
    pub en: &'static str,
}

/// What went wrong with one value.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A required value is missing or empty.
    Required,
    /// The JSON type is wrong.
    Type {
        /// expected type name
        expected: &'static str,
        /// actual type name
        actual: &'static str,
    },
    /// A member the endpoint does not define.
    UnknownField,
    /// A member given twice.
    Duplicate,
    /// Too many characters.
    MaxChars {
        /// limit
        max: usize,
        /// measured
        actual: usize,
    },
    /// Too many UTF-8 bytes.
    MaxBytes {
        /// limit
        max: usize,
        /// measured
        actual: usize,
    },
    /// Too few items.
    MinItems {
        /// limit
        min: usize,
        /// measured
        actual: usize,
    },
    /// Too many items.
    MaxItems {
        /// limit
        max: usize,
        /// measured
        actual: usize,
    },
    /// Exactly `count` items were needed.
    ExactItems {
        /// needed
        count: usize,
        /// measured
        actual: usize,
    },
    /// Integer out of range.
    Range {
        /// lower bound
        min: i64,
        /// upper bound
        max: i64,
        /// value
        actual: i64,
    },
    /// Integer too large to measure, outside the range.
    OutOfRange {
        /// lower bound
        min: i64,
        /// upper bound
        max: i64,
    },
    /// Integer not among the allowed values.
    OneOf {
        /// allowed values
        allowed: &'static [i64],
        /// value
        actual: i64,
    },
    /// A fixed text (cross-field rules).
    Text(&'static Text),
}

/// One message template: `{name}` stands for the parameter `name` of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// The message kind (see [`Msg::key`]).
    pub key: &'static str,
    /// Chinese text.
    pub zh: &'static str,
    /// English text.
    pub en: &'static str,
}

/// Every message text, in both languages: the native renderer and the generated JS validators
/// read this one table. `{expected}`/`{actual}` type names are translated with [`TYPE_NAMES`],
/// `{allowed}` is joined with [`LIST_SEPARATORS`].
pub const TEMPLATES: &[Template] = &[
    Template { key: "required", zh: "必填，不能为空", en: "is required and must not be empty" },
    Template {
        key: "type", zh: "类型错误：应为{expected}，实际为{actual}", en: "must be {expected}, got {actual}"
    },
    Template {
        key: "unknownField",
        zh: "接口未定义该字段（仍会发送）",
        en: "is not a field of this request (it is sent as given)",
    },
    Template { key: "duplicate", zh: "字段重复出现", en: "appears more than once" },
    Template {
        key: "maxChars",
        zh: "最多 {max} 个字符（当前 {actual} 个）",
        en: "must be at most {max} characters (got {actual})",
    },
    Template {
        key: "maxBytes",
        zh: "最多 {max} 字节（UTF-8 编码，当前 {actual} 字节）",
        en: "must be at most {max} bytes in UTF-8 (got {actual})",
    },
    Template {
        key: "minItems",
        zh: "至少 {min} 项（当前 {actual} 项）",
        en: "must have at least {min} items (got {actual})",
    },
    Template {
        key: "maxItems",
        zh: "最多 {max} 项（当前 {actual} 项）",
        en: "must have at most {max} items (got {actual})",
    },
    Template {
        key: "exactItems",
        zh: "必须恰好 {count} 项（当前 {actual} 项）",
        en: "must have exactly {count} item(s) (got {actual})",
    },
    Template {
        key: "range",
        zh: "必须在 {min} 到 {max} 之间（当前 {actual}）",
        en: "must be between {min} and {max} (got {actual})",
    },
    Template {
        key: "outOfRange",
        zh: "必须在 {min} 到 {max} 之间（当前值超出整数范围）",
        en: "must be between {min} and {max} (got a number beyond 64-bit integers)",
    },
    Template {
        key: "oneOf",
        zh: "取值只能是 {allowed}（当前 {actual}）",
        en: "must be one of {allowed} (got {actual})",
    },
];

/// JSON type names as messages show them: `(name, zh)`; English uses the name itself.
pub const TYPE_NAMES: &[(&str, &str)] = &[
    ("string", "字符串"),
    ("integer", "整数"),
    ("number", "小数"),
    ("boolean", "布尔值"),
    ("array", "数组"),
    ("object", "对象"),
    ("null", "null"),
    ("invalid JSON", "无效的 JSON"),
];

/// How `{allowed}` lists are joined: `(zh, en)`.
pub const LIST_SEPARATORS: (&str, &str) = ("、", ", ");

fn type_name(t: &str, zh: bool) -> &str {
    if !zh {
        return t;
    }
    TYPE_NAMES.iter().find(|(n, _)| *n == t).map_or("未知类型", |(_, z)| z)
}

fn join(values: &[i64], sep: &str) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(sep)
}

impl Msg {
    /// The template key of this message (`"text"` for fixed texts).
    pub fn key(&self) -> &'static str {
        match self {
            Msg::Required => "required",
            Msg::Type { .. } => "type",
            Msg::UnknownField => "unknownField",
            Msg::Duplicate => "duplicate",
            Msg::MaxChars { .. } => "maxChars",
            Msg::MaxBytes { .. } => "maxBytes",
            Msg::MinItems { .. } => "minItems",
            Msg::MaxItems { .. } => "maxItems",
            Msg::ExactItems { .. } => "exactItems",
            Msg::Range { .. } => "range",
            Msg::OutOfRange { .. } => "outOfRange",
            Msg::OneOf { .. } => "oneOf",
            Msg::Text(_) => "text",
        }
    }

    /// The text of parameter `name` as the message shows it.
    fn param_text(&self, name: &str, zh: bool) -> String {
        let int = |v: i64| v.to_string();
        match (self, name) {
            (Msg::Type { expected, .. }, "expected") => type_name(expected, zh).into(),
            (Msg::Type { actual, .. }, "actual") => type_name(actual, zh).into(),
            (Msg::MaxChars { max, .. } | Msg::MaxBytes { max, .. } | Msg::MaxItems { max, .. }, "max") => {
                max.to_string()
            }
            (
                Msg::MaxChars { actual, .. }
                | Msg::MaxBytes { actual, .. }
                | Msg::MaxItems { actual, .. }
                | Msg::MinItems { actual, .. }
                | Msg::ExactItems { actual, .. },
                "actual",
            ) => actual.to_string(),
            (Msg::MinItems { min, .. }, "min") => min.to_string(),
            (Msg::ExactItems { count, .. }, "count") => count.to_string(),
            (Msg::Range { min, .. } | Msg::OutOfRange { min, .. }, "min") => int(*min),
            (Msg::Range { max, .. } | Msg::OutOfRange { max, .. }, "max") => int(*max),
            (Msg::Range { actual, .. } | Msg::OneOf { actual, .. }, "actual") => int(*actual),
            (Msg::OneOf { allowed, .. }, "allowed") => {
                join(allowed, if zh { LIST_SEPARATORS.0 } else { LIST_SEPARATORS.1 })
            }
            _ => String::new(),
        }
    }

    /// The message in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let zh = locale == Locale::ZhCn;
        if let Msg::Text(t) = self {
            return if zh { t.zh } else { t.en }.into();
        }
        let Some(template) = TEMPLATES.iter().find(|t| t.key == self.key()) else {
            return String::new();
        };
        let mut rest = if zh { template.zh } else { template.en };
        let mut out = String::with_capacity(rest.len() + 16);
        while let Some(open) = rest.find('{') {
            out.push_str(rest.get(..open).unwrap_or(""));
            let after = rest.get(open + 1..).unwrap_or("");
            match after.find('}') {
                Some(close) => {
                    out.push_str(&self.param_text(after.get(..close).unwrap_or(""), zh));
                    rest = after.get(close + 1..).unwrap_or("");
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// Writes the structured parameters as a JSON object (no `serde_json::Value` involved, to
    /// keep the wasm engine small).
    pub fn write_params(&self, out: &mut String) {
        use std::fmt::Write;
        let _ = match self {
            Msg::Required | Msg::UnknownField | Msg::Duplicate | Msg::Text(_) => write!(out, "{{}}"),
            Msg::Type { expected, actual } => {
                out.push_str("{\"expected\":");
                write_json_str(out, expected);
                out.push_str(",\"actual\":");
                write_json_str(out, actual);
                write!(out, "}}")
            }
            Msg::MaxChars { max, actual } | Msg::MaxBytes { max, actual } | Msg::MaxItems { max, actual } => {
                write!(out, "{{\"max\":{max},\"actual\":{actual}}}")
            }
            Msg::MinItems { min, actual } => write!(out, "{{\"min\":{min},\"actual\":{actual}}}"),
            Msg::ExactItems { count, actual } => write!(out, "{{\"count\":{count},\"actual\":{actual}}}"),
            Msg::Range { min, max, actual } => write!(out, "{{\"min\":{min},\"max\":{max},\"actual\":{actual}}}"),
            Msg::OutOfRange { min, max } => write!(out, "{{\"min\":{min},\"max\":{max}}}"),
            Msg::OneOf { allowed, actual } => {
                write!(out, "{{\"allowed\":[{}],\"actual\":{actual}}}", join(allowed, ","))
            }
        };
    }

    /// The structured parameters of the message.
    pub fn params(&self) -> Value {
        match self {
            Msg::Required | Msg::UnknownField | Msg::Duplicate | Msg::Text(_) => Value::Object(Map::new()),
            Msg::Type { expected, actual } => json!({ "expected": expected, "actual": actual }),
            Msg::MaxChars { max, actual } | Msg::MaxBytes { max, actual } | Msg::MaxItems { max, actual } => {
                json!({ "max": max, "actual": actual })
            }
            Msg::MinItems { min, actual } => json!({ "min": min, "actual": actual }),
            Msg::ExactItems { count, actual } => json!({ "count": count, "actual": actual }),
            Msg::Range { min, max, actual } => json!({ "min": min, "max": max, "actual": actual }),
            Msg::OutOfRange { min, max } => json!({ "min": min, "max": max }),
            Msg::OneOf { allowed, actual } => json!({ "allowed": allowed, "actual": actual }),
        }
    }
}

/// Appends `s` as a JSON string literal.
pub fn write_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_params_match_the_value_form() {
        let msgs = [
            Msg::Required,
            Msg::Type { expected: "string", actual: "null" },
            Msg::MaxChars { max: 30, actual: 31 },
            Msg::Range { min: -1, max: 5, actual: 9 },
            Msg::OneOf { allowed: &[1, 2], actual: 3 },
            Msg::ExactItems { count: 1, actual: 2 },
            Msg::MinItems { min: 1, actual: 0 },
        ];
        for m in msgs {
            let mut out = String::new();
            m.write_params(&mut out);
            assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), m.params(), "{m:?}");
        }
        let mut out = String::new();
        write_json_str(&mut out, "a\"b\\c\n\u{1}中/");
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\n\u{1}中/");
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag("en"), Locale::En);
        assert_eq!(Locale::from_tag("en-US"), Locale::En);
        assert_eq!(Locale::from_tag("zh-CN"), Locale::ZhCn);
        assert_eq!(Locale::from_tag(""), Locale::ZhCn);
        assert_eq!(Locale::from_tag("é"), Locale::ZhCn);
        assert_eq!(Locale::from_tag("中文"), Locale::ZhCn);
    }

    #[test]
    fn both_languages_carry_the_numbers() {
        let m = Msg::MaxChars { max: 30, actual: 31 };
        assert!(m.render(Locale::ZhCn).contains("30"));
        assert!(m.render(Locale::En).contains("at most 30 characters"));
        assert_eq!(m.params(), json!({"max": 30, "actual": 31}));
    }
}
