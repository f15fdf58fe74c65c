//! The rule catalogue: every validation rule the SDK enforces, with its stable id.
//!
//! Ids `R-…`/`T-…` are the ids of the project's rule reference (rules.md §1, §2); the lower-case
//! ids are structural checks that apply to every request. A rule id never changes meaning once
//! published: forms and tests key on it.

/// One rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable id, e.g. `R-CW-04`.
    pub id: &'static str,
    /// What the rule says, in Chinese.
    pub zh: &'static str,
    /// What the rule says, in English.
    pub en: &'static str,
}

macro_rules! catalogue {
    ($( $konst:ident = $id:literal, $zh:literal, $en:literal; )*) => {
        $(
            #[doc = concat!("`", $id, "`: ", $en)]
            pub const $konst: &str = $id;
        )*
        /// Every rule id with its description, in declaration order.
        pub const CATALOGUE: &[RuleInfo] = &[ $( RuleInfo { id: $id, zh: $zh, en: $en }, )* ];
    };
}

catalogue! {
    JSON_TYPE = "json-type", "字段类型必须与接口定义一致", "A field must have the JSON type the endpoint defines";
    DUPLICATE_FIELD = "duplicate-field", "同一字段不能出现两次", "A field must not appear twice";
    JSON_UNICODE = "json-unicode", "字符串不能包含不成对的代理项（无法以 UTF-8 发送）", "A string must not contain an unpaired surrogate (it cannot be sent as UTF-8)";
    JSON_DEPTH = "json-depth", "JSON 嵌套不能超过 127 层", "JSON must not be nested more than 127 levels deep";
    UNKNOWN_FIELD = "unknown-field", "接口未定义的字段会原样发送并给出警告（strict 时为错误）", "A field the endpoint does not define is sent as given, with a warning (an error with strict)";
    REQUIRED = "required", "必填字段不能缺失或为空", "A required field must be present and non-empty";
    INTEGER_RANGE = "integer-range", "整数必须在该字段允许的范围内", "An integer must lie in the range its field allows";
    T_01 = "T-01", "gettoken 需要 corpid 与 corpsecret", "gettoken needs corpid and corpsecret";
    R_CW_01 = "R-CW-01", "type 必填：1 单人，2 多人", "type is required: 1 single member, 2 multiple members";
    R_CW_02 = "R-CW-02", "scene 必填：1 在小程序中联系，2 通过二维码联系", "scene is required: 1 mini-program button, 2 QR code";
    R_CW_03 = "R-CW-03", "style 为控件样式编号（正整数），仅 scene=1 时生效；type=1 时 1–3，type=2 时 1–2（超出时警告）", "style is a widget style number (positive integer), used for scene 1 only; 1–3 for type 1, 1–2 for type 2 (a warning outside)";
    R_CW_04 = "R-CW-04", "remark 最多 30 个字符", "remark is at most 30 characters";
    R_CW_05 = "R-CW-05", "skip_verify 可选，默认 true", "skip_verify is optional and defaults to true";
    R_CW_06 = "R-CW-06", "state 最多 30 个字符", "state is at most 30 characters";
    R_CW_07 = "R-CW-07", "type=1 时 user 必填且只能有一个成员", "For type 1, user is required and holds exactly one userid";
    R_CW_08 = "R-CW-08", "party 仅在 type=2 时有效（type=1 时被忽略，警告）", "party is only used for type 2 (ignored for type 1: a warning)";
    R_CW_09 = "R-CW-09", "每个联系方式最多 100 个成员", "At most 100 members per contact way";
    R_CW_10 = "R-CW-10", "临时会话模式仅支持单人（type=1）", "Temporary mode (is_temp) supports type 1 only";
    R_CW_11 = "R-CW-11", "expires_in 最长 14 天（1209600 秒），仅 is_temp 时有效（否则被忽略，警告）", "expires_in is at most 14 days (1209600 s) and only used with is_temp (ignored otherwise: a warning)";
    R_CW_12 = "R-CW-12", "chat_expires_in 最长 14 天（1209600 秒），仅 is_temp 时有效（否则被忽略，警告）", "chat_expires_in is at most 14 days (1209600 s) and only used with is_temp (ignored otherwise: a warning)";
    R_CW_13 = "R-CW-13", "unionid 仅 is_temp 时有效（否则被忽略，警告）", "unionid is only used with is_temp (ignored otherwise: a warning)";
    R_CW_14 = "R-CW-14", "conclusions 仅 is_temp 时有效（否则被忽略，警告）", "conclusions is only used with is_temp (ignored otherwise: a warning)";
    R_CW_15 = "R-CW-15", "is_exclusive 可选，默认 false；update_contact_way 不支持（被忽略，警告）", "is_exclusive is optional and defaults to false; update_contact_way does not take it (ignored: a warning)";
    R_CW_16 = "R-CW-16", "API 创建的联系方式最多 50 万个（41045），临时会话每天最多 10 万个", "At most 500,000 API-created contact ways (41045); at most 100,000 temporary ones a day";
    R_CW_17 = "R-CW-17", "临时会话二维码添加一次好友后失效，过期后不可编辑", "A temporary QR code dies after one add and cannot be edited once expired";
    R_CW_18 = "R-CW-18", "config_id 必填（缺失 41043，无效 41044）", "config_id is required (missing 41043, invalid 41044)";
    R_CW_19 = "R-CW-19", "更新时 user、party 覆盖原列表", "On update, user and party replace the stored lists";
    R_CW_20 = "R-CW-20", "结束语：text.content ≤ 4000 字节，link.title ≤ 128 字节，link.desc ≤ 512 字节，miniprogram.title ≤ 64 字节；不能全部为空；image、link、miniprogram 只取其一（多填的被忽略，警告）", "Conclusions: text.content ≤ 4000 bytes, link.title ≤ 128, link.desc ≤ 512, miniprogram.title ≤ 64 bytes; not all empty; only one of image, link and miniprogram is used (the others are ignored: a warning)";
    R_CW_21 = "R-CW-21", "list_contact_way：limit 最大 1000，start_time 不晚于 end_time", "list_contact_way: limit at most 1000, start_time not after end_time";
    R_CW_22 = "R-CW-22", "close_temp_chat 需要 userid 与 external_userid", "close_temp_chat needs userid and external_userid";
    R_ID_01 = "R-ID-01", "idconvert/unionid_to_external_userid：unionid、openid 必填，须来自同一小程序；subject_type 0 企业主体（默认）、1 服务商主体；mass_call_ticket 可选（高频调用凭据）；返回 external_userid 或 pending_id（90 天有效）", "idconvert/unionid_to_external_userid: unionid and openid are required and come from the same mini-program; subject_type 0 corp subject (default), 1 provider subject; mass_call_ticket optional (the high-frequency call ticket); answers an external_userid or a pending_id (valid 90 days)";
    R_ID_02 = "R-ID-02", "external_userid 列表必填，最多 100 个", "external_userid list is required, at most 100 ids";
    R_ID_03 = "R-ID-03", "get_new_external_userid：external_userid_list 必填，1 到 1000 个（建议 200）；客户群成员版本另需 chat_id", "get_new_external_userid: external_userid_list is required, 1 to 1000 ids (200 recommended); the group-member variant also needs chat_id";
    R_ID_04 = "R-ID-04", "自建应用与第三方应用的 ID 转换：from_service_external_userid 需要 external_userid 与 source_agentid；batch/openuserid_to_userid 需要 open_userid_list（1 到 1000 个）与 source_agentid；idconvert/external_tagid 需要 1 到 1000 个标签 id", "Self-built/third-party id conversion: from_service_external_userid needs external_userid and source_agentid; batch/openuserid_to_userid needs open_userid_list (1 to 1000) and source_agentid; idconvert/external_tagid needs 1 to 1000 tag ids";
    R_ID_05 = "R-ID-05", "上下游 unionid 转换：unionid、openid 必填，corpid、mass_call_ticket 可选；unionid_to_external_userid 每小时 2 万次、每天 24 万次，unionid_to_pending_id 每小时 10 万次、每天 48 万次；pending_id 90 天有效", "Upstream/downstream unionid conversion: unionid and openid are required, corpid and mass_call_ticket optional; unionid_to_external_userid 20,000 calls an hour and 240,000 a day, unionid_to_pending_id 100,000 an hour and 480,000 a day; a pending_id is valid 90 days";
    R_ID_06 = "R-ID-06", "convert_to_openid：external_userid 必填，仅支持微信客户；企业微信客户（wo 开头）由服务端拒绝", "convert_to_openid: external_userid is required and must be a WeChat customer's; WeCom-type ids (starting with wo) are refused by the server";

    // ── issue 11: R-CU (customers helper: add lines below this one) ──
    R_CU_01 = "R-CU-01", "externalcontact/list：userid 必填；只有配置了客户联系功能的成员才有客户（否则 84074）", "externalcontact/list: userid is required; only members with customer contact enabled have customers (otherwise 84074)";
    R_CU_02 = "R-CU-02", "externalcontact/get：external_userid 必填（缺失 41035）；跟进人超过 500 人时 follow_user 以 cursor/next_cursor 分页；只返回应用可见范围内的跟进人", "externalcontact/get: external_userid is required (missing 41035); with more than 500 followers follow_user pages by cursor/next_cursor; only followers in the app's visible range are returned";
    R_CU_03 = "R-CU-03", "batch/get_by_user：userid_list 必填，1 到 100 个；limit 默认 50，最大 100，超过时按 100 处理（警告）；follow_info.tag_id 只含企业标签与规则组标签", "batch/get_by_user: userid_list is required, 1 to 100 userids; limit defaults to 50 and is at most 100, larger values are clamped to 100 (a warning); follow_info.tag_id holds corp and strategy tags only";
    R_CU_04 = "R-CU-04", "remark：userid、external_userid 必填；remark 最多 20 个字符，description 最多 150 个字符，remark_company 最多 20 个字符（仅微信客户有效）；remark、description、remark_company、remark_mobiles、remark_pic_mediaid 不能同时为空；remark_mobiles 覆盖原号码，[\"\"] 清空", "remark: userid and external_userid are required; remark at most 20 characters, description at most 150, remark_company at most 20 (WeChat customers only); remark, description, remark_company, remark_mobiles and remark_pic_mediaid must not all be empty; remark_mobiles replaces the stored numbers, [\"\"] clears them";
    R_CU_05 = "R-CU-05", "contact_list（仅自建应用）：tmp_openid 为 4 小时有效的临时 ID（用于去重）；cursor 有有效期，不要缓存", "contact_list (self-built apps only): tmp_openid is a temporary id valid 4 hours (a dedupe key); the cursor expires: do not cache it";
    R_CU_06 = "R-CU-06", "返回的枚举：add_way 来源（0 未知 … 16 获客链接，201 内部成员共享，202 管理员/负责人分配），客户 type（1 微信用户，2 企业微信用户），gender（0 未知，1 男，2 女），标签 type（1 企业，2 个人，3 规则组），对外属性 type（0 文本，1 网页，2 小程序）；未知取值保留为数字", "Enums in answers: add_way (0 unknown … 16 acquisition link, 201 shared by a member, 202 assigned by an admin), customer type (1 WeChat user, 2 WeCom user), gender (0 unknown, 1 male, 2 female), tag type (1 corp, 2 personal, 3 strategy group), external attribute type (0 text, 1 web page, 2 mini-program); an unknown value is kept as a number";
    R_CU_07 = "R-CU-07", "check_follow_user：userid（成员）与 partyid（部门）均可选；都不填时没有可检查的对象（警告）", "check_follow_user: userid (members) and partyid (departments) are both optional; with neither there is nothing to check (a warning)";
    R_CU_08 = "R-CU-08", "crm/get_external_contact（旧接口，已由 externalcontact/get 取代）：external_userid 必填；不分页", "crm/get_external_contact (legacy, replaced by externalcontact/get): external_userid is required; it does not page";
    R_CU_09 = "R-CU-09", "externalcontact/unionid_to_external_userid（企业主体小程序）：unionid、openid 必填且须来自同一个企业主体小程序；仅认证企业、第三方或代开发应用调用；跟进人或群主须在应用可见范围内", "externalcontact/unionid_to_external_userid (corp-subject mini-program): unionid and openid are required and come from the same mini-program of the corp's own subject; verified corps only, called by third-party or 代开发 apps; the follower or group owner must be in the app's visible range";

    // ── issue 11: R-TG, R-JW (tags helper: add lines below this one) ──

    // ── issue 11: R-TR, R-GC (transfers helper: add lines below this one) ──

}

/// Looks a rule up by id.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    CATALOGUE.iter().find(|r| r.id == id)
}

/// What a field-level rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// String length in Unicode scalar values (the docs' 字符).
    MaxChars(usize),
    /// String length in UTF-8 bytes (the docs' 字节).
    MaxBytes(usize),
    /// Array length at least this.
    MinItems(usize),
    /// Array length at most this.
    MaxItems(usize),
    /// Integer within `[min, max]`.
    Range(i64, i64),
}

/// A field-level rule: a check and the id reported when it fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// What is checked.
    pub check: Check,
    /// The stable rule id.
    pub id: &'static str,
}

/// At most `n` characters (Unicode scalar values).
pub const fn max_chars(n: usize, id: &'static str) -> Rule {
    Rule { check: Check::MaxChars(n), id }
}
/// At most `n` UTF-8 bytes.
pub const fn max_bytes(n: usize, id: &'static str) -> Rule {
    Rule { check: Check::MaxBytes(n), id }
}
/// At least `n` array items.
pub const fn min_items(n: usize, id: &'static str) -> Rule {
    Rule { check: Check::MinItems(n), id }
}
/// At most `n` array items.
pub const fn max_items(n: usize, id: &'static str) -> Rule {
    Rule { check: Check::MaxItems(n), id }
}
/// Integer in `[min, max]`.
pub const fn range(min: i64, max: i64, id: &'static str) -> Rule {
    Rule { check: Check::Range(min, max), id }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert!(CATALOGUE[i + 1..].iter().all(|b| b.id != a.id), "duplicate {}", a.id);
        }
    }
}
