// The world's group join ways (客户群「加入群聊」), `world.joinWays`: config_id → settings, in
// creation order. Ids come from the world's generator (`world.rng`), so the same seed and the same
// requests give the same answers.
// Doc: https://developer.work.weixin.qq.com/document/path/92229

/**
 * Most join ways stored at once: the look-alike's scaled-down share of WeCom's 500 000 API-created
 * ways (shared with contact ways); past it, add_join_way answers 41045 like the real quota.
 */
export const MAX_JOIN_WAYS = 10_000;

/**
 * The settings of one join way, as get_join_way answers them.
 * @typedef {object} JoinWay
 * @property {string} config_id
 * @property {1 | 2} scene
 * @property {string} [remark]
 * @property {0 | 1} auto_create_room
 * @property {string} [room_base_name]
 * @property {number} [room_base_id]
 * @property {string[]} chat_id_list
 * @property {string} qr_code
 * @property {string} [state]
 */

/**
 * The parts of the world join ways use.
 * @typedef {object} JoinWayWorld
 * @property {Map<string, JoinWay>} joinWays
 * @property {{ hex: (length: number) => string }} rng
 */

/**
 * Stores a new way (settings already checked) under a fresh 32-hex-digit config_id.
 * @param {JoinWayWorld} world
 * @param {Omit<JoinWay, 'config_id' | 'qr_code'>} settings
 * @returns {JoinWay | null} null when {@link MAX_JOIN_WAYS} are stored.
 */
export function createJoinWay(world, settings) {
  if (world.joinWays.size >= MAX_JOIN_WAYS) return null;
  let configId;
  do configId = world.rng.hex(32); while (world.joinWays.has(configId));
  const way = { config_id: configId, ...settings, qr_code: `https://wwcdn.weixin.qq.com/wwpic/mock/joinway/${configId}.png` };
  world.joinWays.set(configId, way);
  return way;
}

/**
 * Replaces every setting of a stored way (update_join_way overwrites), keeping its id, QR code and
 * place in the order.
 * @param {JoinWayWorld} world
 * @param {JoinWay} way
 * @param {Omit<JoinWay, 'config_id' | 'qr_code'>} settings
 */
export function replaceJoinWay(world, way, settings) {
  world.joinWays.set(way.config_id, { config_id: way.config_id, ...settings, qr_code: way.qr_code });
}
