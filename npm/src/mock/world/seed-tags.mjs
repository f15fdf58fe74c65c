// Seeds the corp tag library: corp tag groups and one tag group per customer strategy (规则组).

import { STRATEGY_GROUPS, TAG_GROUPS } from './names.mjs';
import { WORLD_EPOCH } from './seed-people.mjs';

/**
 * @typedef {object} Tag
 * @property {string} id `et…`
 * @property {string} name
 * @property {number} create_time Unix seconds.
 * @property {number} order Larger sorts first.
 */

/**
 * @typedef {object} TagGroup
 * @property {string} group_id `et…`
 * @property {string} group_name
 * @property {number} create_time
 * @property {number} order
 * @property {number} [strategy_id] Set on strategy tag groups.
 * @property {Map<string, Tag>} tags
 */

/**
 * A new tag or group id: `et` + 30 characters, unique in the world (`taken` answers has()).
 * @param {import('./prng.mjs').Prng} rng
 * @param {{ has(id: string): boolean }} taken
 * @returns {string}
 */
export function newTagId(rng, taken) {
  let id;
  do id = rng.alnum(30, 'et'); while (taken.has(id));
  return id;
}

/**
 * Seeds `groupCount` corp groups and one group per strategy (ids 1..strategyCount), each with
 * `tagsPerGroup` tags.
 * @param {import('./prng.mjs').Prng} rng
 * @param {{ groupCount: number, strategyCount: number, tagsPerGroup: number }} sizes
 * @returns {{ tagGroups: Map<string, TagGroup>, tagIndex: Map<string, string>, strategies: Set<number> }}
 *   `tagIndex` maps each tag id to its group id.
 */
export function seedTags(rng, { groupCount, strategyCount, tagsPerGroup }) {
  /** @type {Map<string, TagGroup>} */
  const tagGroups = new Map();
  /** @type {Map<string, string>} */
  const tagIndex = new Map();
  const taken = { has: (id) => tagGroups.has(id) || tagIndex.has(id) };
  const strategies = new Set();
  const total = groupCount + strategyCount;
  for (let g = 0; g < total; g += 1) {
    const isStrategy = g >= groupCount;
    const strategyId = g - groupCount + 1;
    let groupName;
    let tagNames;
    if (isStrategy) {
      const base = STRATEGY_GROUPS[(strategyId - 1) % STRATEGY_GROUPS.length];
      groupName = strategyId <= STRATEGY_GROUPS.length ? base : `${base}${strategyId}`;
      tagNames = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((s) => `${groupName}${s}`);
    } else {
      const [name, names] = TAG_GROUPS[g % TAG_GROUPS.length];
      groupName = g < TAG_GROUPS.length ? name : `${name}${Math.floor(g / TAG_GROUPS.length) + 1}`;
      tagNames = names;
    }
    const createTime = WORLD_EPOCH - rng.between(200, 400) * 86_400 + rng.below(86_400);
    /** @type {TagGroup} */
    const group = { group_id: newTagId(rng, taken), group_name: groupName, create_time: createTime, order: total - g, tags: new Map() };
    if (isStrategy) {
      group.strategy_id = strategyId;
      strategies.add(strategyId);
    }
    tagGroups.set(group.group_id, group);
    for (let t = 0; t < tagsPerGroup; t += 1) {
      const name = t < tagNames.length ? tagNames[t] : `${tagNames[t % tagNames.length]}${Math.floor(t / tagNames.length) + 1}`;
      const id = newTagId(rng, taken);
      group.tags.set(id, { id, name, create_time: createTime + t, order: tagsPerGroup - t });
      tagIndex.set(id, group.group_id);
    }
  }
  return { tagGroups, tagIndex, strategies };
}
