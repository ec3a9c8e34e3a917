import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { Logger } from "../../lib/logger.js";
import type { StoreTransaction, UnitOfWork } from "../../storage/storage.port.js";
import { post } from "../ledger/posting.js";
import type { Member } from "../members/member.js";
import { statsFromOrders } from "../members/member-stats.rules.js";
import { payDueChallenges } from "../program/challenge-awards.js";
import { findOrCreateMember } from "../members/member.service.js";
import { defaultProgramSettings } from "../settings/program-settings.js";
import type { InstallService } from "../stores/install.service.js";
import { pointsDeserved, reconcileOrder, type LedgerCorrection } from "./earning.rules.js";
import { orderFacts, type OrderFacts } from "./order-facts.js";

/** The repositories a reconciliation reads and writes. */
type Reconciled = "orders" | "members" | "settings" | "ledger" | "audit";

export type ReconcileOutcome = "corrected" | "unchanged" | "stale" | "unknown_order" | "no_identity";

/**
 * Brings the books to what an order deserves now (see server/modules/orders/README.md). The order is
 * fetched fresh from Ecwid on every event, so duplicates, late and out-of-order events converge.
 */
export class OrderReconciler {
  constructor(private readonly deps: { storage: UnitOfWork<Reconciled>; ecwid: EcwidClient; installs: InstallService; clock: Clock; logger: Logger }) {}

  async reconcile(storeId: number, orderId: string): Promise<ReconcileOutcome> {
    const { installs, ecwid, clock } = this.deps;
    const install = await installs.requireActive(storeId);
    const order = await ecwid.getOrder(storeId, await installs.accessToken(storeId), orderId);
    const facts = order ? orderFacts(order, install.currencyPrecision, clock.now()) : null;
    return this.apply(storeId, orderId, facts, install.currencyPrecision);
  }

  /** Applies already-fetched facts (null: the order is gone); used by reconcile and by backfill. */
  apply(storeId: number, orderId: string, facts: OrderFacts | null, currencyPrecision: number): Promise<ReconcileOutcome> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const record = await tx.orders.get(storeId, orderId);
      if (!facts && !record) return "unknown_order";
      if (facts && record && facts.revision < record.revision) return "stale";
      const member = record
        ? await tx.members.get(storeId, record.memberId)
        : facts && (facts.customerId || facts.email)
          ? await findOrCreateMember(tx, storeId, { customerId: facts.customerId, email: facts.email }, this.deps.clock)
          : null;
      if (!member) return "no_identity";

      const settings = (await tx.settings.get(storeId)) ?? defaultProgramSettings(currencyPrecision);
      const entries = await tx.ledger.listBySource(storeId, { type: "order", id: orderId });
      const correction = reconcileOrder({ orderId, facts, currentRule: settings.earning, entries });
      if (correction) await this.book(tx, storeId, member, orderId, correction);

      const now = this.deps.clock.now().toISOString();
      const kept = facts ? pointsDeserved(facts, settings.earning).keptMinor : 0;
      await tx.orders.save(storeId, {
        orderId,
        internalId: facts?.internalId ?? record?.internalId ?? null,
        storeId,
        memberId: member.id,
        paymentStatus: facts?.paymentStatus ?? "DELETED",
        counted: kept > 0,
        eligibleMinor: kept,
        placedAt: facts?.placedAt ?? record?.placedAt ?? now,
        revision: facts?.revision ?? record?.revision ?? 0,
        updatedAt: now,
      });
      const current = (await tx.members.get(storeId, member.id)) ?? member;
      const orders = await tx.orders.listForMember(storeId, member.id);
      await tx.members.update(storeId, { ...current, stats: statsFromOrders(orders), updatedAt: now });
      const paid = await payDueChallenges(tx, storeId, member.id, orders, settings.challenges, this.deps.clock);
      return correction || paid.challenges > 0 ? "corrected" : "unchanged";
    });
  }

  /** Appends the correction; a clawback larger than the balance is booked in full and its shortfall recorded. */
  private async book(tx: Pick<StoreTransaction, "ledger" | "audit">, storeId: number, member: Member, orderId: string, correction: LedgerCorrection): Promise<void> {
    const at = this.deps.clock.now().toISOString();
    const balanceBefore = await tx.ledger.balance(storeId, member.id);
    const shortfall = correction.delta < 0 ? Math.min(-correction.delta, Math.max(0, -(balanceBefore + correction.delta))) : 0;
    const { entry } = await post(
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
        details: { orderId, clawback: -correction.delta, balanceBefore, shortfall, entryId: entry.id },
        createdAt: at,
      });
      this.deps.logger.warn({ storeId, memberId: member.id, orderId, shortfall }, "clawback larger than the balance");
    }
  }
}
