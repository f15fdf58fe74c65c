//! The POST body of a callback (C-08): the XML envelope
//! `<xml><ToUserName/><Encrypt/><AgentID/></xml>` (text or CDATA) or the JSON one
//! `{"tousername","encrypt","agentid"}`. Only the `Encrypt` text is taken out; it is borrowed
//! from the body whenever it is one piece of text.
//!
//! The XML is read by a small single-pass scanner made for this envelope (a few times faster
//! than a general reader here, and it allocates nothing in the usual case). It expands no entity
//! but the five predefined ones and character references, and refuses a DTD, so no entity bomb
//! or external entity can be declared.

use std::borrow::Cow;

use crate::json::Json;

use super::CallbackError;

fn malformed(why: impl Into<String>) -> CallbackError {
    CallbackError::MalformedEnvelope(why.into())
}

/// The `Encrypt` text of an XML or JSON envelope, surrounding ASCII whitespace trimmed.
pub(crate) fn encrypt_text(body: &str) -> Result<Cow<'_, str>, CallbackError> {
    let body = body.strip_prefix('\u{feff}').unwrap_or(body);
    let text = match body.trim_start().as_bytes().first() {
        Some(b'<') => from_xml(body)?,
        Some(b'{') => from_json(body)?,
        Some(_) => return Err(malformed("the body is neither the XML nor the JSON envelope")),
        None => return Err(malformed("the body is empty")),
    };
    let text = trim(text);
    if text.is_empty() {
        return Err(malformed("the Encrypt field is empty"));
    }
    Ok(text)
}

fn trim(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim_ascii()),
        Cow::Owned(s) if s.trim_ascii().len() == s.len() => Cow::Owned(s),
        Cow::Owned(s) => Cow::Owned(s.trim_ascii().to_owned()),
    }
}

fn append<'a>(slot: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if slot.is_empty() {
        *slot = piece;
    } else {
        slot.to_mut().push_str(&piece);
    }
}

/// Elements may nest this deep (the envelope has 2 levels).
const MAX_DEPTH: usize = 32;

fn rest_after(s: &str, at: usize) -> Result<&str, CallbackError> {
    s.get(at..).ok_or_else(|| malformed("bad XML"))
}

/// The `Encrypt` child of the root element, found by a small single-pass reader (no allocation
/// unless the text comes in pieces or holds references). The document must be well-formed as far
/// as the envelope goes: one root, balanced and matching tags, quoted attributes, no DTD, only
/// the predefined entities and character references; and it must hold exactly one `Encrypt`
/// child of the root, made of text, CDATA and references only. Comments and processing
/// instructions are skipped.
fn from_xml(body: &str) -> Result<Cow<'_, str>, CallbackError> {
    let mut open: [&str; MAX_DEPTH] = [""; MAX_DEPTH];
    let mut depth = 0usize;
    let mut roots = 0usize;
    let mut in_encrypt = false;
    let mut found: Option<Cow<'_, str>> = None;
    let mut rest = body;

    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let (text, tail) = rest.split_at_checked(lt).ok_or_else(|| malformed("bad XML"))?;
        if !text.is_empty() {
            on_text(text, depth, in_encrypt, &mut found)?;
        }
        rest = tail;
        if rest.is_empty() {
            break;
        }
        if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = find(after, "]]>").ok_or_else(|| malformed("unterminated CDATA section"))?;
            let data = after.get(..end).ok_or_else(|| malformed("bad XML"))?;
            if depth == 0 {
                return Err(malformed("CDATA outside the root element"));
            }
            if in_encrypt {
                if let Some(slot) = found.as_mut() {
                    append(slot, Cow::Borrowed(data));
                }
            }
            rest = rest_after(after, end + 3)?;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            let end = find(after, "-->").ok_or_else(|| malformed("unterminated comment"))?;
            rest = rest_after(after, end + 3)?;
        } else if rest.starts_with("<!") {
            return Err(malformed("a DTD is not accepted"));
        } else if let Some(after) = rest.strip_prefix("<?") {
            let end = find(after, "?>").ok_or_else(|| malformed("unterminated processing instruction"))?;
            rest = rest_after(after, end + 2)?;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').ok_or_else(|| malformed("unterminated end tag"))?;
            let name = after.get(..end).ok_or_else(|| malformed("bad XML"))?.trim_ascii_end();
            depth = depth.checked_sub(1).ok_or_else(|| malformed("end tag without a start tag"))?;
            if open.get(depth) != Some(&name) {
                return Err(malformed("mismatched end tag"));
            }
            if depth == 1 {
                in_encrypt = false;
            }
            rest = rest_after(after, end + 1)?;
        } else {
            let after = rest_after(rest, 1)?;
            let name_len = after.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').unwrap_or(after.len());
            let name = after.get(..name_len).ok_or_else(|| malformed("bad XML"))?;
            if name.is_empty() || name.contains(['<', '&', '"', '\'', '=']) {
                return Err(malformed("bad tag name"));
            }
            let attributes = rest_after(after, name_len)?;
            let end = tag_end(attributes)?;
            let empty = attributes.get(..end).is_some_and(|a| a.ends_with('/'));
            open_element(name, depth, &mut roots, &mut found, in_encrypt)?;
            if !empty {
                *open.get_mut(depth).ok_or_else(|| malformed("elements nested too deeply"))? = name;
                in_encrypt = depth == 1 && name == "Encrypt";
                depth += 1;
            }
            rest = rest_after(attributes, end + 1)?;
        }
    }
    if depth != 0 {
        return Err(malformed("unclosed element"));
    }
    if roots == 0 {
        return Err(malformed("no root element"));
    }
    found.ok_or_else(|| malformed("no Encrypt element"))
}

/// `hay.find(needle)` for an ASCII `needle`, looking for its first byte with `find(char)`
/// (word-at-a-time `memchr`): much faster on a long base64 text than the general substring search.
fn find(hay: &str, needle: &str) -> Option<usize> {
    let first = char::from(*needle.as_bytes().first()?);
    let mut from = 0;
    loop {
        let at = from + hay.get(from..)?.find(first)?;
        if hay.get(at..)?.starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
}

/// Where the `>` closing a start tag is, given what follows the tag name (quoted attribute
/// values may hold `>`, no `<` anywhere).
fn tag_end(s: &str) -> Result<usize, CallbackError> {
    let mut quote = None;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match (quote, b) {
            (_, b'<') => return Err(malformed("\"<\" inside a tag")),
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Ok(i),
            (None, _) => {}
        }
    }
    Err(malformed("unterminated tag"))
}

/// Character data between tags: only whitespace outside the root; references resolved (and
/// checked everywhere); kept inside `Encrypt`.
fn on_text<'a>(
    text: &'a str,
    depth: usize,
    in_encrypt: bool,
    found: &mut Option<Cow<'a, str>>,
) -> Result<(), CallbackError> {
    if depth == 0 {
        if text.trim_ascii().is_empty() {
            return Ok(());
        }
        return Err(malformed("text outside the root element"));
    }
    let piece = if text.contains('&') { Cow::Owned(resolve_references(text)?) } else { Cow::Borrowed(text) };
    if in_encrypt {
        if let Some(slot) = found.as_mut() {
            append(slot, piece);
        }
    }
    Ok(())
}

fn resolve_references(text: &str) -> Result<String, CallbackError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).ok_or_else(|| malformed("bad XML"))?);
        let after = rest_after(rest, amp + 1)?;
        let semi = after.find(';').ok_or_else(|| malformed("unterminated reference"))?;
        let name = after.get(..semi).ok_or_else(|| malformed("bad XML"))?;
        out.push(resolve_reference(name).ok_or_else(|| malformed("undefined or bad reference"))?);
        rest = rest_after(after, semi + 1)?;
    }
    out.push_str(rest);
    Ok(out)
}

/// The five predefined entities and character references (`&#NN;`, `&#xHH;`), nothing else.
fn resolve_reference(name: &str) -> Option<char> {
    let code = match name {
        "lt" => return Some('<'),
        "gt" => return Some('>'),
        "amp" => return Some('&'),
        "apos" => return Some('\''),
        "quot" => return Some('"'),
        _ => {
            let number = name.strip_prefix('#')?;
            let (digits, radix) = match number.strip_prefix('x') {
                Some(hex) => (hex, 16),
                None => (number, 10),
            };
            if digits.is_empty() || digits.len() > 8 || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            u32::from_str_radix(digits, radix).ok()?
        }
    };
    char::from_u32(code).filter(|&c| c != '\0')
}

/// Bookkeeping for an element that opens at `depth` (0 = the root).
fn open_element(
    name: &str,
    depth: usize,
    roots: &mut usize,
    found: &mut Option<Cow<'_, str>>,
    in_encrypt: bool,
) -> Result<(), CallbackError> {
    if in_encrypt {
        return Err(malformed("the Encrypt element must hold text only"));
    }
    if depth == 0 {
        *roots += 1;
        if *roots > 1 {
            return Err(malformed("more than one root element"));
        }
    } else if depth == 1 && name == "Encrypt" {
        if found.is_some() {
            return Err(malformed("more than one Encrypt element"));
        }
        *found = Some(Cow::Borrowed(""));
    }
    Ok(())
}

/// The `encrypt` member of a JSON object (borrowed unless escaped; other members ignored, a
/// missing or duplicate one refused). Read through the crate's borrowed JSON tree rather than a
/// derived serde struct: derived error messages would pull float formatting into the wasm.
fn from_json(body: &str) -> Result<Cow<'_, str>, CallbackError> {
    let Ok(Json::Object(members)) = Json::parse(body) else {
        return Err(malformed("bad JSON: not a JSON object"));
    };
    let mut found: Option<Cow<'_, str>> = None;
    for (key, value) in members {
        if key == "encrypt" || key == "Encrypt" {
            if found.is_some() {
                return Err(malformed("bad JSON: duplicate field `encrypt`"));
            }
            match value {
                Json::Str(text) => found = Some(text),
                _ => return Err(malformed("bad JSON: `encrypt` must be a string")),
            }
        }
    }
    found.ok_or_else(|| malformed("bad JSON: missing field `encrypt`"))
}
