//! 旧的客户分配接口：「分配在职或离职成员的客户」（externalcontact/transfer，最初发布于
//! <https://developer.work.weixin.qq.com/document/path/92125>，该页现为 transfer_customer）与
//! 「查询客户接替结果」（externalcontact/get_transfer_result，
//! <https://developer.work.weixin.qq.com/document/path/92973>）。官方：原接口后续将不再更新维护，
//! 请使用新接口 — the legacy endpoints, no longer maintained: use `transfer_customer` /
//! `resigned/transfer_customer` and `transfer_result` / `resigned/transfer_result` instead.

use super::{TransferStatus, MAX_TRANSFER_SUCCESS_MSG_CHARS};
use crate::model;
use crate::rules::*;

model! {
    /// 分配在职或离职成员的客户（旧接口，一次一位客户）/ the legacy single-customer transfer of an
    /// on-job or resigned member's customer (replaced by transfer_customer, doc 92125, and
    /// resigned/transfer_customer, doc 94081). external_userid must be a customer of
    /// handover_userid; the takeover member needs customer contact, an activated account and a
    /// verified real name.
    request struct LegacyTransferRequest {
        /// 外部联系人的 userid，注意不是企业成员的帐号 / the customer's external_userid (one, a string).
        external_userid: String = "R-TR-10",
        /// 原跟进成员（在职或离职）的 userid / the member who follows the customer (on-job or resigned).
        handover_userid: String = "R-TR-10",
        /// 接替成员的 userid / the member who takes the customer over.
        takeover_userid: String = "R-TR-10",
        /// 转移成功后发给客户的消息，最多 200 个字符 / message to the customer, at most 200 characters.
        /// 不填则使用默认文案，目前只对在职成员分配客户的情况生效 / WeCom's default text when absent; only
        /// used when the handover member is on the job.
        transfer_success_msg: Option<String> [max_chars(MAX_TRANSFER_SUCCESS_MSG_CHARS, R_TR_10)],
    }
}

model! {
    /// 查询客户接替结果（旧接口，一次一位客户）/ the legacy takeover state of one customer
    /// (replaced by transfer_result, doc 94088, and resigned/transfer_result, doc 94082).
    request struct GetTransferResultRequest {
        /// 客户的 external_userid / the customer.
        external_userid: String = "R-TR-11",
        /// 原添加成员的 userid / the handover member.
        handover_userid: String = "R-TR-11",
        /// 接替成员的 userid / the takeover member.
        takeover_userid: String = "R-TR-11",
    }
}

model! {
    /// 客户接替结果（旧接口）/ result of the legacy get_transfer_result.
    response struct GetTransferResultResponse {
        /// 接替状态 / takeover state.
        /// 1 接替完毕，2 等待接替，3 客户拒绝，4 接替成员客户达到上限，5 无接替记录 / 1 done, 2 waiting,
        /// 3 refused, 4 takeover member at the limit, 5 no record.
        status: TransferStatus,
        /// 接替客户的时间（秒）/ when the customer was taken over, unix seconds.
        /// 等待接替时为未来的自动接替时间 / while waiting, when it will be.
        takeover_time: i64,
    }
}
