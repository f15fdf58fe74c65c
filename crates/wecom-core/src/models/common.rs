//! Shapes shared by several endpoints.

use crate::model;

model! {
    /// 只有返回码的结果 / a result that only carries errcode and errmsg.
    response struct ErrcodeResponse {
        /// 返回码，0 表示成功 / 0 on success.
        errcode: i64,
        /// 返回码描述 / text for errcode.
        errmsg: String,
    }
}
