//! PKCS#7 padding to **32-byte** blocks, as WXBizMsgCrypt uses it (C-03) — not AES's 16.
//!
//! The pad value is the number of pad bytes, 1 ..= 32; a whole block of 32 × `0x20` is added
//! when the content is already aligned.

use super::CallbackError;

/// The padding block size of WXBizMsgCrypt.
pub const BLOCK: usize = 32;

/// How many pad bytes content of `len` bytes gets (1 ..= 32).
#[inline]
pub const fn pad_len(len: usize) -> usize {
    BLOCK - len % BLOCK
}

/// Appends the padding to `buf`.
#[inline]
pub fn pad(buf: &mut Vec<u8>) {
    let n = pad_len(buf.len());
    // `n` is 1..=32, so the cast is exact.
    buf.resize(buf.len() + n, n as u8);
}

/// The length of `data` without its padding, after checking it: the last byte must be 1 ..= 32,
/// no larger than `data`, and every pad byte must carry the same value.
/// Otherwise [`CallbackError::BadPadding`] (empty input included).
#[inline]
pub fn unpadded_len(data: &[u8]) -> Result<usize, CallbackError> {
    let &value = data.last().ok_or(CallbackError::BadPadding)?;
    let n = usize::from(value);
    if n == 0 || n > BLOCK {
        return Err(CallbackError::BadPadding);
    }
    let start = data.len().checked_sub(n).ok_or(CallbackError::BadPadding)?;
    match data.get(start..) {
        Some(tail) if tail.iter().all(|&b| b == value) => Ok(start),
        _ => Err(CallbackError::BadPadding),
    }
}

/// `data` without its padding (see [`unpadded_len`]).
#[inline]
pub fn unpad(data: &[u8]) -> Result<&[u8], CallbackError> {
    let len = unpadded_len(data)?;
    data.get(..len).ok_or(CallbackError::BadPadding)
}
