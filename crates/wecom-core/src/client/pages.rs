//! Paging through a [`Client`]: each page is one ordinary call (validation, token, retries,
//! typed errors), driven by a sans-IO [`Pager`].

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::{Client, TokenBackend, Transport};
use crate::endpoints::{Endpoint, Ep};
use crate::error::Error;
use crate::paging::Pager;

/// An iteration over the pages of a paging endpoint (from [`Client::pages`] or
/// [`Client::pages_json`]): call [`Pages::next_page`] (whole answers) or [`Pages::next_items`]
/// (their items) until it returns `Ok(None)`. After an error the iteration is over.
#[derive(Debug)]
pub struct Pages<'c, T, K, Resp = Value> {
    client: &'c Client<T, K>,
    endpoint: &'static Endpoint,
    pager: Pager,
    /// The error that ends the iteration after the answer that caused it was handed out (a
    /// repeating cursor: its page is still yielded, as in JS, then this error).
    pending: Option<Error>,
    _resp: PhantomData<fn() -> Resp>,
}

impl<T: Transport, K: TokenBackend> Client<T, K> {
    /// Pages through `ep` starting with `request` (its other members are sent on every page);
    /// [`Pages::next_page`] yields each answer as `Resp`. [`Error::Usage`] when the endpoint does
    /// not page.
    pub fn pages<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        ep: Ep<Req, Resp>,
        request: &Req,
    ) -> Result<Pages<'_, T, K, Resp>, Error>
    where
        T: Transport<Body = Value>,
    {
        let payload =
            serde_json::to_value(request).map_err(|e| Error::Usage(format!("cannot serialize request: {e}")))?;
        Ok(Pages {
            client: self,
            endpoint: ep.info,
            pager: Pager::new(ep.info, payload)?,
            pending: None,
            _resp: PhantomData,
        })
    }

    /// Pages through `endpoint` starting with a JSON payload; answers are JSON values.
    pub fn pages_json(&self, endpoint: &'static Endpoint, payload: Value) -> Result<Pages<'_, T, K, Value>, Error>
    where
        T: Transport<Body = Value>,
    {
        Ok(Pages { client: self, endpoint, pager: Pager::new(endpoint, payload)?, pending: None, _resp: PhantomData })
    }
}

impl<T: Transport<Body = Value>, K: TokenBackend, Resp: DeserializeOwned> Pages<'_, T, K, Resp> {
    /// The next page's answer, `Ok(None)` when there are no more pages. A failed call or an
    /// answer that does not match `Resp` ends the iteration with that error; an answer that
    /// names a cursor already used is still returned, and the next call is
    /// [`Error::PaginationLoop`] (as JS's `pages` does).
    pub async fn next_page(&mut self) -> Result<Option<Resp>, Error> {
        let Some(answer) = self.next_answer().await? else { return Ok(None) };
        let typed = self.typed(answer);
        if typed.is_err() {
            self.pager.finish();
        }
        typed.map(Some)
    }

    /// The next page's items (the declared items member; empty when missing), `Ok(None)` when
    /// there are no more pages. Errors as for [`Pages::next_page`].
    pub async fn next_items(&mut self) -> Result<Option<Vec<Value>>, Error> {
        let Some(mut answer) = self.next_answer().await? else { return Ok(None) };
        Ok(Some(self.pager.take_items(&mut answer)))
    }

    /// The sans-IO pager behind this iteration (pages so far, the next payload…).
    pub fn pager(&self) -> &Pager {
        &self.pager
    }

    async fn next_answer(&mut self) -> Result<Option<Value>, Error> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        let Some(payload) = self.pager.next_payload_json() else { return Ok(None) };
        let answer = match self.client.call(self.endpoint, &payload).await {
            Ok(answer) => answer,
            Err(e) => {
                self.pager.finish();
                return Err(e);
            }
        };
        // The answer is this page's whatever its cursor says; a cursor that ends the iteration
        // with an error (a loop) is reported on the next call.
        if let Err(e) = self.pager.advance(&answer) {
            self.pending = Some(e);
        }
        Ok(Some(answer))
    }

    fn typed(&self, answer: Value) -> Result<Resp, Error> {
        serde_json::from_value(answer).map_err(|e| Error::BadResponse {
            endpoint: self.endpoint.path.into(),
            status: 200,
            snippet: self.client.redact(&format!("answer does not match {}: {e}", self.endpoint.response.name), ""),
        })
    }
}

#[cfg(feature = "stream")]
impl<'c, T: Transport<Body = Value>, K: TokenBackend, Resp: DeserializeOwned> Pages<'c, T, K, Resp> {
    /// The pages as a [`futures_util::Stream`] of answers (feature `stream`): each item is
    /// [`Pages::next_page`]'s; the stream ends after the last page or after the first error.
    pub fn into_stream(self) -> impl futures_util::Stream<Item = Result<Resp, Error>> + 'c
    where
        T: 'c,
        K: 'c,
        Resp: 'c,
    {
        futures_util::stream::unfold(self, |mut pages| async move {
            pages.next_page().await.transpose().map(|item| (item, pages))
        })
    }

    /// The items of every page as a [`futures_util::Stream`] (feature `stream`), one page's
    /// items at a time (`Vec<Value>`, as [`Pages::next_items`]); ends after the last page or the
    /// first error.
    pub fn into_item_stream(self) -> impl futures_util::Stream<Item = Result<Vec<Value>, Error>> + 'c
    where
        T: 'c,
        K: 'c,
        Resp: 'c,
    {
        futures_util::stream::unfold(self, |mut pages| async move {
            pages.next_items().await.transpose().map(|item| (item, pages))
        })
    }
}
