//! Conformance tests of the transfer rules (R-TR-01 … R-TR-11, rules.md §1.5): one test per rule
//! id, each with payloads that break exactly that rule (path, rule id, message, error or warning)
//! and boundary payloads that pass. Server-side rules check the errcode table and that the
//! client does not reject what only WeCom can judge.

mod common;

use common::{block_on, client, errcode as errcode_reply, network, ok, token_reply, Fake, TOKENS};
use serde_json::{json, Value};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::*;
use wecom_core::paging::Pager;
use wecom_core::{endpoints, validate_json, Error, Paging, Report};

const TRANSFER: &str = "externalcontact/transfer_customer";
const RESULT: &str = "externalcontact/transfer_result";
const ONJOB_GROUPS: &str = "externalcontact/groupchat/onjob_transfer";
const UNASSIGNED: &str = "externalcontact/get_unassigned_list";
const RESIGNED: &str = "externalcontact/resigned/transfer_customer";
const RESIGNED_RESULT: &str = "externalcontact/resigned/transfer_result";
const RESIGNED_GROUPS: &str = "externalcontact/groupchat/transfer";
const LEGACY: &str = "externalcontact/transfer";
const LEGACY_RESULT: &str = "externalcontact/get_transfer_result";

const PAGE_ID_WITH_CURSOR: &str = "is not needed with a cursor (WeCom pages by the cursor): it is ignored";

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// The lenient report of `payload`, after checking that the tape path reports the same.
fn report(endpoint: &str, payload: &Value) -> Report {
    let text = payload.to_string();
    let report = validate_json(endpoint, &text).expect("a declared endpoint");
    let model = endpoints::find(endpoint).expect("a declared endpoint").request;
    common::assert_tape_agrees(model, &text, &report);
    report
}

/// Asserts the errors of `payload`, in order, and that it has no warnings.
fn rejects(endpoint: &str, payload: &Value, expected: &[(&str, &str, Msg)]) {
    let r = report(endpoint, payload);
    let got: Vec<(&str, &str, &Msg)> = r.errors.iter().map(|i| (i.path.as_str(), i.rule, &i.msg)).collect();
    let want: Vec<(&str, &str, &Msg)> = expected.iter().map(|(p, id, m)| (*p, *id, m)).collect();
    assert_eq!(got, want, "{endpoint} {payload}");
    assert!(r.warnings.is_empty(), "{endpoint} {payload}: warnings {:?}", r.warnings);
}

/// Asserts that `payload` is sent (no errors) with exactly these warnings (path, rule), in
/// order; returns the report for further checks.
fn warns(endpoint: &str, payload: &Value, expected: &[(&str, &str)]) -> Report {
    let r = report(endpoint, payload);
    assert!(r.is_valid(), "{endpoint} {payload}: errors {:?}", r.errors);
    let got: Vec<(&str, &str)> = r.warnings.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, expected, "{endpoint} {payload}");
    r
}

/// Asserts that `payload` has neither errors nor warnings.
fn passes(endpoint: &str, payload: &Value) {
    warns(endpoint, payload, &[]);
}

/// `base` with the members of `extra` added or replaced.
fn with(base: &Value, extra: Value) -> Value {
    let mut out = base.clone();
    if let (Value::Object(o), Value::Object(e)) = (&mut out, extra) {
        o.extend(e);
    }
    out
}

/// `n` distinct made-up external_userids.
fn customers(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("wmTransfer{i:06}")).collect()
}

fn members() -> Value {
    json!({ "handover_userid": "zhangsan", "takeover_userid": "lisi" })
}

fn class(code: i64) -> ErrorClass {
    errcode::lookup(code).unwrap_or_else(|| panic!("errcode {code} is missing from the table")).class
}

fn required(path: &'static str, rule: &'static str) -> (&'static str, &'static str, Msg) {
    (path, rule, Msg::Required)
}

/// The three members every customer transfer needs, and the 1…100 customer list, for `rule`.
fn transfer_list_rules(endpoint: &str, rule: &'static str) {
    rejects(
        endpoint,
        &json!({}),
        &[required("/handover_userid", rule), required("/takeover_userid", rule), required("/external_userid", rule)],
    );
    let one = with(&members(), json!({ "external_userid": customers(1) }));
    rejects(endpoint, &with(&one, json!({ "handover_userid": "" })), &[required("/handover_userid", rule)]);
    rejects(endpoint, &with(&one, json!({ "takeover_userid": null })), &[required("/takeover_userid", rule)]);
    rejects(
        endpoint,
        &with(&one, json!({ "external_userid": [] })),
        &[("/external_userid", rule, Msg::MinItems { min: 1, actual: 0 })],
    );
    rejects(
        endpoint,
        &with(&one, json!({ "external_userid": customers(101) })),
        &[("/external_userid", rule, Msg::MaxItems { max: 100, actual: 101 })],
    );
    // One customer as a bare string is the legacy shape: here it is a type error.
    rejects(
        endpoint,
        &with(&one, json!({ "external_userid": "wmTransfer000000" })),
        &[("/external_userid", "json-type", Msg::Type { expected: "array", actual: "string" })],
    );
    // Boundaries.
    passes(endpoint, &one);
    passes(endpoint, &with(&one, json!({ "external_userid": customers(100) })));
}

// ---------------------------------------------------------------------------------------------
// on-job and resigned customer transfers
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tr_01_transfer_customer_needs_both_members_1_to_100_customers_and_a_short_message() {
    transfer_list_rules(TRANSFER, "R-TR-01");
    let one = with(&members(), json!({ "external_userid": customers(1) }));
    // 字符, not bytes: 200 CJK characters (600 bytes) pass, 201 do not.
    passes(TRANSFER, &with(&one, json!({ "transfer_success_msg": "接".repeat(200) })));
    rejects(
        TRANSFER,
        &with(&one, json!({ "transfer_success_msg": "接".repeat(201) })),
        &[("/transfer_success_msg", "R-TR-01", Msg::MaxChars { max: 200, actual: 201 })],
    );
    // Absent or empty: WeCom's default text.
    passes(TRANSFER, &with(&one, json!({ "transfer_success_msg": "" })));
    // The typed request serializes to the same valid payload.
    let typed = TransferCustomerRequest {
        handover_userid: "zhangsan".into(),
        takeover_userid: "lisi".into(),
        external_userid: customers(1),
        transfer_success_msg: None,
    };
    assert_eq!(serde_json::to_value(&typed).unwrap(), one);
}

#[test]
fn r_tr_02_resigned_transfer_needs_1_to_100_customers_and_takes_no_message() {
    transfer_list_rules(RESIGNED, "R-TR-02");
    // transfer_success_msg is only used for on-job transfers: not declared here, so it is sent as
    // given with the unknown-field warning.
    let one = with(&members(), json!({ "external_userid": customers(1) }));
    warns(
        RESIGNED,
        &with(&one, json!({ "transfer_success_msg": "您好" })),
        &[("/transfer_success_msg", "unknown-field")],
    );
    // Whether the handover member resigned is WeCom's to say: 40097, business state.
    assert_eq!(class(40097), ErrorClass::State);
    assert!(errcode::lookup(40097).is_some_and(|e| e.title == "该成员尚未离职"));
}

#[test]
fn r_tr_03_errcode_0_per_customer_only_starts_the_takeover() {
    // The call succeeds (errcode 0) while each customer carries its own errcode: 0 means the
    // takeover was scheduled (24 h), not done; a non-zero one is that customer's failure. The
    // client hands the whole answer back instead of failing the call.
    let answer = json!({
        "errcode": 0, "errmsg": "ok",
        "customer": [
            { "external_userid": "wmTransfer000000", "errcode": 0 },
            { "external_userid": "wmTransfer000001", "errcode": 40128 },
        ],
    });
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), ok(answer)]));
    let req = TransferCustomerRequest {
        handover_userid: "zhangsan".into(),
        takeover_userid: "lisi".into(),
        external_userid: customers(2),
        transfer_success_msg: Some("您好".into()),
    };
    let resp: TransferCustomerResponse = block_on(c.send_typed(endpoints::TRANSFER_CUSTOMER, &req)).unwrap();
    let codes: Vec<i64> = resp.customer.iter().map(|r| r.errcode).collect();
    assert_eq!(codes, [0, 40128]);
    // The outcome is read later: transfer_result pages the takeover state.
    assert!(
        endpoints::TRANSFER_RESULT.info.paging.is_some() && endpoints::RESIGNED_TRANSFER_RESULT.info.paging.is_some()
    );
    // Both transfer endpoints answer the same typed shape.
    assert_eq!(endpoints::RESIGNED_TRANSFER_CUSTOMER.info.response.name, "TransferCustomerResponse");
}

#[test]
fn r_tr_04_transfer_limits_are_judged_by_the_server_and_a_transfer_is_never_resent() {
    // The client cannot count transfers: the same customer, handed over again (even to the same
    // member), is client-valid; WeCom answers with the per-customer codes.
    let same =
        json!({ "handover_userid": "zhangsan", "takeover_userid": "zhangsan", "external_userid": ["wmA", "wmA"] });
    passes(TRANSFER, &same);
    assert_eq!(class(40128), ErrorClass::Quota);
    for code in [40100, 40129, 40131, 40143, 40098] {
        assert_eq!(class(code), ErrorClass::State, "{code}");
    }
    assert_eq!(class(40130), ErrorClass::Param);
    assert_eq!(class(40096), ErrorClass::Param);
    assert_eq!(class(40099), ErrorClass::Quota);
    assert!(errcode::lookup(40128).is_some_and(|e| e.title.contains("90个自然日")));
    // A transfer counts against the two-in-90-days limit: after a network failure it is not
    // sent again (it may have been processed).
    for ep in
        [endpoints::TRANSFER_CUSTOMER.info, endpoints::RESIGNED_TRANSFER_CUSTOMER.info, endpoints::LEGACY_TRANSFER.info]
    {
        assert!(ep.write, "{} must be a write", ep.path);
    }
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), network("connection reset")]));
    let payload = with(&members(), json!({ "external_userid": customers(1) })).to_string();
    let e = block_on(c.call(endpoints::TRANSFER_CUSTOMER.info, &payload)).unwrap_err();
    assert_eq!(e.code(), "E_OUTCOME_UNKNOWN", "{e}");
    assert_eq!(c.transport().count(), 2, "gettoken + one attempt: a transfer is not resent");
}

#[test]
fn r_tr_05_takeover_member_conditions_are_judged_by_the_server() {
    // Visible range, customer contact enabled, activated, real-name verified: none of it is in
    // the payload, so any takeover userid is client-valid and WeCom's code says what is missing.
    passes(
        TRANSFER,
        &json!({ "handover_userid": "zhangsan", "takeover_userid": "new-hire.01", "external_userid": ["wmA"] }),
    );
    passes(
        RESIGNED,
        &json!({ "handover_userid": "left", "takeover_userid": "new-hire.01", "external_userid": ["wmA"] }),
    );
    assert_eq!(class(40098), ErrorClass::State); // not real-name verified
    assert_eq!(class(41054), ErrorClass::State); // not activated
    assert_eq!(class(84074), ErrorClass::Config); // no customer contact
    assert_eq!(class(60021), ErrorClass::Config); // outside the visible range
}

// ---------------------------------------------------------------------------------------------
// takeover state
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tr_06_transfer_result_needs_both_members_pages_by_cursor_and_types_the_status() {
    for endpoint in [RESULT, RESIGNED_RESULT] {
        rejects(
            endpoint,
            &json!({}),
            &[required("/handover_userid", "R-TR-06"), required("/takeover_userid", "R-TR-06")],
        );
        rejects(endpoint, &json!({ "handover_userid": "zhangsan" }), &[required("/takeover_userid", "R-TR-06")]);
        rejects(
            endpoint,
            &with(&members(), json!({ "cursor": 5 })),
            &[("/cursor", "json-type", Msg::Type { expected: "string", actual: "integer" })],
        );
        passes(endpoint, &members());
        passes(endpoint, &with(&members(), json!({ "cursor": "" })));
        passes(endpoint, &with(&members(), json!({ "cursor": "CURSOR" })));
        // Cursor paging over `customer`.
        let ep = endpoints::find(endpoint).unwrap();
        assert_eq!(ep.paging, Some(Paging::Cursor { request: "cursor", response: "next_cursor", items: "customer" }));
        assert_eq!(ep.page_item().map(|m| m.name), Some("TransferResultCustomer"));
        let mut pager = Pager::new(ep, members()).unwrap();
        pager.advance(&json!({ "errcode": 0, "customer": [{ "status": 1 }], "next_cursor": "NEXT" })).unwrap();
        assert_eq!(pager.next_payload().and_then(|m| m.get("cursor")), Some(&json!("NEXT")));
        pager.advance(&json!({ "errcode": 0, "customer": [], "next_cursor": "" })).unwrap();
        assert!(pager.is_done());
    }
    // status: 1 done … 5 no record; a value added later still parses.
    let statuses: Vec<TransferStatus> =
        serde_json::from_value(json!([1, 2, 3, 4, 5, 9])).expect("every integer is a TransferStatus");
    use TransferStatus::*;
    assert_eq!(statuses, [Done, Waiting, Refused, TakeoverAtLimit, NoRecord, Other(9)]);
    assert!(TransferStatus::INFO.open && TransferStatus::INFO.allowed == [1, 2, 3, 4, 5]);
    let page: TransferResultResponse = serde_json::from_value(json!({
        "errcode": 0, "errmsg": "ok",
        "customer": [{ "external_userid": "wmA", "status": 2, "takeover_time": 1588482400 }],
        "next_cursor": "NEXT_CURSOR",
    }))
    .unwrap();
    assert_eq!(page.customer.first().map(|c| (c.status, c.takeover_time)), Some((Waiting, 1588482400)));
}

// ---------------------------------------------------------------------------------------------
// unassigned customers of resigned members
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tr_07_unassigned_list_page_size_1_to_1000_page_id_then_cursor() {
    let range = |min, max, actual| Msg::Range { min, max, actual };
    rejects(UNASSIGNED, &json!({ "page_size": 0 }), &[("/page_size", "R-TR-07", range(1, 1000, 0))]);
    rejects(UNASSIGNED, &json!({ "page_size": 1001 }), &[("/page_size", "R-TR-07", range(1, 1000, 1001))]);
    rejects(UNASSIGNED, &json!({ "page_id": 50_000 }), &[("/page_id", "R-TR-07", range(0, 49_999, 50_000))]);
    rejects(UNASSIGNED, &json!({ "page_id": -1 }), &[("/page_id", "R-TR-07", range(0, 49_999, -1))]);
    // Boundaries.
    passes(UNASSIGNED, &json!({}));
    passes(UNASSIGNED, &json!({ "page_id": 0, "page_size": 1 }));
    passes(UNASSIGNED, &json!({ "page_id": 49, "page_size": 1000 }));
    passes(UNASSIGNED, &json!({ "page_id": 49_999, "page_size": 1 }));
    passes(UNASSIGNED, &json!({ "cursor": "aSfwejksvhToiMMfFeIGZZ", "page_size": 1000 }));
    // With a cursor, page_id is not needed: WeCom pages by the cursor (a warning, still sent).
    let r = warns(UNASSIGNED, &json!({ "page_id": 3, "cursor": "aSfw" }), &[("/page_id", "R-TR-07")]);
    assert!(matches!(&r.warnings[0].msg, Msg::Text(t) if t.en == PAGE_ID_WITH_CURSOR));
    passes(UNASSIGNED, &json!({ "page_id": 3, "cursor": "" }));
    // The declared paging: page numbers × page_size under 50 000, then the cursor.
    let ep = endpoints::GET_UNASSIGNED_LIST.info;
    assert_eq!(
        ep.paging,
        Some(Paging::PageId {
            page: "page_id",
            size: "page_size",
            default_size: 1000,
            limit: 50_000,
            request: "cursor",
            response: "next_cursor",
            items: "info",
            last: "is_last",
        })
    );
    assert_eq!(ep.page_item().map(|m| m.name), Some("UnassignedCustomer"));
    let mut pager = Pager::new(ep, json!({ "page_id": 0, "page_size": 1000 })).unwrap();
    pager.advance(&json!({ "errcode": 0, "info": [{ "external_userid": "wmA" }], "is_last": false })).unwrap();
    assert_eq!(pager.next_payload_json().as_deref(), Some(r#"{"page_id":1,"page_size":1000}"#));
    // Every page the pager writes is itself client-valid.
    passes(UNASSIGNED, &Value::Object(pager.next_payload().cloned().unwrap()));
    // Page 49 of 1000 is the last one by number: the pager stops with a usage error before 50.
    let mut last = Pager::new(ep, json!({ "page_id": 49 })).unwrap();
    let e = last.advance(&json!({ "errcode": 0, "info": [{}], "is_last": false })).unwrap_err();
    assert!(matches!(e, Error::Usage(_)), "{e}");
    // An answer with a cursor switches to the cursor and drops page_id (no warning then).
    let mut by_cursor = Pager::new(ep, json!({ "page_id": 0 })).unwrap();
    by_cursor.advance(&json!({ "errcode": 0, "info": [{}], "is_last": false, "next_cursor": "K1" })).unwrap();
    let next = Value::Object(by_cursor.next_payload().cloned().unwrap());
    assert_eq!(next, json!({ "cursor": "K1" }));
    passes(UNASSIGNED, &next);
}

// ---------------------------------------------------------------------------------------------
// group chats handed to a new owner
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tr_08_group_transfers_need_1_to_100_chats_and_a_new_owner() {
    let chats = |n: usize| (0..n).map(|i| format!("wrTransfer{i:06}")).collect::<Vec<_>>();
    for endpoint in [RESIGNED_GROUPS, ONJOB_GROUPS] {
        rejects(endpoint, &json!({}), &[required("/chat_id_list", "R-TR-08"), required("/new_owner", "R-TR-08")]);
        rejects(
            endpoint,
            &json!({ "chat_id_list": [], "new_owner": "zhangsan" }),
            &[("/chat_id_list", "R-TR-08", Msg::MinItems { min: 1, actual: 0 })],
        );
        rejects(
            endpoint,
            &json!({ "chat_id_list": chats(101), "new_owner": "zhangsan" }),
            &[("/chat_id_list", "R-TR-08", Msg::MaxItems { max: 100, actual: 101 })],
        );
        rejects(endpoint, &json!({ "chat_id_list": chats(1), "new_owner": "" }), &[required("/new_owner", "R-TR-08")]);
        passes(endpoint, &json!({ "chat_id_list": chats(1), "new_owner": "zhangsan" }));
        passes(endpoint, &json!({ "chat_id_list": chats(100), "new_owner": "zhangsan" }));
    }
    // Per-group failures come back in failed_chat_list with their own codes: business state.
    for code in [90500, 90501, 90502, 90503, 90504, 90507, 90508, 90509] {
        assert_eq!(class(code), ErrorClass::State, "{code}");
    }
    let answer: GroupChatTransferResponse = serde_json::from_value(json!({
        "errcode": 0, "errmsg": "ok",
        "failed_chat_list": [{ "chat_id": "wrA", "errcode": 90500, "errmsg": "owner not resigned" }],
    }))
    .unwrap();
    assert_eq!(answer.failed_chat_list.as_deref().and_then(|l| l.first()).map(|f| f.errcode), Some(90500));
    // When every group was handed over the list may be absent.
    let all_done: GroupChatTransferResponse = serde_json::from_value(json!({ "errcode": 0, "errmsg": "ok" })).unwrap();
    assert!(all_done.failed_chat_list.is_none());
    // A whole-call errcode is a typed API error and, being business state, is not retried (the
    // 300-a-day bound is judged by WeCom too).
    let c = client(Fake::new(vec![token_reply(TOKENS[0], 7200), errcode_reply(90502, "owner resigned")]));
    let e =
        block_on(c.call(endpoints::GROUPCHAT_ONJOB_TRANSFER.info, r#"{"chat_id_list":["wrA"],"new_owner":"lisi"}"#))
            .unwrap_err();
    assert!(matches!(e, Error::Api { errcode: 90502, .. }), "{e}");
}

#[test]
fn r_tr_09_takeover_of_an_existing_friend_is_silent_and_client_valid() {
    // Whether the takeover member already is the customer's friend (no add-customer event then)
    // is not in the request: the client neither knows nor checks it.
    passes(TRANSFER, &with(&members(), json!({ "external_userid": ["wmAlreadyAFriendOfLisi"] })));
    passes(LEGACY, &with(&members(), json!({ "external_userid": "wmAlreadyAFriendOfLisi" })));
    assert!(wecom_core::rules::info("R-TR-09").is_some_and(|r| r.en.contains("add-customer event")));
}

// ---------------------------------------------------------------------------------------------
// legacy endpoints
// ---------------------------------------------------------------------------------------------

#[test]
fn r_tr_10_legacy_transfer_takes_one_customer_and_is_deprecated() {
    rejects(
        LEGACY,
        &json!({}),
        &[
            required("/external_userid", "R-TR-10"),
            required("/handover_userid", "R-TR-10"),
            required("/takeover_userid", "R-TR-10"),
        ],
    );
    let one = with(&members(), json!({ "external_userid": "wmTransfer000000" }));
    rejects(
        LEGACY,
        &with(&one, json!({ "external_userid": ["wmTransfer000000"] })),
        &[("/external_userid", "json-type", Msg::Type { expected: "string", actual: "array" })],
    );
    rejects(
        LEGACY,
        &with(&one, json!({ "transfer_success_msg": "x".repeat(201) })),
        &[("/transfer_success_msg", "R-TR-10", Msg::MaxChars { max: 200, actual: 201 })],
    );
    passes(LEGACY, &one);
    passes(LEGACY, &with(&one, json!({ "transfer_success_msg": "接".repeat(200) })));
    let ep = endpoints::LEGACY_TRANSFER.info;
    assert_eq!(ep.deprecated, Some("externalcontact/transfer_customer"));
    assert!(ep.write && ep.paging.is_none());
    assert_eq!(endpoints::TRANSFER_CUSTOMER.info.deprecated, None);
}

#[test]
fn r_tr_11_legacy_transfer_result_needs_the_customer_and_both_members() {
    rejects(
        LEGACY_RESULT,
        &json!({}),
        &[
            required("/external_userid", "R-TR-11"),
            required("/handover_userid", "R-TR-11"),
            required("/takeover_userid", "R-TR-11"),
        ],
    );
    rejects(
        LEGACY_RESULT,
        &with(&members(), json!({ "external_userid": "" })),
        &[required("/external_userid", "R-TR-11")],
    );
    passes(LEGACY_RESULT, &with(&members(), json!({ "external_userid": "wmTransfer000000" })));
    // The cursor belongs to the new endpoint: here it is unknown (sent, with a warning).
    warns(
        LEGACY_RESULT,
        &with(&members(), json!({ "external_userid": "wmA", "cursor": "C" })),
        &[("/cursor", "unknown-field")],
    );
    let ep = endpoints::LEGACY_GET_TRANSFER_RESULT.info;
    assert_eq!(ep.deprecated, Some("externalcontact/transfer_result"));
    assert!(!ep.write);
    let answer: GetTransferResultResponse =
        serde_json::from_value(json!({ "errcode": 0, "errmsg": "ok", "status": 5, "takeover_time": 0 })).unwrap();
    assert_eq!(answer.status, TransferStatus::NoRecord);
}
