//! 客户管理：获取客户列表、获取客户详情、批量获取客户详情、修改客户备注信息 / customers: list,
//! detail, batch detail and remark — <https://developer.work.weixin.qq.com/document/path/92113>,
//! <https://developer.work.weixin.qq.com/document/path/92114>,
//! <https://developer.work.weixin.qq.com/document/path/92994>,
//! <https://developer.work.weixin.qq.com/document/path/92115>.

use super::customer_profile::ExternalContact;
use super::follow_info::{FollowInfo, FollowUser};
use crate::cross::*;
use crate::messages::Text;
use crate::model;
use crate::rules::*;

/// Most userids one batch/get_by_user call takes (R-CU-03).
pub const MAX_BATCH_USERIDS: usize = 100;
/// The largest page batch/get_by_user returns; a larger `limit` is clamped to it (R-CU-03).
pub const MAX_BATCH_LIMIT: i64 = 100;

model! {
    /// 获取客户列表 — <https://developer.work.weixin.qq.com/document/path/92113>. `GET
    /// ?userid=`: 客户是指配置了客户联系功能的成员所添加的外部联系人 / the customers one member
    /// added (only members with customer contact enabled have any).
    request struct ListExternalContactRequest {
        /// 企业成员的 userid / the member's userid.
        userid: String = "R-CU-01",
    }
}

model! {
    /// 获取客户列表的结果 / result of externalcontact/list.
    response struct ListExternalContactResponse {
        /// 外部联系人的 userid 列表 / the customers' external_userids.
        external_userid: Vec<String>,
    }
}

model! {
    /// 获取客户详情 — <https://developer.work.weixin.qq.com/document/path/92114>. `GET
    /// ?external_userid=&cursor=`: 当客户在企业内的跟进人超过 500 人时需要使用 cursor 参数进行分页获取
    /// / with more than 500 followers, `follow_user` pages by cursor.
    request struct GetExternalContactRequest {
        /// 外部联系人的 userid，注意不是企业成员的账号 / the customer's external_userid (not a member's userid).
        external_userid: String = "R-CU-02",
        /// 上次请求返回的 next_cursor / the previous answer's next_cursor.
        cursor: Option<String>,
    }
}

model! {
    /// 获取客户详情的结果 / result of externalcontact/get (and of the legacy
    /// crm/get_external_contact, which never pages).
    response struct GetExternalContactResponse {
        /// 客户的基本信息 / the customer.
        external_contact: ExternalContact,
        /// 添加了此外部联系人的企业成员（仅应用可见范围内）/ the members following the customer
        /// (those in the app's visible range; at most 500 a page).
        follow_user: Vec<FollowUser>,
        /// 分页的 cursor，当跟进人多于 500 人时返回 / the next page's cursor, sent with more than
        /// 500 followers.
        next_cursor: Option<String>,
    }
}

model! {
    /// 获取外部联系人详情（旧接口，不再维护，请使用 externalcontact/get）/ the legacy detail endpoint
    /// `GET /cgi-bin/crm/get_external_contact?external_userid=` (replaced by externalcontact/get,
    /// <https://developer.work.weixin.qq.com/document/path/92114>; its own page is no longer
    /// published). It does not page.
    request struct LegacyGetExternalContactRequest {
        /// 外部联系人的 userid / the customer's external_userid.
        external_userid: String = "R-CU-08",
    }
}

model! {
    /// 批量获取客户详情 — <https://developer.work.weixin.qq.com/document/path/92994>. 获取指定成员
    /// 添加的客户信息列表 / the customers of up to 100 members, one item per member–customer
    /// relation, paged by cursor.
    request struct BatchGetByUserRequest {
        /// 企业成员的 userid 列表，最多 100 个 / the members' userids, 1 to 100.
        userid_list: Vec<String> = "R-CU-03" [min_items(1, R_CU_03), max_items(MAX_BATCH_USERIDS, R_CU_03)],
        /// 分页游标，由上一次调用返回，首次调用可不填 / the previous page's next_cursor (empty or absent for the first page).
        cursor: Option<String>,
        /// 返回的最大记录数，最大值 100，默认值 50，超过最大值时取最大值 / page size: default 50, at most 100 (a larger value is clamped: a warning).
        limit: Option<u32>,
    }
    rules = [warning(R_CU_03).then(range_of("limit", 1, MAX_BATCH_LIMIT))];
}

model! {
    /// 批量获取客户详情中的一项：一个客户与查询成员之间的关系 / one item of batch/get_by_user: a
    /// customer and the member's relation with them.
    object struct ExternalContactWithFollowInfo {
        /// 客户的基本信息 / the customer.
        external_contact: ExternalContact,
        /// 企业成员客户跟进信息 / the member's follow relation.
        follow_info: FollowInfo,
    }
}

model! {
    /// 批量获取客户详情的结果 / result of batch/get_by_user.
    response struct BatchGetByUserResponse {
        /// 本页的客户 / this page's items.
        external_contact_list: Vec<ExternalContactWithFollowInfo>,
        /// 分页游标，没有更多数据时为空 / the next page's cursor; empty or absent when done.
        next_cursor: Option<String>,
    }
}

model! {
    /// 修改客户备注信息 — <https://developer.work.weixin.qq.com/document/path/92115>. 修改指定用户
    /// 添加的客户的备注信息 / changes one member's notes on one customer.
    request struct RemarkExternalContactRequest {
        /// 企业成员的 userid / the member's userid.
        userid: String = "R-CU-04",
        /// 外部联系人 userid / the customer's external_userid.
        external_userid: String = "R-CU-04",
        /// 此用户对外部联系人的备注，最多 20 个字符 / the remark, at most 20 characters.
        remark: Option<String> [max_chars(20, R_CU_04)],
        /// 此用户对外部联系人的描述，最多 150 个字符 / the description, at most 150 characters.
        description: Option<String> [max_chars(150, R_CU_04)],
        /// 备注的所属公司名称，最多 20 个字符，只在外部联系人为微信用户时有效 / the customer's company, at most 20 characters (used for WeChat customers only).
        remark_company: Option<String> [max_chars(20, R_CU_04)],
        /// 备注的手机号，覆盖旧的号码；填一个空字符串 [""] 清除所有 / phone numbers, replacing the stored ones; `[""]` clears them (no source states a count limit).
        remark_mobiles: Option<Vec<String>>,
        /// 备注图片的 mediaid（素材管理接口获得）/ media_id of a remark picture (from the media upload API).
        remark_pic_mediaid: Option<String>,
    }
    rules = [error(R_CU_04).then(at_least_one(
        &["remark", "description", "remark_company", "remark_mobiles", "remark_pic_mediaid"],
        &REMARK_EMPTY,
    ))];
}

const REMARK_EMPTY: Text = Text {
    zh: "remark、description、remark_company、remark_mobiles、remark_pic_mediaid 不能同时为空",
    en: "remark, description, remark_company, remark_mobiles and remark_pic_mediaid must not all be empty",
};
