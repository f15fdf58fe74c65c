// The world's options: the seed and the sizes (`startMockServer({ seed, world: {...} })`),
// checked like the server's other options (TypeError for a wrong type, RangeError out of range).

/** Most tags (corp + strategy) a corp may hold: WeCom answers 40126 past it. */
export const MAX_TAGS = 3000;

/**
 * Each size: default, smallest and largest value.
 * @type {Readonly<Record<string, { value: number, min: number, max: number }>>}
 */
export const SIZE_LIMITS = Object.freeze({
  members: { value: 20, min: 2, max: 10_000 },
  departments: { value: 4, min: 1, max: 1000 },
  customers: { value: 200, min: 0, max: 1_000_000 },
  tagGroups: { value: 4, min: 0, max: MAX_TAGS },
  tagsPerGroup: { value: 5, min: 1, max: MAX_TAGS },
  strategies: { value: 2, min: 0, max: 100 },
  groupChats: { value: 12, min: 0, max: 100_000 },
  followersOfBusiest: { value: 0, min: 1, max: 10_000 },
});

/** Default seed. */
export const DEFAULT_SEED = 1;

/**
 * @typedef {object} WorldSizes
 * @property {number} members Members of the corp (the follow users first).
 * @property {number} departments Departments (id 1 is the root).
 * @property {number} customers Customers (external contacts), each with ≥ 1 follower.
 * @property {number} tagGroups Corp tag groups.
 * @property {number} tagsPerGroup Tags in each seeded group (corp and strategy).
 * @property {number} strategies Customer strategies (规则组), each with one tag group.
 * @property {number} groupChats Customer group chats.
 * @property {number} [followersOfBusiest] Followers of the busiest customer (default: every member
 *   who can follow customers, at most 501); more than 500 make `get` page `follow_user`.
 */

/**
 * The seed option: an integer 0..2^32-1 (default {@link DEFAULT_SEED}).
 * @param {unknown} seed
 * @returns {number}
 */
export function checkSeed(seed) {
  if (seed === undefined) return DEFAULT_SEED;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new TypeError('seed must be an integer');
  if (seed < 0 || seed > 0xffffffff) throw new RangeError('seed must be between 0 and 4294967295');
  return seed;
}

/**
 * The `world` option: every size an integer in its range; the seeded tags (corp and strategy
 * groups × tagsPerGroup) at most {@link MAX_TAGS}; unknown keys refused (a typo would go unnoticed).
 * @param {unknown} world
 * @returns {WorldSizes}
 */
export function checkSizes(world) {
  if (world === undefined) world = {};
  if (world === null || typeof world !== 'object' || Array.isArray(world)) {
    throw new TypeError('world must be an object of sizes, e.g. { customers: 100000 }');
  }
  /** @type {Record<string, number>} */
  const sizes = {};
  for (const key of Object.keys(world)) {
    if (!Object.hasOwn(SIZE_LIMITS, key)) {
      throw new TypeError(`world.${key} is not a world size (known: ${Object.keys(SIZE_LIMITS).join(', ')})`);
    }
  }
  for (const [key, limit] of Object.entries(SIZE_LIMITS)) {
    const value = world[key];
    if (value === undefined) {
      if (key !== 'followersOfBusiest') sizes[key] = limit.value;
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new TypeError(`world.${key} must be an integer`);
    if (value < limit.min || value > limit.max) {
      throw new RangeError(`world.${key} must be between ${limit.min} and ${limit.max}`);
    }
    sizes[key] = value;
  }
  const seededTags = (sizes.tagGroups + sizes.strategies) * sizes.tagsPerGroup;
  if (seededTags > MAX_TAGS) {
    throw new RangeError(`world: (tagGroups + strategies) × tagsPerGroup is ${seededTags}, more than ${MAX_TAGS} tags`);
  }
  return /** @type {WorldSizes} */ (sizes);
}
