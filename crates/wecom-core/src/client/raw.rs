//! Shape checks of the raw request form (`{ method, path, query, body }`), for paths this SDK
//! does not declare yet. They keep the request on WeCom's `/cgi-bin/` API and the token the
//! client's own; the payload itself is not checked against rules (there are none declared).

use super::url;
use super::RawRequest;
use crate::endpoints::Method;
use crate::json::Json;

/// A raw request's path and query, ready for the URL, and its body.
#[derive(Debug)]
pub struct Checked {
    /// The path after `/cgi-bin/`.
    pub path: String,
    /// `&k=v` pairs, percent-encoded.
    pub query: String,
    /// The POST body.
    pub body: Option<String>,
}

/// Checks a raw request; the message says what to fix.
pub fn check(raw: &RawRequest<'_>) -> Result<Checked, String> {
    let path = raw.path.trim();
    let path = path.strip_prefix("/cgi-bin/").or_else(|| path.strip_prefix('/')).unwrap_or(path);
    let ok_chars = path.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'_' | b'-' | b'.'));
    if path.is_empty()
        || path.len() > 200
        || !ok_chars
        || path.split('/').any(|seg| seg.is_empty() || seg == "." || seg == "..")
    {
        return Err(format!(
            "path must be a WeCom API path after /cgi-bin/ (letters, digits, _ - . and /), e.g. \"externalcontact/get\"; got {:?}",
            raw.path
        ));
    }
    if path == "gettoken" {
        return Err("gettoken is called by the client itself; use getAccessToken() to read the token".into());
    }
    let query = match raw.query {
        None => String::new(),
        Some(text) => query(text)?,
    };
    let body = match (raw.method, raw.body) {
        (Method::Get, Some(_)) => return Err("a GET request has no body; put its parameters in query".into()),
        (Method::Get, None) => None,
        (Method::Post, None) => Some("{}".to_owned()),
        (Method::Post, Some(text)) => match Json::parse(text) {
            Ok(Json::Object(_)) => Some(text.to_owned()),
            _ => return Err("body must be a JSON object (WeCom's POST bodies are objects)".into()),
        },
    };
    Ok(Checked { path: path.to_owned(), query, body })
}

/// `&k=v` pairs from a JSON object of scalars.
fn query(text: &str) -> Result<String, String> {
    let Ok(Json::Object(members)) = Json::parse(text) else {
        return Err("query must be an object of strings, numbers and booleans".into());
    };
    let mut out = String::new();
    for (key, value) in members {
        if key == "access_token" || key == "corpsecret" {
            return Err(format!("query must not set {key}: the client adds the token itself"));
        }
        let v =
            url::scalar_text(value).ok_or_else(|| format!("query.{key} must be a string, an integer or a boolean"))?;
        url::push_pair(&mut out, &key, &v);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(method: Method, path: &'a str, query: Option<&'a str>, body: Option<&'a str>) -> RawRequest<'a> {
        RawRequest { method, path, query, body, idempotent: false }
    }

    #[test]
    fn paths_are_normalised_and_confined_to_the_api() {
        for p in ["externalcontact/get", "/externalcontact/get", "/cgi-bin/externalcontact/get"] {
            assert_eq!(check(&raw(Method::Get, p, None, None)).unwrap().path, "externalcontact/get");
        }
        for bad in ["", "/", "../x", "a/../b", "a//b", "a?b=1", "https://evil/x", "a b", "gettoken", "a/./b"] {
            assert!(check(&raw(Method::Get, bad, None, None)).is_err(), "{bad}");
        }
    }

    #[test]
    fn query_and_body_shapes() {
        let c = check(&raw(Method::Get, "x/y", Some(r#"{"userid":"zhang san","n":3,"f":true}"#), None)).unwrap();
        assert_eq!(c.query, "&userid=zhang%20san&n=3&f=true");
        assert_eq!(c.body, None);
        assert!(check(&raw(Method::Get, "x/y", Some(r#"{"access_token":"t"}"#), None)).is_err());
        assert!(check(&raw(Method::Get, "x/y", Some(r#"{"a":[1]}"#), None)).is_err());
        assert!(check(&raw(Method::Get, "x/y", Some("[1]"), None)).is_err());
        assert!(check(&raw(Method::Get, "x/y", None, Some("{}"))).is_err());
        assert_eq!(check(&raw(Method::Post, "x/y", None, None)).unwrap().body.as_deref(), Some("{}"));
        assert!(check(&raw(Method::Post, "x/y", None, Some("[1]"))).is_err());
        assert!(check(&raw(Method::Post, "x/y", None, Some("{"))).is_err());
    }
}
