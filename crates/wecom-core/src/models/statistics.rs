//! 统计管理 statistics: 获取「联系客户统计」数据
//! （<https://developer.work.weixin.qq.com/document/path/92132>）and 获取「群聊数据统计」数据, by
//! owner and by day (<https://developer.work.weixin.qq.com/document/path/92133>).
//!
//! Both pages: the range is the closed interval [begin, end] at day granularity, at most 30 days,
//! within the last 180 days; a timestamp that is not 00:00 (China time) is floored to that day's
//! 00:00 by WeCom. The client compares the timestamps as given (pass midnight timestamps, as the
//! pages ask): begin not after end, end at most 30 × 86 400 s after begin. Whether the range lies
//! in the last 180 days (group statistics: between yesterday and 180 days ago) depends on the
//! server's clock: WeCom checks it. ⚠ Older SDK comments say 60 days; the official pages say 180.

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{int_enum, model};

/// Most userids (and most partyids) one `get_user_behavior_data` call takes (R-ST-01):
/// 「成员ID列表，最多100个」「部门ID列表，最多100个」.
pub const MAX_BEHAVIOR_IDS: usize = 100;

/// Most owners one group statistics filter takes (R-ST-02, R-ST-03): 「群主ID列表。最多100个」.
pub const MAX_STATISTIC_OWNERS: usize = 100;

/// The longest range of the statistics endpoints, in seconds between the two timestamps:
/// 「支持的最大查询跨度为30天」.
pub const MAX_STATISTIC_SPAN_SECS: i64 = 30 * 86_400;

const NO_MEMBER_OR_PARTY: Text =
    Text { zh: "userid 和 partyid 不可同时为空", en: "userid and partyid must not both be empty" };

const BEGIN_AFTER_END: Text =
    Text { zh: "start_time 不能晚于 end_time", en: "start_time must not be after end_time" };

const SPAN_TOO_LONG: Text = Text {
    zh: "查询跨度最大为 30 天：end_time 不能晚于 start_time 30 天以上",
    en: "the range spans at most 30 days: end_time must not be more than 30 days after start_time",
};

const DAY_BEGIN_AFTER_END: Text =
    Text { zh: "day_begin_time 不能晚于 day_end_time", en: "day_begin_time must not be after day_end_time" };

const DAY_SPAN_TOO_LONG: Text = Text {
    zh: "查询跨度最大为 30 天：day_end_time 不能晚于 day_begin_time 30 天以上",
    en: "the range spans at most 30 days: day_end_time must not be more than 30 days after day_begin_time",
};

model! {
    /// 获取「联系客户统计」数据 — <https://developer.work.weixin.qq.com/document/path/92132>.
    /// 如传入多个 userid，则表示获取这些成员总体的联系客户数据 / several userids give the members'
    /// combined figures. userid 和 partyid 须在应用的可见范围内 / they must be in the app's visible range.
    request struct GetUserBehaviorDataRequest {
        /// 成员 ID 列表，最多 100 个 / member userids, at most 100.
        userid: Option<Vec<String>> [max_items(MAX_BEHAVIOR_IDS, R_ST_01)],
        /// 部门 ID 列表，最多 100 个 / department ids, at most 100.
        partyid: Option<Vec<u32>> [max_items(MAX_BEHAVIOR_IDS, R_ST_01)],
        /// 数据起始时间（当日 0 点的时间戳，否则向下取整）/ first day (00:00 timestamp; floored).
        start_time: i64 = "R-ST-01" [range(0, i64::MAX, R_ST_01)],
        /// 数据结束时间（闭区间，最大跨度 30 天）/ last day, included (at most 30 days after the first).
        end_time: i64 = "R-ST-01" [range(0, i64::MAX, R_ST_01)],
    }
    rules = [
        error(R_ST_01).then(at_least_one(&["userid", "partyid"], &NO_MEMBER_OR_PARTY)),
        error(R_ST_01).then(not_after("start_time", "end_time", 0, &BEGIN_AFTER_END)),
        error(R_ST_01).then(not_after("end_time", "start_time", MAX_STATISTIC_SPAN_SECS, &SPAN_TOO_LONG)),
    ];
}

model! {
    /// 一天的「联系客户统计」数据 / one day of a member's (or members') contact figures.
    object struct BehaviorData {
        /// 数据日期，为当日 0 点的时间戳 / the day (its 00:00 timestamp).
        stat_time: i64,
        /// 发起申请数：成员主动向客户发起的好友申请数量 / friend requests the members sent.
        new_apply_cnt: Option<i64>,
        /// 新增客户数 / customers added.
        new_contact_cnt: Option<i64>,
        /// 聊天总数：成员有主动发送过消息的单聊总数 / one-to-one chats the members sent messages in.
        chat_cnt: Option<i64>,
        /// 发送消息数：成员在单聊中发送的消息总数 / messages the members sent in one-to-one chats.
        message_cnt: Option<i64>,
        /// 已回复聊天占比（浮点数，仅在确有聊天时返回）/ share of customer-started chats answered
        /// the same day (a float; only when there were chats).
        reply_percentage: Option<serde_json::Value>,
        /// 平均首次回复时长，单位为分钟（仅在确有聊天时返回）/ mean first-reply time in minutes
        /// (a number; only when there were chats).
        avg_reply_time: Option<serde_json::Value>,
        /// 删除/拉黑成员的客户数 / customers who deleted or blocked the members.
        negative_feedback_cnt: Option<i64>,
    }
}

model! {
    /// 获取「联系客户统计」数据的结果 / result of get_user_behavior_data.
    response struct GetUserBehaviorDataResponse {
        /// 每天的数据 / one entry per day.
        behavior_data: Vec<BehaviorData>,
    }
}

int_enum! {
    /// 群聊数据统计的排序方式 / what groupchat/statistic sorts the owners by.
    enum GroupChatStatisticOrderBy (rule = "R-ST-02") {
        /// 1 新增群的数量（默认）/ new groups (the default).
        NewChatCnt = 1,
        /// 2 群总数 / groups in total.
        ChatTotal = 2,
        /// 3 新增群人数 / new group members.
        NewMemberCnt = 3,
        /// 4 群总人数 / group members in total.
        MemberTotal = 4,
    }
}

int_enum! {
    /// 是否升序 / ascending order or not.
    enum GroupChatStatisticOrderAsc (rule = "R-ST-02") {
        /// 0 否，降序（默认）/ no: descending (the default).
        Desc = 0,
        /// 1 是 / yes: ascending.
        Asc = 1,
    }
}

model! {
    /// 群主过滤（按群主聚合）/ the owners whose groups are counted (by owner).
    request struct GroupChatStatisticOwnerFilter {
        /// 群主 ID 列表，最多 100 个 / owner userids, at most 100.
        userid_list: Option<Vec<String>> [max_items(MAX_STATISTIC_OWNERS, R_ST_02)],
    }
}

model! {
    /// 获取「群聊数据统计」数据，按群主聚合 — <https://developer.work.weixin.qq.com/document/path/92133>.
    /// 群主必须在应用的可见范围 / the owners must be in the app's visible range.
    request struct GroupChatStatisticRequest {
        /// 起始日期的时间戳（当天 0 时，否则自动处理为当天 0 时）；取值范围：昨天至前 180 天 /
        /// first day (00:00 timestamp; floored), between yesterday and 180 days ago (WeCom checks).
        day_begin_time: i64 = "R-ST-02" [range(0, i64::MAX, R_ST_02)],
        /// 结束日期的时间戳，不填默认同 day_begin_time（即一天）/ last day, included; absent: the
        /// first day only.
        day_end_time: Option<i64> [range(0, i64::MAX, R_ST_02)],
        /// 群主过滤 / owner filter. ⚠ 文档表格标为必填，说明却称不填表示应用可见范围内全部群主（可见
        /// 范围超过 1000 人时报 81017）/ the page's table marks it required while its text says that
        /// without it every owner in the app's visible range is counted (81017 past 1000 people):
        /// the client accepts both.
        owner_filter: Option<GroupChatStatisticOwnerFilter>,
        /// 排序方式，默认为 1 / sort key, default 1 (new groups).
        order_by: Option<GroupChatStatisticOrderBy>,
        /// 是否升序，默认降序 / ascending (1) or descending (0, the default).
        order_asc: Option<GroupChatStatisticOrderAsc>,
        /// 分页偏移量，默认为 0 / page offset, default 0.
        offset: Option<u32>,
        /// 分页，预期请求的数据量，默认为 500，取值范围 1 ~ 1000 / page size, default 500, 1 to 1000.
        limit: Option<u32> [range(1, 1000, R_ST_02)],
    }
    rules = [
        error(R_ST_02).then(not_after("day_begin_time", "day_end_time", 0, &DAY_BEGIN_AFTER_END)),
        error(R_ST_02).then(not_after("day_end_time", "day_begin_time", MAX_STATISTIC_SPAN_SECS, &DAY_SPAN_TOO_LONG)),
    ];
}

model! {
    /// 客户群统计数据 / a group chat statistics record.
    object struct GroupChatStatisticData {
        /// 新增客户群数量 / new groups.
        new_chat_cnt: i64,
        /// 截至当天客户群总数量 / groups in total, as of the day.
        chat_total: i64,
        /// 截至当天有发过消息的客户群数量 / groups with messages, as of the day.
        chat_has_msg: i64,
        /// 客户群新增群人数 / new group members.
        new_member_cnt: i64,
        /// 截至当天客户群总人数 / group members in total, as of the day.
        member_total: i64,
        /// 截至当天有发过消息的群成员数 / group members who sent messages, as of the day.
        member_has_msg: i64,
        /// 截至当天客户群消息总数 / group messages in total, as of the day.
        msg_total: i64,
        /// 截至当天新增迁移群数（仅教培行业返回）/ migrated trainee groups (education corps only).
        migrate_trainee_chat_cnt: Option<i64>,
    }
}

model! {
    /// 一个群主的客户群统计数据 / one owner's group figures.
    object struct GroupChatStatisticByOwner {
        /// 群主 ID / the owner's userid.
        owner: String,
        /// 详情 / the figures.
        data: GroupChatStatisticData,
    }
}

model! {
    /// 按群主聚合的群聊数据统计结果 / result of groupchat/statistic.
    /// 当 next_offset 和 total 相等时，说明已经取完所有 / next_offset equal to total: nothing left.
    response struct GroupChatStatisticResponse {
        /// 命中过滤条件的记录总个数 / records matching the filter.
        total: i64,
        /// 当前分页的下一个 offset / the next page's offset.
        next_offset: i64,
        /// 记录列表：每个群主所拥有的客户群的统计数据 / per-owner records.
        items: Vec<GroupChatStatisticByOwner>,
    }
}

model! {
    /// 群主过滤（按自然日聚合）/ the owners whose groups are counted (by day).
    request struct GroupChatStatisticByDayOwnerFilter {
        /// 群主 ID 列表，最多 100 个 / owner userids, at most 100.
        userid_list: Option<Vec<String>> [max_items(MAX_STATISTIC_OWNERS, R_ST_03)],
    }
}

model! {
    /// 获取「群聊数据统计」数据，按自然日聚合 — <https://developer.work.weixin.qq.com/document/path/92133>.
    /// No paging, no sorting: one record per day of the range.
    request struct GroupChatStatisticByDayRequest {
        /// 起始日期的时间戳（当天 0 时）；取值范围：昨天至前 180 天 / first day (00:00 timestamp),
        /// between yesterday and 180 days ago (WeCom checks).
        day_begin_time: i64 = "R-ST-03" [range(0, i64::MAX, R_ST_03)],
        /// 结束日期的时间戳，不填默认同 day_begin_time / last day, included; absent: the first day only.
        day_end_time: Option<i64> [range(0, i64::MAX, R_ST_03)],
        /// 群主过滤 / owner filter (as on groupchat/statistic).
        owner_filter: Option<GroupChatStatisticByDayOwnerFilter>,
    }
    rules = [
        error(R_ST_03).then(not_after("day_begin_time", "day_end_time", 0, &DAY_BEGIN_AFTER_END)),
        error(R_ST_03).then(not_after("day_end_time", "day_begin_time", MAX_STATISTIC_SPAN_SECS, &DAY_SPAN_TOO_LONG)),
    ];
}

model! {
    /// 一天的客户群统计数据 / one day's group figures.
    object struct GroupChatStatisticByDay {
        /// 数据日期，为当日 0 点的时间戳 / the day (its 00:00 timestamp).
        stat_time: i64,
        /// 详情 / the figures.
        data: GroupChatStatisticData,
    }
}

model! {
    /// 按自然日聚合的群聊数据统计结果 / result of groupchat/statistic_group_by_day.
    response struct GroupChatStatisticByDayResponse {
        /// 每天的统计数据 / one record per day.
        items: Vec<GroupChatStatisticByDay>,
    }
}
