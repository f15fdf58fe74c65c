// What the look-alike does per endpoint: path (without `/cgi-bin/`) → handler. The HTTP method
// and whether a token is needed come from the SDK's declarations (router.mjs), not from here.
// Each group of endpoints lists its handlers in its own map; this file only joins them.

import { addContactWay, delContactWay, getContactWay, listContactWay, updateContactWay } from './contact-way.mjs';
import { closeTempChat, getToken } from './simple-endpoints.mjs';
import { externalUserIdToPendingId } from './pending-id.mjs';
import { corpGroupUnionidToExternalUserid, corpGroupUnionidToPendingId, unionidToExternalUserid } from './unionid.mjs';
import { getNewExternalUserid, groupChatGetNewExternalUserid } from './new-external-userid.mjs';
import { fromServiceExternalUserid, openuseridToUserid } from './service-ids.mjs';
import { externalTagid } from './external-tagid.mjs';
import { convertToOpenid } from './openid.mjs';
import { FOLLOW_USER_HANDLERS } from './follow-users.mjs';
import { CUSTOMER_HANDLERS } from './customers.mjs';
import { contactList } from './contact-list.mjs';
import { TAG_HANDLERS } from './tags.mjs';
import { TRANSFER_HANDLERS } from './transfers.mjs';
import { GROUP_CHAT_HANDLERS } from './groupchats.mjs';
import { JOIN_WAY_HANDLERS } from './join-ways.mjs';
import { MOMENT_HANDLERS } from './moments.mjs';
import { STRATEGY_HANDLERS } from './strategies.mjs';
import { STATISTIC_HANDLERS } from './statistics.mjs';
import { MEDIA_HANDLERS } from './media.mjs';
import { MESSAGE_HANDLERS } from './messages.mjs';
import { WELCOME_HANDLERS } from './welcome.mjs';

/**
 * @typedef {(ctx: import('./contact-way.mjs').HandlerContext) => object} Handler
 */

/** @type {ReadonlyArray<[string, Handler]>} */
const BASE_HANDLERS = [
  ['gettoken', getToken],
  ['externalcontact/add_contact_way', addContactWay],
  ['externalcontact/get_contact_way', getContactWay],
  ['externalcontact/update_contact_way', updateContactWay],
  ['externalcontact/del_contact_way', delContactWay],
  ['externalcontact/list_contact_way', listContactWay],
  ['externalcontact/close_temp_chat', closeTempChat],
  ['corpgroup/batch/external_userid_to_pending_id', externalUserIdToPendingId],
  ['idconvert/batch/external_userid_to_pending_id', externalUserIdToPendingId],
  ['idconvert/unionid_to_external_userid', unionidToExternalUserid],
  ['externalcontact/get_new_external_userid', getNewExternalUserid],
  ['externalcontact/groupchat/get_new_external_userid', groupChatGetNewExternalUserid],
  ['externalcontact/from_service_external_userid', fromServiceExternalUserid],
  ['batch/openuserid_to_userid', openuseridToUserid],
  ['idconvert/external_tagid', externalTagid],
  ['corpgroup/unionid_to_external_userid', corpGroupUnionidToExternalUserid],
  ['corpgroup/unionid_to_pending_id', corpGroupUnionidToPendingId],
  ['externalcontact/convert_to_openid', convertToOpenid],
];

/**
 * Every endpoint the look-alike implements, keyed by path without `/cgi-bin/`.
 * @type {ReadonlyMap<string, Handler>}
 */
export const HANDLERS = new Map([
  ...BASE_HANDLERS,
  ...FOLLOW_USER_HANDLERS,
  ...CUSTOMER_HANDLERS,
  ['externalcontact/contact_list', contactList],
  ...TAG_HANDLERS,
  ...TRANSFER_HANDLERS,
  ...GROUP_CHAT_HANDLERS,
  ...JOIN_WAY_HANDLERS,
  ...MOMENT_HANDLERS,
  ...STRATEGY_HANDLERS,
  ...STATISTIC_HANDLERS,
  ...MEDIA_HANDLERS,
  ...MESSAGE_HANDLERS,
  ...WELCOME_HANDLERS,
]);
