import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { Logger } from "../../lib/logger.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import { resolveLanguage } from "../i18n/language.js";
import type { AppendResult } from "../ledger/ledger-entry.js";
import { post } from "../ledger/posting.js";
import type { Member } from "../members/member.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import { nameAfterOrder } from "../members/member-name.rules.js";
import { orderChallenges, payDueChallenges } from "../program/challenge-awards.js";
import { challengeHistory, NO_REFERRAL_HISTORY } from "../program/challenge-history.js";
import { markCouponUsed } from "../rewards/redemption-steps.js";
import { findOrCreateMember } from "../members/member.service.js";
import { inHoldout, joinDraw } from "../holdout/holdout.rules.js";
import { attributeOrder } from "../referrals/referral-attribution.js";
import { readSavedSettings } from "../settings/saved-settings.rules.js";
import type { Install } from "../stores/install.js";
import type { InstallService } from "../stores/install.service.js";
import { heldTier } from "../tiers/held-tier.rules.js";
import type { TierChange } from "../tiers/tier-change.js";
import { applyMembershipOrder } from "../tiers/membership.step.js";
import { reviewMemberTier } from "../tiers/tier-review.step.js";
import { pointsDeserved, reconcileOrder, type LedgerCorrection } from "./earning.rules.js";
import { orderFacts, type OrderFacts } from "./order-facts.js";
import type { OrderRecord } from "./order-record.js";

/** The repositories a reconciliation reads and writes. */
type Reconciled = "orders" | "members" | "settings" | "ledger" | "audit" | "redemptions" | "referrals" | "tierChanges" | "webhooks";

/** What reconciling needs of the store: its currency's precision and its time zone (challenges' calendar periods). */
type StoreFormats = Pick<Install, "currencyPrecision" | "timeZone">;

export type ReconcileOutcome = "corrected" | "unchanged" | "stale" | "unknown_order" | "no_identity";

/** Points an order newly earned: a new `earn_order` entry, never a replay of one already booked. */
export interface OrderEarning {
  memberId: string;
  orderId: string;
  points: number;
}

/**
 * Brings the books to what an order deserves now (see server/modules/orders/README.md). The order is
 * fetched fresh from Ecwid on every event, so duplicates, late and out-of-order events converge.
 */
export class OrderReconciler {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<Reconciled>;
      ecwid: EcwidClient;
      installs: InstallService;
      clock: Clock;
      logger: Logger;
      /** Told after the books committed, of points an order event earned (the points-earned email); must not throw. */
      onEarned?: (storeId: number, earning: OrderEarning) => void;
      /** Told after the books committed, of a change of the member's tier the order's review recorded (the tier emails); must not throw. */
      onTierChange?: (storeId: number, change: TierChange) => void;
    },
  ) {}

  async reconcile(storeId: number, orderId: string): Promise<ReconcileOutcome> {
    const { installs, ecwid, clock } = this.deps;
    const install = await installs.requireActive(storeId);
    const order = await ecwid.getOrder(storeId, await installs.accessToken(storeId), orderId);
    const facts = order ? orderFacts(order, install.currencyPrecision, clock.now()) : null;
    const { outcome, earned, tierChange } = await this.settle(storeId, orderId, facts, install);
    if (earned) this.deps.onEarned?.(storeId, earned);
    if (tierChange) this.deps.onTierChange?.(storeId, tierChange);
    return outcome;
  }

  /** Applies already-fetched facts (null: the order is gone); used by backfill, which tells nobody of past earnings. */
  async apply(storeId: number, orderId: string, facts: OrderFacts | null, install: StoreFormats): Promise<ReconcileOutcome> {
    return (await this.settle(storeId, orderId, facts, install)).outcome;
  }

  private settle(
    storeId: number,
    orderId: string,
    facts: OrderFacts | null,
    install: StoreFormats,
  ): Promise<{ outcome: ReconcileOutcome; earned: OrderEarning | null; tierChange: TierChange | null }> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const outcome = (value: ReconcileOutcome, earned: OrderEarning | null = null, tierChange: TierChange | null = null) => ({ outcome: value, earned, tierChange });
      const record = await tx.orders.get(storeId, orderId);
      if (!facts && !record) return outcome("unknown_order");
      if (facts && record && facts.revision < record.revision) return outcome("stale");
      const settings = readSavedSettings(await tx.settings.get(storeId), install.currencyPrecision);
      const joining = joinDraw(settings.holdout, storeId, this.deps.clock.now());
      const member = record?.memberId
        ? await tx.members.get(storeId, record.memberId)
        : facts && (facts.customerId || facts.email)
          ? await findOrCreateMember(tx, storeId, { customerId: facts.customerId, email: facts.email }, this.deps.clock, joining)
          : null;
      const kept = facts ? pointsDeserved(facts, settings.earning).keptMinor : 0;
      const saved = this.orderRecord(storeId, orderId, { facts, record, kept, memberId: member?.id ?? null });
      if (!member) {
        // An order naming no shopper makes no member; its record lets the overview count orders without one.
        await tx.orders.save(storeId, saved);
        return outcome("no_identity");
      }

      const entries = await tx.ledger.listBySource(storeId, { type: "order", id: orderId });
      // An order first earns at the multiplier of the tier the member held when it was paid (seen paid now), before this order's own review.
      const currentTier = heldTier(settings.tiers, member.tier, this.deps.clock.now());
      // An order placed while the member was held out earns nothing, then or ever.
      const correction = inHoldout(member.holdout, new Date(facts?.placedAt ?? record?.placedAt ?? this.deps.clock.now().toISOString()))
        ? null
        : reconcileOrder({ orderId, facts, currentRule: settings.earning, currentTier, entries });
      const booked = correction ? await this.book(tx, storeId, member, orderId, correction) : null;
      const earned = booked?.created && booked.entry.kind === "earn_order" && booked.entry.delta > 0 ? { memberId: member.id, orderId, points: booked.entry.delta } : null;

      const now = this.deps.clock.now().toISOString();
      await tx.orders.save(storeId, saved);
      // An order carrying one of our coupon codes used that reward's coupon.
      if (facts?.couponCode) await markCouponUsed(tx, storeId, facts.couponCode, orderId, this.deps.clock.now());
      await attributeOrder(tx, storeId, { orderId, facts, counted: kept > 0, keptMinor: kept, friend: member }, { settings, timeZone: install.timeZone }, this.deps.clock.now());
      const current = (await tx.members.get(storeId, member.id)) ?? member;
      const orders = await tx.orders.listForMember(storeId, member.id);
      const lang = facts?.lang ? resolveLanguage(facts.lang) : current.lang;
      const game = { ...current.game, name: facts ? nameAfterOrder(current.game.name, facts, orders) : current.game.name };
      const updated = { ...current, stats: statsFromOrders(orders), lang, game, updatedAt: now };
      await tx.members.update(storeId, updated);
      // Held out: the order is recorded and counted for the comparison, and the program (tiers, challenges) leaves it alone.
      if (inHoldout(updated.holdout, this.deps.clock.now())) return outcome("unchanged");
      // Promotion at once; a fall below the keep amount only starts a grace or waits for the scheduled review.
      const program = { settings, timeZone: install.timeZone };
      const tier = await reviewMemberTier(tx, storeId, updated, program, this.deps.clock.now());
      // A paid order holding a membership pass gives its tier; refunded, it takes it back.
      const membership = await applyMembershipOrder(tx, storeId, tier.member, saved, program, this.deps.clock.now());
      const tierChange = membership.change ?? tier.change;
      const history = challengeHistory(current, orders, [], settings.tiers, NO_REFERRAL_HISTORY, this.deps.clock.now());
      const context = { clock: this.deps.clock, timeZone: install.timeZone, reverse: true };
      const paid = await payDueChallenges(tx, storeId, member.id, history, orderChallenges(settings.challenges), context);
      return outcome(correction || paid.challenges > 0 || paid.reversed > 0 || tierChange ? "corrected" : "unchanged", earned, tierChange);
    });
  }

  /** What the books keep of the order now: its latest facts, else what the record knew (a deleted order keeps its items and date). */
  private orderRecord(
    storeId: number,
    orderId: string,
    { facts, record, kept, memberId }: { facts: OrderFacts | null; record: OrderRecord | null; kept: number; memberId: string | null },
  ): OrderRecord {
    const now = this.deps.clock.now().toISOString();
    return {
      orderId,
      internalId: facts?.internalId ?? record?.internalId ?? null,
      storeId,
      memberId,
      paymentStatus: facts?.paymentStatus ?? "DELETED",
      counted: kept > 0,
      eligibleMinor: kept,
      items: facts?.items ?? record?.items ?? [],
      placedAt: facts?.placedAt ?? record?.placedAt ?? now,
      revision: facts?.revision ?? record?.revision ?? 0,
      updatedAt: now,
    };
  }

  /** Appends the correction; a clawback larger than the balance is booked in full and its shortfall recorded. */
  private async book(
    tx: Pick<StoreTransaction, "ledger" | "audit" | "members" | "webhooks">,
    storeId: number,
    member: Member,
    orderId: string,
    correction: LedgerCorrection,
  ): Promise<AppendResult> {
    const at = this.deps.clock.now().toISOString();
    const balanceBefore = await tx.ledger.balance(storeId, member.id);
    const shortfall = correction.delta < 0 ? Math.min(-correction.delta, Math.max(0, -(balanceBefore + correction.delta))) : 0;
    const booked = await post(
      tx,
      storeId,
      {
        memberId: member.id,
        delta: correction.delta,
        kind: correction.kind,
        source: { type: "order", id: orderId },
        idempotencyKey: correction.idempotencyKey,
        actor: "system",
        note: correction.note,
        basis: shortfall > 0 ? { ...correction.basis, shortfall } : correction.basis,
      },
      this.deps.clock.now(),
    );
    if (shortfall > 0) {
      await tx.audit.append(storeId, {
        id: newId("aud"),
        storeId,
        actor: "system",
        action: "points.clawback_shortfall",
        subject: member.id,
        details: { orderId, clawback: -correction.delta, balanceBefore, shortfall, entryId: booked.entry.id },
        createdAt: at,
      });
      this.deps.logger.warn({ storeId, memberId: member.id, orderId, shortfall }, "clawback larger than the balance");
    }
    return booked;
  }
}
