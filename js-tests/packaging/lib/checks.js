// What every bundled app checks, in a browser or in Node, through the package's public API only.
// The app imports the entry it is about (`wecom-external-contact` or `/inline`) and hands its
// namespace here; no top-level await, no Node or DOM API, so that every bundler and output format
// (ESM, CJS, iife) can take it. The runner (expect.mjs) judges the returned summary.

const ADD = 'externalcontact/add_contact_way';
// WeCom's documented callback example (token, EncodingAESKey, corpid).
const CALLBACK = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: 'wx5823bf96d3bd56c7' };

/** The parts of an error worth comparing (no stack: it names bundle paths). */
function describe(e) {
  return { name: e && e.name, code: e && e.code, message: String(e && e.message), isError: e instanceof Error };
}

/**
 * Runs the checks with `pkg` (the imported namespace) against the look-alike `mock`
 * ({ url, corpId, corpSecret }); resolves to a JSON-safe summary with `steps` done so far and,
 * on a failure, `fatal`. `forms`, when given, is the namespace of `wecom-external-contact/validate`
 * bundled into the same app: its errors must be the main entry's classes too (`instanceof` across
 * the two copies, by class name) and keep their names, minified or not.
 */
export async function runChecks(pkg, mock, forms) {
  const out = { steps: [] };
  try {
    out.exports = Object.keys(pkg).sort();
    await pkg.ready();
    out.steps.push('ready');

    const form = { type: 1, scene: 2, user: ['zhangsan'], remark: '前台', state: 'packaging', skip_verify: true };
    const bad = pkg.validate(ADD, { type: 3, scene: 2, user: ['zhangsan'], remark: '备'.repeat(31) }, { locale: 'en' });
    const good = pkg.validate(ADD, form);
    out.validate = {
      badValid: bad.valid,
      badRules: bad.errors.map((e) => e.rule).sort(),
      goodValid: good.valid,
      goodErrors: good.errors.length,
    };
    out.steps.push('validate');
    if (forms) {
      const formsReport = forms.validate(ADD, form);
      let thrown;
      try {
        forms.validate('externalcontact/no_such_endpoint', {});
      } catch (e) {
        thrown = e;
      }
      out.forms = {
        goodValid: formsReport.valid,
        ...describe(thrown),
        isMainUsageError: thrown instanceof pkg.WeComUsageError,
        isMainError: thrown instanceof pkg.WeComError,
      };
      delete out.forms.message;
      out.steps.push('forms');
    }

    const crypto = new pkg.CallbackCrypto(CALLBACK);
    const xml =
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>' +
      '<CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType>' +
      '<Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType>' +
      '<UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA]]></ExternalUserID>' +
      '<State><![CDATA[packaging]]></State></xml>';
    const envelope = crypto.encrypt(xml, { timestamp: '1409659813', nonce: '1372623149' });
    const signature = /<MsgSignature><!\[CDATA\[(.*?)\]\]><\/MsgSignature>/.exec(envelope);
    const decrypted = crypto.decrypt({
      msg_signature: signature ? signature[1] : '',
      timestamp: '1409659813',
      nonce: '1372623149',
      body: envelope,
    });
    const event = pkg.parseEvent(decrypted.message);
    out.callback = {
      sameMessage: decrypted.message === xml,
      receiveId: decrypted.receiveId,
      event: event.event,
      changeType: event.changeType,
    };
    out.steps.push('callback');

    const client = new pkg.WeComClient({ corpId: mock.corpId, corpSecret: mock.corpSecret, baseUrl: mock.url });
    const added = await client.addContactWay(form);
    const got = await client.getContactWay({ config_id: added.config_id });
    let rejected;
    try {
      await client.addContactWay({ type: 3, scene: 2 });
    } catch (e) {
      rejected = describe(e);
    }
    out.client = {
      errcode: added.errcode,
      configIdLength: String(added.config_id).length,
      gotRemark: got.contact_way && got.contact_way.remark,
      rejected,
    };
    out.steps.push('client');
  } catch (e) {
    out.fatal = { ...describe(e), stack: String(e && e.stack) };
  }
  return out;
}
