//! `CallbackCrypto` and `parseEvent`: WeCom callback security and events for JS.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wecom_core::callback::{crypto::CallbackCrypto as Core, events, CallbackError};

use crate::props::get;
use crate::{errors, scratch};

/// The JS error for a callback failure (`WeComCallbackError`, or `WeComConfigError` for a bad
/// configuration found at construction).
fn to_js(error: &CallbackError) -> JsValue {
    let class = match error {
        CallbackError::BadKey(_) | CallbackError::BadConfig(_) => "WeComConfigError",
        _ => "WeComCallbackError",
    };
    let props = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = Reflect::set(&props, &JsValue::from_str(k), v);
    };
    set("code", &JsValue::from_str(error.code()));
    if let CallbackError::ReceiveIdMismatch { expected, actual } = error {
        set("expected", &JsValue::from_str(expected));
        set("actual", &JsValue::from_str(actual));
    }
    errors::build(class, &error.to_string(), &props)
}

fn usage(message: &str) -> JsValue {
    errors::usage("E_USAGE", message)
}

/// A string member (numbers are accepted and written as integers, e.g. a numeric timestamp).
fn text(obj: &JsValue, key: &str) -> Result<String, JsValue> {
    let v = get(obj, key);
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    match v.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => Ok(format!("{}", n as i64)),
        _ => Err(usage(&format!("{key} must be a string"))),
    }
}

fn object(value: &JsValue, what: &str) -> Result<(), JsValue> {
    if value.is_object() {
        Ok(())
    } else {
        Err(usage(&format!("{what} must be an object")))
    }
}

/// WXBizMsgCrypt for one callback configuration: `new CallbackCrypto({ token, encodingAesKey,
/// receiveId })`. The configuration is checked here: a bad key throws now, never later.
#[wasm_bindgen(js_name = CallbackCrypto)]
pub struct JsCallbackCrypto {
    inner: Core,
}

#[wasm_bindgen(js_class = CallbackCrypto)]
impl JsCallbackCrypto {
    /// `receiveId` is explicit: the corpid for a corp's own apps, the suiteid for third-party
    /// apps, `''` for personal-subject apps.
    #[wasm_bindgen(constructor)]
    pub fn new(options: &JsValue) -> Result<JsCallbackCrypto, JsValue> {
        object(options, "options ({ token, encodingAesKey, receiveId })")?;
        let receive_id = get(options, "receiveId");
        let receive_id = receive_id.as_string().ok_or_else(|| {
            to_js(&CallbackError::BadConfig(
                "receiveId must be a string: the corpid (own apps), the suiteid (third-party apps) or '' (personal-subject apps)".into(),
            ))
        })?;
        let token = text(options, "token")
            .map_err(|_| to_js(&CallbackError::BadConfig("token must be a non-empty string".into())))?;
        let key = Reflect::get(options, &"encodingAesKey".into()).ok().and_then(|k| k.as_string()).unwrap_or_default();
        let inner = Core::new(&token, &key, &receive_id).map_err(|e| to_js(&e))?;
        Ok(JsCallbackCrypto { inner })
    }

    /// URL verification (GET): `{ msg_signature, timestamp, nonce, echostr }` (URL-decoded) →
    /// the plaintext to answer with.
    #[wasm_bindgen(js_name = verifyUrl)]
    pub fn verify_url(&self, query: &JsValue) -> Result<String, JsValue> {
        object(query, "query")?;
        let (sig, ts, nonce, echostr) =
            (text(query, "msg_signature")?, text(query, "timestamp")?, text(query, "nonce")?, text(query, "echostr")?);
        self.inner.verify_url(&sig, &ts, &nonce, &echostr).map_err(|e| to_js(&e))
    }

    /// Message decryption (POST): `{ msg_signature, timestamp, nonce, body }` where `body` is the
    /// raw request body (XML or JSON envelope) → `{ message, receiveId }`; `message` is raw text.
    pub fn decrypt(&self, input: &JsValue) -> Result<JsValue, JsValue> {
        object(input, "input")?;
        let (sig, ts, nonce, body) =
            (text(input, "msg_signature")?, text(input, "timestamp")?, text(input, "nonce")?, text(input, "body")?);
        let out = self.inner.decrypt(&sig, &ts, &nonce, &body).map_err(|e| to_js(&e))?;
        let result = js_sys::Object::new();
        let _ = Reflect::set(&result, &"message".into(), &JsValue::from_str(&out.message));
        let _ = Reflect::set(&result, &"receiveId".into(), &JsValue::from_str(&out.receive_id));
        Ok(result.into())
    }

    /// Encrypts a passive reply: `encrypt(message, { timestamp, nonce, random })` → the XML
    /// envelope. `random` (optional, for reproducible tests): 16 bytes as a `Uint8Array` or a
    /// 16-byte string; otherwise the platform's secure random source is used.
    pub fn encrypt(&self, message: &JsValue, options: &JsValue) -> Result<String, JsValue> {
        let message = message.as_string().ok_or_else(|| usage("message must be a string"))?;
        object(options, "options ({ timestamp, nonce, random? })")?;
        let (ts, nonce) = (text(options, "timestamp")?, text(options, "nonce")?);
        let random = random_of(&get(options, "random"))?;
        self.inner.encrypt(&message, &ts, &nonce, random).map_err(|e| to_js(&e))
    }

    /// The fast path of `decrypt` (used by the npm package): the four inputs were written as UTF-8,
    /// back to back, into the I/O buffer (`__ioReserve`); returns the message text.
    #[wasm_bindgen(js_name = __decryptIo)]
    pub fn decrypt_io(&self, sig_len: u32, ts_len: u32, nonce_len: u32, body_len: u32) -> Result<String, JsValue> {
        IO.with(|io| {
            let io = io.borrow();
            let mut at = 0usize;
            let mut next = |len: u32| -> Result<&str, JsValue> {
                let end = at.checked_add(len as usize).ok_or_else(|| usage("internal: bad I/O lengths"))?;
                let bytes = io.get(at..end).ok_or_else(|| usage("internal: bad I/O lengths"))?;
                at = end;
                std::str::from_utf8(bytes).map_err(|_| usage("internal: I/O buffer is not UTF-8"))
            };
            let (sig, ts, nonce, body) = (next(sig_len)?, next(ts_len)?, next(nonce_len)?, next(body_len)?);
            self.inner.decrypt(sig, ts, nonce, body).map(|d| d.message).map_err(|e| to_js(&e))
        })
    }

    /// The configured receiveId.
    #[wasm_bindgen(getter, js_name = receiveId)]
    pub fn receive_id(&self) -> String {
        self.inner.receive_id().to_owned()
    }

    /// The `msg_signature` for a timestamp, nonce and ciphertext (hex SHA-1 of the sorted values).
    pub fn signature(&self, timestamp: &str, nonce: &str, encrypted: &str) -> String {
        self.inner.signature(timestamp, nonce, encrypted)
    }
}

fn random_of(value: &JsValue) -> Result<Option<[u8; 16]>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let bytes: Vec<u8> = if let Some(s) = value.as_string() {
        s.into_bytes()
    } else if value.is_instance_of::<Uint8Array>() {
        Uint8Array::new(value).to_vec()
    } else {
        return Err(usage("random must be 16 bytes: a Uint8Array or a 16-byte string"));
    };
    <[u8; 16]>::try_from(bytes.as_slice()).map(Some).map_err(|_| usage("random must be exactly 16 bytes"))
}

thread_local! {
    static IO: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes the callback I/O buffer hold at least `bytes` and returns its address in wasm memory.
#[wasm_bindgen(js_name = __ioReserve)]
pub fn io_reserve(bytes: u32) -> u32 {
    // Four inputs of at most 1 MiB each (the core's limit), as UTF-8.
    IO.with(|io| scratch::reserve(io, bytes, 1024, 4 << 20))
}

/// The I/O buffer's size.
#[wasm_bindgen(js_name = __ioCapacity)]
pub fn io_capacity() -> u32 {
    IO.with(scratch::capacity)
}

/// Parses a decrypted callback message into a typed event that keeps every field (`raw`).
#[wasm_bindgen(js_name = parseEvent)]
pub fn parse_event(xml: &JsValue) -> Result<JsValue, JsValue> {
    let xml = xml.as_string().ok_or_else(|| usage("parseEvent takes the decrypted message (a string)"))?;
    let event = events::parse_event(&xml).map_err(|e| to_js(&e))?;
    js_sys::JSON::parse(&event.to_json())
}
