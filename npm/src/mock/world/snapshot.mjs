// The read-only view of the world that tests get as `mock.world`: frozen copies, never the
// stored records, taken after due transfers have completed.

import { settleTransfers } from './transfers.mjs';
import { settleMoments } from './moments.mjs';
import { massMessagesView, messageBook } from './messages.mjs';
import { welcomeBook } from './welcome.mjs';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A frozen deep copy (Maps inside become arrays of their values). */
function frozenCopy(value) {
  return deepFreeze(structuredClone(value));
}

function groupView(group) {
  return frozenCopy({ ...group, tags: [...group.tags.values()] });
}

/**
 * @typedef {object} WorldView
 * @property {number} seed
 * @property {Readonly<import('./options.mjs').WorldSizes>} sizes
 * @property {() => readonly object[]} departments
 * @property {() => readonly object[]} members Every member, in seed order (follow users first).
 * @property {(userid: string) => object | undefined} member
 * @property {() => readonly string[]} customerIds Every customer's external_userid, in seed order.
 * @property {(externalUserid: string) => object | undefined} customer The customer with `follow_user` (its follows).
 * @property {(userid: string) => readonly string[]} customersOf A member's customers, in `list`'s order.
 * @property {() => string | undefined} busiestCustomer The customer with the most followers (the first seeded).
 * @property {() => readonly object[]} tagGroups Corp and strategy tag groups, each with `tags` as a list.
 * @property {() => readonly number[]} strategies
 * @property {() => readonly string[]} groupChatIds
 * @property {(chatId: string) => object | undefined} groupChat
 * @property {() => readonly object[]} joinWays
 * @property {() => readonly object[]} transfers Every started customer transfer, in start order.
 * @property {() => readonly object[]} moments Every moment in the order made (jobs due completed first), each
 *   with `senders` as `[{ userid, publish_time }]` (corp moments; `publish_time` null: never).
 * @property {() => readonly object[]} media Uploaded media (issue 12): `{ media_id, type, size, filename, created_at, expires_at }`.
 * @property {() => readonly object[]} massMessages Every mass message, in creation order, with `tasks[].results` (due tasks sent first).
 * @property {() => readonly { media_id: string, type: string }[]} mediaIds The media ids every world knows without an upload.
 * @property {() => readonly object[]} welcomeTemplates The group welcome templates, in creation order.
 * @property {() => readonly object[]} welcomeCodes The welcome codes not yet expired (with `used_at` and `message` once used).
 */

/**
 * The view over whatever world `current()` returns (reset() replaces the world).
 * @param {() => import('./index.mjs').World} current
 * @returns {WorldView}
 */
export function createWorldView(current) {
  const world = () => {
    const w = current();
    settleTransfers(w);
    return w;
  };
  return Object.freeze({
    get seed() {
      return current().seed;
    },
    get sizes() {
      return Object.freeze({ ...current().sizes });
    },
    departments: () => frozenCopy([...world().departments.values()]),
    members: () => frozenCopy([...world().members.values()]),
    member(userid) {
      const m = world().members.get(userid);
      return m && frozenCopy(m);
    },
    customerIds: () => Object.freeze([...world().customers.keys()]),
    customer(externalUserid) {
      const w = world();
      const c = w.customers.get(externalUserid);
      if (!c) return undefined;
      return frozenCopy({ ...c, follow_user: [...(w.follows.get(externalUserid)?.values() ?? [])] });
    },
    customersOf: (userid) => Object.freeze([...(world().byMember.get(userid) ?? [])]),
    busiestCustomer: () => world().customers.keys().next().value,
    tagGroups: () => Object.freeze([...world().tagGroups.values()].map(groupView)),
    strategies: () => Object.freeze([...world().strategies]),
    groupChatIds: () => Object.freeze([...world().groupChats.keys()]),
    groupChat(chatId) {
      const chat = world().groupChats.get(chatId);
      return chat && frozenCopy(chat);
    },
    joinWays: () => frozenCopy([...world().joinWays.values()]),
    transfers: () => frozenCopy(world().transfers.records),
    moments() {
      const w = world();
      settleMoments(w);
      return frozenCopy(w.moments.order.map((id) => {
        const m = /** @type {import('./moments.mjs').Moment} */ (w.moments.moments.get(id));
        return { ...m, senders: [...m.senders].map(([userid, at]) => ({ userid, publish_time: at })) };
      }));
    },
    media: () => {
      const now = world().clock.now();
      const alive = [...world().media].filter(([, m]) => m.expires_at > now);
      return frozenCopy(alive.map(([media_id, m]) => ({ media_id, ...m })));
    },
    massMessages: () => frozenCopy(massMessagesView(world())),
    mediaIds: () => frozenCopy(messageBook(current()).seededMedia),
    welcomeTemplates: () => frozenCopy([...welcomeBook(current()).templates.values()]),
    welcomeCodes() {
      const w = current();
      const book = welcomeBook(w);
      book.prune(w.clock.nowSeconds());
      return frozenCopy([...book.codes.values()]);
    },
  });
}
