//! 客户联系规则组管理 customer strategies — <https://developer.work.weixin.qq.com/document/path/94883>.
//!
//! A strategy (规则组) gives its managers (`admin_list`, at most 20, never the super admin) a set
//! of privileges over a range of members and departments. Strategies form a tree (`parent_id`,
//! at most 5 levels); a child's range lies inside its parent's and it inherits the parent's
//! privileges. A strategy holds at most 3000 range nodes, added at most 100 per call. WeCom asks
//! for serial calls only (「该接口仅支持串行调用，请勿并发调用」). The range node and the privilege
//! set are shared with moment strategies ([`super::strategy_common`]).

use super::strategy_common::{
    CustomerStrategyPrivilege, CustomerStrategyPrivilegeInfo, StrategyIdItem, StrategyRangeItem, StrategyRangeNode,
    MAX_RANGE_NODES_PER_CALL, MAX_STRATEGY_ADMINS, MAX_STRATEGY_PAGE,
};
use crate::cross::*;
use crate::messages::Text;
use crate::model;
use crate::rules::*;

const PRIVILEGE_INHERITED: Text = Text {
    zh: "有父规则组（parent_id）时 privilege 被忽略：子规则组继承父规则组的权限",
    en: "privilege is ignored with a parent_id: a child strategy inherits its parent's privileges",
};

model! {
    /// 获取规则组列表：企业配置的所有客户规则组 id — <https://developer.work.weixin.qq.com/document/path/94883>.
    request struct CustomerStrategyListRequest {
        /// 分页查询游标，首次调用可不填 / the previous answer's cursor (absent at first).
        cursor: Option<String>,
        /// 分页大小，默认为 1000，最大不超过 1000 / page size, default 1000, at most 1000.
        limit: Option<u32> [range(1, MAX_STRATEGY_PAGE, R_SG_01)],
    }
}

model! {
    /// 获取规则组列表的结果 / result of customer_strategy/list.
    response struct CustomerStrategyListResponse {
        /// 规则组 id 列表 / this page's strategy ids.
        strategy: Vec<StrategyIdItem>,
        /// 分页游标，无更多数据时不返回 / the next page's cursor; absent on the last page.
        next_cursor: Option<String>,
    }
}

model! {
    /// 获取规则组详情：规则组的名称、负责人与权限配置 —
    /// <https://developer.work.weixin.qq.com/document/path/94883>.
    request struct CustomerStrategyGetRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-SG-02",
    }
}

model! {
    /// 规则组详情 / a customer strategy.
    object struct CustomerStrategyInfo {
        /// 规则组 id / the strategy's id.
        strategy_id: i64,
        /// 父规则组 id，顶层规则组为 0 / the parent's id; 0 at the top level.
        parent_id: i64,
        /// 规则组名称 / the strategy's name.
        strategy_name: String,
        /// 规则组创建时间戳 / created at (unix seconds).
        create_time: i64,
        /// 规则组负责人 userid 列表 / the managers' userids.
        admin_list: Vec<String>,
        /// 权限配置 / the privileges.
        privilege: CustomerStrategyPrivilegeInfo,
    }
}

model! {
    /// 获取规则组详情的结果 / result of customer_strategy/get.
    response struct CustomerStrategyGetResponse {
        /// 规则组详情 / the strategy.
        strategy: CustomerStrategyInfo,
    }
}

model! {
    /// 获取规则组管理范围：规则组管理范围内的成员与部门 —
    /// <https://developer.work.weixin.qq.com/document/path/94883>.
    request struct CustomerStrategyGetRangeRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-SG-03",
        /// 分页游标 / the previous answer's cursor (absent at first).
        cursor: Option<String>,
        /// 每个分页的成员/部门节点数，默认为 1000，最大为 1000 / nodes per page, default 1000, at most 1000.
        limit: Option<u32> [range(1, MAX_STRATEGY_PAGE, R_SG_03)],
    }
}

model! {
    /// 获取规则组管理范围的结果 / result of customer_strategy/get_range.
    response struct CustomerStrategyGetRangeResponse {
        /// 管理范围节点列表 / this page's range nodes.
        range: Vec<StrategyRangeItem>,
        /// 分页游标，无更多数据时不返回 / the next page's cursor; absent on the last page.
        next_cursor: Option<String>,
    }
}

model! {
    /// 创建新的规则组 — <https://developer.work.weixin.qq.com/document/path/94883>.
    /// 负责人不可配置超级管理员；子规则组的管理范围须在父规则组之内 / the super admin cannot be a
    /// manager; a child's range must lie inside its parent's (WeCom checks both).
    request struct CustomerStrategyCreateRequest {
        /// 父规则组 id / the parent strategy's id (absent: a top-level strategy).
        parent_id: Option<u32>,
        /// 规则组名称 / the strategy's name.
        strategy_name: String = "R-SG-04",
        /// 规则组负责人 userid 列表，至少 1 个，最多 20 个 / the managers' userids, 1 to 20.
        admin_list: Vec<String> = "R-SG-04" [min_items(1, R_SG_04), max_items(MAX_STRATEGY_ADMINS, R_SG_04)],
        /// 权限配置，各项默认为 true / the privileges, each true by default.
        privilege: Option<CustomerStrategyPrivilege>,
        /// 规则组的管理范围节点，每次最多 100 个 / the range nodes, at most 100 per call.
        range: Option<Vec<StrategyRangeNode>> [max_items(MAX_RANGE_NODES_PER_CALL, R_SG_04)],
    }
    rules = [
        warning(R_SG_04).when(&[Cond::Filled("parent_id")]).then(absent("privilege", &PRIVILEGE_INHERITED)),
    ];
}

model! {
    /// 创建规则组的结果 / result of customer_strategy/create.
    response struct CustomerStrategyCreateResponse {
        /// 新规则组 id / the new strategy's id.
        strategy_id: i64,
    }
}

model! {
    /// 编辑规则组及其管理范围：给出的名称、负责人、权限覆盖原值；range_add / range_del 增删节点 —
    /// <https://developer.work.weixin.qq.com/document/path/94883>.
    /// range_add 与 range_del 每次调用合计最多 100 个节点 / range_add and range_del together hold
    /// at most 100 nodes per call (api-surface §B.26: 「≤100 range nodes per call」; split larger
    /// changes into several serial calls).
    request struct CustomerStrategyEditRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-SG-05",
        /// 规则组名称 / the new name.
        strategy_name: Option<String>,
        /// 规则组负责人 userid 列表，最多 20 个（覆盖原列表）/ the managers, at most 20 (replaces the list).
        admin_list: Option<Vec<String>> [max_items(MAX_STRATEGY_ADMINS, R_SG_05)],
        /// 权限配置（覆盖原配置）/ the privileges (replace the old ones).
        privilege: Option<CustomerStrategyPrivilege>,
        /// 向管理范围添加的节点 / range nodes to add.
        range_add: Option<Vec<StrategyRangeNode>>,
        /// 从管理范围删除的节点 / range nodes to remove.
        range_del: Option<Vec<StrategyRangeNode>>,
    }
    rules = [
        error(R_SG_05).then(max_total_items(&["range_add", "range_del"], MAX_RANGE_NODES_PER_CALL)),
    ];
}

model! {
    /// 删除规则组 — <https://developer.work.weixin.qq.com/document/path/94883>.
    request struct CustomerStrategyDelRequest {
        /// 规则组 id / the strategy's id.
        strategy_id: u32 = "R-SG-06",
    }
}
