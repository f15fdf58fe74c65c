//! 客户标签 ID 的转换 — <https://developer.work.weixin.qq.com/document/path/96169>.

use crate::model;
use crate::rules::*;

use super::MAX_CONVERT_IDS;

model! {
    /// 企业客户标签 id 转换为服务商的标签 id — <https://developer.work.weixin.qq.com/document/path/96169>.
    /// Turns the corp's customer tag ids into the provider's.
    request struct ExternalTagidRequest {
        /// 企业客户标签 id 列表，1 到 1000 个 / 1 to 1000 corp tag ids.
        external_tagid_list: Vec<String> = "R-ID-04" [min_items(1, R_ID_04), max_items(MAX_CONVERT_IDS, R_ID_04)],
    }
}

model! {
    /// 一个标签 id 与其服务商标签 id / one tag id with the provider's id for it.
    object struct ExternalTagidItem {
        /// 企业主体的标签 id / the corp's tag id.
        external_tagid: String,
        /// 服务商主体的标签 id / the provider's tag id.
        open_external_tagid: String,
    }
}

model! {
    /// 客户标签 id 转换的结果 / result of idconvert/external_tagid.
    response struct ExternalTagidResponse {
        /// 转换结果 / the pairs.
        items: Vec<ExternalTagidItem>,
        /// 无法转换的标签 id / the tag ids that could not be converted. Kept optional: the doc
        /// page does not say it is sent when every id converts.
        invalid_external_tagid_list: Option<Vec<String>>,
    }
}
