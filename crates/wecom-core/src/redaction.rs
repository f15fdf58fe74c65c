//! Redaction of secrets in texts that leave the SDK (error messages, log lines).
//!
//! A value is found however it was written: raw; percent-encoded with upper- or lower-case hex
//! (as the client writes query values, and as other encoders do), with `+` or `%20` for a space
//! (form encoding); or JSON-escaped (`\/`, `\"`, `\\`, `\n`…, `\uXXXX` including surrogate pairs).
//! Each text is read in each of these ways ("views"), so one occurrence written in one encoding
//! is found whatever surrounds it.

/// Shortest value [`redact`] replaces: shorter ones would blank ordinary words of a message.
pub const MIN_SECRET_LEN: usize = 4;

/// What replaces a secret.
const MASK: &str = "***";

/// Replaces every occurrence of the given secrets (at least [`MIN_SECRET_LEN`] bytes long), in
/// any of the encodings listed in the module doc, and the values of `access_token=` and
/// `corpsecret=` query parameters, with `***`.
pub fn redact(text: &str, secrets: &[&str]) -> String {
    if text.len() <= KEEP_BYTES {
        return redact_all(text, secrets);
    }
    // Texts from outside (an errmsg, a body snippet) can be megabytes: only a window is searched,
    // wide enough that a secret in any encoding that starts in the kept part is found whole, and
    // the result is cut to KEEP_BYTES. The work is bounded whatever the text.
    let window = text.get(..floor_boundary(text, WINDOW_BYTES)).unwrap_or_default();
    let mut out = redact_all(window, secrets);
    out.truncate(floor_boundary(&out, KEEP_BYTES));
    out.push_str(CUT);
    out
}

/// Texts longer than this many bytes are cut to it after redaction (WeCom's own messages are
/// far shorter).
pub const KEEP_BYTES: usize = 2048;
/// How much of a long text is searched for secrets: the kept part plus the longest encoded
/// form of a held token (4 KiB, up to 6 bytes per byte when JSON-escaped).
const WINDOW_BYTES: usize = KEEP_BYTES + 6 * 4096;
/// Marks a text that was cut.
const CUT: &str = "…[cut]";

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn redact_all(text: &str, secrets: &[&str]) -> String {
    let mut ranges = Vec::new();
    for secret in secrets.iter().filter(|s| s.len() >= MIN_SECRET_LEN) {
        find_all(text, secret.as_bytes(), &mut ranges);
    }
    let mut out = replace_ranges(text, ranges);
    redact_query_values(&mut out);
    out
}

/// [`redact`], and also every run of 32 or more token characters (letters, digits, `-`, `_`):
/// for texts from code that may quote tokens this client never saw (a token store's or a
/// token provider's error messages).
pub fn redact_opaque(text: &str, secrets: &[&str]) -> String {
    let text = redact(text, secrets);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.chars().count() >= 32 {
            out.push_str(MASK);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// How the text is read while looking for a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// Byte for byte.
    Raw,
    /// `%XX` (either case) is one byte; `+` is a space when `plus_is_space`.
    Percent {
        /// Form encoding (`application/x-www-form-urlencoded`).
        plus_is_space: bool,
    },
    /// JSON string escapes are the characters they stand for.
    Json,
}

/// The bytes one step of a view stands for (a UTF-8 character at most).
#[derive(Debug, Clone, Copy)]
struct Unit {
    bytes: [u8; 4],
    len: usize,
}

impl Unit {
    fn byte(b: u8) -> Unit {
        Unit { bytes: [b, 0, 0, 0], len: 1 }
    }
    fn char(c: char) -> Unit {
        let mut bytes = [0; 4];
        let len = c.encode_utf8(&mut bytes).len();
        Unit { bytes, len }
    }
    fn as_slice(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Four hex digits at `t[p..p + 4]`.
fn hex4(t: &[u8], p: usize) -> Option<u32> {
    let digits = t.get(p..p + 4)?;
    digits.iter().try_fold(0u32, |acc, &b| Some(acc * 16 + u32::from(hex(b)?)))
}

/// The JSON escape at `t[p]` (a `\`) and where it ends; `None` if it is not a valid escape.
fn json_escape(t: &[u8], p: usize) -> Option<(Unit, usize)> {
    let unit = match *t.get(p + 1)? {
        c @ (b'"' | b'\\' | b'/') => Unit::byte(c),
        b'b' => Unit::byte(8),
        b'f' => Unit::byte(12),
        b'n' => Unit::byte(b'\n'),
        b'r' => Unit::byte(b'\r'),
        b't' => Unit::byte(b'\t'),
        b'u' => {
            let first = hex4(t, p + 2)?;
            if (0xD800..0xDC00).contains(&first) {
                // A surrogate pair: `\uD83D\uDE00`.
                if t.get(p + 6..p + 8) != Some(b"\\u") {
                    return None;
                }
                let second = hex4(t, p + 8).filter(|s| (0xDC00..0xE000).contains(s))?;
                let c = char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))?;
                return Some((Unit::char(c), p + 12));
            }
            return Some((Unit::char(char::from_u32(first)?), p + 6));
        }
        _ => return None,
    };
    Some((unit, p + 2))
}

/// The unit of `view` starting at `t[p]` and where the next one starts.
fn unit(view: View, t: &[u8], p: usize) -> Option<(Unit, usize)> {
    let b = *t.get(p)?;
    let decoded = match (view, b) {
        (View::Percent { .. }, b'%') => {
            match (t.get(p + 1).copied().and_then(hex), t.get(p + 2).copied().and_then(hex)) {
                (Some(high), Some(low)) => Some((Unit::byte(high * 16 + low), p + 3)),
                _ => None,
            }
        }
        (View::Percent { plus_is_space: true }, b'+') => Some((Unit::byte(b' '), p + 1)),
        (View::Json, b'\\') => json_escape(t, p),
        _ => None,
    };
    Some(decoded.unwrap_or((Unit::byte(b), p + 1)))
}

/// Where `secret` ends if it is written at `t[p]` in `view`.
fn match_at(view: View, t: &[u8], p: usize, secret: &[u8]) -> Option<usize> {
    let (mut q, mut j) = (p, 0);
    while j < secret.len() {
        let (u, next) = unit(view, t, q)?;
        let bytes = u.as_slice();
        if secret.get(j..j + bytes.len()) != Some(bytes) {
            return None;
        }
        j += bytes.len();
        q = next;
    }
    Some(q)
}

/// Appends the byte ranges of `text` where `secret` is written, in any view.
fn find_all(text: &str, secret: &[u8], ranges: &mut Vec<(usize, usize)>) {
    let t = text.as_bytes();
    let Some(&first) = secret.first() else { return };
    let mut views = vec![View::Raw];
    if t.contains(&b'%') || t.contains(&b'+') {
        views.push(View::Percent { plus_is_space: true });
        views.push(View::Percent { plus_is_space: false });
    }
    if t.contains(&b'\\') {
        views.push(View::Json);
    }
    for view in views {
        for (p, &b) in t.iter().enumerate() {
            // Only a secret's first byte, or the start of an encoded unit, can begin a match.
            if b != first && !matches!(b, b'%' | b'+' | b'\\') {
                continue;
            }
            if let Some(end) = match_at(view, t, p, secret) {
                ranges.push((p, end));
            }
        }
    }
}

/// `text` with every range (merged where they overlap or touch, widened to character
/// boundaries) replaced by `***`. Linear in the text: the ranges mark a byte mask (no sort).
fn replace_ranges(text: &str, ranges: Vec<(usize, usize)>) -> String {
    if ranges.is_empty() {
        return text.to_owned();
    }
    let bytes = text.len();
    let mut masked = vec![false; bytes];
    for (mut start, mut end) in ranges {
        while start > 0 && !text.is_char_boundary(start) {
            start -= 1;
        }
        end = end.min(bytes);
        while end < bytes && !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(span) = masked.get_mut(start..end) {
            span.fill(true);
        }
    }
    let mut out = String::with_capacity(bytes);
    let mut at = 0;
    while at < bytes {
        let run_masked = masked.get(at).copied().unwrap_or(false);
        let run_end =
            masked.get(at..).and_then(|rest| rest.iter().position(|&m| m != run_masked)).map_or(bytes, |n| at + n);
        if run_masked {
            out.push_str(MASK);
        } else {
            out.push_str(text.get(at..run_end).unwrap_or_default());
        }
        at = run_end;
    }
    out
}

/// Replaces the values of `access_token=` and `corpsecret=` with `***`.
fn redact_query_values(out: &mut String) {
    for key in ["access_token=", "corpsecret="] {
        let mut from = 0;
        while let Some(pos) = out.get(from..).and_then(|rest| rest.find(key)) {
            let start = from + pos + key.len();
            let end = out
                .get(start..)
                .and_then(|rest| {
                    rest.find(|c: char| c == '&' || c == '#' || c.is_whitespace() || c == '"' || c == '\'')
                })
                .map_or(out.len(), |n| start + n);
            out.replace_range(start..end, MASK);
            from = start + MASK.len();
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_texts_are_cut_after_a_bounded_search() {
        let secret = "S3cret/Value+1";
        let encoded = "S3cret%2FValue%2B1";
        // A secret (encoded) straddling the cut, then megabytes of the costliest filler.
        let mut text = "a".repeat(KEEP_BYTES - 5);
        text.push_str(encoded);
        text.push_str(&"%".repeat(3 << 20));
        let out = redact(&text, &[secret]);
        assert!(out.len() <= KEEP_BYTES + CUT.len(), "{}", out.len());
        assert!(out.ends_with(CUT));
        assert!(!out.contains("S3c") && !out.contains("S3cret"), "no part of the secret is kept");
        // Short texts are whole.
        assert_eq!(redact("x S3cret/Value+1 y", &[secret]), "x *** y");
    }

    use super::*;

    #[test]
    fn redacts_secrets_and_query_values() {
        let t =
            "GET /cgi-bin/gettoken?corpid=ww1&corpsecret=S3CRET-x&x=1 failed; token tok_123456 access_token=tok_123456";
        let r = redact(t, &["S3CRET-x", "tok_123456"]);
        assert!(!r.contains("S3CRET"));
        assert!(!r.contains("tok_123456"));
        assert!(r.contains("corpsecret=***&x=1"));
        assert_eq!(redact("access_token=", &[]), "access_token=***");
    }

    #[test]
    fn every_encoding_is_found() {
        let secret = "Sx/+= &?#中文-_.~abcd";
        for written in [
            secret,
            "Sx%2F%2B%3D%20%26%3F%23%E4%B8%AD%E6%96%87-_.~abcd",
            "Sx%2f%2b%3d%20%26%3f%23%e4%b8%ad%e6%96%87-_.~abcd",
            "Sx%2F%2B%3D+%26%3F%23%E4%B8%AD%E6%96%87-_.%7Eabcd",
            "Sx\\/+= &?#\\u4e2d\\u6587-_.~abcd",
            "Sx\\u002f+= &?#中文-_.~abcd",
        ] {
            let r = redact(&format!("before {written} after"), &[secret]);
            assert_eq!(r, "before *** after", "{written}");
        }
        // A surrogate pair.
        assert_eq!(redact("x\\ud83d\\ude00abc y", &["😀abc"]), "x*** y");
        // Overlapping and adjacent occurrences, multibyte neighbours.
        assert_eq!(redact("中abcdabcd中", &["abcd", "cdab"]), "中***中");
        assert_eq!(redact("no secret here", &["abc"]), "no secret here", "shorter than 4: kept");
    }

    #[test]
    fn broken_escapes_are_plain_text() {
        for t in ["%", "%4", "%zz", "\\", "\\u12", "\\ud800", "\\ud800\\u0041", "\\x", "+"] {
            assert_eq!(redact(t, &["abcd"]), t);
        }
    }
}
