//! 客户群管理：获取客户群列表（<https://developer.work.weixin.qq.com/document/path/92120>）、
//! 获取客户群详情（<https://developer.work.weixin.qq.com/document/path/92122>）、客户群 opengid 转换
//! （<https://developer.work.weixin.qq.com/document/path/94822>）— customer group chats.
//! For third-party and self-built apps the owner must be in the app's visible range.

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{int_enum, model, open_enum};

/// Most group owners one `groupchat/list` filter takes (R-GC-01): 「用户ID列表。最多100个」.
pub const MAX_OWNER_FILTER_USERIDS: usize = 100;

int_enum! {
    /// 客户群跟进状态过滤 / which groups `groupchat/list` returns, by follow-up state.
    enum GroupChatStatusFilter (rule = "R-GC-01") {
        /// 0 所有列表（即不过滤，默认）/ all groups (no filter, the default).
        All = 0,
        /// 1 离职待继承 / owner resigned, waiting to be inherited.
        OwnerResigned = 1,
        /// 2 离职继承中 / being inherited.
        Inheriting = 2,
        /// 3 离职继承完成 / inherited.
        Inherited = 3,
    }
}

int_enum! {
    /// 是否需要返回群成员的名字 group_chat.member_list.name / whether members' names come back.
    enum GroupChatNeedName (rule = "R-GC-02") {
        /// 0 不返回（默认）/ no (the default).
        No = 0,
        /// 1 返回 / yes.
        Yes = 1,
    }
}

open_enum! {
    /// 客户群跟进状态 / a group's follow-up state.
    enum GroupChatStatus {
        /// 0 跟进人正常 / the owner is on the job.
        Normal = 0,
        /// 1 跟进人离职 / the owner resigned.
        OwnerResigned = 1,
        /// 2 离职继承中 / being inherited.
        Inheriting = 2,
        /// 3 离职继承完成 / inherited.
        Inherited = 3,
    }
}

open_enum! {
    /// 群成员类型 / kind of group member.
    enum GroupChatMemberType {
        /// 1 企业成员 / a member of the corp.
        Member = 1,
        /// 2 外部联系人 / an external contact.
        External = 2,
    }
}

open_enum! {
    /// 入群方式 / how a member joined the group.
    enum GroupChatJoinScene {
        /// 1 由群成员邀请入群（直接邀请入群）/ invited directly by a group member.
        DirectInvite = 1,
        /// 2 由群成员邀请入群（通过邀请链接入群）/ through a member's invitation link.
        InviteLink = 2,
        /// 3 通过扫描群二维码入群 / by scanning the group's QR code.
        QrCode = 3,
    }
}

/// A missing member reads as the value 0 (for `status`: 跟进人正常; for `type` and `join_scene`,
/// which define no 0, `Other(0)`).
macro_rules! default_is_zero {
    ($($name:ident),*) => {$(
        impl Default for $name {
            /// The value 0 (what a missing member reads as).
            fn default() -> Self {
                Self::from_value(0)
            }
        }
    )*};
}
default_is_zero!(GroupChatStatus, GroupChatMemberType, GroupChatJoinScene);

model! {
    /// 群主过滤 / the owners whose groups are listed.
    request struct GroupChatOwnerFilter {
        /// 用户 ID 列表，最多 100 个 / owner userids, at most 100.
        userid_list: Option<Vec<String>> [max_items(MAX_OWNER_FILTER_USERIDS, R_GC_01)],
    }
}

model! {
    /// 获取客户群列表 — <https://developer.work.weixin.qq.com/document/path/92120>.
    /// 不指定 owner_filter 时拉取应用可见范围内全部群主的数据；可见范围超过 1000 人时报错 81017。
    /// Without `owner_filter` every owner in the app's visible range is listed, which fails with
    /// 81017 when that range holds more than 1000 people: narrow it with `owner_filter`.
    request struct GroupChatListRequest {
        /// 客户群跟进状态过滤，默认为 0 / follow-up state filter, default 0 (all).
        status_filter: Option<GroupChatStatusFilter>,
        /// 群主过滤 / owner filter.
        /// 不填表示获取应用可见范围内全部群主的数据 / absent: every owner in the app's visible range.
        owner_filter: Option<GroupChatOwnerFilter>,
        /// 旧版分页偏移量，已废弃 / the legacy offset, deprecated: use `cursor`.
        /// offset + limit 不能超过 50000，该方案将废弃，请改用 cursor / offset + limit ≤ 50 000;
        /// deprecated by the docs in favour of `cursor` (a warning).
        offset: Option<u32> [range(0, 49_999, R_GC_01)],
        /// 分页游标，由上一次调用返回，首次调用不填 / the previous answer's cursor (absent at first).
        cursor: Option<String>,
        /// 分页，预期请求的数据量，取值范围 1 ~ 1000（必填）/ page size, 1 to 1000 (required).
        limit: u32 = "R-GC-01" [range(1, 1000, R_GC_01)],
    }
    rules = [warning(R_GC_01).then(absent("offset", &OFFSET_DEPRECATED))];
}

const OFFSET_DEPRECATED: Text = Text {
    zh: "offset + limit 分页方案已被官方废弃，请改用 cursor + limit 分页",
    en: "offset + limit paging is deprecated by WeCom: page with cursor + limit instead",
};

model! {
    /// 客户群列表中的一项 / one group of groupchat/list.
    object struct GroupChatRef {
        /// 客户群 ID / the group's chat_id.
        chat_id: String,
        /// 客户群跟进状态 / the group's follow-up state.
        /// 0 跟进人正常，1 跟进人离职，2 离职继承中，3 离职继承完成 / 0 normal, 1 owner resigned, 2 being
        /// inherited, 3 inherited.
        status: GroupChatStatus,
    }
}

model! {
    /// 获取客户群列表的结果 / result of groupchat/list.
    response struct GroupChatListResponse {
        /// 客户群列表 / this page's groups.
        group_chat_list: Vec<GroupChatRef>,
        /// 分页游标，为空表示已没有更多数据 / the next page's cursor; absent or empty when done.
        next_cursor: Option<String>,
    }
}

model! {
    /// 获取客户群详情 — <https://developer.work.weixin.qq.com/document/path/92122>.
    /// 群信息变动时会立即收到群变更事件，但部分信息是异步处理，可能需要等一段时间才能得到最新结果。
    /// After a change event some of the group's data is updated asynchronously: an immediate read
    /// may still show the old state.
    request struct GroupChatGetRequest {
        /// 客户群 ID / the group's chat_id.
        chat_id: String = "R-GC-02",
        /// 是否需要返回群成员的名字：0 不返回（默认），1 返回 / 1: also return members' names.
        need_name: Option<GroupChatNeedName>,
    }
}

model! {
    /// 邀请者 / who invited a member.
    object struct GroupChatInvitor {
        /// 邀请者的 userid / the inviting member.
        userid: String,
    }
}

model! {
    /// 群成员 / a member of a group.
    object struct GroupChatMember {
        /// 群成员 id / the member's id.
        /// 企业成员为 userid，外部联系人为 external_userid / a userid for corp members, an
        /// external_userid for external contacts.
        userid: String,
        /// 成员类型：1 企业成员，2 外部联系人 / 1 corp member, 2 external contact.
        r#type: GroupChatMemberType,
        /// 外部联系人的微信 unionid / the external contact's WeChat unionid.
        /// 仅当群成员类型是微信用户且企业绑定了微信开发者 ID 时有此字段，第三方不可获取 / only for
        /// WeChat users when the corp bound a WeChat developer id; never for third-party apps.
        unionid: Option<String>,
        /// 入群时间（秒）/ when the member joined, unix seconds.
        join_time: i64,
        /// 入群方式 / how the member joined.
        /// 1 直接邀请入群，2 通过邀请链接入群，3 通过扫描群二维码入群 / 1 invited directly, 2 invitation
        /// link, 3 QR code.
        join_scene: GroupChatJoinScene,
        /// 邀请者 / who invited the member.
        /// 目前仅当是由本企业内部成员邀请入群时会返回 / only when a member of the corp did.
        invitor: Option<GroupChatInvitor>,
        /// 在群里的昵称 / the member's nickname in the group.
        group_nickname: Option<String>,
        /// 名字，仅当 need_name = 1 时返回 / the name, only with need_name = 1.
        /// 微信用户为其在微信中设置的名字，企业微信联系人为其对外展示的别名或实名 / a WeChat user's WeChat
        /// name; a WeCom contact's external alias or real name.
        name: Option<String>,
        /// 入群渠道（「加入群聊」方式的 state）/ the `state` of the join way the member came by.
        state: Option<String>,
    }
}

model! {
    /// 群管理员 / a group admin.
    object struct GroupChatAdmin {
        /// 群管理员 userid / the admin's userid.
        userid: String,
    }
}

model! {
    /// 客户群详情 / a group's details.
    object struct GroupChatDetail {
        /// 客户群 ID / the group's chat_id.
        chat_id: String,
        /// 群名 / the group's name.
        name: String,
        /// 群主 ID / the owner's userid.
        owner: String,
        /// 群的创建时间（秒）/ when the group was created, unix seconds.
        create_time: i64,
        /// 群公告，未设置时可能不返回 / the group notice (may be absent when none is set).
        notice: Option<String>,
        /// 群成员列表 / the members.
        member_list: Vec<GroupChatMember>,
        /// 群管理员列表 / the admins.
        admin_list: Vec<GroupChatAdmin>,
        /// 当前群成员版本号 / the member list's version.
        /// 可配合客户群变更事件减少主动调用次数 / compare it with the change event's to skip needless reads.
        member_version: Option<String>,
    }
}

model! {
    /// 获取客户群详情的结果 / result of groupchat/get.
    response struct GroupChatGetResponse {
        /// 客户群详情 / the group.
        group_chat: GroupChatDetail,
    }
}

model! {
    /// 客户群 opengid 转换 — <https://developer.work.weixin.qq.com/document/path/94822>.
    /// 用户在微信里的客户群里打开小程序时可获取群的 opengid；仅支持企业服务人员创建的客户群，仅可转换出
    /// 自己企业下的客户群 chat_id / converts the opengid a mini-program gets inside a WeChat group
    /// into the customer group's chat_id: groups created by the corp's service members only, and
    /// only the caller's own corp's groups (90511 for an unknown opengid).
    request struct OpengidToChatidRequest {
        /// 小程序在微信获取到的群 ID（wx.getGroupEnterInfo）/ the group id the mini-program got.
        opengid: String = "R-GC-03",
    }
}

model! {
    /// 客户群 opengid 转换的结果 / result of opengid_to_chatid.
    response struct OpengidToChatidResponse {
        /// 客户群 ID，可以用来调用获取客户群详情 / the group's chat_id (for groupchat/get).
        chat_id: String,
    }
}
