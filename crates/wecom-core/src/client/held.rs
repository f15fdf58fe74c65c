//! Every token a client has held, for redaction: an old token WeCom rejected can still be
//! echoed in a later error, and a store or provider message can quote the record being written
//! before the cache holds it.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt;

use crate::redaction::{redact, redact_opaque};

/// How many of the most recent distinct tokens a client remembers for redaction. Tokens live
/// two hours and are refreshed a few minutes early, so this covers days of normal refreshes;
/// the list never grows past it.
pub const HELD_TOKENS: usize = 64;

/// Longest access_token accepted from gettoken, a store or a provider, in bytes (WeCom says to
/// reserve 512). It bounds the memory of the list above (64 × 4 KiB at most).
pub const MAX_TOKEN_BYTES: usize = 4096;

/// The last [`HELD_TOKENS`] distinct tokens, oldest first. `Debug` prints only how many.
#[derive(Default)]
pub struct HeldTokens {
    list: RefCell<VecDeque<String>>,
}

impl fmt::Debug for HeldTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HeldTokens({} remembered)", self.list.borrow().len())
    }
}

impl HeldTokens {
    /// Remembers `token` (as the most recent one); the oldest is forgotten past the bound. A
    /// token longer than [`MAX_TOKEN_BYTES`] is not remembered: the client refuses it and never
    /// sends it anywhere.
    pub fn remember(&self, token: &str) {
        if token.is_empty() || token.len() > MAX_TOKEN_BYTES {
            return;
        }
        let mut list = self.list.borrow_mut();
        if let Some(i) = list.iter().position(|t| t == token) {
            if let Some(t) = list.remove(i) {
                list.push_back(t);
            }
            return;
        }
        while list.len() >= HELD_TOKENS {
            list.pop_front();
        }
        list.push_back(token.to_owned());
    }

    /// `text` without `secret`, any remembered token or `extra`, in any encoding (see
    /// [`crate::redaction`]); with `opaque`, also without long runs of token characters.
    pub fn redact(&self, text: &str, secret: &str, extra: &str, opaque: bool) -> String {
        let list = self.list.borrow();
        let mut all: Vec<&str> = Vec::with_capacity(list.len() + 2);
        all.push(secret);
        all.push(extra);
        all.extend(list.iter().map(String::as_str));
        if opaque {
            redact_opaque(text, &all)
        } else {
            redact(text, &all)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_bounded_and_keeps_the_most_recent() {
        let held = HeldTokens::default();
        for i in 0..200 {
            held.remember(&format!("token-{i:04}"));
        }
        held.remember("token-0150");
        assert_eq!(held.list.borrow().len(), HELD_TOKENS);
        assert_eq!(held.list.borrow().back().map(String::as_str), Some("token-0150"));
        assert_eq!(held.redact("token-0199 token-0136", "", "", false), "*** ***");
        assert_eq!(held.redact("token-0135", "", "", false), "token-0135", "forgotten past the bound");
        assert_eq!(format!("{held:?}"), "HeldTokens(64 remembered)");
        held.remember(&"x".repeat(MAX_TOKEN_BYTES + 1));
        assert_eq!(held.list.borrow().back().map(String::as_str), Some("token-0150"), "too long: not held");
    }
}
