//! Every field of a callback message, exactly as sent: the escape hatch next to the typed fields.
//!
//! Shape (also the JSON shape of `raw`):
//!
//! * an element with text only (CDATA or plain, entities resolved) is a [`RawValue::Text`]
//!   (`<State/>` is the empty string);
//! * an element with child elements is a [`RawValue::Map`] of its children, in document order
//!   (JSON object);
//! * a name that occurs more than once at the same level becomes one [`RawValue::List`] of its
//!   values, in order, at the place of its first occurrence (JSON array).
//!
//! So `<MemChangeList><Item>a</Item><Item>b</Item></MemChangeList>` is
//! `{"MemChangeList": {"Item": ["a", "b"]}}`, and with a single member
//! `{"MemChangeList": {"Item": "a"}}`; [`RawValue::items`] reads both forms alike.
//! Attributes are not kept (WeCom sends none).

use std::collections::BTreeMap;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// One field of a callback message, as sent. See the [module docs](self) for the shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    /// The text of an element without child elements.
    Text(String),
    /// The values of an element name repeated at one level, in document order (never nested
    /// directly: each item is a `Text` or a `Map`).
    List(Vec<RawValue>),
    /// The children of an element that has child elements.
    Map(RawMap),
}

impl RawValue {
    /// The text, if this is a text element.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            RawValue::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The children, if this element has child elements.
    pub fn as_map(&self) -> Option<&RawMap> {
        match self {
            RawValue::Map(map) => Some(map),
            _ => None,
        }
    }

    /// The occurrences of a repeated element, if it was repeated.
    pub fn as_list(&self) -> Option<&[RawValue]> {
        match self {
            RawValue::List(list) => Some(list),
            _ => None,
        }
    }

    /// The value as a list whatever the count: the items of a `List`, else the value itself.
    pub fn items(&self) -> &[RawValue] {
        match self {
            RawValue::List(list) => list,
            single => core::slice::from_ref(single),
        }
    }

    /// The first text: the text of a `Text`, or of the first item of a `List` if that is text.
    pub fn first_text(&self) -> Option<&str> {
        self.items().first().and_then(RawValue::as_text)
    }
}

impl Serialize for RawValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RawValue::Text(text) => serializer.serialize_str(text),
            RawValue::List(list) => {
                let mut seq = serializer.serialize_seq(Some(list.len()))?;
                for item in list {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            RawValue::Map(map) => map.serialize(serializer),
        }
    }
}

/// Element name → [`RawValue`], in document order (repeated names merged into one `List`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawMap {
    entries: Vec<(String, RawValue)>,
    /// name → position in `entries` (keeps adding a field O(log n) for hostile inputs).
    index: BTreeMap<String, usize>,
}

impl RawMap {
    /// The value of element `name` (exact, case-sensitive).
    pub fn get(&self, name: &str) -> Option<&RawValue> {
        self.index.get(name).map(|&at| &self.entries[at].1)
    }

    /// The text of element `name`: [`RawValue::first_text`] (the first one if it was repeated).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(RawValue::first_text)
    }

    /// Whether element `name` was sent.
    pub fn contains(&self, name: &str) -> bool {
        self.index.contains_key(name)
    }

    /// The fields in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.entries.iter().map(|(name, value)| (name.as_str(), value))
    }

    /// The number of distinct element names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no field was sent.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds an occurrence of `name`; a second occurrence turns the value into a `List`.
    pub(crate) fn push(&mut self, name: String, value: RawValue) {
        match self.index.get(&name) {
            Some(&at) => {
                let slot = &mut self.entries[at].1;
                match slot {
                    RawValue::List(list) => list.push(value),
                    single => {
                        let first = core::mem::replace(single, RawValue::List(Vec::with_capacity(2)));
                        if let RawValue::List(list) = single {
                            list.push(first);
                            list.push(value);
                        }
                    }
                }
            }
            None => {
                self.index.insert(name.clone(), self.entries.len());
                self.entries.push((name, value));
            }
        }
    }
}

impl Serialize for RawMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (name, value) in &self.entries {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
