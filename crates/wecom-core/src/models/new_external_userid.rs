//! external_userid 的升级转换（企业主体 → 服务商主体）—
//! <https://developer.work.weixin.qq.com/document/path/95327>.

use crate::model;
use crate::rules::*;

use super::MAX_CONVERT_IDS;

/// Appends the `external_userid_list` both upgrade endpoints take to a `model!` request
/// declaration (declared once here).
macro_rules! with_external_userid_list {
    ($(#[doc = $doc:literal])* request struct $name:ident { $($own:tt)* } $($tail:tt)*) => {
        model! {
            $(#[doc = $doc])*
            request struct $name {
                $($own)*
                /// 旧的（企业主体）external_userid 列表，1 到 1000 个，建议 200 / old (corp-subject) ids, 1 to 1000 (200 recommended).
                external_userid_list: Vec<String> = "R-ID-03" [min_items(1, R_ID_03), max_items(MAX_CONVERT_IDS, R_ID_03)],
            }
            $($tail)*
        }
    };
}

with_external_userid_list! {
    /// external_userid 升级为服务商主体的新 id — <https://developer.work.weixin.qq.com/document/path/95327>.
    /// 已是新 id 的原样返回；服务商标记「迁移完成」后不能再调用；微信客服的客户仅 48 小时内可转换。
    /// Ids that are already new come back unchanged; refused once the provider marked the corp's
    /// migration finished; WeChat-customer-service ids only within 48 h.
    request struct GetNewExternalUseridRequest {}
}

with_external_userid_list! {
    /// 客户群成员（未加好友）的 external_userid 升级 — <https://developer.work.weixin.qq.com/document/path/95327>.
    /// Upgrades the ids of a group's external members who are not friends of any member.
    request struct GroupChatGetNewExternalUseridRequest {
        /// 客户群 id / the customer group's chat_id.
        chat_id: String = "R-ID-03",
    }
}

model! {
    /// 一个旧 id 与其新 id / one old id with its new id.
    object struct NewExternalUseridItem {
        /// 旧的 external_userid / the old id.
        external_userid: String,
        /// 服务商主体的新 external_userid / the new, provider-subject id.
        new_external_userid: String,
    }
}

model! {
    /// external_userid 升级的结果（两个升级接口相同）/ result of both upgrade endpoints.
    response struct GetNewExternalUseridResponse {
        /// 转换结果 / the pairs.
        items: Vec<NewExternalUseridItem>,
    }
}
