//! 企业发表内容到客户的朋友圈 posting moments —
//! <https://developer.work.weixin.qq.com/document/path/95094> (`add_moment_task`,
//! `get_moment_task_result`) and <https://developer.work.weixin.qq.com/document/path/97612>
//! (`cancel_moment_task`). Creation is asynchronous: a `jobid` (valid 24 h) whose task goes
//! 1 started → 2 running → 3 done (R-MO-03).

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{model, open_enum};

/// Most characters of a moment's text (R-MO-01): 「最多支持传入2000个字符」.
pub const MAX_MOMENT_TEXT_CHARS: usize = 2000;
/// Most attachments of a moment (R-MO-01): nine images (a video or a link stands alone).
pub const MAX_MOMENT_ATTACHMENTS: usize = 9;
/// Most executors in `visible_range.sender_list.user_list` (R-MO-02): 「最多支持10万个」.
pub const MAX_MOMENT_SENDERS: usize = 100_000;
/// Most UTF-8 bytes of a link attachment's title (R-MO-01): 「最多64个字节」.
pub const MAX_MOMENT_LINK_TITLE_BYTES: usize = 64;

model! {
    /// 朋友圈文本 / the moment's text.
    request struct MomentText {
        /// 消息文本内容，最多 2000 个字符（超出报错 invalid text size）/ the text, at most 2000
        /// characters (longer: "invalid text size").
        content: Option<String> [max_chars(MAX_MOMENT_TEXT_CHARS, R_MO_01)],
    }
}

model! {
    /// 图片附件 / an image attachment.
    request struct MomentImage {
        /// 图片的素材 id，通过上传附件资源接口获得（media/upload_attachment）/ the image's media_id
        /// from media/upload_attachment (≤ 10 MB, ≤ 1 555 200 pixels).
        media_id: String = "R-MO-01",
    }
}

model! {
    /// 视频附件 / a video attachment.
    request struct MomentVideo {
        /// 视频的素材 id，未填写报错 invalid msg / the video's media_id from media/upload_attachment
        /// (≤ 30 s, ≤ 10 MB; missing: "invalid msg").
        media_id: String = "R-MO-01",
    }
}

model! {
    /// 图文消息附件 / a link attachment.
    request struct MomentLink {
        /// 图文消息标题，最多 64 个字节 / the title, at most 64 UTF-8 bytes.
        title: Option<String> [max_bytes(MAX_MOMENT_LINK_TITLE_BYTES, R_MO_01)],
        /// 图文消息链接 / the link's URL.
        url: String = "R-MO-01",
        /// 图片链接封面的素材 id（普通图片，总像素不超过 1555200）/ the cover image's media_id
        /// (at most 1 555 200 pixels).
        media_id: String = "R-MO-01",
    }
}

const ONE_CONTENT: Text = Text {
    zh: "每个附件须且只能有 image、video、link 其中之一",
    en: "an attachment carries exactly one of image, video and link",
};

model! {
    /// 朋友圈附件：msgtype 为 image、video 或 link，并带同名对象 / one attachment: `msgtype` is
    /// image, video or link, with the object of that name.
    request struct MomentAttachment {
        /// 附件类型，可选 image、link 或者 video / the kind: image, link or video.
        msgtype: String = "R-MO-01",
        /// 图片 / an image.
        image: Option<MomentImage>,
        /// 视频 / a video.
        video: Option<MomentVideo>,
        /// 图文 / a link.
        link: Option<MomentLink>,
    }
    rules = [
        error(R_MO_01).then(at_least_one(&["image", "video", "link"], &ONE_CONTENT)),
        error(R_MO_01).then(at_most_one(&["image", "video", "link"], &ONE_CONTENT)),
    ];
}

model! {
    /// 发表任务的执行者列表 / who is asked to post the moment.
    request struct MomentSenderList {
        /// 发表任务的执行者用户列表，最多支持 10 万个 / executor userids, at most 100 000.
        /// 不在应用可见范围内的成员被忽略 / members outside the app's visible range are ignored.
        user_list: Option<Vec<String>> [max_items(MAX_MOMENT_SENDERS, R_MO_02)],
        /// 发表任务的执行者部门列表 / executor departments.
        department_list: Option<Vec<u32>>,
    }
}

model! {
    /// 可见到该朋友圈的客户列表 / which customers see the moment.
    request struct MomentExternalContactList {
        /// 可见到该朋友圈的客户标签列表（企业标签）；指定后为部分可见 / corp tags of the customers who
        /// see it (then the moment is partly visible).
        tag_list: Option<Vec<String>>,
    }
}

model! {
    /// 指定的发表范围；若未指定，则执行者为应用可见范围内所有成员 / the range; omitted: every
    /// member in the app's visible range posts it.
    request struct MomentVisibleRange {
        /// 发表任务的执行者列表 / the executors.
        sender_list: Option<MomentSenderList>,
        /// 可见到该朋友圈的客户列表 / the customers who see it.
        external_contact_list: Option<MomentExternalContactList>,
    }
}

const TEXT_OR_ATTACHMENTS: Text = Text {
    zh: "text 与 attachments 不能同时为空（41089）",
    en: "text and attachments must not both be empty (41089)",
};
const VIDEO_ALONE: Text = Text {
    zh: "视频附件只支持 1 个，且不能与其他附件同时发表（invalid attachments msgtype / size）",
    en: "a video is the only attachment of its moment: one video, nothing else (invalid attachments msgtype / size)",
};
const LINK_ALONE: Text = Text {
    zh: "图文附件只支持 1 个，且不能与其他附件同时发表（invalid attachments msgtype / size）",
    en: "a link is the only attachment of its moment: one link, nothing else (invalid attachments msgtype / size)",
};

model! {
    /// 创建发表任务：企业发表内容到客户的朋友圈 — <https://developer.work.weixin.qq.com/document/path/95094>.
    /// 异步任务，以 get_moment_task_result 查询 / asynchronous: poll `get_moment_task_result`.
    /// Attachments are either at most 9 images, or one video, or one link (R-MO-01).
    request struct AddMomentTaskRequest {
        /// 文本消息，不能与附件同时为空 / the text; text and attachments are not both empty.
        text: Option<MomentText>,
        /// 附件：最多 9 张图片，或 1 个视频，或 1 个图文 / at most 9 images, or one video, or one link.
        attachments: Option<Vec<MomentAttachment>> [max_items(MAX_MOMENT_ATTACHMENTS, R_MO_01)],
        /// 指定的发表范围 / the executors and the customers who see it.
        visible_range: Option<MomentVisibleRange>,
    }
    rules = [
        error(R_MO_01).then(at_least_one(&["text", "attachments"], &TEXT_OR_ATTACHMENTS)),
        error(R_MO_01).then(max_items_if_any("attachments", "video", 1, &VIDEO_ALONE)),
        error(R_MO_01).then(max_items_if_any("attachments", "link", 1, &LINK_ALONE)),
    ];
}

model! {
    /// 创建发表任务的结果 / result of add_moment_task.
    response struct AddMomentTaskResponse {
        /// 异步任务 id，最大长度为 64 字节，24 小时有效 / the job id (≤ 64 bytes, valid 24 h).
        jobid: String,
    }
}

model! {
    /// 获取任务创建结果 — <https://developer.work.weixin.qq.com/document/path/95094>. `GET ?jobid=`.
    request struct GetMomentTaskResultRequest {
        /// 异步任务 id / the job id add_moment_task returned.
        jobid: String = "R-MO-03",
    }
}

open_enum! {
    /// 任务状态 / state of a moment job.
    enum MomentJobStatus {
        /// 1 开始创建任务 / started.
        Started = 1,
        /// 2 正在创建任务中 / running.
        Running = 2,
        /// 3 创建任务已完成 / done.
        Done = 3,
    }
}

impl Default for MomentJobStatus {
    /// A missing `status` reads as the value 0, which is no state WeCom defines (`Other(0)`).
    fn default() -> Self {
        Self::from_value(0)
    }
}

model! {
    /// 不合法的执行者列表 / executors WeCom could not use.
    object struct MomentInvalidSenderList {
        /// 不合法的执行者 userid / invalid userids.
        user_list: Vec<String>,
        /// 不合法的执行者部门 / invalid departments.
        department_list: Vec<i64>,
    }
}

model! {
    /// 不合法的可见范围 / customer tags WeCom could not use.
    object struct MomentInvalidExternalContactList {
        /// 不合法的客户标签 / invalid tags.
        tag_list: Vec<String>,
    }
}

model! {
    /// 任务创建的结果（status 为 3 时返回）/ the outcome, once the job is done.
    object struct MomentTaskOutcome {
        /// 返回码 / the job's errcode.
        errcode: i64,
        /// 对返回码的文本描述 / text for it.
        errmsg: String,
        /// 朋友圈 id，可用于获取朋友圈详情 / the new moment's id.
        moment_id: Option<String>,
        /// 不合法的执行者列表 / invalid executors.
        invalid_sender_list: Option<MomentInvalidSenderList>,
        /// 不合法的可见范围列表 / invalid customer tags.
        invalid_external_contact_list: Option<MomentInvalidExternalContactList>,
    }
}

model! {
    /// 获取任务创建结果 / result of get_moment_task_result.
    response struct GetMomentTaskResultResponse {
        /// 任务状态：1 开始创建，2 创建中，3 已完成 / 1 started, 2 running, 3 done.
        status: MomentJobStatus,
        /// 操作类型，为 add_moment_task / always "add_moment_task".
        r#type: String,
        /// 详细的处理结果，任务完成后返回 / the outcome, when done.
        result: Option<MomentTaskOutcome>,
    }
}

model! {
    /// 停止发表企业朋友圈 — <https://developer.work.weixin.qq.com/document/path/97612>.
    /// 仅可停止企业创建、尚未全部发表的任务 / only a corp-created moment not yet posted by all.
    request struct CancelMomentTaskRequest {
        /// 朋友圈 id（企业创建）/ the moment's id (corp-created).
        moment_id: String = "R-MO-05",
    }
}
