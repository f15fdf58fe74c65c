//! WeCom's global error codes (<https://developer.work.weixin.qq.com/document/path/90313>) with
//! the SDK's handling class for each. Declared once here; the client's retry and refresh
//! decisions and the JS error's `kind`/`hint` are read from this table.

/// How the SDK handles an errcode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// Transient server trouble: retry with backoff.
    Retry,
    /// The access_token is invalid or expired: drop it, fetch a new one, retry once.
    Refresh,
    /// A frequency or concurrency limit: back off for the limit window.
    Rate,
    /// Configuration or permission: permanent until someone changes the setup.
    Config,
    /// The request itself is invalid (client validation should have caught it).
    Param,
    /// Business state: retrying the same request will not help.
    State,
    /// A quota is used up.
    Quota,
}

impl ErrorClass {
    /// Every class, in declaration order: the codegen emits the TypeScript `WeComErrorKind`
    /// union from their names (`as_str`).
    pub const ALL: &'static [ErrorClass] = &[Retry, Refresh, Rate, Config, Param, State, Quota];

    /// Lower-case name used in JS (`error.kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorClass::Retry => "retry",
            ErrorClass::Refresh => "refresh",
            ErrorClass::Rate => "rate",
            ErrorClass::Config => "config",
            ErrorClass::Param => "param",
            ErrorClass::State => "state",
            ErrorClass::Quota => "quota",
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrcodeInfo {
    /// The errcode.
    pub code: i64,
    /// Handling class.
    pub class: ErrorClass,
    /// Official title (Chinese).
    pub title: &'static str,
    /// What to do about it.
    pub hint: &'static str,
}

use ErrorClass::*;

macro_rules! errcodes {
    ($( $code:literal $class:ident $title:literal $hint:literal; )*) => {
        /// Every known errcode, sorted by code.
        pub const TABLE: &[ErrcodeInfo] = &[ $( ErrcodeInfo { code: $code, class: $class, title: $title, hint: $hint }, )* ];
    };
}

errcodes! {
    -1 Retry "系统繁忙" "WeCom is busy; retry with backoff (at most 3 times)";
    6000 Retry "数据版本冲突" "Concurrent modification; retry later";
    40001 Config "不合法的secret参数" "Check corpSecret: wrong, reset, of another app, or the app is disabled";
    40003 Param "无效的UserID" "userid must exist (1-64 letters, digits, - _ .); third-party apps use ciphertext userids";
    40004 Param "不合法的媒体文件类型" "Uploads: type must be image, voice, video or file (media_type: image, video or file)";
    40005 Param "不合法的文件类型" "Uploads: the file's type does not fit the media type (image JPG/PNG, voice AMR, video MP4)";
    40006 Param "不合法的文件大小" "Uploads: more than 5 bytes and at most image 10 MB, voice 2 MB, video 10 MB, file 20 MB (uploadimg 2 MB)";
    40007 Param "不合法的媒体文件id" "The media_id is unknown or expired (temporary media live 3 days): upload the file again";
    40013 Config "不合法的CorpID" "Check corpId";
    40014 Refresh "不合法的access_token" "The token is invalid; the client fetches a new one and retries once";
    40031 Param "不合法的UserID列表" "Check the userid list";
    40032 Param "不合法的UserID列表长度" "Too many or too few userids";
    40033 Param "不合法的请求字符" "Remove \\uXXXX-style characters";
    40035 Param "不合法的参数" "Check the request parameters";
    40050 Param "chatid不存在" "Unknown chat_id (customer groups: check the id from groupchat/list or opengid_to_chatid)";
    40056 Config "不合法的agentid" "Check agentid";
    40058 Param "不合法的参数" "Bad JSON, over-long value or array, or missing required value";
    40063 Param "参数为空" "A required parameter is empty (or wrong HTTP method)";
    40068 Param "不合法的标签/标签组ID" "The tag or tag group id is missing or unknown (deleted, or never created): read the tag library again";
    40071 Param "不合法的标签名字" "The name is taken: a group must not take another group's name, a tag not another tag's name in its group";
    40072 Param "不合法的标签名字长度" "The tag name is empty or too long (corp tag and group names: at most 30 characters)";
    40073 Param "不合法的openid" "The openid does not exist: check where it came from (it must match the unionid's mini-program or official account)";
    40091 Config "secret不合法" "The secret belongs to another corp";
    40096 Param "不合法的外部联系人userid" "Use corp-subject ids from self-built apps and provider-subject ids from third-party apps";
    40097 State "该成员尚未离职" "resigned/transfer_customer needs a handover member who has resigned (use transfer_customer for members on the job)";
    40098 State "成员尚未实名认证" "The member must complete real-name verification";
    40099 Quota "外部联系人的数量已达上限" "The member's customer count is at its limit";
    40100 State "此用户的外部联系人已经在转移流程中" "The customer is already being transferred: wait for transfer_result";
    40125 Param "无效的openuserid参数" "The open_userid is invalid or was not obtained by the source_agentid app";
    40126 Quota "企业标签个数达到上限，最多为3000个" "At most 3000 corp tags, corp and strategy tags together: delete unused tags first";
    40128 Quota "客户转接过于频繁（90个自然日内，在职成员的每位客户仅可被转接2次）" "An on-job member's customer can be transferred at most twice in 90 natural days";
    40129 State "当前客户正在转接中" "A transfer of this customer is in progress: wait for transfer_result";
    40130 Param "原跟进人与接手人一样，不可继承" "handover_userid and takeover_userid must differ";
    40131 State "handover_userid 并不是外部联系人的跟进人" "The customer must be followed by handover_userid";
    40143 State "转接成员被封禁，无法进行客户继承操作" "The takeover member is banned: pick another member";
    40165 State "已经升级了客户群ID，无法再次升级" "The group chat ids were already upgraded";
    40166 State "还未升级客户群ID，无法调用接口" "Upgrade the group chat ids first";
    40206 Param "请求body字节数超过限制" "Send a smaller body";
    41001 Param "缺少access_token参数" "The request left out the access_token (it must be in the URL query); a fresh token does not fix that";
    41002 Config "缺少corpid参数" "Set corpId";
    41004 Config "缺少secret参数" "Set corpSecret";
    41005 Param "缺少多媒体文件数据" "Uploads: send the file as multipart/form-data in the part media, with a filename";
    41035 Param "缺少外部联系人userid参数" "external_userid is required";
    41037 Param "缺少「联系我」type参数" "type is required (1 or 2)";
    41038 Param "缺少「联系我」scene参数" "scene is required (1 or 2)";
    41039 Param "无效的「联系我」type参数" "type must be 1 or 2";
    41040 Param "无效的「联系我」scene参数" "scene must be 1 or 2";
    41041 Param "「联系我」使用人数超过限制" "At most 100 members, counting expanded departments";
    41042 Param "无效的「联系我」style参数" "Check style";
    41043 Param "缺少「联系我」config_id参数" "config_id is required";
    41044 Param "无效的「联系我」config_id参数" "Unknown config_id (deleted, or created by another app)";
    41045 Quota "API添加「联系我」达到数量上限" "500,000 API-created contact ways per corp (shared with group join ways)";
    41049 Param "缺少欢迎语code参数" "welcome_code is required (from the add_external_contact event)";
    41050 State "无效的欢迎语code" "The welcome_code expired (valid 20 s after the event) or is unknown";
    41051 State "客户和服务人员已经开始聊天了" "Another app (or the member) already sent the welcome message: a welcome_code works once";
    41054 State "该用户尚未激活" "The member must activate WeCom";
    41055 Quota "群欢迎语模板数量达到上限" "At most 100 group welcome templates per corp: delete unused ones";
    41056 Param "外部联系人id类型不正确" "Wrong kind of external contact id (e.g. convert_to_openid takes WeChat customers only, not wo… WeCom-type ids)";
    41057 Config "企业或服务商未绑定微信开发者账号" "Bind a WeChat developer account in 客户联系 to use unionid";
    41058 State "无此群欢迎语模板的编辑权限" "An app edits and deletes only the group welcome templates it created";
    41063 Retry "群发消息正在被派发中，请稍后再试" "Retry later";
    41064 Param "附件数量超过限制" "At most 9 attachments";
    41065 Param "无效的附件类型" "msgtype must be image, link, miniprogram, video or file";
    41078 Rate "创建朋友圈正在进行的异步任务总数超过了限制" "Too many moment tasks are being created: wait for some to finish (get_moment_task_result)";
    41079 Retry "朋友圈正在被派发中，请稍后再试" "Retry later";
    41089 Param "朋友圈附件与内容不能同时为空" "A moment needs text or attachments";
    41091 Param "配置客户群进群方式最多只能关联5个群" "A group join way takes at most 5 chat ids in chat_id_list";
    41093 State "群发任务已取消" "The mass message was cancelled (cancel_groupmsg_send)";
    41094 Quota "群发提醒超过频率限制" "A mass message can be reminded at most 3 times in 24 h";
    41096 State "欢迎语已在发送中" "Another call is sending the welcome message for this welcome_code: only one wins";
    42001 Refresh "access_token已过期" "The token expired; the client fetches a new one and retries once";
    42009 Refresh "suite_access_token已过期" "Fetch a new suite_access_token";
    44001 Param "多媒体文件为空" "Uploads: the file is empty";
    45009 Rate "接口调用超过限制" "Frequency limit hit; back off for the limit window";
    45029 Param "回包大小超过上限" "The answer would be too large: ask for less (a smaller page or fewer ids)";
    45033 Rate "接口并发调用超过限制" "Lower the concurrency";
    48001 Config "API功能未授权" "The app is not authorised for this API";
    48002 Config "API接口无权限调用" "Add the app to 客户联系 → 可调用接口的应用 (since 2023-12-01 new corps cannot call these APIs with the 客户联系 system secret)";
    48004 Config "授权关系无效" "The authorisation was cancelled";
    48006 Config "接口权限被收回" "The API permission was revoked";
    50002 Config "成员不在权限范围" "The member is outside the app's visible range";
    60011 Config "指定的成员/部门/标签参数无权限" "Add the member/department to the app's visible range";
    60020 Config "不安全的访问IP" "Add the 'from ip' of the error to 企业可信IP (takes about a minute)";
    60021 Config "userid不在应用可见范围内" "Add the member to the app's visible range";
    60111 State "UserID不存在" "Unknown userid (upgraded third-party apps must send ciphertext userids)";
    60221 Config "open_userid对应的服务商不是当前服务商" "The open_userid belongs to another provider";
    81013 Config "UserID、部门ID、标签ID全部非法或无权限" "Check the ids and the app's visible range";
    81017 Param "请求个数超过限制" "Narrow the request (e.g. add owner_filter)";
    81026 Retry "相关功能处于系统维护状态" "Maintenance; retry later";
    84061 State "不存在外部联系人的关系" "The member and the customer are not related";
    84074 Config "没有外部联系人权限" "Enable customer contact for the member";
    84083 State "非服务人员" "The member is not one of the customer's service members (followers)";
    84084 State "非跟进用户" "The WeChat user is not a friend of the member, or the member is outside the app's visible range";
    90206 Config "小程序未关联到企业中" "Link the mini-program to the corp";
    90207 Param "不合法的小程序appid" "Check the mini-program appid";
    90208 Param "小程序appid不匹配" "The appid does not match the mini-program bound for this call";
    90500 State "群主并未离职" "groupchat/transfer only takes groups whose owner resigned (use groupchat/onjob_transfer otherwise)";
    90501 State "该群不是客户群" "Only customer groups can be transferred";
    90502 State "群主已经离职" "The owner resigned: use groupchat/transfer";
    90503 State "满人 & 99个微信成员，没办法踢，要客户端确认" "The group is full with 99 WeChat members: the new owner must confirm in the client";
    90504 State "群主没变" "new_owner is already the owner";
    90507 State "离职群正在继承处理中" "The group is being inherited already";
    90508 State "离职群已经继承" "The group was inherited already";
    90509 State "非企业微信客户群" "Not a WeCom customer group";
    90510 State "企业一年内无活跃用户" "The corp has had no active member for a year";
    90511 Param "opengid不存在或者无效" "Check the opengid (groups of the corp's service members only, in the caller's own corp)";
    610014 Param "无效的unionid" "Check the unionid (it must belong to the open-platform account bound in 客户联系)";
    610015 Config "小程序对应的开放平台账号未认证" "Verify the open-platform account the mini-program belongs to";
    610016 Config "企业未认证" "The corp must be verified";
    610017 Config "小程序和企业主体不一致" "The mini-program's subject must be the corp's (or pass subject_type 1 for the provider's)";
    610018 Param "openid和unionid不在同一个开放平台账号下" "Pass the openid of the same mini-program or official account as the unionid";
    610019 State "没有安装第三方应用" "Install the provider's third-party app before migrating ids";
    610020 State "没有安装与待开发应用是同一个服务商的第三方应用" "Install a third-party app of the same provider as the 代开发 app";
    610021 Config "已经安装的与待开发应用为同一个服务商的第三方应用暂无企业客户权限" "Grant that third-party app the 企业客户 permission";
    610022 State "授权企业与服务商为同一企业，无需设置迁移" "The corp is the provider itself: no migration needed";
    701008 Config "没有合法的有互通license的用户" "The follower needs an activated interop licence";
}

/// Looks an errcode up.
pub fn lookup(code: i64) -> Option<&'static ErrcodeInfo> {
    TABLE.binary_search_by_key(&code, |e| e.code).ok().and_then(|i| TABLE.get(i))
}

/// The handling class of an errcode (unknown non-zero codes are business state).
pub fn class_of(code: i64) -> ErrorClass {
    lookup(code).map_or(ErrorClass::State, |e| e.class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(TABLE.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn all_lists_every_class_once() {
        // A class added to the enum breaks this exhaustive match: give it the next index and add
        // it to ALL.
        let index = |c: ErrorClass| match c {
            Retry => 0,
            Refresh => 1,
            Rate => 2,
            Config => 3,
            Param => 4,
            State => 5,
            Quota => 6,
        };
        assert!(ErrorClass::ALL.iter().enumerate().all(|(i, c)| index(*c) == i));
        let names: Vec<&str> = ErrorClass::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names, ["retry", "refresh", "rate", "config", "param", "state", "quota"]);
        assert!(TABLE.iter().all(|e| ErrorClass::ALL.contains(&e.class)));
    }

    #[test]
    fn token_codes_refresh_but_bad_secret_does_not() {
        assert_eq!(class_of(40014), ErrorClass::Refresh);
        assert_eq!(class_of(42001), ErrorClass::Refresh);
        assert_eq!(class_of(40001), ErrorClass::Config);
        assert_eq!(class_of(48002), ErrorClass::Config);
        assert_eq!(class_of(60020), ErrorClass::Config);
        assert_eq!(class_of(123456789), ErrorClass::State);
    }

    #[test]
    fn rules_md_1_14_corrections() {
        // 41001: the request left the token out; a fresh token does not fix that (doc 90313).
        assert_eq!(class_of(41001), ErrorClass::Param);
        // The id-conversion and migration states (go-workwx's table, from doc 90313).
        for code in [40073, 60221, 90208, 610015, 610016, 610017, 610019, 610020, 610021, 610022] {
            assert!(lookup(code).is_some(), "{code}");
        }
        assert!(lookup(48002).is_some_and(|e| e.hint.contains("可调用接口的应用")));
    }
}
