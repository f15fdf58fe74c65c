//! The interpreter of cross-field rules ([`crate::cross`]) over one checked object.

use crate::cross::{Assert, Cond, Cross};
use crate::messages::Msg;
use crate::schema::Kind;
use crate::tape::{Key, Val};

use super::{Checker, Obj};

fn holds(cond: &Cond, o: &Obj<'_, '_>) -> bool {
    match *cond {
        Cond::Eq(f, want) => o.get(f).and_then(|v| v.as_i64()) == Some(want),
        Cond::True(f) => o.get(f).and_then(|v| v.as_bool()) == Some(true),
        Cond::NotTrue(f) => o.get(f).and_then(|v| v.as_bool()) != Some(true),
        Cond::Filled(f) => o.get(f).is_some_and(|v| v.filled()),
        Cond::Is(f, word) => o.get(f).is_some_and(|v| v.is_word(word)),
    }
}

fn has(o: &Obj<'_, '_>, field: &str) -> bool {
    o.get(field).is_some_and(|v| !v.is_null())
}

/// Checks one rule against the object `o`, reporting at `cx` (the object's location).
pub(crate) fn check(rule: &Cross, o: &Obj<'_, '_>, cx: &mut Checker<'_>) {
    if !rule.when.iter().all(|c| holds(c, o)) {
        return;
    }
    let mut report = |field: Option<&str>, msg: Msg| match field {
        Some(f) => cx.found(rule.severity, &[f], rule.rule, msg),
        None => cx.found(rule.severity, &[], rule.rule, msg),
    };
    match rule.assert {
        Assert::Absent(f, text) => {
            if has(o, f) {
                report(Some(f), Msg::Text(text));
            }
        }
        Assert::Required(f) => {
            if !o.get(f).is_some_and(|v| v.filled()) {
                report(Some(f), Msg::Required);
            }
        }
        Assert::Items(f, count) => match o.get(f) {
            None => report(Some(f), Msg::Required),
            Some(v) if v.is_null() => report(Some(f), Msg::Required),
            Some(v) => match v.array_len() {
                Some(n) if n != count => report(Some(f), Msg::ExactItems { count, actual: n }),
                // Right count, or another type (already reported as such).
                _ => {}
            },
        },
        Assert::Range(f, min, max) => {
            if let Some(v) = o.get(f).and_then(|v| v.as_i64()) {
                if v < min || v > max {
                    report(Some(f), Msg::Range { min, max, actual: v });
                }
            }
        }
        Assert::MaxChars(f, max) => {
            // A string with an unpaired surrogate is already reported as such (json-unicode).
            let chars = o.get(f).filter(|v| !v.is_bad_string()).and_then(|v| v.str_chars());
            if let Some(actual) = chars.filter(|&n| n > max) {
                report(Some(f), Msg::MaxChars { max, actual });
            }
        }
        Assert::AtMostOne(fields, text) => {
            for &f in fields.iter().filter(|f| has(o, f)).skip(1) {
                report(Some(f), Msg::Text(text));
            }
        }
        Assert::AtLeastOne(fields, text) => {
            if !fields.iter().any(|f| o.get(f).is_some_and(|v| v.filled())) {
                report(None, Msg::Text(text));
            }
        }
        Assert::NotAfter { a, b, plus, text } => {
            let int = |f: &str| o.get(f).and_then(|v| v.as_i64()).map(i128::from);
            if let (Some(x), Some(y)) = (int(a), int(b)) {
                if x > y + i128::from(plus) {
                    report(Some(a), Msg::Text(text));
                }
            }
        }
        // moments helper (issue 12)
        Assert::MaxItemsIfAny { field, member, max, text } => {
            let Some(array) = o.get(field) else { return };
            if array.array_len().is_some_and(|n| n > max) && any_item_with(o, field, member, array) {
                report(Some(field), Msg::Text(text));
            }
        }
        // Issue 12, strategies: a sum of array lengths.
        Assert::MaxTotalItems(fields, max) => {
            let total =
                fields.iter().filter_map(|f| o.get(f).and_then(|v| v.array_len())).fold(0usize, usize::saturating_add);
            if total > max {
                report(None, Msg::MaxItems { max, actual: total });
            }
        }
        Assert::OneOf(f, words, text) => {
            // A string with an unpaired surrogate is already reported as such (json-unicode); an
            // empty string is "not given" (reported as required where the field is).
            if let Some(v) = o.get(f).filter(|v| v.str_bytes().is_some_and(|n| n > 0) && !v.is_bad_string()) {
                if !words.iter().any(|w| v.is_word(w)) {
                    report(Some(f), Msg::Text(text));
                }
            }
        }
    }
}

/// Whether an item of `array` (the field `field` of `o`) is an object whose `member` is filled.
fn any_item_with(o: &Obj<'_, '_>, field: &str, member: &str, array: Val<'_>) -> bool {
    let item_model = match o.model.field(field).map(|f| (f.kind)()) {
        Some(Kind::Array(inner)) => match inner() {
            Kind::Object(m) => m,
            _ => return false,
        },
        _ => return false,
    };
    let Some(index) = item_model.fields.iter().position(|f| f.name == member) else { return false };
    // A tape names a member by its field index or, from some writers, by its name.
    let is_member = |key: Key<'_>| match key {
        Key::Field(i) => i == index,
        Key::Name(n) => n == member,
    };
    array.items().any(|item| item.members(Some(item_model)).any(|(key, v)| is_member(key) && v.filled()))
}
