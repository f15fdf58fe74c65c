//! Helpers shared by the integration tests: a scripted fake transport, a tiny executor, a
//! deterministic PRNG and fixture loading. Nothing here talks to the network.

#![allow(dead_code)]

pub mod findings;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use serde_json::{json, Map, Value};
use wecom_core::client::{Client, ClientConfig, HttpReply, HttpRequest, Transport, TransportError};
use wecom_core::json::{Json, Number};
use wecom_core::messages::Msg;
use wecom_core::schema::{Kind, Model, Secret};
use wecom_core::tape::{self, Tape};
use wecom_core::validate::{self, Issue, Report};

/// A corpsecret that must never show up in any printed error or request.
pub const SECRET: &str = "sec9Xa7Qm2LpZ4rT8vW1yB3nC5dE6fG0hJkLmNoPqRs";
/// A corp id.
pub const CORP_ID: &str = "ww1234567890abcdef";
/// Tokens handed out by the fake gettoken, in order.
pub const TOKENS: [&str; 4] = [
    "tokA_Hk3QvJ8sYw2nP0aZrL5mX7cB9dF1gT4u",
    "tokB_Zq8WmN3xR5tY7uI9oP1aS2dF4gH6jK0l",
    "tokC_Lp0OkI9uJ8yH7tG6rF5eD4wS3qA2zX1c",
    "tokD_Mn4Bv5Cx6Zl7Kj8Hg9Fd0Sa1Qw2Er3Ty",
];

// ---------------------------------------------------------------------------------------------
// Executor
// ---------------------------------------------------------------------------------------------

/// Polls `fut` to completion with a no-op waker. Futures of the fake transport wake themselves
/// and are ready after a bounded number of polls, so a bound on the polls catches deadlocks.
pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = std::pin::pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..100_000 {
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("block_on: the future never completed (deadlock?)");
}

/// A boxed, pinned, non-`Send` future.
pub type LocalFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Polls every future round-robin (one poll each per round) until all are done; results in
/// input order. Panics if they do not all finish within a bounded number of rounds.
pub fn join_all<'a, T>(futures: Vec<LocalFuture<'a, T>>) -> Vec<T> {
    let n = futures.len();
    let mut slots: Vec<Option<LocalFuture<'a, T>>> = futures.into_iter().map(Some).collect();
    let mut out: Vec<Option<T>> = (0..n).map(|_| None).collect();
    let mut cx = Context::from_waker(Waker::noop());
    for _round in 0..10_000 {
        let mut pending = 0;
        for (slot, result) in slots.iter_mut().zip(out.iter_mut()) {
            if let Some(fut) = slot.as_mut() {
                match fut.as_mut().poll(&mut cx) {
                    Poll::Ready(v) => {
                        *result = Some(v);
                        *slot = None;
                    }
                    Poll::Pending => pending += 1,
                }
            }
        }
        if pending == 0 {
            return out.into_iter().map(|r| r.expect("every future finished")).collect();
        }
    }
    panic!("join_all: futures did not finish (deadlock?)");
}

/// Polls a future exactly once.
pub fn poll_once<T>(fut: &mut LocalFuture<'_, T>) -> Poll<T> {
    let mut cx = Context::from_waker(Waker::noop());
    fut.as_mut().poll(&mut cx)
}

/// Returns `Pending` `n` times (waking itself each time), then `Ready`.
pub struct PendingFor(pub usize);

impl Future for PendingFor {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            Poll::Ready(())
        } else {
            self.0 -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fake transport
// ---------------------------------------------------------------------------------------------

/// What the fake answers to one request.
pub type Reply = Result<HttpReply<Value>, TransportError>;

type Responder = Box<dyn FnMut(&HttpRequest) -> Reply>;

/// A scripted transport: records every request, answers from a queue (or from a responder
/// function when one is set), and has a settable clock.
pub struct Fake {
    log: RefCell<Vec<HttpRequest>>,
    script: RefCell<VecDeque<Reply>>,
    responder: RefCell<Option<Responder>>,
    clock: Cell<f64>,
    gettoken_delay: Cell<usize>,
    call_delay: Cell<usize>,
}

impl fmt::Debug for Fake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Deliberately prints neither the script (it holds tokens) nor the requests.
        write!(f, "Fake {{ requests: {} }}", self.log.borrow().len())
    }
}

impl Default for Fake {
    fn default() -> Self {
        Fake::new(Vec::new())
    }
}

impl Fake {
    /// A fake answering `script` in order; the clock starts at 1_700_000_000_000 ms.
    pub fn new(script: Vec<Reply>) -> Fake {
        Fake {
            log: RefCell::new(Vec::new()),
            script: RefCell::new(script.into()),
            responder: RefCell::new(None),
            clock: Cell::new(1_700_000_000_000.0),
            gettoken_delay: Cell::new(0),
            call_delay: Cell::new(0),
        }
    }

    /// A fake answering through `f` (the queue is ignored).
    pub fn responding(f: impl FnMut(&HttpRequest) -> Reply + 'static) -> Fake {
        let fake = Fake::new(Vec::new());
        *fake.responder.borrow_mut() = Some(Box::new(f));
        fake
    }

    /// Appends answers to the queue.
    pub fn push(&self, replies: impl IntoIterator<Item = Reply>) {
        self.script.borrow_mut().extend(replies);
    }

    /// gettoken futures return `Pending` this many times before answering.
    pub fn set_gettoken_delay(&self, polls: usize) {
        self.gettoken_delay.set(polls);
    }

    /// Business-call futures return `Pending` this many times before answering.
    pub fn set_call_delay(&self, polls: usize) {
        self.call_delay.set(polls);
    }

    /// Moves the clock forward.
    pub fn advance_ms(&self, ms: f64) {
        self.clock.set(self.clock.get() + ms);
    }

    /// Every request sent so far.
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.log.borrow().clone()
    }

    /// How many requests were sent.
    pub fn count(&self) -> usize {
        self.log.borrow().len()
    }

    /// How many gettoken requests were sent.
    pub fn gettoken_count(&self) -> usize {
        self.log.borrow().iter().filter(|r| is_gettoken(r)).count()
    }

    /// How many answers are still queued.
    pub fn remaining(&self) -> usize {
        self.script.borrow().len()
    }

    fn answer(&self, request: &HttpRequest) -> Reply {
        if let Some(f) = self.responder.borrow_mut().as_mut() {
            return f(request);
        }
        self.script
            .borrow_mut()
            .pop_front()
            .unwrap_or_else(|| Err(TransportError::new("fake transport: script exhausted")))
    }
}

impl Transport for Fake {
    type Body = Value;

    async fn send(&self, request: &HttpRequest) -> Reply {
        self.log.borrow_mut().push(request.clone());
        let delay = if is_gettoken(request) { self.gettoken_delay.get() } else { self.call_delay.get() };
        PendingFor(delay).await;
        self.answer(request)
    }

    fn now_ms(&self) -> f64 {
        self.clock.get()
    }

    /// Moves the clock and yields once, so that other futures run while this one "sleeps".
    async fn sleep(&self, ms: f64) {
        self.advance_ms(ms);
        PendingFor(1).await;
    }
}

/// `true` for a gettoken request.
pub fn is_gettoken(r: &HttpRequest) -> bool {
    url_path(&r.url) == "/cgi-bin/gettoken"
}

/// The path part of a URL (`/cgi-bin/…`), without scheme, host and query.
pub fn url_path(url: &str) -> &str {
    let no_query = url.split('?').next().unwrap_or_default();
    let after_scheme = no_query.split_once("://").map_or(no_query, |(_, rest)| rest);
    after_scheme.find('/').map_or("", |i| &after_scheme[i..])
}

/// The raw (still percent-encoded) value of query parameter `key`.
pub fn query_param<'a>(url: &'a str, key: &str) -> Option<&'a str> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then_some(v)
    })
}

/// A 200 JSON answer.
pub fn ok(body: Value) -> Reply {
    Ok(HttpReply::Json { status: 200, body })
}

/// A successful gettoken answer.
pub fn token_reply(token: &str, expires_in: i64) -> Reply {
    ok(json!({ "errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": expires_in }))
}

/// A WeCom error answer (HTTP 200, non-zero errcode).
pub fn errcode(code: i64, errmsg: &str) -> Reply {
    ok(json!({ "errcode": code, "errmsg": errmsg }))
}

/// A plain success answer.
pub fn success() -> Reply {
    ok(json!({ "errcode": 0, "errmsg": "ok" }))
}

/// A network failure.
pub fn network(message: &str) -> Reply {
    Err(TransportError::new(message))
}

/// A client for [`CORP_ID`]/[`SECRET`] on the official host over `fake`.
pub fn client(fake: Fake) -> Client<Fake> {
    Client::new(ClientConfig::new(CORP_ID, Secret::new(SECRET)).expect("valid config"), fake)
}

/// Panics if `text` contains the secret or any of the tokens.
pub fn assert_no_secrets(what: &str, text: &str) {
    assert!(!text.contains(SECRET), "{what} leaks the corpsecret: {text}");
    for t in TOKENS {
        assert!(!text.contains(t), "{what} leaks an access_token: {text}");
    }
}

/// Checks `Display` and `Debug` of an error for secrets; returns the error for chaining.
pub fn clean<E: fmt::Display + fmt::Debug>(e: E) -> E {
    assert_no_secrets("Display", &format!("{e}"));
    assert_no_secrets("Debug", &format!("{e:?}"));
    assert_no_secrets("Debug (alternate)", &format!("{e:#?}"));
    e
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// `tests/fixtures/<rel>`.
pub fn fixture_path(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures").join(rel)
}

/// The text of `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> String {
    let p = fixture_path(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// The JSON of `tests/fixtures/<rel>`.
pub fn fixture_json(rel: &str) -> Value {
    serde_json::from_str(&fixture(rel)).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"))
}

/// `valid_payloads.json`: endpoint path → minimal valid payload.
pub fn valid_payloads() -> Map<String, Value> {
    match fixture_json("valid_payloads.json") {
        Value::Object(m) => m,
        other => panic!("valid_payloads.json must be an object, got {other}"),
    }
}

/// The response fixture file name of an endpoint: its path with `/` replaced by `_`.
pub fn response_fixture_name(path: &str) -> String {
    format!("responses/{}.json", path.replace('/', "_"))
}

/// Deserializes `text` into the typed request struct of the endpoint at `path`.
pub fn typed_accepts(path: &str, text: &str) -> Result<(), String> {
    use wecom_core::models::*;
    fn de<T: serde::de::DeserializeOwned>(text: &str) -> Result<(), String> {
        serde_json::from_str::<T>(text).map(drop).map_err(|e| e.to_string())
    }
    match path {
        "gettoken" => de::<GetTokenRequest>(text),
        "externalcontact/get_follow_user_list" => de::<GetFollowUserListRequest>(text),
        "externalcontact/add_contact_way" => de::<AddContactWayRequest>(text),
        "externalcontact/get_contact_way" | "externalcontact/del_contact_way" => de::<ContactWayIdRequest>(text),
        "externalcontact/list_contact_way" => de::<ListContactWayRequest>(text),
        "externalcontact/update_contact_way" => de::<UpdateContactWayRequest>(text),
        "externalcontact/close_temp_chat" => de::<CloseTempChatRequest>(text),
        "corpgroup/batch/external_userid_to_pending_id" | "idconvert/batch/external_userid_to_pending_id" => {
            de::<ExternalUseridToPendingIdRequest>(text)
        }
        "idconvert/unionid_to_external_userid" => de::<UnionidToExternalUseridRequest>(text),
        "externalcontact/get_new_external_userid" => de::<GetNewExternalUseridRequest>(text),
        "externalcontact/groupchat/get_new_external_userid" => de::<GroupChatGetNewExternalUseridRequest>(text),
        "externalcontact/from_service_external_userid" => de::<FromServiceExternalUseridRequest>(text),
        "batch/openuserid_to_userid" => de::<OpenuseridToUseridRequest>(text),
        "idconvert/external_tagid" => de::<ExternalTagidRequest>(text),
        "corpgroup/unionid_to_external_userid" => de::<CorpGroupUnionidToExternalUseridRequest>(text),
        "corpgroup/unionid_to_pending_id" => de::<CorpGroupUnionidToPendingIdRequest>(text),
        "externalcontact/convert_to_openid" => de::<ConvertToOpenidRequest>(text),
        "externalcontact/check_follow_user" => de::<CheckFollowUserRequest>(text),
        "externalcontact/list" => de::<ListExternalContactRequest>(text),
        "externalcontact/get" => de::<GetExternalContactRequest>(text),
        "externalcontact/batch/get_by_user" => de::<BatchGetByUserRequest>(text),
        "externalcontact/remark" => de::<RemarkExternalContactRequest>(text),
        "externalcontact/contact_list" => de::<ContactListRequest>(text),
        "crm/get_external_contact" => de::<LegacyGetExternalContactRequest>(text),
        "externalcontact/unionid_to_external_userid" => de::<CorpUnionidToExternalUseridRequest>(text),
        "externalcontact/transfer_customer" => de::<TransferCustomerRequest>(text),
        "externalcontact/transfer_result" | "externalcontact/resigned/transfer_result" => {
            de::<TransferResultRequest>(text)
        }
        "externalcontact/groupchat/onjob_transfer" | "externalcontact/groupchat/transfer" => {
            de::<GroupChatTransferRequest>(text)
        }
        "externalcontact/get_unassigned_list" => de::<GetUnassignedListRequest>(text),
        "externalcontact/resigned/transfer_customer" => de::<ResignedTransferCustomerRequest>(text),
        "externalcontact/transfer" => de::<LegacyTransferRequest>(text),
        "externalcontact/get_transfer_result" => de::<GetTransferResultRequest>(text),
        "externalcontact/groupchat/list" => de::<GroupChatListRequest>(text),
        "externalcontact/groupchat/get" => de::<GroupChatGetRequest>(text),
        "externalcontact/opengid_to_chatid" => de::<OpengidToChatidRequest>(text),
        "externalcontact/get_corp_tag_list" => de::<GetCorpTagListRequest>(text),
        "externalcontact/add_corp_tag" => de::<AddCorpTagRequest>(text),
        "externalcontact/edit_corp_tag" => de::<EditCorpTagRequest>(text),
        "externalcontact/del_corp_tag" => de::<DelCorpTagRequest>(text),
        "externalcontact/mark_tag" => de::<MarkTagRequest>(text),
        "externalcontact/get_strategy_tag_list" => de::<GetStrategyTagListRequest>(text),
        "externalcontact/add_strategy_tag" => de::<AddStrategyTagRequest>(text),
        "externalcontact/edit_strategy_tag" => de::<EditStrategyTagRequest>(text),
        "externalcontact/del_strategy_tag" => de::<DelStrategyTagRequest>(text),
        "externalcontact/groupchat/add_join_way" => de::<AddJoinWayRequest>(text),
        "externalcontact/groupchat/get_join_way" | "externalcontact/groupchat/del_join_way" => {
            de::<JoinWayIdRequest>(text)
        }
        "externalcontact/groupchat/update_join_way" => de::<UpdateJoinWayRequest>(text),
        // issue 12: moments and moment strategies (moments helper)
        "externalcontact/add_moment_task" => de::<AddMomentTaskRequest>(text),
        "externalcontact/get_moment_task_result" => de::<GetMomentTaskResultRequest>(text),
        "externalcontact/cancel_moment_task" => de::<CancelMomentTaskRequest>(text),
        "externalcontact/get_moment_list" => de::<GetMomentListRequest>(text),
        "externalcontact/get_moment_task" => de::<GetMomentTaskRequest>(text),
        "externalcontact/get_moment_customer_list" => de::<GetMomentCustomerListRequest>(text),
        "externalcontact/get_moment_send_result" => de::<GetMomentSendResultRequest>(text),
        "externalcontact/get_moment_comments" => de::<GetMomentCommentsRequest>(text),
        "externalcontact/moment_strategy/list" => de::<MomentStrategyListRequest>(text),
        "externalcontact/moment_strategy/get" | "externalcontact/moment_strategy/del" => {
            de::<MomentStrategyIdRequest>(text)
        }
        "externalcontact/moment_strategy/get_range" => de::<MomentStrategyGetRangeRequest>(text),
        "externalcontact/moment_strategy/create" => de::<MomentStrategyCreateRequest>(text),
        "externalcontact/moment_strategy/edit" => de::<MomentStrategyEditRequest>(text),
        // issue 12: statistics (strategies helper)
        "externalcontact/get_user_behavior_data" => de::<GetUserBehaviorDataRequest>(text),
        "externalcontact/groupchat/statistic" => de::<GroupChatStatisticRequest>(text),
        "externalcontact/groupchat/statistic_group_by_day" => de::<GroupChatStatisticByDayRequest>(text),
        // issue 12: customer strategies (strategies helper)
        "externalcontact/customer_strategy/list" => de::<CustomerStrategyListRequest>(text),
        "externalcontact/customer_strategy/get" => de::<CustomerStrategyGetRequest>(text),
        "externalcontact/customer_strategy/get_range" => de::<CustomerStrategyGetRangeRequest>(text),
        "externalcontact/customer_strategy/create" => de::<CustomerStrategyCreateRequest>(text),
        "externalcontact/customer_strategy/edit" => de::<CustomerStrategyEditRequest>(text),
        "externalcontact/customer_strategy/del" => de::<CustomerStrategyDelRequest>(text),
        "externalcontact/add_msg_template" => de::<AddMsgTemplateRequest>(text),
        "externalcontact/get_groupmsg_list_v2" => de::<GetGroupmsgListV2Request>(text),
        "externalcontact/get_groupmsg_task" => de::<GetGroupmsgTaskRequest>(text),
        "externalcontact/get_groupmsg_send_result" => de::<GetGroupmsgSendResultRequest>(text),
        "externalcontact/remind_groupmsg_send" | "externalcontact/cancel_groupmsg_send" => {
            de::<GroupMsgIdRequest>(text)
        }
        "externalcontact/get_group_msg_result" => de::<GetGroupMsgResultRequest>(text),
        "externalcontact/send_welcome_msg" => de::<SendWelcomeMsgRequest>(text),
        "externalcontact/group_welcome_template/add" => de::<AddGroupWelcomeTemplateRequest>(text),
        "externalcontact/group_welcome_template/edit" => de::<EditGroupWelcomeTemplateRequest>(text),
        "externalcontact/group_welcome_template/get" | "externalcontact/group_welcome_template/del" => {
            de::<GroupWelcomeTemplateIdRequest>(text)
        }
        // issue 12: media uploads (uploads helper)
        "media/upload" => de::<UploadMediaRequest>(text),
        "media/uploadimg" => de::<UploadImageRequest>(text),
        "media/upload_attachment" => de::<UploadAttachmentRequest>(text),
        other => panic!("no typed request for {other}: add it here"),
    }
}

// ---------------------------------------------------------------------------------------------
// Tape (see the layout in `wecom_core::tape`): an encoder written here from the documented
// layout, independent of `tape::from_text`
// ---------------------------------------------------------------------------------------------

/// How [`encode`] writes member keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Fields of the expected model by index; every other member through `names`, one entry per
    /// occurrence (what `tape::from_text` and the JS writer do).
    Indexed,
    /// Like `Indexed`, but a name that occurs several times is stored once and shared.
    Shared,
    /// Every member through `names`, field names included: a writer that knows no schema.
    Named,
}

/// The model expected inside a value of `kind`, if any.
pub fn model_of(kind: Kind) -> Option<&'static Model> {
    match kind {
        Kind::Object(m) => Some(m),
        _ => None,
    }
}

/// The kind of the items of an array of `kind`.
pub fn item_kind(kind: Kind) -> Kind {
    match kind {
        Kind::Array(inner) => inner(),
        _ => Kind::Any,
    }
}

fn name_key(name: &str, keys: Keys, names: &mut Vec<String>) -> f64 {
    let i = match names.iter().position(|n| n == name) {
        Some(i) if keys != Keys::Indexed => i,
        _ => {
            names.push(name.to_owned());
            names.len() - 1
        }
    };
    -(i as f64) - 1.0
}

/// Appends the tape of `value` (expected to be of `kind`) to `out`: `0` null, `1,b` boolean,
/// `2,x` number, `3,bytes,chars` string (`7,bytes,chars,hi,lo` with its content when at most
/// 12 bytes long and the value of a field a cross rule compares with words), `4,n,end,items…` array, `5,n,end,(key,value)…`
/// object, where `end` is the index of the slot just after the container.
pub fn encode(value: &Json<'_>, kind: Kind, keys: Keys, names: &mut Vec<String>, out: &mut Vec<f64>) {
    encode_value(value, kind, false, keys, names, out)
}

/// A field some cross-field rule of `m` compares with a word (`Cond::Is`, `Assert::OneOf`).
fn compared(m: &Model, name: &str) -> bool {
    use wecom_core::cross::{Assert, Cond};
    m.checks.iter().any(|r| {
        r.when.iter().any(|c| matches!(c, Cond::Is(f, _) if *f == name))
            || matches!(r.assert, Assert::OneOf(f, _, _) if f == name)
    })
}

fn encode_value(value: &Json<'_>, kind: Kind, word: bool, keys: Keys, names: &mut Vec<String>, out: &mut Vec<f64>) {
    match value {
        Json::Null => out.push(0.0),
        Json::Bool(b) => out.extend([1.0, if *b { 1.0 } else { 0.0 }]),
        Json::Number(n) => {
            let x = match *n {
                Number::Unsigned(u) => u as f64,
                Number::Signed(i) => i as f64,
                Number::Float(f) => f,
            };
            out.extend([2.0, x]);
        }
        // A compared field's strings of at most 12 bytes carry their content: their bytes
        // big-endian, six per slot (`word` is set by the object case below). A writer that
        // knows no schema cannot tell which fields are compared: it carries every short string.
        Json::Str(s) if (word || keys == Keys::Named) && s.len() <= 12 => {
            let b = s.as_bytes();
            let half = |from: usize| {
                let mut v = 0u64;
                for i in from..from + 6 {
                    v = v * 256 + u64::from(b.get(i).copied().unwrap_or(0));
                }
                v as f64
            };
            out.extend([7.0, s.len() as f64, s.chars().count() as f64, half(0), half(6)]);
        }
        Json::Str(s) => out.extend([3.0, s.len() as f64, s.chars().count() as f64]),
        Json::Array(items) => {
            let start = out.len();
            out.extend([4.0, items.len() as f64, f64::NAN]);
            for item in items {
                encode_value(item, item_kind(kind), false, keys, names, out);
            }
            out[start + 2] = out.len() as f64;
        }
        Json::Object(members) => {
            let start = out.len();
            out.extend([5.0, members.len() as f64, f64::NAN]);
            let model = if keys == Keys::Named { None } else { model_of(kind) };
            for (key, v) in members {
                match model.and_then(|m| m.fields.iter().position(|f| f.name == key.as_ref()).map(|i| (m, i))) {
                    Some((m, i)) => {
                        out.push(i as f64);
                        encode_value(v, (m.fields[i].kind)(), compared(m, m.fields[i].name), keys, names, out);
                    }
                    None => {
                        out.push(name_key(key, keys, names));
                        encode_value(v, Kind::Any, false, keys, names, out);
                    }
                }
            }
            out[start + 2] = out.len() as f64;
        }
    }
}

/// The tape of a parsed value: `(slots, names)`.
pub fn encode_root(value: &Json<'_>, kind: Kind, keys: Keys) -> (Vec<f64>, Vec<String>) {
    let mut names = Vec::new();
    let mut slots = Vec::new();
    encode(value, kind, keys, &mut names, &mut slots);
    (slots, names)
}

/// The report for invalid JSON text: one `json-type` issue at the root.
pub fn invalid_json_report() -> Report {
    Report {
        errors: vec![Issue {
            path: String::new(),
            rule: "json-type",
            msg: Msg::Type { expected: "object", actual: "invalid JSON" },
        }],
        warnings: Vec::new(),
        truncated: false,
    }
}

/// Validates `text` against `model` through my own tape (parse with `Json::parse`, encode,
/// check with `Tape::new`, `validate_tape`). Panics if my tape is rejected.
pub fn validate_via_tape(model: &'static Model, text: &str, keys: Keys) -> Report {
    let kind = Kind::Object(model);
    let json = Json::parse(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text:.200}"));
    let (slots, names) = encode_root(&json, kind, keys);
    let tape = Tape::new(&slots, &names, kind)
        .unwrap_or_else(|e| panic!("my {keys:?} tape of {text:.200} is rejected: {e:?}"));
    validate::validate_tape(model, tape, Default::default())
}

/// Asserts that `tape::from_text` writes exactly the documented layout (my `Indexed`
/// encoding, slot for slot) and that `validate_tape` on each of my encodings reports exactly
/// `text_report` (the report of `validate_text` / `validate_json`). Text that is not JSON must
/// have been reported as such.
pub fn assert_tape_agrees(model: &'static Model, text: &str, text_report: &Report) {
    let kind = Kind::Object(model);
    let written = tape::from_text(text, kind);
    let Ok(json) = Json::parse(text) else {
        match written {
            Ok(_) => panic!("from_text accepts what Json::parse refuses: {text:.200}"),
            // Too deep is found before the end of the text.
            Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
                assert_eq!(text_report.errors.len(), 1, "{text:.200}");
                assert_eq!(text_report.errors[0].rule, "json-depth", "{text:.200}");
            }
            Err(_) => assert_eq!(text_report, &invalid_json_report(), "{text:.200}"),
        }
        return;
    };
    let written = match written {
        Ok(w) => w,
        // Deeper than serde_json's nesting limit: reported as such (the JS validators agree).
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            assert_eq!(text_report.errors.len(), 1, "{text:.200}");
            assert_eq!(text_report.errors[0].rule, "json-depth", "{text:.200}");
            return;
        }
        Err(e) => panic!("from_text refuses what Json::parse accepts ({e}): {text:.200}"),
    };
    for keys in [Keys::Indexed, Keys::Shared, Keys::Named] {
        let (slots, names) = encode_root(&json, kind, keys);
        if keys == Keys::Indexed {
            assert!(
                slots.len() == written.slots.len()
                    && slots.iter().zip(&written.slots).all(|(a, b)| a.to_bits() == b.to_bits()),
                "from_text does not write the documented tape of {text:.200}\n  mine: {:.400}\n  from_text: {:.400}",
                format!("{slots:?}"),
                format!("{:?}", written.slots)
            );
            assert_eq!(names, written.names, "{text:.200}");
        }
        let tape = Tape::new(&slots, &names, kind)
            .unwrap_or_else(|e| panic!("my {keys:?} tape of {text:.200} is rejected: {e:?}"));
        let report = validate::validate_tape(model, tape, Default::default());
        assert_eq!(&report, text_report, "{keys:?} tape and text disagree on {} {text:.300}", model.name);
    }
}

// ---------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------

/// xorshift64* — small, deterministic, good enough for fuzzing.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Seeded generator (a zero seed is replaced).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// `true` with probability 1/n.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// A random element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }
}
