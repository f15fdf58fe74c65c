//! Conformance tests of the customer-group rules (R-GC-01 … R-GC-03, rules.md §1.6): one test
//! per rule id, each with payloads that break exactly that rule (path, rule id, message, error or
//! warning) and boundary payloads that pass; plus the typed answers (open enums).

mod common;

use serde_json::{json, Value};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::*;
use wecom_core::paging::Pager;
use wecom_core::{endpoints, validate_json, Paging, Report};

const LIST: &str = "externalcontact/groupchat/list";
const GET: &str = "externalcontact/groupchat/get";
const OPENGID: &str = "externalcontact/opengid_to_chatid";

const OFFSET_DEPRECATED: &str = "offset + limit paging is deprecated by WeCom: page with cursor + limit instead";

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// The lenient report of `payload`; the tape path must report the same.
fn check(endpoint: &str, payload: &Value) -> Report {
    let text = payload.to_string();
    let report = validate_json(endpoint, &text).expect("a declared endpoint");
    common::assert_tape_agrees(endpoints::find(endpoint).expect("a declared endpoint").request, &text, &report);
    report
}

/// Asserts exactly these errors (path, rule, message), in order, and no warning.
fn errors(endpoint: &str, payload: &Value, expected: &[(&str, &str, Msg)]) {
    let r = check(endpoint, payload);
    let got: Vec<(&str, &str, Msg)> = r.errors.iter().map(|i| (i.path.as_str(), i.rule, i.msg.clone())).collect();
    let want: Vec<(&str, &str, Msg)> = expected.iter().map(|(p, id, m)| (*p, *id, m.clone())).collect();
    assert_eq!(got, want, "{endpoint} {payload}");
    assert!(r.warnings.is_empty(), "{endpoint} {payload}: {:?}", r.warnings);
}

/// Asserts no error and exactly these warnings (path, rule), in order.
fn sent_with(endpoint: &str, payload: &Value, expected: &[(&str, &str)]) -> Report {
    let r = check(endpoint, payload);
    assert!(r.errors.is_empty(), "{endpoint} {payload}: {:?}", r.errors);
    let got: Vec<(&str, &str)> = r.warnings.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, expected, "{endpoint} {payload}");
    r
}

fn clean(endpoint: &str, payload: &Value) {
    sent_with(endpoint, payload, &[]);
}

fn owners(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("owner{i:04}")).collect()
}

// ---------------------------------------------------------------------------------------------
// groupchat/list
// ---------------------------------------------------------------------------------------------

#[test]
fn r_gc_01_group_list_limit_required_status_filter_owner_filter_and_the_deprecated_offset() {
    let range = |min, max, actual| Msg::Range { min, max, actual };
    // limit is required, 1 to 1000.
    errors(LIST, &json!({}), &[("/limit", "R-GC-01", Msg::Required)]);
    errors(LIST, &json!({ "limit": null }), &[("/limit", "R-GC-01", Msg::Required)]);
    errors(LIST, &json!({ "limit": 0 }), &[("/limit", "R-GC-01", range(1, 1000, 0))]);
    errors(LIST, &json!({ "limit": 1001 }), &[("/limit", "R-GC-01", range(1, 1000, 1001))]);
    clean(LIST, &json!({ "limit": 1 }));
    clean(LIST, &json!({ "limit": 1000 }));
    // status_filter: a closed enum 0–3.
    for bad in [-1, 4] {
        errors(
            LIST,
            &json!({ "limit": 10, "status_filter": bad }),
            &[("/status_filter", "R-GC-01", Msg::OneOf { allowed: &[0, 1, 2, 3], actual: bad })],
        );
    }
    for good in 0..=3 {
        clean(LIST, &json!({ "limit": 10, "status_filter": good }));
    }
    // owner_filter.userid_list: at most 100.
    errors(
        LIST,
        &json!({ "limit": 10, "owner_filter": { "userid_list": owners(101) } }),
        &[("/owner_filter/userid_list", "R-GC-01", Msg::MaxItems { max: 100, actual: 101 })],
    );
    clean(LIST, &json!({ "limit": 10, "owner_filter": { "userid_list": owners(100) } }));
    clean(LIST, &json!({ "limit": 10, "owner_filter": {} }));
    // The legacy offset: deprecated by the docs, so sent with a warning (offset + limit ≤ 50 000).
    let r = sent_with(LIST, &json!({ "limit": 100, "offset": 0 }), &[("/offset", "R-GC-01")]);
    assert!(matches!(&r.warnings[0].msg, Msg::Text(t) if t.en == OFFSET_DEPRECATED));
    let r = check(LIST, &json!({ "limit": 100, "offset": 50_000 }));
    let found: Vec<(&str, &str, &Msg)> = r.errors.iter().map(|i| (i.path.as_str(), i.rule, &i.msg)).collect();
    assert_eq!(found, [("/offset", "R-GC-01", &range(0, 49_999, 50_000))]);
    assert_eq!(r.warnings.len(), 1, "still deprecated: {:?}", r.warnings);
    // Without owner_filter a large visible range fails at WeCom with 81017: not the client's call.
    assert_eq!(errcode::lookup(81017).map(|e| e.class), Some(ErrorClass::Param));
    // Cursor paging over group_chat_list; every page the pager writes stays valid.
    let ep = endpoints::GROUPCHAT_LIST.info;
    assert_eq!(
        ep.paging,
        Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "group_chat_list" })
    );
    assert_eq!(ep.page_item().map(|m| m.name), Some("GroupChatRef"));
    let mut pager = Pager::new(ep, json!({ "limit": 1000, "status_filter": 1 })).unwrap();
    pager
        .advance(&json!({ "errcode": 0, "group_chat_list": [{ "chat_id": "wrA", "status": 1 }], "next_cursor": "N" }))
        .unwrap();
    clean(LIST, &Value::Object(pager.next_payload().cloned().unwrap()));
    // The typed request: limit is a plain number, the enum serializes to its value.
    let typed = GroupChatListRequest {
        status_filter: Some(GroupChatStatusFilter::Inherited),
        limit: 1000,
        ..Default::default()
    };
    assert_eq!(serde_json::to_value(&typed).unwrap(), json!({ "status_filter": 3, "limit": 1000 }));
    // Group status in the answer is open: 0–3 known, anything later kept.
    let page: GroupChatListResponse = serde_json::from_value(json!({
        "errcode": 0, "errmsg": "ok",
        "group_chat_list": [{ "chat_id": "wrA", "status": 0 }, { "chat_id": "wrB", "status": 7 }],
        "next_cursor": "",
    }))
    .unwrap();
    let statuses: Vec<GroupChatStatus> = page.group_chat_list.iter().map(|g| g.status).collect();
    assert_eq!(statuses, [GroupChatStatus::Normal, GroupChatStatus::Other(7)]);
}

// ---------------------------------------------------------------------------------------------
// groupchat/get
// ---------------------------------------------------------------------------------------------

#[test]
fn r_gc_02_group_get_needs_chat_id_and_need_name_is_0_or_1() {
    errors(GET, &json!({}), &[("/chat_id", "R-GC-02", Msg::Required)]);
    errors(GET, &json!({ "chat_id": "" }), &[("/chat_id", "R-GC-02", Msg::Required)]);
    errors(
        GET,
        &json!({ "chat_id": "wrA", "need_name": 2 }),
        &[("/need_name", "R-GC-02", Msg::OneOf { allowed: &[0, 1], actual: 2 })],
    );
    errors(
        GET,
        &json!({ "chat_id": "wrA", "need_name": true }),
        &[("/need_name", "json-type", Msg::Type { expected: "integer", actual: "boolean" })],
    );
    clean(GET, &json!({ "chat_id": "wrA" }));
    clean(GET, &json!({ "chat_id": "wrA", "need_name": 0 }));
    clean(GET, &json!({ "chat_id": "wrA", "need_name": 1 }));
    // An unknown chat_id is WeCom's to say (40050, a parameter error).
    assert_eq!(errcode::lookup(40050).map(|e| e.class), Some(ErrorClass::Param));
    // The answer: member type and join_scene are open enums; names only with need_name = 1.
    let answer: GroupChatGetResponse =
        serde_json::from_value(common::fixture_json(&common::response_fixture_name(GET)))
            .expect("the fixture is a GroupChatGetResponse");
    let chat = &answer.group_chat;
    assert_eq!((chat.owner.as_str(), chat.member_list.len(), chat.admin_list.len()), ("ZhuShengBen", 2, 2));
    let kinds: Vec<(GroupChatMemberType, GroupChatJoinScene)> =
        chat.member_list.iter().map(|m| (m.r#type, m.join_scene)).collect();
    assert_eq!(
        kinds,
        [
            (GroupChatMemberType::Member, GroupChatJoinScene::DirectInvite),
            (GroupChatMemberType::External, GroupChatJoinScene::QrCode)
        ]
    );
    assert_eq!(chat.member_list.first().and_then(|m| m.invitor.as_ref()).map(|i| i.userid.as_str()), Some("jack"));
    let later: GroupChatMember =
        serde_json::from_value(json!({ "userid": "wmX", "type": 3, "join_time": 1, "join_scene": 4 })).unwrap();
    assert_eq!((later.r#type, later.join_scene), (GroupChatMemberType::Other(3), GroupChatJoinScene::Other(4)));
    assert!(later.name.is_none() && later.unionid.is_none());
}

// ---------------------------------------------------------------------------------------------
// opengid_to_chatid
// ---------------------------------------------------------------------------------------------

#[test]
fn r_gc_03_opengid_required_and_its_validity_judged_by_the_server() {
    errors(OPENGID, &json!({}), &[("/opengid", "R-GC-03", Msg::Required)]);
    errors(OPENGID, &json!({ "opengid": "" }), &[("/opengid", "R-GC-03", Msg::Required)]);
    errors(
        OPENGID,
        &json!({ "opengid": 42 }),
        &[("/opengid", "json-type", Msg::Type { expected: "string", actual: "integer" })],
    );
    clean(OPENGID, &json!({ "opengid": "oAAAAAAA" }));
    // Whether the group is the corp's own customer group is WeCom's to say: 90511.
    let info = errcode::lookup(90511).expect("90511 in the errcode table");
    assert_eq!((info.class, info.title), (ErrorClass::Param, "opengid不存在或者无效"));
    let answer: OpengidToChatidResponse =
        serde_json::from_value(json!({ "errcode": 0, "errmsg": "ok", "chat_id": "wrA" })).unwrap();
    assert_eq!(answer.chat_id, "wrA");
}
