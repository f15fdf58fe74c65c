// The look-alike's world: one coherent, seeded corp (departments, members, customers and their
// follow relations, the tag library, strategies, group chats, join ways, transfers) that every
// endpoint handler reads and changes. Same seed and sizes ⇒ the same world, byte for byte.
//
// Shapes use WeCom's wire names so handlers answer them nearly as stored. Lists inside stored
// records (`tags`, `remark_mobiles`, …) are replaced on change, never changed in place.

import { Prng } from './prng.mjs';
import { seedDepartments, seedMembers } from './seed-people.mjs';
import { seedTags } from './seed-tags.mjs';
import { seedCustomers } from './seed-customers.mjs';
import { seedGroupChats } from './seed-chats.mjs';
import { cursorKey } from './cursor.mjs';
import { newTransferState } from './transfers.mjs';
import { seedMoments } from './moments.mjs';
import { seedStrategies } from './strategies.mjs';
import { WORLD_EPOCH } from './seed-people.mjs';

/** Default followers of the busiest customer: all who can follow, at most this many (> 500 pages `get`). */
const BUSIEST_DEFAULT_MAX = 501;

/**
 * @typedef {object} World
 * @property {number} seed
 * @property {import('./options.mjs').WorldSizes} sizes As asked (followersOfBusiest resolved).
 * @property {string} corpId
 * @property {import('../clock.mjs').MockClock} clock The server's clock.
 * @property {Prng} rng Draws for ids made after seeding (new tags, join ways …): deterministic per request sequence.
 * @property {string} cursorKey Signs list cursors (cursor.mjs).
 * @property {Map<number, import('./seed-people.mjs').Department>} departments
 * @property {Map<string, import('./seed-people.mjs').Member>} members
 * @property {Map<string, import('./seed-customers.mjs').Customer>} customers
 * @property {Map<string, Map<string, import('./seed-customers.mjs').Follow>>} follows external_userid → userid → follow.
 * @property {Map<string, string[]>} byMember userid → its customers' external_userids, in a stable order.
 * @property {Map<string, string>} byUnionid unionid → external_userid (WeChat customers).
 * @property {Map<string, import('./seed-tags.mjs').TagGroup>} tagGroups Corp and strategy tag groups.
 * @property {Map<string, string>} tagIndex tag id → group_id.
 * @property {Set<number>} strategies Strategy ids (each first-level, each may own tag groups).
 * @property {Map<string, import('./seed-chats.mjs').GroupChat>} groupChats
 * @property {Map<string, string>} byOpengid opengid → chat_id.
 * @property {Map<string, object>} joinWays Group join ways, config_id → settings.
 * @property {import('./transfers.mjs').TransferState} transfers
 * @property {import('./moments.mjs').MomentBook} moments Customer moments and add_moment_task jobs.
 * @property {import('./strategies.mjs').StrategyTree} customerStrategies Customer strategies (ids also in `strategies`).
 * @property {import('./strategies.mjs').StrategyTree} momentStrategies Moment strategies.
 */

/** A sub-seed per part, so that one part's size does not change another part. */
function partSeed(seed, part) {
  let h = (seed ^ Math.imul(part + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Builds the world.
 * @param {{ seed: number, sizes: import('./options.mjs').WorldSizes, clock: import('../clock.mjs').MockClock,
 *   corpId: string, followUsers?: readonly string[] }} options Checked already (options.mjs), except the
 *   sizes that depend on each other: RangeError when followersOfBusiest exceeds the members who follow
 *   customers, or when there are customers and nobody to follow them.
 * @returns {World}
 */
export function createWorld({ seed, sizes, clock, corpId, followUsers }) {
  const departments = seedDepartments(new Prng(partSeed(seed, 0)), sizes.departments);
  const members = seedMembers(new Prng(partSeed(seed, 1)), {
    count: sizes.members, departmentIds: [...departments.keys()], followUsers,
  });
  const active = [];
  const resigned = [];
  for (const m of members.values()) {
    if (m.status === 'resigned') resigned.push(m.userid);
    else if (m.follow) active.push(m.userid);
  }
  const pool = [...active, ...resigned];
  if (sizes.customers > 0 && pool.length === 0) {
    throw new RangeError('world: customers need a member who follows them (followUsers is empty and no member resigned)');
  }
  const followersOfBusiest = sizes.followersOfBusiest ?? Math.min(pool.length, BUSIEST_DEFAULT_MAX);
  if (followersOfBusiest > pool.length) {
    throw new RangeError(`world.followersOfBusiest (${followersOfBusiest}) exceeds the ${pool.length} members who follow customers: raise world.members`);
  }
  const { tagGroups, tagIndex, strategies } = seedTags(new Prng(partSeed(seed, 2)), {
    groupCount: sizes.tagGroups, strategyCount: sizes.strategies, tagsPerGroup: sizes.tagsPerGroup,
  });
  const corpTagIds = [];
  for (const group of tagGroups.values()) if (group.strategy_id === undefined) corpTagIds.push(...group.tags.keys());
  const { customers, follows, byMember, byUnionid } = seedCustomers(new Prng(partSeed(seed, 3)), {
    count: sizes.customers, pool, followersOfBusiest, corpTagIds,
  });
  const { groupChats, byOpengid } = seedGroupChats(new Prng(partSeed(seed, 4)), {
    count: sizes.groupChats, owners: active, resigned, world: { members, customers, byMember }, customerIds: [...customers.keys()],
  });
  const moments = seedMoments(new Prng(partSeed(seed, 6)), active);
  const { customerStrategies, momentStrategies } = seedStrategies({ strategies, tagGroups, members }, WORLD_EPOCH - 365 * 86_400);
  return {
    seed,
    sizes: { ...sizes, followersOfBusiest },
    corpId,
    clock,
    rng: new Prng(partSeed(seed, 5)),
    cursorKey: cursorKey(seed),
    departments,
    members,
    customers,
    follows,
    byMember,
    byUnionid,
    tagGroups,
    tagIndex,
    strategies,
    groupChats,
    byOpengid,
    joinWays: new Map(),
    transfers: newTransferState(),
    moments,
    customerStrategies,
    momentStrategies,
    // issue 12, uploads: media_id → { type, size, filename, created_at, expires_at } (media.mjs)
    media: new Map(),
    imageUrls: new Map(),
  };
}
