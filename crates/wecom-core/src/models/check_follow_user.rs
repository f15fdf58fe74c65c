//! 检查用户是否配置了客户联系功能使用权限 — <https://developer.work.weixin.qq.com/document/path/96312>.

use crate::cross::*;
use crate::messages::Text;
use crate::model;
use crate::rules::*;

model! {
    /// 检查用户是否配置了客户联系功能使用权限：企业和第三方服务商可通过此接口检查部门或成员是否具备
    /// 客户联系权限 / which of these members and departments have customer contact enabled
    /// (doc 96312, 2024-06-27; field types as in Mud.Wechat's `CheckFollowUserRequest`).
    request struct CheckFollowUserRequest {
        /// 用户的 userid / the members' userids.
        userid: Option<Vec<String>>,
        /// 部门 id / the departments' ids.
        partyid: Option<Vec<u32>>,
    }
    // The page marks both optional; with neither there is nothing to check.
    rules = [warning(R_CU_07).then(at_least_one(&["userid", "partyid"], &NOTHING_TO_CHECK))];
}

const NOTHING_TO_CHECK: Text = Text {
    zh: "userid 与 partyid 都为空：没有可检查的成员或部门",
    en: "userid and partyid are both empty: there is no member or department to check",
};

model! {
    /// 一组成员与部门 / a set of members and departments (each list is left out when empty).
    object struct FollowUserScope {
        /// 用户 id / members' userids.
        userid: Option<Vec<String>>,
        /// 部门 id / departments' ids.
        partyid: Option<Vec<i64>>,
    }
}

model! {
    /// 检查的结果 / result of check_follow_user.
    response struct CheckFollowUserResponse {
        /// 有客户联系使用权限的用户与部门 / those with customer contact enabled.
        authorized: Option<FollowUserScope>,
        /// 无客户联系使用权限的用户与部门 / those without.
        unauthorized: Option<FollowUserScope>,
    }
}
