import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { InstallService } from "../stores/install.service.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { payDueChallenges, referralChallenges, type ChallengePayout } from "./challenge-awards.js";
import { challengeHistory, referralHistory } from "./challenge-history.js";

export type ReferralChallengeTx = Pick<StoreTransaction, "members" | "orders" | "referrals" | "ledger" | "redemptions" | "settings" | "webhooks">;

/**
 * Pays what the ambassador's referral challenges are due, in the transaction that paid or reversed one of their
 * referrals or counted the first visit of their link; a `reverseOnRefund` challenge whose referrals no longer
 * reach it is taken back. Null when the program has no referral challenge.
 */
export async function payReferralChallenges(
  tx: ReferralChallengeTx,
  storeId: number,
  memberId: string,
  settings: Pick<ProgramSettings, "challenges" | "tiers">,
  context: { now: Date; timeZone: string },
): Promise<ChallengePayout | null> {
  const challenges = referralChallenges(settings.challenges);
  if (challenges.length === 0) return null;
  const member = await tx.members.get(storeId, memberId);
  if (!member?.referral) return null;
  const referrals = referralHistory(member, await tx.referrals.listForAmbassador(storeId, memberId));
  const history = challengeHistory(member, await tx.orders.listForMember(storeId, memberId), [], settings.tiers, referrals, context.now);
  return payDueChallenges(tx, storeId, memberId, history, challenges, { clock: { now: () => context.now }, timeZone: context.timeZone, reverse: true });
}

/** Pays the share challenges of ambassadors whose link was opened for the first time, in the transaction that recorded it. */
export type ShareChallengePayer = (tx: ReferralChallengeTx, storeId: number, memberIds: string[]) => Promise<void>;

/** A store no longer installed pays nothing; the visit stays recorded. */
export const shareChallengePayer =
  (installs: Pick<InstallService, "requireActive">, clock: Clock): ShareChallengePayer =>
  async (tx, storeId, memberIds) => {
    const install = await installs.requireActive(storeId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "store_not_installed") return null;
      throw err;
    });
    if (!install) return;
    const settings = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
    const now = clock.now();
    for (const memberId of memberIds) await payReferralChallenges(tx, storeId, memberId, settings, { now, timeZone: install.timeZone });
  };
