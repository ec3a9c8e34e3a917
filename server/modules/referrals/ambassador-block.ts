import { z } from "zod";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { MemberReferral } from "./referral.js";

/** `PUT /api/admin/members/:memberId/referral/block`: why the merchant blocks the ambassador (kept for the merchant). */
export const ambassadorBlockSchema = z.strictObject({ reason: z.string().trim().min(1).max(200) });
export type AmbassadorBlock = z.infer<typeof ambassadorBlockSchema>;

/** What both answer: the member's ambassador side as it is after. */
export interface AmbassadorStanding {
  memberId: string;
  referral: MemberReferral;
}

/**
 * Blocks an ambassador (`block`) or lifts the block (null), audited under the merchant's name. A blocked
 * ambassador's code still leads friends to the shop, but their coupon is paused by the referral job and their
 * referrals pay nothing. Asking for what already holds changes nothing and writes no entry; the first reason stays.
 */
export function setAmbassadorBlock(
  deps: { storage: UnitOfWork<"members" | "audit">; clock: Clock },
  storeId: number,
  memberId: string,
  block: AmbassadorBlock | null,
  actor: string,
): Promise<AmbassadorStanding> {
  return deps.storage.transaction(storeId, async (tx) => {
    const member = await tx.members.get(storeId, memberId);
    if (!member) throw notFound(`Member ${memberId} was not found in this store`);
    const { referral } = member;
    if (!referral) throw conflict("This member has no referral code yet, so there is no ambassador to block");
    if ((block !== null) === (referral.blocked !== null)) return { memberId, referral };
    const at = deps.clock.now().toISOString();
    const changed: MemberReferral = { ...referral, blocked: block && { at, by: actor, reason: block.reason } };
    await tx.members.update(storeId, { ...member, referral: changed, updatedAt: at });
    await tx.audit.append(storeId, {
      id: newId("aud"),
      storeId,
      actor,
      action: block ? "ambassador.blocked" : "ambassador.unblocked",
      subject: memberId,
      details: { code: referral.code, ...(block ? { reason: block.reason } : { reason: referral.blocked?.reason ?? null }) },
      createdAt: at,
    });
    return { memberId, referral: changed };
  });
}
