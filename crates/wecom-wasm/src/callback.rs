//! `CallbackCrypto` and `parseEvent`: WeCom callback security and events for JS.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wecom_core::callback::crypto::{CallbackCrypto as Core, MAX_INPUT_BYTES, MAX_PARAM_BYTES};
use wecom_core::callback::{events, CallbackError};

use crate::props::{get, string_within};
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

/// `value` as a Rust string if it is a JS string, refused with `TooLarge` when over `limit` UTF-8
/// bytes. The UTF-16 length is checked before the string is copied into wasm memory (UTF-8 has at
/// least one byte per UTF-16 unit), so the copy is at most 3 × `limit` bytes; then the exact size.
fn bounded(value: &JsValue, limit: usize) -> Result<Option<String>, JsValue> {
    let too_large = |actual| to_js(&CallbackError::TooLarge { limit, actual });
    let Some(text) = string_within(value, limit).map_err(too_large)? else {
        return Ok(None);
    };
    if text.len() > limit {
        return Err(to_js(&CallbackError::TooLarge { limit, actual: text.len() }));
    }
    Ok(Some(text))
}

/// A string member of at most `limit` bytes (numbers are accepted and written as integers, e.g. a
/// numeric timestamp).
fn text(obj: &JsValue, key: &str, limit: usize) -> Result<String, JsValue> {
    let v = get(obj, key);
    if let Some(s) = bounded(&v, limit)? {
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
        let bad_config = |what: &str| to_js(&CallbackError::BadConfig(format!("{what} is too long")));
        let receive_id = get(options, "receiveId");
        let receive_id = bounded(&receive_id, MAX_PARAM_BYTES).map_err(|_| bad_config("receiveId"))?.ok_or_else(|| {
            to_js(&CallbackError::BadConfig(
                "receiveId must be a string: the corpid (own apps), the suiteid (third-party apps) or '' (personal-subject apps)".into(),
            ))
        })?;
        let token = text(options, "token", MAX_PARAM_BYTES).map_err(|_| {
            to_js(&CallbackError::BadConfig("token must be a non-empty string of at most 1 KiB".into()))
        })?;
        let key = bounded(&get(options, "encodingAesKey"), MAX_PARAM_BYTES)
            .map_err(|_| bad_config("encodingAesKey"))?
            .unwrap_or_default();
        let inner = Core::new(&token, &key, &receive_id).map_err(|e| to_js(&e))?;
        Ok(JsCallbackCrypto { inner })
    }

    /// URL verification (GET): `{ msg_signature, timestamp, nonce, echostr }` (URL-decoded) →
    /// the plaintext to answer with.
    #[wasm_bindgen(js_name = verifyUrl)]
    pub fn verify_url(&self, query: &JsValue) -> Result<String, JsValue> {
        object(query, "query")?;
        let (sig, ts, nonce) = params(query)?;
        let echostr = text(query, "echostr", MAX_INPUT_BYTES)?;
        self.inner.verify_url(&sig, &ts, &nonce, &echostr).map_err(|e| to_js(&e))
    }

    /// Message decryption (POST): `{ msg_signature, timestamp, nonce, body }` where `body` is the
    /// raw request body (XML or JSON envelope) → `{ message, receiveId }`; `message` is raw text.
    pub fn decrypt(&self, input: &JsValue) -> Result<JsValue, JsValue> {
        object(input, "input")?;
        let (sig, ts, nonce) = params(input)?;
        let body = text(input, "body", MAX_INPUT_BYTES)?;
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
        let message = bounded(message, MAX_INPUT_BYTES)?.ok_or_else(|| usage("message must be a string"))?;
        object(options, "options ({ timestamp, nonce, random? })")?;
        let (ts, nonce) = (text(options, "timestamp", MAX_PARAM_BYTES)?, text(options, "nonce", MAX_PARAM_BYTES)?);
        let random = random_of(&get(options, "random"))?;
        self.inner.encrypt(&message, &ts, &nonce, random).map_err(|e| to_js(&e))
    }

    /// The fast path of `decrypt` (used by the npm package): the four inputs were written as UTF-8,
    /// back to back, into the I/O buffer (`__ioReserve`); returns the message text. The buffer is
    /// only read here: the borrow ends before any error is built in JS.
    #[wasm_bindgen(js_name = __decryptIo)]
    pub fn decrypt_io(&self, sig_len: u32, ts_len: u32, nonce_len: u32, body_len: u32) -> Result<String, JsValue> {
        let out = IO.with(|io| -> Result<Result<String, CallbackError>, &'static str> {
            let io = io.try_borrow().map_err(|_| "internal: the I/O buffer is in use")?;
            let mut at = 0usize;
            let mut next = |len: u32| -> Result<&str, &'static str> {
                let end = at.checked_add(len as usize).ok_or("internal: bad I/O lengths")?;
                let bytes = io.get(at..end).ok_or("internal: bad I/O lengths")?;
                at = end;
                std::str::from_utf8(bytes).map_err(|_| "internal: I/O buffer is not UTF-8")
            };
            let (sig, ts, nonce, body) = (next(sig_len)?, next(ts_len)?, next(nonce_len)?, next(body_len)?);
            Ok(self.inner.decrypt(sig, ts, nonce, body).map(|d| d.message))
        });
        match out {
            Ok(Ok(message)) => Ok(message),
            Ok(Err(e)) => Err(to_js(&e)),
            Err(internal) => Err(usage(internal)),
        }
    }

    /// The configured receiveId.
    #[wasm_bindgen(getter, js_name = receiveId)]
    pub fn receive_id(&self) -> String {
        self.inner.receive_id().to_owned()
    }

    /// The `msg_signature` for a timestamp, nonce and ciphertext (hex SHA-1 of the sorted values).
    /// The same size limits as `decrypt` (the ciphertext like a body).
    pub fn signature(&self, timestamp: &JsValue, nonce: &JsValue, encrypted: &JsValue) -> Result<String, JsValue> {
        let arg = |v: &JsValue, what: &str, limit: usize| -> Result<String, JsValue> {
            bounded(v, limit)?.ok_or_else(|| usage(&format!("{what} must be a string")))
        };
        let (ts, nonce) = (arg(timestamp, "timestamp", MAX_PARAM_BYTES)?, arg(nonce, "nonce", MAX_PARAM_BYTES)?);
        let encrypted = arg(encrypted, "encrypted", MAX_INPUT_BYTES)?;
        Ok(self.inner.signature(&ts, &nonce, &encrypted))
    }
}

/// `msg_signature`, `timestamp` and `nonce` of a query or input, each at most `MAX_PARAM_BYTES`.
fn params(obj: &JsValue) -> Result<(String, String, String), JsValue> {
    Ok((
        text(obj, "msg_signature", MAX_PARAM_BYTES)?,
        text(obj, "timestamp", MAX_PARAM_BYTES)?,
        text(obj, "nonce", MAX_PARAM_BYTES)?,
    ))
}

fn random_of(value: &JsValue) -> Result<Option<[u8; 16]>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let wrong_size = || usage("random must be exactly 16 bytes");
    // Sizes are checked before anything is copied.
    let bytes: Vec<u8> = if let Some(s) = bounded(value, 16).map_err(|_| wrong_size())? {
        s.into_bytes()
    } else if let Some(array) = value.dyn_ref::<Uint8Array>() {
        if array.length() != 16 {
            return Err(wrong_size());
        }
        array.to_vec()
    } else {
        return Err(usage("random must be 16 bytes: a Uint8Array or a 16-byte string"));
    };
    <[u8; 16]>::try_from(bytes.as_slice()).map(Some).map_err(|_| wrong_size())
}

thread_local! {
    static IO: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The I/O buffer's smallest size.
const IO_MIN: usize = 1024;
/// A buffer larger than this is replaced by a small one when a small size is asked for.
const IO_KEEP: usize = 64 * 1024;
/// The largest reservation: the four inputs of `decrypt` at their limits.
const IO_MAX: usize = MAX_INPUT_BYTES + 3 * MAX_PARAM_BYTES;

/// Makes the callback I/O buffer hold at least `bytes` (at most the four inputs of `decrypt` at
/// their limits) and returns its address in wasm memory, or 0 when it cannot: too large, no
/// memory (growth is fallible), or the buffer in use. The size is a power of two; a buffer over
/// 64 KiB asked for a smaller size is given back and a small one allocated, so
/// `__ioReserve(0)` after a large input releases it.
#[wasm_bindgen(js_name = __ioReserve)]
pub fn io_reserve(bytes: u32) -> u32 {
    IO.with(|io| {
        if bytes as usize <= IO_KEEP && scratch::capacity(io) as usize > IO_KEEP {
            scratch::shrink(io, 0);
        }
        scratch::reserve(io, bytes, IO_MIN, IO_MAX)
    })
}

/// The I/O buffer's size (0 while it is in use).
#[wasm_bindgen(js_name = __ioCapacity)]
pub fn io_capacity() -> u32 {
    IO.with(scratch::capacity)
}

/// The module's memory, for the JS layer's `Uint8Array` view of the I/O buffer.
#[wasm_bindgen(js_name = __memory)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Parses a decrypted callback message into a typed event that keeps every field (`raw`).
#[wasm_bindgen(js_name = parseEvent)]
pub fn parse_event(xml: &JsValue) -> Result<JsValue, JsValue> {
    let xml = bounded(xml, events::MAX_EVENT_BYTES)?
        .ok_or_else(|| usage("parseEvent takes the decrypted message (a string)"))?;
    let event = events::parse_event(&xml).map_err(|e| to_js(&e))?;
    js_sys::JSON::parse(&event.to_json())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn code_of(error: &JsValue) -> String {
        Reflect::get(error, &"code".into()).ok().and_then(|c| c.as_string()).unwrap_or_default()
    }

    fn object_of(pairs: &[(&str, &JsValue)]) -> JsValue {
        let obj = js_sys::Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
        }
        obj.into()
    }

    fn memory_bytes() -> f64 {
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
    }

    #[wasm_bindgen_test]
    fn the_io_buffer_is_bounded_and_given_back_after_a_large_input() {
        assert_ne!(io_reserve(1_000_000), 0);
        assert_eq!(io_capacity(), 1 << 20);
        // A small size after a large one: the large buffer is released.
        assert_ne!(io_reserve(0), 0);
        assert_eq!(io_capacity() as usize, IO_MIN);
        assert_ne!(io_reserve(5000), 0);
        assert_eq!(io_capacity(), 8192);
        // Over the four inputs at their limits: refused, nothing reserved.
        assert_eq!(io_reserve(IO_MAX as u32 + 1), 0);
        assert_eq!(io_reserve(u32::MAX), 0);
        assert_eq!(io_capacity(), 8192);
        assert_ne!(io_reserve(IO_MAX as u32), 0);
        assert_eq!(io_capacity(), 2 << 20);
        assert_ne!(io_reserve(0), 0);
        assert_eq!(io_capacity() as usize, IO_MIN);
    }

    #[wasm_bindgen_test]
    fn oversized_strings_are_refused_before_they_are_copied_into_wasm_memory() {
        let key = "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws";
        let options =
            object_of(&[("token", &"t".into()), ("encodingAesKey", &key.into()), ("receiveId", &"ww".into())]);
        let crypto = JsCallbackCrypto::new(&options).expect("valid configuration");
        let huge: JsValue = js_sys::JsString::from("a").repeat(300_000_000).into();
        let before = memory_bytes();
        let (s, t, n) = (&JsValue::from_str("s"), &JsValue::from_str("1"), &JsValue::from_str("n"));
        let inputs = [
            object_of(&[("msg_signature", s), ("timestamp", t), ("nonce", n), ("body", &huge)]),
            object_of(&[("msg_signature", &huge), ("timestamp", t), ("nonce", n), ("body", s)]),
        ];
        for input in &inputs {
            assert_eq!(code_of(&crypto.decrypt(input).unwrap_err()), "E_CALLBACK_TOO_LARGE");
        }
        let query = object_of(&[("msg_signature", s), ("timestamp", t), ("nonce", n), ("echostr", &huge)]);
        assert_eq!(code_of(&crypto.verify_url(&query).unwrap_err()), "E_CALLBACK_TOO_LARGE");
        let reply = object_of(&[("timestamp", t), ("nonce", n)]);
        assert_eq!(code_of(&crypto.encrypt(&huge, &reply).unwrap_err()), "E_CALLBACK_TOO_LARGE");
        assert_eq!(code_of(&crypto.signature(t, n, &huge).unwrap_err()), "E_CALLBACK_TOO_LARGE");
        assert_eq!(code_of(&parse_event(&huge).unwrap_err()), "E_CALLBACK_TOO_LARGE");
        // 300 MB copied even once would have grown the memory by at least that much.
        assert!(memory_bytes() - before < 64.0 * 1024.0 * 1024.0);
        let sealed = crypto.encrypt(&"hello".into(), &reply).expect("encrypts");
        let encrypted = sealed.split("CDATA[").nth(1).and_then(|s| s.split("]]>").next()).unwrap_or_default();
        let sig = crypto.signature(t, n, &encrypted.into()).expect("signs");
        let input =
            object_of(&[("msg_signature", &sig.into()), ("timestamp", t), ("nonce", n), ("body", &sealed.into())]);
        let out = crypto.decrypt(&input).expect("decrypts");
        assert_eq!(Reflect::get(&out, &"message".into()).ok().and_then(|m| m.as_string()).as_deref(), Some("hello"));
    }
}
