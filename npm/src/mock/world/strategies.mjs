// The world's two strategy trees (规则组): customer strategies (客户联系规则组, whose ids are the
// strategy ids the strategy tags of issue 11 belong to) and moment strategies (客户朋友圈规则组).
// Each strategy has a parent (0: first level), admins, privileges (read through its ancestors: a
// child never has a privilege its parent lacks) and a range of members and departments inside its
// parent's range. Docs: https://developer.work.weixin.qq.com/document/path/94883 (customer),
// https://developer.work.weixin.qq.com/document/path/94890 (moment).

/** Privileges of a customer strategy (all default true; `join_room` is always true). */
export const CUSTOMER_PRIVILEGES = Object.freeze([
  'view_customer_list', 'view_customer_data', 'view_room_list', 'contact_me', 'join_room', 'share_customer',
  'oper_resign_customer', 'oper_resign_group', 'send_customer_msg', 'edit_welcome_msg', 'view_behavior_data',
  'view_room_data', 'send_group_msg', 'room_deduplication', 'rapid_reply', 'onjob_customer_transfer',
  'edit_anti_spam_rule', 'export_customer_list', 'export_customer_data', 'export_customer_group_list',
  'manage_customer_tag',
]);
/** Privileges of a moment strategy (all default true). */
export const MOMENT_PRIVILEGES = Object.freeze(['view_moment_list', 'send_moment', 'manage_moment_cover_and_sign']);
/** Most admins of one strategy (「最多20个」). */
export const MAX_ADMINS = 20;
/** Most range nodes one create/edit call may add or remove (「每次最多100个」). */
export const MAX_RANGE_PER_CALL = 100;
/** Most range nodes of one strategy. */
export const MAX_RANGE_NODES = 3000;
/** Deepest level of a strategy (first level is 1). */
export const MAX_LEVELS = 5;
/** Most strategies in one tree (a memory bound of the look-alike; past it, 40058). */
export const MAX_STRATEGIES = 1000;

/**
 * One range node: a member (type 1) or a department (type 2).
 * @typedef {{ type: 1, userid: string } | { type: 2, partyid: number }} RangeNode
 */

/**
 * @typedef {object} Strategy
 * @property {number} strategy_id
 * @property {number} parent_id 0 for a first-level strategy.
 * @property {string} strategy_name
 * @property {number} create_time
 * @property {string[]} admin_list
 * @property {Record<string, boolean>} privilege As set (see {@link StrategyTree#privilegeOf}).
 * @property {Map<string, RangeNode>} range Keyed `u:userid` / `p:partyid`, in the order added.
 */

/** The key of a range node. */
export function nodeKey(node) {
  return node.type === 1 ? `u:${node.userid}` : `p:${node.partyid}`;
}

/**
 * One tree of strategies.
 */
export class StrategyTree {
  /**
   * @param {readonly string[]} privileges The privilege names of this kind.
   * @param {readonly string[]} forced Privileges that are always true.
   */
  constructor(privileges, forced = []) {
    this.privileges = privileges;
    this.forced = forced;
    /** @type {Map<number, Strategy>} in id order */
    this.nodes = new Map();
    this.nextId = 1;
  }

  /**
   * Adds a strategy with the next id.
   * @param {Omit<Strategy, 'strategy_id'>} fields
   * @returns {Strategy}
   */
  add(fields) {
    const strategy = { strategy_id: this.nextId, ...fields };
    this.nextId += 1;
    this.nodes.set(strategy.strategy_id, strategy);
    return strategy;
  }

  /**
   * The level of a strategy (1 for first level), 0 for id 0 (the root).
   * @param {number} id
   * @returns {number}
   */
  level(id) {
    let n = 0;
    for (let s = this.nodes.get(id); s !== undefined; s = this.nodes.get(s.parent_id)) n += 1;
    return n;
  }

  /**
   * The privileges a strategy has: its own, each also needing every ancestor's; forced ones true.
   * @param {Strategy} strategy
   * @returns {Record<string, boolean>}
   */
  privilegeOf(strategy) {
    /** @type {Record<string, boolean>} */
    const out = {};
    for (const name of this.privileges) {
      let on = true;
      for (let s = strategy; s !== undefined && on; s = this.nodes.get(s.parent_id)) on = s.privilege[name] !== false;
      out[name] = on || this.forced.includes(name);
    }
    return out;
  }

  /**
   * Removes a strategy and every strategy below it.
   * @param {number} id
   * @returns {number[]} The ids removed.
   */
  remove(id) {
    const removed = [id];
    for (let i = 0; i < removed.length; i += 1) {
      for (const s of this.nodes.values()) if (s.parent_id === removed[i]) removed.push(s.strategy_id);
    }
    for (const r of removed) this.nodes.delete(r);
    return removed;
  }
}

/**
 * Whether `node` lies inside `range` (a member inside a department listed or one of its parents).
 * @param {{ departments: Map<number, { parentid: number }>, members: Map<string, { department: number[] }> }} world
 * @param {Map<string, RangeNode>} range
 * @param {RangeNode} node
 * @returns {boolean}
 */
export function covers(world, range, node) {
  if (range.has(nodeKey(node))) return true;
  const starts = node.type === 1 ? (world.members.get(node.userid)?.department ?? []) : [node.partyid];
  for (const start of starts) {
    const seen = new Set();
    for (let d = start; d !== 0 && !seen.has(d); d = world.departments.get(d)?.parentid ?? 0) {
      seen.add(d);
      if (range.has(`p:${d}`)) return true;
    }
  }
  return false;
}

/**
 * Seeds both trees: every strategy id of the world (`world.strategies`) becomes a first-level
 * customer strategy named after its strategy tag group, and one moment strategy exists; each with
 * the first active member as admin, every privilege, and the root department as range.
 * @param {{ strategies: Set<number>, tagGroups: Map<string, { group_name: string, create_time: number, strategy_id?: number }>,
 *   members: Map<string, { userid: string, status: string }> }} world
 * @param {number} createTime For the moment strategy.
 * @returns {{ customerStrategies: StrategyTree, momentStrategies: StrategyTree }}
 */
export function seedStrategies(world, createTime) {
  const admin = [...world.members.values()].find((m) => m.status === 'active')?.userid;
  const admins = admin === undefined ? [] : [admin];
  const root = () => new Map([['p:1', { type: 2, partyid: 1 }]]);
  const customerStrategies = new StrategyTree(CUSTOMER_PRIVILEGES, ['join_room']);
  const groups = new Map();
  for (const g of world.tagGroups.values()) if (g.strategy_id !== undefined) groups.set(g.strategy_id, g);
  for (const id of [...world.strategies].sort((a, b) => a - b)) {
    customerStrategies.nextId = id;
    const group = groups.get(id);
    customerStrategies.add({
      parent_id: 0, strategy_name: group?.group_name ?? `规则组${id}`, create_time: group?.create_time ?? createTime,
      admin_list: [...admins], privilege: {}, range: root(),
    });
  }
  const momentStrategies = new StrategyTree(MOMENT_PRIVILEGES);
  momentStrategies.add({ parent_id: 0, strategy_name: '全员朋友圈', create_time: createTime, admin_list: [...admins], privilege: {}, range: root() });
  return { customerStrategies, momentStrategies };
}
