//! 客户朋友圈规则组管理 moment strategies —
//! <https://developer.work.weixin.qq.com/document/path/94890>. Only the 客户联系 secret may call
//! these; create and edit are serial-only (R-MG-05). The range node, the limits and the privilege
//! flags are shared with customer strategies ([`super::strategy_common`]).

use super::strategy_common::{
    MomentStrategyPrivilege, MomentStrategyPrivilegeInfo, StrategyIdItem, StrategyRangeItem, StrategyRangeNode,
    MAX_RANGE_NODES_PER_CALL, MAX_STRATEGY_ADMINS, MAX_STRATEGY_PAGE,
};
use crate::cross::*;
use crate::model;
use crate::rules::*;

model! {
    /// 获取规则组列表 — <https://developer.work.weixin.qq.com/document/path/94890>.
    request struct MomentStrategyListRequest {
        /// 分页查询游标，首次调用可不填 / the previous page's next_cursor.
        cursor: Option<String>,
        /// 分页大小，默认为 1000，最大不超过 1000 / page size, at most 1000 (default 1000).
        limit: Option<u32>,
    }
    rules = [warning(R_MG_01).then(range_of("limit", 0, MAX_STRATEGY_PAGE))];
}

model! {
    /// 规则组 id 列表 / result of moment_strategy/list.
    response struct MomentStrategyListResponse {
        /// 规则组列表 / the strategies.
        strategy: Vec<StrategyIdItem>,
        /// 分页游标，无更多数据时不返回 / the next page's cursor (absent: done).
        next_cursor: Option<String>,
    }
}

model! {
    /// 获取规则组详情 / 删除规则组 — <https://developer.work.weixin.qq.com/document/path/94890>.
    request struct MomentStrategyIdRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-MG-02",
    }
}

model! {
    /// 朋友圈规则组详情 / a moment strategy.
    object struct MomentStrategyInfo {
        /// 规则组 id / the id.
        strategy_id: i64,
        /// 父规则组 id，没有父规则组时为 0 / the parent's id (0: none).
        parent_id: i64,
        /// 规则组名称 / the name.
        strategy_name: String,
        /// 规则组创建时间戳 / created at (unix seconds).
        create_time: i64,
        /// 规则组管理员 userid 列表 / the managers.
        admin_list: Vec<String>,
        /// 权限配置 / the privileges.
        privilege: MomentStrategyPrivilegeInfo,
    }
}

model! {
    /// 规则组详情 / result of moment_strategy/get.
    response struct MomentStrategyGetResponse {
        /// 规则组 / the strategy.
        strategy: MomentStrategyInfo,
    }
}

model! {
    /// 获取规则组管理范围 — <https://developer.work.weixin.qq.com/document/path/94890>.
    request struct MomentStrategyGetRangeRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-MG-02",
        /// 分页游标 / the previous page's next_cursor.
        cursor: Option<String>,
        /// 每个分页的成员/部门节点数，默认为 1000，最大为 1000 / nodes per page, at most 1000.
        limit: Option<u32>,
    }
    rules = [warning(R_MG_01).then(range_of("limit", 0, MAX_STRATEGY_PAGE))];
}

model! {
    /// 规则组管理范围 / result of moment_strategy/get_range.
    response struct MomentStrategyGetRangeResponse {
        /// 管理范围节点 / the range's members and departments.
        range: Vec<StrategyRangeItem>,
        /// 分页游标，无更多数据时不返回 / the next page's cursor (absent: done).
        next_cursor: Option<String>,
    }
}

model! {
    /// 创建新的规则组 — <https://developer.work.weixin.qq.com/document/path/94890>. 子规则组的
    /// 管理范围须是父规则组的子集，且完全继承父规则组的权限（privilege 被忽略）/ a child's range is a
    /// subset of its parent's and it inherits the parent's privileges (privilege is ignored).
    request struct MomentStrategyCreateRequest {
        /// 父规则组 id / the parent strategy (none: top level).
        parent_id: Option<u32>,
        /// 规则组名称 / the name.
        strategy_name: String = "R-MG-03",
        /// 规则组管理员 userid 列表，不可配置超级管理员，最多 20 个 / the managers, 1 to 20, no
        /// super-admin.
        admin_list: Vec<String> = "R-MG-03" [min_items(1, R_MG_03), max_items(MAX_STRATEGY_ADMINS, R_MG_03)],
        /// 权限配置，各项默认为 true / the privileges (each true by default).
        privilege: Option<MomentStrategyPrivilege>,
        /// 规则组管理范围，每次最多 100 个节点 / the range, at most 100 nodes per call.
        range: Option<Vec<StrategyRangeNode>> [max_items(MAX_RANGE_NODES_PER_CALL, R_MG_03)],
    }
}

model! {
    /// 创建规则组的结果 / result of moment_strategy/create.
    response struct MomentStrategyCreateResponse {
        /// 规则组 id / the new strategy's id.
        strategy_id: i64,
    }
}

model! {
    /// 编辑规则组及其管理范围 — <https://developer.work.weixin.qq.com/document/path/94890>.
    /// admin_list、privilege 给出时覆盖原配置 / admin_list and privilege replace the stored ones.
    /// range_add 与 range_del 每次调用合计最多 100 个节点 / range_add and range_del together hold at
    /// most 100 nodes per call (as customer strategies and the look-alike count them).
    request struct MomentStrategyEditRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-MG-04",
        /// 规则组名称 / the new name.
        strategy_name: Option<String>,
        /// 管理员列表，为空则不编辑，有则覆盖，最多 20 个 / the managers (replace; at most 20).
        admin_list: Option<Vec<String>> [max_items(MAX_STRATEGY_ADMINS, R_MG_04)],
        /// 权限配置，为空则不编辑，有则覆盖 / the privileges (replace).
        privilege: Option<MomentStrategyPrivilege>,
        /// 向管理范围添加的节点 / nodes to add.
        range_add: Option<Vec<StrategyRangeNode>>,
        /// 从管理范围删除的节点 / nodes to remove.
        range_del: Option<Vec<StrategyRangeNode>>,
    }
    rules = [error(R_MG_04).then(max_total_items(&["range_add", "range_del"], MAX_RANGE_NODES_PER_CALL))];
}
