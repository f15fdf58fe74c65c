//! Shapes shared by several endpoints.

use crate::model;

/// Most ids one id-conversion call takes (R-ID-03, R-ID-04).
pub const MAX_CONVERT_IDS: usize = 1000;

model! {
    /// 只有返回码的结果 / a result that only carries errcode and errmsg.
    response struct ErrcodeResponse {
    }
}
