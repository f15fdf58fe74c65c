//! The message body shared by mass messages (企业群发, doc 92135), welcome messages (新客户欢迎语,
//! doc 92137) and group welcome templates (入群欢迎语素材, doc 92366): text, and attachments
//! whose `msgtype` names the member that holds them. Declared once here.
//!
//! Rule ids: the shapes are R-MS-02 wherever they are used (send_welcome_msg and the group
//! welcome templates say 「同上」 and point at the same shapes).

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{model, open_enum};

/// The attachment types WeCom takes (`msgtype`).
pub const ATTACHMENT_TYPES: &[&str] = &["image", "link", "miniprogram", "video", "file"];

model! {
    /// 消息文本 / message text — <https://developer.work.weixin.qq.com/document/path/92135>.
    request struct MsgText {
        /// 消息文本内容，最多 4000 个字节 / text, at most 4000 UTF-8 bytes.
        content: Option<String> [max_bytes(4000, R_MS_02)],
    }
}

model! {
    /// 图片附件：media_id 与 pic_url 二选一，同时填写时以 media_id 为准 / an image: a media_id
    /// (temporary material, media/upload) or a pic_url (from media/uploadimg only); with both,
    /// WeCom uses the media_id.
    request struct AttachmentImage {
        /// 图片的 media_id / media_id of an uploaded image.
        media_id: Option<String>,
        /// 图片的链接，仅可使用上传图片接口得到的链接 / URL from media/uploadimg.
        pic_url: Option<String>,
    }
    rules = [
        error(R_MS_02).then(at_least_one(&["media_id", "pic_url"], &IMAGE_EMPTY)),
        warning(R_MS_02).when(&[Cond::Filled("media_id")]).then(absent("pic_url", &PIC_URL_IGNORED)),
    ];
}

const IMAGE_EMPTY: Text =
    Text { zh: "图片的 media_id 与 pic_url 不能同时为空", en: "an image needs a media_id or a pic_url" };
const PIC_URL_IGNORED: Text = Text {
    zh: "同时填写 media_id 与 pic_url 时以 media_id 为准，此项被忽略",
    en: "with a media_id, WeCom uses the media_id: pic_url is ignored",
};

model! {
    /// 图文消息附件 / a link card.
    request struct AttachmentLink {
        /// 图文消息标题，最长 128 个字节 / title, at most 128 bytes.
        title: String = "R-MS-02" [max_bytes(128, R_MS_02)],
        /// 图文消息封面的 url，最长 2048 个字节 / cover picture URL, at most 2048 bytes.
        picurl: Option<String> [max_bytes(2048, R_MS_02)],
        /// 图文消息的描述，最多 512 个字节 / description, at most 512 bytes.
        desc: Option<String> [max_bytes(512, R_MS_02)],
        /// 图文消息的链接，最长 2048 个字节 / link URL, at most 2048 bytes.
        url: String = "R-MS-02" [max_bytes(2048, R_MS_02)],
    }
}

model! {
    /// 小程序消息附件 / a mini-program card.
    request struct AttachmentMiniprogram {
        /// 小程序消息标题，最多 64 个字节 / title, at most 64 bytes.
        title: String = "R-MS-02" [max_bytes(64, R_MS_02)],
        /// 小程序消息封面的 media_id，封面图建议 520×416 / cover media_id (520×416 suggested).
        pic_media_id: String = "R-MS-02",
        /// 小程序 appid，必须是关联到企业的小程序应用 / appid of a mini-program linked to the corp.
        appid: String = "R-MS-02",
        /// 小程序 page 路径 / page path.
        page: String = "R-MS-02",
    }
}

model! {
    /// 视频或文件附件 / a video or a file (temporary material).
    request struct AttachmentMedia {
        /// 视频或文件的 media_id / media_id of the uploaded video or file.
        media_id: String = "R-MS-02",
    }
}

model! {
    /// 附件：msgtype 为 image、link、miniprogram、video 或 file，对应的成员必填 / an attachment:
    /// `msgtype` is image, link, miniprogram, video or file and the member of that name holds it —
    /// <https://developer.work.weixin.qq.com/document/path/92135>.
    request struct Attachment {
        /// 附件类型：image、link、miniprogram、video、file / the attachment type.
        msgtype: String = "R-MS-02",
        /// 图片（msgtype 为 image）/ the image (msgtype image).
        image: Option<AttachmentImage>,
        /// 图文消息（msgtype 为 link）/ the link card (msgtype link).
        link: Option<AttachmentLink>,
        /// 小程序消息（msgtype 为 miniprogram）/ the mini-program card (msgtype miniprogram).
        miniprogram: Option<AttachmentMiniprogram>,
        /// 视频（msgtype 为 video）/ the video (msgtype video).
        video: Option<AttachmentMedia>,
        /// 文件（msgtype 为 file）/ the file (msgtype file).
        file: Option<AttachmentMedia>,
    }
    rules = [
        error(R_MS_02).then(one_of("msgtype", ATTACHMENT_TYPES, &UNKNOWN_MSGTYPE)),
        error(R_MS_02).when(&[Cond::Is("msgtype", "image")]).then(required("image")),
        error(R_MS_02).when(&[Cond::Is("msgtype", "link")]).then(required("link")),
        error(R_MS_02).when(&[Cond::Is("msgtype", "miniprogram")]).then(required("miniprogram")),
        error(R_MS_02).when(&[Cond::Is("msgtype", "video")]).then(required("video")),
        error(R_MS_02).when(&[Cond::Is("msgtype", "file")]).then(required("file")),
        // WeCom reads the member msgtype names; another one is ignored.
        warning(R_MS_02).then(at_most_one(&["image", "link", "miniprogram", "video", "file"], &ONE_PER_ATTACHMENT)),
    ];
}

const UNKNOWN_MSGTYPE: Text = Text {
    zh: "msgtype 只能是 image、link、miniprogram、video 或 file",
    en: "msgtype must be image, link, miniprogram, video or file",
};
const ONE_PER_ATTACHMENT: Text = Text {
    zh: "每个附件只使用 msgtype 对应的一项，此项被忽略",
    en: "an attachment holds one item, the one its msgtype names: this one is ignored",
};

model! {
    /// 收到的消息文本 / text in an answer.
    object struct ReceivedText {
        /// 消息文本内容 / the text.
        content: Option<String>,
    }
}

model! {
    /// 收到的图片 / an image in an answer.
    object struct ReceivedImage {
        /// 图片的 media_id / media_id.
        media_id: Option<String>,
        /// 图片的 url（与 media_id 不共存，优先返回 media_id）/ URL (media_id is preferred).
        pic_url: Option<String>,
    }
}

model! {
    /// 收到的图文消息 / a link card in an answer.
    object struct ReceivedLink {
        /// 标题 / title.
        title: Option<String>,
        /// 封面 url / cover URL.
        picurl: Option<String>,
        /// 描述 / description.
        desc: Option<String>,
        /// 链接 / URL.
        url: Option<String>,
    }
}

model! {
    /// 收到的小程序消息 / a mini-program card in an answer.
    object struct ReceivedMiniprogram {
        /// 标题 / title.
        title: Option<String>,
        /// 封面 media_id / cover media_id.
        pic_media_id: Option<String>,
        /// 小程序 appid / appid.
        appid: Option<String>,
        /// page 路径 / page path.
        page: Option<String>,
    }
}

model! {
    /// 收到的视频或文件 / a video or file in an answer.
    object struct ReceivedMedia {
        /// media_id.
        media_id: Option<String>,
    }
}

model! {
    /// 收到的附件 / an attachment in an answer (群发记录 doc 93338).
    object struct ReceivedAttachment {
        /// 附件类型 / image, link, miniprogram, video or file (others kept as given).
        msgtype: String,
        /// 图片 / image.
        image: Option<ReceivedImage>,
        /// 图文消息 / link.
        link: Option<ReceivedLink>,
        /// 小程序 / mini-program.
        miniprogram: Option<ReceivedMiniprogram>,
        /// 视频 / video.
        video: Option<ReceivedMedia>,
        /// 文件 / file.
        file: Option<ReceivedMedia>,
    }
}

open_enum! {
    /// 群发消息创建来源 / who created a mass message.
    enum GroupMsgCreateType {
        /// 企业 / the corp (admin console or API).
        Corp = 0,
        /// 个人 / a member.
        Member = 1,
    }
}

impl Default for GroupMsgCreateType {
    /// A missing `create_type` reads as the value 0 (the corp).
    fn default() -> Self {
        Self::from_value(0)
    }
}
