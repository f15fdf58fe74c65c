//! WXBizMsgCrypt (rules C-01 … C-09): URL verification, message decryption (XML and JSON
//! envelopes) and passive-reply encryption.
//!
//! ```text
//! AESKey    = base64(EncodingAESKey + "=")            32 bytes; IV = AESKey[..16]
//! plaintext = random(16) ‖ len(msg) u32 BE ‖ msg ‖ receiveId ‖ PKCS#7 to 32-byte blocks
//! Encrypt   = base64(AES-256-CBC(plaintext))          no cipher-level padding
//! signature = hex(sha1(sorted(token, timestamp, nonce, Encrypt).concat()))
//! ```
//!
//! The signature is checked (in constant time) before anything is decrypted. Any input gives a
//! typed [`CallbackError`], never a panic.

use std::fmt;

use aes::cipher::{BlockModeDecrypt, BlockModeEncrypt, InnerIvInit, KeyInit};
use aes::{Aes256, Block};
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;

use super::{envelope, pkcs7, signature, CallbackError};

/// The largest body, `Encrypt` text, `echostr` or message to encrypt accepted, in bytes (1 MiB).
/// Real callbacks are a few kilobytes.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// The largest `msg_signature`, `timestamp` or `nonce` accepted, in bytes (1 KiB). WeCom's are
/// 40, 10 and about 10 characters.
pub const MAX_PARAM_BYTES: usize = 1 << 10;

/// Length of an EncodingAESKey in characters.
pub const ENCODING_AES_KEY_LEN: usize = 43;

/// Standard alphabet, "=" padding written; on reading, padding optional and non-zero trailing
/// bits accepted (an EncodingAESKey's 43rd character carries 2 unused bits, which WeCom's random
/// keys usually set; the official samples' decoders ignore them too).
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// random (16) ‖ length (4).
const HEADER_LEN: usize = 20;
const RANDOM_LEN: usize = 16;
const AES_BLOCK: usize = 16;

type Decryptor = cbc::Decryptor<Aes256>;
type Encryptor = cbc::Encryptor<Aes256>;

/// A decrypted callback message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decrypted {
    /// The message exactly as sent (for events, the XML text; never parsed here).
    pub message: String,
    /// The receiveId found in the message (equal to the configured one, or decryption fails).
    pub receive_id: String,
}

/// WXBizMsgCrypt for one callback configuration: token, EncodingAESKey and receiveId.
///
/// Checked once, at construction. `Debug` shows the receiveId only, never the token or key.
#[derive(Clone)]
pub struct CallbackCrypto {
    token: String,
    /// AES-256 with the key schedule expanded once.
    cipher: Aes256,
    /// The first 16 bytes of the key.
    iv: Block,
    receive_id: String,
}

impl fmt::Debug for CallbackCrypto {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallbackCrypto")
            .field("token", &"<redacted>")
            .field("encoding_aes_key", &"<redacted>")
            .field("receive_id", &self.receive_id)
            .finish()
    }
}

/// The 32-byte AES key of an EncodingAESKey (C-02): exactly 43 characters of `A-Z a-z 0-9 + /`,
/// decoded with one `=` appended. The error never repeats the key.
fn decode_key(encoding_aes_key: &str) -> Result<[u8; 32], CallbackError> {
    let bytes = encoding_aes_key.as_bytes();
    if bytes.len() != ENCODING_AES_KEY_LEN {
        return Err(CallbackError::BadKey(format!(
            "must be exactly {ENCODING_AES_KEY_LEN} characters, got {}",
            encoding_aes_key.chars().count()
        )));
    }
    if let Some(at) = bytes.iter().position(|&b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/')) {
        return Err(CallbackError::BadKey(format!(
            "character {} is not one of A-Z a-z 0-9 + / (no \"=\": it is appended when decoding)",
            at + 1
        )));
    }
    let mut padded = [b'='; ENCODING_AES_KEY_LEN + 1];
    if let Some(head) = padded.get_mut(..ENCODING_AES_KEY_LEN) {
        head.copy_from_slice(bytes);
    }
    let mut key = [0u8; 32];
    match BASE64.decode_slice(padded, &mut key) {
        Ok(32) => Ok(key),
        _ => Err(CallbackError::BadKey("does not decode to 32 bytes".to_owned())),
    }
}

fn check_size(input: &str) -> Result<(), CallbackError> {
    check_len(input, MAX_INPUT_BYTES)
}

/// Each of the short parameters (signature, timestamp, nonce) is at most [`MAX_PARAM_BYTES`].
fn check_params(params: &[&str]) -> Result<(), CallbackError> {
    params.iter().try_for_each(|p| check_len(p, MAX_PARAM_BYTES))
}

fn check_len(input: &str, limit: usize) -> Result<(), CallbackError> {
    if input.len() > limit {
        return Err(CallbackError::TooLarge { limit, actual: input.len() });
    }
    Ok(())
}

/// At most this much of a foreign receiveId is quoted in [`CallbackError::ReceiveIdMismatch`].
const MAX_QUOTED_RECEIVE_ID: usize = 128;

fn quote_receive_id(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() <= MAX_QUOTED_RECEIVE_ID {
        return text.into_owned();
    }
    let mut short: String = text.chars().take(MAX_QUOTED_RECEIVE_ID).collect();
    short.push('…');
    short
}

impl CallbackCrypto {
    /// Checks everything at construction: the EncodingAESKey must be exactly 43 characters of
    /// `[A-Za-z0-9+/]` decoding (with `=` appended) to 32 bytes, else [`CallbackError::BadKey`];
    /// the token must not be empty, else [`CallbackError::BadConfig`]. `receive_id` is the corpid
    /// for a corp's own apps, the suiteid for third-party suites, and may be empty (personal-subject
    /// third-party apps): it is compared exactly with the one in every message.
    pub fn new(token: &str, encoding_aes_key: &str, receive_id: &str) -> Result<CallbackCrypto, CallbackError> {
        if token.is_empty() {
            return Err(CallbackError::BadConfig("the token must not be empty".to_owned()));
        }
        let key = decode_key(encoding_aes_key)?;
        let cipher = Aes256::new(&key.into());
        let mut iv = Block::default();
        if let Some(first) = key.get(..AES_BLOCK) {
            iv.copy_from_slice(first);
        }
        Ok(CallbackCrypto { token: token.to_owned(), cipher, iv, receive_id: receive_id.to_owned() })
    }

    /// The configured receiveId.
    pub fn receive_id(&self) -> &str {
        &self.receive_id
    }

    /// The `msg_signature` of a message: lowercase hex SHA-1 of the token, `timestamp`, `nonce`
    /// and `encrypted`, sorted as byte strings and concatenated.
    pub fn signature(&self, timestamp: &str, nonce: &str, encrypted: &str) -> String {
        let hex = signature::compute(&self.token, timestamp, nonce, encrypted);
        hex.iter().map(|&b| char::from(b)).collect()
    }

    /// Constant-time check of `msg_signature` over `encrypted`.
    fn verify(&self, msg_signature: &str, timestamp: &str, nonce: &str, encrypted: &str) -> Result<(), CallbackError> {
        let expected = signature::compute(&self.token, timestamp, nonce, encrypted);
        if signature::constant_time_eq(&expected, msg_signature.as_bytes()) {
            Ok(())
        } else {
            Err(CallbackError::BadSignature)
        }
    }

    /// GET URL verification (C-07): verifies the signature over `echostr` (already URL-decoded),
    /// decrypts it, checks the receiveId, and returns the plaintext to answer with (as the whole
    /// response body: no quotes, no newline).
    ///
    /// An `echostr` over [`MAX_INPUT_BYTES`] or a signature, timestamp or nonce over
    /// [`MAX_PARAM_BYTES`] is [`CallbackError::TooLarge`], before any work.
    pub fn verify_url(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        echostr: &str,
    ) -> Result<String, CallbackError> {
        self.decrypt_encrypted(msg_signature, timestamp, nonce, echostr).map(|d| d.message)
    }

    /// POST (C-08): `body` is the raw request body, the XML envelope (`<xml><ToUserName/>
    /// <Encrypt/><AgentID/></xml>`, CDATA or not) or the JSON one (`{"tousername","encrypt",
    /// "agentid"}`). Verifies the signature over the Encrypt text, decrypts, checks the receiveId.
    /// Sizes as for [`verify_url`](Self::verify_url), `body` instead of `echostr`.
    pub fn decrypt(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        body: &str,
    ) -> Result<Decrypted, CallbackError> {
        check_params(&[msg_signature, timestamp, nonce])?;
        check_size(body)?;
        let encrypted = envelope::encrypt_text(body)?;
        self.decrypt_encrypted(msg_signature, timestamp, nonce, &encrypted)
    }

    /// Like [`decrypt`](Self::decrypt), given the Encrypt text directly.
    pub fn decrypt_encrypted(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        encrypted: &str,
    ) -> Result<Decrypted, CallbackError> {
        check_params(&[msg_signature, timestamp, nonce])?;
        check_size(encrypted)?;
        self.verify(msg_signature, timestamp, nonce, encrypted)?;
        self.open(encrypted)
    }

    /// Decrypts a ciphertext whose signature was checked. One buffer: base64 is decoded into it,
    /// decrypted in place (all blocks in one call), and becomes the message.
    fn open(&self, encrypted: &str) -> Result<Decrypted, CallbackError> {
        let mut buf = Vec::with_capacity(encrypted.len() / 4 * 3 + 3);
        BASE64.decode_vec(encrypted, &mut buf).map_err(|_| CallbackError::BadBase64)?;
        if buf.is_empty() || buf.len() % AES_BLOCK != 0 {
            return Err(CallbackError::BadLength);
        }
        let (blocks, rest) = Block::slice_as_chunks_mut(&mut buf);
        if !rest.is_empty() {
            return Err(CallbackError::BadLength);
        }
        Decryptor::inner_iv_init(self.cipher.clone(), &self.iv).decrypt_blocks(blocks);

        let content_len = pkcs7::unpadded_len(&buf)?;
        let content = buf.get(..content_len).ok_or(CallbackError::BadLength)?;
        let length: [u8; 4] =
            content.get(RANDOM_LEN..HEADER_LEN).and_then(|s| s.try_into().ok()).ok_or(CallbackError::BadLength)?;
        let msg_end = usize::try_from(u32::from_be_bytes(length))
            .ok()
            .and_then(|len| len.checked_add(HEADER_LEN))
            .filter(|&end| end <= content_len)
            .ok_or(CallbackError::BadLength)?;
        let receive_id = content.get(msg_end..).ok_or(CallbackError::BadLength)?;
        if receive_id != self.receive_id.as_bytes() {
            return Err(CallbackError::ReceiveIdMismatch {
                expected: self.receive_id.clone(),
                actual: quote_receive_id(receive_id),
            });
        }
        buf.truncate(msg_end);
        buf.drain(..HEADER_LEN);
        let message = String::from_utf8(buf).map_err(|_| CallbackError::BadEncoding)?;
        Ok(Decrypted { message, receive_id: self.receive_id.clone() })
    }

    /// The passive encrypted reply (C-09), the official template:
    /// `<xml><Encrypt><![CDATA[…]]></Encrypt><MsgSignature><![CDATA[…]]></MsgSignature>
    /// <TimeStamp>…</TimeStamp><Nonce><![CDATA[…]]></Nonce></xml>`, signed over this
    /// `timestamp` and `nonce` (those of the request may be reused). `random` is the 16-byte
    /// prefix; `None` takes it from the platform's secure source.
    ///
    /// The timestamp must be decimal digits and the nonce must not contain `]]>` or control
    /// characters (they would break the XML): else [`CallbackError::MalformedEnvelope`]. A message
    /// over [`MAX_INPUT_BYTES`] or a timestamp or nonce over [`MAX_PARAM_BYTES`] is
    /// [`CallbackError::TooLarge`].
    pub fn encrypt(
        &self,
        message: &str,
        timestamp: &str,
        nonce: &str,
        random: Option<[u8; 16]>,
    ) -> Result<String, CallbackError> {
        check_params(&[timestamp, nonce])?;
        if timestamp.is_empty() || !timestamp.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CallbackError::MalformedEnvelope("the reply's TimeStamp must be decimal digits".to_owned()));
        }
        if nonce.contains("]]>") || nonce.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
            return Err(CallbackError::MalformedEnvelope(
                "the reply's Nonce must not contain \"]]>\" or control characters".to_owned(),
            ));
        }
        let encrypted = self.encrypt_raw(message, random)?;
        let signature = signature::compute(&self.token, timestamp, nonce, &encrypted);
        let signature = std::str::from_utf8(&signature).map_err(|_| CallbackError::BadEncoding)?;
        let mut xml = String::with_capacity(encrypted.len() + timestamp.len() + nonce.len() + 160);
        for piece in [
            "<xml><Encrypt><![CDATA[",
            &encrypted,
            "]]></Encrypt><MsgSignature><![CDATA[",
            signature,
            "]]></MsgSignature><TimeStamp>",
            timestamp,
            "</TimeStamp><Nonce><![CDATA[",
            nonce,
            "]]></Nonce></xml>",
        ] {
            xml.push_str(piece);
        }
        Ok(xml)
    }

    /// The ciphertext only (base64), for tests and the JSON reply variant
    /// (`{"encrypt","msgsignature","timestamp","nonce"}` with [`signature`](Self::signature)).
    pub fn encrypt_raw(&self, message: &str, random: Option<[u8; 16]>) -> Result<String, CallbackError> {
        check_size(message)?;
        let random = match random {
            Some(random) => random,
            None => {
                let mut random = [0u8; RANDOM_LEN];
                getrandom::fill(&mut random).map_err(|e| CallbackError::Random(e.to_string()))?;
                random
            }
        };
        let too_large = || CallbackError::TooLarge {
            limit: usize::try_from(u32::MAX).unwrap_or(usize::MAX),
            actual: message.len(),
        };
        let length = u32::try_from(message.len()).map_err(|_| too_large())?;
        let content_len = HEADER_LEN
            .checked_add(message.len())
            .and_then(|n| n.checked_add(self.receive_id.len()))
            .ok_or_else(too_large)?;
        let total = content_len.checked_add(pkcs7::pad_len(content_len)).ok_or_else(too_large)?;

        let mut buf = Vec::with_capacity(total);
        buf.extend_from_slice(&random);
        buf.extend_from_slice(&length.to_be_bytes());
        buf.extend_from_slice(message.as_bytes());
        buf.extend_from_slice(self.receive_id.as_bytes());
        pkcs7::pad(&mut buf);
        let (blocks, _) = Block::slice_as_chunks_mut(&mut buf);
        Encryptor::inner_iv_init(self.cipher.clone(), &self.iv).encrypt_blocks(blocks);
        Ok(BASE64.encode(&buf))
    }
}
