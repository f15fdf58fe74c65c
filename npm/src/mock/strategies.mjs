// Endpoint handlers for the strategy trees: customer_strategy/{list,get,get_range,create,edit,del}
// and moment_strategy/{…} over world.customerStrategies and world.momentStrategies
// (world/strategies.mjs). Customer strategy ids are the ids strategy tags belong to
// (`world.strategies`), kept in step on create and del.
// Docs: https://developer.work.weixin.qq.com/document/path/94883, https://developer.work.weixin.qq.com/document/path/94890

import { ApiError, invalidParam } from './errors.mjs';
import { activeMember, pageLimit } from './world/requests.mjs';
import { listCursor, listPosition } from './world/position-cursor.mjs';
import {
  MAX_ADMINS, MAX_LEVELS, MAX_RANGE_NODES, MAX_RANGE_PER_CALL, MAX_STRATEGIES, covers, nodeKey,
} from './world/strategies.mjs';

/** Longest strategy name accepted, in characters. */
export const STRATEGY_NAME_MAX = 64;
/** Largest `limit` of list and get_range (default too). */
export const STRATEGY_PAGE_MAX = 1000;

const absent = (v) => v === undefined || v === null;
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The strategy named by `body.strategy_id`: 40058 missing, not an integer or unknown. */
function strategyOf(tree, body) {
  const id = body.strategy_id;
  if (!Number.isSafeInteger(id)) throw invalidParam('strategy_id is required (an integer)');
  const strategy = tree.nodes.get(id);
  if (strategy === undefined) throw invalidParam('invalid strategy_id');
  return strategy;
}

/** `admin_list`: 1–20 active members (40058 shape or size, 40003 a member). */
function readAdmins(world, list) {
  if (!Array.isArray(list) || list.length === 0 || !list.every((u) => typeof u === 'string')) {
    throw invalidParam('admin_list must be a non-empty array of userids');
  }
  if (list.length > MAX_ADMINS) throw invalidParam(`admin_list has more than ${MAX_ADMINS} userids`);
  return [...new Set(list.map((userid) => activeMember(world, userid, 'admin_list').userid))];
}

/** `privilege`: booleans for this tree's names (others ignored); 40058 for other values. */
function readPrivilege(tree, value) {
  if (absent(value)) return {};
  if (!isObject(value)) throw invalidParam('privilege must be an object');
  /** @type {Record<string, boolean>} */
  const out = {};
  for (const name of tree.privileges) {
    const v = value[name];
    if (absent(v)) continue;
    if (typeof v !== 'boolean') throw invalidParam(`privilege.${name} must be a boolean`);
    out[name] = v;
  }
  return out;
}

/** A range list (≤ 100 nodes a call): 40058 shape, 40003 unknown member, 60123 unknown department. */
function readRange(world, list, name) {
  if (absent(list)) return [];
  if (!Array.isArray(list)) throw invalidParam(`${name} must be an array`);
  if (list.length > MAX_RANGE_PER_CALL) throw invalidParam(`${name} has more than ${MAX_RANGE_PER_CALL} nodes`);
  return list.map((node, i) => {
    if (!isObject(node)) throw invalidParam(`${name}[${i}] must be an object`);
    if (node.type === 1) return { type: 1, userid: activeMember(world, node.userid, `${name}[${i}].userid`).userid };
    if (node.type === 2) {
      if (!Number.isSafeInteger(node.partyid) || !world.departments.has(node.partyid)) throw new ApiError(60123, `${name}[${i}].partyid`);
      return { type: 2, partyid: node.partyid };
    }
    throw invalidParam(`${name}[${i}].type must be 1 (member) or 2 (department)`);
  });
}

/** Adds nodes to a range, each inside the parent's range (40058), at most 3000 in all. */
function addNodes(world, tree, strategy, range, nodes) {
  const parent = tree.nodes.get(strategy.parent_id);
  for (const node of nodes) {
    if (parent !== undefined && !covers(world, parent.range, node)) throw invalidParam('range node outside the parent strategy\'s range');
    range.set(nodeKey(node), node);
  }
  if (range.size > MAX_RANGE_NODES) throw invalidParam(`a strategy's range holds at most ${MAX_RANGE_NODES} nodes`);
}

/** A required strategy name. */
function readName(value) {
  if (typeof value !== 'string' || value === '') throw invalidParam('strategy_name is required');
  if ([...value].length > STRATEGY_NAME_MAX) throw invalidParam(`strategy_name exceeds ${STRATEGY_NAME_MAX} characters`);
  return value;
}

/**
 * The six handlers of one tree.
 * @param {'customer_strategy' | 'moment_strategy'} area
 * @param {(world: any) => import('./world/strategies.mjs').StrategyTree} treeOf
 * @param {boolean} customer Whether ids are kept in `world.strategies`.
 * @returns {Array<[string, import('./handlers.mjs').Handler]>}
 */
function strategyHandlers(area, treeOf, customer) {
  /** list: strategy ids in id order, `limit` default and max 1000 (above: 1000). */
  const list = ({ body, env }) => {
    const ids = [...treeOf(env.world).nodes.keys()];
    const limit = pageLimit(body.limit, { fallback: STRATEGY_PAGE_MAX, max: STRATEGY_PAGE_MAX, clamp: true });
    const at = listPosition(env.world, `${area}/list`, body.cursor, ids.length);
    const end = Math.min(ids.length, at + limit);
    return {
      strategy: ids.slice(at, end).map((strategy_id) => ({ strategy_id })),
      next_cursor: end < ids.length ? listCursor(env.world, `${area}/list`, end) : '',
    };
  };
  /** get: one strategy with its effective privileges. */
  const get = ({ body, env }) => {
    const tree = treeOf(env.world);
    const s = strategyOf(tree, body);
    return {
      strategy: {
        strategy_id: s.strategy_id, parent_id: s.parent_id, strategy_name: s.strategy_name, create_time: s.create_time,
        admin_list: [...s.admin_list], privilege: tree.privilegeOf(s),
      },
    };
  };
  /** get_range: the range nodes in the order added, `limit` default and max 1000. */
  const getRange = ({ body, env }) => {
    const s = strategyOf(treeOf(env.world), body);
    const nodes = [...s.range.values()];
    const limit = pageLimit(body.limit, { fallback: STRATEGY_PAGE_MAX, max: STRATEGY_PAGE_MAX, clamp: true });
    const kind = `${area}/get_range\n${s.strategy_id}`;
    const at = listPosition(env.world, kind, body.cursor, nodes.length);
    const end = Math.min(nodes.length, at + limit);
    return { range: nodes.slice(at, end).map((n) => ({ ...n })), next_cursor: end < nodes.length ? listCursor(env.world, kind, end) : '' };
  };
  /** create: under `parent_id` (0 or absent: first level), at most 5 levels; a child's `privilege` is ignored. */
  const create = ({ body, env }) => {
    const world = env.world;
    const tree = treeOf(world);
    const parentId = body.parent_id ?? 0;
    if (!Number.isSafeInteger(parentId) || (parentId !== 0 && !tree.nodes.has(parentId))) throw invalidParam('invalid parent_id');
    if (tree.level(parentId) + 1 > MAX_LEVELS) throw invalidParam(`strategies nest at most ${MAX_LEVELS} levels`);
    const name = readName(body.strategy_name);
    if (absent(body.admin_list)) throw invalidParam('admin_list is required');
    const admins = readAdmins(world, body.admin_list);
    // A child takes its parent's privileges: its own are ignored (「有父规则组时 privilege 被忽略」).
    const privilege = parentId === 0 ? readPrivilege(tree, body.privilege) : {};
    const nodes = readRange(world, body.range, 'range');
    if (tree.nodes.size >= MAX_STRATEGIES) throw invalidParam(`mock strategy limit reached (${MAX_STRATEGIES})`);
    const range = new Map();
    addNodes(world, tree, { parent_id: parentId }, range, nodes);
    const s = tree.add({ parent_id: parentId, strategy_name: name, create_time: world.clock.nowSeconds(), admin_list: admins, privilege, range });
    if (customer) world.strategies.add(s.strategy_id);
    return { strategy_id: s.strategy_id };
  };
  /** edit: name, admins and (first level only) privileges replaced when given; `range_del` then `range_add` (≤ 100 together). */
  const edit = ({ body, env }) => {
    const world = env.world;
    const tree = treeOf(world);
    const s = strategyOf(tree, body);
    const name = absent(body.strategy_name) ? s.strategy_name : readName(body.strategy_name);
    const admins = absent(body.admin_list) ? s.admin_list : readAdmins(world, body.admin_list);
    const privilege = absent(body.privilege) || s.parent_id !== 0 ? s.privilege : readPrivilege(tree, body.privilege);
    const removed = readRange(world, body.range_del, 'range_del');
    const added = readRange(world, body.range_add, 'range_add');
    if (removed.length + added.length > MAX_RANGE_PER_CALL) throw invalidParam(`range_add and range_del hold more than ${MAX_RANGE_PER_CALL} nodes`);
    const range = new Map(s.range);
    for (const node of removed) range.delete(nodeKey(node));
    addNodes(world, tree, s, range, added);
    Object.assign(s, { strategy_name: name, admin_list: admins, privilege, range });
    return {};
  };
  /** del: the strategy and every strategy below it. */
  const del = ({ body, env }) => {
    const world = env.world;
    const s = strategyOf(treeOf(world), body);
    const removed = treeOf(world).remove(s.strategy_id);
    if (customer) for (const id of removed) world.strategies.delete(id);
    return {};
  };
  return [
    [`externalcontact/${area}/list`, list],
    [`externalcontact/${area}/get`, get],
    [`externalcontact/${area}/get_range`, getRange],
    [`externalcontact/${area}/create`, create],
    [`externalcontact/${area}/edit`, edit],
    [`externalcontact/${area}/del`, del],
  ];
}

/**
 * Handlers of `customer_strategy/*` and `moment_strategy/*`: 40058 for a missing, unknown or
 * malformed id, name, admin list (1–20), privilege (booleans), range (≤ 100 nodes a call — range_add
 * and range_del together —, inside the parent's range, ≤ 3000 in all), a parent past 5 levels; 40003 an unknown or resigned member;
 * 60123 an unknown department.
 * @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>}
 */
export const STRATEGY_HANDLERS = [
  ...strategyHandlers('customer_strategy', (world) => world.customerStrategies, true),
  ...strategyHandlers('moment_strategy', (world) => world.momentStrategies, false),
];
