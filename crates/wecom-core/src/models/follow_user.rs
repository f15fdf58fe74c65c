//! 获取配置了客户联系功能的成员列表 — <https://developer.work.weixin.qq.com/document/path/92571>.

use crate::model;

model! {
    /// get_follow_user_list 不需要参数 / get_follow_user_list takes no parameters.
    request struct GetFollowUserListRequest {}
}

model! {
    /// 配置了客户联系功能的成员 / members with the customer-contact feature.
    response struct GetFollowUserListResponse {
        /// 成员 userid 列表 / member userids.
        follow_user: Vec<String>,
    }
}
