//! 获取群发记录列表、群发成员发送任务列表与发送结果，提醒与停止 —
//! <https://developer.work.weixin.qq.com/document/path/93338>, 97610, 97611.

use crate::cross::*;
use crate::messages::Text;
use crate::models::attachment::{GroupMsgCreateType, ReceivedAttachment, ReceivedText};
use crate::rules::*;
use crate::{int_enum, model, open_enum};

/// 31 days in seconds: the longest `get_groupmsg_list_v2` range (the doc's 「一个月」, taken as
/// the longest month so that the client never refuses what WeCom accepts).
pub const ONE_MONTH: i64 = 31 * 24 * 3600;

int_enum! {
    /// 创建人类型 / whose mass messages to list.
    enum GroupMsgFilterType (rule = "R-MS-06") {
        /// 企业发表 / created by the corp.
        Corp = 0,
        /// 个人发表 / created by members.
        Member = 1,
        /// 所有（默认）/ all (default).
        All = 2,
    }
}

model! {
    /// 获取群发记录列表 — <https://developer.work.weixin.qq.com/document/path/93338>.
    request struct GetGroupmsgListV2Request {
        /// 群发任务的类型：single 发送给客户，group 发送给客户群 / "single" or "group".
        chat_type: String = "R-MS-06",
        /// 群发任务记录开始时间（秒）/ range start (unix seconds).
        start_time: i64 = "R-MS-06" [range(0, i64::MAX, INTEGER_RANGE)],
        /// 群发任务记录结束时间（秒），与开始时间相差不超过一个月 / range end, at most a month after start.
        end_time: i64 = "R-MS-06" [range(0, i64::MAX, INTEGER_RANGE)],
        /// 群发任务创建人企业账号 id / the creator's userid.
        creator: Option<String>,
        /// 创建人类型：0 企业发表，1 个人发表，2 所有（默认）/ 0 corp, 1 members, 2 all (default).
        filter_type: Option<GroupMsgFilterType>,
        /// 返回的最大记录数，最大 100，默认 50，超过最大值时取默认值 / page size, at most 100
        /// (default 50; a larger value is replaced by 50: a warning).
        limit: Option<u32>,
        /// 分页游标 / cursor from the previous page.
        cursor: Option<String>,
    }
    rules = [
        error(R_MS_06).then(one_of("chat_type", &["single", "group"], &CHAT_TYPES)),
        error(R_MS_06).then(not_after("start_time", "end_time", 0, &START_AFTER_END)),
        error(R_MS_06).then(not_after("end_time", "start_time", ONE_MONTH, &OVER_A_MONTH)),
        warning(R_MS_06).then(range_of("limit", 1, 100)),
    ];
}

const CHAT_TYPES: Text =
    Text { zh: "chat_type 只能是 single 或 group", en: "chat_type must be \"single\" or \"group\"" };
const START_AFTER_END: Text =
    Text { zh: "start_time 不能晚于 end_time", en: "start_time must not be after end_time" };
const OVER_A_MONTH: Text = Text {
    zh: "start_time 与 end_time 相差不能超过一个月（31 天）",
    en: "end_time must be at most a month (31 days) after start_time",
};

model! {
    /// 一条群发记录 / one mass message.
    object struct GroupMsg {
        /// 企业群发消息的 id / the mass message's id.
        msgid: String,
        /// 群发消息创建者 userid，API 创建的群发消息不返回 / the creator (absent for API-created ones).
        creator: Option<String>,
        /// 创建时间（官方示例为字符串）/ created at (unix seconds; the doc's example is a string).
        create_time: Option<serde_json::Value>,
        /// 群发消息创建来源：0 企业，1 个人 / 0 corp, 1 member.
        create_type: GroupMsgCreateType,
        /// 消息文本 / the text.
        text: Option<ReceivedText>,
        /// 附件 / the attachments.
        attachments: Option<Vec<ReceivedAttachment>>,
    }
}

model! {
    /// 群发记录列表 / the answer of get_groupmsg_list_v2.
    response struct GetGroupmsgListV2Response {
        /// 分页游标，没有更多数据时为空 / the next page's cursor (empty on the last page).
        next_cursor: Option<String>,
        /// 群发记录列表 / the mass messages.
        group_msg_list: Vec<GroupMsg>,
    }
}

model! {
    /// 获取群发成员发送任务列表 — <https://developer.work.weixin.qq.com/document/path/93338>.
    request struct GetGroupmsgTaskRequest {
        /// 群发消息的 id / the mass message's id.
        msgid: String = "R-MS-07",
        /// 返回的最大记录数，最大 1000，默认 500，超过最大值时取默认值 / page size, at most 1000
        /// (default 500; a larger value is replaced by 500: a warning).
        limit: Option<u32>,
        /// 分页游标 / cursor from the previous page.
        cursor: Option<String>,
    }
    rules = [warning(R_MS_07).then(range_of("limit", 1, 1000))];
}

open_enum! {
    /// 成员发送状态 / a member's task state.
    enum GroupMsgTaskStatus {
        /// 0 未发送 / not sent.
        Unsent = 0,
        /// 2 已发送 / sent.
        Sent = 2,
    }
}

impl Default for GroupMsgTaskStatus {
    /// A missing `status` reads as the value 0 (not sent).
    fn default() -> Self {
        Self::from_value(0)
    }
}

model! {
    /// 一个成员的群发任务 / one member's task.
    object struct GroupMsgTask {
        /// 企业服务人员的 userid / the member.
        userid: String,
        /// 发送状态：0 未发送，2 已发送 / 0 not sent, 2 sent.
        status: GroupMsgTaskStatus,
        /// 发送时间，未发送时不返回 / sent at (absent while unsent).
        send_time: Option<i64>,
    }
}

model! {
    /// 群发成员发送任务列表 / the answer of get_groupmsg_task.
    response struct GetGroupmsgTaskResponse {
        /// 分页游标 / the next page's cursor.
        next_cursor: Option<String>,
        /// 群发成员发送任务列表 / the tasks.
        task_list: Vec<GroupMsgTask>,
    }
}

model! {
    /// 获取企业群发成员执行结果 — <https://developer.work.weixin.qq.com/document/path/93338>.
    request struct GetGroupmsgSendResultRequest {
        /// 群发消息的 id / the mass message's id.
        msgid: String = "R-MS-08",
        /// 发送成员 userid / the sending member.
        userid: String = "R-MS-08",
        /// 返回的最大记录数，最大 1000，默认 500，超过最大值时取默认值 / page size, at most 1000
        /// (default 500; a larger value is replaced by 500: a warning).
        limit: Option<u32>,
        /// 分页游标 / cursor from the previous page.
        cursor: Option<String>,
    }
    rules = [warning(R_MS_08).then(range_of("limit", 1, 1000))];
}

open_enum! {
    /// 发送状态 / a recipient's state.
    enum GroupMsgSendStatus {
        /// 0 未发送 / not sent.
        Unsent = 0,
        /// 1 已发送 / sent.
        Sent = 1,
        /// 2 因客户不是好友导致发送失败 / failed: not a friend.
        NotFriend = 2,
        /// 3 因客户已经收到其他群发消息导致发送失败 / failed: already received another mass message.
        AlreadyReceived = 3,
    }
}

impl Default for GroupMsgSendStatus {
    /// A missing `status` reads as the value 0 (not sent).
    fn default() -> Self {
        Self::from_value(0)
    }
}

model! {
    /// 一条发送结果 / one recipient's result.
    object struct GroupMsgSendResult {
        /// 外部联系人 userid，群发消息到企业的客户群不返回 / the customer (absent for group messages).
        external_userid: Option<String>,
        /// 外部客户群 id，群发消息到客户不返回 / the group chat (absent for customer messages).
        chat_id: Option<String>,
        /// 企业服务人员的 userid / the member.
        userid: Option<String>,
        /// 发送状态：0 未发送，1 已发送，2 非好友，3 已收到其他群发 / 0 unsent, 1 sent, 2 not a friend,
        /// 3 received another mass message.
        status: GroupMsgSendStatus,
        /// 发送时间，status 为 1 时返回 / sent at (status 1 only).
        send_time: Option<i64>,
    }
}

model! {
    /// 群发成员执行结果 / the answer of get_groupmsg_send_result. For group messages only sent
    /// records are listed.
    response struct GetGroupmsgSendResultResponse {
        /// 分页游标 / the next page's cursor.
        next_cursor: Option<String>,
        /// 群成员发送结果列表 / the results.
        send_list: Vec<GroupMsgSendResult>,
    }
}

model! {
    /// 以 msgid 指定一条群发：提醒成员群发（doc 97610）与停止企业群发（doc 97611）的参数 /
    /// the request of remind_groupmsg_send and cancel_groupmsg_send.
    request struct GroupMsgIdRequest {
        /// 群发消息的 id / the mass message's id.
        msgid: String = "R-MS-09",
    }
}

model! {
    /// 获取企业群发消息发送结果（旧，已由 get_groupmsg_send_result 取代）—
    /// <https://developer.work.weixin.qq.com/document/path/92136>.
    request struct GetGroupMsgResultRequest {
        /// 群发消息的 id / the mass message's id.
        msgid: String = "R-MS-12",
        /// 发送成员 userid（可选）/ the sending member (optional).
        userid: Option<String>,
        /// 返回的最大记录数，最大 10000，默认 10000 / page size, at most 10 000.
        limit: Option<u32>,
        /// 分页游标 / cursor from the previous page.
        cursor: Option<String>,
    }
    rules = [warning(R_MS_12).then(range_of("limit", 1, 10000))];
}

model! {
    /// 旧接口的发送结果 / the answer of the legacy get_group_msg_result.
    response struct GetGroupMsgResultResponse {
        /// 群发消息的审核状态（旧字段）/ review state (old member).
        check_status: Option<i64>,
        /// 分页游标 / the next page's cursor.
        next_cursor: Option<String>,
        /// 发送结果列表 / the results.
        detail_list: Vec<GroupMsgSendResult>,
    }
}
