//! 规则组的公共部分 strategy shapes shared by customer strategies (客户联系规则组,
//! <https://developer.work.weixin.qq.com/document/path/94883>) and moment strategies (客户朋友圈规则组,
//! <https://developer.work.weixin.qq.com/document/path/94890>): the limits on `admin_list` and on
//! range nodes (each area reports them under its own rule id), the range node (成员 / 部门 节点,
//! R-SC-01) and the two privilege sets. Both pages describe these identically; declared once here.

use crate::cross::*;
use crate::messages::Text;
use crate::rules::*;
use crate::{int_enum, model, open_enum};

/// Most managers (负责人) one strategy has: 「每个规则组最多可配置20个负责人」.
pub const MAX_STRATEGY_ADMINS: usize = 20;
/// Most range nodes one create or edit call takes, per list: `range`, `range_add`,
/// `range_del` each hold at most 100 members or departments (a strategy holds 3000 in all).
pub const MAX_RANGE_NODES_PER_CALL: usize = 100;
/// Most items one page of `list` or `get_range` returns (「默认为1000，最大不超过1000」).
pub const MAX_STRATEGY_PAGE: i64 = 1000;

int_enum! {
    /// 规则组管理范围节点类型 / kind of a strategy's range node.
    enum StrategyRangeType (rule = "R-SC-01") {
        /// 1 成员 / a member (`userid`).
        Member = 1,
        /// 2 部门 / a department (`partyid`).
        Party = 2,
    }
}

open_enum! {
    /// 管理范围节点类型（返回）/ kind of a range node in an answer.
    enum StrategyRangeKind {
        /// 1 成员 / a member (`userid`).
        Member = 1,
        /// 2 部门 / a department (`partyid`).
        Party = 2,
    }
}

impl Default for StrategyRangeKind {
    /// A missing `type` reads as the value 0, which is no kind WeCom defines (`Other(0)`).
    fn default() -> Self {
        Self::from_value(0)
    }
}

const USERID_ONLY_MEMBER: Text = Text {
    zh: "userid 仅 type 为 1（成员）时有效，此项被忽略",
    en: "userid is only used for type 1 (member): it is ignored",
};
const PARTYID_ONLY_PARTY: Text = Text {
    zh: "partyid 仅 type 为 2（部门）时有效，此项被忽略",
    en: "partyid is only used for type 2 (department): it is ignored",
};

model! {
    /// 规则组管理范围节点 / one node of a strategy's range: a member or a department.
    /// Used by `range` (create) and `range_add` / `range_del` (edit) of both strategy kinds.
    request struct StrategyRangeNode {
        /// 节点类型：1 成员，2 部门 / node kind: 1 member, 2 department.
        r#type: StrategyRangeType = "R-SC-01",
        /// 成员 userid，仅 type 为 1 时有效 / the member's userid, type 1 only.
        userid: Option<String>,
        /// 部门 partyid，仅 type 为 2 时有效 / the department's id, type 2 only.
        partyid: Option<u32>,
    }
    rules = [
        error(R_SC_01).when(&[Cond::Eq("type", 1)]).then(required("userid")),
        error(R_SC_01).when(&[Cond::Eq("type", 2)]).then(required("partyid")),
        warning(R_SC_01).when(&[Cond::Eq("type", 1)]).then(absent("partyid", &PARTYID_ONLY_PARTY)),
        warning(R_SC_01).when(&[Cond::Eq("type", 2)]).then(absent("userid", &USERID_ONLY_MEMBER)),
    ];
}

model! {
    /// 管理范围内的节点（get_range 返回）/ a range node in a `get_range` answer.
    object struct StrategyRangeItem {
        /// 节点类型：1 成员，2 部门 / node kind: 1 member, 2 department.
        r#type: StrategyRangeKind,
        /// 成员 userid，仅 type 为 1 时返回 / the member's userid, type 1 only.
        userid: Option<String>,
        /// 部门 partyid，仅 type 为 2 时返回 / the department's id, type 2 only.
        partyid: Option<i64>,
    }
}

model! {
    /// 规则组 id（list 返回）/ a strategy id in a `list` answer.
    object struct StrategyIdItem {
        /// 规则组 id / the strategy's id.
        strategy_id: i64,
    }
}

/// Declares a privilege set twice from one list of flags: as sent (`request`, each flag
/// optional, 「默认为true」) and as received (`object`, each flag a plain bool).
macro_rules! privilege_models {
    (
        $(#[doc = $doc:literal])*
        $req:ident / $obj:ident { $( $(#[doc = $fdoc:literal])* $flag:ident ),* $(,)? }
    ) => {
        model! {
            $(#[doc = $doc])*
            /// 如果规则组具有父规则组，privilege 被忽略（继承父规则组）/ ignored for a child strategy
            /// (it inherits its parent's privileges).
            request struct $req { $( $(#[doc = $fdoc])* $flag: Option<bool> ),* }
        }
        model! {
            $(#[doc = $doc])*
            /// （返回）/ as returned by `get`.
            object struct $obj { $( $(#[doc = $fdoc])* $flag: bool ),* }
        }
    };
}

privilege_models! {
    /// 客户朋友圈规则组的权限配置，各项默认为 true — <https://developer.work.weixin.qq.com/document/path/94890>.
    /// Moment strategy privileges, each true by default.
    MomentStrategyPrivilege / MomentStrategyPrivilegeInfo {
        /// 允许查看成员的全部客户朋友圈发表 / may see every moment of the members.
        view_moment_list,
        /// 允许成员发表客户朋友圈 / members may post moments.
        send_moment,
        /// 配置封面和签名 / may set the moments cover and signature.
        manage_moment_cover_and_sign,
    }
}

privilege_models! {
    /// 客户联系规则组的权限配置，各项默认为 true — <https://developer.work.weixin.qq.com/document/path/94883>.
    /// Customer strategy privileges, each true by default.
    CustomerStrategyPrivilege / CustomerStrategyPrivilegeInfo {
        /// 查看客户列表 / view the customer list.
        view_customer_list,
        /// 查看客户统计数据 / view customer statistics.
        view_customer_data,
        /// 查看客户群列表 / view the group chat list.
        view_room_list,
        /// 可使用联系我 / may use contact-me.
        contact_me,
        /// 可加入群聊（基础权限，不可取消）/ may join group chats (base privilege, always true).
        join_room,
        /// 允许分享客户给其他成员 / may share customers with other members.
        share_customer,
        /// 允许分配离职成员客户 / may reassign resigned members' customers.
        oper_resign_customer,
        /// 允许分配离职成员客户群 / may reassign resigned members' group chats.
        oper_resign_group,
        /// 给客户群发消息 / may send mass messages to customers.
        send_customer_msg,
        /// 配置欢迎语 / may set welcome messages.
        edit_welcome_msg,
        /// 查看成员联系客户统计 / view members' contact statistics.
        view_behavior_data,
        /// 查看群聊数据统计 / view group chat statistics.
        view_room_data,
        /// 发送到客户群 / may send mass messages to group chats.
        send_group_msg,
        /// 群打卡去重 / group deduplication.
        room_deduplication,
        /// 配置快捷回复 / may set quick replies.
        rapid_reply,
        /// 转接在职成员的客户 / may transfer on-job members' customers.
        onjob_customer_transfer,
        /// 编辑企业成员防骚扰规则 / may edit anti-spam rules.
        edit_anti_spam_rule,
        /// 导出客户列表 / may export the customer list.
        export_customer_list,
        /// 导出成员客户统计 / may export customer statistics.
        export_customer_data,
        /// 导出客户群列表 / may export the group chat list.
        export_customer_group_list,
        /// 配置企业客户标签 / may manage corp customer tags.
        manage_customer_tag,
    }
}
