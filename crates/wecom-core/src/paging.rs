//! Paging, free of I/O: a [`Pager`] turns a paging endpoint's declaration ([`Paging`]) and the
//! caller's first payload into the payload of each next page, one answer at a time.
//!
//! ```text
//! let mut pager = Pager::new(LIST_CONTACT_WAY.info, json!({ "limit": 100 }))?;
//! while let Some(payload) = pager.next_payload() {
//!     let answer = send(payload)?;          // any I/O: the pager never does any
//!     let items = pager.items(&answer);     // this page's items ([] when missing)
//!     pager.advance(&answer)?;              // next cursor, or done, or Error::PaginationLoop
//! }
//! ```
//!
//! A cursor (or offset) that repeats one already used in the same iteration is
//! [`Error::PaginationLoop`]: the pager never loops. Memory is bounded: the pager remembers a
//! 64-bit keyed hash of each used value (never the value itself), at most [`MAX_REMEMBERED`] of
//! them; when that many are remembered it forgets them all and starts again. So every cycle of
//! up to [`MAX_REMEMBERED`] pages is caught (at the latest within `2 × MAX_REMEMBERED` pages of its
//! start); a longer one would only be caught by the caller's own limits. Two different cursors
//! with the same hash would stop an iteration early with the same error; with a 64-bit keyed
//! hash (SipHash, a random key per pager) and at most 100 000 values that chance is below 10⁻⁹.

use std::collections::hash_map::RandomState;
use std::collections::HashSet;
use std::hash::BuildHasher;

use serde_json::{Map, Value};

use crate::endpoints::{Endpoint, Paging};
use crate::error::Error;

/// Most used cursors a [`Pager`] remembers at once (about 1 MiB of hashes at most).
pub const MAX_REMEMBERED: usize = 100_000;

/// The paging state of one iteration over a paging endpoint (see the module docs).
#[derive(Debug)]
pub struct Pager {
    path: &'static str,
    paging: Paging,
    /// The next page's payload; `None` once the iteration is over.
    next: Option<Map<String, Value>>,
    /// Keyed hashes of the cursors used so far (bounded by [`MAX_REMEMBERED`]).
    used: HashSet<u64>,
    keys: RandomState,
    pages: u64,
}

impl Pager {
    /// A pager over `endpoint` whose first page is `payload` (a JSON object: the caller's
    /// members, kept on every page). A cursor already in `payload` counts as used.
    /// [`Error::Usage`] when the endpoint does not page or the payload is not an object.
    pub fn new(endpoint: &'static Endpoint, payload: Value) -> Result<Pager, Error> {
        let paging = endpoint
            .paging
            .ok_or_else(|| Error::Usage(format!("{} does not page: call it once instead", endpoint.path)))?;
        let Value::Object(first) = payload else {
            return Err(Error::Usage(format!("paging {} needs a JSON object payload", endpoint.path)));
        };
        let mut pager =
            Pager { path: endpoint.path, paging, next: None, used: HashSet::new(), keys: RandomState::new(), pages: 0 };
        if let Some(key) = first.get(paging.request()).and_then(cursor_key) {
            pager.remember(key);
        }
        pager.next = Some(first);
        Ok(pager)
    }

    /// The declaration this pager follows.
    pub fn paging(&self) -> Paging {
        self.paging
    }

    /// How many answers [`Pager::advance`] has taken.
    pub fn pages(&self) -> u64 {
        self.pages
    }

    /// `true` once there is no next page.
    pub fn is_done(&self) -> bool {
        self.next.is_none()
    }

    /// The payload of the next page (`None` when the iteration is over): the caller's payload
    /// with the request member set to the last cursor.
    pub fn next_payload(&self) -> Option<&Map<String, Value>> {
        self.next.as_ref()
    }

    /// [`Pager::next_payload`] as JSON text (what [`crate::client::Client::call`] takes).
    pub fn next_payload_json(&self) -> Option<String> {
        // Serializing a `Map` of `Value`s cannot fail (string keys only).
        self.next.as_ref().map(|m| serde_json::to_string(m).unwrap_or_default())
    }

    /// Takes one page's answer: sets the next page's cursor, or ends the iteration when the
    /// answer's response member is absent, `null` or `""` (for offset paging, also when the
    /// page has no items). A value already used is [`Error::PaginationLoop`], one that is
    /// neither a string nor a number is [`Error::BadResponse`]; either error ends the iteration.
    pub fn advance(&mut self, answer: &Value) -> Result<(), Error> {
        let Some(mut next) = self.next.take() else { return Ok(()) };
        self.pages = self.pages.saturating_add(1);
        let field = self.paging.response();
        let value = match answer.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(v @ (Value::String(_) | Value::Number(_))) => Some(v),
            Some(_) => {
                return Err(Error::BadResponse {
                    endpoint: self.path.to_owned(),
                    status: 200,
                    snippet: format!("{field} is neither a string nor a number"),
                })
            }
        };
        let Some(value) = value else {
            if let Paging::PageId { .. } = self.paging {
                return self.next_page_id(answer, next);
            }
            return Ok(());
        };
        if matches!(self.paging, Paging::Offset { .. }) && self.items(answer).is_empty() {
            return Ok(());
        }
        let Some(key) = cursor_key(value) else { return Ok(()) };
        if !self.remember(key) {
            return Err(Error::PaginationLoop { endpoint: self.path.to_owned(), field, pages: self.pages });
        }
        if let Paging::PageId { page, .. } = self.paging {
            // A cursor replaces the page number (doc 92124: 「如果使用该参数则无需填写page_id」).
            next.remove(page);
        }
        next.insert(self.paging.request().to_owned(), value.clone());
        self.next = Some(next);
        Ok(())
    }

    /// [`Paging::PageId`] after an answer without a cursor: the next `page_id`, or the end
    /// (cursor mode, the last page, an empty page), or [`Error::Usage`] when the next page would
    /// reach the `page_id × page_size` limit.
    fn next_page_id(&mut self, answer: &Value, mut next: Map<String, Value>) -> Result<(), Error> {
        let Paging::PageId { page, size, default_size, limit, request, last, .. } = self.paging else { return Ok(()) };
        let by_cursor = next.get(request).is_some_and(|c| cursor_key(c).is_some());
        if by_cursor || answer.get(last) == Some(&Value::Bool(true)) || self.items(answer).is_empty() {
            return Ok(());
        }
        let current = next.get(page).and_then(Value::as_u64).unwrap_or(0);
        let per_page = next.get(size).and_then(Value::as_u64).filter(|n| *n > 0).unwrap_or(u64::from(default_size));
        let following = current.saturating_add(1);
        if following.saturating_mul(per_page) >= limit {
            return Err(Error::Usage(format!(
                "{}: {page} × {size} would reach {limit}, past which WeCom only pages by {request}; \
                 start without {page} to page by {request}",
                self.path
            )));
        }
        next.insert(page.to_owned(), Value::from(following));
        self.next = Some(next);
        Ok(())
    }

    /// The items of one page's answer (empty when the member is missing or not an array).
    pub fn items<'a>(&self, answer: &'a Value) -> &'a [Value] {
        match answer.get(self.paging.items()) {
            Some(Value::Array(items)) => items,
            _ => &[],
        }
    }

    /// The items of one page's answer, moved out of it (empty when missing or not an array).
    pub fn take_items(&self, answer: &mut Value) -> Vec<Value> {
        match answer.get_mut(self.paging.items()) {
            Some(Value::Array(items)) => std::mem::take(items),
            _ => Vec::new(),
        }
    }

    /// Ends the iteration (after an error from a page, say).
    pub fn finish(&mut self) {
        self.next = None;
    }

    /// Records a used cursor; `false` if it was already used.
    fn remember(&mut self, key: CursorKey<'_>) -> bool {
        let hash = match key {
            CursorKey::Str(s) => self.keys.hash_one(("s", s)),
            CursorKey::Num(n) => self.keys.hash_one(("n", n)),
        };
        if self.used.contains(&hash) {
            return false;
        }
        if self.used.len() >= MAX_REMEMBERED || self.used.try_reserve(1).is_err() {
            // Bounded memory: forget and start again (see the module docs).
            self.used = HashSet::new();
        }
        self.used.insert(hash);
        true
    }
}

/// A cursor value as remembered: strings and numbers never collide with each other.
enum CursorKey<'a> {
    Str(&'a str),
    Num(String),
}

/// The key of a non-empty cursor or offset value (`None` for anything else).
fn cursor_key(value: &Value) -> Option<CursorKey<'_>> {
    match value {
        Value::String(s) if !s.is_empty() => Some(CursorKey::Str(s)),
        Value::Number(n) => Some(CursorKey::Num(n.to_string())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::endpoints::{ADD_CONTACT_WAY, LIST_CONTACT_WAY};

    fn page(cursor: &str, n: usize) -> Value {
        json!({ "errcode": 0, "contact_way": vec![json!({ "config_id": "c" }); n], "next_cursor": cursor })
    }

    #[test]
    fn follows_the_cursor_until_it_is_empty() {
        let mut p = Pager::new(LIST_CONTACT_WAY.info, json!({ "limit": 2 })).unwrap();
        assert_eq!(p.next_payload_json().as_deref(), Some(r#"{"limit":2}"#));
        p.advance(&page("A", 2)).unwrap();
        assert_eq!(p.next_payload_json().as_deref(), Some(r#"{"cursor":"A","limit":2}"#));
        p.advance(&page("B", 2)).unwrap();
        assert_eq!(p.next_payload().and_then(|m| m.get("cursor")), Some(&json!("B")));
        p.advance(&page("", 1)).unwrap();
        assert!(p.is_done() && p.next_payload().is_none());
        assert_eq!(p.pages(), 3);
        // Further answers change nothing.
        p.advance(&page("C", 1)).unwrap();
        assert!(p.is_done());
    }

    #[test]
    fn an_absent_cursor_ends_and_missing_items_are_an_empty_page() {
        let mut p = Pager::new(LIST_CONTACT_WAY.info, json!({})).unwrap();
        let answer = json!({ "errcode": 0 });
        assert!(p.items(&answer).is_empty());
        p.advance(&answer).unwrap();
        assert!(p.is_done());
    }

    #[test]
    fn a_repeated_cursor_is_a_typed_error_without_the_cursor() {
        let secretish = "CURSOR_VALUE_THAT_MUST_NOT_BE_ECHOED_42";
        let mut p = Pager::new(LIST_CONTACT_WAY.info, json!({})).unwrap();
        p.advance(&page("X1", 1)).unwrap();
        p.advance(&page(secretish, 1)).unwrap();
        let e = p.advance(&page(secretish, 1)).unwrap_err();
        assert_eq!(e.code(), "E_PAGINATION_LOOP");
        assert!(matches!(&e, Error::PaginationLoop { field: "next_cursor", pages: 3, .. }), "{e:?}");
        assert!(!format!("{e} {e:?}").contains(secretish));
        assert!(p.is_done());
    }

    #[test]
    fn the_callers_own_cursor_counts_as_used() {
        let mut p = Pager::new(LIST_CONTACT_WAY.info, json!({ "cursor": "start" })).unwrap();
        assert!(matches!(p.advance(&page("start", 1)), Err(Error::PaginationLoop { .. })));
    }

    #[test]
    fn a_cursor_of_another_type_is_a_bad_response() {
        let mut p = Pager::new(LIST_CONTACT_WAY.info, json!({})).unwrap();
        let e = p.advance(&json!({ "next_cursor": ["x"] })).unwrap_err();
        assert_eq!(e.code(), "E_BAD_RESPONSE");
        assert!(p.is_done());
    }

    #[test]
    fn only_paging_endpoints_and_object_payloads() {
        assert!(matches!(Pager::new(ADD_CONTACT_WAY.info, json!({})), Err(Error::Usage(_))));
        assert!(matches!(Pager::new(LIST_CONTACT_WAY.info, json!([1])), Err(Error::Usage(_))));
    }

    #[test]
    fn remembered_cursors_stay_bounded_and_long_cycles_are_still_caught() {
        let mut p = Pager::new(LIST_CONTACT_WAY.info, json!({})).unwrap();
        for i in 0..MAX_REMEMBERED + 10 {
            p.advance(&page(&format!("c{i}"), 0)).unwrap();
            assert!(p.used.len() <= MAX_REMEMBERED);
        }
        // A cycle back to a cursor used after the reset is still caught.
        let last = format!("c{}", MAX_REMEMBERED + 9);
        assert!(matches!(p.advance(&page(&last, 0)), Err(Error::PaginationLoop { .. })));
    }

    #[test]
    fn offset_paging_stops_on_an_empty_page() {
        static OFFSET: Endpoint = Endpoint {
            path: "test/offset",
            method: crate::endpoints::Method::Post,
            write: false,
            doc_page: 0,
            js_name: None,
            summary_zh: "",
            summary_en: "",
            request: &crate::models::ListContactWayRequest::MODEL,
            response: &crate::models::ListContactWayResponse::MODEL,
            paging: Some(Paging::Offset { request: "offset", response: "next_offset", items: "items" }),
            deprecated: None,
            body: crate::endpoints::Body::Json,
        };
        let mut p = Pager::new(&OFFSET, json!({ "limit": 2 })).unwrap();
        p.advance(&json!({ "items": [{}, {}], "next_offset": 2 })).unwrap();
        assert_eq!(p.next_payload().and_then(|m| m.get("offset")), Some(&json!(2)));
        p.advance(&json!({ "items": [], "next_offset": 4 })).unwrap();
        assert!(p.is_done());
        let mut q = Pager::new(&OFFSET, json!({ "offset": 0 })).unwrap();
        assert!(matches!(q.advance(&json!({ "items": [{}], "next_offset": 0 })), Err(Error::PaginationLoop { .. })));
    }

    #[test]
    fn page_id_paging_counts_pages_follows_a_cursor_and_stops_before_the_limit() {
        // get_unassigned_list: page_id × page_size below 50 000, then the cursor (doc 92124).
        let unassigned = crate::endpoints::GET_UNASSIGNED_LIST.info;
        assert!(matches!(unassigned.paging, Some(Paging::PageId { limit: 50_000, default_size: 1000, .. })));
        // By page number: 0, 1, … until is_last.
        let mut p = Pager::new(unassigned, json!({ "page_id": 0, "page_size": 2 })).unwrap();
        p.advance(&json!({ "info": [{}, {}], "is_last": false })).unwrap();
        assert_eq!(p.next_payload_json().as_deref(), Some(r#"{"page_id":1,"page_size":2}"#));
        p.advance(&json!({ "info": [{}], "is_last": true })).unwrap();
        assert!(p.is_done());
        // A cursor in an answer takes over and drops page_id; the empty cursor ends it.
        let mut q = Pager::new(unassigned, json!({ "page_size": 1000 })).unwrap();
        q.advance(&json!({ "info": [{}], "is_last": false, "next_cursor": "K1" })).unwrap();
        assert_eq!(q.next_payload_json().as_deref(), Some(r#"{"cursor":"K1","page_size":1000}"#));
        q.advance(&json!({ "info": [{}], "is_last": false, "next_cursor": "" })).unwrap();
        assert!(q.is_done());
        // Page 49 of 1000 would reach 50 000: a usage error, not a page WeCom refuses.
        let mut r = Pager::new(unassigned, json!({ "page_id": 48 })).unwrap();
        r.advance(&json!({ "info": [{}], "is_last": false })).unwrap();
        assert_eq!(r.next_payload().and_then(|m| m.get("page_id")), Some(&json!(49)));
        let e = r.advance(&json!({ "info": [{}], "is_last": false })).unwrap_err();
        assert_eq!(e.code(), "E_USAGE");
        assert!(e.to_string().contains("page_id") && r.is_done(), "{e}");
        // An empty page ends it too.
        let mut t = Pager::new(unassigned, json!({})).unwrap();
        t.advance(&json!({ "info": [], "is_last": false })).unwrap();
        assert!(t.is_done());
    }
}
