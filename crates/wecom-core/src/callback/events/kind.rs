//! [`EventKind`]: which event a message is, with its typed fields.

use serde::Serialize;

use super::acquisition::AcquisitionEvent;
use super::chat::ChatEvent;
use super::contact::ContactEvent;
use super::fields::Fields;
use super::tag::TagEvent;

/// The typed part of a callback message, chosen by its `Event` (or `InfoType`) name.
///
/// Serialized (inside [`Event`](super::Event)'s JSON) as the payload's own fields only; the
/// event name and change type are written by `Event` as `event` and `changeType`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EventKind {
    /// `change_external_contact` (企业客户事件).
    ChangeExternalContact(ContactEvent),
    /// `change_external_chat` (客户群事件).
    ChangeExternalChat(ChatEvent),
    /// `change_external_tag` (企业客户标签事件).
    ChangeExternalTag(TagEvent),
    /// `customer_acquisition` (获客助手事件).
    CustomerAcquisition(AcquisitionEvent),
    /// Any other event, and any message that is not an event (`MsgType` other than `event`):
    /// `event` is its `Event` (or `InfoType`) name, empty if it has none. Its fields are in `raw`.
    Unknown {
        /// The event name as sent ("" if none).
        #[serde(skip)]
        event: String,
    },
}

impl EventKind {
    /// `change_external_contact`.
    pub const CHANGE_EXTERNAL_CONTACT: &'static str = "change_external_contact";
    /// `change_external_chat`.
    pub const CHANGE_EXTERNAL_CHAT: &'static str = "change_external_chat";
    /// `change_external_tag`.
    pub const CHANGE_EXTERNAL_TAG: &'static str = "change_external_tag";
    /// `customer_acquisition`.
    pub const CUSTOMER_ACQUISITION: &'static str = "customer_acquisition";

    /// Reads the typed fields of event `name` (an unknown name gives `Unknown`).
    pub(crate) fn read(name: &str, f: Fields<'_>) -> Self {
        match name {
            Self::CHANGE_EXTERNAL_CONTACT => EventKind::ChangeExternalContact(ContactEvent::read(f)),
            Self::CHANGE_EXTERNAL_CHAT => EventKind::ChangeExternalChat(ChatEvent::read(f)),
            Self::CHANGE_EXTERNAL_TAG => EventKind::ChangeExternalTag(TagEvent::read(f)),
            Self::CUSTOMER_ACQUISITION => EventKind::CustomerAcquisition(AcquisitionEvent::read(f)),
            other => EventKind::Unknown { event: other.to_owned() },
        }
    }

    /// The event name: `change_external_contact` … or the name as sent for `Unknown`.
    pub fn event_name(&self) -> &str {
        match self {
            EventKind::ChangeExternalContact(_) => Self::CHANGE_EXTERNAL_CONTACT,
            EventKind::ChangeExternalChat(_) => Self::CHANGE_EXTERNAL_CHAT,
            EventKind::ChangeExternalTag(_) => Self::CHANGE_EXTERNAL_TAG,
            EventKind::CustomerAcquisition(_) => Self::CUSTOMER_ACQUISITION,
            EventKind::Unknown { event } => event,
        }
    }

    /// The `ChangeType` as its WeCom string (`None` for `Unknown`; its `ChangeType`, if any, is
    /// in `raw`).
    pub fn change_type(&self) -> Option<&str> {
        match self {
            EventKind::ChangeExternalContact(e) => Some(e.change_type.as_str()),
            EventKind::ChangeExternalChat(e) => Some(e.change_type.as_str()),
            EventKind::ChangeExternalTag(e) => Some(e.change_type.as_str()),
            EventKind::CustomerAcquisition(e) => Some(e.change_type.as_str()),
            EventKind::Unknown { .. } => None,
        }
    }

    /// Whether the SDK knows neither the event nor (for a known event) its change type.
    pub fn is_unknown(&self) -> bool {
        match self {
            EventKind::ChangeExternalContact(e) => e.change_type.is_unknown(),
            EventKind::ChangeExternalChat(e) => e.change_type.is_unknown(),
            EventKind::ChangeExternalTag(e) => e.change_type.is_unknown(),
            EventKind::CustomerAcquisition(e) => e.change_type.is_unknown(),
            EventKind::Unknown { .. } => true,
        }
    }

    /// The raw field names this kind reads into typed fields.
    pub(crate) fn fields(&self) -> &'static [&'static str] {
        match self {
            EventKind::ChangeExternalContact(_) => ContactEvent::FIELDS,
            EventKind::ChangeExternalChat(_) => ChatEvent::FIELDS,
            EventKind::ChangeExternalTag(_) => TagEvent::FIELDS,
            EventKind::CustomerAcquisition(_) => AcquisitionEvent::FIELDS,
            EventKind::Unknown { .. } => &[],
        }
    }
}
