//! Conformance tests of the customer rules (R-CU-01 … R-CU-09, issue 11): one test per rule id,
//! each with a payload that breaks exactly that rule (path, rule id, error or warning) and a
//! boundary payload that passes. Server-side rules check the errcode table and that the client
//! does not reject.

mod common;

use common::*;
use serde_json::{json, Value};
use wecom_core::endpoints::{self, Method, Paging};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::*;
use wecom_core::rules;
use wecom_core::schema::{Kind, Model};
use wecom_core::validate::Issue;
use wecom_core::validate_json;

const CHECK: &str = "externalcontact/check_follow_user";
const LIST: &str = "externalcontact/list";
const GET: &str = "externalcontact/get";
const BATCH: &str = "externalcontact/batch/get_by_user";
const REMARK: &str = "externalcontact/remark";
const CONTACTS: &str = "externalcontact/contact_list";
const LEGACY: &str = "crm/get_external_contact";
const UNIONID: &str = "externalcontact/unionid_to_external_userid";

const CUSTOMER: &str = "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA";

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// Error or warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sev {
    E,
    W,
}

/// Every finding of `payload` as `(severity, path, rule, message)`, errors first.
fn findings(endpoint: &str, payload: &Value) -> Vec<(Sev, String, &'static str, Msg)> {
    let report = validate_json(endpoint, &payload.to_string()).expect("a declared endpoint");
    let tag = |sev: Sev| move |i: &Issue| (sev, i.path.clone(), i.rule, i.msg.clone());
    report.errors.iter().map(tag(Sev::E)).chain(report.warnings.iter().map(tag(Sev::W))).collect()
}

/// Asserts exactly these findings (message included).
fn expect(endpoint: &str, payload: &Value, want: &[(Sev, &str, &str, Msg)]) {
    let got = findings(endpoint, payload);
    let want: Vec<(Sev, String, &str, Msg)> =
        want.iter().map(|(s, p, r, m)| (*s, p.to_string(), *r, m.clone())).collect();
    assert_eq!(got, want, "{endpoint} {payload}");
}

/// Asserts one finding with a fixed cross-field text (compared by its English wording).
fn expect_text(endpoint: &str, payload: &Value, sev: Sev, path: &str, rule: &str, en: &str) {
    let got = findings(endpoint, payload);
    assert_eq!(got.len(), 1, "{endpoint} {payload}: {got:?}");
    let (s, p, r, m) = &got[0];
    assert_eq!((*s, p.as_str(), *r), (sev, path, rule), "{endpoint} {payload}");
    assert!(matches!(m, Msg::Text(t) if t.en == en), "{endpoint} {payload}: {m:?}");
}

/// Asserts that the payload passes without any finding.
fn passes(endpoint: &str, payload: &Value) {
    expect(endpoint, payload, &[]);
}

/// `base` with the members of `extra` added or replaced.
fn with(base: &Value, extra: Value) -> Value {
    let mut out = base.clone();
    if let (Value::Object(o), Value::Object(e)) = (&mut out, extra) {
        o.extend(e);
    }
    out
}

fn userids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("member{i:03}")).collect()
}

fn class(code: i64) -> ErrorClass {
    errcode::lookup(code).unwrap_or_else(|| panic!("errcode {code} is not in the table")).class
}

fn required(path: &str, rule: &str) -> (Sev, String, String, Msg) {
    (Sev::E, path.to_string(), rule.to_string(), Msg::Required)
}

/// Asserts that each of these payloads fails only with `required` at `path` under `rule`.
fn requires(endpoint: &str, payloads: &[Value], path: &str, rule: &str) {
    for p in payloads {
        let got: Vec<(Sev, String, String, Msg)> =
            findings(endpoint, p).into_iter().map(|(s, pa, r, m)| (s, pa, r.to_string(), m)).collect();
        assert_eq!(got, [required(path, rule)], "{endpoint} {p}");
    }
}

fn remark() -> Value {
    json!({ "userid": "zhangsan", "external_userid": CUSTOMER })
}

fn customer_page(followers: &[&str], next: Option<&str>) -> Reply {
    let follow: Vec<Value> = followers
        .iter()
        .map(|u| json!({ "userid": u, "remark": "", "description": "", "createtime": 1, "add_way": 1 }))
        .collect();
    let mut body = json!({
        "errcode": 0,
        "errmsg": "ok",
        "external_contact": { "external_userid": CUSTOMER, "name": "李四", "type": 2 },
        "follow_user": follow,
    });
    if let (Some(c), Value::Object(o)) = (next, &mut body) {
        o.insert("next_cursor".into(), json!(c));
    }
    ok(body)
}

// ---------------------------------------------------------------------------------------------
// R-CU
// ---------------------------------------------------------------------------------------------

#[test]
fn r_cu_01_list_needs_the_members_userid() {
    requires(LIST, &[json!({}), json!({ "userid": "" }), json!({ "userid": null })], "/userid", "R-CU-01");
    expect(
        LIST,
        &json!({ "userid": ["zhangsan"] }),
        &[(Sev::E, "/userid", "json-type", Msg::Type { expected: "string", actual: "array" })],
    );
    passes(LIST, &json!({ "userid": "zhangsan" }));
    // A GET: the userid goes in the query string.
    assert_eq!(endpoints::LIST_EXTERNAL_CONTACT.info.method, Method::Get);
    let c =
        client(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(fixture_json("responses/externalcontact_list.json"))]));
    let answer = block_on(
        c.send_typed(endpoints::LIST_EXTERNAL_CONTACT, &ListExternalContactRequest { userid: "zhang san".into() }),
    )
    .unwrap();
    assert_eq!(answer.external_userid.len(), 2);
    let sent = &c.transport().requests()[1];
    assert_eq!(url_path(&sent.url), "/cgi-bin/externalcontact/list");
    assert_eq!(query_param(&sent.url, "userid"), Some("zhang%20san"));
    assert!(sent.body.is_none());
    // Members without customer contact are judged by WeCom.
    assert_eq!(class(84074), ErrorClass::Config);
}

#[test]
fn r_cu_02_get_needs_external_userid_and_pages_followers_by_cursor() {
    requires(
        GET,
        &[json!({}), json!({ "cursor": "C1" }), json!({ "external_userid": "" })],
        "/external_userid",
        "R-CU-02",
    );
    passes(GET, &json!({ "external_userid": CUSTOMER }));
    passes(GET, &json!({ "external_userid": CUSTOMER, "cursor": "" }));
    assert_eq!(class(41035), ErrorClass::Param);
    // Declared paging: follow_user by cursor.
    let info = endpoints::GET_EXTERNAL_CONTACT.info;
    assert_eq!(info.paging, Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "follow_user" }));
    assert_eq!(info.page_item().map(|m| m.name), Some("FollowUser"));
    // Through the client: each page is a GET with the cursor in the query.
    let fake = Fake::new(vec![
        token_reply(TOKENS[0], 7200),
        customer_page(&["u1", "u2"], Some("C1")),
        customer_page(&["u3"], Some("")),
    ]);
    let c = client(fake);
    let request = GetExternalContactRequest { external_userid: CUSTOMER.into(), cursor: None };
    let mut pages = c.pages(endpoints::GET_EXTERNAL_CONTACT, &request).unwrap();
    let mut followers = Vec::new();
    while let Some(page) = block_on(pages.next_page()).unwrap() {
        assert_eq!(page.external_contact.external_userid, CUSTOMER);
        followers.extend(page.follow_user.into_iter().map(|f| f.userid));
    }
    assert_eq!(followers, ["u1", "u2", "u3"]);
    let sent: Vec<_> = c.transport().requests().into_iter().filter(|r| !is_gettoken(r)).collect();
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|r| r.method == Method::Get && r.body.is_none()));
    assert_eq!(query_param(&sent[0].url, "cursor"), None);
    assert_eq!(query_param(&sent[1].url, "cursor"), Some("C1"));
    assert_eq!(query_param(&sent[1].url, "external_userid"), Some(CUSTOMER));
}

#[test]
fn r_cu_03_batch_get_by_user_1_to_100_userids_and_a_clamped_limit() {
    requires(BATCH, &[json!({}), json!({ "userid_list": null }), json!({ "limit": 10 })], "/userid_list", "R-CU-03");
    expect(
        BATCH,
        &json!({ "userid_list": [] }),
        &[(Sev::E, "/userid_list", "R-CU-03", Msg::MinItems { min: 1, actual: 0 })],
    );
    expect(
        BATCH,
        &json!({ "userid_list": userids(101) }),
        &[(Sev::E, "/userid_list", "R-CU-03", Msg::MaxItems { max: 100, actual: 101 })],
    );
    // A limit above 100 is clamped by WeCom: sent, with a warning.
    let base = json!({ "userid_list": userids(1) });
    expect(
        BATCH,
        &with(&base, json!({ "limit": 101 })),
        &[(Sev::W, "/limit", "R-CU-03", Msg::Range { min: 1, max: 100, actual: 101 })],
    );
    expect(
        BATCH,
        &with(&base, json!({ "limit": 0 })),
        &[(Sev::W, "/limit", "R-CU-03", Msg::Range { min: 1, max: 100, actual: 0 })],
    );
    // A negative limit is no u32 (an error), and outside 1..=100 too.
    expect(
        BATCH,
        &with(&base, json!({ "limit": -1 })),
        &[
            (Sev::E, "/limit", "integer-range", Msg::Range { min: 0, max: u32::MAX as i64, actual: -1 }),
            (Sev::W, "/limit", "R-CU-03", Msg::Range { min: 1, max: 100, actual: -1 }),
        ],
    );
    // Boundaries.
    passes(BATCH, &json!({ "userid_list": userids(100), "limit": 100, "cursor": "" }));
    passes(BATCH, &with(&base, json!({ "limit": 1 })));
    let info = endpoints::BATCH_GET_BY_USER.info;
    assert_eq!(
        info.paging,
        Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "external_contact_list" })
    );
    assert_eq!(info.page_item().map(|m| m.name), Some("ExternalContactWithFollowInfo"));
    // follow_info carries tag ids, not tag objects.
    let answer: BatchGetByUserResponse =
        serde_json::from_value(fixture_json(&response_fixture_name(BATCH))).expect("typed fixture");
    let second = answer.external_contact_list.get(1).expect("two items");
    assert_eq!(second.follow_info.tag_id.as_ref().map(Vec::len), Some(2));
    assert_eq!(second.external_contact.r#type, CustomerType::WechatUser);
    assert_eq!(class(40032), ErrorClass::Param);
}

#[test]
fn r_cu_04_remark_lengths_and_not_all_empty() {
    requires(REMARK, &[json!({ "external_userid": CUSTOMER, "remark": "r" })], "/userid", "R-CU-04");
    requires(REMARK, &[json!({ "userid": "zhangsan", "remark": "r" })], "/external_userid", "R-CU-04");
    // Nothing to change: all five optional members empty or absent.
    const EMPTY: &str =
        "remark, description, remark_company, remark_mobiles and remark_pic_mediaid must not all be empty";
    expect_text(REMARK, &remark(), Sev::E, "", "R-CU-04", EMPTY);
    expect_text(
        REMARK,
        &with(&remark(), json!({ "remark": "", "description": "", "remark_mobiles": [], "remark_pic_mediaid": "" })),
        Sev::E,
        "",
        "R-CU-04",
        EMPTY,
    );
    // Lengths in characters (the docs' 字符): 20, 150, 20.
    for (field, max) in [("remark", 20), ("description", 150), ("remark_company", 20)] {
        expect(
            REMARK,
            &with(&remark(), json!({ field: "客".repeat(max + 1) })),
            &[(Sev::E, &format!("/{field}"), "R-CU-04", Msg::MaxChars { max, actual: max + 1 })],
        );
        passes(REMARK, &with(&remark(), json!({ field: "客".repeat(max) })));
    }
    // `[""]` clears the phone numbers: a change on its own.
    passes(REMARK, &with(&remark(), json!({ "remark_mobiles": [""] })));
    passes(REMARK, &with(&remark(), json!({ "remark_pic_mediaid": "MEDIAID" })));
    assert!(endpoints::REMARK_EXTERNAL_CONTACT.info.write);
    assert_eq!(class(84061), ErrorClass::State);
}

#[test]
fn r_cu_05_contact_list_cursor_and_temporary_ids_are_server_side() {
    // The cursor's lifetime and the 4-hour tmp_openid are WeCom's: any cursor is client-valid.
    passes(CONTACTS, &json!({}));
    passes(CONTACTS, &json!({ "cursor": "EXPIRED_OR_NOT", "limit": 1000 }));
    expect(
        CONTACTS,
        &json!({ "limit": "1000" }),
        &[(Sev::E, "/limit", "json-type", Msg::Type { expected: "integer", actual: "string" })],
    );
    let info = endpoints::CONTACT_LIST.info;
    assert_eq!(info.paging, Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "info_list" }));
    let answer: ContactListResponse =
        serde_json::from_value(fixture_json(&response_fixture_name(CONTACTS))).expect("typed fixture");
    // Customers carry an external_userid, other contacts only a masked name.
    for c in &answer.info_list {
        assert_eq!(c.external_userid.is_some(), c.is_customer, "{c:?}");
        assert!(!c.tmp_openid.is_empty());
    }
    assert!(rules::info("R-CU-05").is_some_and(|r| r.en.contains("4 hours")));
}

#[test]
fn r_cu_06_answer_enums_keep_values_they_do_not_know() {
    let answer: GetExternalContactResponse =
        serde_json::from_value(fixture_json(&response_fixture_name(GET))).expect("typed fixture");
    let contact = &answer.external_contact;
    assert_eq!((contact.r#type, contact.gender), (CustomerType::WecomUser, Some(Gender::Male)));
    let attrs = contact.external_profile.as_ref().and_then(|p| p.external_attr.as_ref()).expect("external_attr");
    let kinds: Vec<ExternalAttrType> = attrs.iter().map(|a| a.r#type).collect();
    assert_eq!(kinds, [ExternalAttrType::Text, ExternalAttrType::Web, ExternalAttrType::Miniprogram]);
    let ways: Vec<AddWay> = answer.follow_user.iter().map(|f| f.add_way).collect();
    assert_eq!(ways, [AddWay::QrCode, AddWay::CardShare, AddWay::WechatChannels]);
    let tags = answer.follow_user.first().and_then(|f| f.tags.as_ref()).expect("tags");
    let tag_kinds: Vec<FollowTagType> = tags.iter().map(|t| t.r#type).collect();
    assert_eq!(tag_kinds, [FollowTagType::Corp, FollowTagType::Personal, FollowTagType::Strategy]);
    // A personal tag has no id.
    assert!(tags.iter().all(|t| t.tag_id.is_some() == (t.r#type != FollowTagType::Personal)));
    let channels = answer.follow_user.get(2).and_then(|f| f.wechat_channels.as_ref()).expect("wechat_channels");
    assert_eq!(channels.source, Some(WechatChannelsSource::Homepage));
    // The documented values, and one added later.
    for (v, way) in [(0, AddWay::Unknown), (7, AddWay::WechatFriendRequest), (16, AddWay::AcquisitionLink)] {
        assert_eq!(AddWay::from_value(v), way);
    }
    assert_eq!((AddWay::from_value(201), AddWay::from_value(202)), (AddWay::SharedByMember, AddWay::AssignedByAdmin));
    let later: FollowUser =
        serde_json::from_value(json!({ "userid": "u", "add_way": 99, "tags": [{ "tag_name": "t", "type": 4 }] }))
            .expect("an unknown value parses");
    assert_eq!(later.add_way, AddWay::Other(99));
    assert_eq!(later.tags.as_ref().and_then(|t| t.first()).map(|t| t.r#type), Some(FollowTagType::Other(4)));
    assert_eq!(serde_json::to_value(&later).unwrap()["add_way"], 99);
    assert_eq!(serde_json::from_value::<CustomerType>(json!(3)).unwrap(), CustomerType::Other(3));
    assert_eq!(serde_json::from_value::<Gender>(json!(2)).unwrap(), Gender::Female);
    // A member left out parses as the wire value 0, like an integer.
    let bare: ExternalContact = serde_json::from_value(json!({ "external_userid": "x" })).unwrap();
    assert_eq!((bare.r#type, bare.gender), (CustomerType::Other(0), None));
    // The answer models declare them as open enums (TypeScript: the known values or any number).
    let open = |m: &'static Model, f: &str| matches!(m.field(f).map(|f| (f.kind)()), Some(Kind::Enum(e)) if e.open);
    assert!(open(&ExternalContact::MODEL, "type") && open(&ExternalContact::MODEL, "gender"));
    assert!(open(&FollowUser::MODEL, "add_way") && open(&FollowInfo::MODEL, "add_way"));
    assert!(open(&FollowUserTag::MODEL, "type") && open(&ExternalAttr::MODEL, "type"));
}

#[test]
fn r_cu_07_check_follow_user_without_members_or_departments_checks_nothing() {
    const NOTHING: &str = "userid and partyid are both empty: there is no member or department to check";
    expect_text(CHECK, &json!({}), Sev::W, "", "R-CU-07", NOTHING);
    expect_text(CHECK, &json!({ "userid": [], "partyid": [] }), Sev::W, "", "R-CU-07", NOTHING);
    expect(
        CHECK,
        &json!({ "partyid": [-1] }),
        &[(Sev::E, "/partyid/0", "integer-range", Msg::Range { min: 0, max: u32::MAX as i64, actual: -1 })],
    );
    passes(CHECK, &json!({ "userid": ["zhangsan"] }));
    passes(CHECK, &json!({ "partyid": [1] }));
    passes(CHECK, &json!({ "userid": ["zhangsan", "lissi"], "partyid": [1] }));
    let answer: CheckFollowUserResponse =
        serde_json::from_value(fixture_json(&response_fixture_name(CHECK))).expect("typed fixture");
    assert_eq!(answer.authorized.and_then(|a| a.userid), Some(vec!["lisi".to_string()]));
    assert_eq!(answer.unauthorized.and_then(|a| a.partyid), Some(vec![1]));
}

#[test]
fn r_cu_08_legacy_get_external_contact_needs_external_userid_and_is_deprecated() {
    requires(LEGACY, &[json!({}), json!({ "external_userid": "" })], "/external_userid", "R-CU-08");
    passes(LEGACY, &json!({ "external_userid": CUSTOMER }));
    // It does not page: a cursor is not one of its members.
    expect(
        LEGACY,
        &json!({ "external_userid": CUSTOMER, "cursor": "C" }),
        &[(Sev::W, "/cursor", "unknown-field", Msg::UnknownField)],
    );
    let info = endpoints::CRM_GET_EXTERNAL_CONTACT.info;
    assert_eq!(info.deprecated, Some("externalcontact/get"));
    assert!(info.paging.is_none() && info.method == Method::Get);
    assert!(endpoints::GET_EXTERNAL_CONTACT.info.deprecated.is_none());
}

#[test]
fn r_cu_09_corp_unionid_needs_unionid_and_openid() {
    let pair = json!({ "unionid": "oAAAAAAA", "openid": "oBBBB" });
    requires(UNIONID, &[json!({ "openid": "oBBBB" }), with(&pair, json!({ "unionid": "" }))], "/unionid", "R-CU-09");
    requires(
        UNIONID,
        &[json!({ "unionid": "oAAAAAAA" }), with(&pair, json!({ "openid": null }))],
        "/openid",
        "R-CU-09",
    );
    // subject_type belongs to idconvert/unionid_to_external_userid, not to this one.
    expect(
        UNIONID,
        &with(&pair, json!({ "subject_type": 0 })),
        &[(Sev::W, "/subject_type", "unknown-field", Msg::UnknownField)],
    );
    passes(UNIONID, &pair);
    // Not the same endpoint (or JS name) as the idconvert one.
    let ours = endpoints::CORP_UNIONID_TO_EXTERNAL_USERID.info;
    let idconvert = endpoints::IDCONVERT_UNIONID_TO_EXTERNAL_USERID.info;
    assert_ne!(ours.js_name, idconvert.js_name);
    assert_eq!(ours.js_name, Some("corpUnionidToExternalUserid"));
    for code in [610014, 610016, 610017, 610018, 40073] {
        assert!(matches!(class(code), ErrorClass::Param | ErrorClass::Config), "{code}");
    }
}

#[test]
fn issue_11_customer_errcodes_are_in_the_table() {
    assert_eq!(class(45029), ErrorClass::Param);
    assert_eq!(class(84083), ErrorClass::State);
    assert_eq!(class(84084), ErrorClass::State);
    assert!(errcode::lookup(84084).is_some_and(|e| e.title == "非跟进用户"));
}
