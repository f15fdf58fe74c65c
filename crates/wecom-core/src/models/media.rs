//! 素材上传 / media uploads (multipart): `media/upload` (doc 90253), `media/uploadimg` (doc 90256),
//! `media/upload_attachment` (doc 95098). The request models hold the query parameters plus
//! `filename` and `size`, which describe the file part (see [`crate::endpoints::Body::Multipart`]):
//! they are checked against the file limits below ([`crate::upload`]) and never sent in the query.

use crate::messages::Text;
use crate::upload::{FileLimit, Upload};
use crate::{int_enum, model};

const MB: u64 = 1024 * 1024;
/// 所有文件 size 必须大于 5 个字节（doc 90253「所有文件size必须大于5个字节」）/ every file must be
/// larger than 5 bytes: 5 bytes are refused, 6 pass (the SDK follows the page's 「大于」).
const MIN_BYTES: u64 = 6;

static MEDIA_TYPE_TEXT: Text =
    Text { zh: "必须是 image、voice、video 或 file 之一", en: "must be one of image, voice, video, file" };
static ATTACHMENT_TYPE_TEXT: Text =
    Text { zh: "必须是 image、video 或 file 之一", en: "must be one of image, video, file" };
static JPG_PNG: Text =
    Text { zh: "仅支持 JPG、PNG 格式（.jpg、.jpeg、.png）", en: "only JPG or PNG files (.jpg, .jpeg, .png)" };
static AMR: Text = Text { zh: "仅支持 AMR 格式（.amr）", en: "only AMR files (.amr)" };
static MP4: Text = Text { zh: "仅支持 MP4 格式（.mp4）", en: "only MP4 files (.mp4)" };
static ANY: Text = Text { zh: "任意格式", en: "any format" };
const PICTURES: &[&str] = &[".jpg", ".jpeg", ".png"];

/// `media/upload` 的文件限制（doc 90253「上传的媒体文件限制」）：图片 10MB JPG/PNG，语音 2MB AMR，
/// 视频 10MB MP4，普通文件 20MB，所有文件大于 5 字节 / the file limits of `media/upload`.
pub static MEDIA_LIMITS: Upload = Upload {
    kind_rule: "R-MD-01",
    kind_text: &MEDIA_TYPE_TEXT,
    files: &[
        FileLimit {
            kind: Some("image"),
            min_bytes: MIN_BYTES,
            max_bytes: 10 * MB,
            extensions: PICTURES,
            formats: &JPG_PNG,
            rule: "R-MD-02",
        },
        FileLimit {
            kind: Some("voice"),
            min_bytes: MIN_BYTES,
            max_bytes: 2 * MB,
            extensions: &[".amr"],
            formats: &AMR,
            rule: "R-MD-03",
        },
        FileLimit {
            kind: Some("video"),
            min_bytes: MIN_BYTES,
            max_bytes: 10 * MB,
            extensions: &[".mp4"],
            formats: &MP4,
            rule: "R-MD-04",
        },
        FileLimit {
            kind: Some("file"),
            min_bytes: MIN_BYTES,
            max_bytes: 20 * MB,
            extensions: &[],
            formats: &ANY,
            rule: "R-MD-05",
        },
    ],
};

/// `media/uploadimg` 的文件限制（doc 90256「图片文件大小应在 5B ~ 2MB 之间」，JPG/PNG）/ its limits.
pub static IMAGE_URL_LIMITS: Upload = Upload {
    kind_rule: "R-MD-07",
    kind_text: &JPG_PNG,
    files: &[FileLimit {
        kind: None,
        min_bytes: MIN_BYTES,
        max_bytes: 2 * MB,
        extensions: PICTURES,
        formats: &JPG_PNG,
        rule: "R-MD-07",
    }],
};

/// `media/upload_attachment` 的文件限制（doc 95098：图片 10MB JPG/PNG，视频 10MB MP4，文件 20MB；
/// 朋友圈的图片、视频另有像素与时长限制，由服务端检查，R-MO-01）/ its limits.
pub static ATTACHMENT_LIMITS: Upload = Upload {
    kind_rule: "R-MD-08",
    kind_text: &ATTACHMENT_TYPE_TEXT,
    files: &[
        FileLimit {
            kind: Some("image"),
            min_bytes: MIN_BYTES,
            max_bytes: 10 * MB,
            extensions: PICTURES,
            formats: &JPG_PNG,
            rule: "R-MD-10",
        },
        FileLimit {
            kind: Some("video"),
            min_bytes: MIN_BYTES,
            max_bytes: 10 * MB,
            extensions: &[".mp4"],
            formats: &MP4,
            rule: "R-MD-11",
        },
        FileLimit {
            kind: Some("file"),
            min_bytes: MIN_BYTES,
            max_bytes: 20 * MB,
            extensions: &[],
            formats: &ANY,
            rule: "R-MD-12",
        },
    ],
};

int_enum! {
    /// 附件的使用场景 / what an attachment is for (doc 95098 `attachment_type`).
    enum AttachmentType (rule = "R-MD-09") {
        /// 朋友圈 / moments.
        Moment = 1,
        /// 商品图册 / product albums.
        ProductAlbum = 2,
    }
}

model! {
    /// 上传临时素材 — <https://developer.work.weixin.qq.com/document/path/90253>：`type` 在查询串中，
    /// 文件在 form-data 的 `media` 中（带 filename）；media_id 三天内有效。
    /// Upload a temporary media file: `type` goes in the query string, the file in the form part
    /// `media` (with its filename); the media_id is valid for 3 days.
    request struct UploadMediaRequest {
        /// 媒体文件类型：image、voice、video、file / the media type.
        r#type: String = "R-MD-01",
        /// 文件名（决定接收者看到的文件名，扩展名按类型检查；不放入查询串）/ the file's name (what
        /// receivers see; its extension is checked per type; not sent in the query).
        filename: String = "R-MD-06",
        /// 文件大小，字节（客户端从文件读出；不放入查询串）/ the file's size in bytes (the client
        /// reads it from the file; not sent in the query).
        size: u64 = "R-MD-06",
    }
}

model! {
    /// 上传临时素材与上传附件资源的结果（两者同形）/ result of media/upload and of
    /// media/upload_attachment (the same shape: doc 90253, doc 95098).
    response struct UploadMediaResponse {
        /// 媒体文件类型 / the media type.
        r#type: String,
        /// 媒体文件上传后获取的唯一标识，3 天内有效 / the media id, valid for 3 days.
        media_id: String,
        /// 媒体文件上传时间戳（字符串）/ upload time, Unix seconds as a string (as the page shows).
        created_at: String,
    }
}

model! {
    /// 上传图片得到永久 URL — <https://developer.work.weixin.qq.com/document/path/90256>（可用于
    /// 群发 image 附件的 pic_url）/ Upload an image for a permanent URL (usable as `pic_url`).
    request struct UploadImageRequest {
        /// 文件名（.jpg/.jpeg/.png；不放入查询串）/ the file's name (not sent in the query).
        filename: String = "R-MD-06",
        /// 文件大小，字节 / the file's size in bytes.
        size: u64 = "R-MD-06",
    }
}

model! {
    /// 上传图片的结果 / result of media/uploadimg.
    response struct UploadImageResponse {
        /// 上传后得到的图片 URL，永久有效 / the image's permanent URL.
        url: String,
    }
}

model! {
    /// 上传附件资源 — <https://developer.work.weixin.qq.com/document/path/95098>：朋友圈与商品图册
    /// 使用的素材；`media_type`、`attachment_type` 在查询串中。
    /// Upload an attachment for moments or product albums; `media_type` and `attachment_type` go
    /// in the query string.
    request struct UploadAttachmentRequest {
        /// 媒体文件类型：image、video、file / the media type.
        media_type: String = "R-MD-08",
        /// 附件使用场景：1 朋友圈，2 商品图册 / 1 moments, 2 product albums.
        attachment_type: AttachmentType = "R-MD-09",
        /// 文件名 / the file's name (not sent in the query).
        filename: String = "R-MD-06",
        /// 文件大小，字节 / the file's size in bytes.
        size: u64 = "R-MD-06",
    }
}
