//! Rules of the corp tags (R-TG-01 … R-TG-08, doc 92117/92118) and the strategy tags (R-TG-09 …
//! R-TG-12, doc 94882): one test per rule id, each with payloads that break exactly that rule
//! (path, rule id, error or warning, message) and boundary payloads that pass.

mod common;

use common::findings::{fails, passes, report_of, warns, with, without, Says};
use serde_json::{json, Value};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::{AddCorpTagItem, AddCorpTagRequest, MarkTagRequest};
use wecom_core::{endpoints, rules, validate_json};

const GET: &str = "externalcontact/get_corp_tag_list";
const ADD: &str = "externalcontact/add_corp_tag";
const EDIT: &str = "externalcontact/edit_corp_tag";
const DEL: &str = "externalcontact/del_corp_tag";
const MARK: &str = "externalcontact/mark_tag";
const S_GET: &str = "externalcontact/get_strategy_tag_list";
const S_ADD: &str = "externalcontact/add_strategy_tag";
const S_EDIT: &str = "externalcontact/edit_strategy_tag";
const S_DEL: &str = "externalcontact/del_strategy_tag";

const U32_MAX: i64 = u32::MAX as i64;

// The English texts of the cross-field messages.
const TAG_ID_IGNORED: &str = "is ignored when group_id is given too: only group_id filters";
const IGNORED_WITH_GROUP_ID: &str = "is ignored when group_id is given (the tags go into that group)";
const GROUP_NEEDED: &str = "needs group_id (an existing group) or group_name (a new group, or an existing one by name)";
const NOTHING_TO_DELETE: &str = "tag_id and group_id must not both be empty";
const NOTHING_TO_MARK: &str = "add_tag and remove_tag must not both be empty";

fn required() -> Says {
    Says::Is(Msg::Required)
}

fn too_long(max: usize, actual: usize) -> Says {
    Says::Is(Msg::MaxChars { max, actual })
}

fn order_range(actual: i64) -> Says {
    Says::Is(Msg::Range { min: 0, max: U32_MAX, actual })
}

fn class(code: i64) -> ErrorClass {
    errcode::lookup(code).unwrap_or_else(|| panic!("{code} is not in the errcode table")).class
}

/// A minimal add_corp_tag payload: a new group by name with one tag.
fn add() -> Value {
    json!({ "group_name": "客户等级", "tag": [{ "name": "VIP" }] })
}

/// A minimal add_strategy_tag payload.
fn s_add() -> Value {
    json!({ "strategy_id": 1, "group_name": "客户等级", "tag": [{ "name": "VIP" }] })
}

fn tags(n: usize) -> Value {
    Value::Array((0..n).map(|i| json!({ "name": format!("标签{i}"), "order": i })).collect())
}

/// The checks add_corp_tag and add_strategy_tag share, with the rule id of each.
fn adding_tags(endpoint: &str, base: &Value, rule: &'static str) {
    // At least one tag: no empty groups.
    fails(endpoint, &without(base, "tag"), &[("/tag", rule, required())]);
    fails(endpoint, &with(base, json!({ "tag": null })), &[("/tag", rule, required())]);
    fails(
        endpoint,
        &with(base, json!({ "tag": [] })),
        &[("/tag", rule, Says::Is(Msg::MinItems { min: 1, actual: 0 }))],
    );
    // Each tag has a name of at most 30 characters.
    fails(endpoint, &with(base, json!({ "tag": [{ "order": 1 }] })), &[("/tag/0/name", rule, required())]);
    fails(endpoint, &with(base, json!({ "tag": [{ "name": "" }] })), &[("/tag/0/name", rule, required())]);
    fails(
        endpoint,
        &with(base, json!({ "tag": [{ "name": "VIP" }, { "name": "级".repeat(31) }] })),
        &[("/tag/1/name", rule, too_long(30, 31))],
    );
    passes(endpoint, &with(base, json!({ "tag": [{ "name": "级".repeat(30) }] })));
    passes(endpoint, &with(base, json!({ "tag": [{ "name": "🏷".repeat(30) }] })));
    // The group's name too.
    fails(endpoint, &with(base, json!({ "group_name": "组".repeat(31) })), &[("/group_name", rule, too_long(30, 31))]);
    passes(endpoint, &with(base, json!({ "group_name": "组".repeat(30) })));
    // order is a uint32 for the group and for each tag: [0, 2^32).
    fails(endpoint, &with(base, json!({ "order": -1 })), &[("/order", rule, order_range(-1))]);
    fails(endpoint, &with(base, json!({ "order": U32_MAX + 1 })), &[("/order", rule, order_range(U32_MAX + 1))]);
    fails(
        endpoint,
        &with(base, json!({ "tag": [{ "name": "a", "order": U32_MAX + 1 }] })),
        &[("/tag/0/order", rule, order_range(U32_MAX + 1))],
    );
    fails(
        endpoint,
        &with(base, json!({ "tag": [{ "name": "a", "order": -1 }] })),
        &[("/tag/0/order", rule, order_range(-1))],
    );
    passes(endpoint, &with(base, json!({ "order": 0, "tag": [{ "name": "a", "order": U32_MAX }] })));
    passes(endpoint, &with(base, json!({ "order": U32_MAX, "tag": [{ "name": "a", "order": 0 }] })));
    // group_id or group_name names the group; with group_id, name and order are ignored.
    fails(endpoint, &without(base, "group_name"), &[("", rule, Says::En(GROUP_NEEDED))]);
    fails(endpoint, &with(base, json!({ "group_name": "" })), &[("", rule, Says::En(GROUP_NEEDED))]);
    let into = with(&without(base, "group_name"), json!({ "group_id": "etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA" }));
    passes(endpoint, &into);
    warns(
        endpoint,
        &with(&into, json!({ "group_name": "客户等级" })),
        &[("/group_name", rule, Says::En(IGNORED_WITH_GROUP_ID))],
    );
    warns(endpoint, &with(&into, json!({ "order": 5 })), &[("/order", rule, Says::En(IGNORED_WITH_GROUP_ID))]);
    warns(
        endpoint,
        &with(&into, json!({ "group_name": "客户等级", "order": 5 })),
        &[("/group_name", rule, Says::En(IGNORED_WITH_GROUP_ID)), ("/order", rule, Says::En(IGNORED_WITH_GROUP_ID))],
    );
    // Many tags in one call are fine (duplicate names are merged by WeCom).
    passes(endpoint, &with(base, json!({ "tag": tags(100) })));
    passes(endpoint, &with(base, json!({ "tag": [{ "name": "VIP" }, { "name": "VIP" }] })));
}

/// The checks edit_corp_tag and edit_strategy_tag share.
fn editing(endpoint: &str, rule: &'static str) {
    let id = "etAJ2GCAAAjuNiyxgPiyAeONpbS5ZAAA";
    fails(endpoint, &json!({ "name": "新名字" }), &[("/id", rule, required())]);
    fails(endpoint, &json!({ "id": "" }), &[("/id", rule, required())]);
    fails(endpoint, &json!({ "id": null, "order": 1 }), &[("/id", rule, required())]);
    fails(
        endpoint,
        &json!({ "id": 7 }),
        &[("/id", "json-type", Says::Is(Msg::Type { expected: "string", actual: "integer" }))],
    );
    fails(endpoint, &json!({ "id": id, "name": "名".repeat(31) }), &[("/name", rule, too_long(30, 31))]);
    fails(endpoint, &json!({ "id": id, "order": -1 }), &[("/order", rule, order_range(-1))]);
    fails(endpoint, &json!({ "id": id, "order": U32_MAX + 1 }), &[("/order", rule, order_range(U32_MAX + 1))]);
    passes(endpoint, &json!({ "id": id }));
    passes(endpoint, &json!({ "id": id, "name": "名".repeat(30), "order": U32_MAX }));
    passes(endpoint, &json!({ "id": id, "name": "a".repeat(30), "order": 0 }));
}

/// The checks del_corp_tag and del_strategy_tag share.
fn deleting(endpoint: &str, rule: &'static str) {
    let nothing = || [("", rule, Says::En(NOTHING_TO_DELETE))];
    fails(endpoint, &json!({}), &nothing());
    fails(endpoint, &json!({ "tag_id": [], "group_id": [] }), &nothing());
    // null is no list (a type error of its own) and deletes nothing.
    fails(
        endpoint,
        &json!({ "tag_id": null }),
        &[
            ("/tag_id", "json-type", Says::Is(Msg::Type { expected: "array", actual: "null" })),
            ("", rule, Says::En(NOTHING_TO_DELETE)),
        ],
    );
    passes(endpoint, &json!({ "tag_id": ["TAG_ID_1"] }));
    passes(endpoint, &json!({ "group_id": ["GROUP_ID_1"] }));
    passes(endpoint, &json!({ "tag_id": ["TAG_ID_1", "TAG_ID_2"], "group_id": ["GROUP_ID_1"] }));
}

/// The checks get_corp_tag_list and get_strategy_tag_list share: both filters → tag_id ignored.
fn reading(endpoint: &str, rule: &'static str) {
    let both = json!({ "tag_id": ["etXXXXXXXXXX"], "group_id": ["etZZZZZZZZZZZZZ"] });
    warns(endpoint, &both, &[("/tag_id", rule, Says::En(TAG_ID_IGNORED))]);
    // With strict, what WeCom ignores blocks the request.
    let strict =
        wecom_core::validate_json_with(endpoint, &both.to_string(), wecom_core::validate::Options { strict: true })
            .expect("declared");
    assert_eq!(strict.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect::<Vec<_>>(), [("/tag_id", rule)]);
    // Boundary: one filter, none, or an empty list beside the other.
    passes(endpoint, &json!({}));
    passes(endpoint, &json!({ "tag_id": ["etXXXXXXXXXX", "etYYYYYYYYYY"] }));
    passes(endpoint, &json!({ "group_id": ["etZZZZZZZZZZZZZ"] }));
    passes(endpoint, &json!({ "tag_id": [], "group_id": ["etZZZZZZZZZZZZZ"] }));
    passes(endpoint, &json!({ "tag_id": ["etXXXXXXXXXX"], "group_id": [] }));
    fails(
        endpoint,
        &json!({ "tag_id": "etXXXXXXXXXX" }),
        &[("/tag_id", "json-type", Says::Is(Msg::Type { expected: "array", actual: "string" }))],
    );
}

// ---------------------------------------------------------------------------------------------
// corp tags
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tg_01_tag_count_is_judged_by_the_server() {
    // 3000 corp and strategy tags at most: the client cannot count them; WeCom answers 40126.
    let info = errcode::lookup(40126).expect("40126 in the errcode table");
    assert_eq!(info.class, ErrorClass::Quota);
    assert!(info.title.contains("3000"), "{}", info.title);
    assert!(info.hint.contains("3000"), "{}", info.hint);
    // So a large add is not refused by the client.
    passes(ADD, &with(&add(), json!({ "tag": tags(500) })));
    passes(S_ADD, &with(&s_add(), json!({ "tag": tags(500) })));
}

#[test]
fn r_tg_02_add_corp_tag_names_orders_and_group() {
    adding_tags(ADD, &add(), "R-TG-02");
    // agentid (old multi-app suites) is an optional integer.
    passes(ADD, &with(&add(), json!({ "agentid": 1_000_014 })));
    fails(
        ADD,
        &with(&add(), json!({ "agentid": "1000014" })),
        &[("/agentid", "json-type", Says::Is(Msg::Type { expected: "integer", actual: "string" }))],
    );
    // A typed request serializes to a payload that passes, and reads back the same.
    let typed = AddCorpTagRequest {
        group_name: Some("客户等级".into()),
        order: Some(u32::MAX),
        tag: vec![AddCorpTagItem { name: "VIP".into(), order: Some(0) }],
        ..Default::default()
    };
    let text = serde_json::to_string(&typed).expect("serializable");
    let report = validate_json(ADD, &text).expect("declared");
    assert!(report.is_valid() && report.warnings.is_empty(), "{text}: {report:?}");
    assert_eq!(serde_json::from_str::<AddCorpTagRequest>(&text).ok(), Some(typed));
}

#[test]
fn r_tg_03_edit_corp_tag_needs_id_name_at_most_30() {
    editing(EDIT, "R-TG-03");
    passes(EDIT, &json!({ "id": "TAG_ID", "agentid": 1_000_014 }));
    // A name taken by another group or tag is WeCom's verdict (40071), not the client's.
    assert_eq!(class(40071), ErrorClass::Param);
    assert_eq!(class(40072), ErrorClass::Param);
}

#[test]
fn r_tg_04_del_corp_tag_needs_tag_id_or_group_id() {
    deleting(DEL, "R-TG-04");
    // agentid alone deletes nothing.
    fails(DEL, &json!({ "agentid": 1_000_014 }), &[("", "R-TG-04", Says::En(NOTHING_TO_DELETE))]);
    passes(DEL, &json!({ "group_id": ["GROUP_ID_1"], "agentid": 1_000_014 }));
}

#[test]
fn r_tg_05_get_corp_tag_list_both_filters_ignore_tag_id() {
    reading(GET, "R-TG-05");
}

#[test]
fn r_tg_06_mark_tag_needs_member_customer_and_a_change() {
    let base = json!({ "userid": "zhangsan", "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA" });
    let add_one = with(&base, json!({ "add_tag": ["TAGID1"] }));
    fails(MARK, &without(&add_one, "userid"), &[("/userid", "R-TG-06", required())]);
    fails(MARK, &with(&add_one, json!({ "external_userid": "" })), &[("/external_userid", "R-TG-06", required())]);
    fails(
        MARK,
        &json!({ "add_tag": ["TAGID1"] }),
        &[("/userid", "R-TG-06", required()), ("/external_userid", "R-TG-06", required())],
    );
    // add_tag and remove_tag must not both be empty.
    let nothing = [("", "R-TG-06", Says::En(NOTHING_TO_MARK))];
    fails(MARK, &base, &nothing);
    fails(MARK, &with(&base, json!({ "add_tag": [], "remove_tag": [] })), &nothing);
    fails(
        MARK,
        &with(&base, json!({ "add_tag": null, "remove_tag": [] })),
        &[("/add_tag", "json-type", Says::Is(Msg::Type { expected: "array", actual: "null" })), nothing[0].clone()],
    );
    // Boundary: either list alone, or both; several tags of one group are allowed.
    passes(MARK, &add_one);
    passes(MARK, &with(&base, json!({ "remove_tag": ["TAGID3"] })));
    passes(MARK, &with(&base, json!({ "add_tag": ["TAGID1", "TAGID2"], "remove_tag": ["TAGID3", "TAGID4"] })));
    // Not the member's customer: WeCom's 84061, business state.
    assert_eq!(class(84061), ErrorClass::State);
    // The typed request leaves unset lists out.
    let typed = MarkTagRequest {
        userid: "zhangsan".into(),
        external_userid: "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA".into(),
        remove_tag: Some(vec!["TAGID3".into()]),
        ..Default::default()
    };
    let v = serde_json::to_value(&typed).expect("serializable");
    assert!(v.get("add_tag").is_none(), "{v}");
    passes(MARK, &v);
}

#[test]
fn r_tg_07_tag_write_permissions_are_judged_by_the_server() {
    // The client does not know which app created a tag or which secret the token comes from:
    // editing and deleting any tag, and every strategy-tag call, pass client validation …
    passes(EDIT, &json!({ "id": "etCreatedByAnotherApp", "name": "x" }));
    passes(DEL, &json!({ "group_id": ["etCreatedByAnotherApp"] }));
    passes(S_ADD, &s_add());
    passes(S_DEL, &json!({ "tag_id": ["etStrategyTag"] }));
    // … and WeCom's refusals are configuration errors, never retried.
    assert_eq!(class(48002), ErrorClass::Config);
    assert_eq!(class(60011), ErrorClass::Config);
    let rule = rules::info("R-TG-07").expect("catalogued");
    assert!(rule.en.contains("judged by the server") && rule.zh.contains("客户联系"));
}

#[test]
fn r_tg_08_invalid_tag_id_is_errcode_40068() {
    let info = errcode::lookup(40068).expect("40068 in the errcode table");
    assert_eq!(info.class, ErrorClass::Param);
    assert_eq!(info.title, "不合法的标签/标签组ID");
    // Tag ids are opaque strings to the client: any non-empty id is sent.
    passes(MARK, &json!({ "userid": "u", "external_userid": "wm1", "add_tag": ["not-a-real-id", "x"] }));
    passes(GET, &json!({ "tag_id": ["?"] }));
}

// ---------------------------------------------------------------------------------------------
// strategy tags (doc 94882; ids continuing the R-TG series)
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tg_09_get_strategy_tag_list_filters() {
    reading(S_GET, "R-TG-09");
    // strategy_id is an optional filter (an integer).
    passes(S_GET, &json!({ "strategy_id": 1 }));
    passes(S_GET, &json!({ "strategy_id": 1, "group_id": ["etZZZZZZZZZZZZZ"] }));
    warns(
        S_GET,
        &json!({ "strategy_id": 1, "tag_id": ["a"], "group_id": ["b"] }),
        &[("/tag_id", "R-TG-09", Says::En(TAG_ID_IGNORED))],
    );
    fails(
        S_GET,
        &json!({ "strategy_id": "1" }),
        &[("/strategy_id", "json-type", Says::Is(Msg::Type { expected: "integer", actual: "string" }))],
    );
    fails(
        S_GET,
        &json!({ "strategy_id": -1 }),
        &[("/strategy_id", "integer-range", Says::Is(Msg::Range { min: 0, max: U32_MAX, actual: -1 }))],
    );
}

#[test]
fn r_tg_10_add_strategy_tag_needs_strategy_id() {
    fails(S_ADD, &without(&s_add(), "strategy_id"), &[("/strategy_id", "R-TG-10", required())]);
    fails(S_ADD, &with(&s_add(), json!({ "strategy_id": null })), &[("/strategy_id", "R-TG-10", required())]);
    adding_tags(S_ADD, &s_add(), "R-TG-10");
    // Strategy tags take no agentid: an unknown member is sent with a warning.
    warns(
        S_ADD,
        &with(&s_add(), json!({ "agentid": 1 })),
        &[("/agentid", "unknown-field", Says::Is(Msg::UnknownField))],
    );
}

#[test]
fn r_tg_11_edit_strategy_tag_cannot_move_tags() {
    editing(S_EDIT, "R-TG-11");
    // The strategy group cannot be changed: strategy_id is not an edit member (ignored: a warning).
    warns(
        S_EDIT,
        &json!({ "id": "TAG_ID", "strategy_id": 2 }),
        &[("/strategy_id", "unknown-field", Says::Is(Msg::UnknownField))],
    );
}

#[test]
fn r_tg_12_del_strategy_tag_needs_tag_id_or_group_id() {
    deleting(S_DEL, "R-TG-12");
}

// ---------------------------------------------------------------------------------------------
// declarations
// ---------------------------------------------------------------------------------------------

/// The tag endpoints are declared as the docs say: POST, reads retried, writes never resent.
#[test]
fn tag_endpoints_are_declared_as_documented() {
    let expect: [(&str, bool, u32); 9] = [
        (GET, false, 92117),
        (ADD, true, 92117),
        (EDIT, true, 92117),
        (DEL, true, 92117),
        (MARK, true, 92118),
        (S_GET, false, 94882),
        (S_ADD, true, 94882),
        (S_EDIT, true, 94882),
        (S_DEL, true, 94882),
    ];
    for (path, write, page) in expect {
        let ep = endpoints::find(path).unwrap_or_else(|| panic!("{path} is not declared"));
        assert_eq!(ep.method, endpoints::Method::Post, "{path}");
        assert_eq!((ep.write, ep.doc_page), (write, page), "{path}");
        assert!(ep.paging.is_none() && ep.deprecated.is_none(), "{path}");
    }
    // The minimal payloads of the fixtures pass without a finding.
    for path in [GET, ADD, EDIT, DEL, MARK, S_GET, S_ADD, S_EDIT, S_DEL] {
        let report = report_of(path, &common::valid_payloads()[path]);
        assert!(report.is_valid() && report.warnings.is_empty(), "{path}: {report:?}");
    }
}
