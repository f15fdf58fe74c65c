// Callback security: signature check + decrypt of one WeCom callback, this SDK's CallbackCrypto
// (Rust → wasm) beside the official @wecom/crypto (Node's native OpenSSL), on the same messages.
// Prints figures; asserts nothing (except that both read the same plaintext before measuring).
//   node js-tests/bench/callback.bench.mjs
import * as official from '@wecom/crypto';
import { benchSync, envNumber, fmt, machineLine, pkgLine, pkgUrl, table } from './harness.mjs';

const { CallbackCrypto } = await import(pkgUrl('index.mjs'));

const token = 'QDG6eK';
const encodingAesKey = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const corpId = 'wx5823bf96d3bd56c7';
const ours = new CallbackCrypto({ token, encodingAesKey, receiveId: corpId });

// A customer-added event, padded to exactly 288 bytes of UTF-8 (the size quoted for the peer).
function eventOfBytes(n) {
  const head =
    '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>' +
    '<CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event>' +
    '<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[';
  const tail = ']]></UserID></xml>';
  return head + 'z'.repeat(n - Buffer.byteLength(head + tail)) + tail;
}

function envelope(message, timestamp, nonce) {
  const reply = ours.encrypt(message, { timestamp, nonce, random: 'abcdefghijklmnop' });
  const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(reply)[1];
  const msg_signature = /<MsgSignature><!\[CDATA\[(.*?)\]\]><\/MsgSignature>/.exec(reply)[1];
  const body = `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
  return { msg_signature, timestamp, nonce, body, encrypt };
}

const cases = [
  ['288-byte event', eventOfBytes(288)],
  ['2 KiB event', eventOfBytes(2048)],
];

console.log('# callback: signature check + decrypt, SDK CallbackCrypto vs @wecom/crypto 1.0.1\n');
console.log(await machineLine());
console.log(await pkgLine());
console.log('\nmedian of rounds, interleaved; both sides do the same work: read Encrypt from the XML body,');
console.log('check msg_signature, AES-256-CBC decrypt, unpad, split, compare the receiveId.\n');

const rows = [];
for (const [label, message] of cases) {
  const input = envelope(message, '1409659813', '1372623149');
  // The official package has no envelope parser and does not check the receiveId: the bench does
  // both for it, as an application must.
  const peer = () => {
    const encrypt = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(input.body)[1];
    if (official.getSignature(token, input.timestamp, input.nonce, encrypt) !== input.msg_signature) throw new Error('signature');
    const out = official.decrypt(encodingAesKey, encrypt);
    if (out.id !== corpId) throw new Error('receiveId');
    return out.message;
  };
  const sdk = () => ours.decrypt(input).message;
  if (peer() !== message || sdk() !== message) throw new Error('the two disagree on the plaintext');
  const results = benchSync(
    [
      { name: 'official', fn: peer },
      { name: 'sdk', fn: sdk },
    ],
    { rounds: envNumber('BENCH_ROUNDS', 9), roundMs: envNumber('BENCH_ROUND_MS', 200), warmupMs: envNumber('BENCH_WARMUP_MS', 400) },
  );
  const o = results.get('official');
  const s = results.get('sdk');
  rows.push([label, '@wecom/crypto 1.0.1 (OpenSSL)', fmt(o.median), fmt(1e6 / o.median, 2), '1.00×']);
  rows.push([label, 'SDK CallbackCrypto.decrypt (wasm)', fmt(s.median), fmt(1e6 / s.median, 2), `${(s.median / o.median).toFixed(2)}×`]);
}
console.log(table(['message', 'implementation', 'messages/s (median)', 'µs/message', 'speed vs @wecom/crypto'], rows));
