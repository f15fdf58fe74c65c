//! Typed callback events of 客户联系 — official pages
//! <https://developer.work.weixin.qq.com/document/path/92130> (企业客户, 客户群 and 客户标签 events)
//! and <https://developer.work.weixin.qq.com/document/path/97299> (获客助手 events).
//!
//! [`parse_event`] reads the decrypted XML of a callback into an [`Event`]: the common envelope
//! fields, a typed [`EventKind`] and `raw`, every top-level field exactly as sent. Everything is
//! open-ended, because WeCom keeps adding events, change types and fields:
//!
//! * an `Event` this SDK does not know (or a message that is not an event) is
//!   [`EventKind::Unknown`] with its name;
//! * a `ChangeType` (or `UpdateDetail`, `TagType`, `FailReason`, `Source`) it does not know is the
//!   enum's `Unknown(String)` with the name as sent;
//! * a field it does not model stays in [`Event::raw`] (see [`Event::extra`]); a number that does
//!   not parse gives `None` in the typed field and stays in `raw` as sent.
//!
//! Third-party apps receive the same events on their 指令回调 URL with `InfoType` (the event name)
//! and `TimeStamp` instead of `MsgType`/`Event`/`CreateTime`; both forms are read.
//!
//! JSON ([`Event::to_json`], what `parseEvent` gives in JS): `event` and `changeType` first, then
//! the envelope, the typed fields in camelCase (absent ones omitted), and `raw`:
//!
//! ```json
//! { "event": "change_external_contact", "changeType": "add_external_contact",
//!   "toUserName": "ww0123456789abcdef", "fromUserName": "sys", "createTime": 1403610513,
//!   "msgType": "event", "userId": "zhangsan", "externalUserId": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
//!   "state": "landing", "welcomeCode": "CALLBACKCODE",
//!   "raw": { "ToUserName": "ww0123456789abcdef", "FromUserName": "sys", "CreateTime": "1403610513",
//!            "MsgType": "event", "Event": "change_external_contact",
//!            "ChangeType": "add_external_contact", "UserID": "zhangsan",
//!            "ExternalUserID": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "State": "landing",
//!            "WelcomeCode": "CALLBACKCODE" } }
//! ```
//!
//! The shape of `raw` (text, nested and repeated elements) is described in [`raw`].

#[macro_use]
mod open_enum;

mod acquisition;
mod chat;
mod contact;
mod fields;
mod kind;
pub mod raw;
mod tag;
mod xml;

use serde::{Serialize, Serializer};

pub use acquisition::{AcquisitionChange, AcquisitionEvent};
pub use chat::{ChatChange, ChatEvent, UpdateDetail};
pub use contact::{ContactChange, ContactEvent, DeleteSource, FailReason};
pub use kind::EventKind;
pub use raw::{RawMap, RawValue};
pub use tag::{TagChange, TagEvent, TagType};
pub use xml::MAX_DEPTH;

use super::CallbackError;
use fields::Fields;

/// The largest message [`parse_event`] accepts, in bytes (1 MiB).
pub const MAX_EVENT_BYTES: usize = 1 << 20;

/// The envelope fields [`Event`] reads itself (both the app and the third-party form).
const ENVELOPE: &[&str] = &["ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "InfoType", "TimeStamp"];

/// A decrypted callback message: envelope, typed event and every field as sent.
///
/// Serializes (see [`Event::to_json`]) as one flat camelCase object: `event`, `changeType` (for
/// known events), `toUserName`, `fromUserName`, `createTime`, `msgType`, the typed fields of
/// [`kind`](Event::kind), and `raw`. Absent optional fields are omitted.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Event {
    /// `ToUserName`: the corpid (or suiteid).
    pub to_user_name: Option<String>,
    /// `FromUserName`: `sys` for these events.
    pub from_user_name: Option<String>,
    /// `CreateTime` (Unix seconds; third-party form: `TimeStamp`). `None` if absent or not an
    /// integer.
    pub create_time: Option<i64>,
    /// `MsgType`: `event` for events; absent in the third-party form.
    pub msg_type: Option<String>,
    /// Which event, with its typed fields.
    pub kind: EventKind,
    /// Every top-level field exactly as sent, typed ones included.
    pub raw: RawMap,
}

/// Parses a decrypted callback message (XML) into a typed event. Never panics; rejects input
/// over 1 MiB ([`MAX_EVENT_BYTES`], `TooLarge`) and anything that is not a flat WeCom
/// `<xml>…</xml>` message (`BadXml`). No entity expansion, no DTD (a DOCTYPE is an error), CDATA
/// and plain text both read.
///
/// The event is chosen by `Event` (or `InfoType` when there is no `MsgType`); a `MsgType` other
/// than `event` gives [`EventKind::Unknown`]. Typed fields are lenient: missing or unreadable ones
/// are `None`, never an error.
pub fn parse_event(xml: &str) -> Result<Event, CallbackError> {
    if xml.len() > MAX_EVENT_BYTES {
        return Err(CallbackError::TooLarge { limit: MAX_EVENT_BYTES, actual: xml.len() });
    }
    let raw = xml::read(xml)?;
    let f = Fields(&raw);
    let msg_type = f.text("MsgType");
    let name = match &msg_type {
        Some(_) => f.text("Event"),
        None => f.text("Event").or_else(|| f.text("InfoType")),
    };
    let name = name.unwrap_or_default();
    let kind = match msg_type.as_deref() {
        Some(t) if t != "event" => EventKind::Unknown { event: name },
        _ => EventKind::read(&name, f),
    };
    Ok(Event {
        to_user_name: f.text("ToUserName"),
        from_user_name: f.text("FromUserName"),
        create_time: f.int("CreateTime").or_else(|| f.int("TimeStamp")),
        msg_type,
        kind,
        raw,
    })
}

impl Event {
    /// The event name (`change_external_contact` …; as sent for unknown events; "" if none).
    pub fn event_name(&self) -> &str {
        self.kind.event_name()
    }

    /// The `ChangeType` as its WeCom string, for known events.
    pub fn change_type(&self) -> Option<&str> {
        self.kind.change_type()
    }

    /// The raw fields the typed model does not read (in document order): what WeCom added
    /// after this SDK, or every field of an unknown event besides the envelope.
    pub fn extra(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        let known = self.kind.fields();
        self.raw.iter().filter(move |(name, _)| !ENVELOPE.contains(name) && !known.contains(name))
    }

    /// The JSON of this event (the shape in the [module docs](self)).
    pub fn to_json(&self) -> String {
        // Cannot fail: every map key is a string and no value refuses to serialize.
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }
}

/// The JSON object of an [`Event`].
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Wire<'a> {
    event: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    change_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to_user_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from_user_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    create_time: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    msg_type: Option<&'a str>,
    #[serde(flatten)]
    kind: &'a EventKind,
    raw: &'a RawMap,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Wire {
            event: self.kind.event_name(),
            change_type: self.kind.change_type(),
            to_user_name: self.to_user_name.as_deref(),
            from_user_name: self.from_user_name.as_deref(),
            create_time: self.create_time,
            msg_type: self.msg_type.as_deref(),
            kind: &self.kind,
            raw: &self.raw,
        }
        .serialize(serializer)
    }
}
