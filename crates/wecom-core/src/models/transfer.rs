//! 在职继承与离职继承：分配客户、查询接替状态、待分配的离职成员列表 — on-job transfer
//! (<https://developer.work.weixin.qq.com/document/path/92125>, /94088) and resigned transfer
//! (<https://developer.work.weixin.qq.com/document/path/92124>, /94081, /94082).
//!
//! 0 in a per-customer `errcode` only means the transfer **started**: the takeover member takes
//! over automatically after 24 hours (R-TR-03); poll `transfer_result` for the outcome.

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{model, open_enum};

/// Most customers one transfer call takes (R-TR-01, R-TR-02): 「每次最多分配100个客户」.
pub const MAX_TRANSFER_CUSTOMERS: usize = 100;

/// Most characters of `transfer_success_msg` (R-TR-01, R-TR-10): 「最多200个字符」.
pub const MAX_TRANSFER_SUCCESS_MSG_CHARS: usize = 200;

open_enum! {
    /// 接替状态 / the state of one customer's takeover (`transfer_result`,
    /// `resigned/transfer_result`, the legacy `get_transfer_result`).
    enum TransferStatus {
        /// 1 接替完毕 / taken over.
        Done = 1,
        /// 2 等待接替（24 小时后自动接替）/ waiting (taken over automatically after 24 h).
        Waiting = 2,
        /// 3 客户拒绝 / the customer refused.
        Refused = 3,
        /// 4 接替成员客户达到上限 / the takeover member is at the customer limit.
        TakeoverAtLimit = 4,
        /// 5 无接替记录（在职继承与旧接口）/ no transfer record (on-job and the legacy endpoint).
        NoRecord = 5,
    }
}

impl Default for TransferStatus {
    /// A missing `status` reads as the value 0, which is no status WeCom defines (`Other(0)`).
    fn default() -> Self {
        Self::from_value(0)
    }
}

model! {
    /// 分配在职成员的客户 — <https://developer.work.weixin.qq.com/document/path/92125>.
    /// 企业可通过此接口，转接在职成员的客户给其他成员。90 个自然日内，在职成员的每位客户仅可被转接
    /// 2 次（40128）。Transfers an on-job member's customers to another member; each customer can be
    /// transferred at most twice in 90 natural days (40128). The takeover member must be in the
    /// app's visible range, have customer contact enabled, be activated and real-name verified.
    request struct TransferCustomerRequest {
        /// 原跟进成员的 userid / the member who follows the customers now.
        handover_userid: String = "R-TR-01",
        /// 接替成员的 userid / the member who takes them over.
        takeover_userid: String = "R-TR-01",
        /// 客户的 external_userid 列表，每次最多分配 100 个客户 / the customers, 1 to 100 per call.
        /// Each must be a customer of handover_userid.
        external_userid: Vec<String> = "R-TR-01" [min_items(1, R_TR_01), max_items(MAX_TRANSFER_CUSTOMERS, R_TR_01)],
        /// 转移成功后发给客户的消息，最多 200 个字符 / message to the customer, at most 200 characters.
        /// 不填则使用默认文案 / WeCom's default text when absent.
        transfer_success_msg: Option<String> [max_chars(MAX_TRANSFER_SUCCESS_MSG_CHARS, R_TR_01)],
    }
}

model! {
    /// 分配离职成员的客户 — <https://developer.work.weixin.qq.com/document/path/94081>.
    /// handover_userid 必须是已离职用户（否则 40097）。Assigns a resigned member's customers to
    /// another member; the handover member must have resigned (40097 otherwise). There is no
    /// `transfer_success_msg` here (it is only used for on-job transfers).
    request struct ResignedTransferCustomerRequest {
        /// 原跟进成员（已离职）的 userid / the resigned member who followed the customers.
        handover_userid: String = "R-TR-02",
        /// 接替成员的 userid / the member who takes them over.
        takeover_userid: String = "R-TR-02",
        /// 客户的 external_userid 列表，最多一次转移 100 个客户 / the customers, at most 100 per call.
        external_userid: Vec<String> = "R-TR-02" [min_items(1, R_TR_02), max_items(MAX_TRANSFER_CUSTOMERS, R_TR_02)],
    }
}

model! {
    /// 对一位客户的分配结果 / the outcome of the transfer call for one customer.
    object struct TransferCustomerResult {
        /// 客户的 external_userid / the customer.
        external_userid: String,
        /// 对此客户进行分配的结果（全局错误码）/ this customer's errcode.
        /// 0 表示成功发起接替，待 24 小时后自动接替，并不代表最终接替成功 / 0 means the transfer started
        /// and completes automatically after 24 h, not that it succeeded (R-TR-03); 40128 too
        /// frequent, 40129 in progress, 40130 same member, 40131 not a follower, 40100 already in
        /// transfer … (R-TR-04).
        errcode: i64,
    }
}

model! {
    /// 分配客户的结果（在职、离职相同）/ result of transfer_customer and resigned/transfer_customer.
    response struct TransferCustomerResponse {
        /// 每位客户一项 / one item per customer of the request.
        customer: Vec<TransferCustomerResult>,
    }
}

model! {
    /// 查询客户接替状态（在职 <https://developer.work.weixin.qq.com/document/path/94088>，离职
    /// <https://developer.work.weixin.qq.com/document/path/94082>）/ the takeover state of the
    /// customers one member handed to another, by cursor pages of at most 1000 records.
    request struct TransferResultRequest {
        /// 原添加成员的 userid / the handover member.
        handover_userid: String = "R-TR-06",
        /// 接替成员的 userid / the takeover member.
        takeover_userid: String = "R-TR-06",
        /// 分页查询的 cursor，不填或为空表示第一个分页 / the previous answer's cursor (absent: first page).
        /// 每个分页返回的数据不会超过 1000 条 / each page holds at most 1000 records.
        cursor: Option<String>,
    }
}

model! {
    /// 一位客户的接替状态 / one customer's takeover state.
    object struct TransferResultCustomer {
        /// 转接客户的外部联系人 userid / the customer.
        external_userid: String,
        /// 接替状态 / takeover state.
        /// 1 接替完毕，2 等待接替，3 客户拒绝，4 接替成员客户达到上限，5 无接替记录 / 1 done, 2 waiting,
        /// 3 refused, 4 takeover member at the limit, 5 no record.
        status: TransferStatus,
        /// 接替客户的时间（秒）/ when the customer was taken over, unix seconds.
        /// 等待接替时为未来的自动接替时间 / while waiting, when it will be; 0 when there is none.
        takeover_time: i64,
    }
}

model! {
    /// 查询客户接替状态的结果 / result of transfer_result and resigned/transfer_result.
    response struct TransferResultResponse {
        /// 本页的客户 / this page's customers.
        customer: Vec<TransferResultCustomer>,
        /// 下个分页的起始 cursor，为空表示没有更多 / the next page's cursor; absent or empty when done.
        next_cursor: Option<String>,
    }
}

model! {
    /// 获取待分配的离职成员列表 — <https://developer.work.weixin.qq.com/document/path/92124>.
    /// 返回数据按离职时间的降序排列。Lists the customers of resigned members that are still
    /// unassigned, newest resignation first. Page by `page_id` × `page_size` while that stays under
    /// 50 000, beyond that by `cursor` (R-TR-07).
    request struct GetUnassignedListRequest {
        /// 分页查询的页号，从 0 开始 / page number, from 0.
        /// page_id × page_size 须小于 50000 / page_id × page_size must stay under 50 000 (the field
        /// bound is 49 999, for page_size 1; the product is checked by `paginate`, and by WeCom).
        page_id: Option<u32> [range(0, 49_999, R_TR_07)],
        /// 每次返回的最大记录数，默认为 1000，最大值为 1000 / page size, default 1000, at most 1000.
        page_size: Option<u32> [range(1, 1000, R_TR_07)],
        /// 分页查询游标，由上一次调用返回 / the previous answer's cursor.
        /// 适用于数据量较大的情况，使用该参数则无需填写 page_id / for large lists; with it page_id is
        /// not needed.
        cursor: Option<String>,
    }
    rules = [warning(R_TR_07).when(&[Cond::Filled("cursor")]).then(absent("page_id", &PAGE_ID_WITH_CURSOR))];
}

const PAGE_ID_WITH_CURSOR: Text = Text {
    zh: "使用 cursor 时无需填写 page_id，此项被忽略",
    en: "is not needed with a cursor (WeCom pages by the cursor): it is ignored",
};

model! {
    /// 一位待分配的离职成员的客户 / one unassigned customer of a resigned member.
    object struct UnassignedCustomer {
        /// 离职成员的 userid / the resigned member.
        handover_userid: String,
        /// 外部联系人 userid / the customer.
        external_userid: String,
        /// 成员离职时间（秒）/ when the member resigned, unix seconds.
        dimission_time: i64,
    }
}

model! {
    /// 待分配的离职成员列表 / result of get_unassigned_list.
    response struct GetUnassignedListResponse {
        /// 本页的客户 / this page's customers.
        info: Vec<UnassignedCustomer>,
        /// 是否是最后一条记录 / true on the last page.
        is_last: bool,
        /// 分页查询游标，已经查完则返回空（""）/ the next page's cursor, "" when done.
        /// 使用 page_id 作为查询参数时不返回 / not sent when paging by page_id.
        next_cursor: Option<String>,
    }
}
