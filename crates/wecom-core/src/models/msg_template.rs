//! 创建企业群发 — <https://developer.work.weixin.qq.com/document/path/92135>.

use crate::cross::*;
use crate::messages::Text;
use crate::model;
use crate::models::attachment::{Attachment, AttachmentImage, AttachmentLink, AttachmentMiniprogram, MsgText};
use crate::rules::*;

/// The most customers one mass message names (`external_userid`).
pub const MAX_MSG_CUSTOMERS: usize = 10_000;
/// The most group chats one mass message names (`chat_id_list`).
pub const MAX_MSG_CHATS: usize = 2000;
/// The most attachments of a message.
pub const MAX_ATTACHMENTS: usize = 9;

model! {
    /// 标签过滤中的一组标签（组内为或的关系）/ one group of tags (OR within the group).
    request struct TagFilterGroup {
        /// 企业标签或规则组标签的 id，最多 100 个 / corp or strategy tag ids, at most 100.
        tag_list: Vec<String> = "R-MS-01" [max_items(100, R_MS_01)],
    }
}

model! {
    /// 要进行群发的客户标签过滤：组间为且的关系 / the tag filter: groups combine with AND.
    request struct TagFilter {
        /// 标签组列表 / the tag groups.
        group_list: Vec<TagFilterGroup> = "R-MS-01",
    }
}

model! {
    /// 创建企业群发：创建后需成员确认才会发送 / create a mass message; nothing is sent until the
    /// member confirms it — <https://developer.work.weixin.qq.com/document/path/92135>.
    request struct AddMsgTemplateRequest {
        /// 群发任务的类型，默认 single 发送给客户，group 发送给客户群 / "single" (default, to
        /// customers) or "group" (to customer group chats).
        chat_type: Option<String>,
        /// 客户的 external_userid 列表，仅在 chat_type 为 single 时有效，最多 1 万个 / customers
        /// (single only), at most 10 000.
        external_userid: Option<Vec<String>> [max_items(MAX_MSG_CUSTOMERS, R_MS_01)],
        /// 客户群 id 列表，仅在 chat_type 为 group 时有效，最多 2000 个 / group chats (group only),
        /// at most 2000 (clients from 4.1.10).
        chat_id_list: Option<Vec<String>> [max_items(MAX_MSG_CHATS, R_MS_01)],
        /// 要进行群发的客户标签列表 / the customer tag filter (single only).
        tag_filter: Option<TagFilter>,
        /// 发送企业群发消息的成员 userid，chat_type 为 group 时必填 / the sending member (required
        /// for group); alone, it selects all of the member's customers.
        sender: Option<String>,
        /// 是否允许成员在待发送客户列表中重新进行选择，默认 false，仅 single 有效 / let the member
        /// re-select recipients (default false; single only).
        allow_select: Option<bool>,
        /// 消息文本 / the text.
        text: Option<MsgText>,
        /// 附件，最多支持添加 9 个 / attachments, at most 9.
        attachments: Option<Vec<Attachment>> [max_items(MAX_ATTACHMENTS, R_MS_02)],
        /// 旧格式的图片（已由 attachments 取代）/ the old API's image (replaced by attachments).
        image: Option<AttachmentImage>,
        /// 旧格式的图文消息（已由 attachments 取代）/ the old API's link (replaced by attachments).
        link: Option<AttachmentLink>,
        /// 旧格式的小程序消息（已由 attachments 取代）/ the old API's mini-program (replaced by attachments).
        miniprogram: Option<AttachmentMiniprogram>,
    }
    rules = [
        error(R_MS_01).then(one_of("chat_type", &["single", "group"], &CHAT_TYPES)),
        error(R_MS_01).when(&[Cond::Is("chat_type", "group")]).then(required("sender")),
        error(R_MS_01).then(at_least_one(&["external_userid", "sender"], &NO_RECIPIENTS)),
        warning(R_MS_01).when(&[Cond::Is("chat_type", "group")]).then(absent("external_userid", &SINGLE_ONLY)),
        warning(R_MS_01).when(&[Cond::Is("chat_type", "group")]).then(absent("tag_filter", &SINGLE_ONLY)),
        warning(R_MS_01).when(&[Cond::Is("chat_type", "group")]).then(absent("allow_select", &SINGLE_ONLY)),
        warning(R_MS_01).when(&[Cond::Is("chat_type", "single")]).then(absent("chat_id_list", &GROUP_ONLY)),
        // The old format's members count as content too (they are reported as R-MS-03).
        error(R_MS_02).then(at_least_one(&["text", "attachments", "image", "link", "miniprogram"], &EMPTY_MESSAGE)),
        warning(R_MS_03).then(absent("image", &OLD_FORMAT)),
        warning(R_MS_03).then(absent("link", &OLD_FORMAT)),
        warning(R_MS_03).then(absent("miniprogram", &OLD_FORMAT)),
    ];
}

const CHAT_TYPES: Text =
    Text { zh: "chat_type 只能是 single 或 group", en: "chat_type must be \"single\" or \"group\"" };
const NO_RECIPIENTS: Text = Text {
    zh: "external_userid 与 sender 不能同时为空",
    en: "external_userid and sender must not both be empty",
};
const SINGLE_ONLY: Text = Text {
    zh: "仅在 chat_type 为 single（发送给客户）时有效，此项被忽略",
    en: "is only used when chat_type is \"single\" (to customers): it is ignored",
};
const GROUP_ONLY: Text = Text {
    zh: "仅在 chat_type 为 group（发送给客户群）时有效，此项被忽略",
    en: "is only used when chat_type is \"group\" (to group chats): it is ignored",
};
/// `text` and `attachments` both empty (add_msg_template, send_welcome_msg).
pub(crate) const EMPTY_MESSAGE: Text =
    Text { zh: "text 与 attachments 不能同时为空", en: "text and attachments must not both be empty" };
const OLD_FORMAT: Text = Text {
    zh: "旧版群发接口的格式，请改用 attachments（最多 9 个附件）",
    en: "is the old mass-message format: use attachments (up to 9)",
};

model! {
    /// 创建企业群发的结果 / the answer of add_msg_template.
    response struct AddMsgTemplateResponse {
        /// 无效或无法发送的 external_userid 或 chatid 列表 / ids that are invalid or cannot be sent to.
        fail_list: Option<Vec<String>>,
        /// 企业群发消息的 id，可用于获取群发消息发送结果 / the mass message's id.
        msgid: String,
    }
}
