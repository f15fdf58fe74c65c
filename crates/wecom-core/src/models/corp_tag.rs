//! 管理企业标签 corp tags — <https://developer.work.weixin.qq.com/document/path/92117>, and
//! 编辑客户企业标签 mark_tag — <https://developer.work.weixin.qq.com/document/path/92118>.

use crate::cross::*;
use crate::messages::Text;
use crate::model;
use crate::rules::*;

/// Longest tag or tag-group name, in characters (R-TG-02, R-TG-03, R-TG-10, R-TG-11).
pub const MAX_TAG_NAME_CHARS: usize = 30;

/// Largest tag or group `order`: the docs' range is [0, 2^32) (R-TG-02 …).
pub const MAX_TAG_ORDER: i64 = u32::MAX as i64;

model! {
    /// 获取企业标签库 — <https://developer.work.weixin.qq.com/document/path/92117>.
    /// Both filters empty: every tag; both given: only `group_id` filters (`tag_id` is ignored).
    request struct GetCorpTagListRequest {
        /// 要查询的标签 id / the tag ids to read.
        tag_id: Option<Vec<String>>,
        /// 要查询的标签组 id / the group ids to read.
        /// 返回该标签组以及其下的所有标签信息 / each comes with all of its tags.
        group_id: Option<Vec<String>>,
    }
    // 「同时传递tag_id和group_id时，忽略tag_id，仅以group_id作为过滤条件」.
    rules = [
        warning(R_TG_05).when(BOTH_FILTERS).then(absent("tag_id", &TAG_ID_IGNORED)),
    ];
}

/// The condition of R-TG-05 and R-TG-09: both filters given.
pub(crate) const BOTH_FILTERS: &[Cond] = &[Cond::Filled("group_id"), Cond::Filled("tag_id")];

/// The message of R-TG-05 and R-TG-09 (`tag_id` given together with `group_id`).
pub(crate) const TAG_ID_IGNORED: Text = Text {
    zh: "同时传递 tag_id 和 group_id 时，忽略 tag_id，仅以 group_id 作为过滤条件",
    en: "is ignored when group_id is given too: only group_id filters",
};

/// The message of R-TG-02 and R-TG-10 (group settings given together with `group_id`).
pub(crate) const IGNORED_WITH_GROUP_ID: Text = Text {
    zh: "填写了 group_id 时，group_name 和标签组的 order 会被忽略",
    en: "is ignored when group_id is given (the tags go into that group)",
};

/// The message of R-TG-02 and R-TG-10 (no group named at all).
pub(crate) const GROUP_NEEDED: Text = Text {
    zh: "需要填写 group_id（加入已有标签组）或 group_name（新建或按名称加入标签组）",
    en: "needs group_id (an existing group) or group_name (a new group, or an existing one by name)",
};

/// The message of R-TG-04 and R-TG-12 (nothing to delete).
pub(crate) const NOTHING_TO_DELETE: Text =
    Text { zh: "tag_id 和 group_id 不可同时为空", en: "tag_id and group_id must not both be empty" };

model! {
    /// 添加的标签 / a tag to add.
    request struct AddCorpTagItem {
        /// 添加的标签名称，最长为 30 个字符 / the tag's name, at most 30 characters.
        name: String = "R-TG-02" [max_chars(MAX_TAG_NAME_CHARS, R_TG_02)],
        /// 标签次序值，有效范围 [0, 2^32) / the tag's order, in [0, 2^32).
        /// order 值大的排序靠前 / a larger order comes first.
        order: Option<u32> [range(0, MAX_TAG_ORDER, R_TG_02)],
    }
}

model! {
    /// 添加企业客户标签 — <https://developer.work.weixin.qq.com/document/path/92117>.
    /// Adds tags to the group `group_id`, or to the group named `group_name` (created when no
    /// group has that name). At most 3000 corp tags (corp and strategy tags together, R-TG-01).
    request struct AddCorpTagRequest {
        /// 标签组 id：向已有标签组添加标签 / id of the group the tags go into.
        group_id: Option<String>,
        /// 标签组名称，最长为 30 个字符 / the group's name, at most 30 characters.
        /// 已存在时在此标签组下新建标签 / an existing name adds the tags to that group.
        group_name: Option<String> [max_chars(MAX_TAG_NAME_CHARS, R_TG_02)],
        /// 标签组次序值，有效范围 [0, 2^32) / the group's order, in [0, 2^32).
        /// order 值大的排序靠前 / a larger order comes first.
        order: Option<u32> [range(0, MAX_TAG_ORDER, R_TG_02)],
        /// 添加的标签，至少一个 / the tags to add, at least one.
        /// 不支持创建空标签组；同名标签只会创建一个 / no empty groups; tags of the same name are
        /// created once.
        tag: Vec<AddCorpTagItem> = "R-TG-02" [min_items(1, R_TG_02)],
        /// 授权方安装的应用 agentid / the installed app's agentid.
        /// 仅旧的第三方多应用套件需要填此参数 / for old multi-app third-party suites only.
        agentid: Option<u32>,
    }
    // Doc 92117: 「如果填写了group_id参数，则group_name和标签组的order参数会被忽略」, and one of
    // the two is needed (「需要填写group_id参数 … 需要通过group_name参数指定新标签组名称」).
    rules = [
        error(R_TG_02).then(at_least_one(&["group_id", "group_name"], &GROUP_NEEDED)),
        warning(R_TG_02).when(&[Cond::Filled("group_id")]).then(absent("group_name", &IGNORED_WITH_GROUP_ID)),
        warning(R_TG_02).when(&[Cond::Filled("group_id")]).then(absent("order", &IGNORED_WITH_GROUP_ID)),
    ];
}

model! {
    /// 编辑企业客户标签：修改标签或标签组的名称或次序值 —
    /// <https://developer.work.weixin.qq.com/document/path/92117>. A renamed group must not take
    /// another group's name, a tag not another tag's name in its group (WeCom checks that).
    request struct EditCorpTagRequest {
        /// 标签或标签组的 id / the tag's or group's id.
        id: String = "R-TG-03",
        /// 新的标签或标签组名称，最长为 30 个字符 / the new name, at most 30 characters.
        name: Option<String> [max_chars(MAX_TAG_NAME_CHARS, R_TG_03)],
        /// 标签或标签组的次序值，有效范围 [0, 2^32) / the new order, [0, 2^32).
        order: Option<u32> [range(0, MAX_TAG_ORDER, R_TG_03)],
        /// 授权方安装的应用 agentid / the installed app's agentid.
        /// 仅旧的第三方多应用套件需要填此参数 / for old multi-app third-party suites only.
        agentid: Option<u32>,
    }
}

model! {
    /// 删除企业客户标签：删除标签或整个标签组；标签组的标签全部删除后标签组自动删除 —
    /// <https://developer.work.weixin.qq.com/document/path/92117>.
    request struct DelCorpTagRequest {
        /// 标签的 id 列表 / the tag ids.
        tag_id: Option<Vec<String>>,
        /// 标签组的 id 列表 / the group ids.
        group_id: Option<Vec<String>>,
        /// 授权方安装的应用 agentid / the installed app's agentid.
        /// 仅旧的第三方多应用套件需要填此参数 / for old multi-app third-party suites only.
        agentid: Option<u32>,
    }
    rules = [error(R_TG_04).then(at_least_one(&["tag_id", "group_id"], &NOTHING_TO_DELETE))];
}

model! {
    /// 编辑客户企业标签：为成员的客户标记或移除企业标签 —
    /// <https://developer.work.weixin.qq.com/document/path/92118>. `external_userid` must be a
    /// customer of `userid`; several tags of one group are allowed.
    request struct MarkTagRequest {
        /// 添加外部联系人的成员 userid / the member who added the customer.
        userid: String = "R-TG-06",
        /// 外部联系人 userid / the customer's external_userid.
        external_userid: String = "R-TG-06",
        /// 要标记的标签列表 / tag ids to add.
        add_tag: Option<Vec<String>>,
        /// 要移除的标签列表 / tag ids to remove.
        remove_tag: Option<Vec<String>>,
    }
    rules = [error(R_TG_06).then(at_least_one(&["add_tag", "remove_tag"], &NOTHING_TO_MARK))];
}

const NOTHING_TO_MARK: Text =
    Text { zh: "add_tag 和 remove_tag 不可同时为空", en: "add_tag and remove_tag must not both be empty" };

model! {
    /// 企业标签 / one corp tag as WeCom returns it.
    object struct CorpTag {
        /// 标签 id / the tag id.
        id: String,
        /// 标签名称 / the name.
        name: String,
        /// 标签创建时间（秒）/ created at (unix seconds).
        create_time: i64,
        /// 标签排序的次序值，order 值大的排序靠前 / order: larger comes first.
        order: i64,
        /// 标签是否已经被删除 / whether the tag was deleted.
        /// 只在指定 tag_id/group_id 进行查询时返回 / only sent when reading by tag_id or group_id.
        deleted: Option<bool>,
    }
}

model! {
    /// 标签组及其标签 / a tag group with its tags.
    object struct CorpTagGroup {
        /// 标签组 id / the group id.
        group_id: String,
        /// 标签组名称 / the group's name.
        group_name: String,
        /// 标签组创建时间（秒）/ created at (unix seconds).
        create_time: i64,
        /// 标签组排序的次序值，order 值大的排序靠前 / order: larger comes first.
        order: i64,
        /// 标签组是否已经被删除 / whether the group was deleted.
        /// 只在指定 tag_id 进行查询时返回 / only sent when reading by tag_id.
        deleted: Option<bool>,
        /// 标签组内的标签列表 / the group's tags.
        tag: Vec<CorpTag>,
    }
}

model! {
    /// 获取企业标签库的结果 / result of get_corp_tag_list.
    response struct GetCorpTagListResponse {
        /// 标签组列表 / the groups.
        tag_group: Vec<CorpTagGroup>,
    }
}

model! {
    /// 新建标签所在的标签组：添加标签接口的返回 / the group the new tags are in, as add_corp_tag and
    /// add_strategy_tag answer it (only the new tags are listed).
    object struct AddedTagGroup {
        /// 标签组 id / the group id.
        group_id: String,
        /// 标签组名称 / the group's name.
        group_name: String,
        /// 标签组创建时间（秒）/ created at (unix seconds).
        create_time: i64,
        /// 标签组次序值 / the group's order.
        order: i64,
        /// 新建的标签 / the new tags.
        tag: Vec<CorpTag>,
    }
}

model! {
    /// 添加企业客户标签的结果 / result of add_corp_tag.
    response struct AddCorpTagResponse {
        /// 新建标签所在的标签组 / the group with the new tags.
        tag_group: AddedTagGroup,
    }
}
