//! The XML reader for decrypted callback messages: one `<xml>` root whose children are fields.
//!
//! Deliberately small and strict about structure, lenient about nothing that could hurt:
//! no DTD (a `DOCTYPE` is an error, so no entity can be declared), no entity expansion (only the
//! five predefined entities and character references are resolved; `&xxe;` is an error), no
//! processing instructions, no text outside fields, no text mixed with child elements, at most
//! [`MAX_DEPTH`] levels of elements below the root. Built without recursion.

use quick_xml::events::Event as XmlEvent;
use quick_xml::Reader;

use super::raw::{RawMap, RawValue};
use crate::callback::CallbackError;

/// Element levels accepted below `<xml>` (WeCom's deepest messages use four or five).
pub const MAX_DEPTH: usize = 8;

/// The longest element name or input text quoted back in an error message, in characters.
const QUOTE_MAX: usize = 64;

/// The longest reader error message kept, in characters.
const MESSAGE_MAX: usize = 160;

fn bad(message: impl Into<String>) -> CallbackError {
    CallbackError::BadXml(message.into())
}

/// Quotes input in an error message: shortened, so an error never carries a large input back.
fn quote(text: &str) -> String {
    shorten(text, QUOTE_MAX)
}

fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

fn is_blank(text: &str) -> bool {
    text.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// An element being read.
struct Open {
    name: String,
    text: String,
    children: Option<RawMap>,
}

impl Open {
    fn new(name: String) -> Self {
        Open { name, text: String::new(), children: None }
    }

    /// Adds character data; text next to child elements (mixed content) is refused.
    fn add_text(&mut self, text: &str, is_root: bool) -> Result<(), CallbackError> {
        if is_root || self.children.is_some() {
            if is_blank(text) {
                return Ok(());
            }
            return Err(if is_root {
                bad(format!("text directly inside <xml>: {:?}", quote(text.trim())))
            } else {
                bad(format!("<{}> mixes text and child elements", quote(&self.name)))
            });
        }
        self.text.push_str(text);
        Ok(())
    }

    /// Notes that a child element starts; any text read so far must be blank.
    fn start_child(&mut self, is_root: bool) -> Result<&mut RawMap, CallbackError> {
        if self.children.is_none() {
            if !is_root && !is_blank(&self.text) {
                return Err(bad(format!("<{}> mixes text and child elements", quote(&self.name))));
            }
            self.text = String::new();
        }
        Ok(self.children.get_or_insert_with(RawMap::default))
    }

    fn finish(self) -> (String, RawValue) {
        let value = match self.children {
            Some(children) => RawValue::Map(children),
            None => RawValue::Text(self.text),
        };
        (self.name, value)
    }
}

/// A character XML 1.0 allows in a document (`Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Resolves `&name;`: the five predefined entities and character references, nothing else.
fn reference(name: &str) -> Result<char, CallbackError> {
    if let Some(number) = name.strip_prefix('#') {
        let (digits, radix) = match number.strip_prefix('x') {
            Some(hex) => (hex, 16),
            None => (number, 10),
        };
        return u32::from_str_radix(digits, radix)
            .ok()
            .filter(|_| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(char::from_u32)
            .filter(|&c| is_xml_char(c))
            .ok_or_else(|| bad(format!("invalid character reference &{};", quote(name))));
    }
    match name {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        other => Err(bad(format!("entity reference &{}; is not allowed (no DTD, no entity expansion)", quote(other)))),
    }
}

/// Where the reader is.
enum Phase {
    /// Before `<xml>`.
    Prolog,
    /// Inside `<xml>`.
    Root,
    /// After `</xml>`.
    Epilog,
}

/// Reads a decrypted callback message into its fields (the children of `<xml>`).
pub fn read(xml: &str) -> Result<RawMap, CallbackError> {
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    if is_blank(xml) {
        return Err(bad("empty input"));
    }
    let mut reader = Reader::from_str(xml);
    {
        let config = reader.config_mut();
        config.check_end_names = true;
        config.allow_unmatched_ends = false;
        config.allow_dangling_amp = false;
        config.expand_empty_elements = false;
    }
    let mut phase = Phase::Prolog;
    let mut stack: Vec<Open> = Vec::new();
    let mut fields: Option<RawMap> = None;

    loop {
        let event = reader.read_event().map_err(|e| {
            bad(format!("at byte {}: {}", reader.error_position(), shorten(&e.to_string(), MESSAGE_MAX)))
        })?;
        match (&phase, event) {
            (_, XmlEvent::DocType(_)) => {
                return Err(bad("DOCTYPE is not allowed (no DTD, no entity declarations)"));
            }
            (_, XmlEvent::PI(_)) => return Err(bad("processing instructions are not allowed")),
            (_, XmlEvent::Comment(_)) => {}
            (Phase::Prolog, XmlEvent::Decl(_)) => {}
            (_, XmlEvent::Decl(_)) => return Err(bad("an XML declaration is only allowed first")),

            (Phase::Prolog, XmlEvent::Start(start)) => {
                let name = start.name();
                if name.as_ref() != "xml" {
                    return Err(bad(format!("the root element must be <xml>, found <{}>", quote(name.as_ref()))));
                }
                stack.push(Open::new(String::from("xml")));
                phase = Phase::Root;
            }
            (Phase::Prolog, XmlEvent::Empty(start)) => {
                let name = start.name();
                if name.as_ref() != "xml" {
                    return Err(bad(format!("the root element must be <xml>, found <{}>", quote(name.as_ref()))));
                }
                fields = Some(RawMap::default());
                phase = Phase::Epilog;
            }
            (Phase::Prolog, XmlEvent::Text(text)) if is_blank(&text.xml10_content()) => {}
            (Phase::Prolog, XmlEvent::Eof) => return Err(bad("no <xml> root element")),
            (Phase::Prolog, _) => return Err(bad("content before the <xml> root element")),

            (Phase::Root, XmlEvent::Start(start)) => {
                if stack.len() > MAX_DEPTH {
                    return Err(bad(format!("elements nested deeper than {MAX_DEPTH} levels")));
                }
                let is_root = stack.len() == 1;
                if let Some(parent) = stack.last_mut() {
                    parent.start_child(is_root)?;
                }
                stack.push(Open::new(start.name().as_ref().to_owned()));
            }
            (Phase::Root, XmlEvent::Empty(start)) => {
                if stack.len() > MAX_DEPTH {
                    return Err(bad(format!("elements nested deeper than {MAX_DEPTH} levels")));
                }
                let is_root = stack.len() == 1;
                if let Some(parent) = stack.last_mut() {
                    let children = parent.start_child(is_root)?;
                    children.push(start.name().as_ref().to_owned(), RawValue::Text(String::new()));
                }
            }
            (Phase::Root, XmlEvent::Text(text)) => {
                let is_root = stack.len() == 1;
                if let Some(open) = stack.last_mut() {
                    open.add_text(&text.xml10_content(), is_root)?;
                }
            }
            (Phase::Root, XmlEvent::CData(data)) => {
                let is_root = stack.len() == 1;
                if let Some(open) = stack.last_mut() {
                    open.add_text(&data.xml10_content(), is_root)?;
                }
            }
            (Phase::Root, XmlEvent::GeneralRef(name)) => {
                let c = reference(&name)?;
                let is_root = stack.len() == 1;
                if let Some(open) = stack.last_mut() {
                    open.add_text(c.encode_utf8(&mut [0; 4]), is_root)?;
                }
            }
            (Phase::Root, XmlEvent::End(_)) => {
                // quick-xml has checked that the name matches the open element.
                let Some(open) = stack.pop() else {
                    return Err(bad("unbalanced end tag"));
                };
                match stack.last_mut() {
                    Some(parent) => {
                        let (name, value) = open.finish();
                        parent.children.get_or_insert_with(RawMap::default).push(name, value);
                    }
                    None => {
                        fields = Some(open.children.unwrap_or_default());
                        phase = Phase::Epilog;
                    }
                }
            }
            (Phase::Root, XmlEvent::Eof) => {
                let name = stack.last().map(|open| open.name.as_str()).unwrap_or("xml");
                return Err(bad(format!("unexpected end of input: <{}> is not closed", quote(name))));
            }

            (Phase::Epilog, XmlEvent::Text(text)) if is_blank(&text.xml10_content()) => {}
            (Phase::Epilog, XmlEvent::Eof) => break,
            (Phase::Epilog, _) => return Err(bad("content after </xml>")),
        }
    }
    fields.ok_or_else(|| bad("no <xml> root element"))
}
