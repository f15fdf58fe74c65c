// The demo's "campaign" scenario (issue 12), on the look-alike's world:
//   1. upload an image (media/upload) and a moment attachment (media/upload_attachment)
//   2. a mass message to a tag segment (add_msg_template with tag_filter), confirmed by the member,
//      then its send results (client.paginate over get_groupmsg_send_result)
//   3. a moment (add_moment_task) whose job goes 1 → 2 → 3 as the look-alike's clock advances
//   4. a customer adds a member: WeCom's add_external_contact callback (encrypted and signed) reaches
//      the SDK's callback handler, whose onEvent answers with send_welcome_msg within the 20 s the
//      welcome code lives — the callback handler and the client working together.
import { CallbackCrypto, createCallbackHandler } from '../../pkg/index.mjs';
import { postCallback } from './post-callback.mjs';

/** A tiny PNG (the look-alike checks the extension and the size, not the pixels). */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Runs the scenario against the look-alike `mock`; `show(title, value)` prints a step. */
export async function campaign({ client, mock, show }) {
  // 1. Uploads: a temporary image for the message, an attachment for the moment.
  const { media_id } = await client.uploadMedia({ type: 'image', file: PNG, filename: 'card.png' });
  const { media_id: momentImage } = await client.uploadAttachment({ media_type: 'image', attachment_type: 1, file: new Blob([PNG]), filename: 'moment.png' });
  show('uploads: media/upload and media/upload_attachment', { media_id, momentImage });

  // 2. A mass message to zhangsan's customers carrying the first corp tag, confirmed by zhangsan.
  const { tag_group } = await client.request('externalcontact/get_corp_tag_list', {});
  const tag = tag_group[0].tag[0];
  const sent = await client.request('externalcontact/add_msg_template', {
    chat_type: 'single',
    sender: 'zhangsan',
    tag_filter: { group_list: [{ tag_list: [tag.id] }] },
    text: { content: '双十二会员日：全场 8 折' },
    attachments: [{ msgtype: 'image', image: { media_id } }],
  });
  const before = [];
  for await (const r of client.paginate('externalcontact/get_groupmsg_send_result', { msgid: sent.msgid, userid: 'zhangsan' })) before.push(r.status);
  mock.confirmGroupMsg(sent.msgid, 'zhangsan');
  const results = [];
  for await (const r of client.paginate('externalcontact/get_groupmsg_send_result', { msgid: sent.msgid, userid: 'zhangsan' })) results.push(r);
  const count = (list) => list.reduce((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});
  show(`mass message to the 「${tag.name}」 segment: created, confirmed by zhangsan, results`, {
    msgid: sent.msgid,
    fail_list: sent.fail_list ?? [],
    statusBeforeConfirm: count(before),
    statusAfterConfirm: count(results.map((r) => r.status)),
    first: results[0],
  });

  // 3. A moment: the job runs in the background at WeCom; poll it as the clock advances.
  const { jobid } = await client.request('externalcontact/add_moment_task', {
    text: { content: '新品上市，欢迎到店体验' },
    attachments: [{ msgtype: 'image', image: { media_id: momentImage } }],
    visible_range: { sender_list: { user_list: ['zhangsan', 'lisi'] } },
  });
  const states = [];
  for (let i = 0; i < 10; i += 1) {
    const job = await client.getMomentTaskResult({ jobid });
    states.push(job.status);
    if (job.status === 3) {
      show('moment: the job went 1 → 2 → 3 while the clock advanced', { jobid, states, result: job.result });
      break;
    }
    mock.advanceTime(20);
  }

  // 4. The welcome message, from the callback.
  const crypto = new CallbackCrypto({ token: 'demoToken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', receiveId: client.corpId });
  let welcomed;
  const handle = createCallbackHandler({
    crypto,
    waitForHandler: true,
    onEvent: async (event) => {
      if (event.changeType !== 'add_external_contact' || !event.welcomeCode) return;
      welcomed = await client.request('externalcontact/send_welcome_msg', {
        welcome_code: event.welcomeCode,
        text: { content: '您好，我是您的专属顾问张三，有问题随时找我' },
        attachments: [{ msgtype: 'image', image: { media_id } }],
      });
    },
  });
  const added = mock.addCustomer({ userid: 'zhangsan', name: '新客户', state: 'campaign-1212' });
  const xml = `<xml>${Object.entries(added)
    .map(([k, v]) => (typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join('')}</xml>`;
  const timestamp = Math.floor(Date.now() / 1000);
  const answer = await postCallback(handle, crypto, xml, { timestamp, nonce: 'campaign' });
  show('add_external_contact callback → send_welcome_msg (within the welcome code\'s 20 s)', {
    callbackAnswer: answer.status,
    customer: added.ExternalUserID,
    sendWelcomeMsg: welcomed,
  });
}
