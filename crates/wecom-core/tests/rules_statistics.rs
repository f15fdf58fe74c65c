//! Conformance tests of the statistics rules (R-ST-01 … R-ST-03, rules.md §1.9): one test per
//! rule id, each with payloads that break exactly that rule (path, rule id, message, error or
//! warning) and boundary payloads that pass; plus the typed answers and the offset paging.

mod common;

use common::findings::{passes, refused_at as rejects, report_of};

use serde_json::{json, Value};
use wecom_core::messages::Msg;
use wecom_core::models::*;
use wecom_core::{endpoints, Paging, Report};

const BEHAVIOR: &str = "externalcontact/get_user_behavior_data";
const BY_OWNER: &str = "externalcontact/groupchat/statistic";
const BY_DAY: &str = "externalcontact/groupchat/statistic_group_by_day";

/// 2020-09-17 00:00 China time.
const DAY: i64 = 1_600_272_000;
const SPAN: i64 = 30 * 86_400;

/// The English text of the first error (a cross-field rule's message).
fn first_text(r: &Report) -> &'static str {
    match r.errors.first().map(|i| &i.msg) {
        Some(Msg::Text(t)) => t.en,
        other => panic!("not a text message: {other:?}"),
    }
}

fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i:04}")).collect()
}

#[test]
fn r_st_01_behavior_data_ids_times_and_the_30_day_span() {
    // start_time and end_time are required.
    let r =
        rejects(BEHAVIOR, &json!({ "userid": ["zhangsan"] }), &[("/start_time", "R-ST-01"), ("/end_time", "R-ST-01")]);
    assert_eq!(r.errors[0].msg, Msg::Required);
    // userid and partyid: not both empty (reported at the object), at most 100 each.
    let r = rejects(BEHAVIOR, &json!({ "start_time": DAY, "end_time": DAY }), &[("", "R-ST-01")]);
    assert_eq!(first_text(&r), "userid and partyid must not both be empty");
    rejects(BEHAVIOR, &json!({ "userid": [], "partyid": [], "start_time": DAY, "end_time": DAY }), &[("", "R-ST-01")]);
    let r = rejects(
        BEHAVIOR,
        &json!({ "userid": ids("u", 101), "start_time": DAY, "end_time": DAY }),
        &[("/userid", "R-ST-01")],
    );
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 100, actual: 101 });
    let parties: Vec<u32> = (1..=101).collect();
    rejects(BEHAVIOR, &json!({ "partyid": parties, "start_time": DAY, "end_time": DAY }), &[("/partyid", "R-ST-01")]);
    passes(
        BEHAVIOR,
        &json!({ "userid": ids("u", 100), "partyid": (1..=100).collect::<Vec<u32>>(), "start_time": DAY, "end_time": DAY }),
    );
    passes(BEHAVIOR, &json!({ "partyid": [1], "start_time": DAY, "end_time": DAY }));
    // begin ≤ end; the span is at most 30 days.
    let r = rejects(
        BEHAVIOR,
        &json!({ "userid": ["a"], "start_time": DAY + 1, "end_time": DAY }),
        &[("/start_time", "R-ST-01")],
    );
    assert_eq!(first_text(&r), "start_time must not be after end_time");
    let r = rejects(
        BEHAVIOR,
        &json!({ "userid": ["a"], "start_time": DAY, "end_time": DAY + SPAN + 86_400 }),
        &[("/end_time", "R-ST-01")],
    );
    assert!(first_text(&r).contains("30 days"));
    passes(BEHAVIOR, &json!({ "userid": ["a"], "start_time": DAY, "end_time": DAY + SPAN }));
    rejects(
        BEHAVIOR,
        &json!({ "userid": ["a"], "start_time": DAY, "end_time": DAY + SPAN + 1 }),
        &[("/end_time", "R-ST-01")],
    );
    rejects(BEHAVIOR, &json!({ "userid": ["a"], "start_time": -1, "end_time": 0 }), &[("/start_time", "R-ST-01")]);
    // The typed answer: the floats WeCom sends only when there were chats stay numbers.
    let answer: GetUserBehaviorDataResponse =
        serde_json::from_value(common::fixture_json(&common::response_fixture_name(BEHAVIOR))).unwrap();
    assert_eq!(answer.behavior_data.len(), 2);
    assert_eq!(answer.behavior_data[0].reply_percentage.as_ref().and_then(|v| v.as_f64()), Some(60.25));
    let bare: BehaviorData = serde_json::from_value(json!({ "stat_time": DAY })).unwrap();
    assert!(bare.reply_percentage.is_none() && bare.avg_reply_time.is_none());
}

#[test]
fn r_st_02_group_statistic_by_owner_day_range_owner_filter_order_and_paging() {
    let base = || json!({ "day_begin_time": DAY, "owner_filter": { "userid_list": ["zhangsan"] } });
    let with = |k: &str, v: Value| {
        let mut p = base();
        p[k] = v;
        p
    };
    passes(BY_OWNER, &base());
    // day_begin_time is required; owner_filter may be left out (the page contradicts itself).
    let r = rejects(BY_OWNER, &json!({}), &[("/day_begin_time", "R-ST-02")]);
    assert_eq!(r.errors[0].msg, Msg::Required);
    passes(BY_OWNER, &json!({ "day_begin_time": DAY }));
    // day_end_time: not before the first day, at most 30 days after it.
    let r = rejects(BY_OWNER, &with("day_end_time", json!(DAY - 86_400)), &[("/day_begin_time", "R-ST-02")]);
    assert_eq!(first_text(&r), "day_begin_time must not be after day_end_time");
    rejects(BY_OWNER, &with("day_end_time", json!(DAY + SPAN + 1)), &[("/day_end_time", "R-ST-02")]);
    passes(BY_OWNER, &with("day_end_time", json!(DAY + SPAN)));
    passes(BY_OWNER, &with("day_end_time", json!(DAY)));
    // owner_filter.userid_list: at most 100.
    let r = rejects(
        BY_OWNER,
        &json!({ "day_begin_time": DAY, "owner_filter": { "userid_list": ids("o", 101) } }),
        &[("/owner_filter/userid_list", "R-ST-02")],
    );
    assert_eq!(r.errors[0].msg, Msg::MaxItems { max: 100, actual: 101 });
    passes(BY_OWNER, &json!({ "day_begin_time": DAY, "owner_filter": { "userid_list": ids("o", 100) } }));
    // order_by 1–4, order_asc 0/1 (closed enums).
    for bad in [0, 5] {
        let r = rejects(BY_OWNER, &with("order_by", json!(bad)), &[("/order_by", "R-ST-02")]);
        assert_eq!(r.errors[0].msg, Msg::OneOf { allowed: &[1, 2, 3, 4], actual: bad });
    }
    for good in 1..=4 {
        passes(BY_OWNER, &with("order_by", json!(good)));
    }
    rejects(BY_OWNER, &with("order_asc", json!(2)), &[("/order_asc", "R-ST-02")]);
    passes(BY_OWNER, &with("order_asc", json!(1)));
    // limit 1 to 1000; offset a non-negative integer.
    for bad in [0, 1001] {
        let r = rejects(BY_OWNER, &with("limit", json!(bad)), &[("/limit", "R-ST-02")]);
        assert_eq!(r.errors[0].msg, Msg::Range { min: 1, max: 1000, actual: bad });
    }
    passes(BY_OWNER, &with("limit", json!(1)));
    passes(BY_OWNER, &with("limit", json!(1000)));
    passes(BY_OWNER, &with("offset", json!(500)));
    // Offset paging over `items`, declared in the table.
    assert_eq!(
        endpoints::GROUPCHAT_STATISTIC.info.paging,
        Some(Paging::Offset { request: "offset", response: "next_offset", items: "items" })
    );
    let answer: GroupChatStatisticResponse =
        serde_json::from_value(common::fixture_json(&common::response_fixture_name(BY_OWNER))).unwrap();
    assert_eq!((answer.total, answer.next_offset, answer.items.len()), (2, 2, 2));
    assert_eq!(answer.items[1].owner, "lisi");
    assert_eq!(answer.items[1].data.migrate_trainee_chat_cnt, Some(3));
}

#[test]
fn r_st_03_group_statistic_by_day_same_range_and_owner_rules_no_paging() {
    passes(BY_DAY, &json!({ "day_begin_time": DAY }));
    rejects(BY_DAY, &json!({ "owner_filter": {} }), &[("/day_begin_time", "R-ST-03")]);
    let r =
        rejects(BY_DAY, &json!({ "day_begin_time": DAY, "day_end_time": DAY - 1 }), &[("/day_begin_time", "R-ST-03")]);
    assert_eq!(first_text(&r), "day_begin_time must not be after day_end_time");
    rejects(BY_DAY, &json!({ "day_begin_time": DAY, "day_end_time": DAY + SPAN + 1 }), &[("/day_end_time", "R-ST-03")]);
    passes(BY_DAY, &json!({ "day_begin_time": DAY, "day_end_time": DAY + SPAN }));
    rejects(
        BY_DAY,
        &json!({ "day_begin_time": DAY, "owner_filter": { "userid_list": ids("o", 101) } }),
        &[("/owner_filter/userid_list", "R-ST-03")],
    );
    passes(BY_DAY, &json!({ "day_begin_time": DAY, "owner_filter": { "userid_list": ids("o", 100) } }));
    // The by-owner members do not exist here (unknown members are warnings).
    let r = report_of(BY_DAY, &json!({ "day_begin_time": DAY, "limit": 10 }));
    assert!(r.errors.is_empty() && r.warnings.len() == 1, "{:?}", r.warnings);
    assert!(endpoints::GROUPCHAT_STATISTIC_BY_DAY.info.paging.is_none());
    let answer: GroupChatStatisticByDayResponse =
        serde_json::from_value(common::fixture_json(&common::response_fixture_name(BY_DAY))).unwrap();
    assert_eq!(answer.items.iter().map(|d| d.stat_time).collect::<Vec<_>>(), [DAY, DAY + 86_400]);
}
