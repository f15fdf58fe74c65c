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

fn type_zh(t: &str) -> &'static str {
    match t {
        "string" => "字符串",
        "integer" => "整数",
        "number" => "小数",
        "boolean" => "布尔值",
        "array" => "数组",
        "object" => "对象",
        "null" => "null",
        _ => "未知类型",
    }
}

fn join(values: &[i64], sep: &str) -> String {
    values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(sep)
}

impl Msg {
    /// The message in `locale`.
    pub fn render(&self, locale: Locale) -> String {
        let zh = locale == Locale::ZhCn;
        match self {
            Msg::Required if zh => "必填，不能为空".into(),
            Msg::Required => "is required and must not be empty".into(),
            Msg::Type { expected, actual } if zh => {
                format!("类型错误：应为{}，实际为{}", type_zh(expected), type_zh(actual))
            }
            Msg::Type { expected, actual } => format!("must be {expected}, got {actual}"),
            Msg::UnknownField if zh => "接口不支持该字段".into(),
            Msg::UnknownField => "is not a field of this request".into(),
            Msg::Duplicate if zh => "字段重复出现".into(),
            Msg::Duplicate => "appears more than once".into(),
            Msg::MaxChars { max, actual } if zh => format!("最多 {max} 个字符（当前 {actual} 个）"),
            Msg::MaxChars { max, actual } => {
                format!("must be at most {max} characters (got {actual})")
            }
            Msg::MaxBytes { max, actual } if zh => {
                format!("最多 {max} 字节（UTF-8 编码，当前 {actual} 字节）")
            }
            Msg::MaxBytes { max, actual } => {
                format!("must be at most {max} bytes in UTF-8 (got {actual})")
            }
            Msg::MinItems { min, actual } if zh => format!("至少 {min} 项（当前 {actual} 项）"),
            Msg::MinItems { min, actual } => format!("must have at least {min} items (got {actual})"),
            Msg::MaxItems { max, actual } if zh => format!("最多 {max} 项（当前 {actual} 项）"),
            Msg::MaxItems { max, actual } => format!("must have at most {max} items (got {actual})"),
            Msg::ExactItems { count, actual } if zh => {
                format!("必须恰好 {count} 项（当前 {actual} 项）")
            }
            Msg::ExactItems { count, actual } => {
                format!("must have exactly {count} item(s) (got {actual})")
            }
            Msg::Range { min, max, actual } if zh => {
                format!("必须在 {min} 到 {max} 之间（当前 {actual}）")
            }
            Msg::Range { min, max, actual } => {
                format!("must be between {min} and {max} (got {actual})")
            }
            Msg::OutOfRange { min, max } if zh => format!("必须在 {min} 到 {max} 之间（当前值超出整数范围）"),
            Msg::OutOfRange { min, max } => {
                format!("must be between {min} and {max} (got a number beyond 64-bit integers)")
            }
            Msg::OneOf { allowed, actual } if zh => {
                format!("取值只能是 {}（当前 {actual}）", join(allowed, "、"))
            }
            Msg::OneOf { allowed, actual } => {
                format!("must be one of {} (got {actual})", join(allowed, ", "))
            }
            Msg::Text(t) if zh => t.zh.into(),
            Msg::Text(t) => t.en.into(),
        }
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
