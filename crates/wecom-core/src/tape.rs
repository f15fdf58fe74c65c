//! The "tape": the flat `f64` encoding of a payload that the validator reads.
//!
//! Two writers produce it: [`from_text`] (JSON text, used by the client and by Rust callers) and
//! the npm package's JS layer, which walks a JS object and writes the tape straight into wasm
//! memory, so `validate()` in JS needs neither `JSON.stringify` nor string copies. Strings are
//! carried as measures (UTF-8 bytes, Unicode scalars); only short ones also carry their content,
//! for the cross-field conditions that compare a string with a word (`Cond::Is`, e.g. an
//! attachment's `msgtype` is `"image"`).
//!
//! Layout; every value starts with a tag slot:
//! * `0` null · `1, b` boolean · `2, x` number · `3, bytes, chars` string · `6, bytes, chars` a
//!   string with an unpaired surrogate (JS strings can hold one; it cannot be sent as UTF-8) ·
//!   `7, bytes, chars, hi, lo` a string of at most [`WORD_BYTES`] UTF-8 bytes with its content:
//!   its bytes big-endian, the first six in `hi`, the next six in `lo`, zero-padded (the length
//!   tells a padding zero from a NUL byte). [`from_text`] writes it for the string value of a
//!   model field that a cross-field rule of that model compares with words ([`compared`]);
//!   every other string is `3, …` (which equals no word). Another writer must do the same for
//!   compared fields and may carry any other short string as a `7` too (one that knows no
//!   schema carries them all): the validator reads both tags as strings.
//! * `4, n, end, item…` array of `n` items · `5, n, end, (key, value)…` object of `n` members,
//!   where `end` is the slot just after the container, and `key >= 0` is the index of a field of
//!   the model expected at that place, `key < 0` is `-(i + 1)` for `names[i]` (any other name).

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::schema::{Kind, Model};

/// Tag of a null.
pub const NULL: f64 = 0.0;
/// Tag of a boolean.
pub const BOOL: f64 = 1.0;
/// Tag of a number.
pub const NUMBER: f64 = 2.0;
/// Tag of a string.
pub const STRING: f64 = 3.0;
/// Tag of an array.
pub const ARRAY: f64 = 4.0;
/// Tag of a string with an unpaired surrogate (written by the JS layer only).
pub const BAD_STRING: f64 = 6.0;
/// Tag of an object.
pub const OBJECT: f64 = 5.0;
/// Tag of a short string carried with its content (messages helper, issue 12: `Cond::Is`).
pub const WORD: f64 = 7.0;
/// The longest string (in UTF-8 bytes) a [`WORD`] carries: twelve bytes in two 48-bit slots.
pub const WORD_BYTES: usize = 12;

/// The two content slots of a [`WORD`] string, or `None` for a string longer than
/// [`WORD_BYTES`].
pub fn word_slots(s: &str) -> Option<[f64; 2]> {
    let b = s.as_bytes();
    if b.len() > WORD_BYTES {
        return None;
    }
    let half = |from: usize| {
        (from..from + 6).fold(0u64, |acc, i| (acc << 8) | u64::from(b.get(i).copied().unwrap_or(0))) as f64
    };
    Some([half(0), half(6)])
}

/// Whether a cross-field rule of `model` compares its field `name` with words (`Cond::Is`,
/// `Assert::OneOf`): the writers carry that field's short strings as [`WORD`]s.
pub fn compared(model: &Model, name: &str) -> bool {
    use crate::cross::{Assert, Cond};
    model.checks.iter().any(|rule| {
        rule.when.iter().any(|c| matches!(*c, Cond::Is(f, _) if f == name))
            || matches!(rule.assert, Assert::OneOf(f, _, _) if f == name)
    })
}

fn word_half(v: f64) -> Option<u64> {
    (v >= 0.0 && v.fract() == 0.0 && v < 281_474_976_710_656.0).then_some(v as u64)
}
/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 128;

/// The tape does not follow the layout (a bug in a writer, never in user data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TapeError(pub &'static str);

/// A checked tape: slots plus the member names negative keys refer to.
#[derive(Debug, Clone, Copy)]
pub struct Tape<'t> {
    slots: &'t [f64],
    names: &'t [String],
}

fn count(v: f64) -> Option<usize> {
    (v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX)).then_some(v as usize)
}

/// How a member is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key<'t> {
    /// Field `i` of the model expected there.
    Field(usize),
    /// Any other name.
    Name(&'t str),
}

impl<'t> Tape<'t> {
    /// Checks the layout of a tape holding one value expected to be of `kind`.
    pub fn new(slots: &'t [f64], names: &'t [String], kind: Kind) -> Result<Tape<'t>, TapeError> {
        let tape = Tape { slots, names };
        let end = tape.verify(0, kind, 0)?;
        if end != slots.len() {
            return Err(TapeError("trailing data"));
        }
        Ok(tape)
    }

    /// The root value.
    pub fn root(self) -> Val<'t> {
        Val { tape: self, pos: 0 }
    }

    fn at(&self, pos: usize) -> f64 {
        self.slots.get(pos).copied().unwrap_or(f64::NAN)
    }

    fn verify(&self, pos: usize, kind: Kind, depth: usize) -> Result<usize, TapeError> {
        if depth > MAX_DEPTH {
            return Err(TapeError("too deep"));
        }
        let need = |n: usize| if pos + n <= self.slots.len() { Ok(()) } else { Err(TapeError("tape ends early")) };
        need(1)?;
        let tag = self.at(pos);
        if tag == NULL {
            return Ok(pos + 1);
        }
        if tag == BOOL || tag == NUMBER {
            need(2)?;
            return Ok(pos + 2);
        }
        if tag == STRING || tag == BAD_STRING {
            need(3)?;
            count(self.at(pos + 1)).and(count(self.at(pos + 2))).ok_or(TapeError("bad string length"))?;
            return Ok(pos + 3);
        }
        if tag == WORD {
            need(5)?;
            let bytes = count(self.at(pos + 1)).filter(|&n| n <= WORD_BYTES);
            bytes.and(count(self.at(pos + 2))).ok_or(TapeError("bad word length"))?;
            word_half(self.at(pos + 3)).and(word_half(self.at(pos + 4))).ok_or(TapeError("bad word"))?;
            return Ok(pos + 5);
        }
        if tag != ARRAY && tag != OBJECT || tag.fract() != 0.0 {
            return Err(TapeError("unknown tag"));
        }
        need(3)?;
        let n = count(self.at(pos + 1)).ok_or(TapeError("bad count"))?;
        let end = count(self.at(pos + 2)).ok_or(TapeError("bad end"))?;
        let mut p = pos + 3;
        if tag == ARRAY {
            let inner = match kind {
                Kind::Array(inner) => inner(),
                _ => Kind::Any,
            };
            for _ in 0..n {
                p = self.verify(p, inner, depth + 1)?;
            }
        } else {
            let model = match kind {
                Kind::Object(m) => Some(m),
                _ => None,
            };
            for _ in 0..n {
                need(p + 1 - pos)?;
                let field_kind = match self.key(p, model) {
                    Some(Key::Field(i)) => model.and_then(|m| m.fields.get(i)).map_or(Kind::Any, |f| (f.kind)()),
                    Some(Key::Name(_)) => Kind::Any,
                    None => return Err(TapeError("bad key")),
                };
                p = self.verify(p + 1, field_kind, depth + 1)?;
            }
        }
        if p != end {
            return Err(TapeError("bad end"));
        }
        Ok(end)
    }

    fn key(&self, pos: usize, model: Option<&'static Model>) -> Option<Key<'t>> {
        let k = self.at(pos);
        if k >= 0.0 {
            let i = count(k)?;
            model.and_then(|m| m.fields.get(i)).map(|_| Key::Field(i))
        } else {
            let i = count(-k - 1.0)?;
            self.names.get(i).map(|n| Key::Name(n.as_str()))
        }
    }
}

/// One value on a checked tape.
#[derive(Debug, Clone, Copy)]
pub struct Val<'t> {
    tape: Tape<'t>,
    pos: usize,
}

impl<'t> Val<'t> {
    /// This value's slot position.
    pub fn pos(&self) -> usize {
        self.pos
    }
    /// The value at slot position `pos` of the same tape.
    pub fn at(&self, pos: usize) -> Val<'t> {
        Val { tape: self.tape, pos }
    }
    fn tag(&self) -> f64 {
        self.tape.at(self.pos)
    }
    fn slot(&self, i: usize) -> f64 {
        self.tape.at(self.pos + i)
    }

    /// The JSON type name used in messages.
    pub fn type_name(&self) -> &'static str {
        match self.tag() as u8 {
            0 => "null",
            1 => "boolean",
            2 if self.as_i64().is_some() => "integer",
            2 => "number",
            3 | 6 | 7 => "string",
            4 => "array",
            _ => "object",
        }
    }
    /// `null`?
    pub fn is_null(&self) -> bool {
        self.tag() == NULL
    }
    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        (self.tag() == BOOL).then(|| self.slot(1) != 0.0)
    }
    /// The integer, if this is an integral number that fits an `i64` exactly.
    pub fn as_i64(&self) -> Option<i64> {
        let v = self.slot(1);
        // Exactly the f64 values that are i64 values: -2^63 <= v < 2^63.
        (self.tag() == NUMBER
            && v.fract() == 0.0
            && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&v))
        .then_some(v as i64)
    }
    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        (self.tag() == NUMBER).then(|| self.slot(1))
    }
    fn is_string(&self) -> bool {
        self.tag() == STRING || self.tag() == BAD_STRING || self.tag() == WORD
    }
    /// A string equal to `word` (only a string written with its content, [`WORD`], can be).
    pub fn is_word(&self, word: &str) -> bool {
        self.tag() == WORD
            && self.str_bytes() == Some(word.len())
            && word_slots(word).is_some_and(|[hi, lo]| self.slot(3) == hi && self.slot(4) == lo)
    }
    /// A string with an unpaired surrogate?
    pub fn is_bad_string(&self) -> bool {
        self.tag() == BAD_STRING
    }
    /// UTF-8 length, if this is a string.
    pub fn str_bytes(&self) -> Option<usize> {
        self.is_string().then(|| count(self.slot(1)).unwrap_or(0))
    }
    /// Unicode scalar count, if this is a string.
    pub fn str_chars(&self) -> Option<usize> {
        self.is_string().then(|| count(self.slot(2)).unwrap_or(0))
    }
    /// Item count, if this is an array.
    pub fn array_len(&self) -> Option<usize> {
        (self.tag() == ARRAY).then(|| count(self.slot(1)).unwrap_or(0))
    }
    /// Member count, if this is an object.
    pub fn object_len(&self) -> Option<usize> {
        (self.tag() == OBJECT).then(|| count(self.slot(1)).unwrap_or(0))
    }
    /// Present and not empty: a non-empty string/array/object, or any other non-null value.
    pub fn filled(&self) -> bool {
        match self.tag() as u8 {
            0 => false,
            3 | 6 | 7 => self.str_bytes() != Some(0),
            4 | 5 => self.slot(1) != 0.0,
            _ => true,
        }
    }

    fn next_pos(&self) -> usize {
        match self.tag() as u8 {
            0 => self.pos + 1,
            1 | 2 => self.pos + 2,
            3 | 6 => self.pos + 3,
            7 => self.pos + 5,
            _ => count(self.slot(2)).unwrap_or(usize::MAX),
        }
    }

    /// The items of an array (none for other values).
    pub fn items(&self) -> impl Iterator<Item = Val<'t>> {
        let tape = self.tape;
        let mut left = self.array_len().unwrap_or(0);
        let mut pos = self.pos + 3;
        std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let v = Val { tape, pos };
            pos = v.next_pos();
            Some(v)
        })
    }

    /// The members of an object (none for other values), keys resolved against `model`.
    pub fn members(&self, model: Option<&'static Model>) -> impl Iterator<Item = (Key<'t>, Val<'t>)> {
        let tape = self.tape;
        let mut left = self.object_len().unwrap_or(0);
        let mut pos = self.pos + 3;
        std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let key = tape.key(pos, model).unwrap_or(Key::Name(""));
            let v = Val { tape, pos: pos + 1 };
            pos = v.next_pos();
            Some((key, v))
        })
    }
}

/// Accumulates a tape.
#[derive(Debug, Default)]
pub struct TapeBuf {
    /// The slots.
    pub slots: Vec<f64>,
    /// Names of members that are not fields of the expected model.
    pub names: Vec<String>,
}

struct Seed<'w> {
    out: &'w mut TapeBuf,
    kind: Kind,
    /// A string here is written with its content (a [`compared`] field).
    word: bool,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.out.slots.push(NULL);
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.out.slots.push(NULL);
        Ok(())
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.out.slots.extend([BOOL, if v { 1.0 } else { 0.0 }]);
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.out.slots.extend([NUMBER, v as f64]);
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.out.slots.extend([NUMBER, v as f64]);
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.out.slots.extend([NUMBER, v]);
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        match word_slots(v).filter(|_| self.word) {
            Some([hi, lo]) => self.out.slots.extend([WORD, v.len() as f64, v.chars().count() as f64, hi, lo]),
            None => self.out.slots.extend([STRING, v.len() as f64, v.chars().count() as f64]),
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = match self.kind {
            Kind::Array(inner) => inner(),
            _ => Kind::Any,
        };
        let start = self.out.slots.len();
        self.out.slots.extend([ARRAY, 0.0, 0.0]);
        let mut n = 0usize;
        while seq.next_element_seed(Seed { out: &mut *self.out, kind: inner, word: false })?.is_some() {
            n += 1;
        }
        close(self.out, start, n);
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let model = match self.kind {
            Kind::Object(m) => Some(m),
            _ => None,
        };
        let start = self.out.slots.len();
        self.out.slots.extend([OBJECT, 0.0, 0.0]);
        let mut n = 0usize;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let field = model.and_then(|m| m.fields.iter().position(|f| f.name == key).map(|i| (i, m)));
            let (kind, word) = match field {
                Some((i, m)) => {
                    self.out.slots.push(i as f64);
                    m.fields.get(i).map_or((Kind::Any, false), |f| ((f.kind)(), compared(m, f.name)))
                }
                None => {
                    self.out.names.push(key.into_owned());
                    self.out.slots.push(-(self.out.names.len() as f64));
                    (Kind::Any, false)
                }
            };
            map.next_value_seed(Seed { out: &mut *self.out, kind, word })?;
            n += 1;
        }
        close(self.out, start, n);
        Ok(())
    }
}

fn close(out: &mut TapeBuf, start: usize, n: usize) {
    let end = out.slots.len() as f64;
    if let Some(slot) = out.slots.get_mut(start + 1) {
        *slot = n as f64;
    }
    if let Some(slot) = out.slots.get_mut(start + 2) {
        *slot = end;
    }
}

/// Writes the tape of JSON text expected to be of `kind`.
pub fn from_text(text: &str, kind: Kind) -> Result<TapeBuf, serde_json::Error> {
    let mut out = TapeBuf::default();
    let mut de = serde_json::Deserializer::from_str(text);
    Seed { out: &mut out, kind, word: false }.deserialize(&mut de)?;
    de.end()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::ContactWayIdRequest;
    use crate::schema::Schema;

    #[test]
    fn text_and_hand_written_tapes_agree() {
        let buf = from_text(r#"{"config_id":"abc","bogus":[1.5,null]}"#, ContactWayIdRequest::kind()).unwrap();
        assert_eq!(buf.slots, [5.0, 2.0, 14.0, 0.0, 3.0, 3.0, 3.0, -1.0, 4.0, 2.0, 14.0, 2.0, 1.5, 0.0]);
        assert_eq!(buf.names, ["bogus"]);
        let tape = Tape::new(&buf.slots, &buf.names, ContactWayIdRequest::kind()).unwrap();
        let members: Vec<_> =
            tape.root().members(Some(&ContactWayIdRequest::MODEL)).map(|(k, v)| (k, v.type_name())).collect();
        assert_eq!(members, [(Key::Field(0), "string"), (Key::Name("bogus"), "array")]);
    }

    #[test]
    fn compared_short_strings_carry_their_content() {
        use crate::models::Attachment;
        let kind = Attachment::kind();
        assert!(compared(&Attachment::MODEL, "msgtype") && !compared(&Attachment::MODEL, "image"));
        for (text, word, is) in [
            (r#"{"msgtype":"image"}"#, "image", true),
            (r#"{"msgtype":"image"}"#, "imag", false),
            (r#"{"msgtype":"imag\u0000"}"#, "imag", false),
            (r#"{"msgtype":"miniprogram"}"#, "miniprogram", true),
            (r#"{"msgtype":"123456789012"}"#, "123456789012", true),
            (r#"{"msgtype":"123456789012"}"#, "123456789013", false),
            (r#"{"msgtype":"1234567890123"}"#, "1234567890123", false),
            (r#"{"msgtype":""}"#, "", true),
        ] {
            let buf = from_text(text, kind).unwrap();
            let tape = Tape::new(&buf.slots, &buf.names, kind).unwrap();
            let (_, v) = tape.root().members(Some(&Attachment::MODEL)).next().unwrap();
            assert_eq!(v.is_word(word), is, "{text} vs {word}");
            assert_eq!(v.type_name(), "string");
        }
        // Another field's string carries no content.
        let buf = from_text(r#"{"config_id":"image"}"#, ContactWayIdRequest::kind()).unwrap();
        assert_eq!(buf.slots.get(4), Some(&STRING));
        // A word past twelve bytes or a half past 48 bits is a corrupt tape.
        for bad in
            [[7.0, 13.0, 13.0, 0.0, 0.0], [7.0, 1.0, 1.0, 281_474_976_710_656.0, 0.0], [7.0, 1.0, 1.0, 0.0, -1.0]]
        {
            assert!(Tape::new(&bad, &[], Kind::Any).is_err(), "{bad:?}");
        }
        assert!(Tape::new(&[7.0, 1.0, 1.0, 0.0], &[], Kind::Any).is_err());
    }

    #[test]
    fn corrupt_tapes_are_errors_not_panics() {
        let kind = ContactWayIdRequest::kind();
        let bad: [&[f64]; 9] = [
            &[],
            &[9.0],
            &[5.0, 1.0, 5.0, 7.0, 0.0],
            &[5.0, 4e9, 3.0],
            &[4.0, 1.0, 4.0],
            &[0.0, 0.0],
            &[5.0, 1.0, 5.0, -5.0, 0.0],
            &[3.0, -1.0, 0.0],
            &[4.0, 1.0, 99.0, 0.0],
        ];
        for tape in bad {
            assert!(Tape::new(tape, &[], kind).is_err(), "{tape:?}");
        }
        let mut deep = Vec::new();
        for i in 0..1000 {
            deep.extend([4.0, 1.0, (3 * (1000 - i) + 1 + 3 * i) as f64]);
        }
        deep.push(0.0);
        assert!(Tape::new(&deep, &[], Kind::Any).is_err());
    }
}
