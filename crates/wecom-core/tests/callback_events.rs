//! Typed callback events: a fixture per event and change type, open-endedness (unknown events,
//! change types and fields), the JSON shape, hostile XML, and a no-panic fuzz.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{json, Value};
use wecom_core::callback::events::*;
use wecom_core::callback::CallbackError;

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events")
}

fn fixture(name: &str) -> String {
    let path = fixtures_dir().join(format!("{name}.xml"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(fixtures_dir()).expect("fixtures/events") {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) == Some("xml") {
            names.insert(path.file_stem().and_then(|s| s.to_str()).expect("utf-8 name").to_owned());
        }
    }
    names
}

fn parse(name: &str) -> Event {
    parse_event(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn to_value(event: &Event) -> Value {
    serde_json::from_str(&event.to_json()).expect("to_json is JSON")
}

fn contact(event: &Event) -> &ContactEvent {
    match &event.kind {
        EventKind::ChangeExternalContact(e) => e,
        other => panic!("not a contact event: {other:?}"),
    }
}

fn chat(event: &Event) -> &ChatEvent {
    match &event.kind {
        EventKind::ChangeExternalChat(e) => e,
        other => panic!("not a chat event: {other:?}"),
    }
}

fn tag(event: &Event) -> &TagEvent {
    match &event.kind {
        EventKind::ChangeExternalTag(e) => e,
        other => panic!("not a tag event: {other:?}"),
    }
}

fn acquisition(event: &Event) -> &AcquisitionEvent {
    match &event.kind {
        EventKind::CustomerAcquisition(e) => e,
        other => panic!("not an acquisition event: {other:?}"),
    }
}

fn bad_xml(input: &str) -> String {
    match parse_event(input) {
        Err(CallbackError::BadXml(message)) => {
            assert_eq!(CallbackError::BadXml(message.clone()).code(), "E_CALLBACK_XML");
            message
        }
        other => panic!("expected BadXml for {:.120?}, got {other:?}", input),
    }
}

/// Every fixture: its event name and change type.
const FIXTURES: &[(&str, &str, Option<&str>)] = &[
    ("contact_add_external_contact", "change_external_contact", Some("add_external_contact")),
    ("contact_edit_external_contact", "change_external_contact", Some("edit_external_contact")),
    ("contact_add_half_external_contact", "change_external_contact", Some("add_half_external_contact")),
    ("contact_del_external_contact", "change_external_contact", Some("del_external_contact")),
    ("contact_del_follow_user", "change_external_contact", Some("del_follow_user")),
    ("contact_transfer_fail", "change_external_contact", Some("transfer_fail")),
    ("contact_msg_audit_approved", "change_external_contact", Some("msg_audit_approved")),
    ("chat_create", "change_external_chat", Some("create")),
    ("chat_update_add_member", "change_external_chat", Some("update")),
    ("chat_update_del_member", "change_external_chat", Some("update")),
    ("chat_update_change_owner", "change_external_chat", Some("update")),
    ("chat_update_change_name", "change_external_chat", Some("update")),
    ("chat_update_change_notice", "change_external_chat", Some("update")),
    ("chat_dismiss", "change_external_chat", Some("dismiss")),
    ("tag_create", "change_external_tag", Some("create")),
    ("tag_update", "change_external_tag", Some("update")),
    ("tag_delete", "change_external_tag", Some("delete")),
    ("tag_shuffle", "change_external_tag", Some("shuffle")),
    ("acquisition_balance_low", "customer_acquisition", Some("balance_low")),
    ("acquisition_balance_exhausted", "customer_acquisition", Some("balance_exhausted")),
    ("acquisition_balance_increased", "customer_acquisition", Some("balance_increased")),
    ("acquisition_quota_expire_soon", "customer_acquisition", Some("quota_expire_soon")),
    ("acquisition_link_unavailable", "customer_acquisition", Some("link_unavailable")),
    ("acquisition_delete_link", "customer_acquisition", Some("delete_link")),
    ("acquisition_open_profile", "customer_acquisition", Some("open_profile")),
    ("acquisition_friend_request", "customer_acquisition", Some("friend_request")),
    ("acquisition_customer_start_chat", "customer_acquisition", Some("customer_start_chat")),
    ("acquisition_message_from_customer", "customer_acquisition", Some("message_from_customer")),
    ("unknown_change_type", "change_external_contact", Some("upgrade_external_contact_v9")),
    ("unknown_event", "change_external_universe", None),
    ("unknown_fields", "change_external_contact", Some("add_external_contact")),
    ("plain_text_lenient_numbers", "change_external_chat", Some("update")),
    ("text_message", "", None),
];

// ---------------------------------------------------------------------------------------------
// the corpus
// ---------------------------------------------------------------------------------------------

#[test]
fn every_fixture_parses_to_its_event_and_change_type() {
    let listed: BTreeSet<String> = FIXTURES.iter().map(|(name, ..)| name.to_string()).collect();
    assert_eq!(listed, fixture_names(), "FIXTURES and fixtures/events/*.xml differ");
    for &(name, event, change_type) in FIXTURES {
        let parsed = parse(name);
        assert_eq!(parsed.event_name(), event, "{name}");
        assert_eq!(parsed.change_type(), change_type, "{name}");
        let value = to_value(&parsed);
        assert_eq!(value["event"], json!(event), "{name}");
        match change_type {
            Some(ct) => assert_eq!(value["changeType"], json!(ct), "{name}"),
            None => assert!(value.get("changeType").is_none(), "{name}"),
        }
    }
}

#[test]
fn every_known_change_type_and_update_detail_has_a_fixture() {
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    let mut details = BTreeSet::new();
    for &(name, ..) in FIXTURES {
        let parsed = parse(name);
        if let Some(ct) = parsed.change_type() {
            seen.insert((parsed.event_name().to_owned(), ct.to_owned()));
        }
        if let EventKind::ChangeExternalChat(ChatEvent { update_detail: Some(detail), .. }) = &parsed.kind {
            details.insert(detail.as_str().to_owned());
        }
    }
    let mut expected: Vec<(&str, &str)> = Vec::new();
    expected.extend(ContactChange::KNOWN.iter().map(|c| ("change_external_contact", c.as_str())));
    expected.extend(ChatChange::KNOWN.iter().map(|c| ("change_external_chat", c.as_str())));
    expected.extend(TagChange::KNOWN.iter().map(|c| ("change_external_tag", c.as_str())));
    expected.extend(AcquisitionChange::KNOWN.iter().map(|c| ("customer_acquisition", c.as_str())));
    for (event, ct) in expected {
        assert!(seen.contains(&(event.to_owned(), ct.to_owned())), "no fixture for {event}/{ct}");
    }
    for detail in UpdateDetail::KNOWN {
        assert!(details.contains(detail.as_str()), "no fixture for UpdateDetail {detail}");
    }
}

#[test]
fn raw_keeps_every_top_level_field_of_every_fixture() {
    for &(name, ..) in FIXTURES {
        let text = fixture(name);
        let parsed = parse(name);
        let value = to_value(&parsed);
        // Every top-level element name of the file is in raw, with the same text in JSON.
        for (field, raw) in parsed.raw.iter() {
            assert!(text.contains(&format!("<{field}")), "{name}: {field} not in the file");
            assert_eq!(value["raw"][field], serde_json::to_value(raw).expect("raw value"), "{name}: {field}");
        }
        for tag in top_level_names(&text) {
            assert!(parsed.raw.contains(&tag), "{name}: {tag} lost");
        }
        // The typed envelope agrees with raw.
        assert_eq!(parsed.to_user_name.as_deref(), parsed.raw.text("ToUserName"), "{name}");
        assert_eq!(parsed.msg_type.as_deref(), parsed.raw.text("MsgType"), "{name}");
    }
}

/// The names of the direct children of `<xml>` in a fixture (a tiny scanner for the test only).
fn top_level_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with("![CDATA[") {
            rest = &rest[rest.find("]]>").expect("cdata end") + 3..];
            continue;
        }
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find('>').expect("tag end");
        let tag = &rest[..end];
        if let Some(_closing) = tag.strip_prefix('/') {
            depth -= 1;
        } else {
            let name: String = tag.trim_end_matches('/').split_whitespace().next().unwrap_or("").to_owned();
            if depth == 1 {
                names.push(name);
            }
            if !tag.ends_with('/') {
                depth += 1;
            }
        }
    }
    names
}

// ---------------------------------------------------------------------------------------------
// change_external_contact
// ---------------------------------------------------------------------------------------------

#[test]
fn add_external_contact_typed_fields_and_json_shape() {
    let event = parse("contact_add_external_contact");
    assert_eq!(event.to_user_name.as_deref(), Some("ww0123456789abcdef"));
    assert_eq!(event.from_user_name.as_deref(), Some("sys"));
    assert_eq!(event.create_time, Some(1403610513));
    assert_eq!(event.msg_type.as_deref(), Some("event"));
    let c = contact(&event);
    assert_eq!(c.change_type, ContactChange::AddExternalContact);
    assert_eq!(c.user_id.as_deref(), Some("zhangsan"));
    assert_eq!(c.external_user_id.as_deref(), Some("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"));
    assert_eq!(c.state.as_deref(), Some("landing"));
    assert_eq!(c.welcome_code.as_deref(), Some("WELCOMECODE"));
    assert_eq!((c.fail_reason.as_ref(), c.source.as_ref(), c.link_id.as_ref()), (None, None, None));
    assert_eq!(event.extra().count(), 0);

    let text = event.to_json();
    assert!(
        text.starts_with(r#"{"event":"change_external_contact","changeType":"add_external_contact","toUserName":"ww0123456789abcdef","fromUserName":"sys","createTime":1403610513,"msgType":"event","userId":"zhangsan""#),
        "{text}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&text).expect("json"),
        json!({
            "event": "change_external_contact",
            "changeType": "add_external_contact",
            "toUserName": "ww0123456789abcdef",
            "fromUserName": "sys",
            "createTime": 1403610513,
            "msgType": "event",
            "userId": "zhangsan",
            "externalUserId": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            "state": "landing",
            "welcomeCode": "WELCOMECODE",
            "raw": {
                "ToUserName": "ww0123456789abcdef",
                "FromUserName": "sys",
                "CreateTime": "1403610513",
                "MsgType": "event",
                "Event": "change_external_contact",
                "ChangeType": "add_external_contact",
                "UserID": "zhangsan",
                "ExternalUserID": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
                "State": "landing",
                "WelcomeCode": "WELCOMECODE"
            }
        })
    );
    // raw keeps document order in the JSON text.
    let raw_at = text.find(r#""raw":{"ToUserName""#).expect("raw first key");
    assert!(text[raw_at..].find("\"CreateTime\"") < text[raw_at..].find("\"WelcomeCode\""));
}

#[test]
fn other_contact_change_types() {
    let half = parse("contact_add_half_external_contact");
    let c = contact(&half);
    assert_eq!(c.change_type, ContactChange::AddHalfExternalContact);
    assert_eq!(c.state.as_deref(), Some("活动页 & 海报"), "CDATA is read verbatim");
    assert_eq!(c.welcome_code.as_deref(), Some("HALFCODE"));

    let edit = parse("contact_edit_external_contact");
    assert_eq!(contact(&edit).change_type, ContactChange::EditExternalContact);
    assert_eq!(contact(&edit).state, None);

    let del = parse("contact_del_external_contact");
    assert_eq!(contact(&del).change_type, ContactChange::DelExternalContact);
    assert_eq!(contact(&del).source, Some(DeleteSource::DeleteByTransfer));
    assert_eq!(to_value(&del)["source"], json!("DELETE_BY_TRANSFER"));

    let follow = parse("contact_del_follow_user");
    assert_eq!(contact(&follow).change_type, ContactChange::DelFollowUser);
    assert_eq!(contact(&follow).user_id.as_deref(), Some("zhangsan"));

    let fail = parse("contact_transfer_fail");
    assert_eq!(contact(&fail).change_type, ContactChange::TransferFail);
    assert_eq!(contact(&fail).fail_reason, Some(FailReason::CustomerRefused));
    assert_eq!(contact(&fail).user_id.as_deref(), Some("wangwu"));
    assert_eq!(to_value(&fail)["failReason"], json!("customer_refused"));

    let audit = parse("contact_msg_audit_approved");
    assert_eq!(contact(&audit).change_type, ContactChange::MsgAuditApproved);
    assert_eq!(contact(&audit).welcome_code.as_deref(), Some("AUDITCODE"));
}

// ---------------------------------------------------------------------------------------------
// change_external_chat
// ---------------------------------------------------------------------------------------------

#[test]
fn chat_add_member_with_member_list_and_versions() {
    let event = parse("chat_update_add_member");
    let c = chat(&event);
    assert_eq!(c.change_type, ChatChange::Update);
    assert_eq!(c.chat_id.as_deref(), Some("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"));
    assert_eq!(c.update_detail, Some(UpdateDetail::AddMember));
    assert_eq!(c.join_scene, Some(1));
    assert_eq!(c.quit_scene, None);
    assert_eq!(c.mem_change_cnt, Some(2));
    assert_eq!(c.mem_change_list, vec!["zhangsan".to_owned(), "wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw".to_owned()]);
    assert_eq!(c.last_mem_ver.as_deref(), Some("9c3f97c2ada667dfb5f6d03308d963e1"));
    assert_eq!(c.cur_mem_ver.as_deref(), Some("71217227bbd112ecfe3a49c482195cb4"));

    let value = to_value(&event);
    assert_eq!(value["changeType"], json!("update"));
    assert_eq!(value["updateDetail"], json!("add_member"));
    assert_eq!(value["joinScene"], json!(1));
    assert_eq!(value["memChangeCnt"], json!(2));
    assert_eq!(value["memChangeList"], json!(["zhangsan", "wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw"]));
    assert_eq!(value["lastMemVer"], json!("9c3f97c2ada667dfb5f6d03308d963e1"));
    assert_eq!(value["curMemVer"], json!("71217227bbd112ecfe3a49c482195cb4"));
    assert!(value.get("quitScene").is_none());
    assert_eq!(value["raw"]["MemChangeList"], json!({ "Item": ["zhangsan", "wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw"] }));
    assert_eq!(value["raw"]["JoinScene"], json!("1"));
}

#[test]
fn chat_del_member_with_a_single_item() {
    let event = parse("chat_update_del_member");
    let c = chat(&event);
    assert_eq!(c.update_detail, Some(UpdateDetail::DelMember));
    assert_eq!(c.quit_scene, Some(0));
    assert_eq!(c.join_scene, None);
    assert_eq!(c.mem_change_cnt, Some(1));
    assert_eq!(c.mem_change_list, vec!["wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw".to_owned()]);
    // One item: raw has the text itself, `items()` reads both forms alike.
    let list = event.raw.get("MemChangeList").and_then(RawValue::as_map).expect("a map");
    let item = list.get("Item").expect("Item");
    assert_eq!(item.as_text(), Some("wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw"));
    assert_eq!(item.items().len(), 1);
    assert_eq!(to_value(&event)["raw"]["MemChangeList"], json!({ "Item": "wmAJ2GCAAAOaZ1bZa0mvbKmY2ybnVMYw" }));
}

#[test]
fn chat_create_dismiss_and_other_update_details() {
    for (name, change, detail) in [
        ("chat_create", ChatChange::Create, None),
        ("chat_dismiss", ChatChange::Dismiss, None),
        ("chat_update_change_owner", ChatChange::Update, Some(UpdateDetail::ChangeOwner)),
        ("chat_update_change_name", ChatChange::Update, Some(UpdateDetail::ChangeName)),
        ("chat_update_change_notice", ChatChange::Update, Some(UpdateDetail::ChangeNotice)),
    ] {
        let event = parse(name);
        let c = chat(&event);
        assert_eq!(c.change_type, change, "{name}");
        assert_eq!(c.update_detail, detail, "{name}");
        assert_eq!(c.chat_id.as_deref(), Some("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"), "{name}");
        assert!(c.mem_change_list.is_empty() && c.mem_change_cnt.is_none(), "{name}");
        let value = to_value(&event);
        assert!(value.get("memChangeList").is_none(), "{name}: empty list omitted");
        assert_eq!(value["chatId"], json!("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// change_external_tag
// ---------------------------------------------------------------------------------------------

#[test]
fn tag_events() {
    let create = parse("tag_create");
    let t = tag(&create);
    assert_eq!(t.change_type, TagChange::Create);
    assert_eq!(t.id.as_deref(), Some("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"));
    assert_eq!(t.tag_type, Some(TagType::Tag));
    assert_eq!(t.strategy_id, Some(1));
    let value = to_value(&create);
    assert_eq!(value["tagType"], json!("tag"));
    assert_eq!(value["strategyId"], json!(1));
    assert_eq!(value["id"], json!("etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"));

    let update = parse("tag_update");
    assert_eq!(tag(&update).change_type, TagChange::Update);
    assert_eq!(tag(&update).tag_type, Some(TagType::TagGroup));
    assert_eq!(tag(&update).strategy_id, None);
    assert_eq!(to_value(&update)["tagType"], json!("tag_group"));

    let delete = parse("tag_delete");
    assert_eq!(tag(&delete).change_type, TagChange::Delete);
    assert_eq!(tag(&delete).strategy_id, Some(12));

    let shuffle = parse("tag_shuffle");
    assert_eq!(tag(&shuffle).change_type, TagChange::Shuffle);
    assert_eq!(tag(&shuffle).id.as_deref(), Some(""), "an empty Id is sent and kept");
    assert_eq!(tag(&shuffle).tag_type, None);
    assert_eq!(tag(&shuffle).strategy_id, Some(3));
    assert_eq!(to_value(&shuffle)["id"], json!(""));
}

// ---------------------------------------------------------------------------------------------
// customer_acquisition
// ---------------------------------------------------------------------------------------------

#[test]
fn acquisition_quota_and_link_events() {
    for (name, change) in [
        ("acquisition_balance_low", AcquisitionChange::BalanceLow),
        ("acquisition_balance_exhausted", AcquisitionChange::BalanceExhausted),
        ("acquisition_balance_increased", AcquisitionChange::BalanceIncreased),
    ] {
        let event = parse(name);
        assert_eq!(acquisition(&event).change_type, change, "{name}");
        assert_eq!(acquisition(&event).link_id, None, "{name}");
    }

    let soon = parse("acquisition_quota_expire_soon");
    let a = acquisition(&soon);
    assert_eq!(a.change_type, AcquisitionChange::QuotaExpireSoon);
    assert_eq!(a.expire_time, Some(1704038400));
    assert_eq!(a.expire_quota_num, Some(150));
    let value = to_value(&soon);
    assert_eq!(value["expireTime"], json!(1704038400));
    assert_eq!(value["expireQuotaNum"], json!(150));

    for (name, change) in [
        ("acquisition_link_unavailable", AcquisitionChange::LinkUnavailable),
        ("acquisition_delete_link", AcquisitionChange::DeleteLink),
    ] {
        let event = parse(name);
        assert_eq!(acquisition(&event).change_type, change, "{name}");
        assert_eq!(acquisition(&event).link_id.as_deref(), Some("cawcdea7783d7330c6"), "{name}");
        assert_eq!(to_value(&event)["linkId"], json!("cawcdea7783d7330c6"), "{name}");
    }
}

#[test]
fn acquisition_conversion_events() {
    let request = parse("acquisition_friend_request");
    assert_eq!(acquisition(&request).change_type, AcquisitionChange::FriendRequest);
    assert_eq!(acquisition(&request).state.as_deref(), Some("douyin"));

    let start = parse("acquisition_customer_start_chat");
    let a = acquisition(&start);
    assert_eq!(a.change_type, AcquisitionChange::CustomerStartChat);
    assert_eq!(a.user_id.as_deref(), Some("zhangsan"));
    assert_eq!(a.external_user_id.as_deref(), Some("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"));
    assert_eq!(a.link_id.as_deref(), Some("cawcdea7783d7330c6"));
    assert_eq!(to_value(&start)["externalUserId"], json!("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"));

    let message = parse("acquisition_message_from_customer");
    assert_eq!(acquisition(&message).change_type, AcquisitionChange::MessageFromCustomer);
    assert_eq!(acquisition(&message).chat_key.as_deref(), Some("CHATKEY"));
    assert_eq!(to_value(&message)["chatKey"], json!("CHATKEY"));
}

#[test]
fn third_party_form_uses_info_type_and_timestamp() {
    let event = parse("acquisition_open_profile");
    assert_eq!(event.event_name(), "customer_acquisition");
    assert_eq!(event.msg_type, None);
    assert_eq!(event.to_user_name, None);
    assert_eq!(event.create_time, Some(1689171577), "TimeStamp stands in for CreateTime");
    let a = acquisition(&event);
    assert_eq!(a.change_type, AcquisitionChange::OpenProfile);
    assert_eq!(a.link_id.as_deref(), Some("cawcdea7783d7330c6"));
    assert_eq!(a.state.as_deref(), Some("STATE"));
    let extra: Vec<&str> = event.extra().map(|(name, _)| name).collect();
    assert_eq!(extra, ["SuiteId", "AuthCorpId"]);
    let value = to_value(&event);
    assert!(value.get("msgType").is_none() && value.get("toUserName").is_none());
    assert_eq!(value["createTime"], json!(1689171577));
    assert_eq!(value["raw"]["SuiteId"], json!("ww4asffe99e54c0f4c"));
}

// ---------------------------------------------------------------------------------------------
// open-endedness
// ---------------------------------------------------------------------------------------------

#[test]
fn an_unknown_change_type_keeps_its_name() {
    let event = parse("unknown_change_type");
    let c = contact(&event);
    assert_eq!(c.change_type, ContactChange::Unknown("upgrade_external_contact_v9".into()));
    assert!(c.change_type.is_unknown() && event.kind.is_unknown());
    assert_eq!(c.user_id.as_deref(), Some("zhangsan"), "the known fields are still typed");
    assert_eq!(to_value(&event)["changeType"], json!("upgrade_external_contact_v9"));
    assert_eq!(c.change_type.to_string(), "upgrade_external_contact_v9");
}

#[test]
fn an_unknown_event_keeps_its_name_and_fields() {
    let event = parse("unknown_event");
    assert_eq!(event.kind, EventKind::Unknown { event: "change_external_universe".into() });
    assert_eq!(event.create_time, Some(1403610513));
    let extra: Vec<&str> = event.extra().map(|(name, _)| name).collect();
    assert_eq!(extra, ["ChangeType", "GalaxyId", "StarCount"]);
    let value = to_value(&event);
    assert_eq!(value["event"], json!("change_external_universe"));
    assert_eq!(value["raw"]["ChangeType"], json!("expand"));
    assert_eq!(value["raw"]["GalaxyId"], json!("g-42"));
    assert_eq!(value["raw"]["StarCount"], json!("100000000000"));
    assert_eq!(
        value.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(["createTime", "event", "fromUserName", "msgType", "raw", "toUserName"].map(String::from).to_vec())
    );
}

#[test]
fn fields_nobody_has_seen_are_kept_in_raw() {
    let event = parse("unknown_fields");
    assert_eq!(contact(&event).change_type, ContactChange::AddExternalContact);
    let extra: Vec<&str> = event.extra().map(|(name, _)| name).collect();
    assert_eq!(extra, ["NewFlag", "Remark", "Channel", "Tag"]);
    assert_eq!(event.raw.text("NewFlag"), Some("1"));
    // CDATA is verbatim: entities inside it are not references.
    assert_eq!(event.raw.text("Remark"), Some("a &lt;b&gt; &amp; c &#x4E2D;&#25991;"));
    let value = to_value(&event);
    assert_eq!(value["raw"]["Channel"], json!({ "Kind": "video", "Ids": { "Id": ["1", "2"] } }));
    assert_eq!(value["raw"]["Tag"], json!(["t1", "t2"]));
    assert_eq!(event.raw.get("Tag").and_then(RawValue::as_list).map(<[RawValue]>::len), Some(2));
    assert_eq!(event.raw.text("Tag"), Some("t1"), "text() reads the first of a repeated field");
    assert!(value.get("newFlag").is_none(), "unmodeled fields live in raw only");
}

#[test]
fn plain_text_and_lenient_numbers() {
    let event = parse("plain_text_lenient_numbers");
    assert_eq!(event.to_user_name.as_deref(), Some("ww0123456789abcdef"));
    assert_eq!(event.create_time, None, "not a number: None, no error");
    assert_eq!(event.raw.text("CreateTime"), Some("not-a-time"));
    let c = chat(&event);
    assert_eq!(c.join_scene, None);
    assert_eq!(event.raw.text("JoinScene"), Some("three"));
    assert_eq!(c.mem_change_cnt, Some(7), "whitespace around a number is fine");
    assert!(c.mem_change_list.is_empty());
    let value = to_value(&event);
    assert!(value.get("createTime").is_none() && value.get("joinScene").is_none());
    assert!(value.get("memChangeList").is_none());
    assert_eq!(value["raw"]["MemChangeList"], json!(""));
    assert_eq!(value["raw"]["CreateTime"], json!("not-a-time"));
}

#[test]
fn a_message_that_is_not_an_event() {
    let event = parse("text_message");
    assert_eq!(event.kind, EventKind::Unknown { event: String::new() });
    assert_eq!(event.msg_type.as_deref(), Some("text"));
    assert_eq!(event.create_time, Some(1348831860));
    assert_eq!(event.change_type(), None);
    let value = to_value(&event);
    assert_eq!(value["event"], json!(""));
    assert_eq!(value["msgType"], json!("text"));
    assert_eq!(value["raw"]["Content"], json!("this is a test"));
    assert_eq!(value["raw"]["MsgId"], json!("1234567890123456"));
    // An `Event` inside a non-event message does not make it one.
    let odd = "<xml><MsgType>text</MsgType><Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType></xml>";
    assert_eq!(parse_event(odd).expect("ok").kind, EventKind::Unknown { event: "change_external_contact".into() });
}

#[test]
fn open_enums_round_trip_their_wecom_strings() {
    fn check<T: PartialEq + core::fmt::Debug + serde::Serialize>(
        known: &[T],
        parse: fn(&str) -> T,
        as_str: fn(&T) -> &str,
    ) {
        for value in known {
            assert_eq!(&parse(as_str(value)), value);
            assert_eq!(serde_json::to_value(value).expect("json"), json!(as_str(value)));
        }
        let unknown = parse("never_seen_before");
        assert_eq!(as_str(&unknown), "never_seen_before");
        assert_eq!(serde_json::to_value(&unknown).expect("json"), json!("never_seen_before"));
    }
    check(ContactChange::KNOWN, ContactChange::parse, ContactChange::as_str);
    check(ChatChange::KNOWN, ChatChange::parse, ChatChange::as_str);
    check(TagChange::KNOWN, TagChange::parse, TagChange::as_str);
    check(AcquisitionChange::KNOWN, AcquisitionChange::parse, AcquisitionChange::as_str);
    check(UpdateDetail::KNOWN, UpdateDetail::parse, UpdateDetail::as_str);
    check(TagType::KNOWN, TagType::parse, TagType::as_str);
    check(FailReason::KNOWN, FailReason::parse, FailReason::as_str);
    check(DeleteSource::KNOWN, DeleteSource::parse, DeleteSource::as_str);
    assert_eq!(ContactChange::KNOWN.len(), 7);
    assert_eq!(AcquisitionChange::KNOWN.len(), 10);
    assert_eq!(ContactChange::from("del_follow_user"), ContactChange::DelFollowUser);
}

#[test]
fn a_missing_change_type_is_unknown_and_empty() {
    let event =
        parse_event("<xml><MsgType>event</MsgType><Event>change_external_tag</Event><Id>x</Id></xml>").expect("ok");
    assert_eq!(tag(&event).change_type, TagChange::Unknown(String::new()));
    assert_eq!(to_value(&event)["changeType"], json!(""));
}

// ---------------------------------------------------------------------------------------------
// XML details that are accepted
// ---------------------------------------------------------------------------------------------

#[test]
fn accepted_xml_forms() {
    // Predefined entities and character references in plain text; a BOM; comments; declaration.
    let event = parse_event(
        "\u{feff}<?xml version=\"1.0\"?><!-- c --><xml><State>a &lt;&amp;&gt; &quot;&apos; &#20013;&#x6587;</State><!-- c --><Empty/><Blank></Blank></xml>\n<!-- after -->\n",
    )
    .expect("ok");
    assert_eq!(event.raw.text("State"), Some("a <&> \"' 中文"));
    assert_eq!(event.raw.text("Empty"), Some(""));
    assert_eq!(event.raw.text("Blank"), Some(""));
    // Whitespace inside a text field is kept; CDATA and text pieces join.
    let event = parse_event("<xml><A>  x  </A><B>1<![CDATA[<2>]]>3</B></xml>").expect("ok");
    assert_eq!(event.raw.text("A"), Some("  x  "));
    assert_eq!(event.raw.text("B"), Some("1<2>3"));
    // An empty root is a message with no fields.
    let event = parse_event("<xml/>").expect("ok");
    assert!(event.raw.is_empty());
    assert_eq!(event.kind, EventKind::Unknown { event: String::new() });
    // Nesting up to MAX_DEPTH levels below <xml> is kept.
    let depth = MAX_DEPTH;
    let deep = format!("<xml>{}v{}</xml>", "<a>".repeat(depth), "</a>".repeat(depth));
    let event = parse_event(&deep).expect("MAX_DEPTH levels are fine");
    let mut value = event.raw.get("a").expect("a");
    for _ in 1..depth {
        value = value.as_map().and_then(|m| m.get("a")).expect("nested a");
    }
    assert_eq!(value.as_text(), Some("v"));
    // Exactly 1 MiB is accepted.
    let head = "<xml><A>";
    let tail = "</A></xml>";
    let body = "x".repeat(MAX_EVENT_BYTES - head.len() - tail.len());
    let exact = format!("{head}{body}{tail}");
    assert_eq!(exact.len(), MAX_EVENT_BYTES);
    assert_eq!(parse_event(&exact).expect("1 MiB is fine").raw.text("A").map(str::len), Some(body.len()));
}

// ---------------------------------------------------------------------------------------------
// hostile and broken input: typed errors
// ---------------------------------------------------------------------------------------------

#[test]
fn doctype_and_entities_are_refused() {
    let xxe = r#"<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><State>&xxe;</State></xml>"#;
    assert!(bad_xml(xxe).contains("DOCTYPE"));
    let laughs = r#"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xml><A>&lol2;</A></xml>"#;
    assert!(bad_xml(laughs).contains("DOCTYPE"));
    let inner = "<xml><!DOCTYPE x><A>1</A></xml>";
    assert!(bad_xml(inner).contains("DOCTYPE"));
    // A reference to an entity nobody declared.
    assert!(bad_xml("<xml><State>&xxe;</State></xml>").contains("&xxe;"));
    assert!(bad_xml("<xml><State>a &nbsp; b</State></xml>").contains("entity"));
    // Character references must name an XML character.
    for bad in ["&#0;", "&#xD800;", "&#x110000;", "&#1;", "&#;", "&#x;", "&#+65;", "&#X41;", "&#12a;"] {
        bad_xml(&format!("<xml><A>{bad}</A></xml>"));
    }
    // A bare ampersand.
    bad_xml("<xml><A>a & b</A></xml>");
    // Processing instructions, a late declaration.
    bad_xml("<xml><?php echo 1; ?><A>1</A></xml>");
    bad_xml("<xml><A>1</A></xml><?xml version=\"1.0\"?>");
}

#[test]
fn unclosed_and_mismatched_tags_are_refused() {
    for input in [
        "<xml>",
        "<xml><A>1</A>",
        "<xml><A>1</xml>",
        "<xml><A>1",
        "<xml><A><![CDATA[1]]></A",
        "<xml><A><![CDATA[1</A></xml>",
        "<xml><A>1</B></xml>",
        "<xml><a><b></a></b></xml>",
        "<xml></A></xml>",
        "</xml>",
        "<xml><A 1</A></xml>",
        "<xml><!-- never closed </xml>",
    ] {
        bad_xml(input);
    }
    assert!(bad_xml("<xml><A>1").contains("not closed"));
}

#[test]
fn nested_garbage_is_refused() {
    let too_deep = format!("<xml>{}v{}</xml>", "<a>".repeat(MAX_DEPTH + 1), "</a>".repeat(MAX_DEPTH + 1));
    assert!(bad_xml(&too_deep).contains("deeper"));
    let too_deep_empty = format!("<xml>{}<b/>{}</xml>", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
    assert!(bad_xml(&too_deep_empty).contains("deeper"));
    let very_deep = format!("<xml>{}", "<a>".repeat(100_000));
    assert!(bad_xml(&very_deep).contains("deeper"));
    for input in [
        "<xml>hello<A>1</A></xml>",
        "<xml><A>1</A>stray</xml>",
        "<xml><![CDATA[x]]><A>1</A></xml>",
        "<xml><A>text<B>1</B></A></xml>",
        "<xml><A><B>1</B>text</A></xml>",
        "<xml><A><B>1</B><![CDATA[x]]></A></xml>",
        "<xml><A>1</A></xml><xml><B>2</B></xml>",
        "<xml><A>1</A></xml>trailing",
        "<xml><A>1</A></xml><B/>",
        "leading<xml><A>1</A></xml>",
        "<![CDATA[x]]><xml/>",
        "<xml><A>&#60;</A><B>x</B>&amp;</xml>",
    ] {
        bad_xml(input);
    }
}

#[test]
fn size_and_empty_input() {
    let big = format!("<xml><A>{}</A></xml>", "x".repeat(2 * 1024 * 1024 - 18));
    assert_eq!(big.len(), 2 * 1024 * 1024);
    let err = parse_event(&big).expect_err("2 MiB");
    assert_eq!(err, CallbackError::TooLarge { limit: 1024 * 1024, actual: 2 * 1024 * 1024 });
    assert_eq!(err.code(), "E_CALLBACK_TOO_LARGE");
    let just_over = " ".repeat(MAX_EVENT_BYTES + 1);
    assert!(
        matches!(parse_event(&just_over), Err(CallbackError::TooLarge { actual, .. }) if actual == MAX_EVENT_BYTES + 1)
    );
    for empty in ["", " ", "\n\t\r\n", "\u{feff}"] {
        assert!(bad_xml(empty).contains("empty"), "{empty:?}");
    }
    assert!(bad_xml("<!-- only a comment -->").contains("no <xml>"));
}

#[test]
fn other_roots_and_non_xml_are_refused() {
    for input in ["<root><A>1</A></root>", "<XML><A>1</A></XML>", "<x:xml></x:xml>", "<Xml/>"] {
        assert!(bad_xml(input).contains("root element must be <xml>"), "{input}");
    }
    for input in ["hello", "{\"ToUserName\":\"x\"}", "<", "<>", "<xml", "<<xml/>", "<xml/ >", "\0"] {
        bad_xml(input);
    }
}

#[test]
fn error_messages_stay_short() {
    let long_name = "N".repeat(10_000);
    let message = bad_xml(&format!("<{long_name}/>"));
    assert!(message.chars().count() < 200, "{}", message.len());
    let message = bad_xml(&format!("<xml>{}<A>1</A></xml>", "t".repeat(10_000)));
    assert!(message.chars().count() < 200, "{}", message.len());
    let message = bad_xml(&format!("<xml><A>&{};</A></xml>", "e".repeat(10_000)));
    assert!(message.chars().count() < 200, "{}", message.len());
}

// ---------------------------------------------------------------------------------------------
// no panic, whatever the input
// ---------------------------------------------------------------------------------------------

/// xorshift64*: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Parses and checks the invariants of any answer.
fn check_any(input: &str) {
    match parse_event(input) {
        Ok(event) => {
            let value: Value = serde_json::from_str(&event.to_json()).expect("to_json is JSON");
            assert!(value["event"].is_string() && value["raw"].is_object(), "{input:.200?}");
            assert_eq!(value["raw"].as_object().map(|o| o.len()), Some(event.raw.len()));
            assert!(event.extra().count() <= event.raw.len());
        }
        Err(CallbackError::BadXml(message)) => assert!(message.chars().count() < 300, "{message:.300}"),
        Err(CallbackError::TooLarge { limit, actual }) => assert!(actual > limit),
        Err(other) => panic!("unexpected error kind {other:?}"),
    }
}

const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "&",
    ";",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "<?",
    "?>",
    "<!DOCTYPE x>",
    "&amp;",
    "&#",
    "&#x",
    "&xxe;",
    "xml",
    "<xml>",
    "</xml>",
    "<Item>",
    "</Item>",
    "<MemChangeList>",
    "\"",
    "'",
    "=",
    " ",
    "\n",
    "\u{feff}",
    "中",
    "\0",
    "<A>",
    "</A>",
    "<Event>change_external_chat</Event>",
    "<ChangeType>update</ChangeType>",
    "<MsgType>event</MsgType>",
];

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[test]
fn fuzz_truncated_fixtures() {
    for &(name, ..) in FIXTURES {
        let text = fixture(name);
        for cut in 0..=text.len() {
            if text.is_char_boundary(cut) {
                check_any(&text[..cut]);
                check_any(&text[cut..]);
            }
        }
    }
}

#[test]
fn fuzz_mutated_fixtures() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let texts: Vec<String> = FIXTURES.iter().map(|(name, ..)| fixture(name)).collect();
    for round in 0..20_000 {
        let mut text = texts[round % texts.len()].clone();
        for _ in 0..=rng.below(4) {
            let at = floor_boundary(&text, rng.below(text.len() + 1));
            match rng.below(4) {
                0 => text.insert_str(at, PIECES[rng.below(PIECES.len())]),
                1 => {
                    let end = floor_boundary(&text, (at + rng.below(16)).min(text.len()));
                    text.replace_range(at..end, "");
                }
                2 => {
                    let end = floor_boundary(&text, (at + rng.below(8)).min(text.len()));
                    text.replace_range(at..end, PIECES[rng.below(PIECES.len())]);
                }
                _ => {
                    // Duplicate a slice somewhere else.
                    let end = floor_boundary(&text, (at + rng.below(64)).min(text.len()));
                    let slice = text[at..end].to_owned();
                    let to = floor_boundary(&text, rng.below(text.len() + 1));
                    text.insert_str(to, &slice);
                }
            }
        }
        check_any(&text);
    }
}

#[test]
fn fuzz_random_bytes_and_tokens() {
    let mut rng = Rng(0xdead_beef_cafe_f00d);
    for _ in 0..5_000 {
        let len = rng.below(256);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check_any(&String::from_utf8_lossy(&bytes));
        let mut with_root = String::from("<xml>");
        with_root.push_str(&String::from_utf8_lossy(&bytes));
        check_any(&with_root);
    }
    for _ in 0..10_000 {
        let mut text = String::from(if rng.below(2) == 0 { "<xml>" } else { "" });
        for _ in 0..rng.below(40) {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
        if rng.below(2) == 0 {
            text.push_str("</xml>");
        }
        check_any(&text);
    }
}

#[test]
fn large_hostile_inputs_stay_fast() {
    let start = std::time::Instant::now();
    // Many distinct names, many repeats, many nested maps: all under 1 MiB, all accepted.
    let mut distinct = String::from("<xml>");
    let mut n = 0;
    while distinct.len() < MAX_EVENT_BYTES - 64 {
        distinct.push_str(&format!("<F{n}/>"));
        n += 1;
    }
    distinct.push_str("</xml>");
    assert_eq!(parse_event(&distinct).expect("distinct").raw.len(), n);
    let repeats = format!("<xml>{}</xml>", "<Item>x</Item>".repeat(70_000));
    let event = parse_event(&repeats).expect("repeats");
    assert_eq!(event.raw.get("Item").map(|v| v.items().len()), Some(70_000));
    let maps = format!("<xml>{}</xml>", "<M><a>1</a><b/></M>".repeat(50_000));
    assert_eq!(parse_event(&maps).expect("maps").raw.get("M").map(|v| v.items().len()), Some(50_000));
    let refs = format!("<xml><A>{}</A></xml>", "&amp;".repeat(200_000));
    assert_eq!(parse_event(&refs).expect("refs").raw.text("A").map(str::len), Some(200_000));
    for input in [&distinct, &repeats, &maps, &refs] {
        check_any(input);
    }
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}
