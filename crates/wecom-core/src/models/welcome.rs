//! 发送新客户欢迎语（doc 92137）与入群欢迎语素材管理（doc 92366）.

use crate::cross::*;
use crate::messages::Text;
use crate::models::attachment::{
    Attachment, AttachmentImage, AttachmentLink, AttachmentMedia, AttachmentMiniprogram, MsgText, ReceivedImage,
    ReceivedLink, ReceivedMedia, ReceivedMiniprogram, ReceivedText,
};
use crate::models::msg_template::{EMPTY_MESSAGE, MAX_ATTACHMENTS};
use crate::rules::*;
use crate::{int_enum, model};

model! {
    /// 发送新客户欢迎语：welcome_code 来自添加外部联系人事件，20 秒内有效且只能使用一次 /
    /// send the welcome message with the welcome_code of an add_external_contact event (valid
    /// 20 s, usable once) — <https://developer.work.weixin.qq.com/document/path/92137>.
    request struct SendWelcomeMsgRequest {
        /// 通过添加外部联系人事件推送给企业的发送欢迎语的凭证，有效期为 20 秒 / the event's welcome code.
        welcome_code: String = "R-MS-10",
        /// 消息文本，最多 4000 个字节 / the text, at most 4000 bytes.
        text: Option<MsgText>,
        /// 附件，最多 9 个 / attachments, at most 9.
        attachments: Option<Vec<Attachment>> [max_items(MAX_ATTACHMENTS, R_MS_10)],
    }
    rules = [error(R_MS_10).then(at_least_one(&["text", "attachments"], &EMPTY_MESSAGE))];
}

model! {
    /// 入群欢迎语文本（添加时最多 3000 个字节）/ template text on add (at most 3000 bytes).
    request struct WelcomeTemplateTextAdd {
        /// 消息文本内容，最长 3000 个字节，可用 %NICKNAME% 代表客户昵称 / text, at most 3000 bytes;
        /// %NICKNAME% (case-sensitive) stands for the customer's nickname.
        content: Option<String> [max_bytes(3000, R_MS_11)],
    }
}

model! {
    /// 入群欢迎语文本（编辑时最多 4000 个字节：同一文档页添加写 3000、编辑写 4000，各依其表）/
    /// template text on edit (at most 4000 bytes: the same page says 3000 for add and 4000 for
    /// edit; each endpoint follows its own table).
    request struct WelcomeTemplateTextEdit {
        /// 消息文本内容，最长 4000 个字节，可用 %NICKNAME% 代表客户昵称 / text, at most 4000 bytes.
        content: Option<String> [max_bytes(4000, R_MS_11)],
    }
}

int_enum! {
    /// 是否通知成员将这条入群欢迎语应用到客户群中 / whether members are notified.
    enum WelcomeTemplateNotify (rule = "R-MS-11") {
        /// 不通知 / do not notify.
        Silent = 0,
        /// 通知（默认）/ notify (default).
        Notify = 1,
    }
}

/// Appends the template body add and edit share to a `model!` declaration (declared once).
macro_rules! with_welcome_template_body {
    ($(#[doc = $doc:literal])* request struct $name:ident { $($head:tt)* } $($tail:tt)*) => {
        model! {
            $(#[doc = $doc])*
            request struct $name {
                $($head)*
                /// 图片，media_id 与 pic_url 二选一 / image: media_id or pic_url.
                image: Option<AttachmentImage>,
                /// 图文消息 / link card.
                link: Option<AttachmentLink>,
                /// 小程序消息 / mini-program card.
                miniprogram: Option<AttachmentMiniprogram>,
                /// 文件 / file.
                file: Option<AttachmentMedia>,
                /// 视频 / video.
                video: Option<AttachmentMedia>,
                /// 授权方安装的应用 agentid，仅旧的第三方多应用套件需要 / agentid (legacy multi-app suites only).
                agentid: Option<u32>,
            }
            rules = [
                error(R_MS_11).then(at_least_one(&["text", "image", "link", "miniprogram", "file", "video"], &TEMPLATE_EMPTY)),
                // WeCom keeps the first of image > link > miniprogram > file > video.
                warning(R_MS_11).then(at_most_one(&["image", "link", "miniprogram", "file", "video"], &TEMPLATE_EXCLUSIVE)),
                $($tail)*
            ];
        }
    };
}

const TEMPLATE_EMPTY: Text = Text {
    zh: "text、image、link、miniprogram、file、video 不能全部为空",
    en: "text, image, link, miniprogram, file and video must not all be empty",
};
const TEMPLATE_EXCLUSIVE: Text = Text {
    zh: "image、link、miniprogram、file、video 只取优先级最高的一个，此项被忽略",
    en: "only the first of image, link, miniprogram, file and video is used: this one is ignored",
};

with_welcome_template_body! {
    /// 添加入群欢迎语素材（素材库最多 100 条）— <https://developer.work.weixin.qq.com/document/path/92366>.
    request struct AddGroupWelcomeTemplateRequest {
        /// 消息文本，最多 3000 个字节 / text, at most 3000 bytes.
        text: Option<WelcomeTemplateTextAdd>,
        /// 是否通知成员，0 不通知，1 通知（默认）/ 0 silent, 1 notify members (default).
        notify: Option<WelcomeTemplateNotify>,
    }
}

with_welcome_template_body! {
    /// 编辑入群欢迎语素材（仅可编辑本应用创建的）— <https://developer.work.weixin.qq.com/document/path/92366>.
    request struct EditGroupWelcomeTemplateRequest {
        /// 欢迎语素材 id / the template id.
        template_id: String = "R-MS-11",
        /// 消息文本，最多 4000 个字节 / text, at most 4000 bytes.
        text: Option<WelcomeTemplateTextEdit>,
    }
}

model! {
    /// 以 template_id 指定一条入群欢迎语素材：获取与删除的参数 / the request of
    /// group_welcome_template/get and del — <https://developer.work.weixin.qq.com/document/path/92366>.
    request struct GroupWelcomeTemplateIdRequest {
        /// 欢迎语素材 id / the template id.
        template_id: String = "R-MS-11",
        /// 授权方安装的应用 agentid，仅旧的第三方多应用套件需要 / agentid (legacy multi-app suites only).
        agentid: Option<u32>,
    }
}

model! {
    /// 添加入群欢迎语素材的结果 / the answer of group_welcome_template/add.
    response struct AddGroupWelcomeTemplateResponse {
        /// 欢迎语素材 id / the new template's id.
        template_id: String,
    }
}

model! {
    /// 入群欢迎语素材 / the answer of group_welcome_template/get.
    response struct GetGroupWelcomeTemplateResponse {
        /// 消息文本 / the text.
        text: Option<ReceivedText>,
        /// 图片 / image.
        image: Option<ReceivedImage>,
        /// 图文消息 / link.
        link: Option<ReceivedLink>,
        /// 小程序消息 / mini-program.
        miniprogram: Option<ReceivedMiniprogram>,
        /// 文件 / file.
        file: Option<ReceivedMedia>,
        /// 视频 / video.
        video: Option<ReceivedMedia>,
    }
}
