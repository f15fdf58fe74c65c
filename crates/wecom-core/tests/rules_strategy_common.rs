//! The range node both strategy kinds share (R-SC-01, doc 94883 / 94890), checked on its model
//! directly; the per-endpoint limits (admin_list, nodes per call) are tested in each area's file.

use wecom_core::messages::Msg;
use wecom_core::models::StrategyRangeNode;
use wecom_core::validate::{validate_text, Issue, Options, Report};

fn check(text: &str) -> Report {
    validate_text(&StrategyRangeNode::MODEL, text, Options::default())
}

fn at<'a>(issues: &'a [Issue], path: &str) -> Vec<&'a Issue> {
    issues.iter().filter(|i| i.path == path).collect()
}

#[test]
fn r_sc_01_range_node_type_and_its_id() {
    // Boundary payloads: a member node, a department node.
    for ok in [r#"{"type":1,"userid":"zhangsan"}"#, r#"{"type":2,"partyid":1}"#] {
        let r = check(ok);
        assert!(r.errors.is_empty() && r.warnings.is_empty(), "{ok}: {:?} {:?}", r.errors, r.warnings);
    }
    // A type outside 1 | 2.
    let r = check(r#"{"type":3,"userid":"zhangsan"}"#);
    let e = at(&r.errors, "/type");
    assert_eq!(e.len(), 1, "{:?}", r.errors);
    assert_eq!(e[0].rule, "R-SC-01");
    assert_eq!(e[0].msg, Msg::OneOf { allowed: &[1, 2], actual: 3 });
    // A missing type.
    let r = check(r#"{"userid":"zhangsan"}"#);
    assert_eq!(at(&r.errors, "/type").first().map(|i| (i.rule, &i.msg)), Some(("R-SC-01", &Msg::Required)));
    // A member node without its userid, a department node without its partyid.
    let r = check(r#"{"type":1}"#);
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert_eq!((r.errors[0].path.as_str(), r.errors[0].rule, &r.errors[0].msg), ("/userid", "R-SC-01", &Msg::Required));
    let r = check(r#"{"type":2,"userid":""}"#);
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert_eq!(
        (r.errors[0].path.as_str(), r.errors[0].rule, &r.errors[0].msg),
        ("/partyid", "R-SC-01", &Msg::Required)
    );
    // The other id is ignored: a warning, the node is sent.
    let r = check(r#"{"type":1,"userid":"zhangsan","partyid":2}"#);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!((r.warnings[0].path.as_str(), r.warnings[0].rule), ("/partyid", "R-SC-01"));
    assert!(matches!(&r.warnings[0].msg, Msg::Text(t) if t.en.starts_with("partyid is only used for type 2")));
    let r = check(r#"{"type":2,"partyid":2,"userid":"lisi"}"#);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!((r.warnings[0].path.as_str(), r.warnings[0].rule), ("/userid", "R-SC-01"));
}
