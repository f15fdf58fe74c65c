//! Issue 8, the core's side: errcodes that are not integers (item 5, `errcode.rs`), secrets
//! and tokens in any encoding and from any point of the token life cycle (item 8,
//! `redaction.rs`), and bounded validation work (item 3, `validation.rs`). One named test per
//! defect; each fails on the code before the fix.

#[path = "../common/mod.rs"]
mod common;

mod errcode;
mod redaction;
mod validation;

/// add_contact_way, a write.
const ADD: &str = "externalcontact/add_contact_way";
/// A valid add_contact_way payload.
const ADD_PAYLOAD: &str = r#"{"type":1,"scene":2,"user":["zhangsan"]}"#;
/// get_contact_way, a read.
const GET: &str = "externalcontact/get_contact_way";
/// A valid get_contact_way payload.
const GET_PAYLOAD: &str = r#"{"config_id":"c1"}"#;
/// The fake transport's clock at start.
const NOW: f64 = 1_700_000_000_000.0;
