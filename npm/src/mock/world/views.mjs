// The world's records as WeCom answers them: customers (`external_contact`), follow relations
// (`follow_user` of `get`, `follow_info` of `batch/get_by_user`), tag groups.

/** Fields of a customer that `external_contact` carries, in WeCom's order. */
const CUSTOMER_FIELDS = ['external_userid', 'name', 'position', 'avatar', 'corp_name', 'corp_full_name', 'type', 'gender', 'unionid', 'external_profile'];

/**
 * `external_contact` of a customer (a copy).
 * @param {import('./seed-customers.mjs').Customer} customer
 * @returns {Record<string, unknown>}
 */
export function customerView(customer) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const key of CUSTOMER_FIELDS) {
    const value = customer[key];
    if (value !== undefined) out[key] = typeof value === 'object' ? structuredClone(value) : value;
  }
  return out;
}

/**
 * The tag ids of a follow that still exist (a deleted tag disappears from every customer).
 * @param {import('./index.mjs').World} world
 * @param {import('./seed-customers.mjs').Follow} follow
 * @returns {string[]}
 */
export function liveTagIds(world, follow) {
  return follow.tags.filter((id) => world.tagIndex.has(id));
}

/** Common fields of both follow views. */
function followBase(follow) {
  return {
    userid: follow.userid,
    remark: follow.remark,
    description: follow.description,
    createtime: follow.createtime,
  };
}

/** The optional tail of both follow views. */
function followTail(out, follow) {
  if (follow.remark_corp_name !== undefined) out.remark_corp_name = follow.remark_corp_name;
  out.remark_mobiles = [...follow.remark_mobiles];
  out.oper_userid = follow.oper_userid;
  out.add_way = follow.add_way;
  if (follow.state !== undefined) out.state = follow.state;
  return out;
}

/**
 * One `follow_user` entry of `get`: tags with their group and type (1 corp, 3 strategy).
 * @param {import('./index.mjs').World} world
 * @param {import('./seed-customers.mjs').Follow} follow
 * @returns {Record<string, unknown>}
 */
export function followUserView(world, follow) {
  const out = followBase(follow);
  out.tags = liveTagIds(world, follow).map((tagId) => {
    const group = world.tagGroups.get(/** @type {string} */ (world.tagIndex.get(tagId)));
    return {
      group_name: group?.group_name ?? '',
      tag_name: group?.tags.get(tagId)?.name ?? '',
      type: group?.strategy_id === undefined ? 1 : 3,
      tag_id: tagId,
    };
  });
  return followTail(out, follow);
}

/**
 * `follow_info` of `batch/get_by_user`: `tag_id` (corp and strategy tags).
 * @param {import('./index.mjs').World} world
 * @param {import('./seed-customers.mjs').Follow} follow
 * @returns {Record<string, unknown>}
 */
export function followInfoView(world, follow) {
  const out = followBase(follow);
  out.tag_id = liveTagIds(world, follow);
  return followTail(out, follow);
}

/**
 * A tag group as `get_corp_tag_list` answers it, with `tag` (optionally only `onlyTags`),
 * tags sorted by `order` (larger first).
 * @param {import('./seed-tags.mjs').TagGroup} group
 * @param {Set<string>} [onlyTags]
 * @returns {Record<string, unknown>}
 */
export function tagGroupView(group, onlyTags) {
  const tags = [...group.tags.values()].filter((t) => !onlyTags || onlyTags.has(t.id));
  tags.sort((a, b) => b.order - a.order);
  /** @type {Record<string, unknown>} */
  const out = { group_id: group.group_id, group_name: group.group_name, create_time: group.create_time, order: group.order };
  if (group.strategy_id !== undefined) out.strategy_id = group.strategy_id;
  out.tag = tags.map((t) => ({ id: t.id, name: t.name, create_time: t.create_time, order: t.order }));
  return out;
}
