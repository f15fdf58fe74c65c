//! 客户群「加入群聊」 group join ways — <https://developer.work.weixin.qq.com/document/path/92229>.
//! API-created join ways share the 500 000 quota of contact ways (41045, R-JW-06).

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{int_enum, model, open_enum};

/// Most group chats one join way may list (41091, R-JW-04).
pub const MAX_JOIN_WAY_CHATS: usize = 5;

int_enum! {
    /// 场景 / where the join way is used.
    enum JoinWayScene (rule = "R-JW-01") {
        /// 群的小程序插件 / the group mini-program plugin.
        MiniProgram = 1,
        /// 群的二维码插件 / the group QR-code plugin.
        QrCode = 2,
    }
}

int_enum! {
    /// 当群满了后，是否自动新建群，默认为 1 / whether a new group is created when the groups are
    /// full (default 1).
    enum AutoCreateRoom (rule = "R-JW-03") {
        /// 否 / no.
        No = 0,
        /// 是 / yes.
        Yes = 1,
    }
}

open_enum! {
    /// 场景（读取）/ the join way's scene as WeCom returns it.
    enum JoinWaySceneInfo {
        /// 群的小程序插件 / the group mini-program plugin.
        MiniProgram = 1,
        /// 群的二维码插件 / the group QR-code plugin.
        QrCode = 2,
    }
}

impl Default for JoinWaySceneInfo {
    /// A missing `scene` reads as the value 0, which is no scene WeCom defines (`Other(0)`).
    fn default() -> Self {
        Self::from_value(0)
    }
}

open_enum! {
    /// 是否自动新建群（读取）/ auto_create_room as WeCom returns it.
    enum AutoCreateRoomInfo {
        /// 否 / no.
        No = 0,
        /// 是 / yes.
        Yes = 1,
    }
}

/// Appends the settings `add_join_way` and `update_join_way` share to a request `model!` (the
/// settings are declared once; update overwrites every one of them).
macro_rules! with_join_way_settings {
    ($(#[doc = $doc:literal])* request struct $name:ident { $($head:tt)* }) => {
        model! {
            $(#[doc = $doc])*
            request struct $name {
                $($head)*
                /// 联系方式的备注信息，用于助记 / a remark, for your own reference.
                /// 超过 30 个字符将被截断 / WeCom cuts it off after 30 characters (a warning, not an
                /// error).
                remark: Option<String>,
                /// 当群满了后，是否自动新建群：0 否，1 是，默认为 1 / 0 no, 1 yes (default).
                /// Whether a new group is created when the listed groups are full.
                auto_create_room: Option<AutoCreateRoom>,
                /// 自动建群的群名前缀，最长 40 个字符 / name prefix of new groups, at most 40 characters.
                /// 当 auto_create_room 为 1 时有效 / only used when auto_create_room is 1.
                room_base_name: Option<String> [max_chars(40, R_JW_03)],
                /// 自动建群的群起始序号 / the number of the first new group.
                /// 当 auto_create_room 为 1 时有效 / only used when auto_create_room is 1: the n-th
                /// new group is named room_base_name followed by room_base_id + n − 1.
                room_base_id: Option<u32>,
                /// 企业自定义的 state 参数，不超过 30 个字符 / a channel tag, at most 30 characters.
                /// 用于区分不同的入群渠道，groupchat/get 会返回每个群成员对应的该参数值 / it tells
                /// channels apart: groupchat/get returns it for each member who joined through it.
                state: Option<String> [max_chars(30, R_JW_05)],
            }
            rules = [
                // Doc 92229: 「超过30个字符将被截断」 — truncated, not rejected (rules.md §1.13).
                warning(R_JW_02).then(max_chars_of("remark", 30)),
                // 「当auto_create_room为1时有效」: ignored without automatic groups.
                warning(R_JW_03).when(NO_AUTO_CREATE).then(absent("room_base_name", &ONLY_WITH_AUTO_CREATE)),
                warning(R_JW_03).when(NO_AUTO_CREATE).then(absent("room_base_id", &ONLY_WITH_AUTO_CREATE)),
            ];
        }
    };
}

/// The condition of the R-JW-03 warnings: no automatic groups.
const NO_AUTO_CREATE: &[Cond] = &[Cond::Eq("auto_create_room", 0)];

const ONLY_WITH_AUTO_CREATE: Text = Text {
    zh: "仅在 auto_create_room 为 1（自动新建群）时有效，此项被忽略",
    en: "is only used when auto_create_room is 1 (create groups automatically): it is ignored",
};

with_join_way_settings! {
    /// 配置客户群进群方式：生成「加入群聊」的二维码或小程序按钮 —
    /// <https://developer.work.weixin.qq.com/document/path/92229>. Keep the `config_id`: join
    /// ways created through the API are not shown in the admin console.
    request struct AddJoinWayRequest {
        /// 场景：1 群的小程序插件，2 群的二维码插件 / 1 mini-program plugin, 2 QR-code plugin.
        scene: JoinWayScene = "R-JW-01",
        /// 使用该配置的客户群 ID 列表，支持 5 个 / the group chats (chat_id) it leads to, 1 to 5.
        chat_id_list: Vec<String> = "R-JW-04" [min_items(1, R_JW_04), max_items(MAX_JOIN_WAY_CHATS, R_JW_04)],
    }
}

with_join_way_settings! {
    /// 更新客户群进群方式配置：覆盖更新，scene 与 chat_id_list 须重新填写 —
    /// <https://developer.work.weixin.qq.com/document/path/92229>. Every setting left out goes
    /// back to its default.
    request struct UpdateJoinWayRequest {
        /// 企业联系方式的配置 id / the join way's config_id.
        config_id: String = "R-JW-07",
        /// 场景（覆盖更新：必填）/ the scene (required again: update overwrites).
        scene: JoinWayScene = "R-JW-06",
        /// 使用该配置的客户群 ID 列表，支持 5 个 / the group chats (chat_id), 1 to 5.
        /// 覆盖更新：须重新填写 / required again: update overwrites.
        chat_id_list: Vec<String> = "R-JW-06" [min_items(1, R_JW_04), max_items(MAX_JOIN_WAY_CHATS, R_JW_04)],
    }
}

model! {
    /// 以 config_id 指定一个「加入群聊」：获取（get_join_way）与删除（del_join_way）的参数 / the
    /// request of get_join_way and del_join_way — <https://developer.work.weixin.qq.com/document/path/92229>.
    request struct JoinWayIdRequest {
        /// 联系方式的配置 id / the join way's config_id.
        config_id: String = "R-JW-07",
    }
}

model! {
    /// 配置客户群进群方式的结果 / result of add_join_way.
    response struct AddJoinWayResponse {
        /// 配置 id / the new config_id (keep it: it is the only handle).
        config_id: String,
    }
}

model! {
    /// 一个「加入群聊」配置 / one group join way as stored by WeCom.
    ///
    /// `config_id`, `scene` and `chat_id_list` are always sent; `qr_code` only for the QR-code
    /// scene, and the doc page does not say which of the other settings are sent when unset.
    object struct JoinWay {
        /// 配置 id / config_id.
        config_id: String,
        /// 场景：1 群的小程序插件，2 群的二维码插件 / 1 mini-program plugin, 2 QR-code plugin.
        scene: JoinWaySceneInfo,
        /// 备注信息（最多 30 个字符）/ remark (at most 30 characters).
        remark: Option<String>,
        /// 当群满了后，是否自动新建群：0 否，1 是 / create groups automatically: 0 no, 1 yes.
        auto_create_room: Option<AutoCreateRoomInfo>,
        /// 自动建群的群名前缀 / name prefix of auto-created groups.
        room_base_name: Option<String>,
        /// 自动建群的群起始序号 / first number of auto-created groups.
        room_base_id: Option<i64>,
        /// 使用该配置的客户群 ID 列表 / the group chats.
        chat_id_list: Vec<String>,
        /// 联系二维码的 URL，仅在配置为群二维码时返回 / QR code URL, QR-code scene only.
        qr_code: Option<String>,
        /// 企业自定义的 state 参数 / the channel tag.
        state: Option<String>,
    }
}

model! {
    /// 获取客户群进群方式配置的结果 / result of get_join_way.
    response struct GetJoinWayResponse {
        /// 配置详情 / the join way.
        join_way: JoinWay,
    }
}
