//! 跟进人信息：成员与客户之间的关系（备注、标签、来源）/ a member's follow relation with a customer
//! (remark, tags, how they were added) — <https://developer.work.weixin.qq.com/document/path/92114>
//! (`follow_user`) and <https://developer.work.weixin.qq.com/document/path/92994> (`follow_info`).

use super::customer_profile::default_wire_zero;
use crate::{model, open_enum};

open_enum! {
    /// 该成员添加此客户的来源 / how the member added the customer (来源定义 of doc 92114; R-CU-06).
    /// 7 comes from go-workwx's list, 11–16 from the newer page (and WxJava's `AddWays`).
    enum AddWay {
        /// 0 未知来源 / unknown.
        Unknown = 0,
        /// 1 扫描二维码 / scanned a QR code.
        QrCode = 1,
        /// 2 搜索手机号 / searched a phone number.
        PhoneSearch = 2,
        /// 3 名片分享 / a shared business card.
        CardShare = 3,
        /// 4 群聊 / a group chat.
        GroupChat = 4,
        /// 5 手机通讯录 / the phone's address book.
        PhoneContacts = 5,
        /// 6 微信联系人 / WeChat contacts.
        WechatContacts = 6,
        /// 7 来自微信的添加好友申请 / a WeChat friend request (go-workwx).
        WechatFriendRequest = 7,
        /// 8 安装第三方应用时自动添加的客服人员 / support staff added when a third-party app was
        /// installed.
        ThirdPartyAppSupport = 8,
        /// 9 搜索邮箱 / searched an email address.
        EmailSearch = 9,
        /// 10 视频号添加 / from a WeChat Channels account (see `wechat_channels`).
        WechatChannels = 10,
        /// 11 通过日程参与人添加 / a calendar event's participants.
        Calendar = 11,
        /// 12 通过会议参与人添加 / a meeting's participants.
        Meeting = 12,
        /// 13 添加微信好友对应的企业微信 / the WeCom account of a WeChat friend.
        WechatFriendWecom = 13,
        /// 14 通过智慧硬件专属客服添加 / smart-hardware dedicated support.
        SmartHardwareSupport = 14,
        /// 15 通过上门服务客服添加 / on-site service support.
        OnSiteService = 15,
        /// 16 通过获客链接添加 / a customer acquisition link.
        AcquisitionLink = 16,
        /// 201 内部成员共享 / shared by another member.
        SharedByMember = 201,
        /// 202 管理员/负责人分配 / assigned by an admin or a leader.
        AssignedByAdmin = 202,
    }
}

open_enum! {
    /// 该成员添加此外部联系人所打标签类型 / the kind of a tag on the customer (R-CU-06).
    enum FollowTagType {
        /// 1 企业设置 / a corp tag.
        Corp = 1,
        /// 2 用户自定义（不返回 tag_id）/ a member's personal tag (no tag_id).
        Personal = 2,
        /// 3 规则组标签（仅系统应用返回）/ a strategy-group tag (sent to the system app only).
        Strategy = 3,
    }
}

open_enum! {
    /// 视频号添加场景 / where on WeChat Channels the customer added the member (older WeChat
    /// versions, or adds before 2022-04-21, give 0).
    enum WechatChannelsSource {
        /// 0 未知 / unknown.
        Unknown = 0,
        /// 1 视频号主页 / the account's home page.
        Homepage = 1,
        /// 2 视频号直播间 / a live stream.
        LiveRoom = 2,
        /// 3 视频号留资服务 / the lead-capture service (WxJava's bean; not on the doc page yet).
        LeadCapture = 3,
    }
}

default_wire_zero!(AddWay, FollowTagType);

model! {
    /// 该成员添加此客户的来源 add_way 为 10 时，对应的视频号信息 / the WeChat Channels account the
    /// customer came from (add_way 10).
    object struct FollowWechatChannels {
        /// 视频号名称 / the account's name.
        nickname: String,
        /// 视频号添加场景：0 未知，1 视频号主页，2 视频号直播间 / 0 unknown, 1 home page, 2 live stream.
        source: Option<WechatChannelsSource>,
    }
}

model! {
    /// 该成员给此客户打的标签 / a tag the member put on the customer (externalcontact/get only;
    /// batch/get_by_user gives `tag_id` instead).
    object struct FollowUserTag {
        /// 标签的分组名称 / the tag group's name.
        group_name: Option<String>,
        /// 标签名称 / the tag's name.
        tag_name: String,
        /// 企业标签的 id；用户自定义类型标签（type=2）不返回 / the corp tag's id (absent for
        /// personal tags, type 2).
        tag_id: Option<String>,
        /// 标签类型：1 企业设置，2 用户自定义，3 规则组标签（仅系统应用返回）/ 1 corp, 2 personal,
        /// 3 strategy group (system app only).
        r#type: FollowTagType,
    }
}

/// Appends the members `follow_user` (externalcontact/get) and `follow_info`
/// (batch/get_by_user) share to an `object struct` declaration (declared once here).
macro_rules! with_follow_fields {
    ($(#[doc = $doc:literal])* object struct $name:ident { $($own:tt)* }) => {
        model! {
            $(#[doc = $doc])*
            object struct $name {
                /// 添加了此外部联系人的企业成员 userid / the member's userid.
                userid: String,
                /// 该成员对此外部联系人的备注 / the member's remark on the customer.
                remark: String,
                /// 该成员对此外部联系人的描述 / the member's description of the customer.
                description: String,
                /// 该成员添加此外部联系人的时间（秒）/ when the member added the customer (unix seconds).
                createtime: i64,
                $($own)*
                /// 该成员对此微信客户备注的企业名称（仅微信客户有该字段）/ the corp name the member noted
                /// (WeChat customers only).
                remark_corp_name: Option<String>,
                /// 该成员对此客户备注的手机号码；第三方不可获取 / the phone numbers the member noted (not
                /// for third-party apps).
                remark_mobiles: Option<Vec<String>>,
                /// 发起添加的 userid：成员主动添加为成员 userid，客户主动添加为客户的 external_userid，
                /// 共享/分配为对应成员或管理员 / who started the add: the member, the customer's
                /// external_userid, or the sharing member / assigning admin.
                oper_userid: Option<String>,
                /// 该成员添加此客户的来源 / how the member added the customer.
                add_way: AddWay,
                /// add_way 为 10 时对应的视频号信息 / the WeChat Channels account (add_way 10).
                wechat_channels: Option<FollowWechatChannels>,
                /// 企业自定义的 state 参数，区分客户通过哪个「联系我」或获客链接添加 / the `state` of
                /// the contact way or acquisition link the customer came through.
                state: Option<String>,
            }
        }
    };
}

with_follow_fields! {
    /// 添加了此外部联系人的企业成员 / one member following the customer (externalcontact/get
    /// `follow_user`). Only members in the app's visible range are listed.
    object struct FollowUser {
        /// 该成员给此外部联系人打的标签；没有时不返回 / the member's tags on the customer (absent
        /// when none).
        tags: Option<Vec<FollowUserTag>>,
    }
}

with_follow_fields! {
    /// 企业成员客户跟进信息 / the calling member's follow relation (batch/get_by_user
    /// `follow_info`): like `follow_user`, but tags as `tag_id` (corp and strategy tags only,
    /// no personal tags).
    object struct FollowInfo {
        /// 企业标签和规则组标签的 id（个人标签不返回）/ ids of the corp and strategy tags (personal
        /// tags are not listed).
        tag_id: Option<Vec<String>>,
    }
}
