//! Paging through the client (issue 11): `Client::pages` / `pages_json` over the scripted fake
//! transport — pages until the empty cursor, stops on a repeating cursor with a typed error,
//! sends the caller's other members on every page, and lets a page's error through.

mod common;

use common::*;
use serde_json::{json, Value};
use wecom_core::endpoints::{ADD_CONTACT_WAY, LIST_CONTACT_WAY};
use wecom_core::models::ListContactWayRequest;
use wecom_core::Error;

fn page(ids: &[&str], next: Option<&str>) -> Reply {
    let ways: Vec<Value> = ids.iter().map(|id| json!({ "config_id": id })).collect();
    match next {
        Some(c) => ok(json!({ "errcode": 0, "errmsg": "ok", "contact_way": ways, "next_cursor": c })),
        None => ok(json!({ "errcode": 0, "errmsg": "ok", "contact_way": ways })),
    }
}

/// The JSON bodies of the business calls (gettoken left out).
fn bodies(fake: &Fake) -> Vec<Value> {
    fake.requests()
        .iter()
        .filter(|r| !is_gettoken(r))
        .map(|r| serde_json::from_str(r.body.as_deref().unwrap_or("null")).unwrap())
        .collect()
}

#[test]
fn issue_11_pages_until_the_empty_cursor() {
    let fake = Fake::new(vec![
        token_reply(TOKENS[0], 7200),
        page(&["a", "b"], Some("C1")),
        page(&["c"], Some("C2")),
        page(&["d"], Some("")),
    ]);
    let c = client(fake);
    let request = ListContactWayRequest { limit: Some(2), ..Default::default() };
    let mut pages = c.pages(LIST_CONTACT_WAY, &request).unwrap();
    let mut ids = Vec::new();
    while let Some(answer) = block_on(pages.next_page()).unwrap() {
        ids.extend(answer.contact_way.into_iter().map(|w| w.config_id));
    }
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert_eq!(pages.pager().pages(), 3);
    // Over: no further request.
    assert!(block_on(pages.next_page()).unwrap().is_none());
    let sent = bodies(c.transport());
    assert_eq!(
        sent,
        [json!({ "limit": 2 }), json!({ "limit": 2, "cursor": "C1" }), json!({ "limit": 2, "cursor": "C2" })]
    );
}

#[test]
fn issue_11_an_absent_cursor_ends_and_items_are_yielded() {
    let fake = Fake::new(vec![token_reply(TOKENS[0], 7200), page(&["a"], Some("N")), page(&[], None)]);
    let c = client(fake);
    let mut pages = c.pages_json(LIST_CONTACT_WAY.info, json!({})).unwrap();
    assert_eq!(block_on(pages.next_items()).unwrap(), Some(vec![json!({ "config_id": "a" })]));
    assert_eq!(block_on(pages.next_items()).unwrap(), Some(vec![]));
    assert_eq!(block_on(pages.next_items()).unwrap(), None);
    assert_eq!(c.transport().remaining(), 0);
}

#[test]
fn issue_11_carries_the_callers_other_fields_on_every_page() {
    let fake = Fake::new(vec![token_reply(TOKENS[0], 7200), page(&["a"], Some("P2")), page(&["b"], None)]);
    let c = client(fake);
    let first = json!({ "start_time": 1_622_000_000, "end_time": 1_622_563_200, "limit": 1000 });
    let mut pages = c.pages_json(LIST_CONTACT_WAY.info, first.clone()).unwrap();
    while block_on(pages.next_page()).unwrap().is_some() {}
    let sent = bodies(c.transport());
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0], first);
    let mut second = first.clone();
    second["cursor"] = json!("P2");
    assert_eq!(sent[1], second);
}

#[test]
fn issue_11_a_repeating_cursor_stops_with_a_typed_error() {
    let cursor = "REPEATING_CURSOR_abcdefghijklmnop";
    let fake = Fake::new(vec![
        token_reply(TOKENS[0], 7200),
        page(&["a"], Some("first")),
        page(&["b"], Some(cursor)),
        page(&["c"], Some("first")),
    ]);
    let c = client(fake);
    let mut pages = c.pages_json(LIST_CONTACT_WAY.info, json!({})).unwrap();
    assert!(block_on(pages.next_page()).unwrap().is_some());
    assert!(block_on(pages.next_page()).unwrap().is_some());
    // The answer that names a used cursor is still its page (as in JS), then the loop error.
    let third = block_on(pages.next_page()).unwrap().unwrap();
    assert_eq!(third["contact_way"][0]["config_id"], "c");
    let e = clean(block_on(pages.next_page()).unwrap_err());
    assert_eq!(e.code(), "E_PAGINATION_LOOP");
    let Error::PaginationLoop { endpoint, field, pages: n } = &e else { panic!("{e:?}") };
    assert_eq!((endpoint.as_str(), *field, *n), ("externalcontact/list_contact_way", "next_cursor", 3));
    assert!(!format!("{e} {e:?}").contains(cursor));
    // The iteration is over: nothing more is sent.
    let sent = c.transport().count();
    assert!(block_on(pages.next_page()).unwrap().is_none());
    assert_eq!(c.transport().count(), sent);
}

#[test]
fn issue_11_an_error_from_a_page_propagates_and_ends_the_iteration() {
    let fake = Fake::new(vec![token_reply(TOKENS[0], 7200), page(&["a"], Some("C1")), errcode(40058, "bad cursor")]);
    let c = client(fake);
    let mut pages = c.pages_json(LIST_CONTACT_WAY.info, json!({ "limit": 10 })).unwrap();
    assert!(block_on(pages.next_items()).unwrap().is_some());
    let e = clean(block_on(pages.next_items()).unwrap_err());
    assert!(matches!(e, Error::Api { errcode: 40058, .. }), "{e:?}");
    assert!(block_on(pages.next_items()).unwrap().is_none());
}

#[test]
fn issue_11_an_invalid_first_page_is_a_validation_error_before_any_request() {
    let c = client(Fake::default());
    let mut pages = c.pages_json(LIST_CONTACT_WAY.info, json!({ "limit": 5000 })).unwrap();
    assert!(matches!(block_on(pages.next_page()), Err(Error::Validation { .. })));
    assert_eq!(c.transport().count(), 0);
}

#[test]
fn issue_11_an_endpoint_without_paging_is_a_usage_error() {
    let c = client(Fake::default());
    assert!(matches!(c.pages_json(ADD_CONTACT_WAY.info, json!({})), Err(Error::Usage(_))));
}

#[test]
fn issue_11_an_answer_that_does_not_match_the_model_ends_the_iteration() {
    let fake = Fake::new(vec![
        token_reply(TOKENS[0], 7200),
        ok(json!({ "errcode": 0, "errmsg": "ok", "contact_way": "not a list", "next_cursor": "C1" })),
    ]);
    let c = client(fake);
    let mut pages = c.pages(LIST_CONTACT_WAY, &ListContactWayRequest::default()).unwrap();
    assert_eq!(clean(block_on(pages.next_page()).unwrap_err()).code(), "E_BAD_RESPONSE");
    assert!(block_on(pages.next_page()).unwrap().is_none());
    assert_eq!(c.transport().count(), 2);
}

/// `into_stream` (feature `stream`; `npm/scripts/test.sh` runs the tests with it): the same
/// pages as `next_page`, then the end; a repeating cursor is the stream's last item.
#[cfg(feature = "stream")]
#[test]
fn issue_11_pages_as_a_stream() {
    use futures_util::StreamExt;
    let fake = Fake::new(vec![token_reply(TOKENS[0], 7200), page(&["a", "b"], Some("C1")), page(&["c"], Some(""))]);
    let c = client(fake);
    let stream = c.pages(LIST_CONTACT_WAY, &ListContactWayRequest::default()).unwrap().into_stream();
    let answers: Vec<_> = block_on(stream.collect::<Vec<_>>());
    let ids: Vec<String> =
        answers.into_iter().flat_map(|a| a.unwrap().contact_way.into_iter().map(|w| w.config_id)).collect();
    assert_eq!(ids, ["a", "b", "c"]);

    let fake = Fake::new(vec![token_reply(TOKENS[0], 7200), page(&["a"], Some("X")), page(&["b"], Some("X"))]);
    let c = client(fake);
    let items = c.pages_json(LIST_CONTACT_WAY.info, json!({})).unwrap().into_item_stream();
    let got: Vec<_> = block_on(items.collect::<Vec<_>>());
    // Both pages (the second names a used cursor), then the loop error, then the end.
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(matches!(got.get(1), Some(Ok(items)) if items.len() == 1));
    assert!(matches!(got.last(), Some(Err(Error::PaginationLoop { .. }))));
}
