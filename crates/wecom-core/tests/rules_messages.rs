//! Rules of mass messages and welcome messages (R-MS-01 … R-MS-12; docs 92135, 93338, 97610,
//! 97611, 92136, 92137, 92366): one test per rule id, each with payloads that break exactly
//! that rule (path, rule id, error or warning, message) and boundary payloads that pass.

mod common;

use common::findings::{fails, passes, report_of, warns, with, without, Says};
use serde_json::{json, Value};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::Msg;
use wecom_core::models::{GetGroupmsgSendResultResponse, GroupMsgSendStatus, GroupMsgTaskStatus};

const ADD: &str = "externalcontact/add_msg_template";
const LIST: &str = "externalcontact/get_groupmsg_list_v2";
const TASK: &str = "externalcontact/get_groupmsg_task";
const RESULT: &str = "externalcontact/get_groupmsg_send_result";
const REMIND: &str = "externalcontact/remind_groupmsg_send";
const CANCEL: &str = "externalcontact/cancel_groupmsg_send";
const LEGACY: &str = "externalcontact/get_group_msg_result";
const WELCOME: &str = "externalcontact/send_welcome_msg";
const T_ADD: &str = "externalcontact/group_welcome_template/add";
const T_EDIT: &str = "externalcontact/group_welcome_template/edit";
const T_GET: &str = "externalcontact/group_welcome_template/get";
const T_DEL: &str = "externalcontact/group_welcome_template/del";

const MSGID: &str = "msgGCAAAXtWyujaWJHDDGi0mACAAAA";
const START: i64 = 1_605_171_726;
const MONTH: i64 = 31 * 86400;

const SINGLE_ONLY: &str = "is only used when chat_type is \"single\" (to customers): it is ignored";
const GROUP_ONLY: &str = "is only used when chat_type is \"group\" (to group chats): it is ignored";
const NOT_BOTH_EMPTY: &str = "text and attachments must not both be empty";
const ONE_ITEM: &str = "an attachment holds one item, the one its msgtype names: this one is ignored";

fn required() -> Says {
    Says::Is(Msg::Required)
}

fn en(text: &'static str) -> Says {
    Says::En(text)
}

fn ids(prefix: &str, n: usize) -> Value {
    Value::Array((0..n).map(|i| json!(format!("{prefix}{i:05}"))).collect())
}

/// A minimal mass message to customers.
fn add() -> Value {
    json!({ "external_userid": ids("wm", 1), "text": { "content": "你好" } })
}

/// A minimal mass message to group chats.
fn add_group() -> Value {
    json!({ "chat_type": "group", "sender": "zhangsan", "text": { "content": "你好" } })
}

fn welcome() -> Value {
    json!({ "welcome_code": "CALLBACK_CODE", "text": { "content": "欢迎" } })
}

/// One valid attachment of each type.
fn attachments() -> [Value; 5] {
    [
        json!({ "msgtype": "image", "image": { "media_id": "MEDIA_ID" } }),
        json!({ "msgtype": "link", "link": { "title": "标题", "url": "https://example.com/" } }),
        json!({ "msgtype": "miniprogram", "miniprogram": { "title": "标题", "pic_media_id": "M", "appid": "wx1", "page": "/i" } }),
        json!({ "msgtype": "video", "video": { "media_id": "MEDIA_ID" } }),
        json!({ "msgtype": "file", "file": { "media_id": "MEDIA_ID" } }),
    ]
}

/// `base` with these attachments (and no text, so the attachments carry the message).
fn with_attachments(base: &Value, items: Vec<Value>) -> Value {
    with(&without(base, "text"), json!({ "attachments": items }))
}

#[test]
fn r_ms_01_add_msg_template_recipients_and_chat_type() {
    // chat_type is "single" or "group"; anything else is refused.
    for bad in ["Single", "groups", "group\u{0}", "miniprogram", "a-chat-type-much-longer-than-twelve-bytes"] {
        fails(
            ADD,
            &with(&add(), json!({ "chat_type": bad })),
            &[("/chat_type", "R-MS-01", en("chat_type must be \"single\" or \"group\""))],
        );
    }
    passes(ADD, &with(&add(), json!({ "chat_type": "single" })));
    passes(ADD, &add_group());
    // group: sender is required.
    fails(
        ADD,
        &without(&add_group(), "sender"),
        &[("/sender", "R-MS-01", required()), ("", "R-MS-01", en("external_userid and sender must not both be empty"))],
    );
    // external_userid and sender not both empty (sender alone selects all the member's customers).
    let neither = json!({ "text": { "content": "你好" } });
    fails(ADD, &neither, &[("", "R-MS-01", en("external_userid and sender must not both be empty"))]);
    passes(ADD, &with(&neither, json!({ "sender": "zhangsan" })));
    // At most 10 000 customers, at most 2000 group chats.
    passes(ADD, &with(&add(), json!({ "external_userid": ids("wm", 10_000) })));
    fails(
        ADD,
        &with(&add(), json!({ "external_userid": ids("wm", 10_001) })),
        &[("/external_userid", "R-MS-01", Says::Is(Msg::MaxItems { max: 10_000, actual: 10_001 }))],
    );
    passes(ADD, &with(&add_group(), json!({ "chat_id_list": ids("wr", 2000) })));
    fails(
        ADD,
        &with(&add_group(), json!({ "chat_id_list": ids("wr", 2001) })),
        &[("/chat_id_list", "R-MS-01", Says::Is(Msg::MaxItems { max: 2000, actual: 2001 }))],
    );
    // At most 100 tags per tag-filter group.
    let filter =
        |n| json!({ "tag_filter": { "group_list": [{ "tag_list": ids("et", 1) }, { "tag_list": ids("et", n) }] } });
    passes(ADD, &with(&add(), filter(100)));
    fails(
        ADD,
        &with(&add(), filter(101)),
        &[("/tag_filter/group_list/1/tag_list", "R-MS-01", Says::Is(Msg::MaxItems { max: 100, actual: 101 }))],
    );
    // The other type's members are ignored: warnings.
    warns(
        ADD,
        &with(&add_group(), json!({ "external_userid": ids("wm", 1), "allow_select": true })),
        &[("/external_userid", "R-MS-01", en(SINGLE_ONLY)), ("/allow_select", "R-MS-01", en(SINGLE_ONLY))],
    );
    warns(ADD, &with(&add_group(), filter(1)), &[("/tag_filter", "R-MS-01", en(SINGLE_ONLY))]);
    warns(
        ADD,
        &with(&add(), json!({ "chat_type": "single", "chat_id_list": ids("wr", 1) })),
        &[("/chat_id_list", "R-MS-01", en(GROUP_ONLY))],
    );
    passes(ADD, &with(&add(), json!({ "allow_select": true, "sender": "zhangsan" })));
}

#[test]
fn r_ms_02_message_body_and_attachments_match_their_msgtype() {
    for base in [add(), welcome()] {
        let endpoint = if base.get("welcome_code").is_some() { WELCOME } else { ADD };
        // Every attachment type with its own member passes, nine at most.
        passes(endpoint, &with_attachments(&base, attachments().to_vec()));
        let nine: Vec<Value> = attachments().iter().chain(attachments().iter()).take(9).cloned().collect();
        passes(endpoint, &with_attachments(&base, nine));
        // text.content at most 4000 bytes (a CJK character is 3 bytes).
        passes(endpoint, &with(&base, json!({ "text": { "content": "a".repeat(4000) } })));
        fails(
            endpoint,
            &with(&base, json!({ "text": { "content": "文".repeat(1334) } })),
            &[("/text/content", "R-MS-02", Says::Is(Msg::MaxBytes { max: 4000, actual: 4002 }))],
        );
        // msgtype names the member that must be there.
        for (i, item) in attachments().iter().enumerate() {
            let t = item["msgtype"].as_str().unwrap();
            let other = &attachments()[(i + 1) % 5];
            let o = other["msgtype"].as_str().unwrap();
            // The wrong member: the right one is missing, the other is ignored.
            let swapped = json!({ "msgtype": t, o: other[o].clone() });
            let r = report_of(endpoint, &with_attachments(&base, vec![swapped]));
            assert_eq!(r.errors.len(), 1, "{t}: {:?}", r.errors);
            assert_eq!((r.errors[0].path.as_str(), r.errors[0].rule), (&*format!("/attachments/0/{t}"), "R-MS-02"));
            assert_eq!(r.errors[0].msg, Msg::Required);
            assert!(r.warnings.is_empty());
            // Both: the one msgtype names is used, the other ignored (a warning on the later one).
            let both = with(item, json!({ o: other[o].clone() }));
            let later = if i < (i + 1) % 5 { o } else { t };
            warns(
                endpoint,
                &with_attachments(&base, vec![both]),
                &[(Box::leak(format!("/attachments/0/{later}").into_boxed_str()), "R-MS-02", en(ONE_ITEM))],
            );
        }
        // An unknown msgtype.
        for bad in ["text", "Image", " image", "miniprogram-card"] {
            fails(
                endpoint,
                &with_attachments(&base, vec![json!({ "msgtype": bad, "image": { "media_id": "M" } })]),
                &[("/attachments/0/msgtype", "R-MS-02", en("msgtype must be image, link, miniprogram, video or file"))],
            );
        }
        // An image needs media_id or pic_url; with both, pic_url is ignored.
        let image = |v: Value| with_attachments(&base, vec![json!({ "msgtype": "image", "image": v })]);
        passes(endpoint, &image(json!({ "pic_url": "https://wework.qpic.cn/x" })));
        let no_image = en("an image needs a media_id or a pic_url");
        fails(endpoint, &image(json!({ "media_id": "" })), &[("/attachments/0/image", "R-MS-02", no_image.clone())]);
        // An empty object is also no image at all, as msgtype requires it.
        fails(
            endpoint,
            &image(json!({})),
            &[("/attachments/0/image", "R-MS-02", no_image), ("/attachments/0/image", "R-MS-02", required())],
        );
        warns(
            endpoint,
            &image(json!({ "media_id": "M", "pic_url": "https://wework.qpic.cn/x" })),
            &[(
                "/attachments/0/image/pic_url",
                "R-MS-02",
                en("with a media_id, WeCom uses the media_id: pic_url is ignored"),
            )],
        );
        // Link and mini-program limits.
        let link = |v: Value| with_attachments(&base, vec![json!({ "msgtype": "link", "link": v })]);
        passes(
            endpoint,
            &link(
                json!({ "title": "a".repeat(128), "url": "u".repeat(2048), "desc": "d".repeat(512), "picurl": "p".repeat(2048) }),
            ),
        );
        fails(
            endpoint,
            &link(json!({ "title": "a".repeat(129), "url": "u" })),
            &[("/attachments/0/link/title", "R-MS-02", Says::Is(Msg::MaxBytes { max: 128, actual: 129 }))],
        );
        fails(endpoint, &link(json!({ "title": "t" })), &[("/attachments/0/link/url", "R-MS-02", required())]);
        let mp = |title: String| {
            with_attachments(
                &base,
                vec![
                    json!({ "msgtype": "miniprogram", "miniprogram": { "title": title, "pic_media_id": "M", "appid": "wx1", "page": "/i" } }),
                ],
            )
        };
        passes(endpoint, &mp("a".repeat(64)));
        fails(
            endpoint,
            &mp("a".repeat(65)),
            &[("/attachments/0/miniprogram/title", "R-MS-02", Says::Is(Msg::MaxBytes { max: 64, actual: 65 }))],
        );
        fails(
            endpoint,
            &with_attachments(&base, vec![json!({ "msgtype": "video", "video": { "media_id": "" } })]),
            &[("/attachments/0/video/media_id", "R-MS-02", required())],
        );
    }
    // add_msg_template: at most 9 attachments; text and attachments not both empty.
    let ten: Vec<Value> = (0..10).map(|i| attachments()[i % 5].clone()).collect();
    fails(
        ADD,
        &with_attachments(&add(), ten),
        &[("/attachments", "R-MS-02", Says::Is(Msg::MaxItems { max: 9, actual: 10 }))],
    );
    fails(ADD, &without(&add(), "text"), &[("", "R-MS-02", en(NOT_BOTH_EMPTY))]);
    fails(ADD, &with_attachments(&add(), vec![]), &[("", "R-MS-02", en(NOT_BOTH_EMPTY))]);
}

#[test]
fn r_ms_03_old_top_level_format_is_a_warning() {
    const OLD: &str = "is the old mass-message format: use attachments (up to 9)";
    warns(ADD, &with(&add(), json!({ "image": { "media_id": "MEDIA_ID" } })), &[("/image", "R-MS-03", en(OLD))]);
    // The old format alone still carries a message (no R-MS-02 error), with the warning.
    warns(
        ADD,
        &with(&without(&add(), "text"), json!({ "link": { "title": "t", "url": "https://example.com/" } })),
        &[("/link", "R-MS-03", en(OLD))],
    );
    passes(ADD, &with_attachments(&add(), vec![attachments()[0].clone()]));
}

#[test]
fn r_ms_04_receive_quota_is_server_side() {
    // The client cannot know what each customer already received: a large send is not refused.
    passes(ADD, &with(&add(), json!({ "external_userid": ids("wm", 10_000) })));
    // Recipients over quota come back in the send results as status 3.
    assert_eq!(GroupMsgSendStatus::from_value(3), GroupMsgSendStatus::AlreadyReceived);
}

#[test]
fn r_ms_05_created_messages_dispatch_later_41063() {
    let info = errcode::lookup(41063).expect("41063 in the errcode table");
    assert_eq!(info.class, ErrorClass::Retry);
    // Querying right away is a valid request: the client does not refuse it.
    passes(TASK, &json!({ "msgid": MSGID }));
}

#[test]
fn r_ms_06_groupmsg_list_range_and_limit() {
    let base = json!({ "chat_type": "single", "start_time": START, "end_time": START + MONTH });
    passes(LIST, &base);
    passes(LIST, &with(&base, json!({ "chat_type": "group", "end_time": START })));
    for f in ["chat_type", "start_time", "end_time"] {
        fails(LIST, &without(&base, f), &[(Box::leak(format!("/{f}").into_boxed_str()), "R-MS-06", required())]);
    }
    fails(
        LIST,
        &with(&base, json!({ "chat_type": "all" })),
        &[("/chat_type", "R-MS-06", en("chat_type must be \"single\" or \"group\""))],
    );
    fails(
        LIST,
        &with(&base, json!({ "end_time": START - 1 })),
        &[("/start_time", "R-MS-06", en("start_time must not be after end_time"))],
    );
    fails(
        LIST,
        &with(&base, json!({ "end_time": START + MONTH + 1 })),
        &[("/end_time", "R-MS-06", en("end_time must be at most a month (31 days) after start_time"))],
    );
    for ft in [0, 1, 2] {
        passes(LIST, &with(&base, json!({ "filter_type": ft })));
    }
    fails(
        LIST,
        &with(&base, json!({ "filter_type": 3 })),
        &[("/filter_type", "R-MS-06", Says::Is(Msg::OneOf { allowed: &[0, 1, 2], actual: 3 }))],
    );
    passes(LIST, &with(&base, json!({ "limit": 100 })));
    warns(
        LIST,
        &with(&base, json!({ "limit": 101 })),
        &[("/limit", "R-MS-06", Says::Is(Msg::Range { min: 1, max: 100, actual: 101 }))],
    );
}

#[test]
fn r_ms_07_groupmsg_task_msgid_and_limit() {
    passes(TASK, &json!({ "msgid": MSGID, "limit": 1000, "cursor": "C" }));
    fails(TASK, &json!({}), &[("/msgid", "R-MS-07", required())]);
    warns(
        TASK,
        &json!({ "msgid": MSGID, "limit": 1001 }),
        &[("/limit", "R-MS-07", Says::Is(Msg::Range { min: 1, max: 1000, actual: 1001 }))],
    );
    assert_eq!(GroupMsgTaskStatus::from_value(2), GroupMsgTaskStatus::Sent);
    assert_eq!(GroupMsgTaskStatus::from_value(7), GroupMsgTaskStatus::Other(7));
}

#[test]
fn r_ms_08_groupmsg_send_result_msgid_userid_and_limit() {
    let base = json!({ "msgid": MSGID, "userid": "zhangsan" });
    passes(RESULT, &with(&base, json!({ "limit": 1000 })));
    fails(RESULT, &without(&base, "userid"), &[("/userid", "R-MS-08", required())]);
    fails(RESULT, &without(&base, "msgid"), &[("/msgid", "R-MS-08", required())]);
    warns(
        RESULT,
        &with(&base, json!({ "limit": 5000 })),
        &[("/limit", "R-MS-08", Says::Is(Msg::Range { min: 1, max: 1000, actual: 5000 }))],
    );
    // Unknown statuses are kept as numbers.
    let r: GetGroupmsgSendResultResponse =
        serde_json::from_value(json!({ "errcode": 0, "send_list": [{ "chat_id": "wr1", "status": 9 }] })).unwrap();
    assert_eq!(r.send_list[0].status, GroupMsgSendStatus::Other(9));
}

#[test]
fn r_ms_09_remind_and_cancel_need_msgid_remind_quota_41094() {
    for endpoint in [REMIND, CANCEL] {
        passes(endpoint, &json!({ "msgid": MSGID }));
        fails(endpoint, &json!({ "msgid": "" }), &[("/msgid", "R-MS-09", required())]);
    }
    let info = errcode::lookup(41094).expect("41094 in the errcode table");
    assert_eq!(info.class, ErrorClass::Quota);
    assert!(errcode::lookup(41093).is_some());
}

#[test]
fn r_ms_10_send_welcome_msg() {
    passes(WELCOME, &welcome());
    fails(WELCOME, &without(&welcome(), "welcome_code"), &[("/welcome_code", "R-MS-10", required())]);
    fails(WELCOME, &json!({ "welcome_code": "C" }), &[("", "R-MS-10", en(NOT_BOTH_EMPTY))]);
    let ten: Vec<Value> = (0..10).map(|i| attachments()[i % 5].clone()).collect();
    fails(
        WELCOME,
        &with_attachments(&welcome(), ten),
        &[("/attachments", "R-MS-10", Says::Is(Msg::MaxItems { max: 9, actual: 10 }))],
    );
    // Expired, already used, concurrent: the server's answers.
    for code in [41049, 41050, 41051, 41096] {
        let info = errcode::lookup(code).unwrap_or_else(|| panic!("{code} in the errcode table"));
        assert_ne!(info.class, ErrorClass::Retry, "{code}");
    }
}

#[test]
fn r_ms_11_group_welcome_templates() {
    const EMPTY: &str = "text, image, link, miniprogram, file and video must not all be empty";
    const FIRST: &str = "only the first of image, link, miniprogram, file and video is used: this one is ignored";
    let text = |n: usize| json!({ "text": { "content": "a".repeat(n) } });
    let edit = |v: Value| with(&v, json!({ "template_id": "msgXXXXXXX" }));
    // The same page says 3000 bytes on add and 4000 on edit.
    passes(T_ADD, &text(3000));
    fails(T_ADD, &text(3001), &[("/text/content", "R-MS-11", Says::Is(Msg::MaxBytes { max: 3000, actual: 3001 }))]);
    passes(T_EDIT, &edit(text(4000)));
    fails(
        T_EDIT,
        &edit(text(4001)),
        &[("/text/content", "R-MS-11", Says::Is(Msg::MaxBytes { max: 4000, actual: 4001 }))],
    );
    fails(T_ADD, &json!({ "notify": 1 }), &[("", "R-MS-11", en(EMPTY))]);
    fails(T_EDIT, &edit(json!({})), &[("", "R-MS-11", en(EMPTY))]);
    passes(T_ADD, &json!({ "file": { "media_id": "M" } }));
    warns(
        T_ADD,
        &json!({ "image": { "media_id": "M" }, "video": { "media_id": "V" } }),
        &[("/video", "R-MS-11", en(FIRST))],
    );
    passes(T_ADD, &with(&text(1), json!({ "notify": 0 })));
    fails(
        T_ADD,
        &with(&text(1), json!({ "notify": 2 })),
        &[("/notify", "R-MS-11", Says::Is(Msg::OneOf { allowed: &[0, 1], actual: 2 }))],
    );
    fails(T_EDIT, &text(1), &[("/template_id", "R-MS-11", required())]);
    for endpoint in [T_GET, T_DEL] {
        passes(endpoint, &json!({ "template_id": "msgXXXXXXX" }));
        fails(endpoint, &json!({}), &[("/template_id", "R-MS-11", required())]);
    }
    for code in [41055, 41058] {
        assert!(errcode::lookup(code).is_some(), "{code} in the errcode table");
    }
}

#[test]
fn r_ms_12_legacy_get_group_msg_result() {
    passes(LEGACY, &json!({ "msgid": MSGID }));
    fails(LEGACY, &json!({}), &[("/msgid", "R-MS-12", required())]);
    warns(
        LEGACY,
        &json!({ "msgid": MSGID, "limit": 10_001 }),
        &[("/limit", "R-MS-12", Says::Is(Msg::Range { min: 1, max: 10_000, actual: 10_001 }))],
    );
    let legacy = wecom_core::endpoints::find(LEGACY).unwrap();
    assert_eq!(legacy.deprecated, Some(RESULT));
}
