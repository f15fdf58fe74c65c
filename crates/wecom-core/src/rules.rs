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
    R_TG_01 = "R-TG-01", "企业标签与规则组标签合计最多 3000 个（40126）", "At most 3000 corp tags, corp and strategy tags together (40126)";
    R_TG_02 = "R-TG-02", "add_corp_tag：tag 至少一个（不支持空标签组），tag.name 必填且最长 30 个字符，group_name 最长 30 个字符，order 在 [0, 2^32)；group_id 与 group_name 至少填一个；填写 group_id 时 group_name 和标签组 order 被忽略（警告）", "add_corp_tag: at least one tag (no empty groups), tag.name required and at most 30 characters, group_name at most 30 characters, order in [0, 2^32); group_id or group_name is needed; with group_id, group_name and the group's order are ignored (a warning)";
    R_TG_03 = "R-TG-03", "edit_corp_tag：id（标签或标签组）必填，name 最长 30 个字符，order 在 [0, 2^32)；重名由服务端判断", "edit_corp_tag: id (tag or group) is required, name at most 30 characters, order in [0, 2^32); name collisions are judged by the server";
    R_TG_04 = "R-TG-04", "del_corp_tag：tag_id 和 group_id 不可同时为空；标签组的标签全部删除后标签组自动删除", "del_corp_tag: tag_id and group_id must not both be empty; a group whose tags are all deleted is deleted too";
    R_TG_05 = "R-TG-05", "get_corp_tag_list：均为空时返回所有标签；同时传递 tag_id 和 group_id 时忽略 tag_id（警告）", "get_corp_tag_list: no filter returns every tag; with both tag_id and group_id, tag_id is ignored (a warning)";
    R_TG_06 = "R-TG-06", "mark_tag：userid、external_userid 必填，add_tag 和 remove_tag 不可同时为空", "mark_tag: userid and external_userid are required; add_tag and remove_tag must not both be empty";
    R_TG_07 = "R-TG-07", "标签写权限：自建/第三方应用仅能编辑和删除本应用创建的标签；规则组标签仅可用「客户联系」secret 调用，且仅限一级规则组（服务端判断）", "Tag write permissions: self-built and third-party apps edit and delete only their own tags; strategy tags need the 客户联系 secret and first-level strategy groups (judged by the server)";
    R_TG_08 = "R-TG-08", "不合法的标签或标签组 id 返回 40068", "An invalid tag or group id gives 40068";
    R_TG_09 = "R-TG-09", "get_strategy_tag_list：strategy_id 可选；同时传递 tag_id 和 group_id 时忽略 tag_id（警告）（doc 94882）", "get_strategy_tag_list: strategy_id is optional; with both tag_id and group_id, tag_id is ignored (a warning) (doc 94882)";
    R_TG_10 = "R-TG-10", "add_strategy_tag：strategy_id 必填；tag 至少一个，tag.name 必填且最长 30 个字符，group_name 最长 30 个字符，order 在 [0, 2^32)；group_id 与 group_name 至少填一个；填写 group_id 时 group_name 和标签组 order 被忽略（警告）（doc 94882）", "add_strategy_tag: strategy_id is required; at least one tag, tag.name required and at most 30 characters, group_name at most 30 characters, order in [0, 2^32); group_id or group_name is needed; with group_id, group_name and the group's order are ignored (a warning) (doc 94882)";
    R_TG_11 = "R-TG-11", "edit_strategy_tag：id 必填，name 最长 30 个字符，order 在 [0, 2^32)；不可改变所属规则组（doc 94882）", "edit_strategy_tag: id is required, name at most 30 characters, order in [0, 2^32); the strategy group cannot be changed (doc 94882)";
    R_TG_12 = "R-TG-12", "del_strategy_tag：tag_id 和 group_id 不可同时为空（doc 94882）", "del_strategy_tag: tag_id and group_id must not both be empty (doc 94882)";
    R_JW_01 = "R-JW-01", "scene 必填：1 群的小程序插件，2 群的二维码插件", "scene is required: 1 group mini-program plugin, 2 group QR-code plugin";
    R_JW_02 = "R-JW-02", "remark 超过 30 个字符将被截断（警告，不是错误）", "remark past 30 characters is cut off by WeCom (a warning, not an error)";
    R_JW_03 = "R-JW-03", "auto_create_room 取 0 或 1（默认 1）；room_base_name 最长 40 个字符；room_base_name、room_base_id 仅在 auto_create_room 为 1 时有效（否则被忽略，警告）", "auto_create_room is 0 or 1 (default 1); room_base_name at most 40 characters; room_base_name and room_base_id are only used when auto_create_room is 1 (ignored otherwise: a warning)";
    R_JW_04 = "R-JW-04", "chat_id_list 必填，1 到 5 个客户群（41091）", "chat_id_list is required, 1 to 5 group chats (41091)";
    R_JW_05 = "R-JW-05", "state 最多 30 个字符，groupchat/get 按群成员返回", "state is at most 30 characters; groupchat/get returns it per member";
    R_JW_06 = "R-JW-06", "与「联系我」共用 50 万个的额度（41045）；update_join_way 覆盖更新，scene 与 chat_id_list 须重新填写", "Shares the 500,000 quota of contact ways (41045); update_join_way overwrites, so scene and chat_id_list are required again";
    R_JW_07 = "R-JW-07", "get/update/del_join_way 需要 config_id", "get/update/del_join_way need config_id";

    // ── issue 11: R-TR, R-GC (transfers helper: add lines below this one) ──
    R_TR_01 = "R-TR-01", "transfer_customer（在职）：handover_userid、takeover_userid、external_userid 必填；每次 1 到 100 个客户；transfer_success_msg 最多 200 个字符（不填用默认文案）", "transfer_customer (on-job): handover_userid, takeover_userid and external_userid are required; 1 to 100 customers per call; transfer_success_msg at most 200 characters (WeCom's default text when absent)";
    R_TR_02 = "R-TR-02", "resigned/transfer_customer（离职）：handover_userid、takeover_userid、external_userid 必填，每次 1 到 100 个客户；原跟进成员必须已离职（否则 40097）；不接受 transfer_success_msg", "resigned/transfer_customer: handover_userid, takeover_userid and external_userid are required, 1 to 100 customers per call; the handover member must have resigned (40097 otherwise); there is no transfer_success_msg";
    R_TR_03 = "R-TR-03", "分配结果中客户的 errcode 为 0 仅表示已发起接替，24 小时后自动接替，并非最终成功；以 transfer_result 查询结果", "A customer's errcode 0 in a transfer answer only means the transfer started (taken over automatically after 24 h), not that it succeeded: poll transfer_result";
    R_TR_04 = "R-TR-04", "90 个自然日内在职成员的每位客户仅可被转接 2 次（40128）；其他逐客户错误：40129 正在转接中、40130 原跟进人与接手人一样、40131 handover_userid 不是跟进人、40100 已在转移流程中、40099 接替成员客户数已达上限、40098 未实名、40143 接替成员被封禁、40096 外部联系人 id 不合法（服务端判断）", "An on-job member's customer can be transferred at most twice in 90 natural days (40128); other per-customer errors: 40129 in progress, 40130 same handover and takeover, 40131 handover is not a follower, 40100 already in transfer, 40099 takeover at the customer limit, 40098 not real-name verified, 40143 takeover banned, 40096 invalid external_userid (judged by the server)";
    R_TR_05 = "R-TR-05", "接替成员须在应用可见范围内、配置了客户联系功能、已激活且已实名认证（服务端判断）", "The takeover member must be in the app's visible range, have customer contact enabled, be activated and real-name verified (judged by the server)";
    R_TR_06 = "R-TR-06", "transfer_result / resigned/transfer_result：handover_userid、takeover_userid 必填；cursor 分页，每页最多 1000 条；status 1 接替完毕、2 等待接替、3 客户拒绝、4 接替成员客户达到上限、5 无接替记录", "transfer_result / resigned/transfer_result: handover_userid and takeover_userid are required; cursor paging, at most 1000 records a page; status 1 done, 2 waiting, 3 refused, 4 takeover at the limit, 5 no record";
    R_TR_07 = "R-TR-07", "get_unassigned_list：page_size 1 到 1000（默认 1000），page_id 从 0 开始且 page_id × page_size 须小于 50000，超过后使用 cursor；使用 cursor 时无需 page_id（被忽略，警告）", "get_unassigned_list: page_size 1 to 1000 (default 1000), page_id from 0 with page_id × page_size under 50,000, past that use cursor; with a cursor page_id is not needed (ignored: a warning)";
    R_TR_08 = "R-TR-08", "groupchat/transfer、groupchat/onjob_transfer：chat_id_list 必填，1 到 100 个；new_owner 必填；新群主须配置客户联系、实名且已激活；同一人的群每天最多分配 300 个；在职群 90 个自然日内仅可转接 2 次；失败的群逐个列在 failed_chat_list（90500–90509）", "groupchat/transfer and groupchat/onjob_transfer: chat_id_list is required, 1 to 100 ids; new_owner is required; the new owner needs customer contact, a real name and an activated account; at most 300 groups of one person a day; an on-job group at most twice in 90 natural days; failed groups are listed in failed_chat_list (90500–90509)";
    R_TR_09 = "R-TR-09", "接替成员在转接前已是客户好友时，不会触发添加企业客户事件", "A takeover member who already was the customer's friend gets no add-customer event";
    R_TR_10 = "R-TR-10", "旧接口 externalcontact/transfer（已由 transfer_customer 取代）：external_userid（单个）、handover_userid、takeover_userid 必填；transfer_success_msg 最多 200 个字符，仅在职分配时生效", "Legacy externalcontact/transfer (replaced by transfer_customer): external_userid (one), handover_userid and takeover_userid are required; transfer_success_msg at most 200 characters, only used for on-job transfers";
    R_TR_11 = "R-TR-11", "旧接口 externalcontact/get_transfer_result（已由 transfer_result 取代）：external_userid、handover_userid、takeover_userid 必填", "Legacy externalcontact/get_transfer_result (replaced by transfer_result): external_userid, handover_userid and takeover_userid are required";
    R_GC_01 = "R-GC-01", "groupchat/list：limit 必填，1 到 1000；status_filter 0 全部（默认）、1 离职待继承、2 离职继承中、3 离职继承完成；owner_filter.userid_list 最多 100 个；不填 owner_filter 且可见范围超过 1000 人时报 81017；旧的 offset 分页已废弃（警告）", "groupchat/list: limit is required, 1 to 1000; status_filter 0 all (default), 1 owner resigned, 2 inheriting, 3 inherited; owner_filter.userid_list at most 100; without owner_filter a visible range over 1000 people fails with 81017; the old offset paging is deprecated (a warning)";
    R_GC_02 = "R-GC-02", "groupchat/get：chat_id 必填；need_name 0 不返回（默认）、1 返回成员名字", "groupchat/get: chat_id is required; need_name 0 no names (default), 1 members' names";
    R_GC_03 = "R-GC-03", "opengid_to_chatid：opengid 必填；仅支持企业服务人员创建的、本企业的客户群（无效 opengid 为 90511）", "opengid_to_chatid: opengid is required; only groups created by the corp's service members, in the caller's own corp (90511 for an invalid opengid)";


    // ── issue 12: R-MS (messages helper: add lines below this one) ──
    R_MS_01 = "R-MS-01", "add_msg_template：chat_type 为 single（默认）或 group；group 时 sender 必填；external_userid 与 sender 不能同时为空；external_userid 最多 1 万个（仅 single），chat_id_list 最多 2000 个（仅 group），tag_filter 每组最多 100 个标签（仅 single，组内或、组间且）；allow_select 默认 false（仅 single）；另一类型的成员被忽略（警告）", "add_msg_template: chat_type is \"single\" (default) or \"group\"; group needs sender; external_userid and sender must not both be empty; external_userid at most 10,000 (single only), chat_id_list at most 2000 (group only), tag_filter at most 100 tags per group (single only; OR within a group, AND across groups); allow_select defaults to false (single only); the other type's members are ignored (a warning)";
    R_MS_02 = "R-MS-02", "消息内容：text.content 最多 4000 字节；attachments 最多 9 个（41064）；msgtype 为 image、link、miniprogram、video、file 之一且对应成员必填，其他成员被忽略（警告）；image 需 media_id 或 pic_url（两者都填时以 media_id 为准，警告）；link.title 必填 ≤ 128 字节、picurl ≤ 2048、desc ≤ 512、url 必填 ≤ 2048 字节；miniprogram 的 title（≤ 64 字节）、pic_media_id、appid、page 必填；video、file 需 media_id；text 与 attachments 不能同时为空", "Message body: text.content at most 4000 bytes; at most 9 attachments (41064); msgtype is one of image, link, miniprogram, video, file and the member it names is required, the others are ignored (a warning); an image needs media_id or pic_url (with both, media_id is used: a warning); link.title required ≤ 128 bytes, picurl ≤ 2048, desc ≤ 512, url required ≤ 2048 bytes; miniprogram title (≤ 64 bytes), pic_media_id, appid and page required; video and file need media_id; text and attachments must not both be empty";
    R_MS_03 = "R-MS-03", "旧版群发格式：顶层 image、link、miniprogram 已由 attachments 取代（警告）", "The old mass-message format: top-level image, link and miniprogram are replaced by attachments (a warning)";
    R_MS_04 = "R-MS-04", "接收额度：每位客户、每个客户群每天只能收到一条群发（企业与成员合计，可在管理后台调整），超出的接收者被跳过（服务端判断）", "Receive quota: each customer and each group chat receives one mass message a day (corp and member messages together; adjustable in the admin console); recipients over quota are skipped (judged by the server)";
    R_MS_05 = "R-MS-05", "创建群发不会直接发送，须成员确认；创建后立即查询可能返回 41063（派发中，稍后重试）", "Creating a mass message sends nothing until the member confirms; querying right after creation may answer 41063 (still dispatching: retry later)";
    R_MS_06 = "R-MS-06", "get_groupmsg_list_v2：chat_type（single 或 group）、start_time、end_time 必填；start_time 不晚于 end_time，相差不超过一个月（按 31 天）；filter_type 0 企业、1 个人、2 全部（默认）；limit 最大 100，默认 50，超过时取默认值（警告）", "get_groupmsg_list_v2: chat_type (\"single\" or \"group\"), start_time and end_time are required; start_time not after end_time, at most a month apart (taken as 31 days); filter_type 0 corp, 1 members, 2 all (default); limit at most 100, default 50, larger values are replaced by the default (a warning)";
    R_MS_07 = "R-MS-07", "get_groupmsg_task：msgid 必填；limit 最大 1000，默认 500，超过时取默认值（警告）；status 0 未发送，2 已发送", "get_groupmsg_task: msgid is required; limit at most 1000, default 500, larger values are replaced by the default (a warning); status 0 not sent, 2 sent";
    R_MS_08 = "R-MS-08", "get_groupmsg_send_result：msgid、userid 必填；limit 最大 1000，默认 500，超过时取默认值（警告）；status 0 未发送，1 已发送，2 非好友，3 已收到其他群发；群发到客户群时只返回已发送的记录", "get_groupmsg_send_result: msgid and userid are required; limit at most 1000, default 500, larger values are replaced by the default (a warning); status 0 not sent, 1 sent, 2 not a friend, 3 received another mass message; for group messages only sent records are listed";
    R_MS_09 = "R-MS-09", "remind_groupmsg_send、cancel_groupmsg_send：msgid 必填；每条群发 24 小时内最多提醒 3 次（41094）；已送达的消息无法撤回", "remind_groupmsg_send and cancel_groupmsg_send: msgid is required; at most 3 reminders per mass message in 24 h (41094); delivered messages are not recalled";
    R_MS_10 = "R-MS-10", "send_welcome_msg：welcome_code 必填，添加客户事件后 20 秒内有效且只能用一次（过期 41050，已被使用 41051，并发 41096）；text ≤ 4000 字节，attachments 最多 9 个（形状同 R-MS-02），二者不能同时为空", "send_welcome_msg: welcome_code is required, valid 20 s after the add-customer event and usable once (expired 41050, already used 41051, concurrent 41096); text ≤ 4000 bytes, at most 9 attachments (shapes as R-MS-02), not both empty";
    R_MS_11 = "R-MS-11", "group_welcome_template：text.content 添加时最多 3000 字节、编辑时最多 4000 字节（同一文档页两处不同，各依其表）；text、image、link、miniprogram、file、video 不能全部为空，非文本只取优先级最高的一个（image > link > miniprogram > file > video，多填的被忽略，警告）；notify 0 或 1（默认 1）；edit/get/del 需 template_id；素材库最多 100 条（41055），只能编辑或删除本应用创建的（41058）", "group_welcome_template: text.content at most 3000 bytes on add and 4000 on edit (the same doc page says both; each endpoint follows its own table); text, image, link, miniprogram, file and video must not all be empty, and of the non-text items only the first (image > link > miniprogram > file > video) is used (the others are ignored: a warning); notify 0 or 1 (default 1); edit/get/del need template_id; at most 100 templates (41055); an app edits or deletes only its own (41058)";
    R_MS_12 = "R-MS-12", "旧接口 get_group_msg_result（已由 get_groupmsg_send_result 取代）：msgid 必填；limit 最大 10000（超出时警告）", "Legacy get_group_msg_result (replaced by get_groupmsg_send_result): msgid is required; limit at most 10,000 (a warning past it)";

    // ── issue 12: R-MO (moments helper: add lines below this one) ──
    R_MO_01 = "R-MO-01", "add_moment_task：text.content 最多 2000 个字符；text 与 attachments 不能同时为空（41089）；附件最多 9 张图片，或 1 个视频，或 1 个图文（视频、图文不能与其他附件同发）；每个附件须且只能有 image、video、link 之一；image、video 的 media_id 必填；link 的 url 与封面 media_id 必填，title 最多 64 字节（doc 95094）", "add_moment_task: text.content at most 2000 characters; text and attachments not both empty (41089); attachments are at most 9 images, or one video, or one link (a video or a link stands alone); each attachment carries exactly one of image, video and link; image and video need media_id; link needs url and a cover media_id, title at most 64 bytes (doc 95094)";
    R_MO_02 = "R-MO-02", "add_moment_task：visible_range.sender_list.user_list 最多 10 万个；应用可见范围外的执行者被忽略；external_contact_list.tag_list 使朋友圈部分可见（doc 95094）", "add_moment_task: visible_range.sender_list.user_list at most 100,000; executors outside the app's visible range are ignored; external_contact_list.tag_list makes the moment partly visible (doc 95094)";
    R_MO_03 = "R-MO-03", "每个企业每分钟最多创建 10 个发表任务；jobid 最长 64 字节、24 小时有效；get_moment_task_result 的 jobid 必填，status 1 开始、2 进行中、3 完成；异步任务过多 41078，朋友圈正在派发 41079（稍后重试）", "At most 10 moment tasks per minute per corp; a jobid is at most 64 bytes and valid 24 h; get_moment_task_result needs jobid, status 1 started, 2 running, 3 done; too many async tasks 41078, a moment being dispatched 41079 (retry later)";
    R_MO_04 = "R-MO-04", "get_moment_list：start_time、end_time 必填，start_time 不晚于 end_time，相差不超过 30 天（开区间）；filter_type 0 企业、1 个人、2 所有；limit 最大 20（默认 20，超过时取默认值，警告；WxJava 注释写 100，以官方文档为准）", "get_moment_list: start_time and end_time are required, start_time not after end_time, at most 30 days apart (open interval); filter_type 0 corp, 1 personal, 2 all; limit at most 20 (default 20, a larger value becomes the default: a warning; WxJava's Javadoc says 100, the official page wins)";
    R_MO_05 = "R-MO-05", "get_moment_task：moment_id 必填（仅企业创建的朋友圈），limit 最大 1000；get_moment_customer_list：moment_id、userid 必填，limit 最大 1000；get_moment_send_result：moment_id、userid 必填，limit 最大 5000；get_moment_comments：moment_id、userid 必填；cancel_moment_task：moment_id 必填（企业创建）（limit 超出时警告）", "get_moment_task: moment_id is required (corp-created moments only), limit at most 1000; get_moment_customer_list: moment_id and userid required, limit at most 1000; get_moment_send_result: moment_id and userid required, limit at most 5000; get_moment_comments: moment_id and userid required; cancel_moment_task: moment_id required (corp-created) (a limit past its maximum: a warning)";
    R_MG_01 = "R-MG-01", "moment_strategy/list、get_range：limit 最大 1000（默认 1000，超出时警告）（doc 94890）", "moment_strategy/list and get_range: limit at most 1000 (default 1000; past it: a warning) (doc 94890)";
    R_MG_02 = "R-MG-02", "moment_strategy/get、get_range、del：strategy_id 必填（doc 94890）", "moment_strategy/get, get_range and del: strategy_id is required (doc 94890)";
    R_MG_03 = "R-MG-03", "moment_strategy/create：strategy_name 必填；admin_list 1 到 20 个（不可为超级管理员）；range 每次最多 100 个节点；privilege 各项默认 true，子规则组忽略 privilege（继承父规则组）（doc 94890）", "moment_strategy/create: strategy_name is required; admin_list 1 to 20 userids (no super-admin); range at most 100 nodes per call; each privilege defaults to true, a child strategy ignores privilege (it inherits its parent's) (doc 94890)";
    R_MG_04 = "R-MG-04", "moment_strategy/edit：strategy_id 必填；admin_list 最多 20 个，与 privilege 给出时覆盖原配置；range_add 与 range_del 每次调用合计最多 100 个节点（doc 94890）", "moment_strategy/edit: strategy_id is required; admin_list at most 20, it and privilege replace the stored ones when given; range_add and range_del together at most 100 nodes per call (doc 94890)";
    R_MG_05 = "R-MG-05", "规则组最多 5 层，每个规则组管理范围最多 3000 个节点，子规则组范围须是父规则组的子集；create、edit 仅支持串行调用（服务端判断）（doc 94890）", "Strategies nest at most 5 levels, a strategy's range holds at most 3000 nodes, a child's range is a subset of its parent's; create and edit must be called serially (server-side) (doc 94890)";
    R_SC_01 = "R-SC-01", "规则组管理范围节点（客户联系与客户朋友圈规则组共用）：type 1 成员需 userid，2 部门需 partyid；另一项被忽略（警告）（doc 94883、94890）", "A strategy range node (customer and moment strategies alike): type 1 member needs userid, 2 department needs partyid; the other one is ignored (a warning) (doc 94883, 94890)";

    // ── issue 12: R-ST, customer strategies (strategies helper: add lines below this one) ──
    R_ST_01 = "R-ST-01", "get_user_behavior_data：start_time、end_time 必填；userid、partyid 各最多 100 个且不可同时为空；闭区间，start_time 不晚于 end_time，跨度最大 30 天；最多最近 180 天（服务端检查）", "get_user_behavior_data: start_time and end_time are required; userid and partyid at most 100 each and not both empty; closed interval, start_time not after end_time, at most 30 days; last 180 days only (checked by WeCom)";
    R_ST_02 = "R-ST-02", "groupchat/statistic：day_begin_time 必填（昨天至前 180 天，服务端检查）；day_end_time 不早于 day_begin_time，跨度最大 30 天；owner_filter.userid_list 最多 100 个；order_by 1–4；order_asc 0/1；limit 1 到 1000", "groupchat/statistic: day_begin_time is required (yesterday to 180 days ago, checked by WeCom); day_end_time not before day_begin_time, at most 30 days; owner_filter.userid_list at most 100; order_by 1 to 4; order_asc 0/1; limit 1 to 1000";
    R_ST_03 = "R-ST-03", "groupchat/statistic_group_by_day：与按群主聚合相同的日期范围与 owner_filter 规则，无分页", "groupchat/statistic_group_by_day: the same day-range and owner_filter rules as by owner, no paging";
    R_SG_01 = "R-SG-01", "customer_strategy/list：limit 1 到 1000（默认 1000），按 cursor 分页（doc 94883）", "customer_strategy/list: limit 1 to 1000 (default 1000), paged by cursor (doc 94883)";
    R_SG_02 = "R-SG-02", "customer_strategy/get：strategy_id 必填（doc 94883）", "customer_strategy/get: strategy_id is required (doc 94883)";
    R_SG_03 = "R-SG-03", "customer_strategy/get_range：strategy_id 必填；limit 1 到 1000（默认 1000），按 cursor 分页（doc 94883）", "customer_strategy/get_range: strategy_id is required; limit 1 to 1000 (default 1000), paged by cursor (doc 94883)";
    R_SG_04 = "R-SG-04", "customer_strategy/create：strategy_name 必填；admin_list 必填，1 到 20 个；range 每次最多 100 个节点；有 parent_id 时 privilege 被忽略（警告）（doc 94883）", "customer_strategy/create: strategy_name is required; admin_list is required, 1 to 20; range at most 100 nodes per call; privilege is ignored with a parent_id (a warning) (doc 94883)";
    R_SG_05 = "R-SG-05", "customer_strategy/edit：strategy_id 必填；admin_list 最多 20 个；range_add 与 range_del 每次调用合计最多 100 个节点（doc 94883）", "customer_strategy/edit: strategy_id is required; admin_list at most 20; range_add and range_del together at most 100 nodes per call (doc 94883)";
    R_SG_06 = "R-SG-06", "customer_strategy/del：strategy_id 必填（doc 94883）", "customer_strategy/del: strategy_id is required (doc 94883)";
    R_SG_07 = "R-SG-07", "规则组（服务端检查）：负责人不可为超级管理员；每个规则组最多 3000 个节点、最多 5 级；子规则组的管理范围须在父规则组之内；仅支持串行调用（doc 94883，api-surface §B.26）", "Strategies (checked by WeCom): the super admin cannot be a manager; at most 3000 nodes and 5 levels per strategy; a child's range lies inside its parent's; serial calls only (doc 94883, api-surface §B.26)";

    // ── issue 12: media uploads (uploads helper: add lines below this one) ──
    R_MD_01 = "R-MD-01", "media/upload：type 必填，image、voice、video、file 之一", "media/upload: type is required, one of image, voice, video, file";
    R_MD_02 = "R-MD-02", "media/upload 图片（image）：大于 5 字节、不超过 10MB，JPG/PNG 格式", "media/upload image: more than 5 bytes, at most 10 MB, JPG or PNG";
    R_MD_03 = "R-MD-03", "media/upload 语音（voice）：大于 5 字节、不超过 2MB，AMR 格式（播放长度不超过 60s，由服务端检查）", "media/upload voice: more than 5 bytes, at most 2 MB, AMR (at most 60 s, checked by the server)";
    R_MD_04 = "R-MD-04", "media/upload 视频（video）：大于 5 字节、不超过 10MB，MP4 格式", "media/upload video: more than 5 bytes, at most 10 MB, MP4";
    R_MD_05 = "R-MD-05", "media/upload 普通文件（file）：大于 5 字节、不超过 20MB", "media/upload file: more than 5 bytes, at most 20 MB";
    R_MD_06 = "R-MD-06", "上传：文件必填，filename 与 size 必填（form-data 的 media 须带文件名）", "uploads: the file is required, with its filename and size (the form part media carries a filename)";
    R_MD_07 = "R-MD-07", "media/uploadimg：JPG/PNG 格式，大于 5 字节、不超过 2MB", "media/uploadimg: JPG or PNG, more than 5 bytes, at most 2 MB";
    R_MD_08 = "R-MD-08", "media/upload_attachment：media_type 必填，image、video、file 之一", "media/upload_attachment: media_type is required, one of image, video, file";
    R_MD_09 = "R-MD-09", "media/upload_attachment：attachment_type 必填，1 朋友圈、2 商品图册", "media/upload_attachment: attachment_type is required, 1 moments, 2 product albums";
    R_MD_10 = "R-MD-10", "media/upload_attachment 图片：大于 5 字节、不超过 10MB，JPG/PNG 格式（朋友圈图片的像素上限由服务端检查）", "media/upload_attachment image: more than 5 bytes, at most 10 MB, JPG or PNG (the moments pixel limit is the server's)";
    R_MD_11 = "R-MD-11", "media/upload_attachment 视频：大于 5 字节、不超过 10MB，MP4 格式（时长由服务端检查）", "media/upload_attachment video: more than 5 bytes, at most 10 MB, MP4 (the length is the server's)";
    R_MD_12 = "R-MD-12", "media/upload_attachment 文件：大于 5 字节、不超过 20MB", "media/upload_attachment file: more than 5 bytes, at most 20 MB";

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
