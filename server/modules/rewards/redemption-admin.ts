import { z } from "zod";
import { conflict, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { REDEMPTION_STATUSES, type Redemption } from "./redemption.js";

/** `GET /api/admin/redemptions?status=&limit=&offset=`: newest first, of one status or all. */
export const redemptionQuerySchema = z.strictObject({
  status: z.enum(REDEMPTION_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type RedemptionQuery = z.infer<typeof redemptionQuerySchema>;

/** The kinds a merchant fulfils by hand: an experience done, a donation paid out. */
export const HAND_FULFILLED_KINDS = ["experience", "donation"];

/** A redemption as the merchant reads it: the record without the shopper's request bookkeeping, with the member's email. */
export const adminRedemptionView = (
  { requestKey: _key, requestFingerprint: _fingerprint, checks: _checks, checkAfter: _after, ...redemption }: Redemption,
  email: string | null,
) => ({
  ...redemption,
  member: { id: redemption.memberId, email },
});
export type AdminRedemption = ReturnType<typeof adminRedemptionView>;

type Reads = UnitOfWork<"redemptions" | "members">;

/** A page of the store's redemptions, each with its member's email as it is now. */
export function listRedemptions(storage: Reads, storeId: number, query: RedemptionQuery): Promise<{ total: number; items: AdminRedemption[] }> {
  return storage.read(storeId, async (tx) => {
    const page = await tx.redemptions.page(storeId, { statuses: query.status ? [query.status] : undefined, limit: query.limit, offset: query.offset });
    const emails = new Map<string, string | null>();
    for (const memberId of new Set(page.items.map((r) => r.memberId))) emails.set(memberId, (await tx.members.get(storeId, memberId))?.email ?? null);
    return { total: page.total, items: page.items.map((r) => adminRedemptionView(r, emails.get(r.memberId) ?? null)) };
  });
}

/**
 * The merchant marks an experience done or a donation paid out: issued → fulfilled, audited in the same write.
 * Asking again for one already fulfilled answers it as it is (`changed: false`); any other kind or status is refused.
 */
export function fulfilRedemption(
  storage: UnitOfWork<"redemptions" | "members" | "audit">,
  storeId: number,
  redemptionId: string,
  actor: string,
  now: Date,
): Promise<{ redemption: AdminRedemption; changed: boolean }> {
  return storage.transaction(storeId, async (tx) => {
    const found = await tx.redemptions.get(storeId, redemptionId);
    if (!found) throw notFound(`Redemption ${redemptionId} was not found in this store`);
    const email = (await tx.members.get(storeId, found.memberId))?.email ?? null;
    if (!HAND_FULFILLED_KINDS.includes(found.rewardKind)) throw conflict(`“${found.rewardName}” is a coupon: it is used at checkout, not fulfilled by hand`);
    if (found.status === "fulfilled") return { redemption: adminRedemptionView(found, email), changed: false };
    if (found.status !== "issued") throw conflict(`Only an issued redemption can be fulfilled; this one is ${found.status}`);
    const at = now.toISOString();
    const fulfilled: Redemption = { ...found, status: "fulfilled", fulfilledBy: actor, updatedAt: at };
    await tx.redemptions.update(storeId, fulfilled);
    await tx.audit.append(storeId, {
      id: newId("aud"),
      storeId,
      actor,
      action: found.rewardKind === "donation" ? "donation.paid_out" : "experience.fulfilled",
      subject: found.memberId,
      details: { redemptionId: found.id, rewardId: found.rewardId, rewardName: found.rewardName, points: found.points, valueMinor: found.valueMinor },
      createdAt: at,
    });
    return { redemption: adminRedemptionView(fulfilled, email), changed: true };
  });
}

/** What the store owes and has paid to one cause. Money in minor units of the store currency. */
export interface CauseTotal {
  cause: string;
  rewardIds: string[];
  pledges: number;
  points: number;
  pledgedMinor: number;
  paidOutMinor: number;
  /** Pledged and not yet paid out: what the merchant still owes the cause. */
  owedMinor: number;
  /** Pledges not yet marked paid out. */
  pledgesOwed: number;
}

/**
 * Donations totalled per cause. A cause is named by its reward as it is now; a reward since deleted is named by
 * the name it had when redeemed. Released pledges count nowhere.
 */
export function donationTotals(storage: UnitOfWork<"redemptions" | "settings">, storeId: number): Promise<{ causes: CauseTotal[] }> {
  return storage.read(storeId, async (tx) => {
    const sums = await tx.redemptions.sumsByReward(storeId, "donation");
    const settings = await tx.settings.get(storeId);
    const causeOf = new Map((settings?.rewards ?? []).flatMap((reward) => (reward.kind === "donation" ? [[reward.id, reward.cause] as const] : [])));
    const causes = new Map<string, CauseTotal>();
    for (const sum of sums) {
      if (sum.status !== "issued" && sum.status !== "fulfilled") continue;
      const cause = causeOf.get(sum.rewardId) ?? sum.rewardName;
      const total = causes.get(cause) ?? { cause, rewardIds: [], pledges: 0, points: 0, pledgedMinor: 0, paidOutMinor: 0, owedMinor: 0, pledgesOwed: 0 };
      if (!total.rewardIds.includes(sum.rewardId)) total.rewardIds.push(sum.rewardId);
      total.pledges += sum.count;
      total.points += sum.points;
      total.pledgedMinor += sum.valueMinor;
      if (sum.status === "fulfilled") total.paidOutMinor += sum.valueMinor;
      else {
        total.owedMinor += sum.valueMinor;
        total.pledgesOwed += sum.count;
      }
      causes.set(cause, total);
    }
    return { causes: [...causes.values()].sort((a, b) => b.pledgedMinor - a.pledgedMinor || a.cause.localeCompare(b.cause)) };
  });
}

/** `POST /api/admin/donations/payout`: the merchant paid a cause everything owed for these rewards' pledges. */
export const payoutSchema = z.strictObject({ rewardIds: z.array(z.string().min(1).max(64)).min(1).max(50) });

/** At most this many pledges are marked in one request; the answer says how many are still owed. */
export const PAYOUT_BATCH = 500;

/**
 * Every issued pledge of these donation rewards marked paid out, in one write with one audit entry. Asking again
 * marks nothing more (`count: 0`). Pledges of other kinds or already paid out are left as they are.
 */
export function payOutDonations(
  storage: UnitOfWork<"redemptions" | "audit">,
  storeId: number,
  rewardIds: string[],
  actor: string,
  now: Date,
): Promise<{ count: number; valueMinor: number; stillOwed: number }> {
  return storage.transaction(storeId, async (tx) => {
    const owed = await tx.redemptions.page(storeId, { statuses: ["issued"], rewardIds, limit: PAYOUT_BATCH, offset: 0 });
    const pledges = owed.items.filter((redemption) => redemption.rewardKind === "donation");
    const at = now.toISOString();
    for (const pledge of pledges) await tx.redemptions.update(storeId, { ...pledge, status: "fulfilled", fulfilledBy: actor, updatedAt: at });
    const valueMinor = pledges.reduce((sum, pledge) => sum + (pledge.valueMinor ?? 0), 0);
    if (pledges.length > 0) {
      await tx.audit.append(storeId, {
        id: newId("aud"),
        storeId,
        actor,
        action: "donations.paid_out",
        subject: rewardIds.join(","),
        details: { rewardIds, rewardName: pledges[0]!.rewardName, count: pledges.length, valueMinor, redemptionIds: pledges.map((pledge) => pledge.id) },
        createdAt: at,
      });
    }
    return { count: pledges.length, valueMinor, stillOwed: owed.total - owed.items.length };
  });
}
