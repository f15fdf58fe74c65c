//! external_userid 查询 pending_id — <https://developer.work.weixin.qq.com/document/path/97357>
//! (上下游) and <https://developer.work.weixin.qq.com/document/path/95900> (第三方/代开发).

use crate::model;
use crate::rules::*;

model! {
    /// external_userid 转 pending_id 的参数 / external_userid → pending_id request.
    request struct ExternalUseridToPendingIdRequest {
        /// 客户的 external_userid 列表，1 到 100 个 / 1 to 100 external_userids.
        external_userid: Vec<String> = "R-ID-02" [min_items(1, R_ID_02), max_items(100, R_ID_02)],
        /// 群 id；填写时只校验群主的可见范围 / group chat id (then only the owner's visibility is checked).
        chat_id: Option<String>,
    }
}

model! {
    /// 一个 external_userid 与其 pending_id / one external_userid with its pending_id.
    object struct PendingIdItem {
        /// 客户的 external_userid.
        external_userid: String,
        /// 90 天内有效的临时外部联系人 id / the 90-day temporary id.
        pending_id: String,
    }
}

model! {
    /// external_userid 转 pending_id 的结果（只含此前由 unionid 转换得到过的）/ result; only ids previously issued.
    response struct ExternalUseridToPendingIdResponse {
        /// 转换结果 / pairs found.
        result: Vec<PendingIdItem>,
    }
}
