//! Shapes shared by several endpoints.

use crate::model;

model! {
    /// 只有返回码的结果 / a result that only carries errcode and errmsg.
    response struct ErrcodeResponse {
    }
}
