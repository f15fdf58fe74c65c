//! 获取 access_token — <https://developer.work.weixin.qq.com/document/path/91039>.

use crate::model;
use crate::schema::Secret;

model! {
    /// 获取 access_token 的参数（GET query）/ gettoken query parameters.
    request struct GetTokenRequest {
        /// 企业 ID / corp id.
        corpid: String = "T-01",
        /// 应用的凭证密钥（客户联系 secret 或可调用应用的 secret）/ the app secret; never logged.
        corpsecret: Secret = "T-01",
    }
}

model! {
    /// gettoken 的结果 / result of gettoken.
    response struct GetTokenResponse {
        /// 访问凭证，最长 512 字节 / the token (up to 512 bytes).
        access_token: String,
        /// 有效期（秒），通常 7200 / validity in seconds, normally 7200.
        expires_in: i64,
    }
}
