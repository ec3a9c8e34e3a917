import type { Clock } from "../../lib/clock.js";
import { conflict, notFound } from "../../lib/errors.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { Install } from "../stores/install.js";
import type { Referral } from "./referral.js";
import { adminReferralView } from "./referral-admin.js";
import type { AdminReferral } from "./referral-admin-view.js";
import { payReferral, saveMove } from "./referral-steps.js";

type Tables = "referrals" | "members" | "ledger" | "audit" | "redemptions" | "orders" | "settings" | "webhooks";

export type ReviewDecision = { approve: true } | { approve: false; reason: string };

/**
 * The merchant decides a referral held for review: approved, it is held until its hold is over, or paid at once
 * when that time has come and the order still counts; rejected, it pays nothing (`merchant_rejected`, their words
 * kept as the note). Only a referral under review can be decided (409 otherwise); each decision is audited under
 * the merchant's name.
 */
export function decideReferral(
  deps: { storage: UnitOfWork<Tables>; clock: Clock },
  storeId: number,
  install: Pick<Install, "currencyPrecision" | "timeZone">,
  referralId: string,
  decision: ReviewDecision,
  actor: string,
): Promise<AdminReferral> {
  return deps.storage.transaction(storeId, async (tx) => {
    const found = await tx.referrals.get(storeId, referralId);
    if (!found) throw notFound(`Referral ${referralId} was not found in this store`);
    if (found.status !== "review") throw conflict(`Only a referral waiting for review can be decided; this one is ${found.status}`);
    const now = deps.clock.now();
    const decided: Referral = decision.approve
      ? { ...found, status: "held", decidedBy: actor, updatedAt: now.toISOString() }
      : { ...found, status: "rejected", reason: "merchant_rejected", note: decision.reason, payableAt: null, decidedBy: actor, updatedAt: now.toISOString() };
    let saved = await saveMove(tx, storeId, decided, actor, now, decision.approve ? { approved: true } : { note: decision.reason });
    const due = saved.status === "held" && saved.payableAt !== null && Date.parse(saved.payableAt) <= now.getTime();
    if (due && (await tx.orders.get(storeId, saved.orderId))?.counted) {
      const settings = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
      saved = await payReferral(tx, storeId, saved, { settings, timeZone: install.timeZone }, actor, now);
    }
    return adminReferralView(saved, await tx.members.get(storeId, saved.ambassadorId));
  });
}
