//! Rules of moments 客户朋友圈 (R-MO-01 … R-MO-05, doc 95094 / 93333 / 97612) and of moment
//! strategies 客户朋友圈规则组 (R-MG-01 … R-MG-05, doc 94890): one test per rule id, each with
//! payloads that break exactly that rule (path, rule id, error or warning, message) and
//! boundary payloads that pass.

mod common;

use common::findings::{fails, passes, warns, with, without, Says};
use serde_json::{json, Value};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::{GetMomentTaskResultResponse, MomentJobStatus};

const ADD: &str = "externalcontact/add_moment_task";
const RESULT: &str = "externalcontact/get_moment_task_result";
const CANCEL: &str = "externalcontact/cancel_moment_task";
const LIST: &str = "externalcontact/get_moment_list";
const TASK: &str = "externalcontact/get_moment_task";
const CUSTOMERS: &str = "externalcontact/get_moment_customer_list";
const SEND_RESULT: &str = "externalcontact/get_moment_send_result";
const COMMENTS: &str = "externalcontact/get_moment_comments";
const S_LIST: &str = "externalcontact/moment_strategy/list";
const S_GET: &str = "externalcontact/moment_strategy/get";
const S_RANGE: &str = "externalcontact/moment_strategy/get_range";
const S_CREATE: &str = "externalcontact/moment_strategy/create";
const S_EDIT: &str = "externalcontact/moment_strategy/edit";
const S_DEL: &str = "externalcontact/moment_strategy/del";

const DAY: i64 = 86_400;
const START: i64 = 1_605_000_000;
const VIDEO_ALONE: &str =
    "a video is the only attachment of its moment: one video, nothing else (invalid attachments msgtype / size)";
const LINK_ALONE: &str =
    "a link is the only attachment of its moment: one link, nothing else (invalid attachments msgtype / size)";
const ONE_CONTENT: &str = "an attachment carries exactly one of image, video and link";

fn required() -> Says {
    Says::Is(Msg::Required)
}

fn en(text: &'static str) -> Says {
    Says::En(text)
}

fn image(i: usize) -> Value {
    json!({ "msgtype": "image", "image": { "media_id": format!("MEDIA_IMAGE_{i}") } })
}

fn video() -> Value {
    json!({ "msgtype": "video", "video": { "media_id": "MEDIA_VIDEO" } })
}

fn link() -> Value {
    json!({ "msgtype": "link", "link": { "title": "标题", "url": "https://example.com/a", "media_id": "MEDIA_COVER" } })
}

fn images(n: usize) -> Value {
    Value::Array((0..n).map(image).collect())
}

fn ids(n: usize) -> Value {
    Value::Array((0..n).map(|i| json!(format!("user{i:06}"))).collect())
}

fn nodes(n: usize) -> Value {
    Value::Array((0..n).map(|i| json!({ "type": 1, "userid": format!("user{i:03}") })).collect())
}

#[test]
fn r_mo_01_text_and_attachments() {
    // Text at most 2000 characters (CJK: 2000 characters are 6000 bytes and still pass).
    passes(ADD, &json!({ "text": { "content": "字".repeat(2000) } }));
    fails(
        ADD,
        &json!({ "text": { "content": "字".repeat(2001) } }),
        &[("/text/content", "R-MO-01", Says::Is(Msg::MaxChars { max: 2000, actual: 2001 }))],
    );
    // Not both empty (41089).
    let empty = "text and attachments must not both be empty (41089)";
    fails(ADD, &json!({}), &[("", "R-MO-01", en(empty))]);
    fails(ADD, &json!({ "attachments": [], "text": {} }), &[("", "R-MO-01", en(empty))]);
    passes(ADD, &json!({ "attachments": [video()] }));
    // At most nine images.
    passes(ADD, &json!({ "attachments": images(9) }));
    fails(
        ADD,
        &json!({ "attachments": images(10) }),
        &[("/attachments", "R-MO-01", Says::Is(Msg::MaxItems { max: 9, actual: 10 }))],
    );
    // A video or a link stands alone.
    passes(ADD, &json!({ "text": { "content": "看视频" }, "attachments": [video()] }));
    passes(ADD, &json!({ "attachments": [link()] }));
    fails(ADD, &json!({ "attachments": [image(0), video()] }), &[("/attachments", "R-MO-01", en(VIDEO_ALONE))]);
    fails(ADD, &json!({ "attachments": [video(), video()] }), &[("/attachments", "R-MO-01", en(VIDEO_ALONE))]);
    fails(ADD, &json!({ "attachments": [link(), image(1)] }), &[("/attachments", "R-MO-01", en(LINK_ALONE))]);
    fails(
        ADD,
        &json!({ "attachments": [link(), video()] }),
        &[("/attachments", "R-MO-01", en(VIDEO_ALONE)), ("/attachments", "R-MO-01", en(LINK_ALONE))],
    );
    // An empty video object is no video: not counted, reported as missing its media_id and content.
    fails(
        ADD,
        &json!({ "attachments": [image(0), { "msgtype": "video", "video": {} }] }),
        &[("/attachments/1/video/media_id", "R-MO-01", required()), ("/attachments/1", "R-MO-01", en(ONE_CONTENT))],
    );
    // Each attachment carries exactly one content object.
    fails(ADD, &json!({ "attachments": [{ "msgtype": "image" }] }), &[("/attachments/0", "R-MO-01", en(ONE_CONTENT))]);
    let both = json!({ "msgtype": "image", "image": { "media_id": "A" }, "link": link()["link"] });
    fails(ADD, &json!({ "attachments": [both] }), &[("/attachments/0/link", "R-MO-01", en(ONE_CONTENT))]);
    // media_id, url and msgtype are required; a link title is at most 64 bytes.
    fails(
        ADD,
        &json!({ "attachments": [{ "msgtype": "link", "link": { "title": "t" } }] }),
        &[("/attachments/0/link/url", "R-MO-01", required()), ("/attachments/0/link/media_id", "R-MO-01", required())],
    );
    fails(
        ADD,
        &json!({ "attachments": [{ "image": { "media_id": "A" } }] }),
        &[("/attachments/0/msgtype", "R-MO-01", required())],
    );
    let mut long = link();
    long["link"]["title"] = json!("题".repeat(22));
    fails(
        ADD,
        &json!({ "attachments": [long] }),
        &[("/attachments/0/link/title", "R-MO-01", Says::Is(Msg::MaxBytes { max: 64, actual: 66 }))],
    );
    let mut edge = link();
    edge["link"]["title"] = json!(format!("{}a", "题".repeat(21)));
    passes(ADD, &json!({ "attachments": [edge] }));
}

#[test]
fn r_mo_02_visible_range() {
    let range =
        |n: usize| json!({ "text": { "content": "t" }, "visible_range": { "sender_list": { "user_list": ids(n) } } });
    passes(ADD, &range(100_000));
    fails(
        ADD,
        &range(100_001),
        &[(
            "/visible_range/sender_list/user_list",
            "R-MO-02",
            Says::Is(Msg::MaxItems { max: 100_000, actual: 100_001 }),
        )],
    );
    passes(
        ADD,
        &json!({ "text": { "content": "t" }, "visible_range": {
            "sender_list": { "user_list": ["zhangsan"], "department_list": [2, 3] },
            "external_contact_list": { "tag_list": ["etXXXXXXXXXX"] } } }),
    );
}

#[test]
fn r_mo_03_jobid_required_and_the_job_states() {
    fails(RESULT, &json!({}), &[("/jobid", "R-MO-03", required())]);
    fails(RESULT, &json!({ "jobid": "" }), &[("/jobid", "R-MO-03", required())]);
    passes(RESULT, &json!({ "jobid": "j".repeat(64) }));
    // 1 → 2 → 3, and a state WeCom adds later is kept.
    for (n, want) in [(1, MomentJobStatus::Started), (2, MomentJobStatus::Running), (3, MomentJobStatus::Done)] {
        let r: GetMomentTaskResultResponse =
            serde_json::from_value(json!({ "errcode": 0, "errmsg": "ok", "status": n, "type": "add_moment_task" }))
                .unwrap();
        assert_eq!(r.status, want);
    }
    let r: GetMomentTaskResultResponse = serde_json::from_value(json!({ "errcode": 0, "status": 9 })).unwrap();
    assert_eq!(r.status.value(), 9);
    // The rate and concurrency limits are the server's: their errcodes are known.
    assert_eq!(errcode::lookup(41078).expect("41078").class, ErrorClass::Rate);
    assert_eq!(errcode::lookup(41079).expect("41079").class, ErrorClass::Retry);
    assert_eq!(errcode::lookup(41089).expect("41089").class, ErrorClass::Param);
}

#[test]
fn r_mo_04_moment_list_times_filter_and_limit() {
    let base = json!({ "start_time": START, "end_time": START + 30 * DAY });
    passes(LIST, &base);
    fails(LIST, &without(&base, "start_time"), &[("/start_time", "R-MO-04", required())]);
    fails(LIST, &without(&base, "end_time"), &[("/end_time", "R-MO-04", required())]);
    // At most 30 days apart; start not after end.
    fails(
        LIST,
        &with(&base, json!({ "end_time": START + 30 * DAY + 1 })),
        &[("/end_time", "R-MO-04", en("end_time must be at most 30 days after start_time"))],
    );
    fails(
        LIST,
        &with(&base, json!({ "end_time": START - 1 })),
        &[("/start_time", "R-MO-04", en("start_time must not be after end_time"))],
    );
    // filter_type 0 | 1 | 2.
    for t in [0, 1, 2] {
        passes(LIST, &with(&base, json!({ "filter_type": t })));
    }
    fails(
        LIST,
        &with(&base, json!({ "filter_type": 3 })),
        &[("/filter_type", "R-MO-04", Says::Is(Msg::OneOf { allowed: &[0, 1, 2], actual: 3 }))],
    );
    // limit: 20 at most (the official page; WxJava's 100 is outdated): past it, the default.
    passes(LIST, &with(&base, json!({ "limit": 20 })));
    warns(
        LIST,
        &with(&base, json!({ "limit": 100 })),
        &[("/limit", "R-MO-04", Says::Is(Msg::Range { min: 0, max: 20, actual: 100 }))],
    );
}

#[test]
fn r_mo_05_moment_records_need_their_ids() {
    fails(TASK, &json!({}), &[("/moment_id", "R-MO-05", required())]);
    fails(CANCEL, &json!({}), &[("/moment_id", "R-MO-05", required())]);
    passes(CANCEL, &json!({ "moment_id": "momxxxxx" }));
    for ep in [CUSTOMERS, SEND_RESULT, COMMENTS] {
        fails(ep, &json!({}), &[("/moment_id", "R-MO-05", required()), ("/userid", "R-MO-05", required())]);
        passes(ep, &json!({ "moment_id": "momxxxxx", "userid": "zhangsan" }));
    }
    // The page limits: 1000, 1000, 5000 (past them: a warning, the request is sent).
    let one = json!({ "moment_id": "momxxxxx", "userid": "zhangsan" });
    for (ep, base, max) in
        [(TASK, json!({ "moment_id": "m" }), 1000), (CUSTOMERS, one.clone(), 1000), (SEND_RESULT, one, 5000)]
    {
        passes(ep, &with(&base, json!({ "limit": max })));
        warns(
            ep,
            &with(&base, json!({ "limit": max + 1 })),
            &[("/limit", "R-MO-05", Says::Is(Msg::Range { min: 0, max, actual: max + 1 }))],
        );
    }
}

#[test]
fn r_mg_01_strategy_page_limit() {
    passes(S_LIST, &json!({}));
    passes(S_LIST, &json!({ "cursor": "CURSOR", "limit": 1000 }));
    warns(
        S_LIST,
        &json!({ "limit": 1001 }),
        &[("/limit", "R-MG-01", Says::Is(Msg::Range { min: 0, max: 1000, actual: 1001 }))],
    );
    warns(
        S_RANGE,
        &json!({ "strategy_id": 1, "limit": 1001 }),
        &[("/limit", "R-MG-01", Says::Is(Msg::Range { min: 0, max: 1000, actual: 1001 }))],
    );
}

#[test]
fn r_mg_02_strategy_id_required() {
    for ep in [S_GET, S_RANGE, S_DEL] {
        fails(ep, &json!({}), &[("/strategy_id", "R-MG-02", required())]);
        passes(ep, &json!({ "strategy_id": 1 }));
    }
}

#[test]
fn r_mg_03_create_name_admins_range_privilege() {
    let base = json!({ "strategy_name": "NAME", "admin_list": ["zhangsan"] });
    passes(S_CREATE, &base);
    fails(S_CREATE, &without(&base, "strategy_name"), &[("/strategy_name", "R-MG-03", required())]);
    fails(S_CREATE, &without(&base, "admin_list"), &[("/admin_list", "R-MG-03", required())]);
    fails(
        S_CREATE,
        &with(&base, json!({ "admin_list": [] })),
        &[("/admin_list", "R-MG-03", Says::Is(Msg::MinItems { min: 1, actual: 0 }))],
    );
    passes(S_CREATE, &with(&base, json!({ "admin_list": ids(20), "range": nodes(100) })));
    fails(
        S_CREATE,
        &with(&base, json!({ "admin_list": ids(21) })),
        &[("/admin_list", "R-MG-03", Says::Is(Msg::MaxItems { max: 20, actual: 21 }))],
    );
    fails(
        S_CREATE,
        &with(&base, json!({ "range": nodes(101) })),
        &[("/range", "R-MG-03", Says::Is(Msg::MaxItems { max: 100, actual: 101 }))],
    );
    // The three moment privilege flags, and nothing of the customer strategies' set.
    let flags = json!({ "view_moment_list": false, "send_moment": true, "manage_moment_cover_and_sign": false });
    passes(S_CREATE, &with(&base, json!({ "privilege": flags })));
    let r = common::findings::report_of(S_CREATE, &with(&base, json!({ "privilege": { "view_customer_list": true } })));
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!((r.warnings[0].path.as_str(), r.warnings[0].rule), ("/privilege/view_customer_list", "unknown-field"));
    fails(
        S_CREATE,
        &with(&base, json!({ "privilege": { "send_moment": 1 } })),
        &[("/privilege/send_moment", "json-type", Says::Is(Msg::Type { expected: "boolean", actual: "integer" }))],
    );
}

#[test]
fn r_mg_04_edit_strategy() {
    let base = json!({ "strategy_id": 1 });
    passes(S_EDIT, &base);
    fails(S_EDIT, &json!({ "strategy_name": "N" }), &[("/strategy_id", "R-MG-04", required())]);
    passes(S_EDIT, &with(&base, json!({ "admin_list": ids(20), "range_add": nodes(60), "range_del": nodes(40) })));
    passes(S_EDIT, &with(&base, json!({ "range_add": nodes(100) })));
    fails(
        S_EDIT,
        &with(&base, json!({ "admin_list": ids(21) })),
        &[("/admin_list", "R-MG-04", Says::Is(Msg::MaxItems { max: 20, actual: 21 }))],
    );
    // range_add and range_del count together: 100 nodes a call.
    for (add, del) in [(60, 41), (101, 0), (0, 101)] {
        fails(
            S_EDIT,
            &with(&base, json!({ "range_add": nodes(add), "range_del": nodes(del) })),
            &[("", "R-MG-04", Says::Is(Msg::MaxItems { max: 100, actual: add + del }))],
        );
    }
    // The nodes are the shared range nodes (R-SC-01).
    fails(
        S_EDIT,
        &with(&base, json!({ "range_del": [{ "type": 2 }] })),
        &[("/range_del/0/partyid", "R-SC-01", required())],
    );
}

#[test]
fn r_mg_05_tree_limits_are_server_side() {
    // 3000 nodes per strategy, 5 levels, a child within its parent, serial calls: WeCom's to
    // judge. The client does not refuse a deep child or a node it cannot count.
    passes(
        S_CREATE,
        &json!({ "parent_id": 5, "strategy_name": "L5", "admin_list": ["zhangsan"], "range": nodes(100) }),
    );
    passes(S_EDIT, &json!({ "strategy_id": 9, "range_add": nodes(50), "range_del": nodes(50) }));
}
