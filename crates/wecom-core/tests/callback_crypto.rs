//! WXBizMsgCrypt conformance (rules.md §4.1 C-01 … C-09, vectors §4.2): the published vectors
//! byte for byte, padding and key-format vectors, negatives, both envelope formats, round trips,
//! and garbage in / typed error out on every entry point. Deterministic (xorshift) and fast.

use aes::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use aes::{Aes256, Block};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use wecom_core::callback::crypto::{ENCODING_AES_KEY_LEN, MAX_INPUT_BYTES, MAX_PARAM_BYTES};
use wecom_core::callback::{pkcs7, CallbackCrypto, CallbackError, Decrypted};

// ---------------------------------------------------------------------------------------------
// vectors (rules.md §4.2)
// ---------------------------------------------------------------------------------------------

struct Vector {
    name: &'static str,
    token: &'static str,
    key: &'static str,
    receive_id: &'static str,
    timestamp: &'static str,
    nonce: &'static str,
    encrypted: &'static str,
    signature: &'static str,
    message: &'static str,
    /// The 16-byte random prefix (ASCII in every published vector).
    random: &'static [u8; 16],
    pad: u8,
    padded_len: usize,
    /// A GET URL verification (echostr) rather than a POST message.
    url: bool,
}

const V1: Vector = Vector {
    name: "V1 official GET",
    token: "QDG6eK",
    key: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    receive_id: "wx5823bf96d3bd56c7",
    timestamp: "1409659589",
    nonce: "263014780",
    encrypted: "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
    signature: "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    message: "1616140317555161061",
    random: b"c41b64491c2468d0",
    pad: 7,
    padded_len: 64,
    url: true,
};

const V2: Vector = Vector {
    name: "V2 official POST",
    token: "QDG6eK",
    key: "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    receive_id: "wx5823bf96d3bd56c7",
    timestamp: "1409659813",
    nonce: "1372623149",
    encrypted: "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
    signature: "477715d11cdb4164915debcba66cb864d751f3e6",
    message: "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>",
    random: b"0960688932c47ef1",
    pad: 30,
    padded_len: 352,
    url: false,
};

const V6: Vector = Vector {
    name: "V6 wechatpy GET",
    token: "123456",
    key: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    receive_id: "wx49f0ab532d5d035a",
    timestamp: "1411443780",
    nonce: "437374425",
    encrypted: "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==",
    signature: "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96",
    message: "5927782489442352469",
    random: b"2304fc2fe146f1f8",
    pad: 7,
    padded_len: 64,
    url: true,
};

const V7: Vector = Vector {
    name: "V7 wechatpy POST",
    token: "123456",
    key: "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    receive_id: "wx49f0ab532d5d035a",
    timestamp: "1411525903",
    nonce: "461056294",
    encrypted: "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=",
    signature: "74d92dfeb87ba7c714f89d98870ae5eb62dff26d",
    message: "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>",
    random: b"ec90b1530358d4d3",
    pad: 1,
    padded_len: 320,
    url: false,
};

const V8: Vector = Vector {
    name: "V8 go-workwx GET",
    token: "kjr2TKI8umCBfVF3wAHk8JiPwma5VBme",
    key: "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws",
    receive_id: "ww6a112864f8022910",
    timestamp: "1583940690",
    nonce: "VHh7ymSeb0jc4lSb",
    encrypted: "6KmUQuPVu7UhjyVqRdbo5SfcRqaHvbUlKSHFvBV2ZuR6TIlKsygcfeSd1GDplg1C5KSKr6UPHCaC/nIX3ZNt9w==",
    signature: "1ba3cb09c0d2c2b3ed6900d37f91a6efae6cb011",
    message: "94966531020182955848408",
    random: b"5QMsYcwjR95t2vmC",
    pad: 3,
    padded_len: 64,
    url: true,
};

const VECTORS: [&Vector; 5] = [&V1, &V2, &V6, &V7, &V8];

fn crypto_of(v: &Vector) -> CallbackCrypto {
    CallbackCrypto::new(v.token, v.key, v.receive_id).unwrap_or_else(|e| panic!("{}: {e}", v.name))
}

// ---------------------------------------------------------------------------------------------
// test-side raw AES (independent of the library's framing)
// ---------------------------------------------------------------------------------------------

fn raw_key(encoding_aes_key: &str) -> [u8; 32] {
    // The reference decoders ignore the 2 unused bits of the 43rd character; so do we here.
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
    );
    let bytes = engine.decode(format!("{encoding_aes_key}=")).expect("key base64");
    bytes.try_into().expect("32-byte key")
}

/// AES-256-CBC decryption of a base64 ciphertext, no unpadding: the whole padded plaintext.
fn raw_open(encoding_aes_key: &str, encrypted: &str) -> Vec<u8> {
    let key = raw_key(encoding_aes_key);
    let mut buf = STANDARD.decode(encrypted).expect("base64");
    assert_eq!(buf.len() % 16, 0);
    let (blocks, _) = Block::slice_as_chunks_mut(&mut buf);
    cbc::Decryptor::<Aes256>::new(&key.into(), key[..16].try_into().unwrap()).decrypt_blocks(blocks);
    buf
}

/// AES-256-CBC encryption of `plaintext` (whole blocks, no padding added) to base64.
fn raw_seal(encoding_aes_key: &str, plaintext: &[u8]) -> String {
    let key = raw_key(encoding_aes_key);
    let mut buf = plaintext.to_vec();
    assert_eq!(buf.len() % 16, 0);
    let (blocks, _) = Block::slice_as_chunks_mut(&mut buf);
    cbc::Encryptor::<Aes256>::new(&key.into(), key[..16].try_into().unwrap()).encrypt_blocks(blocks);
    STANDARD.encode(&buf)
}

/// random ‖ len ‖ msg ‖ receive_id ‖ PKCS#7(32), built by hand.
fn framed(random: &[u8; 16], msg: &[u8], receive_id: &[u8]) -> Vec<u8> {
    let mut p = random.to_vec();
    p.extend_from_slice(&(msg.len() as u32).to_be_bytes());
    p.extend_from_slice(msg);
    p.extend_from_slice(receive_id);
    let n = 32 - p.len() % 32;
    p.extend(std::iter::repeat_n(n as u8, n));
    p
}

// ---------------------------------------------------------------------------------------------
// a small deterministic PRNG
// ---------------------------------------------------------------------------------------------

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
    fn random16(&mut self) -> [u8; 16] {
        let mut r = [0u8; 16];
        r.iter_mut().for_each(|b| *b = self.next() as u8);
        r
    }
    /// A string of `n` characters drawn from ASCII, CJK, emoji, controls and XML specials.
    fn text(&mut self, n: usize) -> String {
        const POOL: &[char] =
            &['a', 'Z', '0', ' ', '<', '>', '&', ']', '\n', '\0', '客', '户', '联', '系', '😀', '🧧', 'é', '\u{feff}'];
        (0..n).map(|_| POOL[self.below(POOL.len())]).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// the published vectors
// ---------------------------------------------------------------------------------------------

#[test]
fn vectors_signature() {
    for v in VECTORS {
        let c = crypto_of(v);
        assert_eq!(c.signature(v.timestamp, v.nonce, v.encrypted), v.signature, "{}", v.name);
    }
}

#[test]
fn vectors_decrypt() {
    for v in VECTORS {
        let c = crypto_of(v);
        let d = c
            .decrypt_encrypted(v.signature, v.timestamp, v.nonce, v.encrypted)
            .unwrap_or_else(|e| panic!("{}: {e}", v.name));
        assert_eq!(d, Decrypted { message: v.message.to_owned(), receive_id: v.receive_id.to_owned() }, "{}", v.name);
        if v.url {
            assert_eq!(
                c.verify_url(v.signature, v.timestamp, v.nonce, v.encrypted).as_deref(),
                Ok(v.message),
                "{}",
                v.name
            );
        }
    }
}

#[test]
fn vectors_plaintext_layout_random_prefix_and_padding() {
    for v in VECTORS {
        let plain = raw_open(v.key, v.encrypted);
        assert_eq!(plain.len(), v.padded_len, "{}", v.name);
        assert_eq!(&plain[..16], v.random, "{}", v.name);
        assert_eq!(u32::from_be_bytes(plain[16..20].try_into().unwrap()) as usize, v.message.len(), "{}", v.name);
        let pad = *plain.last().unwrap();
        assert_eq!(pad, v.pad, "{}", v.name);
        assert!(plain[plain.len() - pad as usize..].iter().all(|&b| b == pad), "{}", v.name);
        assert_eq!(
            pkcs7::unpad(&plain).unwrap(),
            framed(v.random, v.message.as_bytes(), v.receive_id.as_bytes())[..plain.len() - pad as usize].to_vec(),
            "{}",
            v.name
        );
        assert_eq!(plain, framed(v.random, v.message.as_bytes(), v.receive_id.as_bytes()), "{}", v.name);
    }
}

#[test]
fn vectors_reencrypt_byte_for_byte() {
    for v in VECTORS {
        let c = crypto_of(v);
        assert_eq!(c.encrypt_raw(v.message, Some(*v.random)).unwrap(), v.encrypted, "{}", v.name);
        let reply = c.encrypt(v.message, v.timestamp, v.nonce, Some(*v.random)).unwrap();
        let expected = format!(
            "<xml><Encrypt><![CDATA[{}]]></Encrypt><MsgSignature><![CDATA[{}]]></MsgSignature><TimeStamp>{}</TimeStamp><Nonce><![CDATA[{}]]></Nonce></xml>",
            v.encrypted, v.signature, v.timestamp, v.nonce
        );
        assert_eq!(reply, expected, "{}", v.name);
        // The reply is itself an envelope with an Encrypt element.
        assert_eq!(c.decrypt(v.signature, v.timestamp, v.nonce, &reply).unwrap().message, v.message, "{}", v.name);
    }
}

#[test]
fn negative_signatures() {
    // V6 with nonce 437374424 (wechatpy).
    let c = crypto_of(&V6);
    assert_eq!(c.verify_url(V6.signature, V6.timestamp, "437374424", V6.encrypted), Err(CallbackError::BadSignature));
    // V8 with the last hex digit changed (go-workwx).
    let c = crypto_of(&V8);
    assert_eq!(
        c.verify_url("1ba3cb09c0d2c2b3ed6900d37f91a6efae6cb010", V8.timestamp, V8.nonce, V8.encrypted),
        Err(CallbackError::BadSignature)
    );
    // WxJava testValidateSignatureError.
    let c = crypto_of(&V2);
    assert_eq!(c.decrypt_encrypted("12345", V2.timestamp, V2.nonce, V2.encrypted), Err(CallbackError::BadSignature));
    for bad in ["", &V2.signature[..39], &format!("{}0", V2.signature), &V2.signature.to_uppercase()] {
        assert_eq!(
            c.decrypt_encrypted(bad, V2.timestamp, V2.nonce, V2.encrypted),
            Err(CallbackError::BadSignature),
            "{bad:?}"
        );
    }
    // Every other input is covered too.
    assert_eq!(
        c.decrypt_encrypted(V2.signature, "1409659814", V2.nonce, V2.encrypted),
        Err(CallbackError::BadSignature)
    );
    let mut other = V2.encrypted.to_owned();
    other.replace_range(0..1, "S");
    assert_eq!(c.decrypt_encrypted(V2.signature, V2.timestamp, V2.nonce, &other), Err(CallbackError::BadSignature));
    let other_token = CallbackCrypto::new("QDG6eL", V2.key, V2.receive_id).unwrap();
    assert_eq!(
        other_token.decrypt_encrypted(V2.signature, V2.timestamp, V2.nonce, V2.encrypted),
        Err(CallbackError::BadSignature)
    );
    assert_eq!(CallbackError::BadSignature.code(), "E_CALLBACK_SIGNATURE");
}

#[test]
fn signature_is_checked_before_decryption() {
    let c = crypto_of(&V1);
    // Garbage that would fail base64, length or padding still reports the signature first.
    for garbage in ["!!!", "AAAA", "AAAAAAAAAAAAAAAAAAAAAA==", ""] {
        assert_eq!(
            c.decrypt_encrypted("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", V1.timestamp, V1.nonce, garbage),
            Err(CallbackError::BadSignature)
        );
    }
}

#[test]
fn wrong_receive_id_names_both() {
    let c = CallbackCrypto::new(V1.token, V1.key, "ww0000000000000000").unwrap();
    let err = c.verify_url(V1.signature, V1.timestamp, V1.nonce, V1.encrypted).unwrap_err();
    assert_eq!(
        err,
        CallbackError::ReceiveIdMismatch { expected: "ww0000000000000000".into(), actual: "wx5823bf96d3bd56c7".into() }
    );
    let text = err.to_string();
    assert!(text.contains("ww0000000000000000") && text.contains("wx5823bf96d3bd56c7"), "{text}");
    assert_eq!(err.code(), "E_CALLBACK_RECEIVE_ID");
    // Empty means "the message carries an empty receiveId", not "don't check".
    let c = CallbackCrypto::new(V7.token, V7.key, "").unwrap();
    assert!(matches!(
        c.decrypt_encrypted(V7.signature, V7.timestamp, V7.nonce, V7.encrypted),
        Err(CallbackError::ReceiveIdMismatch { .. })
    ));
    // A prefix is not enough.
    let c = CallbackCrypto::new(V7.token, V7.key, "wx49f0ab532d5d035").unwrap();
    assert!(matches!(
        c.decrypt_encrypted(V7.signature, V7.timestamp, V7.nonce, V7.encrypted),
        Err(CallbackError::ReceiveIdMismatch { .. })
    ));
}

#[test]
fn empty_receive_id_round_trips() {
    let c = CallbackCrypto::new("tok", V8.key, "").unwrap();
    let enc = c.encrypt_raw("hello", Some([7; 16])).unwrap();
    let sig = c.signature("1", "2", &enc);
    assert_eq!(
        c.decrypt_encrypted(&sig, "1", "2", &enc).unwrap(),
        Decrypted { message: "hello".into(), receive_id: String::new() }
    );
    assert_eq!(c.receive_id(), "");
}

// ---------------------------------------------------------------------------------------------
// envelopes
// ---------------------------------------------------------------------------------------------

fn v2_ok(body: &str) {
    let c = crypto_of(&V2);
    let d = c.decrypt(V2.signature, V2.timestamp, V2.nonce, body).unwrap_or_else(|e| panic!("{e} for {body:.120}"));
    assert_eq!(d.message, V2.message);
    assert_eq!(d.receive_id, V2.receive_id);
}

fn v2_err(body: &str) -> CallbackError {
    crypto_of(&V2).decrypt(V2.signature, V2.timestamp, V2.nonce, body).expect_err(body)
}

#[test]
fn xml_envelope_with_and_without_cdata() {
    let e = V2.encrypted;
    // The official page's example (no CDATA) and the C++ sample's CDATA form.
    v2_ok(&format!(
        "<xml><ToUserName>wx5823bf96d3bd56c7</ToUserName><Encrypt>{e}</Encrypt><AgentID>218</AgentID></xml>"
    ));
    v2_ok(&format!("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[{e}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"));
    // Pretty-printed, declaration, BOM, comments, order, whitespace around the text, pieces.
    v2_ok(&format!("\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n  <!-- c -->\n  <AgentID>218</AgentID>\n  <Encrypt>\n    <![CDATA[{e}]]>\n  </Encrypt>\n  <ToUserName/>\n</xml>\n"));
    let (a, b) = e.split_at(100);
    v2_ok(&format!("<xml><Encrypt>{a}<![CDATA[{b}]]></Encrypt></xml>"));
    // Character references and predefined entities are resolved (base64's "+" as &#43;).
    v2_ok(&format!("<xml><Encrypt>{}</Encrypt></xml>", e.replace('+', "&#43;").replace('/', "&#x2F;")));
    // An Encrypt deeper down, in a comment or in another element's CDATA is not the envelope's.
    v2_ok(&format!("<xml><Foo><Encrypt>nope</Encrypt></Foo><Encrypt>{e}</Encrypt></xml>"));
    v2_ok(&format!(
        "<xml><!-- <Encrypt>nope</Encrypt> --><A><![CDATA[<Encrypt>nope</Encrypt>]]></A><Encrypt>{e}</Encrypt></xml>"
    ));
    // Attributes (quoted ">" included), spaces in tags, self-closing siblings, PIs, any root name.
    v2_ok(&format!(
        "<xml a=\"1 > 0\" b='x'><Empty/><Empty a=\"/\" /><Encrypt type=\"base64\" >{e}</Encrypt ><?pi x?></xml >"
    ));
    v2_ok(&format!("<Envelope><Encrypt>{e}</Encrypt></Envelope>"));
    // Entities anywhere else are checked, not used.
    v2_ok(&format!("<xml><ToUserName>a&amp;b&lt;&#x4E2D;&#20013;</ToUserName><Encrypt>{e}</Encrypt></xml>"));
}

#[test]
fn json_envelope() {
    let e = V2.encrypted;
    v2_ok(&format!(r#"{{"tousername":"wx5823bf96d3bd56c7","encrypt":"{e}","agentid":"218"}}"#));
    v2_ok(&format!(r#"  {{"agentid":218,"encrypt":"{e}","extra":{{"a":[1,2]}}}}"#));
    // PHP-style escaped slashes are unescaped before the signature check.
    v2_ok(&format!(r#"{{"encrypt":"{}"}}"#, e.replace('/', "\\/")));
    v2_ok(&format!(r#"{{"Encrypt":"{e}"}}"#));
}

#[test]
fn malformed_envelopes() {
    let e = V2.encrypted;
    let cases = [
        String::new(),
        "   ".into(),
        e.into(),
        "<xml></xml>".into(),
        "<xml><ToUserName>x</ToUserName></xml>".into(),
        format!("<xml><Encrypt>{e}</Encrypt><Encrypt>{e}</Encrypt></xml>"),
        format!("<xml><Encrypt>{e}</Encrypt>"),
        format!("<xml><Encrypt>{e}</xml>"),
        format!("<xml><Encrypt>{e}</Encrypt></xml><xml/>"),
        format!("<xml><Encrypt>{e}</Encrypt></xml>trailing"),
        format!("<xml><Encrypt><b>{e}</b></Encrypt></xml>"),
        format!("<!DOCTYPE xml [<!ENTITY e \"{e}\">]><xml><Encrypt>&e;</Encrypt></xml>"),
        format!("<xml><Encrypt>&e;{e}</Encrypt></xml>"),
        "<xml><Encrypt></Encrypt></xml>".into(),
        "<xml><Encrypt/></xml>".into(),
        "<xml><Encrypt>  </Encrypt></xml>".into(),
        "{}".into(),
        r#"{"encrypt":null}"#.into(),
        r#"{"encrypt":12}"#.into(),
        r#"{"encrypt":""}"#.into(),
        format!(r#"{{"encrypt":"{e}","encrypt":"{e}"}}"#),
        format!(r#"{{"encrypt":"{e}"}} x"#),
        format!(r#"[{{"encrypt":"{e}"}}]"#),
        format!(r#"{{"encrypt":"{e}""#),
        // Hand-reader edges.
        format!("<xml><Encrypt>{e}</Encrypt></xmm>"),
        format!("<xml><Encrypt>{e}</encrypt></xml>"),
        format!("<xml><Encrypt><![CDATA[{e}</Encrypt></xml>"),
        format!("<xml><!-- <Encrypt>{e}</Encrypt></xml>"),
        format!("<xml><?pi <Encrypt>{e}</Encrypt></xml>"),
        format!("<xml a=\"<\"><Encrypt>{e}</Encrypt></xml>"),
        format!("<xml a=\"1><Encrypt>{e}</Encrypt></xml>"),
        format!("<xml><Encrypt>{e}</Encrypt></xml></xml>"),
        format!("</xml><xml><Encrypt>{e}</Encrypt></xml>"),
        format!("<><Encrypt>{e}</Encrypt></>"),
        format!("< xml><Encrypt>{e}</Encrypt></ xml>"),
        format!("<xml><Encrypt>{e}&#0;</Encrypt></xml>"),
        format!("<xml><Encrypt>{e}&#xD800;</Encrypt></xml>"),
        format!("<xml><Encrypt>{e}&#x;</Encrypt></xml>"),
        format!("<xml><Encrypt>{e}&#+43;</Encrypt></xml>"),
        format!("<xml><Encrypt>{e}&amp</Encrypt></xml>"),
        format!("<xml><ToUserName>&nbsp;</ToUserName><Encrypt>{e}</Encrypt></xml>"),
        format!("<xml><![CDATA[x]]><Encrypt>{e}</Encrypt></xml><![CDATA[y]]>"),
        format!("<xml><Encrypt>{e}<!ENTITY x 'y'></Encrypt></xml>"),
        format!("{}<Encrypt>{e}</Encrypt>{}", "<a>".repeat(40), "</a>".repeat(40)),
    ];
    for body in &cases {
        let err = v2_err(body);
        assert!(matches!(err, CallbackError::MalformedEnvelope(_)), "{body:.80}: {err:?}");
        assert_eq!(err.code(), "E_CALLBACK_ENVELOPE");
    }
}

#[test]
fn oversized_inputs_are_refused_before_any_work() {
    let c = crypto_of(&V2);
    let body = format!("<xml><Encrypt>{}</Encrypt></xml>", "A".repeat(MAX_INPUT_BYTES));
    assert_eq!(
        c.decrypt(V2.signature, V2.timestamp, V2.nonce, &body),
        Err(CallbackError::TooLarge { limit: MAX_INPUT_BYTES, actual: body.len() })
    );
    let big = "A".repeat(MAX_INPUT_BYTES + 4);
    assert!(matches!(
        c.decrypt_encrypted(V2.signature, V2.timestamp, V2.nonce, &big),
        Err(CallbackError::TooLarge { .. })
    ));
    assert!(matches!(c.verify_url(V2.signature, V2.timestamp, V2.nonce, &big), Err(CallbackError::TooLarge { .. })));
    // Just under the limit is accepted (and decrypted).
    let msg = "x".repeat(MAX_INPUT_BYTES / 4 * 3 - 100);
    let enc = c.encrypt_raw(&msg, Some([1; 16])).unwrap();
    assert!(enc.len() <= MAX_INPUT_BYTES);
    let sig = c.signature("1", "2", &enc);
    assert_eq!(c.decrypt_encrypted(&sig, "1", "2", &enc).unwrap().message, msg);
}

#[test]
fn oversized_parameters_and_messages_are_refused() {
    let c = crypto_of(&V2);
    let long = "1".repeat(MAX_PARAM_BYTES + 1);
    let ok = "1".repeat(MAX_PARAM_BYTES);
    let too_large = |r: Result<String, CallbackError>| matches!(r, Err(CallbackError::TooLarge { limit, .. }) if limit == MAX_PARAM_BYTES);
    assert!(too_large(c.verify_url(&long, V2.timestamp, V2.nonce, V2.encrypted)));
    assert!(too_large(c.verify_url(V2.signature, &long, V2.nonce, V2.encrypted)));
    assert!(too_large(c.verify_url(V2.signature, V2.timestamp, &long, V2.encrypted)));
    let body = format!("<xml><Encrypt>{}</Encrypt></xml>", V2.encrypted);
    assert!(too_large(c.decrypt(V2.signature, V2.timestamp, &long, &body).map(|d| d.message)));
    assert!(too_large(c.encrypt("m", &long, "n", Some([1; 16]))));
    assert!(too_large(c.encrypt("m", "1", &long, Some([1; 16]))));
    // At the limit: accepted (the signature then decides).
    assert_eq!(c.verify_url(V2.signature, &ok, V2.nonce, V2.encrypted), Err(CallbackError::BadSignature));
    let sig = c.signature(&ok, &ok, V2.encrypted);
    assert!(c.verify_url(&sig, &ok, &ok, V2.encrypted).is_ok());
    assert!(c.encrypt("m", &ok, &ok, Some([1; 16])).is_ok());
    // The message to encrypt: at most MAX_INPUT_BYTES.
    let big = "x".repeat(MAX_INPUT_BYTES + 1);
    assert_eq!(c.encrypt_raw(&big, None), Err(CallbackError::TooLarge { limit: MAX_INPUT_BYTES, actual: big.len() }));
    assert!(c.encrypt_raw(&big[1..], Some([1; 16])).is_ok());
}

// ---------------------------------------------------------------------------------------------
// configuration
// ---------------------------------------------------------------------------------------------

#[test]
fn key_format_vectors() {
    assert_eq!(ENCODING_AES_KEY_LEN, 43);
    assert!(CallbackCrypto::new("t", "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws", "ww").is_ok());
    for bad in [
        "",
        "123456789012345678901234567890123456789012",
        "12345678901234567890123456789012345678901234",
        "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIw=",
        "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIw$",
        // 43 bytes but not 43 ASCII characters; URL-safe alphabet; whitespace.
        "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIé",
        "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIw-",
        "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIw_",
        " Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws",
        "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws\n",
    ] {
        let err = CallbackCrypto::new("t", bad, "ww").unwrap_err();
        assert!(matches!(err, CallbackError::BadKey(_)), "{bad:?}: {err:?}");
        assert_eq!(err.code(), "E_CALLBACK_BAD_KEY");
        if bad.len() > 4 {
            assert!(!err.to_string().contains(&bad[..8]), "the error repeats the key: {err}");
        }
    }
    // Any 43 characters of the alphabet decode (unused trailing bits are ignored), "+" and "/" too.
    for key in [
        "+++++++++++++++++++++++++++++++++++++++++++",
        "///////////////////////////////////////////",
        &"a".repeat(43),
        &"Z".repeat(43),
    ] {
        assert!(CallbackCrypto::new("t", key, "").is_ok(), "{key}");
    }
}

#[test]
fn token_must_not_be_empty() {
    let err = CallbackCrypto::new("", V1.key, V1.receive_id).unwrap_err();
    assert!(matches!(err, CallbackError::BadConfig(_)), "{err:?}");
    assert_eq!(err.code(), "E_CALLBACK_CONFIG");
}

#[test]
fn debug_hides_token_and_key() {
    for v in VECTORS {
        let c = crypto_of(v);
        let shown = format!("{c:?} {c:#?}");
        assert!(!shown.contains(v.token), "{shown}");
        assert!(!shown.contains(v.key), "{shown}");
        assert!(!shown.contains(&v.key[..10]), "{shown}");
        assert!(shown.contains(v.receive_id), "{shown}");
        let key = raw_key(v.key);
        assert!(!shown.contains(&format!("{:?}", &key[..4])), "{shown}");
    }
}

// ---------------------------------------------------------------------------------------------
// PKCS#7 (32-byte blocks)
// ---------------------------------------------------------------------------------------------

#[test]
fn padding_vectors() {
    let padded = |input: &[u8]| {
        let mut buf = input.to_vec();
        pkcs7::pad(&mut buf);
        buf
    };
    assert_eq!(padded(b""), vec![0x20; 32]);
    let mut a = vec![0x41];
    a.extend([0x1f; 31]);
    assert_eq!(padded(b"A"), a);
    let mut x31 = b"0123456789abcdef0123456789abcde".to_vec();
    assert_eq!(padded(&x31), {
        x31.push(0x01);
        x31.clone()
    });
    let mut x32 = b"0123456789abcdef0123456789abcdef".to_vec();
    assert_eq!(padded(&x32), {
        x32.extend([0x20; 32]);
        x32.clone()
    });
    for len in 0..100 {
        let input = vec![0xAB; len];
        let p = padded(&input);
        assert_eq!(p.len() % 32, 0);
        assert_eq!(p.len() - len, pkcs7::pad_len(len));
        assert!((1..=32).contains(&pkcs7::pad_len(len)));
        assert_eq!(pkcs7::unpad(&p).unwrap(), &input[..]);
    }
}

#[test]
fn padding_negatives() {
    let bad: &[&[u8]] = &[b"", &[0u8; 32], &[33u8; 64], &[0xff; 32], &[2], b"abc\x02\x03", &[5, 5, 5, 5]];
    for data in bad {
        assert_eq!(pkcs7::unpad(data), Err(CallbackError::BadPadding), "{data:?}");
    }
    assert_eq!(pkcs7::unpad(&[1]).unwrap(), b"");
    assert_eq!(pkcs7::unpad(&[32; 32]).unwrap(), b"");
    assert_eq!(pkcs7::unpad(b"ab\x02\x02").unwrap(), b"ab");
}

// ---------------------------------------------------------------------------------------------
// crafted ciphertexts: each failure after the signature has its own error
// ---------------------------------------------------------------------------------------------

/// Signs `encrypted` with V8's configuration and decrypts it.
fn open_signed(encrypted: &str) -> Result<Decrypted, CallbackError> {
    let c = crypto_of(&V8);
    let sig = c.signature(V8.timestamp, V8.nonce, encrypted);
    c.decrypt_encrypted(&sig, V8.timestamp, V8.nonce, encrypted)
}

#[test]
fn crafted_ciphertexts() {
    let rid = V8.receive_id.as_bytes();
    let random = *V8.random;

    // Base64.
    for s in ["!!!!", "AAAA=AAA", "A", "AAAAA", "AAAA AAAA", "AAAA\nAAAA", "YW Jj"] {
        assert_eq!(open_signed(s), Err(CallbackError::BadBase64), "{s:?}");
    }
    assert_eq!(CallbackError::BadBase64.code(), "E_CALLBACK_BASE64");
    // Length: not a multiple of 16, or nothing.
    for n in [1, 15, 17, 31, 33, 100] {
        assert_eq!(open_signed(&STANDARD.encode(vec![0u8; n])), Err(CallbackError::BadLength), "{n}");
    }
    // An empty ciphertext: the JSON/XML layers refuse it; given directly, it is a length error.
    assert_eq!(open_signed(""), Err(CallbackError::BadLength));
    // Padding: 0, 33, inconsistent.
    let mut p = framed(&random, b"hi", rid);
    let last = p.len() - 1;
    p[last] = 0;
    assert_eq!(open_signed(&raw_seal(V8.key, &p)), Err(CallbackError::BadPadding));
    p[last] = 33;
    assert_eq!(open_signed(&raw_seal(V8.key, &p)), Err(CallbackError::BadPadding));
    let mut p = framed(&random, b"hi", rid);
    let n = p.len();
    p[n - 2] ^= 1;
    assert_eq!(open_signed(&raw_seal(V8.key, &p)), Err(CallbackError::BadPadding));
    // A 16-byte block of 16 × 0x10 is well-padded but holds no header.
    assert_eq!(open_signed(&raw_seal(V8.key, &[16u8; 16])), Err(CallbackError::BadLength));
    // Content shorter than the 20-byte header.
    let mut short = vec![b'r'; 19];
    short.extend([13u8; 13]);
    assert_eq!(open_signed(&raw_seal(V8.key, &short)), Err(CallbackError::BadLength));
    // Length field larger than the content, u32::MAX included (WxJava#3756).
    for claimed in [u32::MAX, 0x8000_0000, 1 << 20, 3 + rid.len() as u32 + 1] {
        let mut p = framed(&random, b"abc", rid);
        p[16..20].copy_from_slice(&claimed.to_be_bytes());
        assert_eq!(open_signed(&raw_seal(V8.key, &p)), Err(CallbackError::BadLength), "{claimed}");
    }
    // Length field smaller than the message: the rest is taken as receiveId → mismatch.
    let mut p = framed(&random, b"abc", rid);
    p[16..20].copy_from_slice(&1u32.to_be_bytes());
    assert!(matches!(open_signed(&raw_seal(V8.key, &p)), Err(CallbackError::ReceiveIdMismatch { .. })));
    // The exact fit works, with a message of zero bytes.
    assert_eq!(open_signed(&raw_seal(V8.key, &framed(&random, b"", rid))).unwrap().message, "");
    // Non-UTF-8 message.
    for msg in [&b"\xff"[..], b"ok\xc3", b"\xed\xa0\x80", b"\xc0\x80"] {
        assert_eq!(
            open_signed(&raw_seal(V8.key, &framed(&random, msg, rid))),
            Err(CallbackError::BadEncoding),
            "{msg:?}"
        );
    }
    // Binary random prefix (real traffic) is fine.
    let binary = [0u8, 0xff, 0x80, 0x7f, 1, 2, 3, 0xfe, 0, 0, 0, 0, 0xc3, 0x28, 0xa0, 0xa1];
    assert_eq!(open_signed(&raw_seal(V8.key, &framed(&binary, "中".as_bytes(), rid))).unwrap().message, "中");
    // A non-UTF-8 foreign receiveId is quoted lossily, and a long one is shortened.
    let err = open_signed(&raw_seal(V8.key, &framed(&random, b"m", b"\xffww"))).unwrap_err();
    assert_eq!(err, CallbackError::ReceiveIdMismatch { expected: V8.receive_id.into(), actual: "\u{fffd}ww".into() });
    let long = vec![b'w'; 1000];
    match open_signed(&raw_seal(V8.key, &framed(&random, b"m", &long))).unwrap_err() {
        CallbackError::ReceiveIdMismatch { actual, .. } => assert!(actual.chars().count() <= 129, "{}", actual.len()),
        other => panic!("{other:?}"),
    }
    // Wrong key: whatever it decrypts to, a typed error.
    let other = CallbackCrypto::new(V8.token, V1.key, V8.receive_id).unwrap();
    let err = other.verify_url(V8.signature, V8.timestamp, V8.nonce, V8.encrypted).unwrap_err();
    assert!(
        matches!(err, CallbackError::BadPadding | CallbackError::BadLength | CallbackError::ReceiveIdMismatch { .. }),
        "{err:?}"
    );
    // Unpadded base64 and non-canonical trailing bits are read (the signature covers the text).
    let unpadded = V8.encrypted.trim_end_matches('=');
    assert_eq!(open_signed(unpadded).unwrap().message, V8.message);
}

// ---------------------------------------------------------------------------------------------
// replies
// ---------------------------------------------------------------------------------------------

#[test]
fn reply_template_and_arguments() {
    let c = crypto_of(&V1);
    let reply = c.encrypt("<xml><Content>回复</Content></xml>", "1700000000", "abc", Some([9; 16])).unwrap();
    assert!(reply.starts_with("<xml><Encrypt><![CDATA["), "{reply}");
    assert!(reply.contains("]]></Encrypt><MsgSignature><![CDATA["), "{reply}");
    assert!(
        reply.ends_with("]]></MsgSignature><TimeStamp>1700000000</TimeStamp><Nonce><![CDATA[abc]]></Nonce></xml>"),
        "{reply}"
    );
    let encrypted = c.encrypt_raw("<xml><Content>回复</Content></xml>", Some([9; 16])).unwrap();
    let sig = c.signature("1700000000", "abc", &encrypted);
    assert!(reply.contains(&encrypted) && reply.contains(&sig));
    let d = c.decrypt(&sig, "1700000000", "abc", &reply).unwrap();
    assert_eq!(d.message, "<xml><Content>回复</Content></xml>");

    for (ts, nonce) in [("", "n"), ("17e9", "n"), ("1<2", "n"), (" 1", "n"), ("1", "a]]>b"), ("1", "a\u{0}b")] {
        let err = c.encrypt("m", ts, nonce, Some([0; 16])).unwrap_err();
        assert!(matches!(err, CallbackError::MalformedEnvelope(_)), "{ts:?} {nonce:?}: {err:?}");
    }
    // Empty nonce and message are fine.
    let reply = c.encrypt("", "0", "", None).unwrap();
    let sig = &reply[reply.find("<MsgSignature><![CDATA[").unwrap() + 23..][..40];
    assert_eq!(c.decrypt(sig, "0", "", &reply).unwrap().message, "");
}

#[test]
fn secure_random_prefix_differs() {
    let c = crypto_of(&V2);
    let a = c.encrypt_raw("same", None).unwrap();
    let b = c.encrypt_raw("same", None).unwrap();
    assert_ne!(a, b);
    assert_ne!(raw_open(V2.key, &a)[..16], raw_open(V2.key, &b)[..16]);
    for enc in [a, b] {
        let sig = c.signature("1", "2", &enc);
        assert_eq!(c.decrypt_encrypted(&sig, "1", "2", &enc).unwrap().message, "same");
    }
}

// ---------------------------------------------------------------------------------------------
// round trips
// ---------------------------------------------------------------------------------------------

fn round_trip(c: &CallbackCrypto, key: &str, msg: &str, random: [u8; 16]) {
    let enc = c.encrypt_raw(msg, Some(random)).unwrap();
    // Size: base64 of the 32-byte-padded frame.
    let content = 20 + msg.len() + c.receive_id().len();
    let padded = content + pkcs7::pad_len(content);
    assert_eq!(padded % 32, 0);
    assert_eq!(enc.len(), padded.div_ceil(3) * 4, "{} bytes", msg.len());
    // The frame, checked independently.
    assert_eq!(raw_open(key, &enc), framed(&random, msg.as_bytes(), c.receive_id().as_bytes()));
    let sig = c.signature("1409659813", "1372623149", &enc);
    let d = c.decrypt_encrypted(&sig, "1409659813", "1372623149", &enc).unwrap();
    assert_eq!(d.message, msg);
    assert_eq!(d.receive_id, c.receive_id());
    let xml = format!(
        "<xml><ToUserName><![CDATA[x]]></ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt><AgentID>1</AgentID></xml>"
    );
    assert_eq!(c.decrypt(&sig, "1409659813", "1372623149", &xml).unwrap().message, msg);
    let json = format!(r#"{{"tousername":"x","encrypt":"{enc}","agentid":"1"}}"#);
    assert_eq!(c.decrypt(&sig, "1409659813", "1372623149", &json).unwrap().message, msg);
}

#[test]
fn round_trips() {
    let mut rng = XorShift(0x5EED_CA11_BACC_0001);
    let configs = [
        CallbackCrypto::new(V1.token, V1.key, V1.receive_id).unwrap(),
        CallbackCrypto::new(V8.token, V8.key, "").unwrap(),
        CallbackCrypto::new("t", V6.key, "wwd1b2c3d4e5f6a7b8_suite_id_longer_than_a_block").unwrap(),
    ];
    let keys = [V1.key, V8.key, V6.key];
    for (c, key) in configs.iter().zip(keys) {
        // Empty, 1 byte, around every block boundary of the 32-byte padding (content = 20 + msg + rid).
        let mut sizes: Vec<usize> = vec![0, 1, 2, 11, 12, 13, 15, 16, 17];
        for k in 1usize..6 {
            let aligned = (32 * k).saturating_sub(20 + c.receive_id().len());
            sizes.extend([aligned.saturating_sub(1), aligned, aligned + 1]);
            sizes.extend([32 * k - 1, 32 * k, 32 * k + 1]);
        }
        for n in sizes {
            round_trip(c, key, &"a".repeat(n), rng.random16());
        }
        for msg in ["客户联系", "😀", "🧧 红包 & <xml> ]]>", "\0\u{1}\u{feff}é", "企业微信".repeat(200).as_str()]
        {
            round_trip(c, key, msg, rng.random16());
        }
        for _ in 0..40 {
            let n = rng.below(300);
            let msg = rng.text(n);
            round_trip(c, key, &msg, rng.random16());
        }
        // 64 KiB, ASCII and CJK.
        round_trip(c, key, &"x".repeat(64 * 1024), rng.random16());
        round_trip(c, key, &rng.text(64 * 1024 / 3), rng.random16());
    }
}

// ---------------------------------------------------------------------------------------------
// garbage in, typed error out
// ---------------------------------------------------------------------------------------------

fn mutate(rng: &mut XorShift, s: &str) -> String {
    let mut bytes = s.as_bytes().to_vec();
    match rng.below(6) {
        0 => bytes.truncate(rng.below(bytes.len() + 1)),
        1 => {
            if !bytes.is_empty() {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
        }
        2 => {
            let i = rng.below(bytes.len() + 1);
            let n = rng.below(8) + 1;
            let extra = rng.bytes(n);
            bytes.splice(i..i, extra);
        }
        3 => {
            if !bytes.is_empty() {
                let i = rng.below(bytes.len());
                let j = (i + rng.below(20)).min(bytes.len());
                bytes.drain(i..j);
            }
        }
        4 => {
            let pieces = [
                "<",
                ">",
                "</Encrypt>",
                "<Encrypt>",
                "<![CDATA[",
                "]]>",
                "&",
                "&#0;",
                "&#x110000;",
                "<!DOCTYPE x>",
                "\"",
                "{",
                "}",
                "\\u0000",
                "\\ud800",
                "=",
                "+",
                "/",
            ];
            let i = rng.below(bytes.len() + 1);
            let piece = pieces[rng.below(pieces.len())];
            bytes.splice(i..i, piece.bytes());
        }
        _ => {
            let n = rng.below(4);
            for _ in 0..n {
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Calls every entry point; a panic fails the test, every outcome is a value.
fn feed_all(c: &CallbackCrypto, sig: &str, ts: &str, nonce: &str, text: &str) {
    let sig_ok = c.signature(ts, nonce, text);
    assert_eq!(sig_ok.len(), 40);
    for s in [sig, sig_ok.as_str()] {
        let _ = c.verify_url(s, ts, nonce, text);
        let _ = c.decrypt(s, ts, nonce, text);
        let _ = c.decrypt_encrypted(s, ts, nonce, text);
    }
    // The Encrypt text of a mutated envelope, signed, reaches decryption.
    if let Some(start) = text.find("<Encrypt>") {
        let inner = &text[start + 9..];
        let inner = inner.split("</Encrypt>").next().unwrap_or(inner);
        let signed = c.signature(ts, nonce, inner);
        let _ = c.decrypt(&signed, ts, nonce, text);
    }
    if let Ok(reply) = c.encrypt(text, ts, nonce, Some([3; 16])) {
        assert!(reply.starts_with("<xml><Encrypt>"));
    }
    let _ = c.encrypt_raw(text, None);
}

#[test]
fn no_panic_on_garbage() {
    let mut rng = XorShift(0x0DDB_A11F_00D5_7A7E);
    let c = crypto_of(&V2);
    let seeds = [
        format!("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[{}]]></Encrypt><AgentID>218</AgentID></xml>", V2.encrypted),
        format!("<xml><Encrypt>{}</Encrypt></xml>", V2.encrypted),
        format!(r#"{{"tousername":"wx5823bf96d3bd56c7","encrypt":"{}","agentid":"218"}}"#, V2.encrypted),
        V2.encrypted.to_owned(),
        V1.encrypted.to_owned(),
    ];
    // Mutated and truncated envelopes and ciphertexts.
    let mut seen = std::collections::BTreeSet::new();
    for round in 0..1500 {
        let seed = &seeds[round % seeds.len()];
        let mut text = mutate(&mut rng, seed);
        if rng.below(4) == 0 {
            text = mutate(&mut rng, &text);
        }
        feed_all(&c, V2.signature, V2.timestamp, V2.nonce, &text);
        match c.decrypt(V2.signature, V2.timestamp, V2.nonce, &text) {
            Ok(d) => {
                assert_eq!(d.message, V2.message);
                seen.insert("ok");
            }
            Err(e) => {
                seen.insert(e.code());
            }
        }
    }
    // Some mutations were harmless (whitespace, CDATA split…), most were caught by the envelope
    // reader or the signature.
    for code in ["ok", "E_CALLBACK_ENVELOPE", "E_CALLBACK_SIGNATURE"] {
        assert!(seen.contains(code), "{code} never seen: {seen:?}");
    }
    // Valid base64 of random bytes, lengths 0..200 (most not a multiple of 16), signed.
    for len in 0..200 {
        for _ in 0..3 {
            let enc = STANDARD.encode(rng.bytes(len));
            let sig = c.signature("1", "2", &enc);
            let r = c.decrypt_encrypted(&sig, "1", "2", &enc);
            if len == 0 || len % 16 != 0 {
                assert_eq!(r, Err(CallbackError::BadLength), "{len}");
            } else {
                assert!(
                    matches!(
                        r,
                        Err(CallbackError::BadPadding
                            | CallbackError::BadLength
                            | CallbackError::BadEncoding
                            | CallbackError::ReceiveIdMismatch { .. })
                    ),
                    "{len}: {r:?}"
                );
            }
            feed_all(&c, &sig, "1", "2", &enc);
            feed_all(&c, &sig, "1", "2", &format!("<xml><Encrypt>{enc}</Encrypt></xml>"));
        }
    }
    // Random plaintext frames under the right key: lengths, pads and receiveIds all over.
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..400 {
        let blocks = rng.below(8) + 1;
        let mut plain = rng.bytes(blocks * 16);
        if rng.below(2) == 0 {
            let last = plain.len() - 1;
            plain[last] = rng.below(34) as u8;
        }
        if rng.below(2) == 0 && plain.len() >= 20 {
            let claimed = rng.below(plain.len()) as u32;
            plain[16..20].copy_from_slice(&claimed.to_be_bytes());
        }
        let enc = raw_seal(V2.key, &plain);
        let sig = c.signature("1", "2", &enc);
        if let Err(e) = c.decrypt_encrypted(&sig, "1", "2", &enc) {
            seen.insert(e.code());
        }
    }
    // The frames reached every check after decryption.
    for code in ["E_CALLBACK_PADDING", "E_CALLBACK_LENGTH", "E_CALLBACK_RECEIVE_ID"] {
        assert!(seen.contains(code), "{code} never seen: {seen:?}");
    }
    // Random strings as every argument, and random keys/tokens at construction.
    for _ in 0..300 {
        let n = rng.below(60);
        let a = rng.text(n);
        let m = rng.below(12);
        let b = rng.text(m);
        feed_all(&c, &a, &b, &a, &b);
        let k = rng.below(50);
        let key: String = (0..k).map(|_| char::from(rng.bytes(1)[0] % 128)).collect();
        let _ = CallbackCrypto::new(&a, &key, &b);
    }
    // And the instance still works.
    let d = c.decrypt(V2.signature, V2.timestamp, V2.nonce, &seeds[0]).unwrap();
    assert_eq!(d.message, V2.message);
    assert_eq!(c.verify_url(V1.signature, V1.timestamp, V1.nonce, V1.encrypted).as_deref(), Ok(V1.message));
}
