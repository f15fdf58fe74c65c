//! 「联系我」 contact ways — <https://developer.work.weixin.qq.com/document/path/92228>.

use crate::messages::{Msg, Text};
use crate::rules::*;
use crate::validate::{Checker, Obj};
use crate::{int_enum, model};

/// Fourteen days in seconds: the longest temporary QR code / chat validity (R-CW-11, R-CW-12).
pub const FOURTEEN_DAYS: i64 = 14 * 24 * 3600;

int_enum! {
    /// 联系方式类型 / contact-way type.
    enum ContactWayType (rule = "R-CW-01") {
        /// 单人 / one member.
        Single = 1,
        /// 多人 / several members.
        Multi = 2,
    }
}

int_enum! {
    /// 场景 / where the contact way is used.
    enum ContactWayScene (rule = "R-CW-02") {
        /// 在小程序中联系 / button inside a mini-program.
        MiniProgram = 1,
        /// 通过二维码联系 / QR code.
        QrCode = 2,
    }
}

model! {
    /// 结束语文本 / closing text message.
    request struct ConclusionsText {
        /// 文本内容，最多 4000 字节 / text, at most 4000 UTF-8 bytes.
        content: String = "R-CW-20" [max_bytes(4000, R_CW_20)],
    }
}

model! {
    /// 结束语图片：创建时只能用 media_id / closing image; creation takes a media_id only.
    request struct ConclusionsImage {
        /// 图片的 media_id（临时素材）/ media_id of an uploaded image.
        media_id: String = "R-CW-20",
    }
}

model! {
    /// 结束语图文链接 / closing link card.
    request struct ConclusionsLink {
        /// 标题，最多 128 字节 / title, at most 128 bytes.
        title: String = "R-CW-20" [max_bytes(128, R_CW_20)],
        /// 封面图片 URL / cover picture URL.
        picurl: Option<String>,
        /// 描述，最多 512 字节 / description, at most 512 bytes.
        desc: Option<String> [max_bytes(512, R_CW_20)],
        /// 链接 URL / link URL.
        url: String = "R-CW-20",
    }
}

model! {
    /// 结束语小程序 / closing mini-program card.
    request struct ConclusionsMiniprogram {
        /// 标题，最多 64 字节 / title, at most 64 bytes.
        title: String = "R-CW-20" [max_bytes(64, R_CW_20)],
        /// 封面图 media_id（建议 520×416）/ cover media_id (520×416 suggested).
        pic_media_id: String = "R-CW-20",
        /// 已关联到企业的小程序 appid / appid of a mini-program linked to the corp.
        appid: String = "R-CW-20",
        /// 小程序页面路径 / page path.
        page: String = "R-CW-20",
    }
}

model! {
    /// 结束语：临时会话结束时自动发送 / closing message sent when a temporary chat ends.
    request struct Conclusions {
        /// 文本 / text.
        text: Option<ConclusionsText>,
        /// 图片 / image.
        image: Option<ConclusionsImage>,
        /// 图文链接 / link.
        link: Option<ConclusionsLink>,
        /// 小程序 / mini-program.
        miniprogram: Option<ConclusionsMiniprogram>,
    }
    check = conclusions_rules;
}

const CONCLUSIONS_EMPTY: Text = Text {
    zh: "结束语的 text、image、link、miniprogram 不能全部为空",
    en: "text, image, link and miniprogram must not all be empty",
};
const CONCLUSIONS_EXCLUSIVE: Text = Text {
    zh: "image、link、miniprogram 只能填写其中一个",
    en: "only one of image, link and miniprogram may be given",
};

fn conclusions_rules(o: &Obj<'_, '_>, cx: &mut Checker<'_>) {
    const M: &crate::schema::Model = &Conclusions::MODEL;
    const TEXT: usize = M.index("text");
    // The server silently keeps only the first of image > link > miniprogram: say so instead.
    const ATTACHMENTS: [usize; 3] = [M.index("image"), M.index("link"), M.index("miniprogram")];
    if !o.filled(TEXT) && ATTACHMENTS.iter().all(|&f| !o.filled(f)) {
        o.text(cx, None, R_CW_20, &CONCLUSIONS_EMPTY);
    }
    for &extra in ATTACHMENTS.iter().filter(|&&f| o.has(f)).skip(1) {
        o.text(cx, Some(extra), R_CW_20, &CONCLUSIONS_EXCLUSIVE);
    }
}

/// Appends the settings `add_contact_way` and `update_contact_way` share to a `model!`
/// declaration (declared once here; on update, `user` and `party` replace the stored lists).
macro_rules! with_contact_way_settings {
    ($(#[doc = $doc:literal])* request struct $name:ident { $($head:tt)* } $($tail:tt)*) => {
        model! {
            $(#[doc = $doc])*
            request struct $name {
                $($head)*
                /// 小程序控件样式，仅 scene=1 有效 / widget style, scene 1 only.
                style: Option<u32> [range(1, u32::MAX as i64, R_CW_03)],
                /// 备注，最多 30 个字符 / remark, at most 30 characters.
                remark: Option<String> [max_chars(30, R_CW_04)],
                /// 外部客户添加时是否无需验证，默认 true / add without verification (default true).
                skip_verify: Option<bool>,
                /// 渠道参数，最多 30 个字符，会在客户详情与回调中返回 / channel tag, at most 30 characters.
                state: Option<String> [max_chars(30, R_CW_06)],
                /// 成员 userid 列表（更新时覆盖）；type=1 时只能一个，最多 100 个 / member userids (replaced on update; exactly one for type 1, at most 100).
                user: Option<Vec<String>> [max_items(100, R_CW_09)],
                /// 部门 id 列表（更新时覆盖），仅 type=2 有效 / department ids (replaced on update), type 2 only.
                party: Option<Vec<u32>>,
                /// 临时二维码有效期（秒），默认 7 天，最长 14 天 / temporary QR validity in seconds (default 7 d, max 14 d).
                expires_in: Option<i64> [range(1, FOURTEEN_DAYS, R_CW_11)],
                /// 临时会话有效期（秒），默认 24 小时，最长 14 天 / temporary chat validity in seconds (default 24 h, max 14 d).
                chat_expires_in: Option<i64> [range(1, FOURTEEN_DAYS, R_CW_12)],
                /// 可进行临时会话的客户 unionid / unionid allowed to start the temporary chat.
                unionid: Option<String>,
                /// 同一外部企业客户只能添加同一个员工，默认 false / route a corp's customers to one member (default false).
                is_exclusive: Option<bool>,
                /// 是否标记客户添加来源 / mark the add source on the customer.
                mark_source: Option<bool>,
                /// 结束语，仅临时会话有效 / closing message, temporary mode only.
                conclusions: Option<Conclusions>,
            }
            $($tail)*
        }
    };
}

with_contact_way_settings! {
    /// 配置客户联系「联系我」方式 — <https://developer.work.weixin.qq.com/document/path/92228>.
    request struct AddContactWayRequest {
        /// 联系方式类型：1 单人，2 多人 / 1 single member, 2 several members.
        r#type: ContactWayType = "R-CW-01",
        /// 场景：1 在小程序中联系，2 通过二维码联系 / 1 mini-program, 2 QR code.
        scene: ContactWayScene = "R-CW-02",
        /// 是否临时会话模式，默认 false / temporary-chat mode (default false).
        is_temp: Option<bool>,
    }
    check = add_contact_way_rules;
}

const ONLY_SINGLE_FOR_TEMP: Text = Text {
    zh: "临时会话模式仅支持单人类型（type=1）",
    en: "temporary mode (is_temp) is only supported for type 1 (single member)",
};
const ONLY_WITH_TEMP: Text = Text {
    zh: "仅在 is_temp 为 true（临时会话模式）时可以填写",
    en: "is only allowed when is_temp is true",
};
const PARTY_ONLY_MULTI: Text = Text {
    zh: "仅在 type 为 2（多人）时可以填写",
    en: "is only allowed when type is 2 (multiple members)",
};

fn add_contact_way_rules(o: &Obj<'_, '_>, cx: &mut Checker<'_>) {
    const M: &crate::schema::Model = &AddContactWayRequest::MODEL;
    const TYPE: usize = M.index("type");
    const USER: usize = M.index("user");
    const PARTY: usize = M.index("party");
    const IS_TEMP: usize = M.index("is_temp");
    const TEMP_ONLY: [(usize, &str); 4] = [
        (M.index("expires_in"), R_CW_11),
        (M.index("chat_expires_in"), R_CW_12),
        (M.index("unionid"), R_CW_13),
        (M.index("conclusions"), R_CW_14),
    ];
    let ty = o.int(TYPE);
    let is_temp = o.bool(IS_TEMP) == Some(true);
    if ty == Some(1) {
        match o.len(USER) {
            Some(1) => {}
            Some(n) => o.issue(cx, USER, R_CW_07, Msg::ExactItems { count: 1, actual: n }),
            // A `user` of the wrong type has already been reported as such.
            None if o.has(USER) => {}
            None => o.issue(cx, USER, R_CW_07, Msg::Required),
        }
        if o.filled(PARTY) {
            o.text(cx, Some(PARTY), R_CW_08, &PARTY_ONLY_MULTI);
        }
    }
    if is_temp && ty == Some(2) {
        o.text(cx, Some(IS_TEMP), R_CW_10, &ONLY_SINGLE_FOR_TEMP);
    }
    if !is_temp {
        for (field, rule) in TEMP_ONLY {
            if o.has(field) {
                o.text(cx, Some(field), rule, &ONLY_WITH_TEMP);
            }
        }
    }
}

model! {
    /// 以 config_id 指定一个「联系我」：获取（get_contact_way）与删除（del_contact_way）的参数 /
    /// the request of get_contact_way and del_contact_way —
    /// <https://developer.work.weixin.qq.com/document/path/92228>.
    request struct ContactWayIdRequest {
        /// 联系方式的配置 id / the contact way's config_id.
        config_id: String = "R-CW-18",
    }
}

model! {
    /// 获取企业已配置的「联系我」列表 — <https://developer.work.weixin.qq.com/document/path/92228>.
    /// Only contact ways created after 2021-07-10 are listed, never temporary ones.
    request struct ListContactWayRequest {
        /// 创建起始时间（秒），默认 90 天前 / created after (unix seconds), default 90 days ago.
        start_time: Option<i64> [range(0, i64::MAX, INTEGER_RANGE)],
        /// 创建结束时间（秒），默认当前时间 / created before (unix seconds), default now.
        end_time: Option<i64> [range(0, i64::MAX, INTEGER_RANGE)],
        /// 分页游标，上次返回的 next_cursor / cursor from the previous page.
        cursor: Option<String>,
        /// 每次最多返回数量，默认 100，最大 1000 / page size, default 100, at most 1000.
        limit: Option<u32> [range(1, 1000, R_CW_21)],
    }
    check = list_contact_way_rules;
}

const START_AFTER_END: Text =
    Text { zh: "start_time 不能晚于 end_time", en: "start_time must not be after end_time" };

fn list_contact_way_rules(o: &Obj<'_, '_>, cx: &mut Checker<'_>) {
    const M: &crate::schema::Model = &ListContactWayRequest::MODEL;
    const START: usize = M.index("start_time");
    const END: usize = M.index("end_time");
    if let (Some(start), Some(end)) = (o.int(START), o.int(END)) {
        if start > end {
            o.text(cx, Some(START), R_CW_21, &START_AFTER_END);
        }
    }
}

with_contact_way_settings! {
    /// 更新企业已配置的「联系我」方式：user、party 覆盖原列表 —
    /// <https://developer.work.weixin.qq.com/document/path/92228>.
    request struct UpdateContactWayRequest {
        /// 联系方式的配置 id / the contact way's config_id.
        config_id: String = "R-CW-18",
    }
}

model! {
    /// 结束临时会话：先发送结束语再断开 — <https://developer.work.weixin.qq.com/document/path/92228>.
    request struct CloseTempChatRequest {
        /// 企业成员的 userid / the member's userid.
        userid: String = "R-CW-22",
        /// 客户的 external_userid / the customer's external_userid.
        external_userid: String = "R-CW-22",
    }
}

model! {
    /// 配置「联系我」的结果 / result of add_contact_way.
    response struct AddContactWayResponse {
        /// 新增联系方式的配置 id / the new config_id (keep it: it is the only handle).
        config_id: Option<String>,
        /// 联系我二维码链接，仅 scene=2 时返回 / QR code URL, scene 2 only.
        qr_code: Option<String>,
    }
}

model! {
    /// 结束语图片（读取时返回 pic_url）/ closing image as read back.
    object struct ConclusionsImageInfo {
        /// 图片 URL / picture URL.
        pic_url: Option<String>,
        /// media_id, when WeCom echoes it.
        media_id: Option<String>,
    }
}

model! {
    /// 结束语（读取）/ closing message as read back.
    object struct ConclusionsInfo {
        /// 文本 / text.
        text: Option<serde_json::Value>,
        /// 图片 / image.
        image: Option<ConclusionsImageInfo>,
        /// 图文链接 / link.
        link: Option<serde_json::Value>,
        /// 小程序 / mini-program.
        miniprogram: Option<serde_json::Value>,
    }
}

model! {
    /// 一个「联系我」配置 / one contact way as stored by WeCom.
    object struct ContactWay {
        /// 配置 id / config_id.
        config_id: Option<String>,
        /// 联系方式类型 / 1 single, 2 several members.
        r#type: Option<i64>,
        /// 场景 / 1 mini-program, 2 QR code.
        scene: Option<i64>,
        /// 控件样式 / widget style.
        style: Option<i64>,
        /// 备注 / remark.
        remark: Option<String>,
        /// 是否无需验证 / add without verification.
        skip_verify: Option<bool>,
        /// 渠道参数 / channel tag.
        state: Option<String>,
        /// 二维码链接，仅 scene=2 / QR code URL, scene 2 only.
        qr_code: Option<String>,
        /// 成员列表 / member userids.
        user: Option<Vec<String>>,
        /// 部门列表 / department ids.
        party: Option<Vec<i64>>,
        /// 是否临时会话模式 / temporary mode.
        is_temp: Option<bool>,
        /// 临时二维码有效期 / temporary QR validity (s).
        expires_in: Option<i64>,
        /// 临时会话有效期 / temporary chat validity (s).
        chat_expires_in: Option<i64>,
        /// 限定的 unionid / restricted unionid.
        unionid: Option<String>,
        /// 同一外部企业客户只能添加同一个员工 / exclusive routing.
        is_exclusive: Option<bool>,
        /// 是否标记客户添加来源 / mark the add source.
        mark_source: Option<bool>,
        /// 结束语 / closing message.
        conclusions: Option<ConclusionsInfo>,
    }
}

model! {
    /// 获取「联系我」的结果 / result of get_contact_way.
    response struct GetContactWayResponse {
        /// 联系方式 / the contact way.
        contact_way: Option<ContactWay>,
    }
}

model! {
    /// 「联系我」列表中的一项 / one item of list_contact_way.
    object struct ContactWayRef {
        /// 配置 id / config_id.
        config_id: Option<String>,
    }
}

model! {
    /// 获取「联系我」列表的结果 / result of list_contact_way.
    response struct ListContactWayResponse {
        /// 本页的配置 id / config ids of this page.
        contact_way: Option<Vec<ContactWayRef>>,
        /// 下一页游标，为空表示没有更多 / cursor of the next page; absent or empty when done.
        next_cursor: Option<String>,
    }
}
