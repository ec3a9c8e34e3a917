import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { Install } from "../stores/install.js";
import type { InstallService } from "../stores/install.service.js";
import { isDisposableEmail } from "./disposable-email.js";
import type { Referral } from "./referral.js";
import { gatherEvidence, type EcwidEvidence } from "./referral-evidence.js";
import { judgeReferral } from "./referral-judge.rules.js";
import { cancelReferral, payReferral, saveMove } from "./referral-steps.js";

/** Referrals taken in one pass of a store. */
const BATCH = 25;

export interface ReferralPassCounts {
  held: number;
  review: number;
  rejected: number;
  paid: number;
}

type Tables = "referrals" | "members" | "ledger" | "audit" | "redemptions" | "orders" | "settings" | "webhooks";
type StoreFormats = Pick<Install, "currencyPrecision" | "timeZone">;

/**
 * The referral job, run every minute: `checking` referrals are judged on what Ecwid says (asked outside any
 * transaction) and on our books, then held, sent to review or rejected with their reason; `held` ones whose hold
 * is over are paid while their order still counts. Every change re-reads the referral inside the store's
 * transaction and moves it only from the status it was read in, so processes sharing PostgreSQL move each once.
 */
export class ReferralJob {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<Tables>;
      stores: () => Promise<number[]>;
      ecwid: Pick<EcwidClient, "getOrder" | "searchOrders">;
      installs: Pick<InstallService, "requireActive" | "accessToken">;
      clock: Clock;
      logger: Logger;
      /** Keys the hash of shipping addresses. */
      addressSecret: string;
      /** Told after the commit of what a pass moved: held (qualified) or paid, the newest state only; must not throw. */
      onMoved?: (storeId: number, referral: Referral) => void;
    },
  ) {}

  /** Every store in turn; one store's failure is logged and does not stop the others. */
  async runAll(): Promise<ReferralPassCounts> {
    const total: ReferralPassCounts = { held: 0, review: 0, rejected: 0, paid: 0 };
    for (const storeId of await this.deps.stores()) {
      try {
        const counts = await this.runStore(storeId);
        for (const name of Object.keys(total) as (keyof ReferralPassCounts)[]) total[name] += counts[name];
      } catch (err) {
        // An uninstalled store's referrals wait until it is installed again or purged; a damaged one until it is repaired.
        if (err instanceof AppError && (err.code === "store_not_installed" || err.code === "store_unavailable")) continue;
        this.deps.logger.error({ err, storeId }, "referral checks failed");
      }
    }
    return total;
  }

  async runStore(storeId: number): Promise<ReferralPassCounts> {
    const counts: ReferralPassCounts = { held: 0, review: 0, rejected: 0, paid: 0 };
    const due = await this.deps.storage.read(storeId, (tx) => tx.referrals.due(storeId, this.deps.clock.now().toISOString(), BATCH));
    if (due.length === 0) return counts;
    const install = await this.deps.installs.requireActive(storeId);
    const token = await this.deps.installs.accessToken(storeId);
    for (const referral of due) {
      try {
        const moves = referral.status === "checking" ? await this.check(storeId, token, install, referral) : await this.payDue(storeId, install, referral.id);
        for (const { status } of moves) if (status in counts) counts[status as keyof ReferralPassCounts] += 1;
        const last = moves.at(-1);
        if (last) this.deps.onMoved?.(storeId, last);
      } catch (err) {
        // Ecwid not answering now: the referral stays as it is and is looked at again on the next pass.
        this.deps.logger.warn({ err, storeId, referralId: referral.id }, "referral left for the next pass");
      }
    }
    if (Object.values(counts).some((count) => count > 0)) this.deps.logger.info({ storeId, ...counts }, "referrals moved");
    return counts;
  }

  /** Judges a `checking` referral; a verdict whose hold is already over (holdDays 0) pays in the same transaction. */
  private async check(storeId: number, token: string, install: StoreFormats, referral: Referral): Promise<Referral[]> {
    const { settings, ambassador } = await this.deps.storage.read(storeId, async (tx) => ({
      settings: readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision),
      ambassador: await tx.members.get(storeId, referral.ambassadorId),
    }));
    const person = { email: ambassador?.email ?? null, customerId: ambassador?.customerId ?? null };
    const evidence = await gatherEvidence(this.deps.ecwid, storeId, token, referral, person, this.deps.addressSecret, settings.earning.countedStatuses);
    if (!evidence) return this.orderGone(storeId, referral.id);
    return this.deps.storage.transaction(storeId, async (tx) => {
      const current = await tx.referrals.get(storeId, referral.id);
      const member = await tx.members.get(storeId, referral.ambassadorId);
      if (current?.status !== "checking" || !member) return [];
      const saved = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
      const friend = { memberId: current.friendMemberId, email: current.friendEmail, customerId: current.friendCustomerId };
      const verdict = judgeReferral({
        referral: current,
        settings: saved.referrals,
        ambassador: member,
        ambassadorAddressKeys: evidence.ambassadorAddressKeys,
        addressKey: evidence.addressKey,
        earlierPaidOrders: evidence.earlierPaidOrders.length + (await this.earlierInOurBooks(tx, storeId, current, evidence)),
        friendReferrals: await tx.referrals.listForFriend(storeId, friend),
        ambassadorReferrals: await tx.referrals.listForAmbassador(storeId, current.ambassadorId),
        orderPlacedAt: evidence.placedAt,
        disposableEmail: isDisposableEmail(current.friendEmail),
        timeZone: install.timeZone,
      });
      const now = this.deps.clock.now();
      const judged: Referral = {
        ...current,
        status: verdict.status,
        reason: verdict.reason,
        signals: verdict.signals,
        payableAt: verdict.status === "rejected" ? null : verdict.payableAt,
        addressKey: evidence.addressKey,
        decidedBy: verdict.status === "review" ? null : "system",
        updatedAt: now.toISOString(),
      };
      await saveMove(tx, storeId, judged, "system", now);
      if (judged.status !== "held" || Date.parse(judged.payableAt!) > now.getTime()) return [judged];
      const order = await tx.orders.get(storeId, judged.orderId);
      if (!order?.counted) return [judged];
      return [judged, await payReferral(tx, storeId, judged, { settings: saved, timeZone: install.timeZone }, "system", now)];
    });
  }

  /** The friend's counted orders in our books placed before this one (orders Ecwid may have been asked about under another email). */
  private async earlierInOurBooks(tx: Pick<StoreTransaction, "orders">, storeId: number, referral: Referral, evidence: EcwidEvidence): Promise<number> {
    if (!referral.friendMemberId) return 0;
    const orders = await tx.orders.listForMember(storeId, referral.friendMemberId);
    return orders.filter(
      (order) => order.counted && order.orderId !== referral.orderId && order.placedAt < evidence.placedAt && !evidence.earlierPaidOrders.includes(order.orderId),
    ).length;
  }

  /** Ecwid no longer has the friend's order (deleted): it pays nothing, as its reconciliation would also say. */
  private orderGone(storeId: number, referralId: string): Promise<Referral[]> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const current = await tx.referrals.get(storeId, referralId);
      return current?.status === "checking" ? [await cancelReferral(tx, storeId, current, this.deps.clock.now())] : [];
    });
  }

  /** Pays a `held` referral whose hold is over, while its order still counts in our books. */
  private payDue(storeId: number, install: StoreFormats, referralId: string): Promise<Referral[]> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const now = this.deps.clock.now();
      const current = await tx.referrals.get(storeId, referralId);
      if (current?.status !== "held" || !current.payableAt || Date.parse(current.payableAt) > now.getTime()) return [];
      const order = await tx.orders.get(storeId, current.orderId);
      // A refund's reconciliation cancels it; until then it waits.
      if (!order?.counted) return [];
      // Blocked while the reward was held: the merchant stopped trusting the ambassador, so it is not paid.
      if ((await tx.members.get(storeId, current.ambassadorId))?.referral?.blocked) {
        const refused: Referral = { ...current, status: "rejected", reason: "blocked_ambassador", payableAt: null, decidedBy: "system", updatedAt: now.toISOString() };
        return [await saveMove(tx, storeId, refused, "system", now)];
      }
      const settings = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
      return [await payReferral(tx, storeId, current, { settings, timeZone: install.timeZone }, "system", now)];
    });
  }
}
