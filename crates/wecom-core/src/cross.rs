//! Cross-field rules as data: the small vocabulary every rule that looks at more than one field
//! of an object is declared in (required-if, only-with, at-most-one-of, at-least-one-of, exact
//! counts, conditional ranges, string lengths, one field compared with another).
//!
//! A rule is `when` (conditions that must all hold) + an assertion + a severity + a rule id.
//! The native validator interprets these tables ([`crate::validate`]); `wecom-codegen` turns the
//! same tables into the npm package's JS validators, docs and TypeScript notes. Fields are named
//! by their wire names; a unit test checks that every name exists in its model.
//!
//! ```text
//! model! {
//!     request struct AddContactWayRequest { … }
//!     rules = [
//!         error(R_CW_07).when(&[Cond::Eq("type", 1)]).then(items("user", 1)),
//!         warning(R_CW_08).when(&[Cond::Eq("type", 1)]).then(absent("party", &PARTY_ONLY_MULTI)),
//!     ];
//! }
//! ```

use crate::messages::Text;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// WeCom rejects the request: it is not sent.
    Error,
    /// WeCom ignores the member in this configuration (or does not define it): the request is
    /// sent as given and the finding is reported (a client option `strict` makes it an error).
    Warning,
}

/// A condition on one field of the object being checked. A field of the wrong type satisfies
/// none of `Eq`/`True` (its type error is reported on its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    /// The field is an integer equal to this value.
    Eq(&'static str, i64),
    /// The field is `true`.
    True(&'static str),
    /// The field is not `true` (absent, `null`, `false`, or not a boolean).
    NotTrue(&'static str),
    /// The field is present, not `null`, and not an empty string, array or object.
    Filled(&'static str),
    // messages helper (issue 12): string equality.
    /// The field is a string equal to this word (at most [`crate::tape::WORD_BYTES`] UTF-8
    /// bytes; a unit test checks every declared word), e.g. an attachment's `msgtype` is
    /// `"image"`.
    Is(&'static str, &'static str),
}

/// What a rule asserts about the object when its conditions hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assert {
    /// The field must not be given (present and not `null`): reported at the field with the text.
    Absent(&'static str, &'static Text),
    /// The field must be filled (see [`Cond::Filled`]): reported at the field as required.
    Required(&'static str),
    /// The field must be an array of exactly this many items: missing or `null` is reported as
    /// required, another length as an exact-count issue, another type not again.
    Items(&'static str, usize),
    /// The field, when it is an integer, must lie in `[min, max]`.
    Range(&'static str, i64, i64),
    /// The field, when it is a string (without unpaired surrogates), must have at most this many
    /// characters (Unicode scalar values, as the field rule `max_chars` counts them): reported
    /// at the field with the count. As a warning it is what WeCom cuts off instead of rejecting
    /// (a group join way's `remark` past 30 characters, doc 92229: 「超过30个字符将被截断」).
    MaxChars(&'static str, usize),
    /// At most one of the fields may be given: each given one after the first is reported.
    AtMostOne(&'static [&'static str], &'static Text),
    /// At least one of the fields must be filled: reported at the object itself.
    AtLeastOne(&'static [&'static str], &'static Text),
    /// When both are integers, `a ≤ b + plus` (exact arithmetic): reported at `a`. `start_time`
    /// not after `end_time` is `NotAfter("start_time", "end_time", 0)`; a span of at most 30
    /// days is `NotAfter("end_time", "start_time", 30 * 86400)`.
    NotAfter {
        /// The field that must not be later.
        a: &'static str,
        /// The field it is compared with.
        b: &'static str,
        /// What `b` may be exceeded by.
        plus: i64,
        /// The message.
        text: &'static Text,
    },
    // ── moments helper (issue 12) ──
    /// When any item of the array `field` is an object whose member `member` is filled (see
    /// [`Cond::Filled`]), the array must hold at most `max` items: reported at the field with the
    /// text. A moment's attachments are nine images, or one video alone, or one link alone:
    /// `MaxItemsIfAny { field: "attachments", member: "video", max: 1, .. }` (doc 95094).
    MaxItemsIfAny {
        /// The array.
        field: &'static str,
        /// The member of its items (a field of the item model) that triggers the limit.
        member: &'static str,
        /// Most items the array may then hold.
        max: usize,
        /// The message.
        text: &'static Text,
    },
    /// (Issue 12, strategies.) The arrays named, counted together, must have at most this many
    /// items (members that are not arrays count 0): reported at the object with the total. A
    /// strategy edit's `range_add` + `range_del` take at most 100 range nodes per call.
    MaxTotalItems(&'static [&'static str], usize),
    // messages helper (issue 12): a string member that takes a few words only.
    /// The field, when it is a non-empty string, must be one of these words (each at most
    /// [`crate::tape::WORD_BYTES`] UTF-8 bytes): reported at the field with the text. An empty
    /// string is "not given" (a required field reports it as required).
    OneOf(&'static str, &'static [&'static str], &'static Text),
}

impl Assert {
    /// The fields the assertion names, in order.
    pub fn fields(&self) -> &[&'static str] {
        match self {
            Assert::Absent(f, _)
            | Assert::Required(f)
            | Assert::Items(f, _)
            | Assert::Range(f, _, _)
            | Assert::MaxChars(f, _) => std::slice::from_ref(f),
            Assert::AtMostOne(fs, _) | Assert::AtLeastOne(fs, _) => fs,
            Assert::NotAfter { a, .. } => std::slice::from_ref(a),
            Assert::MaxItemsIfAny { field, .. } => std::slice::from_ref(field),
            // Issue 12, strategies.
            Assert::MaxTotalItems(fs, _) => fs,
            Assert::OneOf(f, _, _) => std::slice::from_ref(f),
        }
    }

    /// The second field of a comparison, if any.
    pub fn other(&self) -> Option<&'static str> {
        match self {
            Assert::NotAfter { b, .. } => Some(b),
            _ => None,
        }
    }
}

impl Cond {
    /// The field the condition reads.
    pub fn field(&self) -> &'static str {
        match *self {
            Cond::Eq(f, _) | Cond::True(f) | Cond::NotTrue(f) | Cond::Filled(f) | Cond::Is(f, _) => f,
        }
    }
}

/// One cross-field rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cross {
    /// The stable rule id reported.
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Conditions that must all hold for the assertion to be checked (none: always).
    pub when: &'static [Cond],
    /// What must be true of the object.
    pub assert: Assert,
}

/// A rule under construction: `error(ID).when(&[…]).then(assertion)`.
#[derive(Debug, Clone, Copy)]
pub struct Builder {
    rule: &'static str,
    severity: Severity,
    when: &'static [Cond],
}

/// An error rule with this id (WeCom rejects the request).
pub const fn error(rule: &'static str) -> Builder {
    Builder { rule, severity: Severity::Error, when: &[] }
}

/// A warning rule with this id (WeCom ignores the member; the request is sent).
pub const fn warning(rule: &'static str) -> Builder {
    Builder { rule, severity: Severity::Warning, when: &[] }
}

impl Builder {
    /// Only when all of these hold.
    pub const fn when(self, when: &'static [Cond]) -> Builder {
        Builder { when, ..self }
    }
    /// The assertion: the finished rule.
    pub const fn then(self, assert: Assert) -> Cross {
        Cross { rule: self.rule, severity: self.severity, when: self.when, assert }
    }
}

/// [`Assert::Required`].
pub const fn required(field: &'static str) -> Assert {
    Assert::Required(field)
}
/// [`Assert::Absent`].
pub const fn absent(field: &'static str, text: &'static Text) -> Assert {
    Assert::Absent(field, text)
}
/// [`Assert::Items`].
pub const fn items(field: &'static str, count: usize) -> Assert {
    Assert::Items(field, count)
}
/// [`Assert::Range`].
pub const fn range_of(field: &'static str, min: i64, max: i64) -> Assert {
    Assert::Range(field, min, max)
}
/// [`Assert::MaxChars`].
pub const fn max_chars_of(field: &'static str, max: usize) -> Assert {
    Assert::MaxChars(field, max)
}
/// [`Assert::AtMostOne`].
pub const fn at_most_one(fields: &'static [&'static str], text: &'static Text) -> Assert {
    Assert::AtMostOne(fields, text)
}
/// [`Assert::AtLeastOne`].
pub const fn at_least_one(fields: &'static [&'static str], text: &'static Text) -> Assert {
    Assert::AtLeastOne(fields, text)
}
/// [`Assert::NotAfter`].
pub const fn not_after(a: &'static str, b: &'static str, plus: i64, text: &'static Text) -> Assert {
    Assert::NotAfter { a, b, plus, text }
}
/// [`Assert::MaxItemsIfAny`] (moments helper, issue 12).
pub const fn max_items_if_any(field: &'static str, member: &'static str, max: usize, text: &'static Text) -> Assert {
    Assert::MaxItemsIfAny { field, member, max, text }
}
/// [`Assert::MaxTotalItems`] (issue 12, strategies).
pub const fn max_total_items(fields: &'static [&'static str], max: usize) -> Assert {
    Assert::MaxTotalItems(fields, max)
}

/// [`Assert::OneOf`].
pub const fn one_of(field: &'static str, words: &'static [&'static str], text: &'static Text) -> Assert {
    Assert::OneOf(field, words, text)
}

#[cfg(test)]
mod tests {
    use crate::cross::{Assert, Cond};
    use crate::endpoints::ALL;
    use crate::schema::{Kind, Model};
    use crate::tape::WORD_BYTES;

    fn visit(model: &'static Model, seen: &mut Vec<&'static str>) {
        if seen.contains(&model.name) {
            return;
        }
        seen.push(model.name);
        for rule in model.checks {
            let words = rule.when.iter().filter_map(|c| match *c {
                Cond::Is(_, w) => Some(w),
                _ => None,
            });
            let listed = match rule.assert {
                Assert::OneOf(_, ws, _) => ws,
                _ => &[],
            };
            for w in words.chain(listed.iter().copied()) {
                assert!(w.len() <= WORD_BYTES, "{}: rule {} compares with `{w}`, past 12 bytes", model.name, rule.rule);
            }
            let named = rule.when.iter().map(|c| c.field()).chain(rule.assert.fields().iter().copied());
            for name in named.chain(rule.assert.other()) {
                assert!(model.field(name).is_some(), "{}: rule {} names `{name}`, not a field", model.name, rule.rule);
            }
            if let crate::cross::Assert::MaxItemsIfAny { field, member, .. } = rule.assert {
                let item = model.field(field).map(|f| (f.kind)());
                let ok = matches!(item, Some(Kind::Array(inner)) if matches!(inner(), Kind::Object(m) if m.field(member).is_some()));
                assert!(ok, "{}: rule {} names `{field}[].{member}`, not a member of its items", model.name, rule.rule);
            }
        }
        for f in model.fields {
            let mut kind = (f.kind)();
            while let Kind::Array(inner) = kind {
                kind = inner();
            }
            if let Kind::Object(m) = kind {
                visit(m, seen);
            }
        }
    }

    #[test]
    fn every_cross_rule_names_fields_of_its_model() {
        let mut seen = Vec::new();
        for e in ALL {
            visit(e.request, &mut seen);
        }
        assert!(seen.contains(&"Conclusions"));
    }
}
