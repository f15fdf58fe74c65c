//! Typed reads from the raw fields: lenient (a missing or unreadable field is `None`, never an
//! error; the raw map keeps whatever was sent).

use super::raw::{RawMap, RawValue};

/// Typed, lenient access to a message's raw fields.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a>(pub(crate) &'a RawMap);

impl<'a> Fields<'a> {
    /// The text of `name` (the first occurrence if repeated); `None` if absent or not text.
    pub(crate) fn text(self, name: &str) -> Option<String> {
        self.0.text(name).map(str::to_owned)
    }

    /// An integer given as text (surrounding whitespace allowed); `None` if absent or not an
    /// integer (the text stays in the raw map).
    pub(crate) fn int(self, name: &str) -> Option<i64> {
        self.0.text(name).and_then(|text| text.trim().parse().ok())
    }

    /// An open enum value (`parse`d from the text); `None` if absent.
    pub(crate) fn parsed<T>(self, name: &str, parse: fn(&str) -> T) -> Option<T> {
        self.0.text(name).map(parse)
    }

    /// A change type: the `ChangeType` text, or `Unknown("")` if absent (via `parse("")`).
    pub(crate) fn change_type<T>(self, parse: fn(&str) -> T) -> T {
        parse(self.0.text("ChangeType").unwrap_or(""))
    }

    /// The texts of a list element such as `<MemChangeList><Item>a</Item><Item>b</Item></MemChangeList>`:
    /// every text child (whatever its name), in order; a text-only element gives nothing.
    pub(crate) fn list(self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(RawValue::Map(children)) = self.0.get(name) {
            for (_, value) in children.iter() {
                out.extend(value.items().iter().filter_map(RawValue::as_text).map(str::to_owned));
            }
        }
        out
    }
}
