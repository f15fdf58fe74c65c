//! `change_external_tag` — 企业客户标签事件 (corp / strategy tags created, changed, deleted,
//! reordered), official page <https://developer.work.weixin.qq.com/document/path/92130>.

use serde::Serialize;

use super::fields::Fields;

open_enum! {
    /// `ChangeType` of a `change_external_tag` event.
    pub enum TagChange {
        /// 企业客户标签创建.
        Create = "create",
        /// 企业客户标签变更.
        Update = "update",
        /// 企业客户标签删除.
        Delete = "delete",
        /// 企业客户标签重排 (`Id` is the group, may be empty).
        Shuffle = "shuffle",
    }
}

open_enum! {
    /// `TagType`: whether `Id` is a tag or a tag group.
    pub enum TagType {
        /// A tag.
        Tag = "tag",
        /// A tag group.
        TagGroup = "tag_group",
    }
}

/// A `change_external_tag` event (企业客户标签事件, doc 92130). Absent fields are `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TagEvent {
    /// `ChangeType` (written as `changeType` at the top of the event's JSON).
    #[serde(skip)]
    pub change_type: TagChange,
    /// `Id`: the tag or tag group (for `shuffle`, the group; empty for the top level).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `TagType`: `tag` or `tag_group`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag_type: Option<TagType>,
    /// `StrategyId`: set for strategy tags (规则组标签).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategy_id: Option<i64>,
}

impl TagEvent {
    /// The fields this type reads.
    pub(crate) const FIELDS: &'static [&'static str] = &["ChangeType", "Id", "TagType", "StrategyId"];

    pub(crate) fn read(f: Fields<'_>) -> Self {
        TagEvent {
            change_type: f.change_type(TagChange::parse),
            id: f.text("Id"),
            tag_type: f.parsed("TagType", TagType::parse),
            strategy_id: f.int("StrategyId"),
        }
    }
}
