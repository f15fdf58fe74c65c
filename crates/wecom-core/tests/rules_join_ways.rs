//! Rules of the group join ways 「加入群聊」 (R-JW-01 … R-JW-07, doc 92229): one test per rule
//! id, each with payloads that break exactly that rule (path, rule id, error or warning,
//! message) and boundary payloads that pass.

mod common;

use common::findings::{fails, passes, report_of, report_of_text, warns, with, without, Says};
use serde_json::{json, Value};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::{AddJoinWayRequest, AutoCreateRoom, GetJoinWayResponse, JoinWayScene, JoinWaySceneInfo};
use wecom_core::{endpoints, validate_json};

const ADD: &str = "externalcontact/groupchat/add_join_way";
const GET: &str = "externalcontact/groupchat/get_join_way";
const UPDATE: &str = "externalcontact/groupchat/update_join_way";
const DEL: &str = "externalcontact/groupchat/del_join_way";

const CONFIG_ID: &str = "9ad7fa5cdaa6511298498f979c472aaa";
const ONLY_WITH_AUTO_CREATE: &str =
    "is only used when auto_create_room is 1 (create groups automatically): it is ignored";

fn required() -> Says {
    Says::Is(Msg::Required)
}

fn chars(max: usize, actual: usize) -> Says {
    Says::Is(Msg::MaxChars { max, actual })
}

fn type_error(expected: &'static str, actual: &'static str) -> Says {
    Says::Is(Msg::Type { expected, actual })
}

fn chats(n: usize) -> Value {
    Value::Array((0..n).map(|i| json!(format!("wrOgQhDgAAH2Yy-CTZ6POca8mlBEd{i:03}"))).collect())
}

/// A minimal add_join_way payload.
fn add() -> Value {
    json!({ "scene": 2, "chat_id_list": chats(1) })
}

/// A minimal update_join_way payload (a full overwrite: scene and chat_id_list again).
fn update() -> Value {
    json!({ "config_id": CONFIG_ID, "scene": 2, "chat_id_list": chats(1) })
}

/// The add and update payloads, for the settings both take.
fn both() -> [(&'static str, Value); 2] {
    [(ADD, add()), (UPDATE, update())]
}

#[test]
fn r_jw_01_scene_required_1_or_2() {
    let one_of = |actual| Says::Is(Msg::OneOf { allowed: &[1, 2], actual });
    fails(ADD, &without(&add(), "scene"), &[("/scene", "R-JW-01", required())]);
    fails(ADD, &with(&add(), json!({ "scene": null })), &[("/scene", "R-JW-01", required())]);
    for (endpoint, base) in both() {
        fails(endpoint, &with(&base, json!({ "scene": 0 })), &[("/scene", "R-JW-01", one_of(0))]);
        fails(endpoint, &with(&base, json!({ "scene": 3 })), &[("/scene", "R-JW-01", one_of(3))]);
        fails(
            endpoint,
            &with(&base, json!({ "scene": "2" })),
            &[("/scene", "json-type", type_error("integer", "string"))],
        );
        passes(endpoint, &with(&base, json!({ "scene": 1 })));
        passes(endpoint, &with(&base, json!({ "scene": 2 })));
    }
    assert_eq!(JoinWayScene::from_value(1), Some(JoinWayScene::MiniProgram));
    assert_eq!(JoinWayScene::from_value(3), None);
}

/// 「超过30个字符将被截断」: unlike a contact way's remark (R-CW-04, an error), a join way's
/// remark past 30 characters is cut off by WeCom, so the request is sent with a warning.
#[test]
fn r_jw_02_remark_past_30_chars_is_truncated_a_warning() {
    for (endpoint, base) in both() {
        let remark = |s: String| with(&base, json!({ "remark": s }));
        passes(endpoint, &remark("备".repeat(30)));
        warns(endpoint, &remark("备".repeat(31)), &[("/remark", "R-JW-02", chars(30, 31))]);
        // Characters are Unicode scalar values: an emoji counts once, a combining mark once.
        passes(endpoint, &remark("🎉".repeat(30)));
        warns(endpoint, &remark("🎉".repeat(31)), &[("/remark", "R-JW-02", chars(30, 31))]);
        warns(endpoint, &remark("e\u{301}".repeat(16)), &[("/remark", "R-JW-02", chars(30, 32))]);
        passes(endpoint, &remark("a".repeat(30)));
        passes(endpoint, &remark(String::new()));
        warns(endpoint, &remark("a".repeat(1000)), &[("/remark", "R-JW-02", chars(30, 1000))]);
        // Of the wrong type: a type error only, never measured.
        fails(
            endpoint,
            &with(&base, json!({ "remark": ["x".repeat(40)] })),
            &[("/remark", "json-type", type_error("string", "array"))],
        );
    }
    // Counted on the decoded text, not on its escapes.
    let escaped = |n| format!(r#"{{"scene":2,"chat_id_list":["c"],"remark":"{}"}}"#, r"\u5907".repeat(n));
    let r = report_of_text(ADD, &escaped(30));
    assert!(r.is_valid() && r.warnings.is_empty(), "{r:?}");
    let r = report_of_text(ADD, &escaped(31));
    assert!(r.is_valid(), "{r:?}");
    assert_eq!(r.warnings.iter().map(|i| (i.path.as_str(), i.rule)).collect::<Vec<_>>(), [("/remark", "R-JW-02")]);
    // With strict, the warning blocks the request like an error.
    let strict = wecom_core::validate_json_with(
        ADD,
        &with(&add(), json!({ "remark": "x".repeat(31) })).to_string(),
        wecom_core::validate::Options { strict: true },
    )
    .expect("declared");
    assert_eq!(strict.errors.iter().map(|i| i.rule).collect::<Vec<_>>(), ["R-JW-02"]);
    // The contact way's remark stays an error (R-CW-04): the two rules differ on purpose.
    let cw = validate_json(
        "externalcontact/add_contact_way",
        &json!({ "type": 1, "scene": 2, "user": ["a"], "remark": "x".repeat(31) }).to_string(),
    )
    .expect("declared");
    assert_eq!(cw.errors.iter().map(|i| i.rule).collect::<Vec<_>>(), ["R-CW-04"]);
}

#[test]
fn r_jw_03_auto_create_room_and_room_base_settings() {
    let one_of = |actual| Says::Is(Msg::OneOf { allowed: &[0, 1], actual });
    for (endpoint, base) in both() {
        fails(endpoint, &with(&base, json!({ "auto_create_room": 2 })), &[("/auto_create_room", "R-JW-03", one_of(2))]);
        fails(
            endpoint,
            &with(&base, json!({ "auto_create_room": -1 })),
            &[("/auto_create_room", "R-JW-03", one_of(-1))],
        );
        fails(
            endpoint,
            &with(&base, json!({ "auto_create_room": true })),
            &[("/auto_create_room", "json-type", type_error("integer", "boolean"))],
        );
        // room_base_name: at most 40 characters (an error: no truncation is documented).
        let name = |s: String| with(&base, json!({ "auto_create_room": 1, "room_base_name": s }));
        passes(endpoint, &name("群".repeat(40)));
        fails(endpoint, &name("群".repeat(41)), &[("/room_base_name", "R-JW-03", chars(40, 41))]);
        // Both room_base settings are only used with automatic groups: ignored otherwise.
        let off = with(&base, json!({ "auto_create_room": 0 }));
        passes(endpoint, &off);
        warns(
            endpoint,
            &with(&off, json!({ "room_base_name": "销售客服群" })),
            &[("/room_base_name", "R-JW-03", Says::En(ONLY_WITH_AUTO_CREATE))],
        );
        warns(
            endpoint,
            &with(&off, json!({ "room_base_name": "销售客服群", "room_base_id": 10 })),
            &[
                ("/room_base_name", "R-JW-03", Says::En(ONLY_WITH_AUTO_CREATE)),
                ("/room_base_id", "R-JW-03", Says::En(ONLY_WITH_AUTO_CREATE)),
            ],
        );
        // Boundary: 1, or absent (the default is 1), takes them.
        passes(
            endpoint,
            &with(&base, json!({ "auto_create_room": 1, "room_base_name": "销售客服群", "room_base_id": 10 })),
        );
        passes(endpoint, &with(&base, json!({ "room_base_name": "销售客服群", "room_base_id": 0 })));
        fails(
            endpoint,
            &with(&base, json!({ "room_base_id": -1 })),
            &[("/room_base_id", "integer-range", Says::Is(Msg::Range { min: 0, max: u32::MAX as i64, actual: -1 }))],
        );
    }
    // The typed request leaves auto_create_room out unless it is set (WeCom's default is 1).
    let typed = AddJoinWayRequest {
        scene: JoinWayScene::QrCode,
        chat_id_list: vec!["wrOgQhDgAAH2".into()],
        ..Default::default()
    };
    let v = serde_json::to_value(&typed).expect("serializable");
    assert!(v.get("auto_create_room").is_none(), "{v}");
    passes(ADD, &v);
    let off = AddJoinWayRequest { auto_create_room: Some(AutoCreateRoom::No), ..typed };
    assert_eq!(serde_json::to_value(&off).expect("serializable")["auto_create_room"], 0);
}

#[test]
fn r_jw_04_chat_id_list_1_to_5_chats() {
    let too_many = |actual| Says::Is(Msg::MaxItems { max: 5, actual });
    fails(ADD, &without(&add(), "chat_id_list"), &[("/chat_id_list", "R-JW-04", required())]);
    for (endpoint, base) in both() {
        fails(
            endpoint,
            &with(&base, json!({ "chat_id_list": [] })),
            &[("/chat_id_list", "R-JW-04", Says::Is(Msg::MinItems { min: 1, actual: 0 }))],
        );
        fails(
            endpoint,
            &with(&base, json!({ "chat_id_list": chats(6) })),
            &[("/chat_id_list", "R-JW-04", too_many(6))],
        );
        fails(
            endpoint,
            &with(&base, json!({ "chat_id_list": chats(100) })),
            &[("/chat_id_list", "R-JW-04", too_many(100))],
        );
        fails(
            endpoint,
            &with(&base, json!({ "chat_id_list": ["wr1", 2] })),
            &[("/chat_id_list/1", "json-type", type_error("string", "integer"))],
        );
        passes(endpoint, &with(&base, json!({ "chat_id_list": chats(1) })));
        passes(endpoint, &with(&base, json!({ "chat_id_list": chats(5) })));
    }
    // WeCom's own answer for more than five: 41091, a parameter error.
    let info = errcode::lookup(41091).expect("41091 in the errcode table");
    assert_eq!(info.class, ErrorClass::Param);
    assert!(info.title.contains('5'), "{}", info.title);
}

#[test]
fn r_jw_05_state_at_most_30_chars() {
    for (endpoint, base) in both() {
        let state = |s: String| with(&base, json!({ "state": s }));
        passes(endpoint, &state("渠".repeat(30)));
        fails(endpoint, &state("渠".repeat(31)), &[("/state", "R-JW-05", chars(30, 31))]);
        passes(endpoint, &state("klsdup3kj3s1".into()));
        fails(endpoint, &state("k".repeat(31)), &[("/state", "R-JW-05", chars(30, 31))]);
    }
}

#[test]
fn r_jw_06_update_overwrites_and_the_quota_is_shared() {
    // Update is a full overwrite: scene and chat_id_list are required again.
    fails(
        UPDATE,
        &json!({ "config_id": CONFIG_ID }),
        &[("/scene", "R-JW-06", required()), ("/chat_id_list", "R-JW-06", required())],
    );
    fails(UPDATE, &without(&update(), "scene"), &[("/scene", "R-JW-06", required())]);
    fails(UPDATE, &with(&update(), json!({ "chat_id_list": null })), &[("/chat_id_list", "R-JW-06", required())]);
    passes(UPDATE, &update());
    // The 500,000 API-created ways are shared with contact ways: 41045, a quota.
    let info = errcode::lookup(41045).expect("41045 in the errcode table");
    assert_eq!(info.class, ErrorClass::Quota);
    assert!(info.hint.contains("join way"), "{}", info.hint);
    // The client cannot count them: a payload is never refused for the quota.
    passes(ADD, &add());
}

#[test]
fn r_jw_07_config_id_required() {
    for (endpoint, base) in [(GET, json!({})), (DEL, json!({})), (UPDATE, without(&update(), "config_id"))] {
        fails(endpoint, &base, &[("/config_id", "R-JW-07", required())]);
        fails(endpoint, &with(&base, json!({ "config_id": "" })), &[("/config_id", "R-JW-07", required())]);
        fails(endpoint, &with(&base, json!({ "config_id": null })), &[("/config_id", "R-JW-07", required())]);
        fails(
            endpoint,
            &with(&base, json!({ "config_id": 42 })),
            &[("/config_id", "json-type", type_error("string", "integer"))],
        );
        passes(endpoint, &with(&base, json!({ "config_id": CONFIG_ID })));
    }
    // get/del take nothing else.
    warns(
        DEL,
        &json!({ "config_id": CONFIG_ID, "scene": 2 }),
        &[("/scene", "unknown-field", Says::Is(Msg::UnknownField))],
    );
}

/// The join-way endpoints are declared as the docs say, and get_join_way's answer reads a scene
/// WeCom adds later instead of failing.
#[test]
fn join_way_endpoints_are_declared_as_documented() {
    for (path, write) in [(ADD, true), (GET, false), (UPDATE, true), (DEL, true)] {
        let ep = endpoints::find(path).unwrap_or_else(|| panic!("{path} is not declared"));
        assert_eq!(ep.method, endpoints::Method::Post, "{path}");
        assert_eq!((ep.write, ep.doc_page), (write, 92229), "{path}");
        let report = report_of(path, &common::valid_payloads()[path]);
        assert!(report.is_valid() && report.warnings.is_empty(), "{path}: {report:?}");
    }
    let answer: GetJoinWayResponse = serde_json::from_value(json!({
        "errcode": 0, "errmsg": "ok",
        "join_way": { "config_id": CONFIG_ID, "scene": 9, "auto_create_room": 7, "chat_id_list": ["wr1"] }
    }))
    .expect("an unknown scene still parses");
    assert_eq!(answer.join_way.scene, JoinWaySceneInfo::Other(9));
    assert_eq!(answer.join_way.auto_create_room.map(|a| a.value()), Some(7));
    assert!(answer.join_way.qr_code.is_none());
    // A scene left out reads as 0 (no scene WeCom defines), like a missing integer would.
    let bare: GetJoinWayResponse =
        serde_json::from_value(json!({ "errcode": 0, "join_way": { "config_id": CONFIG_ID } })).expect("lenient");
    assert_eq!(bare.join_way.scene, JoinWaySceneInfo::Other(0));
}
