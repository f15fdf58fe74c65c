//! Why a callback could not be handled. Each failure has its own kind (and JS `code`).

/// A callback failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackError {
    /// The EncodingAESKey is not 43 characters of base64 decoding to 32 bytes (found at construction).
    #[error("invalid EncodingAESKey: {0}")]
    BadKey(String),
    /// Another configuration problem (empty token, receiveId missing…), found at construction.
    #[error("invalid callback configuration: {0}")]
    BadConfig(String),
    /// `msg_signature` does not match SHA-1 over the sorted token, timestamp, nonce and ciphertext.
    #[error("signature mismatch: the message was not signed with this token (or was altered)")]
    BadSignature,
    /// The ciphertext is not valid base64.
    #[error("the encrypted text is not valid base64")]
    BadBase64,
    /// The decrypted data does not end in valid PKCS#7 padding (32-byte blocks): wrong key or corrupt data.
    #[error("bad padding after decryption: wrong EncodingAESKey or corrupt ciphertext")]
    BadPadding,
    /// The decrypted length field or block structure does not fit the data: wrong key or corrupt data.
    #[error("bad message length after decryption: wrong EncodingAESKey or corrupt ciphertext")]
    BadLength,
    /// The decrypted message is not UTF-8 text.
    #[error("the decrypted message is not UTF-8 text")]
    BadEncoding,
    /// The receiveId inside the message is not the configured one.
    #[error("receiveId mismatch: configured {expected:?}, message carries {actual:?} (corpid for own apps, suiteid for third-party apps)")]
    ReceiveIdMismatch {
        /// The configured receiveId.
        expected: String,
        /// The one found in the message.
        actual: String,
    },
    /// The POST body is neither the XML nor the JSON envelope, or lacks the Encrypt field.
    #[error("malformed callback envelope: {0}")]
    MalformedEnvelope(String),
    /// The XML of a decrypted event cannot be read.
    #[error("malformed event XML: {0}")]
    BadXml(String),
    /// The input is larger than accepted.
    #[error("input too large: {actual} bytes, at most {limit}")]
    TooLarge {
        /// The limit in bytes.
        limit: usize,
        /// The size seen.
        actual: usize,
    },
    /// The platform's secure random source failed.
    #[error("no secure random source: {0}")]
    Random(String),
}

impl CallbackError {
    /// Stable machine-readable code (`error.code` in JS).
    pub fn code(&self) -> &'static str {
        match self {
            CallbackError::BadKey(_) => "E_CALLBACK_BAD_KEY",
            CallbackError::BadConfig(_) => "E_CALLBACK_CONFIG",
            CallbackError::BadSignature => "E_CALLBACK_SIGNATURE",
            CallbackError::BadBase64 => "E_CALLBACK_BASE64",
            CallbackError::BadPadding => "E_CALLBACK_PADDING",
            CallbackError::BadLength => "E_CALLBACK_LENGTH",
            CallbackError::BadEncoding => "E_CALLBACK_ENCODING",
            CallbackError::ReceiveIdMismatch { .. } => "E_CALLBACK_RECEIVE_ID",
            CallbackError::MalformedEnvelope(_) => "E_CALLBACK_ENVELOPE",
            CallbackError::BadXml(_) => "E_CALLBACK_XML",
            CallbackError::TooLarge { .. } => "E_CALLBACK_TOO_LARGE",
            CallbackError::Random(_) => "E_CALLBACK_RANDOM",
        }
    }
}
