//! Query-string building.

use crate::json::{Json, Number};

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

/// `&k=v` pairs for the scalar members of a JSON object (GET endpoints), already validated.
pub fn query_from_object(text: &str) -> String {
    query_from_object_except(text, &[])
}

/// [`query_from_object`] without the members named in `skip` (an upload's file description).
pub fn query_from_object_except(text: &str, skip: &[&str]) -> String {
    let mut out = String::new();
    if let Ok(Json::Object(members)) = Json::parse(text) {
        for (key, value) in members {
            if skip.contains(&key.as_ref()) {
                continue;
            }
            if let Some(v) = scalar_text(value) {
                push_pair(&mut out, &key, &v);
            }
        }
    }
    out
}

/// The query text of a string, boolean or integer; `None` for anything else. An integral float
/// (a JS number like `1e3`) is written as an integer; fractions are not query values here, so
/// no float formatting is needed (WeCom's query parameters are ids, names and integers).
pub fn scalar_text(value: Json) -> Option<String> {
    match value {
        Json::Str(s) => Some(s.into_owned()),
        Json::Bool(b) => Some(b.to_string()),
        Json::Number(Number::Unsigned(n)) => Some(n.to_string()),
        Json::Number(Number::Signed(n)) => Some(n.to_string()),
        Json::Number(Number::Float(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some((f as i64).to_string()),
        _ => None,
    }
}

/// Appends `&key=value`, both percent-encoded.
pub fn push_pair(out: &mut String, key: &str, value: &str) {
    out.push('&');
    out.push_str(&encode(key));
    out.push('=');
    out.push_str(&encode(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_reserved_and_multibyte() {
        assert_eq!(encode("a b+c/中"), "a%20b%2Bc%2F%E4%B8%AD");
        assert_eq!(query_from_object(r#"{"userid":"zhang san","n":3}"#), "&userid=zhang%20san&n=3");
        assert_eq!(
            query_from_object_except(r#"{"type":"image","filename":"a.png","size":9}"#, &["filename", "size"]),
            "&type=image"
        );
    }
}
