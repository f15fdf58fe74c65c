//! The access_token cache with single-flight refresh: however many calls find the cache cold
//! at once, exactly one gettoken goes out and every caller gets its result.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use crate::error::Error;

/// A token and when it stops being usable.
#[derive(Clone, PartialEq)]
pub struct TokenRecord {
    /// The token.
    pub access_token: String,
    /// Expiry, ms since the Unix epoch (as WeCom announced it).
    pub expires_at_ms: f64,
    /// When to refresh ahead of expiry, ms since the Unix epoch.
    pub refresh_at_ms: f64,
}

impl std::fmt::Debug for TokenRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenRecord")
            .field("access_token", &"***")
            .field("expires_at_ms", &self.expires_at_ms)
            .field("refresh_at_ms", &self.refresh_at_ms)
            .finish()
    }
}

impl TokenRecord {
    /// A record for a token that lives `expires_in` seconds from `now_ms`. It is refreshed
    /// 5 minutes early, or halfway through its life if that is shorter than 10 minutes.
    pub fn new(access_token: String, expires_in: i64, now_ms: f64) -> TokenRecord {
        let life_ms = (expires_in.max(0) as f64) * 1000.0;
        let refresh_at_ms = now_ms + life_ms - refresh_margin_ms(life_ms);
        TokenRecord { access_token, expires_at_ms: now_ms + life_ms, refresh_at_ms }
    }

    /// A record read back from a token store or given by a provider: `expires_at_ms` as
    /// stored; `refresh_at_ms` as stored, or else refreshed 5 minutes before expiry (or halfway
    /// through what is left, when less than 10 minutes are). `None` when the values are not a
    /// usable record (empty token, expiry not a finite number).
    pub fn from_stored(
        access_token: String,
        expires_at_ms: f64,
        refresh_at_ms: Option<f64>,
        now_ms: f64,
    ) -> Option<TokenRecord> {
        if access_token.is_empty() || !expires_at_ms.is_finite() {
            return None;
        }
        let refresh_at_ms = match refresh_at_ms.filter(|r| r.is_finite()) {
            Some(r) => r.min(expires_at_ms),
            None => expires_at_ms - refresh_margin_ms((expires_at_ms - now_ms).max(0.0)),
        };
        Some(TokenRecord { access_token, expires_at_ms, refresh_at_ms })
    }

    /// How long a store should keep this record from `now_ms`: until it is due for refresh
    /// (at least one second).
    pub fn store_ttl_ms(&self, now_ms: f64) -> f64 {
        (self.refresh_at_ms - now_ms).max(1000.0)
    }

    /// Still good to use at `now_ms`.
    pub fn is_fresh(&self, now_ms: f64) -> bool {
        now_ms < self.refresh_at_ms
    }
}

/// How long before expiry a token with `life_ms` left is refreshed: 5 minutes, or half its life
/// when that is shorter than 10 minutes.
fn refresh_margin_ms(life_ms: f64) -> f64 {
    (5.0 * 60_000.0_f64).min(life_ms / 2.0)
}

/// The cache slot shared by all calls of one client.
#[derive(Default)]
pub struct TokenSlot {
    record: RefCell<Option<TokenRecord>>,
    fetching: Cell<bool>,
    /// Bumped whenever a fetch ends; waiters compare it with what they saw.
    generation: Cell<u64>,
    last_failure: RefCell<Option<(u64, Error)>>,
    waiters: RefCell<Vec<Waker>>,
}

impl std::fmt::Debug for TokenSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSlot")
            .field("record", &self.record.borrow())
            .field("fetching", &self.fetching.get())
            .finish()
    }
}

/// What the caller must do next.
pub enum Next<'a> {
    /// Use this token.
    Use(String),
    /// Fetch one; call [`TokenSlot::finish`] with the outcome (the returned guard does it if dropped).
    Fetch(FetchGuard<'a>),
    /// Someone else is fetching: await [`TokenSlot::changed`] then ask again.
    Wait(u64),
    /// The fetch we waited for failed with this error.
    Failed(Error),
}

/// Proof that this caller is the one fetching. Dropping it without finishing (a cancelled
/// call) releases the slot so that the next caller fetches.
pub struct FetchGuard<'a> {
    slot: &'a TokenSlot,
    done: bool,
}

impl TokenSlot {
    /// Decides what to do. `reject` is a token WeCom just refused: it is dropped if still cached.
    /// `waited` is the generation a previous `Wait` returned, if any.
    pub fn next(&self, now_ms: f64, reject: Option<&str>, waited: Option<u64>) -> Next<'_> {
        if let Some(gen) = waited {
            if let Some((failed_gen, err)) = self.last_failure.borrow().as_ref() {
                // The outcome is shared with the waiters, except a fetch abandoned at its
                // starter's deadline: that deadline is not theirs, so one of them fetches again
                // (within its own).
                let abandoned = matches!(err, Error::Timeout { .. });
                if *failed_gen == gen + 1 && self.generation.get() == gen + 1 && !abandoned {
                    return Next::Failed(err.clone());
                }
            }
        }
        if let Some(token) = self.fresh(now_ms, reject) {
            return Next::Use(token);
        }
        if self.fetching.get() {
            return Next::Wait(self.generation.get());
        }
        self.fetching.set(true);
        Next::Fetch(FetchGuard { slot: self, done: false })
    }

    /// The cached token if it is fresh at `now_ms` and not `reject` (which is dropped if cached).
    /// Never starts a fetch.
    pub fn fresh(&self, now_ms: f64, reject: Option<&str>) -> Option<String> {
        let mut record = self.record.borrow_mut();
        if let (Some(r), Some(bad)) = (record.as_ref(), reject) {
            if r.access_token == bad {
                *record = None;
            }
        }
        record.as_ref().filter(|r| r.is_fresh(now_ms)).map(|r| r.access_token.clone())
    }

    /// Records the outcome of a fetch and wakes every waiter.
    pub fn finish(&self, mut guard: FetchGuard<'_>, outcome: Result<TokenRecord, Error>) {
        guard.done = true;
        let gen = self.generation.get() + 1;
        match outcome {
            Ok(record) => {
                *self.record.borrow_mut() = Some(record);
                *self.last_failure.borrow_mut() = None;
            }
            Err(e) => *self.last_failure.borrow_mut() = Some((gen, e)),
        }
        self.release(gen);
    }

    fn release(&self, gen: u64) {
        self.generation.set(gen);
        self.fetching.set(false);
        for w in self.waiters.take() {
            w.wake();
        }
    }

    /// Resolves once the fetch running at generation `gen` has ended.
    pub fn changed(&self, gen: u64) -> Changed<'_> {
        Changed { slot: self, gen }
    }

    /// Drops the cached token (e.g. after the user rotated the secret).
    pub fn invalidate(&self) {
        *self.record.borrow_mut() = None;
    }

    /// The cached record, if any.
    pub fn peek(&self) -> Option<TokenRecord> {
        self.record.borrow().clone()
    }
}

impl Drop for FetchGuard<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.slot.release(self.slot.generation.get() + 1);
        }
    }
}

/// Future returned by [`TokenSlot::changed`].
pub struct Changed<'a> {
    slot: &'a TokenSlot,
    gen: u64,
}

impl Future for Changed<'_> {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.slot.generation.get() != self.gen {
            Poll::Ready(())
        } else {
            let mut waiters = self.slot.waiters.borrow_mut();
            if !waiters.iter().any(|w| w.will_wake(cx.waker())) {
                waiters.push(cx.waker().clone());
            }
            Poll::Pending
        }
    }
}
