import { z } from "zod";
import type { Clock } from "../../lib/clock.js";
import { badRequest, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier } from "./held-tier.rules.js";
import type { TierChange } from "./tier-change.js";
import { noTiers, type MemberTier } from "./member-tier.js";
import { appendTierChange } from "./tier-change-record.js";

/** `PUT /api/admin/members/:memberId/tier`: the invitation-only tier the merchant gives the member. */
export const tierAssignmentSchema = z.strictObject({ tierId: z.string().min(1).max(64) });

type Assigning = "members" | "tierChanges" | "audit" | "webhooks";

/**
 * Gives the member an invitation-only tier (`tierId`) or takes the one given away (null), recorded as a tier change
 * (`assigned`, `unassigned`) and audited under the merchant's name. Asking for what already holds changes nothing
 * (no change returned).
 */
export function assignTier(
  deps: { storage: UnitOfWork<Assigning>; clock: Clock },
  settings: Pick<ProgramSettings, "tiers">,
  storeId: number,
  memberId: string,
  tierId: string | null,
  actor: string,
): Promise<{ state: MemberTier; change: TierChange | null }> {
  if (tierId !== null && !settings.tiers.some((tier) => tier.id === tierId && tier.inviteOnly)) throw badRequest(`Tier ${tierId} is not an invitation-only tier of this program`);
  return deps.storage.transaction(storeId, async (tx: Pick<StoreTransaction, Assigning>) => {
    const member = await tx.members.get(storeId, memberId);
    if (!member) throw notFound(`Member ${memberId} was not found in this store`);
    const now = deps.clock.now();
    const at = now.toISOString();
    const before = member.tier ?? noTiers(at);
    if ((before.assigned?.tierId ?? null) === tierId) return { state: before, change: null };
    const after: MemberTier = { ...before, assigned: tierId === null ? null : { tierId, by: actor, at } };
    await tx.members.update(storeId, { ...member, tier: after, updatedAt: at });
    const fromTierId = heldTier(settings.tiers, member.tier, now)?.id ?? null;
    const toTierId = heldTier(settings.tiers, after, now)?.id ?? null;
    const reason = tierId === null ? "unassigned" : "assigned";
    const details = { assignedTierId: tierId ?? before.assigned?.tierId ?? null, by: actor };
    const change: TierChange = { id: newId("tch"), storeId, memberId, fromTierId, toTierId, reason, details, at };
    await appendTierChange(tx, storeId, change, now);
    await tx.audit.append(storeId, { id: newId("aud"), storeId, actor, action: `tier.${reason}`, subject: memberId, details, createdAt: at });
    return { state: after, change };
  });
}
