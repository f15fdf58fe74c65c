// Issue 11's endpoints whose declarations have not reached the SDK's endpoint table yet: their
// HTTP method (api-surface.md §A), so the look-alike serves them meanwhile. A path leaves this
// list as soon as it is declared (router.mjs prefers the declaration; the look-alike's own tests
// fail while a declared path is still listed here).

/** @type {ReadonlyMap<string, 'GET' | 'POST'>} */
export const UNDECLARED_METHODS = new Map([
  ['externalcontact/groupchat/add_join_way', 'POST'],
  ['externalcontact/groupchat/get_join_way', 'POST'],
  ['externalcontact/groupchat/update_join_way', 'POST'],
  ['externalcontact/groupchat/del_join_way', 'POST'],
  ['externalcontact/get_corp_tag_list', 'POST'],
  ['externalcontact/add_corp_tag', 'POST'],
  ['externalcontact/edit_corp_tag', 'POST'],
  ['externalcontact/del_corp_tag', 'POST'],
  ['externalcontact/mark_tag', 'POST'],
  ['externalcontact/get_strategy_tag_list', 'POST'],
  ['externalcontact/add_strategy_tag', 'POST'],
  ['externalcontact/edit_strategy_tag', 'POST'],
  ['externalcontact/del_strategy_tag', 'POST'],
  ['externalcontact/transfer_customer', 'POST'],
  ['externalcontact/transfer_result', 'POST'],
  ['externalcontact/groupchat/onjob_transfer', 'POST'],
  ['externalcontact/get_unassigned_list', 'POST'],
  ['externalcontact/resigned/transfer_customer', 'POST'],
  ['externalcontact/resigned/transfer_result', 'POST'],
  ['externalcontact/groupchat/transfer', 'POST'],
  ['externalcontact/transfer', 'POST'],
  ['externalcontact/get_transfer_result', 'POST'],
  ['externalcontact/groupchat/list', 'POST'],
  ['externalcontact/groupchat/get', 'POST'],
  ['externalcontact/opengid_to_chatid', 'POST'],
]);
