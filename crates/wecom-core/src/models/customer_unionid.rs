//! 企业主体 unionid 转换为第三方 external_userid —
//! <https://developer.work.weixin.qq.com/document/path/93274>.

use crate::model;

model! {
    /// 企业主体 unionid 转换为第三方 external_userid：服务商为企业代开发（企业主体的）小程序时，将登录
    /// 用户的 unionid 转为服务商全局唯一的 external_userid / for a mini-program of the corp's own
    /// subject built by a provider: the logged-in user's unionid to the provider's
    /// external_userid. Called with a third-party or 代开发 app's token; verified corps only; the
    /// follower (or the group owner) must be in the app's visible range (R-CU-09). The page
    /// requires openid (WxJava's `unionidToExternalUserid` still treats it as optional: the page
    /// is followed).
    request struct CorpUnionidToExternalUseridRequest {
        /// 微信客户的 unionid / the WeChat user's unionid.
        unionid: String = "R-CU-09",
        /// 微信客户的 openid，须与 unionid 在同一个小程序获取 / the user's openid from the same mini-program as the unionid.
        openid: String = "R-CU-09",
    }
}

model! {
    /// 企业主体 unionid 转换的结果 / result of externalcontact/unionid_to_external_userid.
    response struct CorpUnionidToExternalUseridResponse {
        /// 该企业的外部联系人 ID / the customer's external_userid.
        external_userid: String,
    }
}
