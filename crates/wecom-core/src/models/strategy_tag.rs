//! 管理企业规则组下的客户标签 strategy tags —
//! <https://developer.work.weixin.qq.com/document/path/94882>. Only the 客户联系 secret may call
//! these; tags live on first-level strategy groups only (R-TG-07).

use super::corp_tag::{
    AddedTagGroup, CorpTag, BOTH_FILTERS, GROUP_NEEDED, IGNORED_WITH_GROUP_ID, MAX_TAG_NAME_CHARS, MAX_TAG_ORDER,
    NOTHING_TO_DELETE, TAG_ID_IGNORED,
};
use crate::cross::*;
use crate::model;
use crate::rules::*;

model! {
    /// 获取指定规则组下的企业客户标签 — <https://developer.work.weixin.qq.com/document/path/94882>.
    /// Both filters empty: every tag; both given: only `group_id` filters (`tag_id` is ignored).
    request struct GetStrategyTagListRequest {
        /// 规则组 id / the strategy group's id.
        strategy_id: Option<u32>,
        /// 要查询的标签 id / the tag ids to read.
        tag_id: Option<Vec<String>>,
        /// 要查询的标签组 id / the group ids to read.
        /// 返回该标签组以及其下的所有标签信息 / each comes with all of its tags.
        group_id: Option<Vec<String>>,
    }
    rules = [
        warning(R_TG_09).when(BOTH_FILTERS).then(absent("tag_id", &TAG_ID_IGNORED)),
    ];
}

model! {
    /// 添加的规则组标签 / a strategy tag to add.
    request struct AddStrategyTagItem {
        /// 添加的标签名称，最长为 30 个字符 / the tag's name, at most 30 characters.
        name: String = "R-TG-10" [max_chars(MAX_TAG_NAME_CHARS, R_TG_10)],
        /// 标签次序值，有效范围 [0, 2^32) / the tag's order, in [0, 2^32).
        /// order 值大的排序靠前 / a larger order comes first.
        order: Option<u32> [range(0, MAX_TAG_ORDER, R_TG_10)],
    }
}

model! {
    /// 为指定规则组创建企业客户标签 — <https://developer.work.weixin.qq.com/document/path/94882>.
    /// Only on a first-level strategy group; corp and strategy tags together at most 3000.
    request struct AddStrategyTagRequest {
        /// 规则组 id / the strategy group's id.
        strategy_id: u32 = "R-TG-10",
        /// 标签组 id：向已有标签组添加标签 / id of the group the tags go into.
        group_id: Option<String>,
        /// 标签组名称，最长为 30 个字符 / the group's name, at most 30 characters.
        /// 与此规则组下的其他标签组同名时加入该组 / the name of a group of this strategy adds the
        /// tags to that group.
        group_name: Option<String> [max_chars(MAX_TAG_NAME_CHARS, R_TG_10)],
        /// 标签组次序值，有效范围 [0, 2^32) / the group's order, in [0, 2^32).
        /// order 值大的排序靠前 / a larger order comes first.
        order: Option<u32> [range(0, MAX_TAG_ORDER, R_TG_10)],
        /// 添加的标签，至少一个 / the tags to add, at least one.
        /// 不支持创建空标签组；同名标签只会创建一个 / no empty groups; tags of the same name are
        /// created once.
        tag: Vec<AddStrategyTagItem> = "R-TG-10" [min_items(1, R_TG_10)],
    }
    rules = [
        error(R_TG_10).then(at_least_one(&["group_id", "group_name"], &GROUP_NEEDED)),
        warning(R_TG_10).when(&[Cond::Filled("group_id")]).then(absent("group_name", &IGNORED_WITH_GROUP_ID)),
        warning(R_TG_10).when(&[Cond::Filled("group_id")]).then(absent("order", &IGNORED_WITH_GROUP_ID)),
    ];
}

model! {
    /// 编辑指定规则组下的企业客户标签：名称或次序值，不可改变所属规则组 —
    /// <https://developer.work.weixin.qq.com/document/path/94882>.
    request struct EditStrategyTagRequest {
        /// 标签或标签组的 id / the tag's or group's id.
        id: String = "R-TG-11",
        /// 新的标签或标签组名称，最长为 30 个字符 / the new name, at most 30 characters.
        name: Option<String> [max_chars(MAX_TAG_NAME_CHARS, R_TG_11)],
        /// 标签或标签组的次序值，有效范围 [0, 2^32) / the new order, [0, 2^32).
        order: Option<u32> [range(0, MAX_TAG_ORDER, R_TG_11)],
    }
}

model! {
    /// 删除指定规则组下的企业客户标签：删除标签或整个标签组 —
    /// <https://developer.work.weixin.qq.com/document/path/94882>.
    request struct DelStrategyTagRequest {
        /// 标签的 id 列表 / the tag ids.
        tag_id: Option<Vec<String>>,
        /// 标签组的 id 列表 / the group ids.
        group_id: Option<Vec<String>>,
    }
    rules = [error(R_TG_12).then(at_least_one(&["tag_id", "group_id"], &NOTHING_TO_DELETE))];
}

model! {
    /// 规则组下的标签组及其标签 / a strategy group's tag group with its tags.
    object struct StrategyTagGroup {
        /// 标签组 id / the group id.
        group_id: String,
        /// 标签组名称 / the group's name.
        group_name: String,
        /// 标签组创建时间（秒）/ created at (unix seconds).
        create_time: i64,
        /// 标签组排序的次序值，order 值大的排序靠前 / order: larger comes first.
        order: i64,
        /// 标签组所属的规则组 id / the strategy group it belongs to.
        strategy_id: i64,
        /// 标签组内的标签列表 / the group's tags.
        tag: Vec<CorpTag>,
    }
}

model! {
    /// 获取规则组标签的结果 / result of get_strategy_tag_list.
    response struct GetStrategyTagListResponse {
        /// 标签组列表 / the groups.
        tag_group: Vec<StrategyTagGroup>,
    }
}

model! {
    /// 为规则组创建标签的结果 / result of add_strategy_tag.
    response struct AddStrategyTagResponse {
        /// 新建标签所在的标签组 / the group with the new tags.
        tag_group: AddedTagGroup,
    }
}
