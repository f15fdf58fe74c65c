//! 获取已服务的外部联系人 — <https://developer.work.weixin.qq.com/document/path/99434>.

use crate::model;

model! {
    /// 获取已服务的外部联系人（仅自建应用）：所有已服务的外部联系人，及其添加人和加入的群聊 / every
    /// external contact the corp has served, with who added them and the groups they joined
    /// (self-built apps only). Customers come with a `tmp_openid` and their `external_userid`,
    /// other contacts with a `tmp_openid` only; a `tmp_openid` is valid 4 hours (dedupe by it).
    request struct ContactListRequest {
        /// 分页游标，由上一次调用返回，首次调用可不填；cursor 具有有效期，请勿缓存后使用 / the previous page's next_cursor; it expires: do not cache it (R-CU-05).
        cursor: Option<String>,
        /// 返回的最大记录数，默认为 1000 / page size, default 1000.
        limit: Option<u32>,
    }
}

model! {
    /// 一个已服务的外部联系人 / one served external contact (an item of contact_list).
    ///
    /// Only `is_customer`, `tmp_openid` and `add_time` are always sent; the rest depends on
    /// whether the contact is a customer and whether they came through a member or a group.
    object struct ServedContact {
        /// 是否被成员标记为客户 / marked as a customer by a member.
        is_customer: bool,
        /// 外部联系人临时 ID（4 小时有效）/ the temporary id (valid 4 hours).
        tmp_openid: String,
        /// 外部联系人的 external_userid，如果是客户才返回 / the external_userid (customers only).
        external_userid: Option<String>,
        /// 脱敏后的外部联系人昵称，如果是其他外部联系人才返回 / the masked nickname (non-customers
        /// only).
        name: Option<String>,
        /// 添加此外部联系人的企业成员或外部联系人所在群聊的群主 userid / the member who added the
        /// contact, or the owner of the group they are in.
        follow_userid: Option<String>,
        /// 外部联系人所在的群聊 ID，如果群聊被成员标记为客户群才返回 / the group chat's id (customer
        /// groups only).
        chat_id: Option<String>,
        /// 外部联系人所在群聊的群名，如果群聊未被成员标记为客户群才返回 / the group chat's name
        /// (groups not marked as customer groups only).
        chat_name: Option<String>,
        /// 外部联系人首次添加/进群的时间（秒）/ when the contact was first added or joined
        /// (unix seconds).
        add_time: i64,
    }
}

model! {
    /// 获取已服务的外部联系人的结果 / result of contact_list.
    response struct ContactListResponse {
        /// 本页的外部联系人 / this page's contacts.
        info_list: Vec<ServedContact>,
        /// 分页游标，没有更多数据时为空 / the next page's cursor; empty or absent when done.
        next_cursor: Option<String>,
    }
}
