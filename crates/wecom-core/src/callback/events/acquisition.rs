//! `customer_acquisition` — 获客助手事件 (quota, links, conversions), official pages
//! <https://developer.work.weixin.qq.com/document/path/97299> (own apps; 97402 / 99485 for
//! third-party apps, which receive it as `InfoType`).

use serde::Serialize;

use super::fields::Fields;

open_enum! {
    /// `ChangeType` of a `customer_acquisition` event.
    pub enum AcquisitionChange {
        /// 获客额度即将耗尽 (fewer than 20 left).
        BalanceLow = "balance_low",
        /// 使用量已经耗尽.
        BalanceExhausted = "balance_exhausted",
        /// 使用量从零变为非零.
        BalanceIncreased = "balance_increased",
        /// 获客额度即将过期 (`ExpireTime`, `ExpireQuotaNum`).
        QuotaExpireSoon = "quota_expire_soon",
        /// 获客链接不可用 (`LinkId`).
        LinkUnavailable = "link_unavailable",
        /// 删除获客链接 (`LinkId`).
        DeleteLink = "delete_link",
        /// 微信客户打开获客链接 (`LinkId`, `State`; some industries only).
        OpenProfile = "open_profile",
        /// 通过获客链接申请好友 (`LinkId`, `State`).
        FriendRequest = "friend_request",
        /// 成员首次收到客户消息 (`UserID`, `ExternalUserID`, `LinkId`).
        CustomerStartChat = "customer_start_chat",
        /// 成员多次收消息 (`ChatKey` for `customer_acquisition/get_chat_info`, valid 30 minutes).
        MessageFromCustomer = "message_from_customer",
    }
}

/// A `customer_acquisition` event (获客助手事件, doc 97299). Absent fields are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AcquisitionEvent {
    /// `ChangeType` (written as `changeType` at the top of the event's JSON).
    #[serde(skip)]
    pub change_type: AcquisitionChange,
    /// `LinkId`: the acquisition link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    /// `State`: the `customer_channel` appended to the link URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `UserID`: the member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// `ExternalUserID`: the customer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_user_id: Option<String>,
    /// `ChatKey` (`message_from_customer`): for `customer_acquisition/get_chat_info`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_key: Option<String>,
    /// `ExpireTime` (`quota_expire_soon`): when the quota expires, Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<i64>,
    /// `ExpireQuotaNum` (`quota_expire_soon`): how much quota expires then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_quota_num: Option<i64>,
}

impl AcquisitionEvent {
    /// The fields this type reads.
    pub(crate) const FIELDS: &'static [&'static str] =
        &["ChangeType", "LinkId", "State", "UserID", "ExternalUserID", "ChatKey", "ExpireTime", "ExpireQuotaNum"];

    pub(crate) fn read(f: Fields<'_>) -> Self {
        AcquisitionEvent {
            change_type: f.change_type(AcquisitionChange::parse),
            link_id: f.text("LinkId"),
            state: f.text("State"),
            user_id: f.text("UserID"),
            external_user_id: f.text("ExternalUserID"),
            chat_key: f.text("ChatKey"),
            expire_time: f.int("ExpireTime"),
            expire_quota_num: f.int("ExpireQuotaNum"),
        }
    }
}
