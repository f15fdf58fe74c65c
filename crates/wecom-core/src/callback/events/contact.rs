//! `change_external_contact` — 企业客户事件 (customer added, edited, deleted…), official page
//! <https://developer.work.weixin.qq.com/document/path/92130>.

use serde::Serialize;

use super::fields::Fields;

open_enum! {
    /// `ChangeType` of a `change_external_contact` event.
    pub enum ContactChange {
        /// 添加企业客户: a member added a customer (`State`, `WelcomeCode` may come with it).
        AddExternalContact = "add_external_contact",
        /// 编辑企业客户: a member edited a customer's remark etc.
        EditExternalContact = "edit_external_contact",
        /// 外部联系人免验证添加成员: the customer added the member, not yet accepted.
        AddHalfExternalContact = "add_half_external_contact",
        /// 删除企业客户: the member deleted the customer (`Source` says why).
        DelExternalContact = "del_external_contact",
        /// 删除跟进成员: the customer deleted or blocked the member.
        DelFollowUser = "del_follow_user",
        /// 客户接替失败: a transfer to `UserID` failed (`FailReason`).
        TransferFail = "transfer_fail",
        /// 客户同意进行聊天内容存档 (会话存档).
        MsgAuditApproved = "msg_audit_approved",
    }
}

open_enum! {
    /// `FailReason` of a `transfer_fail` event.
    pub enum FailReason {
        /// 客户拒绝.
        CustomerRefused = "customer_refused",
        /// 接替成员的客户数达到上限.
        CustomerLimitExceed = "customer_limit_exceed",
    }
}

open_enum! {
    /// `Source` of a `del_external_contact` event.
    pub enum DeleteSource {
        /// The customer was removed by a transfer (在职/离职继承).
        DeleteByTransfer = "DELETE_BY_TRANSFER",
    }
}

/// A `change_external_contact` event (企业客户事件, doc 92130). Absent fields are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactEvent {
    /// `ChangeType` (written as `changeType` at the top of the event's JSON).
    #[serde(skip)]
    pub change_type: ContactChange,
    /// `UserID`: the member (for `transfer_fail`, the member taking over).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// `ExternalUserID`: the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_user_id: Option<String>,
    /// `State`: the `state` of the 「联系我」 way or acquisition link the customer came through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `WelcomeCode`: for `send_welcome_msg`, valid 20 seconds; only when no console welcome
    /// message is configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub welcome_code: Option<String>,
    /// `FailReason` (`transfer_fail`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fail_reason: Option<FailReason>,
    /// `Source` (`del_external_contact`): `DELETE_BY_TRANSFER` when removed by a transfer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<DeleteSource>,
    /// `LinkId`: the 获客链接 the customer came through, when WeCom sends it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
}

impl ContactEvent {
    /// The fields this type reads.
    pub(crate) const FIELDS: &'static [&'static str] =
        &["ChangeType", "UserID", "ExternalUserID", "State", "WelcomeCode", "FailReason", "Source", "LinkId"];

    pub(crate) fn read(f: Fields<'_>) -> Self {
        ContactEvent {
            change_type: f.change_type(ContactChange::parse),
            user_id: f.text("UserID"),
            external_user_id: f.text("ExternalUserID"),
            state: f.text("State"),
            welcome_code: f.text("WelcomeCode"),
            fail_reason: f.parsed("FailReason", FailReason::parse),
            source: f.parsed("Source", DeleteSource::parse),
            link_id: f.text("LinkId"),
        }
    }
}
