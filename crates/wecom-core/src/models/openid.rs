//! external_userid 转换为 openid — <https://developer.work.weixin.qq.com/document/path/92323>.

use crate::model;

model! {
    /// 微信客户的 external_userid 转换为企业（支付）的 openid —
    /// <https://developer.work.weixin.qq.com/document/path/92323>.
    /// 仅支持微信客户：企业微信客户的 id（wo 开头）由服务端拒绝（errcode 40096 / 41056），
    /// SDK 不按前缀预判，前缀只是经验规律（R-ID-06）。
    /// WeChat customers only: the server refuses WeCom-type ids (starting with `wo`) with errcode
    /// 40096 / 41056. The SDK does not check the prefix, which is only a heuristic (R-ID-06).
    request struct ConvertToOpenidRequest {
        /// 微信客户的 external_userid（企业微信客户 wo… 由服务端拒绝）/ a WeChat customer's id (WeCom-type wo… ids are refused by the server).
        external_userid: String = "R-ID-06",
    }
}

model! {
    /// external_userid 转换为 openid 的结果 / result of convert_to_openid.
    response struct ConvertToOpenidResponse {
        /// 该客户在企业绑定的公众号/小程序下的 openid / the customer's openid under the corp's bound account.
        openid: String,
    }
}
