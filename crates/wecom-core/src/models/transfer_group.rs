//! 分配客户群：离职成员的（<https://developer.work.weixin.qq.com/document/path/92127>）与在职成员的
//! （<https://developer.work.weixin.qq.com/document/path/95703>）— group chats handed to a new owner.

use crate::model;
use crate::rules::*;

/// Most groups one group-transfer call takes (R-TR-08): 「取值范围： 1 ~ 100」.
pub const MAX_TRANSFER_CHATS: usize = 100;

model! {
    /// 分配客户群给新群主：离职成员的（groupchat/transfer，仅群主已离职的群可继承）与在职成员的
    /// （groupchat/onjob_transfer，90 个自然日内每个群仅可被转接 2 次）/ hands groups to a new owner:
    /// groups of a resigned owner (`groupchat/transfer`, doc 92127) or of an on-job owner
    /// (`groupchat/onjob_transfer`, doc 95703; each group at most twice in 90 natural days). The
    /// new owner must have customer contact enabled, a real name and an activated account; at most
    /// 300 groups of the same person a day. Groups that fail are listed in `failed_chat_list`.
    request struct GroupChatTransferRequest {
        /// 需要转群主的客户群 ID 列表，取值范围 1 ~ 100 / the groups, 1 to 100 chat ids.
        chat_id_list: Vec<String> = "R-TR-08" [min_items(1, R_TR_08), max_items(MAX_TRANSFER_CHATS, R_TR_08)],
        /// 新群主 ID / the new owner's userid.
        new_owner: String = "R-TR-08",
    }
}

model! {
    /// 没能成功继承的群 / a group that was not handed over.
    object struct FailedChat {
        /// 没能成功继承的群 ID / the group.
        chat_id: String,
        /// 没能成功继承的群的错误码 / why the group was not handed over.
        /// 90500 群主并未离职，90501 该群不是客户群，90502 群主已经离职，90503 满人且 99 个微信成员，
        /// 90504 群主没变，90507 离职群正在继承处理中，90508 离职群已经继承，90509 非企业微信客户群 … /
        /// 90500 owner not resigned, 90501 not a customer group, 90502 owner already resigned, 90503
        /// full with 99 WeChat members, 90504 owner unchanged, 90507 in progress, 90508 already
        /// inherited, 90509 not a WeCom customer group …
        errcode: i64,
        /// 错误描述 / errcode's text.
        errmsg: String,
    }
}

model! {
    /// 分配客户群的结果 / result of groupchat/transfer and groupchat/onjob_transfer.
    response struct GroupChatTransferResponse {
        /// 没能成功继承的群 / the groups that were not handed over.
        /// 全部成功时为空（或不返回）/ empty (or absent) when every group was.
        failed_chat_list: Option<Vec<FailedChat>>,
    }
}
