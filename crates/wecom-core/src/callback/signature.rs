//! `msg_signature` (C-06): lowercase hex SHA-1 of the token, timestamp, nonce and ciphertext,
//! sorted as byte strings and concatenated; compared in constant time.

use sha1::{Digest, Sha1};

/// Length of a signature in hex characters.
pub(crate) const HEX_LEN: usize = 40;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The signature as 40 lowercase hex ASCII bytes.
pub(crate) fn compute(token: &str, timestamp: &str, nonce: &str, encrypted: &str) -> [u8; HEX_LEN] {
    let mut parts = [token.as_bytes(), timestamp.as_bytes(), nonce.as_bytes(), encrypted.as_bytes()];
    parts.sort_unstable();
    let mut sha = Sha1::new();
    for part in parts {
        sha.update(part);
    }
    let digest = sha.finalize();
    let mut out = [0u8; HEX_LEN];
    for (pair, byte) in out.chunks_exact_mut(2).zip(digest.iter()) {
        if let [hi, lo] = pair {
            *hi = HEX[usize::from(byte >> 4)];
            *lo = HEX[usize::from(byte & 0x0f)];
        }
    }
    out
}

/// `a == b` in time that depends only on the lengths (which are public: a signature is 40
/// characters), never on where the first difference is.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut diff = 0u8;
    for (x, y) in a.iter().zip(b) {
        // black_box keeps the optimiser from turning the fold into an early exit.
        diff = core::hint::black_box(diff | (x ^ y));
    }
    diff == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_eq_is_equality() {
        assert!(constant_time_eq(b"", b""));
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(!constant_time_eq(b"\x00", b"\x80"));
    }

    #[test]
    fn sorted_before_hashing() {
        let a = compute("b", "a", "d", "c");
        let b = compute("d", "c", "b", "a");
        assert_eq!(a, b);
        // sha1("abcd")
        assert_eq!(&a, b"81fe8bfe87576c3ecb22426f8e57847382917acf");
    }
}
