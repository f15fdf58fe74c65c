//! 「联系我」 contact ways — <https://developer.work.weixin.qq.com/document/path/92228>.

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
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
    rules = [
        error(R_CW_20).then(at_least_one(&["text", "image", "link", "miniprogram"], &CONCLUSIONS_EMPTY)),
        // WeCom keeps only the first of image > link > miniprogram and ignores the others.
        warning(R_CW_20).then(at_most_one(&["image", "link", "miniprogram"], &CONCLUSIONS_EXCLUSIVE)),
    ];
}

const CONCLUSIONS_EMPTY: Text = Text {
    zh: "结束语的 text、image、link、miniprogram 不能全部为空",
    en: "text, image, link and miniprogram must not all be empty",
};
const CONCLUSIONS_EXCLUSIVE: Text = Text {
    zh: "image、link、miniprogram 只会使用第一个，此项被忽略",
    en: "only the first of image, link and miniprogram is used: this one is ignored",
};

/// Appends the settings `add_contact_way` and `update_contact_way` share to a `model!`
/// declaration (declared once here; on update, `user` and `party` replace the stored lists).
macro_rules! with_contact_way_settings {
    ($(#[doc = $doc:literal])* request struct $name:ident { $($head:tt)* } $($tail:tt)*) => {
        model! {
            $(#[doc = $doc])*
            request struct $name {
                $($head)*
                /// 小程序控件样式，仅 scene=1 有效；type=1 时 1–3，type=2 时 1–2 / widget style, scene 1
                /// only; 1–3 for type 1, 1–2 for type 2 (WxJava's bean; the doc page gives no bound: a
                /// warning outside).
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
                /// 是否标记客户添加来源，默认 true；仅「营销获客」应用生效，更新时仅创建该方式的应用可修改 /
                /// mark the add source on the customer (default true); effective for 营销获客 apps only,
                /// and on update only the app that created the contact way may change it (doc 95724).
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
    rules = [
        error(R_CW_07).when(&[Cond::Eq("type", 1)]).then(items("user", 1)),
        // The docs: party is only used for type 2; WeCom ignores it for type 1.
        warning(R_CW_08).when(&[Cond::Eq("type", 1), Cond::Filled("party")]).then(absent("party", &PARTY_ONLY_MULTI)),
        error(R_CW_10).when(&[Cond::True("is_temp"), Cond::Eq("type", 2)]).then(absent("is_temp", &ONLY_SINGLE_FOR_TEMP)),
        // The temporary-mode settings are ignored without is_temp.
        warning(R_CW_11).when(&[Cond::NotTrue("is_temp")]).then(absent("expires_in", &ONLY_WITH_TEMP)),
        warning(R_CW_12).when(&[Cond::NotTrue("is_temp")]).then(absent("chat_expires_in", &ONLY_WITH_TEMP)),
        warning(R_CW_13).when(&[Cond::NotTrue("is_temp")]).then(absent("unionid", &ONLY_WITH_TEMP)),
        warning(R_CW_14).when(&[Cond::NotTrue("is_temp")]).then(absent("conclusions", &ONLY_WITH_TEMP)),
        // style: scene 1 only; 1–3 for type 1, 1–2 for type 2 (rules.md §1.14, from WxJava's
        // WxCpContactWayInfo; the doc page states no bound, so a warning, not an error).
        warning(R_CW_03).when(&[Cond::Eq("scene", 2)]).then(absent("style", &STYLE_ONLY_MINIPROGRAM)),
        warning(R_CW_03).when(&[Cond::Eq("type", 1)]).then(range_of("style", 1, 3)),
        warning(R_CW_03).when(&[Cond::Eq("type", 2)]).then(range_of("style", 1, 2)),
    ];
}

const ONLY_SINGLE_FOR_TEMP: Text = Text {
    zh: "临时会话模式仅支持单人类型（type=1）",
    en: "temporary mode (is_temp) is only supported for type 1 (single member)",
};
const ONLY_WITH_TEMP: Text = Text {
    zh: "仅在 is_temp 为 true（临时会话模式）时生效，此项被忽略",
    en: "is only used when is_temp is true: it is ignored",
};
const PARTY_ONLY_MULTI: Text = Text {
    zh: "仅在 type 为 2（多人）时生效，此项被忽略",
    en: "is only used when type is 2 (multiple members): it is ignored",
};
const STYLE_ONLY_MINIPROGRAM: Text = Text {
    zh: "仅在 scene 为 1（小程序中联系）时生效，此项被忽略",
    en: "is only used when scene is 1 (mini-program): it is ignored",
};

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
    rules = [error(R_CW_21).then(not_after("start_time", "end_time", 0, &START_AFTER_END))];
}

const START_AFTER_END: Text =
    Text { zh: "start_time 不能晚于 end_time", en: "start_time must not be after end_time" };

with_contact_way_settings! {
    /// 更新企业已配置的「联系我」方式：user、party 覆盖原列表 —
    /// <https://developer.work.weixin.qq.com/document/path/92228>.
    request struct UpdateContactWayRequest {
        /// 联系方式的配置 id / the contact way's config_id.
        config_id: String = "R-CW-18",
    }
    // is_exclusive is not in the official update table (doc 95724; only SKIT sends it): WeCom
    // ignores it there.
    rules = [warning(R_CW_15).then(absent("is_exclusive", &NOT_ON_UPDATE))];
}

const NOT_ON_UPDATE: Text = Text {
    zh: "更新接口不支持该字段（只能在创建时设置），此项被忽略",
    en: "is not taken by update_contact_way (set it on creation): it is ignored",
};

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
        config_id: String,
        /// 联系我二维码链接，仅 scene=2 时返回 / QR code URL, scene 2 only.
        qr_code: Option<String>,
    }
}

model! {
    /// 结束语文本（读取）/ closing text as read back.
    object struct ConclusionsTextInfo {
        /// 文本内容 / text.
        content: String,
    }
}

model! {
    /// 结束语图片（读取时返回 pic_url）/ closing image as read back (a picture URL).
    object struct ConclusionsImageInfo {
        /// 图片 URL / picture URL.
        pic_url: String,
        /// media_id, when WeCom echoes it (the doc page reads back a pic_url only).
        media_id: Option<String>,
    }
}

model! {
    /// 结束语图文链接（读取）/ closing link card as read back.
    object struct ConclusionsLinkInfo {
        /// 标题 / title.
        title: String,
        /// 封面图片 URL，创建时未设置则不返回 / cover picture URL, absent when none was set.
        picurl: Option<String>,
        /// 描述，创建时未设置则不返回 / description, absent when none was set.
        desc: Option<String>,
        /// 链接 URL / link URL.
        url: String,
    }
}

model! {
    /// 结束语小程序（读取）/ closing mini-program card as read back.
    object struct ConclusionsMiniprogramInfo {
        /// 标题 / title.
        title: String,
        /// 封面图 media_id / cover media_id.
        pic_media_id: String,
        /// 小程序 appid / the mini-program's appid.
        appid: String,
        /// 小程序页面路径 / page path.
        page: String,
    }
}

model! {
    /// 结束语（读取）/ closing message as read back — typed per doc 95724 (rules.md §1.14).
    /// Only the parts that were set come back, so each stays optional.
    object struct ConclusionsInfo {
        /// 文本 / text.
        text: Option<ConclusionsTextInfo>,
        /// 图片 / image.
        image: Option<ConclusionsImageInfo>,
        /// 图文链接 / link.
        link: Option<ConclusionsLinkInfo>,
        /// 小程序 / mini-program.
        miniprogram: Option<ConclusionsMiniprogramInfo>,
    }
}

model! {
    /// 一个「联系我」配置 / one contact way as stored by WeCom.
    ///
    /// `config_id`, `type` and `scene` are always sent. The others stay optional: WeCom leaves out
    /// what does not apply (`qr_code` for scene 1, `style` for scene 2, the temporary-mode
    /// settings outside temporary mode, `party` for type 1) and the doc page does not say which of
    /// the rest (remark, state, skip_verify, …) are sent when unset.
    object struct ContactWay {
        /// 配置 id / config_id.
        config_id: String,
        /// 联系方式类型 / 1 single, 2 several members (a number: a value added later still parses).
        r#type: i64,
        /// 场景 / 1 mini-program, 2 QR code (a number: a value added later still parses).
        scene: i64,
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
        contact_way: ContactWay,
    }
}

model! {
    /// 「联系我」列表中的一项 / one item of list_contact_way.
    object struct ContactWayRef {
        /// 配置 id / config_id.
        config_id: String,
    }
}

model! {
    /// 获取「联系我」列表的结果 / result of list_contact_way.
    response struct ListContactWayResponse {
        /// 本页的配置 id / config ids of this page.
        contact_way: Vec<ContactWayRef>,
        /// 下一页游标，为空表示没有更多 / cursor of the next page; absent or empty when done
        /// (so optional).
        next_cursor: Option<String>,
    }
}
