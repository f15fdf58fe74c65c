//! unionid（+ openid）转换为客户 id — 第三方/代开发
//! <https://developer.work.weixin.qq.com/document/path/95900> (rules: /97108), 上下游
//! <https://developer.work.weixin.qq.com/document/path/95818> and
//! <https://developer.work.weixin.qq.com/document/path/97357>.

use crate::{int_enum, model};

int_enum! {
    /// 小程序或公众号的主体类型 / whose mini-program or official account the ids come from.
    enum SubjectType (rule = "R-ID-01") {
        /// 企业主体（默认）/ the corp's own (default).
        Corp = 0,
        /// 服务商主体 / the provider's.
        Provider = 1,
    }
}

/// Puts the `unionid` and `openid` every unionid conversion takes in front of a `model!`
/// request declaration (declared once here); `$rule` is the rule that requires them.
macro_rules! with_unionid_openid {
    ($rule:literal; $(#[doc = $doc:literal])* request struct $name:ident { $($own:tt)* } $($tail:tt)*) => {
        model! {
            $(#[doc = $doc])*
            request struct $name {
                /// 微信用户的 unionid / the WeChat user's unionid.
                unionid: String = $rule,
                /// 同一小程序或公众号下该用户的 openid / the user's openid in the same mini-program or official account.
                openid: String = $rule,
                $($own)*
            }
            $($tail)*
        }
    };
}

with_unionid_openid! { "R-ID-01";
    /// unionid 转换为第三方 external_userid — <https://developer.work.weixin.qq.com/document/path/95900>.
    /// 第三方/代开发应用调用；用户尚未成为客户（或跟进人不在可见范围）时返回 90 天有效的 pending_id。
    /// Called by third-party and 代开发 apps; when the user is not a customer yet (or the follower is
    /// outside the app's visible range) the answer is a pending_id, valid 90 days. Quota per hour
    /// 100,000, per day 480,000, per month 7,500,000 (per corp for subject_type 0, per provider for 1).
    request struct UnionidToExternalUseridRequest {
        /// 主体类型：0 企业主体（默认），1 服务商主体 / 0 corp subject (default), 1 provider subject.
        subject_type: Option<SubjectType>,
        /// 大批量调用凭据（corp/apply_mass_call_ticket 获取，授权后 3 个月内可申请，7 天有效），传入时不受业务频率限制 /
        /// the high-frequency call ticket (doc 96250): with it the business quota does not apply.
        mass_call_ticket: Option<String>,
    }
}

with_unionid_openid! { "R-ID-05";
    /// 上下游：unionid 查询各下游企业的 external_userid —
    /// <https://developer.work.weixin.qq.com/document/path/95818>. 每小时 2 万次、每天 24 万次 /
    /// 20,000 calls an hour, 240,000 a day.
    request struct CorpGroupUnionidToExternalUseridRequest {
        /// 只查这一家下游企业；不填则查所有 / only this downstream corp (all when absent).
        corpid: Option<String>,
        /// 大批量调用凭据，适用于数据初始化场景 / the high-frequency call ticket, for the initial data
        /// load (doc 95818).
        mass_call_ticket: Option<String>,
    }
}

with_unionid_openid! { "R-ID-05";
    /// 上下游：unionid 查询 pending_id（90 天有效，每个共享应用唯一）—
    /// <https://developer.work.weixin.qq.com/document/path/97357>. The pending_id is valid 90 days
    /// and unique per shared app. 每小时 10 万次、每天 48 万次、每月 750 万次（每个上游企业）/
    /// 100,000 calls an hour, 480,000 a day, 7.5 million a month per upstream corp (doc 98040; the
    /// 20,000/240,000 quota belongs to unionid_to_external_userid, rules.md §1.14).
    request struct CorpGroupUnionidToPendingIdRequest {}
}

model! {
    /// unionid 转换的结果：external_userid 或 pending_id / an external_userid, or a pending_id when the
    /// user is not a customer yet.
    response struct UnionidToExternalUseridResponse {
        /// 客户的 external_userid（已是客户时）/ the customer's external_userid, when they are one
        /// (otherwise absent, and `pending_id` is there).
        external_userid: Option<String>,
        /// 90 天内有效的临时外部联系人 id，仅在尚不是客户时返回 / the 90-day temporary id, sent
        /// only when the user is not a customer yet (then instead of `external_userid`).
        pending_id: Option<String>,
    }
}

model! {
    /// 下游企业中的客户 / the customer in one downstream corp.
    object struct CorpExternalUserid {
        /// 下游企业的 corpid / the downstream corp.
        corpid: String,
        /// 该企业中客户的 external_userid / the customer's external_userid there.
        external_userid: String,
    }
}

model! {
    /// 上下游 unionid 查询 external_userid 的结果 / result of corpgroup/unionid_to_external_userid.
    response struct CorpGroupUnionidToExternalUseridResponse {
        /// 每家下游企业一项 / one item per downstream corp where the user is a customer.
        external_userid_info: Vec<CorpExternalUserid>,
    }
}

model! {
    /// 上下游 unionid 查询 pending_id 的结果 / result of corpgroup/unionid_to_pending_id.
    response struct CorpGroupUnionidToPendingIdResponse {
        /// 90 天内有效的临时外部联系人 id / the 90-day temporary id.
        pending_id: String,
    }
}
