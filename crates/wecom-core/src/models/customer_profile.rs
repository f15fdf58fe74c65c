//! 客户的基本信息（外部联系人）：获取客户详情与批量获取客户详情共用 / the customer's own details,
//! shared by externalcontact/get, batch/get_by_user and the legacy crm/get_external_contact —
//! <https://developer.work.weixin.qq.com/document/path/92114>; 对外属性 / external attributes:
//! <https://developer.work.weixin.qq.com/document/path/92230>.

use crate::{model, open_enum};

/// Implements `Default` for open enums as the wire value 0, like any integer member WeCom left
/// out (the models parse leniently: a missing member gets its default).
macro_rules! default_wire_zero {
    ($($name:ident),*) => {
        $(
            impl Default for $name {
                /// The wire value 0 (what a missing member parses as).
                fn default() -> Self {
                    Self::from_value(0)
                }
            }
        )*
    };
}
pub(crate) use default_wire_zero;

open_enum! {
    /// 外部联系人的类型 / the kind of customer (R-CU-06).
    enum CustomerType {
        /// 1 微信用户 / a WeChat user.
        WechatUser = 1,
        /// 2 企业微信用户 / a WeCom user (of another corp).
        WecomUser = 2,
    }
}

open_enum! {
    /// 外部联系人性别 / the customer's gender (R-CU-06). 第三方不可获取，上游企业不可获取下游企业
    /// 客户该字段，返回值为 0 / third-party apps and upstream corps get 0.
    enum Gender {
        /// 0 未知 / unknown (or not visible to the caller).
        Unknown = 0,
        /// 1 男性 / male.
        Male = 1,
        /// 2 女性 / female.
        Female = 2,
    }
}

open_enum! {
    /// 对外属性的类型 / the kind of an external attribute (R-CU-06; doc 92230).
    enum ExternalAttrType {
        /// 0 文本 / text.
        Text = 0,
        /// 1 网页 / web page.
        Web = 1,
        /// 2 小程序 / mini-program.
        Miniprogram = 2,
    }
}

default_wire_zero!(CustomerType, Gender, ExternalAttrType);

model! {
    /// 文本类型的属性 / a text attribute.
    object struct ExternalAttrText {
        /// 文本属性内容 / the text.
        value: String,
    }
}

model! {
    /// 网页类型的属性 / a web-page attribute.
    object struct ExternalAttrWeb {
        /// 网页的 url / the page's URL.
        url: String,
        /// 网页的展示标题 / the title shown.
        title: String,
    }
}

model! {
    /// 小程序类型的属性 / a mini-program attribute.
    object struct ExternalAttrMiniprogram {
        /// 小程序 appid / the mini-program's appid.
        appid: String,
        /// 小程序的页面路径 / the page path.
        pagepath: Option<String>,
        /// 小程序的展示标题 / the title shown.
        title: String,
    }
}

model! {
    /// 一个对外属性：type 决定 text、web、miniprogram 中哪一个有值 / one external attribute;
    /// `type` says which of text, web and miniprogram is set.
    object struct ExternalAttr {
        /// 属性类型：0 文本，1 网页，2 小程序 / 0 text, 1 web page, 2 mini-program.
        r#type: ExternalAttrType,
        /// 属性名称 / the attribute's name.
        name: String,
        /// 文本类型的属性，type 为 0 时返回 / the text, for type 0.
        text: Option<ExternalAttrText>,
        /// 网页类型的属性，type 为 1 时返回 / the web page, for type 1.
        web: Option<ExternalAttrWeb>,
        /// 小程序类型的属性，type 为 2 时返回 / the mini-program, for type 2.
        miniprogram: Option<ExternalAttrMiniprogram>,
    }
}

model! {
    /// 对外展示的视频号 / the WeChat Channels account shown (doc 92230; WxJava's and SKIT's
    /// models; the customer pages do not list it).
    object struct ExternalProfileWechatChannels {
        /// 视频号名称 / the account's name.
        nickname: String,
        /// 对外展示视频号状态：0 已确认，1 待确认 / 0 confirmed by the corp, 1 pending.
        status: Option<i64>,
    }
}

model! {
    /// 外部联系人的自定义展示信息，仅当联系人类型是企业微信用户时有此字段 / what a WeCom-user
    /// customer shows about themselves (text, web and mini-program attributes); present for
    /// type 2 only.
    object struct ExternalProfile {
        /// 企业对外简称 / the corp's public short name (doc 92230).
        external_corp_name: Option<String>,
        /// 对外展示的视频号 / the WeChat Channels account shown (doc 92230).
        wechat_channels: Option<ExternalProfileWechatChannels>,
        /// 属性列表：文本、网页、小程序 / the attributes: text, web page, mini-program.
        external_attr: Option<Vec<ExternalAttr>>,
    }
}

model! {
    /// 客户的基本信息 / the customer's own details (externalcontact/get `external_contact`,
    /// batch/get_by_user `external_contact_list[].external_contact`).
    ///
    /// `external_userid`, `name` and `type` are always sent. What depends on the kind of
    /// customer (position, corp names and external_profile exist for WeCom users only, unionid
    /// for WeChat users when the corp bound a WeChat developer id) or on the caller (third-party
    /// apps and upstream corps get no avatar, gender or unionid) stays optional.
    object struct ExternalContact {
        /// 外部联系人的 userid / the customer's external_userid.
        external_userid: String,
        /// 外部联系人的名称：微信用户为微信昵称，企业微信联系人为对外展示的别名或实名 / the name: the
        /// WeChat nickname, or the alias or real name a WeCom user shows.
        name: String,
        /// 外部联系人的职位，仅企业微信用户，隐藏职位时不返回 / the position (WeCom users who show
        /// it only).
        position: Option<String>,
        /// 外部联系人头像；第三方不可获取，代开发应用需要管理员授权 / the avatar URL (not for
        /// third-party apps; 代开发 apps need the admin's consent).
        avatar: Option<String>,
        /// 外部联系人所在企业的简称，仅企业微信用户 / the customer's corp's short name (WeCom users
        /// only).
        corp_name: Option<String>,
        /// 外部联系人所在企业的主体名称，仅企业微信用户；仅自建应用可获取，其它应用返回 corp_name /
        /// the corp's registered name (WeCom users; self-built apps only, others get corp_name).
        corp_full_name: Option<String>,
        /// 外部联系人的类型：1 微信用户，2 企业微信用户 / 1 WeChat user, 2 WeCom user.
        r#type: CustomerType,
        /// 外部联系人性别：0 未知，1 男性，2 女性；第三方不可获取 / 0 unknown, 1 male, 2 female (0 for
        /// third-party apps and upstream corps; optional because the page does not promise the
        /// member).
        gender: Option<Gender>,
        /// 微信 unionid：仅微信用户且企业绑定了微信开发者 ID 时返回；第三方不可获取 / the WeChat
        /// unionid (WeChat users of a corp that bound a WeChat developer id; not for third-party
        /// apps).
        unionid: Option<String>,
        /// 外部联系人的自定义展示信息，仅企业微信用户 / what a WeCom user shows about themselves.
        external_profile: Option<ExternalProfile>,
    }
}
