// Word lists the seeders draw names from (people, companies, departments, tags, group chats).

/** Surnames: [hanzi, pinyin]. */
export const SURNAMES = Object.freeze([
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'],
]);

/** Given-name syllables: [hanzi, pinyin]. */
export const GIVEN = Object.freeze([
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'],
  ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'],
  ['英', 'ying'], ['华', 'hua'], ['鹏', 'peng'], ['婷', 'ting'], ['欣', 'xin'], ['宇', 'yu'], ['浩', 'hao'],
]);

/** WeChat nicknames' words. */
export const NICK_WORDS = Object.freeze([
  '小鱼', '阳光', '晴天', '大白', '木子', '橙子', '老王', '清风', '星星', '向日葵', '豆豆', '海浪', '微笑', '一一',
  'Amy', 'Leo', 'Coco', 'Jack', 'Lily', 'Tom',
]);

/** Company name parts. */
export const CORP_CITIES = Object.freeze(['北京', '上海', '深圳', '杭州', '成都', '武汉', '南京', '广州']);
/** Company name parts. */
export const CORP_WORDS = Object.freeze(['云帆', '星河', '远景', '博远', '恒通', '华信', '智联', '金石', '明德', '新锐']);
/** Company name parts. */
export const CORP_KINDS = Object.freeze(['科技', '贸易', '信息技术', '咨询', '网络', '文化传媒']);

/** Job titles of WeCom-type customers. */
export const POSITIONS = Object.freeze(['经理', '总监', '采购', '工程师', '销售', '行政', '产品经理', '财务']);

/** Department names (below the root). */
export const DEPARTMENTS = Object.freeze(['销售部', '市场部', '客服部', '技术部', '运营部', '财务部', '行政部', '渠道部']);

/** Corp tag groups: name and tag names. */
export const TAG_GROUPS = Object.freeze([
  ['客户等级', ['一般', '重要', '核心', '潜在', '流失风险', 'VIP', '普通', '待培育']],
  ['客户来源', ['线下门店', '官网', '展会', '朋友推荐', '广告投放', '公众号', '直播', '地推']],
  ['意向产品', ['基础版', '标准版', '专业版', '企业版', '定制服务', '培训', '硬件', '年费']],
  ['跟进阶段', ['初次接触', '需求确认', '方案报价', '商务谈判', '已成交', '售后', '复购', '暂停']],
]);

/** Strategy (规则组) tag group names. */
export const STRATEGY_GROUPS = Object.freeze(['区域', '门店', '渠道', '活动']);

/** Group chat name parts. */
export const CHAT_WORDS = Object.freeze(['VIP客户群', '售后服务群', '新品体验群', '会员福利群', '项目沟通群', '渠道合作群']);

/** `add_way` values with weights (doc 92114: 0 unknown … 202 admin assignment). */
export const ADD_WAYS = Object.freeze([1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 0, 8, 9, 10, 201, 202]);
