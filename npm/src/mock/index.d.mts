// Type declarations for `wecom-external-contact/mock-server`: index.mjs (`import`) and, copied as
// index.d.cts by the build, the CommonJS wrapper index.cjs (`require`). No imports here, so the same text
// is correct in both formats. Named exports only: no default export.

/** A queued fault; see https://developer.work.weixin.qq.com/document/path/90313 for real errcodes. */
export interface MockFault {
  /** Endpoint path without `/cgi-bin/` (e.g. `'externalcontact/get_contact_way'`, `'gettoken'`) or `'*'` for any. */
  path: string;
  /** How many matching requests it applies to (default 1; `Infinity` allowed). */
  times?: number;
  /** Answer HTTP 200 `{errcode, errmsg}` instead of handling the request. */
  errcode?: number;
  /** errmsg for `errcode` (default: realistic WeCom text); at most 65536 characters. */
  errmsg?: string;
  /** Answer this HTTP status (200–599) with the raw `body`. */
  status?: number;
  /** Raw body for `status` (default `'<html>bad gateway</html>'`); at most 65536 characters. */
  body?: string;
  /** Wait this long (0–60000 ms) before answering (normally, or with the fault). */
  delayMs?: number;
  /** Answer HTTP 200 with a body that is not JSON. */
  garbage?: true;
  /**
   * Read the request, then destroy the connection without answering (a TCP reset: the client sees
   * ECONNRESET). The request is counted in `stats()` but not handled (nothing is stored).
   */
  reset?: true;
  /** Handle normally, then merge these fields into the JSON answer (JSON data, at most 65536 characters as JSON). */
  extra?: Record<string, unknown>;
}

/**
 * Sizes of the look-alike's seeded world (all optional). TypeError for a non-integer, RangeError
 * out of range; unknown keys are refused.
 */
export interface MockWorldSizes {
  /** Members of the corp, 2–10000 (default 20): the follow users first, about 1 in 10 resigned, 1 in 10 without 客户联系. */
  members?: number;
  /** Departments, 1–1000 (default 4); id 1 is the root. */
  departments?: number;
  /** Customers, 0–1000000 (default 200), each followed by at least one member. */
  customers?: number;
  /** Corp tag groups (default 4). */
  tagGroups?: number;
  /** Tags per seeded group, corp and strategy (default 5). (tagGroups + strategies) × tagsPerGroup ≤ 3000. */
  tagsPerGroup?: number;
  /** Customer strategies (规则组), 0–100 (default 2), each with one tag group. */
  strategies?: number;
  /** Customer group chats, 0–100000 (default 12). */
  groupChats?: number;
  /**
   * Followers of the busiest customer (`world.busiestCustomer()`): default every member who can
   * follow customers, at most 501. More than 500 make `externalcontact/get` page `follow_user`;
   * it cannot exceed those members (RangeError: raise `members`).
   */
  followersOfBusiest?: number;
}

/** A member of the world (`mock.world.members()`). */
export interface MockMember {
  readonly userid: string;
  readonly name: string;
  readonly department: readonly number[];
  readonly status: 'active' | 'resigned';
  /** Unix seconds, resigned members only. */
  readonly dimission_time?: number;
  /** 客户联系 enabled. */
  readonly follow: boolean;
}

/** A follow relation (member ↔ customer) as stored: `tags` are tag ids (corp and strategy). */
export interface MockFollow {
  readonly userid: string;
  readonly remark: string;
  readonly description: string;
  readonly createtime: number;
  readonly tags: readonly string[];
  readonly remark_corp_name?: string;
  readonly remark_mobiles: readonly string[];
  readonly oper_userid: string;
  readonly add_way: number;
  readonly state?: string;
}

/** A customer of the world with its followers (`mock.world.customer(id)`). */
export interface MockCustomer {
  /** `wm…` (WeChat, type 1) or `wo…` (WeCom, type 2), 32 characters. */
  readonly external_userid: string;
  readonly name: string;
  readonly type: 1 | 2;
  readonly gender: 0 | 1 | 2;
  readonly avatar: string;
  readonly unionid?: string;
  readonly position?: string;
  readonly corp_name?: string;
  readonly corp_full_name?: string;
  readonly external_profile?: Readonly<Record<string, unknown>>;
  readonly follow_user: readonly MockFollow[];
}

/** A corp or strategy tag group with its tags. */
export interface MockTagGroup {
  readonly group_id: string;
  readonly group_name: string;
  readonly create_time: number;
  readonly order: number;
  /** Strategy tag groups only. */
  readonly strategy_id?: number;
  readonly tags: readonly { readonly id: string; readonly name: string; readonly create_time: number; readonly order: number }[];
}

/** A member of a group chat: a corp member (type 1) or a customer (type 2). */
export interface MockChatMember {
  /** A member's userid (type 1) or a customer's external_userid (type 2). */
  readonly userid: string;
  readonly type: 1 | 2;
  /** WeChat customers only. */
  readonly unionid?: string;
  readonly join_time: number;
  /** 1 invited directly, 2 by invite link, 3 by QR code. */
  readonly join_scene: number;
  readonly invitor?: { readonly userid: string };
  readonly group_nickname: string;
  /** `groupchat/get` answers it with `need_name: 1` only. */
  readonly name: string;
  /** The join way's `state` the member came by. */
  readonly state?: string;
}

/** A customer group chat as `groupchat/get` knows it (plus `opengid` and the inherit `status`). */
export interface MockGroupChat {
  readonly chat_id: string;
  readonly name: string;
  readonly owner: string;
  readonly create_time: number;
  readonly notice: string;
  /** 0 normal, 1 owner resigned (to inherit), 2 inheriting, 3 inherited. */
  readonly status: 0 | 1 | 2 | 3;
  readonly member_list: readonly MockChatMember[];
  readonly admin_list: readonly { readonly userid: string }[];
  readonly member_version: string;
  readonly opengid: string;
}

/**
 * A started customer transfer (`transfer_customer`, `resigned/transfer_customer` or the legacy
 * `transfer`); it completes 24 h (mock clock) after `started_at`: the follow relation moves.
 */
export interface MockTransfer {
  /** `'onjob'` (在职继承) or `'resigned'` (离职继承; the legacy `transfer` picks by the handover member). */
  readonly kind: 'onjob' | 'resigned';
  readonly handover_userid: string;
  readonly takeover_userid: string;
  readonly external_userid: string;
  /** 2 waiting (等待接替), 1 done (接替完毕). */
  readonly status: 1 | 2;
  /** Unix seconds. */
  readonly started_at: number;
  /** Unix seconds: `started_at` + 86400, the takeover to come (waiting) or done. */
  readonly takeover_time: number;
}

/** A group join way (客户群「加入群聊」) as `groupchat/get_join_way` answers it. */
export interface MockJoinWay {
  /** 32 hex digits, from the seed. */
  readonly config_id: string;
  /** 1 mini-program plugin, 2 QR code. */
  readonly scene: 1 | 2;
  /** Cut to 30 characters. */
  readonly remark?: string;
  readonly auto_create_room: 0 | 1;
  readonly room_base_name?: string;
  readonly room_base_id?: number;
  readonly chat_id_list: readonly string[];
  readonly qr_code: string;
  readonly state?: string;
}

/** A customer moment (客户朋友圈) of the world: seeded, or made by an `add_moment_task` job. */
export interface MockMoment {
  /** `mo` + 30 characters. */
  readonly moment_id: string;
  /** The member who posted it; for a corp moment, its first sender (seeded: the first follow user). */
  readonly creator: string;
  /** Unix seconds (a job's moment: 60 s after add_moment_task). */
  readonly create_time: number;
  /** 0 made by the corp, 1 posted by a member. */
  readonly create_type: 0 | 1;
  /** 0 visible to customers with one of `tag_list`, 1 to all. */
  readonly visible_type: 0 | 1;
  readonly text?: { readonly content: string };
  readonly image: readonly { readonly media_id: string }[];
  readonly video?: { readonly media_id: string; readonly thumb_media_id: string };
  readonly link?: { readonly title: string; readonly url: string };
  readonly tag_list: readonly string[];
  /** Corp moments: each sender and when it publishes (null: never, e.g. after cancel_moment_task). */
  readonly senders: readonly { readonly userid: string; readonly publish_time: number | null }[];
}

/** One recipient of a mass message (`get_groupmsg_send_result`'s `send_list` item). */
export interface MockSendResult {
  readonly external_userid?: string;
  readonly chat_id?: string;
  readonly userid: string;
  /** 0 not sent, 1 sent, 2 failed (no longer a contact), 3 failed (already received a mass message that day). */
  readonly status: 0 | 1 | 2 | 3;
  readonly send_time?: number;
}

/** A mass message of the world (`add_msg_template`), with its tasks and their results. */
export interface MockMassMessage {
  readonly msgid: string;
  readonly chat_type: 'single' | 'group';
  readonly create_type: 0 | 1;
  readonly create_time: number;
  readonly text?: { readonly content: string };
  readonly attachments: readonly Readonly<Record<string, unknown>>[];
  readonly allow_select: boolean;
  readonly cancelled: boolean;
  readonly tasks: readonly { readonly userid: string; readonly status: 0 | 2; readonly send_time?: number; readonly results: readonly MockSendResult[] }[];
}

/** The `add_external_contact` callback fields `addCustomer` answers. */
export interface MockAddExternalContactEvent {
  readonly ToUserName: string;
  readonly FromUserName: string;
  readonly CreateTime: number;
  readonly MsgType: 'event';
  readonly Event: 'change_external_contact';
  readonly ChangeType: 'add_external_contact';
  readonly UserID: string;
  readonly ExternalUserID: string;
  readonly State?: string;
  /** For `send_welcome_msg`: works once, for 20 s on the look-alike's clock. */
  readonly WelcomeCode: string;
}

/**
 * Read-only view of the look-alike's world: every call answers frozen copies, after due
 * transfers have completed. `reset()` seeds the world anew; the view follows.
 */
export interface MockWorld {
  readonly seed: number;
  readonly sizes: Readonly<Required<MockWorldSizes>>;
  departments(): readonly { readonly id: number; readonly name: string; readonly parentid: number }[];
  /** Every member in seed order (the follow users first). */
  members(): readonly MockMember[];
  member(userid: string): MockMember | undefined;
  /** Every customer's external_userid in seed order. */
  customerIds(): readonly string[];
  customer(externalUserid: string): MockCustomer | undefined;
  /** A member's customers, in `externalcontact/list`'s order. */
  customersOf(userid: string): readonly string[];
  /** The customer with `followersOfBusiest` followers. */
  busiestCustomer(): string | undefined;
  tagGroups(): readonly MockTagGroup[];
  strategies(): readonly number[];
  groupChatIds(): readonly string[];
  groupChat(chatId: string): MockGroupChat | undefined;
  joinWays(): readonly MockJoinWay[];
  transfers(): readonly MockTransfer[];
  /** Every moment in the order made (due add_moment_task jobs completed first). */
  moments(): readonly MockMoment[];
  /** Every mass message in creation order (tasks not confirmed within 24 h are sent first). */
  massMessages(): readonly MockMassMessage[];
  /** Media ids every world knows without an upload (two images, a video, a file). */
  mediaIds(): readonly { readonly media_id: string; readonly type: 'image' | 'video' | 'file' }[];
  /** The group welcome templates, in creation order. */
  welcomeTemplates(): readonly Readonly<Record<string, unknown>>[];
  /** The welcome codes not yet expired (`used_at` and `message` once used). */
  welcomeCodes(): readonly Readonly<Record<string, unknown>>[];
  /** Uploaded media (media/upload, media/upload_attachment) still alive on the clock (3 days). */
  media(): readonly MockMedia[];
}

/** One upload the look-alike remembers (the bytes are not kept). */
export interface MockMedia {
  media_id: string;
  type: string;
  size: number;
  filename: string;
  /** Unix seconds on the look-alike's clock. */
  created_at: number;
  /** Milliseconds on the look-alike's clock when the media_id stops working. */
  expires_at: number;
  /** upload_attachment only: 1 moments, 2 product albums. */
  attachment_type?: number;
}

export interface MockServerOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Only `'127.0.0.1'` (default) or `'localhost'` is accepted. */
  host?: string;
  /** Default `'wwmockcorp0000001'`. */
  corpId?: string;
  /** Default `'mock-secret-0123456789'`. */
  corpSecret?: string;
  /** Default 7200. */
  tokenTtlSeconds?: number;
  /**
   * The world's active members with 客户联系, in this order (`get_follow_user_list` answers them);
   * the other seeded members are resigned or without 客户联系. Default: `zhangsan`, `lisi`, then
   * most seeded members.
   */
  followUsers?: string[];
  /** Seed of the world, an integer 0–4294967295 (default 1): the same seed and sizes give the same answers. */
  seed?: number;
  /** Sizes of the seeded world, e.g. `{ customers: 100_000 }`. */
  world?: MockWorldSizes;
  /** Time source in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Called with unexpected handler exceptions (answered as errcode -1). */
  onError?: (err: unknown) => void;
  /**
   * Token that opens the `/__mock` admin API to other origins and Host names (16–256 characters from
   * `A-Z a-z 0-9 . _ ~ + / = -`; TypeError / RangeError otherwise). Default: random per server.
   */
  adminToken?: string;
}

export interface MockStats {
  /** Number of /cgi-bin/gettoken requests. */
  gettoken: number;
  /** All WeCom API requests (not OPTIONS preflights, not /__mock), counted on arrival: delayed, reset and abandoned ones too. */
  total: number;
  /** Per path without the `/cgi-bin/` prefix. */
  byPath: Record<string, number>;
}

export interface MockServer {
  /** `'http://127.0.0.1:PORT'` — pass as `baseUrl` to the SDK. */
  readonly url: string;
  readonly port: number;
  readonly corpId: string;
  readonly corpSecret: string;
  /**
   * The `/__mock` admin token: send it as `Authorization: Bearer <token>` or `X-Wecom-Mock-Token: <token>`.
   * Needed only for admin requests from a browser page on another origin or through a non-loopback Host
   * name; requests without an Origin (Node, curl) or from the server's own origin work without it.
   */
  readonly adminToken: string;
  stats(): MockStats;
  /**
   * Queues fault(s); throws TypeError when malformed or when more than 1000 faults (or 4 Mi characters
   * of them, as JSON) would wait.
   */
  inject(fault: MockFault | MockFault[]): void;
  /** Every token issued so far answers 42001; the next gettoken issues a new one. */
  expireTokens(): void;
  /** Every token issued so far answers 40014; the next gettoken issues a new one. */
  revokeTokens(): void;
  /**
   * Moves the mock clock forward (token TTL, temp-way expiry, list time range, transfers completing 24 h after they start) by 0 to 315360000 seconds
   * (10 years); at most 100 years in total until `reset()`. TypeError when `seconds` is not a finite
   * number, RangeError when out of range.
   */
  advanceTime(seconds: number): void;
  /** Clears faults, stats, contact ways, tokens and clock advances, and seeds the world anew. */
  reset(): void;
  /**
   * The member confirms (sends) their task of a mass message now: each recipient gets status 1, 2 (no
   * longer a contact) or 3 (already received a mass message that China day). TypeError when an argument
   * is not a non-empty string; RangeError for an unknown or cancelled message or a member without a task.
   */
  confirmGroupMsg(msgid: string, userid: string): { msgid: string; userid: string; status: 2; send_time: number; sent: number; failed: number };
  /**
   * A customer adds the member (an active member with 客户联系): a new WeChat customer (or the existing
   * `external_userid`) follows them from now on; answers the `add_external_contact` callback fields
   * with a `WelcomeCode`. TypeError / RangeError on bad input.
   */
  addCustomer(options: { userid: string; external_userid?: string; name?: string; state?: string }): MockAddExternalContactEvent;
  /** Read-only view of the seeded world (members, customers, tags, group chats, transfers). */
  readonly world: MockWorld;
  /** Frozen snapshot of stored contact ways keyed by config_id (each with `create_time`, seconds). */
  readonly contactWays: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Stops the server, closing keep-alive connections and cancelling delayed answers. */
  close(): Promise<void>;
}

/** Starts a local WeCom look-alike server on 127.0.0.1. */
export function startMockServer(options?: MockServerOptions): Promise<MockServer>;
