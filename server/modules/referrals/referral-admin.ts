import type { UnitOfWork } from "../../storage/storage.port.js";
import type { Member } from "../members/member.js";
import type { Referral } from "./referral.js";
import type { AdminReferral, AdminReferralQuery, ReferralSummary } from "./referral-admin-view.js";
import { SHARE_CHANNELS } from "./referral-settings.js";

/** Ambassadors the summary lists. */
const TOP = 10;

type Reads = UnitOfWork<"referrals" | "members">;

/** A referral as the dashboard lists it, with its ambassador as they are now (a member since gone reads as unknown). */
export function adminReferralView(referral: Referral, ambassador: Member | null): AdminReferral {
  return {
    ...referral,
    ambassador: { id: referral.ambassadorId, email: ambassador?.email ?? null, name: ambassador?.game.name ?? null, code: ambassador?.referral?.code ?? referral.code },
    friend: { email: referral.friendEmail },
  };
}

/** A page of the store's referrals, newest first, of one status or ambassador or all. */
export function listReferrals(storage: Reads, storeId: number, query: AdminReferralQuery): Promise<{ total: number; items: AdminReferral[] }> {
  return storage.read(storeId, async (tx) => {
    const page = await tx.referrals.page(storeId, {
      ...(query.status ? { statuses: [query.status] } : {}),
      ...(query.ambassador ? { ambassadorId: query.ambassador } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    const ambassadors = new Map<string, Member | null>();
    for (const id of new Set(page.items.map((referral) => referral.ambassadorId))) ambassadors.set(id, await tx.members.get(storeId, id));
    return { total: page.total, items: page.items.map((referral) => adminReferralView(referral, ambassadors.get(referral.ambassadorId) ?? null)) };
  });
}

/** Statuses whose orders stand: what referred friends brought in. */
const STANDING = ["checking", "held", "review", "paid"] as const;

/** The program at a glance: referrals per status, revenue from referred friends, top ambassadors, visits and friends per channel. */
export function referralSummary(storage: Reads, storeId: number): Promise<ReferralSummary> {
  return storage.read(storeId, async (tx) => {
    const totals = await tx.referrals.totals(storeId);
    const top = await tx.members.topAmbassadors(storeId, TOP);
    const clicks = await tx.members.referralClicks(storeId);
    // Friends who typed the code without visiting the link came by no channel: they count in the totals only.
    const friends = new Map((await tx.referrals.channelTotals(storeId)).map((row) => [row.channel, row.friendsOrdered]));
    return {
      totals,
      revenueMinor: STANDING.reduce((sum, status) => sum + (totals[status]?.eligibleMinor ?? 0), 0),
      topAmbassadors: top.map((member) => ({
        memberId: member.id,
        email: member.email,
        name: member.game.name,
        code: member.referral?.code ?? "",
        friendsOrdered: member.referral?.friendsOrdered ?? 0,
        paid: member.referral?.paid ?? 0,
        clicks: Object.values(member.referral?.clicks ?? {}).reduce((sum, count) => sum + (count ?? 0), 0),
      })),
      channels: SHARE_CHANNELS.map((channel) => ({ channel, clicks: clicks[channel] ?? 0, friendsOrdered: friends.get(channel) ?? 0 })).filter(
        (row) => row.clicks > 0 || row.friendsOrdered > 0,
      ),
    };
  });
}
