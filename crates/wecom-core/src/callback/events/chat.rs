//! `change_external_chat` — 客户群事件 (customer group created, changed, dismissed), official
//! page <https://developer.work.weixin.qq.com/document/path/92130>.

use serde::Serialize;

use super::fields::Fields;

open_enum! {
    /// `ChangeType` of a `change_external_chat` event.
    pub enum ChatChange {
        /// 客户群创建.
        Create = "create",
        /// 客户群变更 (see [`UpdateDetail`]).
        Update = "update",
        /// 客户群解散.
        Dismiss = "dismiss",
    }
}

open_enum! {
    /// `UpdateDetail` of a chat `update` event: what changed.
    pub enum UpdateDetail {
        /// 成员入群 (`JoinScene`, `MemChangeCnt`, `MemChangeList`).
        AddMember = "add_member",
        /// 成员退群 (`QuitScene`, `MemChangeCnt`, `MemChangeList`).
        DelMember = "del_member",
        /// 群主变更.
        ChangeOwner = "change_owner",
        /// 群名变更.
        ChangeName = "change_name",
        /// 群公告变更.
        ChangeNotice = "change_notice",
    }
}

/// A `change_external_chat` event (客户群事件, doc 92130). Absent fields are `None` / empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatEvent {
    /// `ChangeType` (written as `changeType` at the top of the event's JSON).
    #[serde(skip)]
    pub change_type: ChatChange,
    /// `ChatId`: the customer group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chat_id: Option<String>,
    /// `UpdateDetail` (`update` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_detail: Option<UpdateDetail>,
    /// `JoinScene` (`add_member`): 0 invited directly by a member, 1 invited by link, 3 scanned
    /// the group QR code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_scene: Option<i64>,
    /// `QuitScene` (`del_member`): 0 left by themselves, 1 removed by the owner or an admin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quit_scene: Option<i64>,
    /// `MemChangeCnt`: how many members joined or left.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mem_change_cnt: Option<i64>,
    /// `MemChangeList/Item`: the userids / external_userids that joined or left (empty if not
    /// sent; JSON omits it then).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub mem_change_list: Vec<String>,
    /// `LastMemVer`: the member version before this change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_mem_ver: Option<String>,
    /// `CurMemVer`: the member version after it; equal to `groupchat/get`'s `member_version`
    /// means your copy is current.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cur_mem_ver: Option<String>,
}

impl ChatEvent {
    /// The fields this type reads.
    pub(crate) const FIELDS: &'static [&'static str] = &[
        "ChangeType",
        "ChatId",
        "UpdateDetail",
        "JoinScene",
        "QuitScene",
        "MemChangeCnt",
        "MemChangeList",
        "LastMemVer",
        "CurMemVer",
    ];

    pub(crate) fn read(f: Fields<'_>) -> Self {
        ChatEvent {
            change_type: f.change_type(ChatChange::parse),
            chat_id: f.text("ChatId"),
            update_detail: f.parsed("UpdateDetail", UpdateDetail::parse),
            join_scene: f.int("JoinScene"),
            quit_scene: f.int("QuitScene"),
            mem_change_cnt: f.int("MemChangeCnt"),
            mem_change_list: f.list("MemChangeList"),
            last_mem_ver: f.text("LastMemVer"),
            cur_mem_ver: f.text("CurMemVer"),
        }
    }
}
