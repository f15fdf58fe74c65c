//! Callback (回调) security and events — <https://developer.work.weixin.qq.com/document/path/91144>
//! (加解密方案说明) and <https://developer.work.weixin.qq.com/document/path/92130> (客户联系回调).
//!
//! * [`crypto`] — WXBizMsgCrypt: URL verification, message decryption (XML and JSON envelopes),
//!   passive-reply encryption. Configuration is checked at construction; any input gives a typed
//!   [`CallbackError`], never a panic.
//! * [`events`] — the decrypted XML parsed into typed, open-ended events that keep every field.

pub mod crypto;
mod envelope;
mod error;
pub mod events;
pub mod pkcs7;
mod signature;

pub use crypto::{CallbackCrypto, Decrypted};
pub use error::CallbackError;
