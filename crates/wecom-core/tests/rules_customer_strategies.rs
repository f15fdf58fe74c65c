//! Conformance tests of the customer-strategy rules (R-SG-01 … R-SG-07, doc 94883; the shared
//! range node R-SG's endpoints use is R-SC-01, tested in rules_strategy_common.rs): one test per
//! rule id, each with payloads that break exactly that rule (path, rule id, message, error or
//! warning) and boundary payloads that pass; plus the typed answers and the cursor paging.

mod common;

use common::findings::{passes, refused_at as rejects, report_of, sent_with as warns};

use serde_json::{json, Value};
use wecom_core::messages::Msg;
use wecom_core::models::*;
use wecom_core::{endpoints, Paging};

const LIST: &str = "externalcontact/customer_strategy/list";
const GET: &str = "externalcontact/customer_strategy/get";
const RANGE: &str = "externalcontact/customer_strategy/get_range";
const CREATE: &str = "externalcontact/customer_strategy/create";
const EDIT: &str = "externalcontact/customer_strategy/edit";
const DEL: &str = "externalcontact/customer_strategy/del";

fn users(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("user{i:04}")).collect()
}

/// `n` range nodes, members and departments alternating.
fn nodes(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            if i % 2 == 0 {
                json!({ "type": 1, "userid": format!("user{i:04}") })
            } else {
                json!({ "type": 2, "partyid": i })
            }
        })
        .collect()
}

fn fixture<T: serde::de::DeserializeOwned>(path: &str) -> T {
    serde_json::from_value(common::fixture_json(&common::response_fixture_name(path))).unwrap()
}

#[test]
fn r_sg_01_list_limit_and_cursor_paging() {
    passes(LIST, &json!({}));
    passes(LIST, &json!({ "limit": 1, "cursor": "CURSOR" }));
    passes(LIST, &json!({ "limit": 1000 }));
    for bad in [0, 1001] {
        let r = rejects(LIST, &json!({ "limit": bad }), &[("/limit", "R-SG-01")]);
        assert_eq!(r.errors[0].msg, Msg::Range { min: 1, max: 1000, actual: bad });
    }
    assert_eq!(
        endpoints::CUSTOMER_STRATEGY_LIST.info.paging,
        Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "strategy" })
    );
    let answer: CustomerStrategyListResponse = fixture(LIST);
    assert_eq!(answer.strategy.iter().map(|s| s.strategy_id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(answer.next_cursor.as_deref(), Some("NEXT_CURSOR"));
}

#[test]
fn r_sg_02_get_needs_the_strategy_id() {
    let r = rejects(GET, &json!({}), &[("/strategy_id", "R-SG-02")]);
    assert_eq!(r.errors[0].msg, Msg::Required);
    rejects(GET, &json!({ "strategy_id": null }), &[("/strategy_id", "R-SG-02")]);
    passes(GET, &json!({ "strategy_id": 0 }));
    let answer: CustomerStrategyGetResponse = fixture(GET);
    assert_eq!(answer.strategy.parent_id, 0);
    assert_eq!(answer.strategy.admin_list, ["zhangsan", "lisi"]);
    assert!(answer.strategy.privilege.join_room && answer.strategy.privilege.manage_customer_tag);
}

#[test]
fn r_sg_03_get_range_needs_the_strategy_id_and_pages_by_cursor() {
    rejects(RANGE, &json!({ "limit": 10 }), &[("/strategy_id", "R-SG-03")]);
    passes(RANGE, &json!({ "strategy_id": 1, "limit": 1000, "cursor": "CURSOR" }));
    let r = rejects(RANGE, &json!({ "strategy_id": 1, "limit": 1001 }), &[("/limit", "R-SG-03")]);
    assert_eq!(r.errors[0].msg, Msg::Range { min: 1, max: 1000, actual: 1001 });
    rejects(RANGE, &json!({ "strategy_id": 1, "limit": 0 }), &[("/limit", "R-SG-03")]);
    assert_eq!(
        endpoints::CUSTOMER_STRATEGY_GET_RANGE.info.paging,
        Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "range" })
    );
    let answer: CustomerStrategyGetRangeResponse = fixture(RANGE);
    assert_eq!(answer.range.len(), 2);
    assert_eq!(answer.range[0].userid.as_deref(), Some("zhangsan"));
    assert_eq!(answer.range[1].partyid, Some(1));
    // A node kind WeCom adds later still parses (an open enum).
    let later: StrategyRangeItem = serde_json::from_value(json!({ "type": 3 })).unwrap();
    assert_eq!(later.r#type.value(), 3);
}

#[test]
fn r_sg_04_create_name_admins_range_and_the_inherited_privilege() {
    let base = || json!({ "strategy_name": "NAME", "admin_list": ["zhangsan"] });
    passes(CREATE, &base());
    // strategy_name and admin_list are required; admin_list holds 1 to 20 managers.
    let r = rejects(CREATE, &json!({}), &[("/strategy_name", "R-SG-04"), ("/admin_list", "R-SG-04")]);
    assert!(r.errors.iter().all(|i| i.msg == Msg::Required));
    let r = rejects(CREATE, &json!({ "strategy_name": "NAME", "admin_list": [] }), &[("/admin_list", "R-SG-04")]);
    assert_eq!(r.errors[0].msg, Msg::MinItems { min: 1, actual: 0 });
    let r =
        rejects(CREATE, &json!({ "strategy_name": "NAME", "admin_list": users(21) }), &[("/admin_list", "R-SG-04")]);
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 20, actual: 21 });
    passes(CREATE, &json!({ "strategy_name": "NAME", "admin_list": users(20) }));
    // range: at most 100 nodes (members and departments together) in one call.
    let mut p = base();
    p["range"] = json!(nodes(101));
    let r = rejects(CREATE, &p, &[("/range", "R-SG-04")]);
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 100, actual: 101 });
    p["range"] = json!(nodes(100));
    passes(CREATE, &p);
    // A child strategy inherits its parent's privileges: a privilege sent with it is ignored.
    let r = warns(
        CREATE,
        &json!({ "parent_id": 1, "strategy_name": "NAME", "admin_list": ["zhangsan"], "privilege": { "send_customer_msg": false } }),
        &[("/privilege", "R-SG-04")],
    );
    assert!(matches!(&r.warnings[0].msg, Msg::Text(t) if t.en.starts_with("privilege is ignored with a parent_id")));
    passes(CREATE, &json!({ "parent_id": 1, "strategy_name": "NAME", "admin_list": ["zhangsan"] }));
    passes(
        CREATE,
        &json!({ "strategy_name": "NAME", "admin_list": ["zhangsan"], "privilege": { "send_customer_msg": false } }),
    );
    // Privilege flags are booleans, each optional; an unknown flag is a warning, not an error.
    let r = report_of(CREATE, &json!({ "strategy_name": "N", "admin_list": ["a"], "privilege": { "rapid_reply": 1 } }));
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert_eq!(r.errors[0].path, "/privilege/rapid_reply");
    let answer: CustomerStrategyCreateResponse = fixture(CREATE);
    assert_eq!(answer.strategy_id, 1);
}

#[test]
fn r_sg_05_edit_admins_and_range_add_plus_range_del_per_call() {
    passes(EDIT, &json!({ "strategy_id": 1 }));
    rejects(EDIT, &json!({ "strategy_name": "NAME" }), &[("/strategy_id", "R-SG-05")]);
    let r = rejects(EDIT, &json!({ "strategy_id": 1, "admin_list": users(21) }), &[("/admin_list", "R-SG-05")]);
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 20, actual: 21 });
    passes(EDIT, &json!({ "strategy_id": 1, "admin_list": users(20) }));
    // range_add and range_del are counted together: 100 nodes per call, reported at the object.
    let r =
        rejects(EDIT, &json!({ "strategy_id": 1, "range_add": nodes(60), "range_del": nodes(41) }), &[("", "R-SG-05")]);
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 100, actual: 101 });
    rejects(EDIT, &json!({ "strategy_id": 1, "range_add": nodes(101) }), &[("", "R-SG-05")]);
    rejects(EDIT, &json!({ "strategy_id": 1, "range_del": nodes(101) }), &[("", "R-SG-05")]);
    passes(EDIT, &json!({ "strategy_id": 1, "range_add": nodes(60), "range_del": nodes(40) }));
    passes(EDIT, &json!({ "strategy_id": 1, "range_add": nodes(100), "range_del": [] }));
    // A list of the wrong type counts 0 (its type error is reported on its own).
    let r = report_of(EDIT, &json!({ "strategy_id": 1, "range_add": nodes(100), "range_del": "x" }));
    assert_eq!(r.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect::<Vec<_>>(), [("/range_del", "json-type")]);
    // Nodes are checked one by one (R-SC-01).
    let r = report_of(EDIT, &json!({ "strategy_id": 1, "range_add": [{ "type": 1 }] }));
    assert_eq!(
        r.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect::<Vec<_>>(),
        [("/range_add/0/userid", "R-SC-01")]
    );
}

#[test]
fn r_sg_06_del_needs_the_strategy_id() {
    let r = rejects(DEL, &json!({}), &[("/strategy_id", "R-SG-06")]);
    assert_eq!(r.errors[0].msg, Msg::Required);
    rejects(DEL, &json!({ "strategy_id": "1" }), &[("/strategy_id", "json-type")]);
    passes(DEL, &json!({ "strategy_id": 1 }));
    let answer: ErrcodeResponse = fixture(DEL);
    assert_eq!(serde_json::to_value(answer).unwrap()["errcode"], 0);
}

#[test]
fn r_sg_07_tree_and_size_limits_are_server_side() {
    // What only WeCom knows (the super admin, 3000 nodes and 5 levels per strategy, a child's
    // range inside its parent's, serial calls) is not the client's to reject: the largest
    // payloads a single call may carry pass.
    passes(CREATE, &json!({ "parent_id": 4, "strategy_name": "NAME", "admin_list": users(20), "range": nodes(100) }));
    passes(EDIT, &json!({ "strategy_id": 5, "admin_list": users(20), "range_add": nodes(50), "range_del": nodes(50) }));
    assert!(wecom_core::rules::CATALOGUE.iter().any(|r| r.id == "R-SG-07" && r.en.contains("checked by WeCom")));
}
