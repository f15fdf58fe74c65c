// The demo's "sync every customer" scenario (issue 11), the daily job of a CRM:
//   1. the members with 客户联系 (get_follow_user_list)
//   2. every customer of every one of them (`client.paginate` over batch/get_by_user, 100 members a call)
//   3. tag a segment (the customers added by QR code) with a corp tag (mark_tag), and read one back (get)
//   4. hand a resigned member's customer over (get_unassigned_list → resigned/transfer_customer) and
//      watch resigned/transfer_result go from waiting to done once 24 hours have passed (the
//      look-alike's clock is advanced; against a real corp it only shows the waiting state).
// Every call goes through the SDK: validation, the token, retries and typed errors.

/** batch/get_by_user takes at most 100 userids a call. */
const BATCH = 100;

/**
 * Runs the scenario; `show(title, value)` prints a step. `mock` is the look-alike (null against a
 * real corp: nothing is written there but the tag of one customer is not attempted either).
 */
export async function syncEveryCustomer({ client, mock, show }) {
  const { follow_user: members } = await client.getFollowUserList();

  // 2. Every customer, as a stream: constant memory however many there are.
  const customers = new Map();
  const byWay = new Map();
  let relations = 0;
  for (let i = 0; i < members.length; i += BATCH) {
    const userid_list = members.slice(i, i + BATCH);
    for await (const { external_contact: c, follow_info: f } of client.paginate('externalcontact/batch/get_by_user', { userid_list, limit: 100 })) {
      relations += 1;
      if (!customers.has(c.external_userid)) customers.set(c.external_userid, { name: c.name, type: c.type, follow: f.userid, add_way: f.add_way });
      byWay.set(f.add_way, (byWay.get(f.add_way) ?? 0) + 1);
    }
  }
  show('sync: every customer of every follow user (client.paginate over batch/get_by_user)', {
    followUsers: members.length,
    customers: customers.size,
    followRelations: relations,
    byAddWay: Object.fromEntries([...byWay].sort(([a], [b]) => a - b)),
    first: [...customers].slice(0, 2).map(([external_userid, c]) => ({ external_userid, ...c })),
  });
  if (!mock) return;

  // 3. Tag a segment: the first customers added by scanning a QR code (add_way 1).
  const { tag_group } = await client.request('externalcontact/get_corp_tag_list', {});
  const group = tag_group.find((g) => g.tag.length > 0);
  const tag = group.tag[0];
  const segment = [...customers].filter(([, c]) => c.add_way === 1).slice(0, 5);
  for (const [external_userid, c] of segment) {
    await client.request('externalcontact/mark_tag', { userid: c.follow, external_userid, add_tag: [tag.id] });
  }
  const [firstId, first] = segment[0];
  const detail = await client.request('externalcontact/get', { external_userid: firstId });
  const relation = detail.follow_user.find((f) => f.userid === first.follow);
  show(`mark_tag: ${segment.length} QR-code customers tagged 「${group.group_name} / ${tag.name}」; get shows it`, {
    external_userid: firstId,
    follow_user: first.follow,
    tags: relation.tags,
  });

  // 4. A resigned member's customer (one with few followers), handed over to a member who does
  //    not follow it yet.
  let unassigned;
  let followers;
  for await (const item of client.paginate('externalcontact/get_unassigned_list', { page_size: 100 })) {
    const { follow_user } = await client.request('externalcontact/get', { external_userid: item.external_userid });
    if (follow_user.length <= 3) {
      [unassigned, followers] = [item, follow_user.map((f) => f.userid)];
      break;
    }
  }
  const takeover = members.find((m) => m !== unassigned.handover_userid && !followers.includes(m));
  const pair = { handover_userid: unassigned.handover_userid, takeover_userid: takeover };
  const started = await client.request('externalcontact/resigned/transfer_customer', { ...pair, external_userid: [unassigned.external_userid] });
  const waiting = await client.request('externalcontact/resigned/transfer_result', pair);
  mock.advanceTime(24 * 3600 + 60);
  const done = await client.request('externalcontact/resigned/transfer_result', pair);
  const after = await client.request('externalcontact/get', { external_userid: unassigned.external_userid });
  show(`resigned transfer ${pair.handover_userid} → ${takeover}: started, waiting, and done once the clock passes 24 h`, {
    unassigned,
    transfer_customer: started.customer,
    before: waiting.customer,
    after24h: done.customer,
    followersBefore: followers,
    followersNow: after.follow_user.map((f) => f.userid),
  });
}
