//! 自建应用与第三方应用的对接：external_userid 与 userid 转换 —
//! <https://developer.work.weixin.qq.com/document/path/95884>.

use crate::model;
use crate::rules::*;

use super::MAX_CONVERT_IDS;

model! {
    /// 第三方/代开发应用的 external_userid 转换为自建应用的 —
    /// <https://developer.work.weixin.qq.com/document/path/95884>. 用自建应用的 access_token 调用，
    /// 跟进人或群主须同时在两个应用的可见范围内 / called with the self-built app's token; the
    /// follower or group owner must be visible to both apps.
    request struct FromServiceExternalUseridRequest {
        /// 服务商主体的 external_userid / the provider-subject id.
        external_userid: String = "R-ID-04",
        /// 获取该 id 的第三方或代开发应用的 agentid / agentid of the app the id came from.
        source_agentid: u32 = "R-ID-04" [range(1, u32::MAX as i64, R_ID_04)],
    }
}

model! {
    /// 自建应用的 external_userid / the self-built app's id.
    response struct FromServiceExternalUseridResponse {
        /// 企业主体的 external_userid / the corp-subject id.
        external_userid: String,
    }
}

model! {
    /// 第三方/代开发应用获取的密文 open_userid 转换为明文 userid —
    /// <https://developer.work.weixin.qq.com/document/path/95884>.
    /// Turns the ciphertext open_userids a third-party or 代开发 app got into plain userids.
    request struct OpenuseridToUseridRequest {
        /// open_userid 列表，1 到 1000 个，须由 source_agentid 的应用获取 / 1 to 1000 open_userids obtained by that app.
        open_userid_list: Vec<String> = "R-ID-04" [min_items(1, R_ID_04), max_items(MAX_CONVERT_IDS, R_ID_04)],
        /// 获取 open_userid 的应用的 agentid / agentid of the app the open_userids came from.
        source_agentid: u32 = "R-ID-04" [range(1, u32::MAX as i64, R_ID_04)],
    }
}

model! {
    /// 一个 open_userid 与其 userid / one open_userid with its userid.
    object struct OpenuseridUserid {
        /// 密文 open_userid / the ciphertext id.
        open_userid: String,
        /// 明文 userid / the plain userid.
        userid: String,
    }
}

model! {
    /// open_userid 转换的结果 / result of batch/openuserid_to_userid.
    response struct OpenuseridToUseridResponse {
        /// 转换成功的 / the converted ids.
        userid_list: Vec<OpenuseridUserid>,
        /// 无法转换的 open_userid / open_userids that could not be converted. Kept optional: the
        /// doc page does not say it is sent when every id converts.
        invalid_open_userid_list: Option<Vec<String>>,
    }
}
