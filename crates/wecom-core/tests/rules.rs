//! Conformance tests of the validation rules: one test per rule id of `rules::CATALOGUE`, each
//! with a payload that breaks exactly that rule (asserting path, rule id and message) and a
//! boundary payload that passes. The last tests check that the catalogue and this file agree.

mod common;

use serde_json::{json, Value};
use wecom_core::cross::{self, Cond};
use wecom_core::errcode::{self, ErrorClass};
use wecom_core::messages::{Locale, Msg};
use wecom_core::models::{
    AddContactWayRequest, Conclusions, ConclusionsText, ContactWayIdRequest, ContactWayScene, ContactWayType,
};
use wecom_core::rules::{self, CATALOGUE};
use wecom_core::schema::{Direction, Field, Kind, Model, Schema};
use wecom_core::tape::{self, Tape};
use wecom_core::validate::{self, Issue};
use wecom_core::{endpoints, validate_json, validate_json_with, Error};

const GETTOKEN: &str = "gettoken";
const FOLLOW: &str = "externalcontact/get_follow_user_list";
const ADD: &str = "externalcontact/add_contact_way";
const GET: &str = "externalcontact/get_contact_way";
const LIST: &str = "externalcontact/list_contact_way";
const UPDATE: &str = "externalcontact/update_contact_way";
const DEL: &str = "externalcontact/del_contact_way";
const CLOSE: &str = "externalcontact/close_temp_chat";
const PENDING_CORPGROUP: &str = "corpgroup/batch/external_userid_to_pending_id";
const PENDING_IDCONVERT: &str = "idconvert/batch/external_userid_to_pending_id";
const UNIONID: &str = "idconvert/unionid_to_external_userid";
const NEW_IDS: &str = "externalcontact/get_new_external_userid";
const GROUP_NEW_IDS: &str = "externalcontact/groupchat/get_new_external_userid";
const FROM_SERVICE: &str = "externalcontact/from_service_external_userid";
const OPEN_USERIDS: &str = "batch/openuserid_to_userid";
const TAG_IDS: &str = "idconvert/external_tagid";
const CORPGROUP_UNIONID: &str = "corpgroup/unionid_to_external_userid";
const CORPGROUP_UNIONID_PENDING: &str = "corpgroup/unionid_to_pending_id";
const OPENID: &str = "externalcontact/convert_to_openid";

const U32_MAX: i64 = u32::MAX as i64;
const FOURTEEN_DAYS: i64 = 1_209_600;

// English texts of the cross-field messages (the constants themselves are private to the crate).
const ONLY_WITH_TEMP: &str = "is only used when is_temp is true: it is ignored";
const ONLY_SINGLE_FOR_TEMP: &str = "temporary mode (is_temp) is only supported for type 1 (single member)";
const PARTY_ONLY_MULTI: &str = "is only used when type is 2 (multiple members): it is ignored";
const CONCLUSIONS_EMPTY: &str = "text, image, link and miniprogram must not all be empty";
const CONCLUSIONS_EXCLUSIVE: &str = "only the first of image, link and miniprogram is used: this one is ignored";
const STYLE_ONLY_MINIPROGRAM: &str = "is only used when scene is 1 (mini-program): it is ignored";
const NOT_ON_UPDATE: &str = "is not taken by update_contact_way (set it on creation): it is ignored";
const START_AFTER_END: &str = "start_time must not be after end_time";

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

/// What an issue's message must be.
#[derive(Debug)]
enum M {
    /// Exactly this message.
    Is(Msg),
    /// A fixed cross-field text, identified by its English wording.
    Text(&'static str),
}

fn describe(issues: &[Issue]) -> String {
    issues.iter().map(|i| format!("\n    {:?} {} {:?}", i.path, i.rule, i.msg)).collect()
}

/// The findings of `payload` in `strict` mode (warnings counted as errors, so all of them are in
/// one list, in order); also checks that `from_text` writes the documented tape, that
/// `validate_tape` on my own encodings of it reports the same, and that the lenient report holds
/// the same findings split into errors and warnings (see `warnings_of` for which are which).
fn issues_text(endpoint: &str, payload: &str) -> Vec<Issue> {
    let strict = validate::Options { strict: true };
    let report = validate_json_with(endpoint, payload, strict).expect("known endpoint");
    let model = endpoints::find(endpoint).expect("known endpoint").request;
    assert_eq!(validate::validate_text(model, payload, strict), report);
    common::assert_tape_agrees(model, payload, &validate_json(endpoint, payload).expect("known endpoint"));
    let lenient = validate_json(endpoint, payload).expect("known endpoint");
    if !report.truncated {
        let mut merged: Vec<&Issue> = lenient.errors.iter().chain(&lenient.warnings).collect();
        let mut all: Vec<&Issue> = report.errors.iter().collect();
        let key = |i: &&Issue| format!("{}\u{0}{}\u{0}{:?}", i.path, i.rule, i.msg);
        merged.sort_by_key(key);
        all.sort_by_key(key);
        assert_eq!(merged, all, "{endpoint} {payload}: strict and lenient disagree");
    }
    report.errors
}

/// The warnings of `payload` (lenient mode) as `(path, rule)`.
fn warnings_of(endpoint: &str, payload: &Value) -> Vec<(String, &'static str)> {
    let report = validate_json(endpoint, &payload.to_string()).expect("known endpoint");
    report.warnings.iter().map(|i| (i.path.clone(), i.rule)).collect()
}

/// Asserts that `payload` is sent (no error) with exactly these warnings.
fn warns(endpoint: &str, payload: &Value, expected: &[(&str, &str)]) {
    let report = validate_json(endpoint, &payload.to_string()).expect("known endpoint");
    assert!(report.is_valid(), "{endpoint} {payload}: errors{}", describe(&report.errors));
    let want: Vec<(String, &str)> = expected.iter().map(|(p, r)| (p.to_string(), *r)).collect();
    assert_eq!(warnings_of(endpoint, payload), want, "{endpoint} {payload}");
}

fn check_text(endpoint: &str, payload: &str, expected: &[(&str, &str, M)]) {
    let got = issues_text(endpoint, payload);
    let ok = got.len() == expected.len()
        && got.iter().zip(expected).all(|(i, (path, rule, m))| {
            i.path == *path
                && i.rule == *rule
                && match m {
                    M::Is(msg) => i.msg == *msg,
                    M::Text(en) => matches!(&i.msg, Msg::Text(t) if t.en == *en),
                }
        });
    assert!(ok, "{endpoint} {payload}\n  expected: {expected:?}\n  got:{}", describe(&got));
}

/// Asserts the exact list of issues, in order.
fn check(endpoint: &str, payload: &Value, expected: &[(&str, &str, M)]) {
    check_text(endpoint, &payload.to_string(), expected);
}

/// Asserts that the payload is valid.
fn valid(endpoint: &str, payload: &Value) {
    check(endpoint, payload, &[]);
}

/// `base` with the members of `extra` added (or replaced).
fn with(base: &Value, extra: Value) -> Value {
    let mut out = base.clone();
    let (Value::Object(o), Value::Object(e)) = (&mut out, extra) else { panic!("objects only") };
    o.extend(e);
    out
}

/// A minimal valid single-member add_contact_way payload.
fn add() -> Value {
    json!({ "type": 1, "scene": 2, "user": ["zhangsan"] })
}

/// A minimal valid temporary-mode add_contact_way payload.
fn add_temp() -> Value {
    with(&add(), json!({ "is_temp": true }))
}

fn update() -> Value {
    json!({ "config_id": "42b34949e138eb6e027c123cba77fAAA" })
}

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("wmAJ2GCAAA{i:06}")).collect()
}

/// A unionid and an openid of the same (made-up) mini-program.
fn unionid_openid() -> Value {
    json!({ "unionid": "oAuDB6Pq9HnpsM8pMsd2MsAAAAAA", "openid": "oAuDB6Pq9HnpsM8pMsd2MsBBBBBB" })
}

/// Checks a 1..=1000 id list at `field` of `base`: missing, empty, 1001 and a non-string item
/// fail with `rule`; 1 and 1000 ids pass.
fn id_list_1_to_1000(endpoint: &str, base: &Value, field: &str, rule: &str) {
    let path = format!("/{field}");
    check(endpoint, base, &[(&path, rule, M::Is(Msg::Required))]);
    check(endpoint, &with(base, json!({ field: null })), &[(&path, rule, M::Is(Msg::Required))]);
    check(endpoint, &with(base, json!({ field: [] })), &[(&path, rule, M::Is(Msg::MinItems { min: 1, actual: 0 }))]);
    check(
        endpoint,
        &with(base, json!({ field: ids(1001) })),
        &[(&path, rule, M::Is(Msg::MaxItems { max: 1000, actual: 1001 }))],
    );
    check(
        endpoint,
        &with(base, json!({ field: ["a", 2] })),
        &[(&format!("{path}/1"), "json-type", M::Is(Msg::Type { expected: "string", actual: "integer" }))],
    );
    check(
        endpoint,
        &with(base, json!({ field: "a" })),
        &[(&path, "json-type", M::Is(Msg::Type { expected: "array", actual: "string" }))],
    );
    // Boundary.
    valid(endpoint, &with(base, json!({ field: ids(1) })));
    valid(endpoint, &with(base, json!({ field: ids(1000) })));
}

fn class(code: i64) -> ErrorClass {
    errcode::lookup(code).unwrap_or_else(|| panic!("errcode {code} is not in the table")).class
}

// ---------------------------------------------------------------------------------------------
// structural rules
// ---------------------------------------------------------------------------------------------

#[test]
fn json_type() {
    use M::Is;
    let ty = |expected, actual| Is(Msg::Type { expected, actual });
    check(ADD, &with(&add(), json!({ "remark": 5 })), &[("/remark", "json-type", ty("string", "integer"))]);
    check(ADD, &with(&add(), json!({ "is_temp": "true" })), &[("/is_temp", "json-type", ty("boolean", "string"))]);
    check(ADD, &with(&add(), json!({ "scene": 1, "style": 1.5 })), &[("/style", "json-type", ty("integer", "number"))]);
    check(ADD, &with(&add(), json!({ "user": [7] })), &[("/user/0", "json-type", ty("string", "integer"))]);
    check(ADD, &with(&add(), json!({ "party": {} })), &[("/party", "json-type", ty("array", "object"))]);
    check(
        ADD,
        &with(&add_temp(), json!({ "conclusions": "bye" })),
        &[("/conclusions", "json-type", ty("object", "string"))],
    );
    check(
        ADD,
        &with(&add_temp(), json!({ "conclusions": { "text": { "content": ["x"] } } })),
        &[("/conclusions/text/content", "json-type", ty("string", "array"))],
    );
    // A value of the wrong type is not also measured by the field's rules.
    check(
        ADD,
        &with(&add(), json!({ "remark": ["x".repeat(100)] })),
        &[("/remark", "json-type", ty("string", "array"))],
    );
    // The root must be an object; text that is not JSON is one issue at the root.
    for (text, actual) in
        [("[]", "array"), ("\"x\"", "string"), ("null", "null"), ("1", "integer"), ("true", "boolean")]
    {
        check_text(ADD, text, &[("", "json-type", ty("object", actual))]);
    }
    check_text(ADD, "{", &[("", "json-type", ty("object", "invalid JSON"))]);
    check_text(FOLLOW, "", &[("", "json-type", ty("object", "invalid JSON"))]);
    // Boundary: the right types pass.
    valid(ADD, &with(&add(), json!({ "remark": "", "is_temp": false, "scene": 1, "style": 1, "party": [] })));
}

#[test]
fn unknown_field() {
    let unknown = || M::Is(Msg::UnknownField);
    check(ADD, &with(&add(), json!({ "foo": 1 })), &[("/foo", "unknown-field", unknown())]);
    check(FOLLOW, &json!({ "userid": "zhangsan" }), &[("/userid", "unknown-field", unknown())]);
    check(
        ADD,
        &with(&add_temp(), json!({ "conclusions": { "text": { "content": "bye", "extra": 1 } } })),
        &[("/conclusions/text/extra", "unknown-field", unknown())],
    );
    // Creating a conclusion image takes media_id; pic_url is what WeCom returns when reading.
    check(
        ADD,
        &with(&add_temp(), json!({ "conclusions": { "image": { "pic_url": "http://p.qpic.cn/x" } } })),
        &[
            ("/conclusions/image/media_id", "R-CW-20", M::Is(Msg::Required)),
            ("/conclusions/image/pic_url", "unknown-field", unknown()),
        ],
    );
    // JSON-pointer escaping of member names: `~` → `~0`, `/` → `~1`.
    check(ADD, &with(&add(), json!({ "a/b~c": 1 })), &[("/a~1b~0c", "unknown-field", unknown())]);
    check(ADD, &with(&add(), json!({ "~1": 1 })), &[("/~01", "unknown-field", unknown())]);
    // Boundary: wire names that only look like Rust identifiers are accepted (`type`, not `r#type`).
    check(ADD, &with(&add(), json!({ "r#type": 1 })), &[("/r#type", "unknown-field", unknown())]);
    valid(FOLLOW, &json!({}));
}

#[test]
fn duplicate_field() {
    let dup = || M::Is(Msg::Duplicate);
    let unknown = || M::Is(Msg::UnknownField);
    check_text(GET, r#"{"config_id":"a","config_id":"b"}"#, &[("/config_id", "duplicate-field", dup())]);
    check_text(DEL, r#"{"config_id":"a","config_id":"a"}"#, &[("/config_id", "duplicate-field", dup())]);
    // The repeated occurrence is not checked further: only the repetition is reported …
    check_text(
        ADD,
        r#"{"type":1,"scene":2,"user":["a"],"remark":"ok","remark":7}"#,
        &[("/remark", "duplicate-field", dup())],
    );
    // … while the first one is checked as usual.
    check_text(
        ADD,
        r#"{"type":1,"scene":2,"user":["a"],"remark":7,"remark":"ok"}"#,
        &[
            ("/remark", "json-type", M::Is(Msg::Type { expected: "string", actual: "integer" })),
            ("/remark", "duplicate-field", dup()),
        ],
    );
    // Repetitions and unknown members come after the field checks, in document order.
    check_text(
        GET,
        r#"{"config_id":"a","config_id":"b","x":1,"config_id":"c"}"#,
        &[
            ("/config_id", "duplicate-field", dup()),
            ("/x", "unknown-field", unknown()),
            ("/config_id", "duplicate-field", dup()),
        ],
    );
    // The first occurrence is the value: it decides `required` and the cross-field rules.
    check_text(
        GET,
        r#"{"config_id":"","config_id":"b"}"#,
        &[("/config_id", "R-CW-18", M::Is(Msg::Required)), ("/config_id", "duplicate-field", dup())],
    );
    check_text(
        GET,
        r#"{"config_id":null,"config_id":"b"}"#,
        &[("/config_id", "R-CW-18", M::Is(Msg::Required)), ("/config_id", "duplicate-field", dup())],
    );
    check_text(ADD, r#"{"type":1,"scene":2,"user":["a"],"user":[]}"#, &[("/user", "duplicate-field", dup())]);
    check_text(
        ADD,
        r#"{"type":1,"scene":2,"user":["a"],"is_temp":true,"type":2}"#,
        &[("/type", "duplicate-field", dup())],
    );
    check_text(ADD, r#"{"type":2,"scene":2,"party":[1],"type":1}"#, &[("/type", "duplicate-field", dup())]);
    // In nested objects, with the pointer of the nested member.
    check_text(
        ADD,
        r#"{"type":1,"scene":2,"user":["a"],"is_temp":true,"conclusions":{"text":{"content":"a","content":"b"}}}"#,
        &[("/conclusions/text/content", "duplicate-field", dup())],
    );
    // A key written with escapes is the same key.
    check_text(GET, r#"{"config_id":"a","config\u005fid":"b"}"#, &[("/config_id", "duplicate-field", dup())]);
    // Only fields repeat: a repeated unknown member is unknown each time.
    check_text(
        FOLLOW,
        r#"{"zz":1,"zz":2}"#,
        &[("/zz", "unknown-field", unknown()), ("/zz", "unknown-field", unknown())],
    );
    // Boundary: the same name in different objects is no repetition.
    check_text(
        ADD,
        r#"{"type":1,"scene":2,"user":["a"],"is_temp":true,"conclusions":{"link":{"title":"t","url":"u"},"miniprogram":{"title":"t","pic_media_id":"m","appid":"w","page":"p"}}}"#,
        &[("/conclusions/miniprogram", "R-CW-20", M::Text(CONCLUSIONS_EXCLUSIVE))],
    );
    check_text(GET, r#"{"config_id":"a"}"#, &[]);
    // Hand-written tapes repeat a field by index, or by index and by name.
    const G: &Model = &ContactWayIdRequest::MODEL;
    let cid = G.index("config_id") as f64;
    let names = vec!["config_id".to_string()];
    for slots in [
        [5.0, 2.0, 11.0, cid, 3.0, 1.0, 1.0, cid, 3.0, 1.0, 1.0],
        [5.0, 2.0, 11.0, -1.0, 3.0, 1.0, 1.0, cid, 3.0, 1.0, 1.0],
    ] {
        let report =
            validate::validate_tape(G, Tape::new(&slots, &names, Kind::Object(G)).unwrap(), Default::default());
        assert_eq!(
            report.errors,
            vec![Issue { path: "/config_id".into(), rule: "duplicate-field", msg: Msg::Duplicate }],
            "{slots:?}"
        );
    }
    // The message.
    assert_eq!(Msg::Duplicate.render(Locale::En), "appears more than once");
    assert_eq!(Msg::Duplicate.render(Locale::ZhCn), "字段重复出现");
    assert_eq!(Msg::Duplicate.params(), json!({}));
}

/// A model with a required field that names no specific rule id, built from the public schema
/// types: every real endpoint names a specific id (e.g. `R-CW-18`) for its required fields, so
/// the fallback id `required` is exercised here.
static PROBE: Model = Model {
    name: "Probe",
    doc: "",
    fields: &[
        Field {
            name: "name",
            doc: "",
            kind: <String as Schema>::kind,
            optional: false,
            required_rule: rules::REQUIRED,
            rules: &[],
        },
        Field {
            name: "note",
            doc: "",
            kind: <String as Schema>::kind,
            optional: true,
            required_rule: rules::REQUIRED,
            rules: &[],
        },
    ],
    checks: &[],
    direction: Direction::Request,
};

#[test]
fn required() {
    let report = validate::validate_text(&PROBE, "{}", Default::default());
    assert_eq!(report.errors, vec![Issue { path: "/name".into(), rule: "required", msg: Msg::Required }]);
    let report = validate::validate_text(&PROBE, r#"{"name":""}"#, Default::default());
    assert_eq!(report.errors, vec![Issue { path: "/name".into(), rule: "required", msg: Msg::Required }]);
    let report = validate::validate_text(&PROBE, r#"{"name":null}"#, Default::default());
    assert_eq!(report.errors, vec![Issue { path: "/name".into(), rule: "required", msg: Msg::Required }]);
    // Boundary: a non-empty value passes and the optional field may be absent.
    assert!(validate::validate_text(&PROBE, r#"{"name":"x"}"#, Default::default()).is_valid());
    assert_eq!(Msg::Required.render(Locale::En), "is required and must not be empty");
    assert_eq!(Msg::Required.render(Locale::ZhCn), "必填，不能为空");
    // Every required field of every real endpoint names the rule that requires it.
    for ep in endpoints::ALL {
        for f in ep.request.fields.iter().filter(|f| !f.optional) {
            assert_ne!(f.required_rule, rules::REQUIRED, "{}: {} should name a specific rule", ep.path, f.name);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// cross-field rules: the vocabulary (crate::cross), interpreted
// ---------------------------------------------------------------------------------------------

fn vocab_kind() -> Kind {
    Kind::Object(&VOCAB)
}

static VOCAB_TEXT: wecom_core::messages::Text = wecom_core::messages::Text { zh: "探针", en: "probe" };

const fn opt(name: &'static str, kind: fn() -> Kind) -> Field {
    Field { name, doc: "", kind, optional: true, required_rule: rules::REQUIRED, rules: &[] }
}

/// A request model with one cross-field rule of every kind (conditions and assertions).
static VOCAB: Model = Model {
    name: "Vocab",
    doc: "",
    fields: &[
        opt("kind", <Option<i64> as Schema>::kind),
        opt("flag", <Option<bool> as Schema>::kind),
        opt("s", <Option<String> as Schema>::kind),
        opt("a", <Option<Vec<String>> as Schema>::kind),
        opt("o", vocab_kind),
        opt("start", <Option<i64> as Schema>::kind),
        opt("end", <Option<i64> as Schema>::kind),
        opt("a/b~", <Option<String> as Schema>::kind),
    ],
    checks: &[
        cross::error("p-items").when(&[Cond::Eq("kind", 1)]).then(cross::items("a", 1)),
        cross::warning("p-absent").when(&[Cond::NotTrue("flag")]).then(cross::absent("s", &VOCAB_TEXT)),
        cross::error("p-required").when(&[Cond::True("flag")]).then(cross::required("s")),
        cross::warning("p-range").when(&[Cond::Filled("a")]).then(cross::range_of("kind", 1, 3)),
        cross::warning("p-most").then(cross::at_most_one(&["s", "a", "a/b~"], &VOCAB_TEXT)),
        cross::error("p-least").when(&[Cond::Eq("kind", 9)]).then(cross::at_least_one(&["s", "a"], &VOCAB_TEXT)),
        cross::error("p-after").then(cross::not_after("start", "end", 10, &VOCAB_TEXT)),
    ],
    direction: Direction::Request,
};

/// `(errors, warnings)` of `text` as `(path, rule)` pairs; the tape encodings must agree.
type Found = Vec<(String, &'static str)>;

fn vocab(text: &str) -> (Found, Found) {
    let report = validate::validate_text(&VOCAB, text, Default::default());
    common::assert_tape_agrees(&VOCAB, text, &report);
    let pairs = |list: &[Issue]| list.iter().map(|i| (i.path.clone(), i.rule)).collect::<Vec<_>>();
    (pairs(&report.errors), pairs(&report.warnings))
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(p, r)| (p.to_string(), *r)).collect()
}

#[test]
fn cross_field_vocabulary() {
    // Nothing given: no condition holds that needs anything.
    assert_eq!(vocab("{}"), (vec![], vec![]));
    // Eq + Items: absent and null are required, another count is an exact-count issue, another
    // type is not reported again.
    assert_eq!(vocab(r#"{"kind":1}"#).0, pairs(&[("/a", "p-items")]));
    assert_eq!(vocab(r#"{"kind":1,"a":null}"#).0, pairs(&[("/a", "json-type"), ("/a", "p-items")]));
    assert_eq!(vocab(r#"{"kind":1,"a":["x","y"]}"#).0, pairs(&[("/a", "p-items")]));
    assert_eq!(vocab(r#"{"kind":1,"a":"x"}"#).0, pairs(&[("/a", "json-type")]));
    assert_eq!(vocab(r#"{"kind":1,"a":["x"]}"#).0, pairs(&[]));
    assert_eq!(vocab(r#"{"kind":1.0,"a":[]}"#).0, pairs(&[("/a", "p-items")]), "an integral float is an integer");
    assert_eq!(vocab(r#"{"kind":"1"}"#).0, pairs(&[("/kind", "json-type")]), "a string is not Eq(1)");
    let r = validate::validate_text(&VOCAB, r#"{"kind":1,"a":["x","y"]}"#, Default::default());
    assert_eq!(r.errors[0].msg, Msg::ExactItems { count: 1, actual: 2 });
    // NotTrue + Absent (a warning): flag absent, false, or of another type.
    for text in [r#"{"s":"x"}"#, r#"{"s":"x","flag":false}"#, r#"{"s":"x","flag":null}"#] {
        assert_eq!(vocab(text).1, pairs(&[("/s", "p-absent")]), "{text}");
    }
    assert_eq!(vocab(r#"{"s":null}"#).1, pairs(&[]), "null counts as not given");
    // True + Required: only when flag is true; "" and null are not filled.
    assert_eq!(vocab(r#"{"flag":true}"#).0, pairs(&[("/s", "p-required")]));
    assert_eq!(vocab(r#"{"flag":true,"s":""}"#).0, pairs(&[("/s", "p-required")]));
    assert_eq!(vocab(r#"{"flag":true,"s":"x"}"#), (vec![], vec![]));
    assert_eq!(vocab(r#"{"flag":1,"s":"x"}"#).0, pairs(&[("/flag", "json-type")]), "1 is not true");
    // Filled + Range: an empty array does not fill.
    assert_eq!(vocab(r#"{"a":[],"kind":4}"#), (vec![], vec![]));
    let r = validate::validate_text(&VOCAB, r#"{"a":["x"],"kind":4}"#, Default::default());
    assert_eq!(r.warnings.iter().map(|i| i.rule).collect::<Vec<_>>(), ["p-range"]);
    assert_eq!(r.warnings[0].msg, Msg::Range { min: 1, max: 3, actual: 4 });
    // AtMostOne: each given field after the first, in declaration order (not document order).
    let (_, warnings) = vocab(r#"{"a/b~":"z","a":["x"],"s":"y","flag":true,"kind":2}"#);
    assert_eq!(warnings, pairs(&[("/a", "p-most"), ("/a~1b~0", "p-most")]));
    // AtLeastOne: at the object itself.
    assert_eq!(vocab(r#"{"kind":9,"s":""}"#).0, pairs(&[("", "p-least")]));
    assert_eq!(vocab(r#"{"kind":9,"a":["x"]}"#).0, pairs(&[]));
    // NotAfter: a <= b + plus, exact even at the ends of i64; a non-integer compares nothing.
    assert_eq!(vocab(r#"{"start":20,"end":10}"#).0, pairs(&[]));
    assert_eq!(vocab(r#"{"start":21,"end":10}"#).0, pairs(&[("/start", "p-after")]));
    assert_eq!(vocab(r#"{"start":9223372036854774784,"end":-9223372036854775808}"#).0, pairs(&[("/start", "p-after")]));
    assert_eq!(vocab(r#"{"start":-9223372036854775808,"end":9223372036854774784}"#).0, pairs(&[]));
    assert_eq!(vocab(r#"{"start":21.5,"end":10}"#).0, pairs(&[("/start", "json-type")]));
    // Nested objects run their own rules, with their own pointers, before the parent's.
    let (errors, warnings) = vocab(r#"{"o":{"kind":1,"s":"x"},"kind":1}"#);
    assert_eq!(errors, pairs(&[("/o/a", "p-items"), ("/a", "p-items")]));
    assert_eq!(warnings, pairs(&[("/o/s", "p-absent")]));
    // Unknown members are warnings, after the fields and before the cross-field rules.
    let (errors, warnings) = vocab(r#"{"zz":1,"s":"x","kind":1}"#);
    assert_eq!(errors, pairs(&[("/a", "p-items")]));
    assert_eq!(warnings, pairs(&[("/zz", "unknown-field"), ("/s", "p-absent")]));
}

#[test]
fn strict_turns_every_warning_into_an_error_in_place() {
    let text = r#"{"zz":1,"s":"x","kind":1}"#;
    let report = validate::validate_text(&VOCAB, text, validate::Options { strict: true });
    let got: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(got, [("/zz", "unknown-field"), ("/a", "p-items"), ("/s", "p-absent")]);
    assert!(report.warnings.is_empty() && !report.is_valid());
    // Without strict the same payload has one error and two warnings, and warnings alone are valid.
    let lenient = validate::validate_text(&VOCAB, r#"{"zz":1}"#, Default::default());
    assert!(lenient.is_valid() && lenient.warnings.len() == 1);
}

#[test]
fn json_depth() {
    // Nested deeper than serde_json accepts (127 containers): one issue at the root, nothing else.
    let deep = format!(r#"{{"config_id":"c","x":{}{}}}"#, "[".repeat(127), "]".repeat(127));
    check_text(GET, &deep, &[("", "json-depth", M::Text("is nested more than 127 levels deep"))]);
    let ok = format!(r#"{{"config_id":"c","x":{}{}}}"#, "[".repeat(126), "]".repeat(126));
    check_text(GET, &ok, &[("/x", "unknown-field", M::Is(Msg::UnknownField))]);
}

#[test]
fn integer_range() {
    let range = |min, max, actual| M::Is(Msg::Range { min, max, actual });
    check(LIST, &json!({ "start_time": -1 }), &[("/start_time", "integer-range", range(0, i64::MAX, -1))]);
    check(LIST, &json!({ "end_time": -86400 }), &[("/end_time", "integer-range", range(0, i64::MAX, -86400))]);
    check(
        ADD,
        &json!({ "type": 2, "scene": 2, "party": [1, -1] }),
        &[("/party/1", "integer-range", range(0, U32_MAX, -1))],
    );
    check(
        ADD,
        &json!({ "type": 2, "scene": 2, "party": [4_294_967_296_i64] }),
        &[("/party/0", "integer-range", range(0, U32_MAX, 4_294_967_296))],
    );
    // Boundary.
    valid(LIST, &json!({ "start_time": 0, "end_time": 0 }));
    valid(ADD, &json!({ "type": 2, "scene": 2, "party": [0, U32_MAX] }));
    // Integral floats count as integers (3.0), -0 is 0.
    valid(LIST, &json!({ "start_time": 3.0 }));
    check_text(LIST, r#"{"start_time":-0}"#, &[]);
    check_text(LIST, r#"{"start_time":-0.0,"end_time":1e3}"#, &[]);
}

/// An integer literal beyond i64 is a range error (never a type error "must be integer, got
/// integer"), with the field's own rule id and bounds when the field has a range rule.
#[test]
fn integer_range_beyond_i64_is_a_range_error() {
    let range = |min, max, _beyond: i64| M::Is(Msg::OutOfRange { min, max });
    check_text(LIST, r#"{"limit":18446744073709551615}"#, &[("/limit", "R-CW-21", range(1, 1000, i64::MAX))]);
    check_text(LIST, r#"{"limit":9223372036854775808}"#, &[("/limit", "R-CW-21", range(1, 1000, i64::MAX))]);
    // Beyond u64 serde_json reads a float; still an integral number, still a range error.
    check_text(LIST, r#"{"limit":18446744073709551616}"#, &[("/limit", "R-CW-21", range(1, 1000, i64::MAX))]);
    // -2^63 - 1 rounds to -2^63 as an f64, which is i64::MIN: an ordinary range error.
    check_text(
        LIST,
        r#"{"limit":-9223372036854775809}"#,
        &[("/limit", "R-CW-21", M::Is(Msg::Range { min: 1, max: 1000, actual: i64::MIN }))],
    );
    check_text(
        ADD,
        r#"{"type":2,"scene":2,"party":[18446744073709551615]}"#,
        &[("/party/0", "integer-range", range(0, U32_MAX, i64::MAX))],
    );
    check_text(
        ADD,
        r#"{"type":1,"scene":1,"user":["a"],"style":1e30}"#,
        &[("/style", "R-CW-03", range(1, U32_MAX, i64::MAX))],
    );
    check_text(
        ADD,
        r#"{"type":1,"scene":2,"user":["a"],"is_temp":true,"expires_in":-1e20}"#,
        &[("/expires_in", "R-CW-11", range(1, FOURTEEN_DAYS, i64::MIN))],
    );
    // An enum field has no range: one issue, and never "must be integer, got integer".
    let got = issues_text(ADD, r#"{"type":18446744073709551615,"scene":2,"user":["a"]}"#);
    assert_eq!(got.len(), 1, "{}", describe(&got));
    assert_eq!(got[0].path, "/type");
    assert!(got[0].rule == "R-CW-01" || got[0].rule == "json-type", "{}", describe(&got));
    assert!(!matches!(got[0].msg, Msg::Type { expected, actual } if expected == actual), "{}", describe(&got));
}

/// The tape carries numbers as f64. 2^63 (as a float or as an integer literal) does not fit an
/// i64 and must not pass as i64::MAX; every i64 that an f64 represents exactly must pass.
///
/// BUG: `Val::as_i64` (src/tape.rs) only accepts `|v| < 9.2e18`, not `-2^63 <= v < 2^63`: the
/// largest f64 below 2^63 (9223372036854774784, an i64) and i64::MIN are refused, so
/// `{"start_time":9223372036854774784}` is reported as out of range although it is in range.
#[test]
fn integer_range_float_two_pow_63_does_not_fit_i64() {
    let as_i64 = |x: f64| Tape::new(&[2.0, x], &[], Kind::Any).unwrap().root().as_i64();
    assert_eq!(as_i64(9_223_372_036_854_775_808.0), None);
    assert_eq!(as_i64(-9_223_372_036_854_777_856.0), None);
    assert_eq!(as_i64(1e19), None);
    assert!(!validate_json(LIST, r#"{"start_time":9223372036854775808.0}"#).unwrap().is_valid());
    assert!(!validate_json(LIST, r#"{"start_time":9223372036854775808}"#).unwrap().is_valid());
    // Boundary: the largest float below 2^63, and i64::MIN, are i64 values.
    assert_eq!(as_i64(9_223_372_036_854_774_784.0), Some(9_223_372_036_854_774_784));
    assert_eq!(as_i64(-9_223_372_036_854_775_808.0), Some(i64::MIN));
    valid(LIST, &json!({ "start_time": 9_223_372_036_854_774_784_i64 }));
    valid(LIST, &json!({ "end_time": 9_200_000_000_000_000_000_i64 }));
}

/// A range message is never self-contradictory: its `actual` lies outside `[min, max]`.
///
/// BUG: a value that does not fit an i64 is reported with `actual: i64::MAX` (or `i64::MIN`);
/// for a field whose bound is i64::MAX (`start_time`, `end_time`) that gives "must be between 0
/// and 9223372036854775807 (got 9223372036854775807)" (src/validate.rs, `check_kind`).
#[test]
fn integer_range_messages_never_contradict_themselves() {
    let mut contradictions = Vec::new();
    for literal in ["9223372036854775807", "9223372036854775808", "18446744073709551615", "1e19", "-1e19", "4294967296"]
    {
        for (endpoint, payload) in [
            (LIST, format!(r#"{{"start_time":{literal}}}"#)),
            (LIST, format!(r#"{{"end_time":{literal}}}"#)),
            (LIST, format!(r#"{{"limit":{literal}}}"#)),
            (ADD, format!(r#"{{"type":2,"scene":2,"party":[{literal}]}}"#)),
            (ADD, format!(r#"{{"type":1,"scene":1,"user":["a"],"style":{literal}}}"#)),
        ] {
            for issue in issues_text(endpoint, &payload) {
                if let Msg::Range { min, max, actual } = issue.msg {
                    if (min..=max).contains(&actual) {
                        contradictions.push(format!("{payload} → {} {}", issue.rule, issue.msg.render(Locale::En)));
                    }
                }
            }
        }
    }
    assert!(contradictions.is_empty(), "self-contradictory range messages:\n  {}", contradictions.join("\n  "));
}

/// A value outside the field's storage type is reported with the field's own range rule (id and
/// bounds), not as generic `integer-range` with the storage bounds.
#[test]
fn range_rules_are_reported_with_their_own_id_and_bounds() {
    let range = |min, max, actual| M::Is(Msg::Range { min, max, actual });
    check(LIST, &json!({ "limit": -1 }), &[("/limit", "R-CW-21", range(1, 1000, -1))]);
    check(LIST, &json!({ "limit": 4_294_967_296_i64 }), &[("/limit", "R-CW-21", range(1, 1000, 4_294_967_296))]);
    check(
        ADD,
        &with(&add(), json!({ "scene": 1, "style": -1 })),
        &[("/style", "R-CW-03", range(1, U32_MAX, -1)), ("/style", "R-CW-03", range(1, 3, -1))],
    );
    check(
        UPDATE,
        &with(&update(), json!({ "style": 4_294_967_296_i64 })),
        &[("/style", "R-CW-03", range(1, U32_MAX, 4_294_967_296))],
    );
    // Items of an integer list have no rule of their own: the storage bounds apply.
    check(
        ADD,
        &json!({ "type": 2, "scene": 2, "party": [-3] }),
        &[("/party/0", "integer-range", range(0, U32_MAX, -3))],
    );
}

// ---------------------------------------------------------------------------------------------
// gettoken
// ---------------------------------------------------------------------------------------------

#[test]
fn t_01_gettoken_needs_corpid_and_corpsecret() {
    check(
        GETTOKEN,
        &json!({}),
        &[("/corpid", "T-01", M::Is(Msg::Required)), ("/corpsecret", "T-01", M::Is(Msg::Required))],
    );
    check(GETTOKEN, &json!({ "corpid": "", "corpsecret": "s" }), &[("/corpid", "T-01", M::Is(Msg::Required))]);
    check(GETTOKEN, &json!({ "corpid": "ww1", "corpsecret": null }), &[("/corpsecret", "T-01", M::Is(Msg::Required))]);
    valid(GETTOKEN, &json!({ "corpid": "ww1", "corpsecret": "s" }));
    // The client configuration enforces the same rule before any gettoken.
    use wecom_core::client::ClientConfig;
    use wecom_core::schema::Secret;
    assert!(matches!(ClientConfig::new("", Secret::new("secret")), Err(Error::Config(_))));
    assert!(matches!(ClientConfig::new("  ", Secret::new("secret")), Err(Error::Config(_))));
    assert!(matches!(ClientConfig::new("ww1", Secret::new("")), Err(Error::Config(_))));
    assert!(matches!(ClientConfig::new("ww1", Secret::new(" \t")), Err(Error::Config(_))));
    assert!(ClientConfig::new("ww1", Secret::new("s")).is_ok());
    // T-07: missing corpid / secret are configuration errors.
    assert_eq!(class(41002), ErrorClass::Config);
    assert_eq!(class(41004), ErrorClass::Config);
}

// ---------------------------------------------------------------------------------------------
// 「联系我」 R-CW-01 … R-CW-22
// ---------------------------------------------------------------------------------------------

#[test]
fn r_cw_01_type_required_and_enum() {
    let one_of = |actual| M::Is(Msg::OneOf { allowed: &[1, 2], actual });
    check(ADD, &json!({ "scene": 2, "user": ["zhangsan"] }), &[("/type", "R-CW-01", M::Is(Msg::Required))]);
    check(
        ADD,
        &json!({ "type": null, "scene": 2, "user": ["zhangsan"] }),
        &[("/type", "R-CW-01", M::Is(Msg::Required))],
    );
    for bad in [0, 3, -1, 100] {
        check(ADD, &with(&add(), json!({ "type": bad })), &[("/type", "R-CW-01", one_of(bad))]);
    }
    check(
        ADD,
        &with(&add(), json!({ "type": "1" })),
        &[("/type", "json-type", M::Is(Msg::Type { expected: "integer", actual: "string" }))],
    );
    // Boundary: both values pass.
    valid(ADD, &add());
    valid(ADD, &json!({ "type": 2, "scene": 2, "user": ["zhangsan", "lisi"] }));
    // Missing → 41037, invalid → 41039, both parameter errors.
    assert_eq!(class(41037), ErrorClass::Param);
    assert_eq!(class(41039), ErrorClass::Param);
    assert_eq!(ContactWayType::from_value(3), None);
    assert_eq!(ContactWayType::Multi.value(), 2);
}

#[test]
fn r_cw_02_scene_required_and_enum() {
    let one_of = |actual| M::Is(Msg::OneOf { allowed: &[1, 2], actual });
    check(ADD, &json!({ "type": 1, "user": ["zhangsan"] }), &[("/scene", "R-CW-02", M::Is(Msg::Required))]);
    for bad in [0, 3] {
        check(ADD, &with(&add(), json!({ "scene": bad })), &[("/scene", "R-CW-02", one_of(bad))]);
    }
    valid(ADD, &with(&add(), json!({ "scene": 1 })));
    valid(ADD, &with(&add(), json!({ "scene": 2 })));
    assert_eq!(class(41038), ErrorClass::Param);
    assert_eq!(class(41040), ErrorClass::Param);
    assert_eq!(ContactWayScene::from_value(1), Some(ContactWayScene::MiniProgram));
}

#[test]
fn r_cw_03_style_is_a_positive_integer() {
    let range = |actual| M::Is(Msg::Range { min: 1, max: U32_MAX, actual });
    // Below 1: the field's error, and (an integer still) the type-1 bound's warning.
    let type1 = |actual| M::Is(Msg::Range { min: 1, max: 3, actual });
    check(
        ADD,
        &with(&add(), json!({ "scene": 1, "style": 0 })),
        &[("/style", "R-CW-03", range(0)), ("/style", "R-CW-03", type1(0))],
    );
    check(UPDATE, &with(&update(), json!({ "style": 0 })), &[("/style", "R-CW-03", range(0))]);
    // Beyond u32 (the storage type) the rule's own id and bounds are still reported.
    check(
        ADD,
        &with(&add(), json!({ "scene": 1, "style": 4_294_967_296_i64 })),
        &[("/style", "R-CW-03", range(4_294_967_296)), ("/style", "R-CW-03", type1(4_294_967_296))],
    );
    check(
        ADD,
        &with(&add(), json!({ "scene": 1, "style": -1 })),
        &[("/style", "R-CW-03", range(-1)), ("/style", "R-CW-03", type1(-1))],
    );
    check(
        ADD,
        &with(&add(), json!({ "scene": 1, "style": 2.5 })),
        &[("/style", "json-type", M::Is(Msg::Type { expected: "integer", actual: "number" }))],
    );
    // Boundary.
    valid(ADD, &with(&add(), json!({ "scene": 1, "style": 1 })));
    valid(UPDATE, &with(&update(), json!({ "style": 2 })));
    // rules.md §1.14 (WxJava): 1–3 for type 1, 1–2 for type 2; the doc page gives no bound, so
    // beyond them is a warning and the request is sent.
    let multi = json!({ "type": 2, "scene": 1, "user": ["a", "b"] });
    valid(ADD, &with(&add(), json!({ "scene": 1, "style": 3 })));
    valid(ADD, &with(&multi, json!({ "style": 2 })));
    warns(ADD, &with(&add(), json!({ "scene": 1, "style": 4 })), &[("/style", "R-CW-03")]);
    warns(ADD, &with(&add(), json!({ "scene": 1, "style": U32_MAX })), &[("/style", "R-CW-03")]);
    warns(ADD, &with(&multi, json!({ "style": 3 })), &[("/style", "R-CW-03")]);
    check(
        ADD,
        &with(&multi, json!({ "style": 3 })),
        &[("/style", "R-CW-03", M::Is(Msg::Range { min: 1, max: 2, actual: 3 }))],
    );
    // Only scene 1 (the mini-program button) uses a style: with a QR code it is ignored.
    warns(ADD, &with(&add(), json!({ "scene": 2, "style": 1 })), &[("/style", "R-CW-03")]);
    check(
        ADD,
        &with(&add(), json!({ "scene": 2, "style": 1 })),
        &[("/style", "R-CW-03", M::Text(STYLE_ONLY_MINIPROGRAM))],
    );
    assert_eq!(class(41042), ErrorClass::Param);
}

#[test]
fn r_cw_04_remark_at_most_30_chars() {
    let too_long = |actual| M::Is(Msg::MaxChars { max: 30, actual });
    for endpoint in [ADD, UPDATE] {
        let base = if endpoint == ADD { add() } else { update() };
        let remark = |s: String| with(&base, json!({ "remark": s }));
        // CJK: 30 pass, 31 fail (a CJK character is 3 UTF-8 bytes but one character).
        valid(endpoint, &remark("中".repeat(30)));
        check(endpoint, &remark("中".repeat(31)), &[("/remark", "R-CW-04", too_long(31))]);
        // Emoji outside the BMP count once each (not twice as UTF-16 would).
        valid(endpoint, &remark("😀".repeat(30)));
        check(endpoint, &remark("😀".repeat(31)), &[("/remark", "R-CW-04", too_long(31))]);
        // ASCII.
        valid(endpoint, &remark("a".repeat(30)));
        check(endpoint, &remark("a".repeat(31)), &[("/remark", "R-CW-04", too_long(31))]);
        // A ZWJ family emoji is 5 Unicode scalars: six of them are exactly 30.
        let family = "👨\u{200d}👩\u{200d}👧";
        valid(endpoint, &remark(family.repeat(6)));
        check(endpoint, &remark(family.repeat(6) + "中"), &[("/remark", "R-CW-04", too_long(31))]);
        // A combining accent is its own scalar.
        check(endpoint, &remark("e\u{301}".repeat(16)), &[("/remark", "R-CW-04", too_long(32))]);
        valid(endpoint, &remark(String::new()));
    }
    // The count is taken on the decoded string, not on the JSON escapes.
    let escaped = |n| format!(r#"{{"type":1,"scene":2,"user":["zhangsan"],"remark":"{}"}}"#, r"\u4e2d".repeat(n));
    check_text(ADD, &escaped(30), &[]);
    check_text(ADD, &escaped(31), &[("/remark", "R-CW-04", too_long(31))]);
    let surrogates = |n| format!(r#"{{"config_id":"c","remark":"{}"}}"#, r"\ud83d\ude00".repeat(n));
    check_text(UPDATE, &surrogates(30), &[]);
    check_text(UPDATE, &surrogates(31), &[("/remark", "R-CW-04", too_long(31))]);
}

#[test]
fn r_cw_05_skip_verify_is_an_optional_bool_defaulting_to_true() {
    valid(ADD, &add());
    valid(ADD, &with(&add(), json!({ "skip_verify": false })));
    valid(UPDATE, &with(&update(), json!({ "skip_verify": true })));
    for endpoint in [ADD, UPDATE] {
        let base = if endpoint == ADD { add() } else { update() };
        check(
            endpoint,
            &with(&base, json!({ "skip_verify": "false" })),
            &[("/skip_verify", "json-type", M::Is(Msg::Type { expected: "boolean", actual: "string" }))],
        );
        check(
            endpoint,
            &with(&base, json!({ "skip_verify": 0 })),
            &[("/skip_verify", "json-type", M::Is(Msg::Type { expected: "boolean", actual: "integer" }))],
        );
    }
    // The default (true) is WeCom's: a typed request leaves the member out instead of sending false.
    let typed = typed_add();
    let v = serde_json::to_value(&typed).unwrap();
    assert!(v.get("skip_verify").is_none(), "{v}");
    assert!(rules::info("R-CW-05").unwrap().en.contains("defaults to true"));
}

#[test]
fn r_cw_06_state_at_most_30_chars() {
    let too_long = |actual| M::Is(Msg::MaxChars { max: 30, actual });
    for endpoint in [ADD, UPDATE] {
        let base = if endpoint == ADD { add() } else { update() };
        let state = |s: String| with(&base, json!({ "state": s }));
        valid(endpoint, &state("渠".repeat(30)));
        check(endpoint, &state("渠".repeat(31)), &[("/state", "R-CW-06", too_long(31))]);
        valid(endpoint, &state("🎉".repeat(29) + "x"));
        check(endpoint, &state("🎉".repeat(30) + "x"), &[("/state", "R-CW-06", too_long(31))]);
        valid(endpoint, &state("channel_2024_spring_campaign_1".into()));
        check(endpoint, &state("channel_2024_spring_campaign_12".into()), &[("/state", "R-CW-06", too_long(31))]);
    }
}

#[test]
fn r_cw_07_type_1_needs_exactly_one_user() {
    check(ADD, &json!({ "type": 1, "scene": 2 }), &[("/user", "R-CW-07", M::Is(Msg::Required))]);
    check(
        ADD,
        &json!({ "type": 1, "scene": 2, "user": [] }),
        &[("/user", "R-CW-07", M::Is(Msg::ExactItems { count: 1, actual: 0 }))],
    );
    check(
        ADD,
        &json!({ "type": 1, "scene": 2, "user": ["zhangsan", "lisi"] }),
        &[("/user", "R-CW-07", M::Is(Msg::ExactItems { count: 1, actual: 2 }))],
    );
    // A `user` of the wrong type is reported once, as a type error.
    check(
        ADD,
        &json!({ "type": 1, "scene": 2, "user": "zhangsan" }),
        &[("/user", "json-type", M::Is(Msg::Type { expected: "array", actual: "string" }))],
    );
    // Boundary: exactly one passes; type 2 takes any number (or only departments).
    valid(ADD, &json!({ "type": 1, "scene": 2, "user": ["zhangsan"] }));
    valid(ADD, &json!({ "type": 2, "scene": 2, "user": ["zhangsan", "lisi", "wangwu"] }));
    valid(ADD, &json!({ "type": 2, "scene": 2, "party": [2] }));
}

#[test]
fn r_cw_08_party_only_for_type_2() {
    check(ADD, &with(&add(), json!({ "party": [2, 3] })), &[("/party", "R-CW-08", M::Text(PARTY_ONLY_MULTI))]);
    // WeCom ignores it for type 1 (the docs: 只在type为2时有效): sent, with a warning.
    warns(ADD, &with(&add(), json!({ "party": [2, 3] })), &[("/party", "R-CW-08")]);
    // Boundary: an empty list says nothing; type 2 may list departments.
    valid(ADD, &with(&add(), json!({ "party": [] })));
    valid(ADD, &json!({ "type": 2, "scene": 2, "user": ["zhangsan"], "party": [2, 3] }));
}

#[test]
fn r_cw_09_at_most_100_members() {
    let too_many = |actual| M::Is(Msg::MaxItems { max: 100, actual });
    valid(ADD, &json!({ "type": 2, "scene": 2, "user": ids(100) }));
    check(ADD, &json!({ "type": 2, "scene": 2, "user": ids(101) }), &[("/user", "R-CW-09", too_many(101))]);
    valid(UPDATE, &with(&update(), json!({ "user": ids(100) })));
    check(UPDATE, &with(&update(), json!({ "user": ids(101) })), &[("/user", "R-CW-09", too_many(101))]);
    // Department expansion is counted by WeCom: 41041, a parameter error.
    assert_eq!(class(41041), ErrorClass::Param);
}

#[test]
fn r_cw_10_temp_mode_is_single_member_only() {
    check(
        ADD,
        &json!({ "type": 2, "scene": 2, "user": ["zhangsan", "lisi"], "is_temp": true }),
        &[("/is_temp", "R-CW-10", M::Text(ONLY_SINGLE_FOR_TEMP))],
    );
    // Boundary.
    valid(ADD, &add_temp());
    valid(ADD, &json!({ "type": 2, "scene": 2, "user": ["zhangsan", "lisi"], "is_temp": false }));
}

fn temp_only_duration(field: &str, rule: &str) {
    let range = |actual| M::Is(Msg::Range { min: 1, max: FOURTEEN_DAYS, actual });
    let path = format!("/{field}");
    let path = path.as_str();
    // Only with is_temp.
    check(ADD, &with(&add(), json!({ field: 86400 })), &[(path, rule, M::Text(ONLY_WITH_TEMP))]);
    check(ADD, &with(&add(), json!({ field: 86400, "is_temp": false })), &[(path, rule, M::Text(ONLY_WITH_TEMP))]);
    // WeCom ignores it without is_temp: a warning, the request is sent.
    warns(ADD, &with(&add(), json!({ field: 86400 })), &[(path, rule)]);
    // At most 14 days, at least 1 s.
    valid(ADD, &with(&add_temp(), json!({ field: FOURTEEN_DAYS })));
    valid(ADD, &with(&add_temp(), json!({ field: 1 })));
    check(ADD, &with(&add_temp(), json!({ field: FOURTEEN_DAYS + 1 })), &[(path, rule, range(FOURTEEN_DAYS + 1))]);
    check(ADD, &with(&add_temp(), json!({ field: 0 })), &[(path, rule, range(0))]);
    check(ADD, &with(&add_temp(), json!({ field: -5 })), &[(path, rule, range(-5))]);
    // Both problems at once: the range (field check) then the mode (cross-field).
    check(
        ADD,
        &with(&add(), json!({ field: FOURTEEN_DAYS + 1 })),
        &[(path, rule, range(FOURTEEN_DAYS + 1)), (path, rule, M::Text(ONLY_WITH_TEMP))],
    );
    // On update the mode is unknown to the client; the range still applies.
    valid(UPDATE, &with(&update(), json!({ field: FOURTEEN_DAYS })));
    check(UPDATE, &with(&update(), json!({ field: FOURTEEN_DAYS + 1 })), &[(path, rule, range(FOURTEEN_DAYS + 1))]);
}

#[test]
fn r_cw_11_expires_in_temp_only_at_most_14_days() {
    temp_only_duration("expires_in", "R-CW-11");
}

#[test]
fn r_cw_12_chat_expires_in_temp_only_at_most_14_days() {
    temp_only_duration("chat_expires_in", "R-CW-12");
}

#[test]
fn r_cw_13_unionid_temp_only() {
    check(
        ADD,
        &with(&add(), json!({ "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA" })),
        &[("/unionid", "R-CW-13", M::Text(ONLY_WITH_TEMP))],
    );
    warns(ADD, &with(&add(), json!({ "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA" })), &[("/unionid", "R-CW-13")]);
    valid(ADD, &with(&add_temp(), json!({ "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA" })));
    // Using unionid needs a bound WeChat developer account: a configuration error.
    assert_eq!(class(41057), ErrorClass::Config);
}

#[test]
fn r_cw_14_conclusions_temp_only() {
    let conclusions = json!({ "conclusions": { "text": { "content": "再见" } } });
    check(ADD, &with(&add(), conclusions.clone()), &[("/conclusions", "R-CW-14", M::Text(ONLY_WITH_TEMP))]);
    warns(ADD, &with(&add(), conclusions.clone()), &[("/conclusions", "R-CW-14")]);
    valid(ADD, &with(&add_temp(), conclusions));
}

#[test]
fn r_cw_15_is_exclusive_is_an_optional_bool() {
    valid(ADD, &add());
    valid(ADD, &with(&add(), json!({ "is_exclusive": true })));
    // Not in the official update table (doc 95724; rules.md §1.14): WeCom ignores it on update.
    warns(UPDATE, &with(&update(), json!({ "is_exclusive": false })), &[("/is_exclusive", "R-CW-15")]);
    check(
        UPDATE,
        &with(&update(), json!({ "is_exclusive": false })),
        &[("/is_exclusive", "R-CW-15", M::Text(NOT_ON_UPDATE))],
    );
    check(
        ADD,
        &with(&add(), json!({ "is_exclusive": "yes" })),
        &[("/is_exclusive", "json-type", M::Is(Msg::Type { expected: "boolean", actual: "string" }))],
    );
    check(
        UPDATE,
        &with(&update(), json!({ "is_exclusive": 1 })),
        &[
            ("/is_exclusive", "json-type", M::Is(Msg::Type { expected: "boolean", actual: "integer" })),
            ("/is_exclusive", "R-CW-15", M::Text(NOT_ON_UPDATE)),
        ],
    );
    // The default (false) is WeCom's: a typed request leaves the member out.
    assert!(serde_json::to_value(typed_add()).unwrap().get("is_exclusive").is_none());
}

#[test]
fn r_cw_16_contact_way_quota_is_server_side() {
    // The client cannot count contact ways; the quota surfaces as errcode 41045, class quota.
    let info = errcode::lookup(41045).expect("41045 in the errcode table");
    assert_eq!(info.class, ErrorClass::Quota);
    assert!(info.title.contains("上限"), "{}", info.title);
    assert!(info.hint.contains("500,000"), "{}", info.hint);
    assert_eq!(ErrorClass::Quota.as_str(), "quota");
    // So a payload is never rejected for quota reasons: a temp and a permanent way both pass.
    valid(ADD, &add());
    valid(ADD, &add_temp());
}

#[test]
fn r_cw_17_expired_temp_way_is_judged_by_the_server() {
    // The client does not know whether a temp way has expired or been used: an update of a
    // temp way's settings is client-valid and the verdict is left to WeCom.
    valid(
        UPDATE,
        &with(
            &update(),
            json!({ "expires_in": 86400, "chat_expires_in": 3600, "conclusions": { "text": { "content": "再见" } } }),
        ),
    );
    // WeCom's answer is not a token, rate or retry problem: whatever code it uses is not retried
    // (41044 = invalid config_id is a parameter error; an unlisted code is business state).
    assert_eq!(class(41044), ErrorClass::Param);
    assert_eq!(errcode::class_of(41_999_999), ErrorClass::State);
    assert!(rules::info("R-CW-17").is_some());
}

#[test]
fn r_cw_18_config_id_required() {
    for endpoint in [GET, UPDATE, DEL] {
        check(endpoint, &json!({}), &[("/config_id", "R-CW-18", M::Is(Msg::Required))]);
        check(endpoint, &json!({ "config_id": "" }), &[("/config_id", "R-CW-18", M::Is(Msg::Required))]);
        check(endpoint, &json!({ "config_id": null }), &[("/config_id", "R-CW-18", M::Is(Msg::Required))]);
        check(
            endpoint,
            &json!({ "config_id": 42 }),
            &[("/config_id", "json-type", M::Is(Msg::Type { expected: "string", actual: "integer" }))],
        );
        valid(endpoint, &json!({ "config_id": "42b34949e138eb6e027c123cba77fAAA" }));
    }
    assert_eq!(class(41043), ErrorClass::Param);
    assert_eq!(class(41044), ErrorClass::Param);
}

#[test]
fn r_cw_19_update_replaces_lists_but_not_the_kind_of_way() {
    // user and party are replacement lists on update (any combination is client-valid) …
    valid(UPDATE, &with(&update(), json!({ "user": ["UserID1", "UserID2"], "party": [2, 3] })));
    valid(UPDATE, &with(&update(), json!({ "party": [2] })));
    // … but the kind of the way cannot be changed: type, scene and is_temp are not update fields.
    check_text(
        UPDATE,
        r#"{"config_id":"c1","type":2,"scene":1,"is_temp":true}"#,
        &[
            ("/type", "unknown-field", M::Is(Msg::UnknownField)),
            ("/scene", "unknown-field", M::Is(Msg::UnknownField)),
            ("/is_temp", "unknown-field", M::Is(Msg::UnknownField)),
        ],
    );
    // The member limit of R-CW-09 still applies to the replacement list.
    check(
        UPDATE,
        &with(&update(), json!({ "user": ids(101) })),
        &[("/user", "R-CW-09", M::Is(Msg::MaxItems { max: 100, actual: 101 }))],
    );
    assert!(rules::info("R-CW-19").unwrap().en.contains("replace"));
}

#[test]
fn r_cw_20_conclusions_content() {
    let bytes = |max, actual| M::Is(Msg::MaxBytes { max, actual });
    let concl = |c: Value| with(&add_temp(), json!({ "conclusions": c }));
    // text.content ≤ 4000 UTF-8 bytes.
    let text = |s: String| concl(json!({ "text": { "content": s } }));
    valid(ADD, &text("a".repeat(4000)));
    valid(ADD, &text("中".repeat(1333) + "a")); // 3999 + 1 = 4000 bytes
    valid(ADD, &text("😀".repeat(1000))); // 4000 bytes
    check(ADD, &text("a".repeat(4001)), &[("/conclusions/text/content", "R-CW-20", bytes(4000, 4001))]);
    check(ADD, &text("中".repeat(1334)), &[("/conclusions/text/content", "R-CW-20", bytes(4000, 4002))]);
    check(ADD, &text("😀".repeat(1000) + "a"), &[("/conclusions/text/content", "R-CW-20", bytes(4000, 4001))]);
    // link.title ≤ 128 bytes, link.desc ≤ 512 bytes.
    let link = |title: String, desc: String| {
        concl(json!({ "link": { "title": title, "desc": desc, "url": "https://example.com" } }))
    };
    valid(ADD, &link("标".repeat(42) + "ab", "述".repeat(170) + "ab"));
    // (json! writes members in alphabetical order: desc before title.)
    check(
        ADD,
        &link("标".repeat(43), "述".repeat(171)),
        &[
            ("/conclusions/link/title", "R-CW-20", bytes(128, 129)),
            ("/conclusions/link/desc", "R-CW-20", bytes(512, 513)),
        ],
    );
    // miniprogram.title ≤ 64 bytes.
    let mini = |title: String| {
        concl(
            json!({ "miniprogram": { "title": title, "pic_media_id": "MEDIA_ID", "appid": "wx8bd80126147dfAAA", "page": "/path/index" } }),
        )
    };
    valid(ADD, &mini("题".repeat(21) + "a"));
    check(ADD, &mini("题".repeat(21) + "ab"), &[("/conclusions/miniprogram/title", "R-CW-20", bytes(64, 65))]);
    // The same limits on update.
    check(
        UPDATE,
        &with(&update(), json!({ "conclusions": { "text": { "content": "x".repeat(4001) } } })),
        &[("/conclusions/text/content", "R-CW-20", bytes(4000, 4001))],
    );
    // Not all empty.
    check(ADD, &concl(json!({})), &[("/conclusions", "R-CW-20", M::Text(CONCLUSIONS_EMPTY))]);
    check(
        ADD,
        &concl(json!({ "text": {} })),
        &[
            ("/conclusions/text/content", "R-CW-20", M::Is(Msg::Required)),
            ("/conclusions", "R-CW-20", M::Text(CONCLUSIONS_EMPTY)),
        ],
    );
    check(
        ADD,
        &concl(json!({ "text": { "content": "" } })),
        &[("/conclusions/text/content", "R-CW-20", M::Is(Msg::Required))],
    );
    // image, link and miniprogram are mutually exclusive: every one after the first is reported.
    let image = json!({ "media_id": "MEDIA_ID" });
    let a_link = json!({ "title": "t", "url": "https://example.com" });
    let a_mini = json!({ "title": "t", "pic_media_id": "M", "appid": "wx8bd80126147dfAAA", "page": "/p" });
    check(
        ADD,
        &concl(json!({ "image": image, "link": a_link })),
        &[("/conclusions/link", "R-CW-20", M::Text(CONCLUSIONS_EXCLUSIVE))],
    );
    check(
        ADD,
        &concl(json!({ "text": { "content": "再见" }, "image": image, "link": a_link, "miniprogram": a_mini })),
        &[
            ("/conclusions/link", "R-CW-20", M::Text(CONCLUSIONS_EXCLUSIVE)),
            ("/conclusions/miniprogram", "R-CW-20", M::Text(CONCLUSIONS_EXCLUSIVE)),
        ],
    );
    check(
        ADD,
        &concl(json!({ "link": a_link, "miniprogram": a_mini })),
        &[("/conclusions/miniprogram", "R-CW-20", M::Text(CONCLUSIONS_EXCLUSIVE))],
    );
    // Required members of each attachment.
    check(
        ADD,
        &concl(json!({ "miniprogram": { "title": "t", "pic_media_id": "M", "page": "/p" } })),
        &[("/conclusions/miniprogram/appid", "R-CW-20", M::Is(Msg::Required))],
    );
    check(
        ADD,
        &concl(json!({ "link": { "title": "t" } })),
        &[("/conclusions/link/url", "R-CW-20", M::Is(Msg::Required))],
    );
    // Boundary: text may accompany exactly one attachment; each attachment alone is fine.
    valid(ADD, &concl(json!({ "text": { "content": "再见" }, "image": image })));
    valid(ADD, &concl(json!({ "text": { "content": "再见" }, "miniprogram": a_mini })));
    valid(ADD, &concl(json!({ "link": a_link })));
    // Errors WeCom gives for a mini-program that is not linked or not valid.
    assert_eq!(class(90206), ErrorClass::Config);
    assert_eq!(class(90207), ErrorClass::Param);
}

#[test]
fn r_cw_21_list_contact_way_limit_and_time_window() {
    let range = |actual| M::Is(Msg::Range { min: 1, max: 1000, actual });
    valid(LIST, &json!({}));
    valid(LIST, &json!({ "limit": 1000 }));
    valid(LIST, &json!({ "limit": 1, "cursor": "" }));
    check(LIST, &json!({ "limit": 1001 }), &[("/limit", "R-CW-21", range(1001))]);
    check(LIST, &json!({ "limit": 0 }), &[("/limit", "R-CW-21", range(0))]);
    check(
        LIST,
        &json!({ "start_time": 1_622_563_201, "end_time": 1_622_563_200 }),
        &[("/start_time", "R-CW-21", M::Text(START_AFTER_END))],
    );
    valid(LIST, &json!({ "start_time": 1_622_563_200, "end_time": 1_622_563_200 }));
    valid(LIST, &json!({ "start_time": 1_622_476_800 }));
}

#[test]
fn r_cw_22_close_temp_chat_needs_userid_and_external_userid() {
    check(
        CLOSE,
        &json!({}),
        &[("/userid", "R-CW-22", M::Is(Msg::Required)), ("/external_userid", "R-CW-22", M::Is(Msg::Required))],
    );
    check(
        CLOSE,
        &json!({ "userid": "zhangyisheng", "external_userid": "" }),
        &[("/external_userid", "R-CW-22", M::Is(Msg::Required))],
    );
    check(
        CLOSE,
        &json!({ "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA" }),
        &[("/userid", "R-CW-22", M::Is(Msg::Required))],
    );
    valid(CLOSE, &json!({ "userid": "zhangyisheng", "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA" }));
    assert_eq!(class(41035), ErrorClass::Param);
}

// ---------------------------------------------------------------------------------------------
// ID conversion
// ---------------------------------------------------------------------------------------------

#[test]
fn r_id_02_external_userid_list_required_at_most_100() {
    for endpoint in [PENDING_CORPGROUP, PENDING_IDCONVERT] {
        check(endpoint, &json!({}), &[("/external_userid", "R-ID-02", M::Is(Msg::Required))]);
        check(endpoint, &json!({ "chat_id": "wr1" }), &[("/external_userid", "R-ID-02", M::Is(Msg::Required))]);
        check(
            endpoint,
            &json!({ "external_userid": [] }),
            &[("/external_userid", "R-ID-02", M::Is(Msg::MinItems { min: 1, actual: 0 }))],
        );
        check(
            endpoint,
            &json!({ "external_userid": ids(101) }),
            &[("/external_userid", "R-ID-02", M::Is(Msg::MaxItems { max: 100, actual: 101 }))],
        );
        check(
            endpoint,
            &json!({ "external_userid": ["a", "b", "c", 4] }),
            &[("/external_userid/3", "json-type", M::Is(Msg::Type { expected: "string", actual: "integer" }))],
        );
        valid(endpoint, &json!({ "external_userid": ids(1) }));
        valid(endpoint, &json!({ "external_userid": ids(100), "chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA" }));
    }
}

#[test]
fn r_id_01_unionid_and_openid_required_subject_type_0_or_1() {
    let required = || M::Is(Msg::Required);
    check(UNIONID, &json!({}), &[("/unionid", "R-ID-01", required()), ("/openid", "R-ID-01", required())]);
    // The high-frequency call ticket (doc 96250) is a declared member: no warning.
    valid(UNIONID, &with(&unionid_openid(), json!({ "subject_type": 1, "mass_call_ticket": "TICKET" })));
    check(UNIONID, &with(&unionid_openid(), json!({ "unionid": "" })), &[("/unionid", "R-ID-01", required())]);
    check(UNIONID, &with(&unionid_openid(), json!({ "openid": null })), &[("/openid", "R-ID-01", required())]);
    check(UNIONID, &json!({ "openid": "oB", "subject_type": 0 }), &[("/unionid", "R-ID-01", required())]);
    for bad in [2, -1, 100] {
        check(
            UNIONID,
            &with(&unionid_openid(), json!({ "subject_type": bad })),
            &[("/subject_type", "R-ID-01", M::Is(Msg::OneOf { allowed: &[0, 1], actual: bad }))],
        );
    }
    check(
        UNIONID,
        &with(&unionid_openid(), json!({ "subject_type": "1" })),
        &[("/subject_type", "json-type", M::Is(Msg::Type { expected: "integer", actual: "string" }))],
    );
    // corpid belongs to the upstream/downstream variant only.
    check(
        UNIONID,
        &with(&unionid_openid(), json!({ "corpid": "ww1" })),
        &[("/corpid", "unknown-field", M::Is(Msg::UnknownField))],
    );
    // Boundary: both subjects, and none (corp subject by default).
    valid(UNIONID, &unionid_openid());
    valid(UNIONID, &with(&unionid_openid(), json!({ "subject_type": 0 })));
    valid(UNIONID, &with(&unionid_openid(), json!({ "subject_type": 1 })));
    // Whether unionid and openid belong together is the server's verdict.
    assert_eq!(class(610014), ErrorClass::Param);
    assert_eq!(class(610018), ErrorClass::Param);
    assert_eq!(class(41057), ErrorClass::Config);
    assert_eq!(class(45009), ErrorClass::Rate);
}

#[test]
fn r_id_03_new_external_userid_list_1_to_1000_and_chat_id() {
    id_list_1_to_1000(NEW_IDS, &json!({}), "external_userid_list", "R-ID-03");
    let group = json!({ "chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA" });
    id_list_1_to_1000(GROUP_NEW_IDS, &group, "external_userid_list", "R-ID-03");
    // The group-member variant needs chat_id too; the plain one does not take it.
    check(
        GROUP_NEW_IDS,
        &json!({}),
        &[("/chat_id", "R-ID-03", M::Is(Msg::Required)), ("/external_userid_list", "R-ID-03", M::Is(Msg::Required))],
    );
    check(
        GROUP_NEW_IDS,
        &json!({ "chat_id": "", "external_userid_list": ids(1) }),
        &[("/chat_id", "R-ID-03", M::Is(Msg::Required))],
    );
    check(
        NEW_IDS,
        &with(&group, json!({ "external_userid_list": ids(1) })),
        &[("/chat_id", "unknown-field", M::Is(Msg::UnknownField))],
    );
    // Refused after the migration was marked finished: the server says so.
    assert_eq!(class(40096), ErrorClass::Param);
}

#[test]
fn r_id_04_service_conversions_need_source_agentid_and_1_to_1000_ids() {
    let required = || M::Is(Msg::Required);
    let agent = |actual| M::Is(Msg::Range { min: 1, max: U32_MAX, actual });
    let from_service = json!({ "external_userid": "wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA", "source_agentid": 1_000_001 });
    check(
        FROM_SERVICE,
        &json!({}),
        &[("/external_userid", "R-ID-04", required()), ("/source_agentid", "R-ID-04", required())],
    );
    check(
        FROM_SERVICE,
        &with(&from_service, json!({ "external_userid": "" })),
        &[("/external_userid", "R-ID-04", required())],
    );
    check(
        FROM_SERVICE,
        &with(&from_service, json!({ "source_agentid": null })),
        &[("/source_agentid", "R-ID-04", required())],
    );
    check(
        FROM_SERVICE,
        &with(&from_service, json!({ "source_agentid": 0 })),
        &[("/source_agentid", "R-ID-04", agent(0))],
    );
    check(
        FROM_SERVICE,
        &with(&from_service, json!({ "source_agentid": 4_294_967_296_i64 })),
        &[("/source_agentid", "R-ID-04", agent(4_294_967_296))],
    );
    check(
        FROM_SERVICE,
        &with(&from_service, json!({ "source_agentid": "1000001" })),
        &[("/source_agentid", "json-type", M::Is(Msg::Type { expected: "integer", actual: "string" }))],
    );
    valid(FROM_SERVICE, &from_service);
    valid(FROM_SERVICE, &with(&from_service, json!({ "source_agentid": 1 })));
    valid(FROM_SERVICE, &with(&from_service, json!({ "source_agentid": U32_MAX })));

    let agent_only = json!({ "source_agentid": 1_000_001 });
    id_list_1_to_1000(OPEN_USERIDS, &agent_only, "open_userid_list", "R-ID-04");
    check(OPEN_USERIDS, &json!({ "open_userid_list": ids(1) }), &[("/source_agentid", "R-ID-04", required())]);
    check(
        OPEN_USERIDS,
        &json!({ "open_userid_list": ids(1), "source_agentid": -1 }),
        &[("/source_agentid", "R-ID-04", agent(-1))],
    );

    id_list_1_to_1000(TAG_IDS, &json!({}), "external_tagid_list", "R-ID-04");
    // Unconvertible ids come back in invalid_open_userid_list or as errcodes, never client-side.
    assert_eq!(class(40125), ErrorClass::Param);
    assert_eq!(class(40056), ErrorClass::Config);
}

#[test]
fn r_id_05_corpgroup_unionid_and_openid_required() {
    let required = || M::Is(Msg::Required);
    // corpgroup/unionid_to_external_userid takes the ticket too (doc 95818); the pending_id
    // variant does not declare it: there it is an unknown member, sent with a warning.
    valid(CORPGROUP_UNIONID, &with(&unionid_openid(), json!({ "corpid": "wwdown", "mass_call_ticket": "TICKET" })));
    warns(
        CORPGROUP_UNIONID_PENDING,
        &with(&unionid_openid(), json!({ "mass_call_ticket": "T" })),
        &[("/mass_call_ticket", "unknown-field")],
    );
    for endpoint in [CORPGROUP_UNIONID, CORPGROUP_UNIONID_PENDING] {
        check(endpoint, &json!({}), &[("/unionid", "R-ID-05", required()), ("/openid", "R-ID-05", required())]);
        check(endpoint, &with(&unionid_openid(), json!({ "openid": "" })), &[("/openid", "R-ID-05", required())]);
        check(
            endpoint,
            &with(&unionid_openid(), json!({ "unionid": 7 })),
            &[("/unionid", "json-type", M::Is(Msg::Type { expected: "string", actual: "integer" }))],
        );
        check(
            endpoint,
            &with(&unionid_openid(), json!({ "subject_type": 0 })),
            &[("/subject_type", "unknown-field", M::Is(Msg::UnknownField))],
        );
        valid(endpoint, &unionid_openid());
    }
    // Only the external_userid lookup can be narrowed to one downstream corp.
    valid(CORPGROUP_UNIONID, &with(&unionid_openid(), json!({ "corpid": "wwAAAAAAAAAAAAAAAA" })));
    check(
        CORPGROUP_UNIONID_PENDING,
        &with(&unionid_openid(), json!({ "corpid": "wwAAAAAAAAAAAAAAAA" })),
        &[("/corpid", "unknown-field", M::Is(Msg::UnknownField))],
    );
    // 20,000 calls an hour, 240,000 a day: the limit surfaces as a rate error.
    assert_eq!(class(45009), ErrorClass::Rate);
}

#[test]
fn r_id_06_convert_to_openid_needs_external_userid_prefix_left_to_the_server() {
    let required = || M::Is(Msg::Required);
    check(OPENID, &json!({}), &[("/external_userid", "R-ID-06", required())]);
    check(OPENID, &json!({ "external_userid": "" }), &[("/external_userid", "R-ID-06", required())]);
    check(OPENID, &json!({ "external_userid": null }), &[("/external_userid", "R-ID-06", required())]);
    check(
        OPENID,
        &json!({ "external_userid": ["wm1"] }),
        &[("/external_userid", "json-type", M::Is(Msg::Type { expected: "string", actual: "array" }))],
    );
    valid(OPENID, &json!({ "external_userid": "wmAJ2GCAAAzLTI123ghsdfoGZNqqAAAA" }));
    // The validator sees string measures, not content: a WeCom-type (wo…) id is client-valid and
    // the server refuses it, with a parameter-class errcode.
    valid(OPENID, &json!({ "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA" }));
    assert_eq!(class(40096), ErrorClass::Param);
    assert_eq!(class(41056), ErrorClass::Param);
}

// ---------------------------------------------------------------------------------------------
// whole-report behaviour
// ---------------------------------------------------------------------------------------------

#[test]
fn every_problem_is_listed_in_order() {
    // Raw text: the members must stay in this order.
    let payload = format!(
        r#"{{"type":1,"scene":3,"remark":"{}","state":5,"nickname":"x","user":["zhangsan","lisi"],"expires_in":60}}"#,
        "中".repeat(31)
    );
    check_text(
        ADD,
        &payload,
        &[
            ("/scene", "R-CW-02", M::Is(Msg::OneOf { allowed: &[1, 2], actual: 3 })),
            ("/remark", "R-CW-04", M::Is(Msg::MaxChars { max: 30, actual: 31 })),
            ("/state", "json-type", M::Is(Msg::Type { expected: "string", actual: "integer" })),
            ("/nickname", "unknown-field", M::Is(Msg::UnknownField)),
            ("/user", "R-CW-07", M::Is(Msg::ExactItems { count: 1, actual: 2 })),
            ("/expires_in", "R-CW-11", M::Text(ONLY_WITH_TEMP)),
        ],
    );
    // Fields in the model's order (missing ones included), then unknown and repeated members
    // (document order), then cross-field rules: the member order of the payload does not matter.
    let got = issues_text(ADD, r#"{"zzz":0,"remark":1}"#);
    let summary: Vec<(String, String)> = got.iter().map(|i| (i.path.clone(), i.rule.to_owned())).collect();
    let expected: Vec<(String, String)> =
        [("/type", "R-CW-01"), ("/scene", "R-CW-02"), ("/remark", "json-type"), ("/zzz", "unknown-field")]
            .iter()
            .map(|(p, r)| (p.to_string(), r.to_string()))
            .collect();
    assert_eq!(summary, expected);
}

#[test]
fn both_locales_render() {
    let payload = with(&add(), json!({ "remark": "中".repeat(31), "party": [1] })).to_string();
    let report = validate_json(ADD, &payload).unwrap();
    assert_eq!((report.errors.len(), report.warnings.len()), (1, 1));
    let en: Value = serde_json::from_str(&report.to_json(Locale::En)).unwrap();
    let zh: Value = serde_json::from_str(&report.to_json(Locale::default())).unwrap();
    assert_eq!(Locale::default(), Locale::ZhCn);
    assert_eq!(en["valid"], json!(false));
    assert_eq!(
        en["errors"][0],
        json!({ "path": "/remark", "rule": "R-CW-04", "message": "must be at most 30 characters (got 31)", "params": { "max": 30, "actual": 31 } })
    );
    assert_eq!(
        zh["errors"][0],
        json!({ "path": "/remark", "rule": "R-CW-04", "message": "最多 30 个字符（当前 31 个）", "params": { "max": 30, "actual": 31 } })
    );
    assert_eq!(en["warnings"][0]["message"], json!(PARTY_ONLY_MULTI));
    assert_eq!(zh["warnings"][0]["message"], json!("仅在 type 为 2（多人）时生效，此项被忽略"));
    assert_eq!(en["warnings"][0]["params"], json!({}));
    assert_eq!(en["warnings"][0]["rule"], json!("R-CW-08"));
    let errors: Value = serde_json::from_str(&report.errors_json(Locale::En)).expect("errors_json is JSON");
    assert_eq!(errors, en["errors"]);
    let errors: Value = serde_json::from_str(&report.errors_json(Locale::ZhCn)).expect("errors_json is JSON");
    assert_eq!(errors, zh["errors"]);
    // Every message of a big report has text in both languages, and the zh text is Chinese.
    let big = json!({ "type": 9, "scene": "2", "remark": "x".repeat(40), "user": [], "is_temp": 1, "foo": null,
        "expires_in": 0, "conclusions": { "text": { "content": "y".repeat(4001) }, "image": {}, "link": {"title": "t", "url": "u"} } });
    let report = validate_json_with(ADD, &big.to_string(), validate::Options { strict: true }).unwrap();
    assert!(report.errors.len() >= 8, "{}", describe(&report.errors));
    for issue in &report.errors {
        let en = issue.msg.render(Locale::En);
        let zh = issue.msg.render(Locale::ZhCn);
        assert!(!en.is_empty() && en.is_ascii(), "{en}");
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "zh message without Chinese: {zh}");
    }
    // A valid payload.
    let ok = validate_json(ADD, &add().to_string()).unwrap();
    assert_eq!(ok.to_json(Locale::En), r#"{"valid":true,"errors":[],"warnings":[]}"#);
    assert_eq!(Locale::from_tag("en-GB"), Locale::En);
    assert_eq!(Locale::from_tag("zh-Hans"), Locale::ZhCn);
}

#[test]
fn unknown_endpoint() {
    for path in [
        "externalcontact/nope",
        "",
        "add_contact_way",
        "externalcontact/add_contact_way/",
        "EXTERNALCONTACT/ADD_CONTACT_WAY",
    ] {
        match validate_json(path, "{}") {
            Err(Error::UnknownEndpoint(p)) => assert_eq!(p, path),
            other => panic!("{path:?}: {other:?}"),
        }
    }
    let e = validate_json("externalcontact/nope", "{}").unwrap_err();
    assert_eq!(e.code(), "E_UNKNOWN_ENDPOINT");
    assert!(format!("{e}").contains("externalcontact/nope"));
    // The official path with a leading `/` or `/cgi-bin/` is accepted.
    assert!(validate_json("/cgi-bin/externalcontact/add_contact_way", &add().to_string()).unwrap().is_valid());
    assert!(validate_json("/externalcontact/add_contact_way", &add().to_string()).unwrap().is_valid());
}

#[test]
fn every_endpoint_accepts_its_minimal_valid_payload() {
    let payloads = common::valid_payloads();
    for ep in endpoints::ALL {
        let payload = payloads.get(ep.path).unwrap_or_else(|| panic!("valid_payloads.json lacks {}", ep.path));
        valid(ep.path, payload);
        // The typed request struct accepts it too.
        if let Err(e) = common::typed_accepts(ep.path, &payload.to_string()) {
            panic!("{}: the typed request rejects the minimal payload: {e}", ep.path);
        }
    }
    for key in payloads.keys() {
        assert!(endpoints::find(key).is_some(), "valid_payloads.json has unknown endpoint {key}");
    }
    assert_eq!(payloads.len(), endpoints::ALL.len());
}

#[test]
fn full_doc_style_payloads_are_valid() {
    let Value::Object(payloads) = common::fixture_json("full_payloads.json") else { panic!() };
    for (key, payload) in payloads {
        let path = key.split('#').next().unwrap();
        // Sent as they are: at most warnings (SKIT's update example carries is_exclusive).
        let report = validate_json(path, &payload.to_string()).unwrap();
        assert!(report.is_valid(), "{path}: {}", describe(&report.errors));
        let warned: Vec<&str> = report.warnings.iter().map(|i| i.path.as_str()).collect();
        let expected: &[&str] = if path == UPDATE { &["/is_exclusive"] } else { &[] };
        assert_eq!(warned, expected, "{path}");
    }
}

#[test]
fn typed_requests_serialize_to_valid_payloads() {
    let text = serde_json::to_string(&typed_add()).unwrap();
    assert!(validate_json(ADD, &text).unwrap().is_valid(), "{text}");
    let back: AddContactWayRequest = serde_json::from_str(&text).unwrap();
    assert_eq!(back, typed_add());
}

fn typed_add() -> AddContactWayRequest {
    AddContactWayRequest {
        r#type: ContactWayType::Single,
        scene: ContactWayScene::QrCode,
        remark: Some("渠道客户".into()),
        state: Some("teststate".into()),
        user: Some(vec!["zhangsan".into()]),
        ..Default::default()
    }
}

/// The tape (what the JS layer writes instead of JSON text) gives exactly the report of the text.
/// Every `check`/`valid` call in this file compares `validate_text` with `validate_tape` on three
/// encodings of my own; this test makes sure the comparison really runs, including payloads the
/// JS writer never produces (integral floats, repeated keys).
#[test]
fn tape_path_agrees_with_text_path() {
    let payloads = [
        (ADD, add().to_string()),
        (
            ADD,
            with(&add(), json!({ "remark": "中".repeat(31), "party": [1], "foo": { "a/b": [1, 2], "type": {} } }))
                .to_string(),
        ),
        (
            ADD,
            with(
                &add_temp(),
                json!({ "conclusions": { "text": { "content": "" }, "image": {}, "link": { "title": "t" } } }),
            )
            .to_string(),
        ),
        (LIST, json!({ "limit": 0, "start_time": 5, "end_time": 4 }).to_string()),
        (CLOSE, json!({ "userid": "", "external_userid": 1 }).to_string()),
        (PENDING_IDCONVERT, json!({ "external_userid": ids(101) }).to_string()),
        (GETTOKEN, json!({}).to_string()),
        (ADD, r#"{"type":1.0,"scene":2e0,"user":["a"],"foo":1,"foo":[{"foo":2}]}"#.to_owned()),
        (GET, r#"{"config_id":"a","config_id":"b"}"#.to_owned()),
    ];
    for (endpoint, text) in payloads {
        let model = endpoints::find(endpoint).unwrap().request;
        let report = validate_json(endpoint, &text).unwrap();
        common::assert_tape_agrees(model, &text, &report);
        for keys in [common::Keys::Indexed, common::Keys::Shared, common::Keys::Named] {
            assert_eq!(common::validate_via_tape(model, &text, keys), report, "{keys:?} {endpoint} {text}");
        }
    }
    // A tape cannot tell 1.0 from 1: integral floats are integers on both paths.
    assert!(validate_json(ADD, r#"{"type":1.0,"scene":2.0,"user":["a"]}"#).unwrap().is_valid());
    // Text that is not JSON has no tape.
    assert!(tape::from_text("{", Kind::Object(&AddContactWayRequest::MODEL)).is_err());
    assert!(tape::from_text("{} {}", Kind::Any).is_err());
}

/// Tapes written by hand from the documented layout: `from_text` writes exactly these slots,
/// `Tape::new` accepts them and `validate_tape` reports what the text reports.
#[test]
fn hand_written_tapes_validate_like_text() {
    const A: &Model = &AddContactWayRequest::MODEL;
    const C: &Model = &Conclusions::MODEL;
    const T: &Model = &ConclusionsText::MODEL;
    let (ty, scene, user, temp, concl) = (
        A.index("type") as f64,
        A.index("scene") as f64,
        A.index("user") as f64,
        A.index("is_temp") as f64,
        A.index("conclusions") as f64,
    );
    let (text_field, content) = (C.index("text") as f64, T.index("content") as f64);
    let kind = Kind::Object(A);
    let run = |text: &str, slots: &[f64], names: &[&str]| {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let written = tape::from_text(text, kind).unwrap();
        assert_eq!(written.slots, slots, "{text}");
        assert_eq!(written.names, names, "{text}");
        // Strict: warnings are listed with the errors, in order.
        let strict = validate::Options { strict: true };
        let report = validate::validate_tape(A, Tape::new(slots, &names, kind).unwrap(), strict);
        assert_eq!(report, validate_json_with(ADD, text, strict).unwrap(), "{text}");
        report.errors
    };
    // {"type":1,"scene":2,"user":["张三"],"foo":null}
    #[rustfmt::skip]
    let slots = [
        5.0, 4.0, 18.0,
        ty, 2.0, 1.0,
        scene, 2.0, 2.0,
        user, 4.0, 1.0, 16.0, 3.0, 6.0, 2.0,
        -1.0, 0.0,
    ];
    let issues = run(r#"{"type":1,"scene":2,"user":["张三"],"foo":null}"#, &slots, &["foo"]);
    assert_eq!(issues, vec![Issue { path: "/foo".into(), rule: "unknown-field", msg: Msg::UnknownField }]);
    let report = validate_json(ADD, r#"{"type":1,"scene":2,"user":["张三"],"foo":null}"#).unwrap();
    assert_eq!(report.warnings, vec![Issue { path: "/foo".into(), rule: "unknown-field", msg: Msg::UnknownField }]);
    // {"type":1,"scene":2,"user":["a"],"is_temp":true,"conclusions":{"text":{"content":"😀…"},"x/y":[]}}
    let emoji = "😀".repeat(1001);
    #[rustfmt::skip]
    let slots = [
        5.0, 5.0, 35.0,
        ty, 2.0, 1.0,
        scene, 2.0, 2.0,
        user, 4.0, 1.0, 16.0, 3.0, 1.0, 1.0,
        temp, 1.0, 1.0,
        concl, 5.0, 2.0, 35.0,
            text_field, 5.0, 1.0, 31.0,
                content, 3.0, 4004.0, 1001.0,
            -1.0, 4.0, 0.0, 35.0,
    ];
    let text = format!(
        r#"{{"type":1,"scene":2,"user":["a"],"is_temp":true,"conclusions":{{"text":{{"content":"{emoji}"}},"x/y":[]}}}}"#
    );
    let issues = run(&text, &slots, &["x/y"]);
    assert_eq!(
        issues,
        vec![
            Issue {
                path: "/conclusions/text/content".into(),
                rule: "R-CW-20",
                msg: Msg::MaxBytes { max: 4000, actual: 4004 }
            },
            Issue { path: "/conclusions/x~1y".into(), rule: "unknown-field", msg: Msg::UnknownField },
        ]
    );
    // Root that is not an object, and a name-keyed object below an unknown member.
    let issues = run("[1,true]", &[4.0, 2.0, 7.0, 2.0, 1.0, 1.0, 1.0], &[]);
    assert_eq!(
        issues,
        vec![Issue { path: String::new(), rule: "json-type", msg: Msg::Type { expected: "object", actual: "array" } }]
    );
    let issues = run(
        r#"{"q":{"type":"s"},"type":2,"scene":1}"#,
        &[5.0, 3.0, 17.0, -1.0, 5.0, 1.0, 11.0, -2.0, 3.0, 1.0, 1.0, ty, 2.0, 2.0, scene, 2.0, 1.0],
        &["q", "type"],
    );
    assert_eq!(issues, vec![Issue { path: "/q".into(), rule: "unknown-field", msg: Msg::UnknownField }]);
}

/// Every rule id a model can report (required ids, field rules, enum rules) is in the catalogue.
#[test]
fn every_rule_id_a_model_can_report_is_catalogued() {
    fn walk(model: &'static Model, seen: &mut Vec<&'static str>, out: &mut Vec<(String, &'static str)>) {
        if seen.contains(&model.name) {
            return;
        }
        seen.push(model.name);
        for f in model.fields {
            if !f.optional {
                out.push((format!("{}.{} (required)", model.name, f.name), f.required_rule));
            }
            for r in f.rules {
                out.push((format!("{}.{}", model.name, f.name), r.id));
            }
            kind(model, f, (f.kind)(), seen, out);
        }
    }
    fn kind(
        model: &'static Model,
        f: &Field,
        k: Kind,
        seen: &mut Vec<&'static str>,
        out: &mut Vec<(String, &'static str)>,
    ) {
        match k {
            Kind::Enum(e) => out.push((format!("{}.{} (enum)", model.name, f.name), e.rule)),
            Kind::Array(inner) => kind(model, f, inner(), seen, out),
            Kind::Object(m) => walk(m, seen, out),
            Kind::Any | Kind::Str | Kind::Bool | Kind::Int { .. } => {}
        }
    }
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for ep in endpoints::ALL {
        assert_eq!(ep.request.direction, Direction::Request, "{}", ep.path);
        assert_eq!(ep.response.direction, Direction::Response, "{}", ep.path);
        walk(ep.request, &mut seen, &mut out);
    }
    assert!(!out.is_empty());
    for (what, id) in out {
        assert!(rules::info(id).is_some(), "{what} reports {id}, which is not in rules::CATALOGUE");
    }
}

/// The ids covered by a test in this file.
const COVERED: &[(&str, &str)] = &[
    ("json-type", "json_type"),
    ("json-depth", "json_depth"),
    ("unknown-field", "unknown_field"),
    ("json-unicode", "json_unicode_unpaired_surrogate_is_reported_at_its_path"),
    ("duplicate-field", "duplicate_field"),
    ("required", "required"),
    ("integer-range", "integer_range"),
    ("T-01", "t_01_gettoken_needs_corpid_and_corpsecret"),
    ("R-CW-01", "r_cw_01_type_required_and_enum"),
    ("R-CW-02", "r_cw_02_scene_required_and_enum"),
    ("R-CW-03", "r_cw_03_style_is_a_positive_integer"),
    ("R-CW-04", "r_cw_04_remark_at_most_30_chars"),
    ("R-CW-05", "r_cw_05_skip_verify_is_an_optional_bool_defaulting_to_true"),
    ("R-CW-06", "r_cw_06_state_at_most_30_chars"),
    ("R-CW-07", "r_cw_07_type_1_needs_exactly_one_user"),
    ("R-CW-08", "r_cw_08_party_only_for_type_2"),
    ("R-CW-09", "r_cw_09_at_most_100_members"),
    ("R-CW-10", "r_cw_10_temp_mode_is_single_member_only"),
    ("R-CW-11", "r_cw_11_expires_in_temp_only_at_most_14_days"),
    ("R-CW-12", "r_cw_12_chat_expires_in_temp_only_at_most_14_days"),
    ("R-CW-13", "r_cw_13_unionid_temp_only"),
    ("R-CW-14", "r_cw_14_conclusions_temp_only"),
    ("R-CW-15", "r_cw_15_is_exclusive_is_an_optional_bool"),
    ("R-CW-16", "r_cw_16_contact_way_quota_is_server_side"),
    ("R-CW-17", "r_cw_17_expired_temp_way_is_judged_by_the_server"),
    ("R-CW-18", "r_cw_18_config_id_required"),
    ("R-CW-19", "r_cw_19_update_replaces_lists_but_not_the_kind_of_way"),
    ("R-CW-20", "r_cw_20_conclusions_content"),
    ("R-CW-21", "r_cw_21_list_contact_way_limit_and_time_window"),
    ("R-CW-22", "r_cw_22_close_temp_chat_needs_userid_and_external_userid"),
    ("R-ID-01", "r_id_01_unionid_and_openid_required_subject_type_0_or_1"),
    ("R-ID-02", "r_id_02_external_userid_list_required_at_most_100"),
    ("R-ID-03", "r_id_03_new_external_userid_list_1_to_1000_and_chat_id"),
    ("R-ID-04", "r_id_04_service_conversions_need_source_agentid_and_1_to_1000_ids"),
    ("R-ID-05", "r_id_05_corpgroup_unionid_and_openid_required"),
    ("R-ID-06", "r_id_06_convert_to_openid_needs_external_userid_prefix_left_to_the_server"),
];

/// A JS string can hold an unpaired surrogate, which cannot be sent as UTF-8: the JS tape writer
/// marks it (tag 6) and the validator reports it at its path, like any other field problem.
#[test]
fn json_unicode_unpaired_surrogate_is_reported_at_its_path() {
    const A: &Model = &AddContactWayRequest::MODEL;
    let f = |name: &str| A.index(name) as f64;
    // { type: 1, scene: 2, user: ["a"], remark: <"ab\uD800", 2 + 3 bytes, 3 chars> }
    let slots = [
        5.0,
        4.0,
        20.0, //
        f("type"),
        2.0,
        1.0, //
        f("scene"),
        2.0,
        2.0, //
        f("user"),
        4.0,
        1.0,
        16.0,
        3.0,
        1.0,
        1.0, //
        f("remark"),
        tape::BAD_STRING,
        5.0,
        3.0,
    ];
    let tape = Tape::new(&slots, &[], Kind::Object(A)).expect("well-formed tape");
    let report = validate::validate_tape(A, tape, Default::default());
    let found: Vec<(&str, &str)> = report.errors.iter().map(|i| (i.path.as_str(), i.rule)).collect();
    assert_eq!(found, [("/remark", "json-unicode")]);
    assert!(report.errors[0].msg.render(Locale::En).contains("unpaired surrogate"));
    assert!(report.errors[0].msg.render(Locale::ZhCn).contains("代理项"));
}

/// The `#[test]` function names of the per-area rule test files (`tests/rules_*.rs`, one per
/// area of endpoints: `rules_customers.rs`, `rules_tags.rs` …), each named after its rule id.
fn area_rule_tests() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/ is readable").flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if !(file.starts_with("rules_") && file.ends_with(".rs")) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("a rules_*.rs file is readable");
        let mut after_test = false;
        for line in text.lines().map(str::trim) {
            if line == "#[test]" {
                after_test = true;
            } else if let Some(rest) = line.strip_prefix("fn ").filter(|_| after_test) {
                names.push(rest.split('(').next().unwrap_or("").to_string());
                after_test = false;
            } else if !line.starts_with("#[") {
                after_test = false;
            }
        }
    }
    names
}

#[test]
fn every_catalogue_rule_has_a_test() {
    let area = area_rule_tests();
    let prefix_of = |id: &str| id.to_ascii_lowercase().replace('-', "_");
    let missing: Vec<&str> = CATALOGUE
        .iter()
        .map(|r| r.id)
        .filter(|id| {
            !COVERED.iter().any(|(c, _)| c == id) && !area.iter().any(|t| t.starts_with(&format!("{}_", prefix_of(id))))
        })
        .collect();
    assert!(missing.is_empty(), "rules without a test in tests/rules.rs or tests/rules_*.rs: {missing:?}");
    let stale: Vec<&str> = COVERED.iter().map(|(c, _)| *c).filter(|c| rules::info(c).is_none()).collect();
    assert!(stale.is_empty(), "tests for ids that are not in the catalogue: {stale:?}");
    // The test names follow the ids (r_cw_04_…, t_01_…, json_type …).
    for (id, test) in COVERED {
        let prefix = prefix_of(id);
        assert!(test.starts_with(&prefix), "{test} should start with {prefix}");
    }
    // And each catalogue entry reads in both languages.
    for r in CATALOGUE {
        assert!(!r.zh.is_empty() && !r.en.is_empty(), "{}", r.id);
    }
}
