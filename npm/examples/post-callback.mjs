// The demo's stand-in for WeCom posting a callback: encrypts and signs `xml` as WeCom does
// (CallbackCrypto.encrypt gives the envelope with its MsgSignature) and hands the request to a
// handler made by createCallbackHandler, resolving with the handler's answer.
export function postCallback(handle, crypto, xml, { timestamp, nonce }) {
  const sealed = crypto.encrypt(xml, { timestamp, nonce });
  const signature = /<MsgSignature><!\[CDATA\[(.*?)\]\]>/.exec(sealed)[1];
  return handle({ method: 'POST', url: `/wecom/callback?msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, body: sealed });
}
