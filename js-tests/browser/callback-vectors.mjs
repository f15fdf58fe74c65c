// The conformance vectors of the callback crypto (rules reference §4.2: V1, V2 official samples,
// V6, V7 wechatpy, V8 go-workwx), the key-format vectors and the negative cases, as data plus a
// runner that works in Node and in a browser page: runVectors(api) → [{ name, ok, detail }].

export const VECTORS = [
  {
    "name": "V1",
    "kind": "url",
    "token": "QDG6eK",
    "encodingAesKey": "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    "receiveId": "wx5823bf96d3bd56c7",
    "timestamp": "1409659589",
    "nonce": "263014780",
    "signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    "random": "c41b64491c2468d0",
    "echostr": "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
    "message": "1616140317555161061"
  },
  {
    "name": "V2",
    "kind": "message",
    "token": "QDG6eK",
    "encodingAesKey": "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
    "receiveId": "wx5823bf96d3bd56c7",
    "timestamp": "1409659813",
    "nonce": "1372623149",
    "signature": "477715d11cdb4164915debcba66cb864d751f3e6",
    "random": "0960688932c47ef1",
    "encrypt": "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==",
    "message": "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>"
  },
  {
    "name": "V6",
    "kind": "url",
    "token": "123456",
    "encodingAesKey": "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    "receiveId": "wx49f0ab532d5d035a",
    "timestamp": "1411443780",
    "nonce": "437374425",
    "signature": "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96",
    "random": "2304fc2fe146f1f8",
    "echostr": "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==",
    "message": "5927782489442352469"
  },
  {
    "name": "V7",
    "kind": "message",
    "token": "123456",
    "encodingAesKey": "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    "receiveId": "wx49f0ab532d5d035a",
    "timestamp": "1411525903",
    "nonce": "461056294",
    "signature": "74d92dfeb87ba7c714f89d98870ae5eb62dff26d",
    "random": "ec90b1530358d4d3",
    "encrypt": "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=",
    "message": "<xml><ToUserName><![CDATA[wx49f0ab532d5d035a]]></ToUserName>\n<FromUserName><![CDATA[messense]]></FromUserName>\n<CreateTime>1411525903</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<MsgId>4363689963896700987</MsgId>\n<AgentID>1</AgentID>\n</xml>"
  },
  {
    "name": "V8",
    "kind": "url",
    "token": "kjr2TKI8umCBfVF3wAHk8JiPwma5VBme",
    "encodingAesKey": "4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIws",
    "receiveId": "ww6a112864f8022910",
    "timestamp": "1583940690",
    "nonce": "VHh7ymSeb0jc4lSb",
    "signature": "1ba3cb09c0d2c2b3ed6900d37f91a6efae6cb011",
    "random": "5QMsYcwjR95t2vmC",
    "echostr": "6KmUQuPVu7UhjyVqRdbo5SfcRqaHvbUlKSHFvBV2ZuR6TIlKsygcfeSd1GDplg1C5KSKr6UPHCaC/nIX3ZNt9w==",
    "message": "94966531020182955848408"
  }
];

/** EncodingAESKeys that must be refused at construction (go-workwx negatives). */
export const BAD_KEYS = [
  '',
  '123456789012345678901234567890123456789012',
  '12345678901234567890123456789012345678901234',
  '4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIw=',
  '4Ma3YBrSBbX2aez8MJpXGBne5LSDwgGqHbhM9WPYIw$',
];

function check(results, name, fn) {
  try {
    const detail = fn();
    results.push({ name, ok: detail === true, detail: detail === true ? '' : String(detail) });
  } catch (e) {
    results.push({ name, ok: false, detail: `${e?.name}: ${e?.code} ${e?.message}` });
  }
}

function expectError(fn, Class, code) {
  try {
    fn();
    return 'no error thrown';
  } catch (e) {
    if (!(e instanceof Class)) return `wrong class ${e?.name}`;
    return e.code === code ? true : `code ${e.code}, wanted ${code}`;
  }
}

const envelopeXml = (v) =>
  `<xml><ToUserName><![CDATA[${v.receiveId}]]></ToUserName><Encrypt><![CDATA[${v.encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;

/** Runs every vector against the package's exports. */
export function runVectors({ CallbackCrypto, WeComCallbackError, WeComConfigError }) {
  const results = [];
  for (const v of VECTORS) {
    const cb = new CallbackCrypto({ token: v.token, encodingAesKey: v.encodingAesKey, receiveId: v.receiveId });
    const ciphertext = v.kind === 'url' ? v.echostr : v.encrypt;
    check(results, `${v.name} signature`, () => cb.signature(v.timestamp, v.nonce, ciphertext) === v.signature || 'signature differs');
    if (v.kind === 'url') {
      check(results, `${v.name} verifyUrl`, () => {
        const out = cb.verifyUrl({ msg_signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, echostr: v.echostr });
        return out === v.message || `got ${JSON.stringify(out)}`;
      });
    } else {
      check(results, `${v.name} decrypt (XML envelope)`, () => {
        const out = cb.decrypt({ msg_signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, body: envelopeXml(v) });
        return (out.message === v.message && out.receiveId === v.receiveId) || `got ${JSON.stringify(out)}`;
      });
      check(results, `${v.name} decrypt (JSON envelope)`, () => {
        const body = JSON.stringify({ tousername: v.receiveId, encrypt: v.encrypt, agentid: '218' });
        const out = cb.decrypt({ msg_signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, body });
        return out.message === v.message || `got ${JSON.stringify(out)}`;
      });
    }
    // Encrypting the plaintext with the vector's random prefix gives the vector's ciphertext.
    check(results, `${v.name} encrypt reproduces the ciphertext`, () => {
      const reply = cb.encrypt(v.message, { timestamp: v.timestamp, nonce: v.nonce, random: v.random });
      const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(reply)?.[1];
      const signature = /<MsgSignature><!\[CDATA\[(.*?)\]\]><\/MsgSignature>/.exec(reply)?.[1];
      if (encrypt !== ciphertext) return `ciphertext differs: ${encrypt}`;
      if (signature !== v.signature) return `signature differs: ${signature}`;
      return /<TimeStamp>\d+<\/TimeStamp>/.test(reply) || 'no <TimeStamp>';
    });
  }
  const v6 = VECTORS.find((v) => v.name === 'V6');
  const v8 = VECTORS.find((v) => v.name === 'V8');
  const cb6 = new CallbackCrypto({ token: v6.token, encodingAesKey: v6.encodingAesKey, receiveId: v6.receiveId });
  const cb8 = new CallbackCrypto({ token: v8.token, encodingAesKey: v8.encodingAesKey, receiveId: v8.receiveId });
  const q6 = { msg_signature: v6.signature, timestamp: v6.timestamp, nonce: v6.nonce, echostr: v6.echostr };
  check(results, 'V6 with nonce 437374424 fails the signature', () =>
    expectError(() => cb6.verifyUrl({ ...q6, nonce: '437374424' }), WeComCallbackError, 'E_CALLBACK_SIGNATURE'));
  check(results, 'V8 with signature …cb010 fails', () =>
    expectError(() => cb8.verifyUrl({ msg_signature: '1ba3cb09c0d2c2b3ed6900d37f91a6efae6cb010', timestamp: v8.timestamp, nonce: v8.nonce, echostr: v8.echostr }), WeComCallbackError, 'E_CALLBACK_SIGNATURE'));
  check(results, 'signature "12345" fails', () => expectError(() => cb6.verifyUrl({ ...q6, msg_signature: '12345' }), WeComCallbackError, 'E_CALLBACK_SIGNATURE'));
  check(results, 'a wrong receiveId names both ids', () => {
    const other = new CallbackCrypto({ token: v6.token, encodingAesKey: v6.encodingAesKey, receiveId: 'wwOTHER' });
    try {
      other.verifyUrl(q6);
      return 'no error thrown';
    } catch (e) {
      return (e instanceof WeComCallbackError && e.code === 'E_CALLBACK_RECEIVE_ID' && e.expected === 'wwOTHER' && e.actual === v6.receiveId) || `${e.code} ${e.expected} ${e.actual}`;
    }
  });
  check(results, 'a key of another app gives a typed error, not a crash', () => {
    const wrong = new CallbackCrypto({ token: v6.token, encodingAesKey: v8.encodingAesKey, receiveId: v6.receiveId });
    try {
      wrong.verifyUrl(q6);
      return 'no error thrown';
    } catch (e) {
      return (e instanceof WeComCallbackError && /^E_CALLBACK_(PADDING|LENGTH|ENCODING|RECEIVE_ID)$/.test(e.code)) || `${e?.name} ${e?.code}`;
    }
  });
  for (const key of BAD_KEYS) {
    check(results, `bad EncodingAESKey ${JSON.stringify(key)} is refused at construction`, () =>
      expectError(() => new CallbackCrypto({ token: 't', encodingAesKey: key, receiveId: 'ww' }), WeComConfigError, 'E_CALLBACK_BAD_KEY'));
  }
  check(results, 'an empty token is refused at construction', () =>
    expectError(() => new CallbackCrypto({ token: '', encodingAesKey: v8.encodingAesKey, receiveId: 'ww' }), WeComConfigError, 'E_CALLBACK_CONFIG'));
  check(results, 'a missing receiveId is refused at construction', () =>
    expectError(() => new CallbackCrypto({ token: 't', encodingAesKey: v8.encodingAesKey }), WeComConfigError, 'E_CALLBACK_CONFIG'));
  check(results, "receiveId '' (personal-subject apps) is accepted and round-trips", () => {
    const cb = new CallbackCrypto({ token: 't', encodingAesKey: v8.encodingAesKey, receiveId: '' });
    const reply = cb.encrypt('hello', { timestamp: '1', nonce: 'n' });
    const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(reply)[1];
    const out = cb.decrypt({ msg_signature: cb.signature('1', 'n', encrypt), timestamp: '1', nonce: 'n', body: reply });
    return (out.message === 'hello' && out.receiveId === '') || JSON.stringify(out);
  });
  return results;
}
