// The corp tag library (企业客户标签) and strategy tags (规则组标签) in the world: get / add /
// edit / del for both (one implementation, two scopes), and mark_tag.
// Docs: https://developer.work.weixin.qq.com/document/path/92117 (corp tags),
// 94882 (strategy tags), 92118 (mark_tag).

import { ApiError, invalidParam } from './errors.mjs';
import { MAX_TAGS } from './world/options.mjs';
import { newTagId } from './world/seed-tags.mjs';
import { tagGroupView } from './world/views.mjs';
import { activeMember, followOf, knownCustomer, optionalStringList } from './world/requests.mjs';

/** Longest tag or group name (characters). */
const MAX_NAME = 30;
/** `order` is a uint32. */
const MAX_ORDER = 2 ** 32 - 1;

/**
 * @typedef {'corp' | 'strategy'} Scope corp tags (no strategy) or strategy tags.
 */

/** Whether a group belongs to the scope (and, when given, to that strategy). */
function inScope(group, scope, strategyId) {
  if (scope === 'corp') return group.strategy_id === undefined;
  return group.strategy_id !== undefined && (strategyId === undefined || group.strategy_id === strategyId);
}

/** A name of 1..30 characters: 40058 otherwise. */
function checkName(value, what) {
  if (typeof value !== 'string' || value === '') throw invalidParam(`${what} must be a non-empty string`);
  if (value.length > 2 * MAX_NAME || [...value].length > MAX_NAME) throw invalidParam(`${what} is longer than ${MAX_NAME} characters`);
  return value;
}

/** An optional order in [0, 2^32): 40058 otherwise. */
function checkOrder(value, what) {
  if (value === undefined || value === null) return undefined;
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_ORDER) throw invalidParam(`${what} must be an integer in [0, 2^32)`);
  return value;
}

/** The strategy_id of a strategy-tag request: 40058 when missing or not a strategy of the world. */
function strategyOf(world, body, required) {
  const id = body.strategy_id;
  if (id === undefined || id === null) {
    if (required) throw invalidParam('strategy_id is required');
    return undefined;
  }
  if (!Number.isSafeInteger(id) || !world.strategies.has(id)) throw invalidParam('invalid strategy_id');
  return id;
}

/** Groups sorted as WeCom lists them: larger `order` first, then older first. */
function sortedGroups(groups) {
  return [...groups].sort((a, b) => b.order - a.order || a.create_time - b.create_time);
}

/**
 * `get_corp_tag_list` / `get_strategy_tag_list`: every group of the scope; `group_id` selects
 * whole groups (then `tag_id` is ignored), `tag_id` selects tags; unknown ids are left out.
 * @param {Scope} scope
 * @returns {import('./handlers.mjs').Handler}
 */
function getTagList(scope) {
  return ({ body, env }) => {
    const { world } = env;
    const strategyId = scope === 'strategy' ? strategyOf(world, body, false) : undefined;
    const groupIds = optionalStringList(body, 'group_id', MAX_TAGS);
    const tagIds = optionalStringList(body, 'tag_id', MAX_TAGS);
    const groups = [...world.tagGroups.values()].filter((g) => inScope(g, scope, strategyId));
    let views;
    if (groupIds.length > 0) {
      const wanted = new Set(groupIds);
      views = sortedGroups(groups.filter((g) => wanted.has(g.group_id))).map((g) => tagGroupView(g));
    } else if (tagIds.length > 0) {
      const wanted = new Set(tagIds);
      views = sortedGroups(groups.filter((g) => tagIds.some((id) => g.tags.has(id)))).map((g) => tagGroupView(g, wanted));
    } else {
      views = sortedGroups(groups).map((g) => tagGroupView(g));
    }
    return { tag_group: views };
  };
}

/** The tags of an add request: 1..MAX_TAGS entries `{name, order?}`, duplicate names collapsed. */
function requestedTags(body) {
  const list = body.tag;
  if (list === undefined || list === null) throw invalidParam('tag is required');
  if (!Array.isArray(list) || list.length === 0) throw invalidParam('tag must be a non-empty array');
  if (list.length > MAX_TAGS) throw invalidParam(`tag has more than ${MAX_TAGS} entries`);
  const byName = new Map();
  for (const entry of list) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw invalidParam('tag entries must be objects');
    const name = checkName(entry.name, 'tag.name');
    const order = checkOrder(entry.order, 'tag.order');
    if (!byName.has(name)) byName.set(name, order ?? 0);
  }
  return byName;
}

/**
 * `add_corp_tag` / `add_strategy_tag`: adds tags into `group_id`, or into the group named
 * `group_name` (created when none of the scope has that name). Names already in the group are
 * answered, not added twice. 40068 unknown group_id, 40126 past 3000 tags, 40058 otherwise.
 * @param {Scope} scope
 * @returns {import('./handlers.mjs').Handler}
 */
function addTags(scope) {
  return ({ body, env }) => {
    const { world } = env;
    const strategyId = scope === 'strategy' ? strategyOf(world, body, true) : undefined;
    const tags = requestedTags(body);
    let group;
    if (body.group_id !== undefined && body.group_id !== null && body.group_id !== '') {
      group = typeof body.group_id === 'string' ? world.tagGroups.get(body.group_id) : undefined;
      if (!group || !inScope(group, scope, strategyId)) throw new ApiError(40068, 'unknown group_id');
    } else {
      const name = checkName(body.group_name, 'group_name');
      const order = checkOrder(body.order, 'order');
      group = [...world.tagGroups.values()].find((g) => inScope(g, scope, strategyId) && g.group_name === name);
      if (!group) {
        const fresh = [...tags.keys()].length;
        if (world.tagIndex.size + fresh > MAX_TAGS) throw new ApiError(40126);
        const taken = { has: (id) => world.tagGroups.has(id) || world.tagIndex.has(id) };
        group = { group_id: newTagId(world.rng, taken), group_name: name, create_time: world.clock.nowSeconds(), order: order ?? 0, tags: new Map() };
        if (strategyId !== undefined) group.strategy_id = strategyId;
        world.tagGroups.set(group.group_id, group);
      }
    }
    const existing = new Map([...group.tags.values()].map((t) => [t.name, t]));
    const fresh = [...tags.keys()].filter((name) => !existing.has(name)).length;
    if (world.tagIndex.size + fresh > MAX_TAGS) throw new ApiError(40126);
    const answered = [];
    const now = world.clock.nowSeconds();
    const taken = { has: (id) => world.tagGroups.has(id) || world.tagIndex.has(id) };
    for (const [name, order] of tags) {
      let tag = existing.get(name);
      if (!tag) {
        tag = { id: newTagId(world.rng, taken), name, create_time: now, order };
        group.tags.set(tag.id, tag);
        world.tagIndex.set(tag.id, group.group_id);
      }
      answered.push(tag);
    }
    const view = tagGroupView(group, new Set(answered.map((t) => t.id)));
    view.tag = answered.map((t) => ({ id: t.id, name: t.name, create_time: t.create_time, order: t.order }));
    return { tag_group: view };
  };
}

/**
 * `edit_corp_tag` / `edit_strategy_tag {id, name?, order?}`: renames or reorders a tag or a
 * group. 40068 unknown id (or of the other scope), 40071 a name already used (another group of
 * the scope, another tag of the group), 40058 otherwise.
 * @param {Scope} scope
 * @returns {import('./handlers.mjs').Handler}
 */
function editTag(scope) {
  return ({ body, env }) => {
    const { world } = env;
    const id = body.id;
    if (id === undefined || id === null || id === '') throw invalidParam('id is required');
    if (typeof id !== 'string') throw new ApiError(40068);
    const name = body.name === undefined || body.name === null ? undefined : checkName(body.name, 'name');
    const order = checkOrder(body.order, 'order');
    const group = world.tagGroups.get(id);
    if (group) {
      if (!inScope(group, scope)) throw new ApiError(40068);
      if (name !== undefined && name !== group.group_name) {
        const clash = [...world.tagGroups.values()].some((g) => g !== group && g.group_name === name
          && inScope(g, scope, group.strategy_id));
        if (clash) throw new ApiError(40071, 'a group of that name exists');
        group.group_name = name;
      }
      if (order !== undefined) group.order = order;
      return {};
    }
    const groupId = world.tagIndex.get(id);
    const owner = groupId === undefined ? undefined : world.tagGroups.get(groupId);
    const tag = owner?.tags.get(id);
    if (!owner || !tag || !inScope(owner, scope)) throw new ApiError(40068);
    if (name !== undefined && name !== tag.name) {
      if ([...owner.tags.values()].some((t) => t !== tag && t.name === name)) throw new ApiError(40071, 'a tag of that name exists in the group');
      tag.name = name;
    }
    if (order !== undefined) tag.order = order;
    return {};
  };
}

/** Deletes a group and its tags. */
function dropGroup(world, group) {
  for (const tagId of group.tags.keys()) world.tagIndex.delete(tagId);
  world.tagGroups.delete(group.group_id);
}

/**
 * `del_corp_tag` / `del_strategy_tag {tag_id?, group_id?}`: deletes tags and whole groups; a
 * group whose last tag goes is deleted too. Deleted tags disappear from every customer.
 * 40058 both lists empty, 40068 an unknown id (nothing is deleted then).
 * @param {Scope} scope
 * @returns {import('./handlers.mjs').Handler}
 */
function delTags(scope) {
  return ({ body, env }) => {
    const { world } = env;
    const tagIds = optionalStringList(body, 'tag_id', MAX_TAGS);
    const groupIds = optionalStringList(body, 'group_id', MAX_TAGS);
    if (tagIds.length === 0 && groupIds.length === 0) throw invalidParam('tag_id and group_id are both empty');
    const groups = groupIds.map((id) => {
      const group = world.tagGroups.get(id);
      if (!group || !inScope(group, scope)) throw new ApiError(40068, 'unknown group_id');
      return group;
    });
    const owners = tagIds.map((id) => {
      const group = world.tagGroups.get(world.tagIndex.get(id) ?? '');
      if (!group || !inScope(group, scope)) throw new ApiError(40068, 'unknown tag_id');
      return group;
    });
    for (const group of groups) dropGroup(world, group);
    tagIds.forEach((id, i) => {
      const group = owners[i];
      group.tags.delete(id);
      world.tagIndex.delete(id);
      if (group.tags.size === 0 && world.tagGroups.get(group.group_id) === group) dropGroup(world, group);
    });
    return {};
  };
}

/**
 * `POST /cgi-bin/externalcontact/mark_tag {userid, external_userid, add_tag?, remove_tag?}` —
 * changes the corp and strategy tags a member gave a customer (`get` and `batch/get_by_user`
 * show them). 40003 member, 41035 / 40096 customer, 84061 not a follower, 40058 both lists
 * empty, 40068 an unknown tag id.
 * https://developer.work.weixin.qq.com/document/path/92118
 * @param {import('./contact-way.mjs').HandlerContext} ctx
 * @returns {{}}
 */
export function markTag({ body, env }) {
  const { world } = env;
  const member = activeMember(world, body.userid);
  const customer = knownCustomer(world, body.external_userid);
  const follow = followOf(world, member.userid, customer.external_userid);
  const add = optionalStringList(body, 'add_tag', MAX_TAGS);
  const remove = optionalStringList(body, 'remove_tag', MAX_TAGS);
  if (add.length === 0 && remove.length === 0) throw invalidParam('add_tag and remove_tag are both empty');
  for (const id of [...add, ...remove]) if (!world.tagIndex.has(id)) throw new ApiError(40068, 'unknown tag id');
  const tags = new Set(follow.tags.filter((id) => world.tagIndex.has(id)));
  for (const id of add) tags.add(id);
  for (const id of remove) tags.delete(id);
  follow.tags = [...tags];
  return {};
}

/** @type {ReadonlyArray<[string, import('./handlers.mjs').Handler]>} */
export const TAG_HANDLERS = [
  ['externalcontact/get_corp_tag_list', getTagList('corp')],
  ['externalcontact/add_corp_tag', addTags('corp')],
  ['externalcontact/edit_corp_tag', editTag('corp')],
  ['externalcontact/del_corp_tag', delTags('corp')],
  ['externalcontact/get_strategy_tag_list', getTagList('strategy')],
  ['externalcontact/add_strategy_tag', addTags('strategy')],
  ['externalcontact/edit_strategy_tag', editTag('strategy')],
  ['externalcontact/del_strategy_tag', delTags('strategy')],
  ['externalcontact/mark_tag', markTag],
];
