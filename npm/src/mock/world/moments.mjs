// The world's customer moments (客户朋友圈): seeded moments (a few corp moments sent to every active
// member with 客户联系, one personal moment per such member), the jobs of add_moment_task that go
// 1 (started) → 2 (running) → 3 (done) as the clock advances, and the moments they make. Lazy like
// the transfers: nothing runs on a timer, `settleMoments` completes what is due whenever a moment
// endpoint reads the world. Comments and likes are derived from the ids (no storage, same answer
// every time). Docs: https://developer.work.weixin.qq.com/document/path/95094 (add_moment_task),
// https://developer.work.weixin.qq.com/document/path/93333 (moment records).

import { WORLD_EPOCH } from './seed-people.mjs';

/** A job is status 1 (started) for this many seconds after add_moment_task … */
export const JOB_RUNNING_AFTER_SECONDS = 10;
/** … then 2 (running) until this many seconds after it, when it is 3 (done) and its moment exists. */
export const JOB_DONE_AFTER_SECONDS = 60;
/** A jobid answers for this long after add_moment_task (「jobid有效期为24小时」); then 40058. */
export const JOB_LIFETIME_SECONDS = 86_400;
/** Each sender of an API-made corp moment publishes it this long after the moment is made. */
export const PUBLISH_AFTER_SECONDS = 3600;
/** add_moment_task calls allowed per rolling minute (「每分钟最多10个」); past it, 45009. */
export const TASKS_PER_MINUTE = 10;
/** Most moments add_moment_task may make in one world (a memory bound; past it, 40058). */
export const MAX_API_MOMENTS = 100_000;
/** Corp moments seeded (each sent to every active member with 客户联系, at most {@link MAX_SEEDED_SENDERS}). */
export const SEEDED_CORP_MOMENTS = 3;
/** Senders of one seeded corp moment, at most. */
export const MAX_SEEDED_SENDERS = 1000;
/** Comments, and likes, one sender's view of a moment shows at most. */
export const MAX_REACTIONS = 20;

const TEXTS = ['新品上市，欢迎咨询', '周末会员日，全场八折', '感谢各位客户一年来的支持', '春季新款已到店', '今日分享：选购小贴士'];

/**
 * One moment as the world keeps it.
 * @typedef {object} Moment
 * @property {string} moment_id
 * @property {string} creator The creating member (for corp moments: the admin who made the task).
 * @property {number} create_time Unix seconds.
 * @property {0 | 1} create_type 0 made by the corp (add_moment_task), 1 posted by a member.
 * @property {0 | 1} visible_type 0 visible to customers with one of `tag_list`, 1 to all.
 * @property {{ content: string } | undefined} text
 * @property {Array<{ media_id: string }>} image
 * @property {{ media_id: string, thumb_media_id: string } | undefined} video
 * @property {{ title: string, url: string } | undefined} link
 * @property {string[]} tag_list Corp tag ids (visible_type 0).
 * @property {Map<string, number | null>} senders Corp moments: userid → when it publishes (null: never).
 */

/**
 * One add_moment_task job.
 * @typedef {object} MomentJob
 * @property {string} jobid
 * @property {number} created Unix seconds.
 * @property {boolean} done
 * @property {Omit<Moment, 'moment_id' | 'create_time'>} draft The moment it makes.
 * @property {{ user_list: string[], department_list: number[] }} invalid_sender_list
 * @property {string[]} invalid_tags
 * @property {string} [moment_id] Once done.
 */

/**
 * The moments and jobs of one world (`world.moments`).
 */
export class MomentBook {
  constructor() {
    /** @type {Map<string, Moment>} */
    this.moments = new Map();
    /** @type {string[]} moment ids in the order they were made (seeded ones by time first) */
    this.order = [];
    /** @type {Map<string, MomentJob>} jobs whose jobid still answers */
    this.jobs = new Map();
    /** @type {MomentJob[]} jobs in creation order, from `head` on not yet expired */
    this.queue = [];
    this.head = 0;
    /** @type {number[]} times of the last {@link TASKS_PER_MINUTE} add_moment_task calls */
    this.recent = [];
    /** moments made by add_moment_task so far */
    this.made = 0;
    /** jobs not done yet */
    this.pending = 0;
  }

  /**
   * Stores a moment (its id not taken).
   * @param {Moment} moment
   */
  add(moment) {
    this.moments.set(moment.moment_id, moment);
    this.order.push(moment.moment_id);
  }

  /**
   * Whether another add_moment_task fits the rate (10 a minute) at `now`.
   * @param {number} now Unix seconds.
   * @returns {boolean}
   */
  rateAllows(now) {
    return this.recent.length < TASKS_PER_MINUTE || now - this.recent[0] >= 60;
  }

  /**
   * Records a new job (checks done by the caller).
   * @param {MomentJob} job
   */
  addJob(job) {
    this.jobs.set(job.jobid, job);
    this.queue.push(job);
    this.pending += 1;
    this.recent.push(job.created);
    if (this.recent.length > TASKS_PER_MINUTE) this.recent.shift();
  }
}

/**
 * A job's status at `now`: 1 started, 2 running, 3 done.
 * @param {MomentJob} job
 * @param {number} now Unix seconds.
 * @returns {1 | 2 | 3}
 */
export function jobStatus(job, now) {
  const age = now - job.created;
  if (age >= JOB_DONE_AFTER_SECONDS) return 3;
  return age >= JOB_RUNNING_AFTER_SECONDS ? 2 : 1;
}

/**
 * Completes the jobs whose time has come (their moments appear, made at the completion time) and
 * forgets the jobs past their 24 hours.
 * @param {{ clock: { nowSeconds: () => number }, rng: import('./prng.mjs').Prng, moments: MomentBook }} world
 */
export function settleMoments(world) {
  const book = world.moments;
  const now = world.clock.nowSeconds();
  for (let i = book.head; i < book.queue.length; i += 1) {
    const job = book.queue[i];
    if (job.done) continue;
    const at = job.created + JOB_DONE_AFTER_SECONDS;
    if (at > now) break;
    job.done = true;
    job.moment_id = newMomentId(world.rng, book.moments);
    book.add({ ...job.draft, moment_id: job.moment_id, create_time: at, senders: publishTimes(job.draft.senders, at) });
    book.made += 1;
    book.pending -= 1;
  }
  while (book.head < book.queue.length && book.queue[book.head].created + JOB_LIFETIME_SECONDS <= now) {
    book.jobs.delete(book.queue[book.head].jobid);
    book.head += 1;
  }
  if (book.head > 1024 && book.head * 2 > book.queue.length) {
    book.queue = book.queue.slice(book.head);
    book.head = 0;
  }
}

/** The senders of a made moment: each publishes {@link PUBLISH_AFTER_SECONDS} after `at`. */
function publishTimes(senders, at) {
  const out = new Map();
  for (const userid of senders.keys()) out.set(userid, at + PUBLISH_AFTER_SECONDS);
  return out;
}

/**
 * A new moment id (`mo` + 30 characters), not in `taken`.
 * @param {import('./prng.mjs').Prng} rng
 * @param {{ has(id: string): boolean }} taken
 * @returns {string}
 */
export function newMomentId(rng, taken) {
  let id;
  do id = rng.alnum(30, 'mo'); while (taken.has(id));
  return id;
}

/**
 * Seeds the moments: {@link SEEDED_CORP_MOMENTS} corp moments (creator: the first active member
 * with 客户联系; about 4 in 5 senders published them), then one personal moment per such member,
 * all within the 60 days before the world's epoch.
 * @param {import('./prng.mjs').Prng} rng
 * @param {string[]} active Active members with 客户联系, in world order.
 * @returns {MomentBook}
 */
export function seedMoments(rng, active) {
  const book = new MomentBook();
  /** @type {Moment[]} */
  const made = [];
  const taken = new Set();
  if (active.length === 0) return book;
  for (let i = 0; i < SEEDED_CORP_MOMENTS; i += 1) {
    const createTime = WORLD_EPOCH - (SEEDED_CORP_MOMENTS - i) * 14 * 86_400 - rng.below(86_400);
    const senders = new Map();
    for (const userid of active.slice(0, MAX_SEEDED_SENDERS)) {
      senders.set(userid, rng.chance(0.8) ? createTime + rng.between(600, 86_400) : null);
    }
    made.push(seededMoment(rng, taken, { creator: active[0], createTime, createType: 0, senders, text: TEXTS[i % TEXTS.length] }));
  }
  for (const userid of active) {
    const createTime = WORLD_EPOCH - rng.between(1, 60 * 86_400);
    made.push(seededMoment(rng, taken, { creator: userid, createTime, createType: 1, senders: new Map(), text: rng.pick(TEXTS) }));
  }
  made.sort((a, b) => a.create_time - b.create_time);
  for (const moment of made) book.add(moment);
  return book;
}

/** One seeded moment (text only, public). */
function seededMoment(rng, taken, { creator, createTime, createType, senders, text }) {
  const moment_id = newMomentId(rng, taken);
  taken.add(moment_id);
  return {
    moment_id, creator, create_time: createTime, create_type: createType, visible_type: 1,
    text: { content: text }, image: [], video: undefined, link: undefined, tag_list: [], senders,
  };
}

/**
 * Whether `userid` posted (personal) or published (corp) the moment by `now`.
 * @param {Moment} moment
 * @param {string} userid
 * @param {number} now
 * @returns {boolean}
 */
export function publishedBy(moment, userid, now) {
  if (moment.create_type === 1) return moment.creator === userid;
  const at = moment.senders.get(userid);
  return at !== undefined && at !== null && at <= now;
}

/**
 * When `userid` made the moment visible: its publish time (corp) or the create time (personal).
 * @param {Moment} moment
 * @param {string} userid
 * @returns {number}
 */
export function publishTime(moment, userid) {
  return moment.create_type === 1 ? moment.create_time : (moment.senders.get(userid) ?? moment.create_time);
}

/**
 * The customers of `userid` who may see the moment: the member's customers (its `byMember` order),
 * with `visible_type` 0 only those it tagged with one of the moment's tags.
 * @param {{ byMember: Map<string, string[]>, follows: Map<string, Map<string, { tags: string[] }>> }} world
 * @param {Moment} moment
 * @param {string} userid
 * @returns {string[]}
 */
export function audienceOf(world, moment, userid) {
  const customers = world.byMember.get(userid) ?? [];
  if (moment.visible_type === 1) return customers;
  const tags = new Set(moment.tag_list);
  return customers.filter((id) => world.follows.get(id)?.get(userid)?.tags.some((t) => tags.has(t)));
}

/** FNV-1a over a string: the derived comments and likes. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The comments and likes on `userid`'s moment, derived from the ids: among the customers who see
 * it, one in 5 likes it and one in 7 comments, at most {@link MAX_REACTIONS} each, one minute apart
 * from its publish time on.
 * @param {Parameters<typeof audienceOf>[0]} world
 * @param {Moment} moment
 * @param {string} userid
 * @returns {{ comment_list: Array<{ external_userid: string, create_time: number }>,
 *   like_list: Array<{ external_userid: string, create_time: number }> }}
 */
export function reactionsOf(world, moment, userid) {
  const start = publishTime(moment, userid);
  const comments = [];
  const likes = [];
  let minute = 0;
  for (const id of audienceOf(world, moment, userid)) {
    if (comments.length >= MAX_REACTIONS && likes.length >= MAX_REACTIONS) break;
    const h = hash(`${moment.moment_id}\n${id}`);
    if (h % 5 === 0 && likes.length < MAX_REACTIONS) likes.push({ external_userid: id, create_time: start + 60 * ++minute });
    if (h % 7 === 0 && comments.length < MAX_REACTIONS) comments.push({ external_userid: id, create_time: start + 60 * ++minute });
  }
  return { comment_list: comments, like_list: likes };
}
