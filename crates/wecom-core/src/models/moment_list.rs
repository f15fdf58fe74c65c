//! 获取客户朋友圈全部的发表记录 moment records —
//! <https://developer.work.weixin.qq.com/document/path/93333>: the list of moments, each
//! executor's task, the customers chosen and the customers who saw it, comments and likes.

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{int_enum, model, open_enum};

/// Thirty days in seconds: the longest `get_moment_list` span (R-MO-04).
pub const MOMENT_LIST_SPAN: i64 = 30 * 86_400;
/// Largest `get_moment_list` page (R-MO-04): 「最大值20，默认值20，超过最大值时取默认值」. WxJava's
/// Javadoc says 100: the official page (and GetMomentList.yaml) say 20, followed here.
pub const MAX_MOMENT_LIST_LIMIT: i64 = 20;
/// Largest `get_moment_task` / `get_moment_customer_list` page (R-MO-05, default 500).
pub const MAX_MOMENT_TASK_LIMIT: i64 = 1000;
/// Largest `get_moment_send_result` page (R-MO-05, default 3000).
pub const MAX_MOMENT_SEND_RESULT_LIMIT: i64 = 5000;

int_enum! {
    /// 朋友圈类型过滤 / which moments `get_moment_list` returns.
    enum MomentFilterType (rule = "R-MO-04") {
        /// 0 企业发表 / posted by the corp.
        Corp = 0,
        /// 1 个人发表 / posted by members themselves.
        Personal = 1,
        /// 2 所有（默认）/ both (the default).
        All = 2,
    }
}

const START_AFTER_END: Text =
    Text { zh: "start_time 不能晚于 end_time", en: "start_time must not be after end_time" };
const SPAN_30_DAYS: Text = Text {
    zh: "start_time 与 end_time 相差不能超过 30 天",
    en: "end_time must be at most 30 days after start_time",
};

model! {
    /// 获取企业全部的发表列表 — <https://developer.work.weixin.qq.com/document/path/93333>.
    /// Deleted moments are not returned; the interval (start, end) is open, at most 30 days.
    request struct GetMomentListRequest {
        /// 朋友圈记录开始时间（Unix 时间戳）/ from (unix seconds).
        start_time: i64 = "R-MO-04",
        /// 朋友圈记录结束时间（Unix 时间戳），与开始时间相差不超过 30 天 / to (unix seconds), at
        /// most 30 days after start_time.
        end_time: i64 = "R-MO-04",
        /// 朋友圈创建人的 userid / only moments of this creator.
        creator: Option<String>,
        /// 朋友圈类型：0 企业发表，1 个人发表，2 所有（默认）/ 0 corp, 1 personal, 2 all (default).
        filter_type: Option<MomentFilterType>,
        /// 分页游标，首次调用可不填 / the previous page's next_cursor.
        cursor: Option<String>,
        /// 返回的最大记录数，最大 20，默认 20，超过最大值时取默认值（警告）/ page size, at most 20
        /// (default 20; a larger value is replaced by the default: a warning). WxJava says 100.
        limit: Option<u32>,
    }
    rules = [
        error(R_MO_04).then(not_after("start_time", "end_time", 0, &START_AFTER_END)),
        error(R_MO_04).then(not_after("end_time", "start_time", MOMENT_LIST_SPAN, &SPAN_30_DAYS)),
        warning(R_MO_04).then(range_of("limit", 0, MAX_MOMENT_LIST_LIMIT)),
    ];
}

open_enum! {
    /// 朋友圈创建来源 / who created a moment.
    enum MomentCreateType {
        /// 0 企业 / the corp.
        Corp = 0,
        /// 1 个人 / a member.
        Personal = 1,
    }
}

open_enum! {
    /// 可见范围类型 / who sees a moment.
    enum MomentVisibleType {
        /// 0 部分可见 / some customers.
        Partial = 0,
        /// 1 公开 / everyone.
        Public = 1,
    }
}

impl Default for MomentCreateType {
    /// A missing `create_type` reads as 0 (企业).
    fn default() -> Self {
        Self::from_value(0)
    }
}

impl Default for MomentVisibleType {
    /// A missing `visible_type` reads as 0 (部分可见).
    fn default() -> Self {
        Self::from_value(0)
    }
}

model! {
    /// 朋友圈文本（返回）/ a moment's text.
    object struct MomentTextInfo {
        /// 文本内容 / the text.
        content: String,
    }
}

model! {
    /// 朋友圈图片（返回）/ one image of a moment.
    object struct MomentImageInfo {
        /// 图片的 media_id，可通过获取临时素材下载 / the image's media_id (media/get downloads it).
        media_id: String,
    }
}

model! {
    /// 朋友圈视频（返回）/ a moment's video.
    object struct MomentVideoInfo {
        /// 视频 media_id / the video's media_id.
        media_id: String,
        /// 视频封面 media_id / its cover's media_id.
        thumb_media_id: Option<String>,
    }
}

model! {
    /// 朋友圈网页链接（返回）/ a moment's link.
    object struct MomentLinkInfo {
        /// 网页链接标题 / the title.
        title: String,
        /// 网页链接 url / the URL.
        url: String,
    }
}

model! {
    /// 朋友圈地理位置（返回）/ a moment's location.
    object struct MomentLocation {
        /// 纬度（文档示例为字符串）/ latitude (a string in the doc's example; kept as given).
        latitude: Option<serde_json::Value>,
        /// 经度 / longitude (kept as given).
        longitude: Option<serde_json::Value>,
        /// 地理位置名称 / the place's name.
        name: String,
    }
}

model! {
    /// 一条朋友圈 / one moment.
    object struct MomentInfo {
        /// 朋友圈 id / the moment's id.
        moment_id: String,
        /// 朋友圈创建者 userid；企业发表内容到客户的朋友圈接口创建的朋友圈不再返回 / the creator
        /// (absent for moments created by add_moment_task).
        creator: Option<String>,
        /// 创建时间 / created at (unix seconds).
        create_time: i64,
        /// 朋友圈创建来源：0 企业，1 个人 / 0 corp, 1 member.
        create_type: MomentCreateType,
        /// 可见范围类型：0 部分可见，1 公开 / 0 some customers, 1 everyone.
        visible_type: MomentVisibleType,
        /// 文本 / the text.
        text: Option<MomentTextInfo>,
        /// 图片 / the images.
        image: Option<Vec<MomentImageInfo>>,
        /// 视频 / the video.
        video: Option<MomentVideoInfo>,
        /// 网页链接 / the link.
        link: Option<MomentLinkInfo>,
        /// 地理位置 / the location.
        location: Option<MomentLocation>,
    }
}

model! {
    /// 企业全部的发表列表 / result of get_moment_list.
    response struct GetMomentListResponse {
        /// 分页游标，没有更多数据时为空 / the next page's cursor (empty: done).
        next_cursor: Option<String>,
        /// 朋友圈列表 / the moments.
        moment_list: Vec<MomentInfo>,
    }
}

model! {
    /// 获取客户朋友圈企业发表的列表（成员执行情况）— <https://developer.work.weixin.qq.com/document/path/93333>.
    /// 只能查询企业发表的朋友圈 / corp-created moments only.
    request struct GetMomentTaskRequest {
        /// 朋友圈 id / the moment's id.
        moment_id: String = "R-MO-05",
        /// 分页游标 / the previous page's next_cursor.
        cursor: Option<String>,
        /// 每页最大记录数，最大 1000，默认 500 / page size, at most 1000 (default 500).
        limit: Option<u32>,
    }
    rules = [warning(R_MO_05).then(range_of("limit", 0, MAX_MOMENT_TASK_LIMIT))];
}

open_enum! {
    /// 成员发表状态 / whether an executor posted the moment.
    enum MomentPublishStatus {
        /// 0 未发表 / not posted.
        NotPublished = 0,
        /// 1 已发表 / posted.
        Published = 1,
    }
}

impl Default for MomentPublishStatus {
    /// A missing `publish_status` reads as 0 (未发表).
    fn default() -> Self {
        Self::from_value(0)
    }
}

model! {
    /// 一个成员的发表任务 / one executor's task.
    object struct MomentTaskItem {
        /// 发表成员 userid / the executor.
        userid: String,
        /// 成员发表状态：0 未发表，1 已发表 / 0 not posted, 1 posted.
        publish_status: MomentPublishStatus,
    }
}

model! {
    /// 成员执行情况 / result of get_moment_task.
    response struct GetMomentTaskResponse {
        /// 分页游标 / the next page's cursor (empty: done).
        next_cursor: Option<String>,
        /// 发表任务列表 / the executors' tasks.
        task_list: Vec<MomentTaskItem>,
    }
}

model! {
    /// 获取客户朋友圈发表时选择的可见范围 — <https://developer.work.weixin.qq.com/document/path/93333>.
    request struct GetMomentCustomerListRequest {
        /// 朋友圈 id / the moment's id.
        moment_id: String = "R-MO-05",
        /// 企业发表成员 userid / the executor.
        userid: String = "R-MO-05",
        /// 分页游标 / the previous page's next_cursor.
        cursor: Option<String>,
        /// 每页最大记录数，最大 1000，默认 500 / page size, at most 1000 (default 500).
        limit: Option<u32>,
    }
    rules = [warning(R_MO_05).then(range_of("limit", 0, MAX_MOMENT_TASK_LIMIT))];
}

model! {
    /// 可见范围内的客户 / a customer of the range.
    object struct MomentCustomerItem {
        /// 发表成员 userid / the executor.
        userid: Option<String>,
        /// 发送成功的外部联系人 userid / the customer.
        external_userid: String,
    }
}

model! {
    /// 发表时选择的可见范围 / result of get_moment_customer_list.
    response struct GetMomentCustomerListResponse {
        /// 分页游标 / the next page's cursor (empty: done).
        next_cursor: Option<String>,
        /// 成员可见客户列表 / the customers chosen.
        customer_list: Vec<MomentCustomerItem>,
    }
}

model! {
    /// 获取客户朋友圈发表后的可见客户列表 — <https://developer.work.weixin.qq.com/document/path/93333>.
    request struct GetMomentSendResultRequest {
        /// 朋友圈 id / the moment's id.
        moment_id: String = "R-MO-05",
        /// 企业发表成员 userid / the executor.
        userid: String = "R-MO-05",
        /// 分页游标 / the previous page's next_cursor.
        cursor: Option<String>,
        /// 每页最大记录数，最大 5000，默认 3000 / page size, at most 5000 (default 3000).
        limit: Option<u32>,
    }
    rules = [warning(R_MO_05).then(range_of("limit", 0, MAX_MOMENT_SEND_RESULT_LIMIT))];
}

model! {
    /// 发表后可见的客户 / a customer who sees the moment.
    object struct MomentSendResultItem {
        /// 成员发送成功的外部联系人 userid / the customer.
        external_userid: String,
    }
}

model! {
    /// 发表后的可见客户列表 / result of get_moment_send_result.
    response struct GetMomentSendResultResponse {
        /// 分页游标 / the next page's cursor (empty: done).
        next_cursor: Option<String>,
        /// 成员发送成功客户 / the customers.
        customer_list: Vec<MomentSendResultItem>,
    }
}

model! {
    /// 获取客户朋友圈的互动数据 — <https://developer.work.weixin.qq.com/document/path/93333>.
    request struct GetMomentCommentsRequest {
        /// 朋友圈 id / the moment's id.
        moment_id: String = "R-MO-05",
        /// 企业服务人员的 userid / the member whose view is read.
        userid: String = "R-MO-05",
    }
}

model! {
    /// 一条评论或点赞 / one comment or like.
    object struct MomentInteraction {
        /// 评论或点赞的外部联系人 userid / the customer (when a customer did it).
        external_userid: Option<String>,
        /// 评论或点赞的企业成员 userid / the member (when a member did it).
        userid: Option<String>,
        /// 时间 / when (unix seconds).
        create_time: i64,
    }
}

model! {
    /// 互动数据 / result of get_moment_comments.
    response struct GetMomentCommentsResponse {
        /// 评论列表 / the comments.
        comment_list: Vec<MomentInteraction>,
        /// 点赞列表 / the likes.
        like_list: Vec<MomentInteraction>,
    }
}
