import type { Clock } from "../../lib/clock.js";
import { AppError, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { moneyWords } from "../../lib/money.js";
import { parseInput } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { InstallService } from "../stores/install.service.js";
import type { AppendResult } from "./ledger-entry.js";
import { post } from "./posting.js";
import { explainEntry } from "./ledger-words.rules.js";
import { adjustmentLeavesBalance, adjustmentSchema } from "./ledger.rules.js";

export interface AdjustmentRequest {
  storeId: number;
  memberId: string;
  points: unknown;
  reason: unknown;
  /** Whether the shopper may read the reason beside the entry (default: not). */
  visibleToShopper?: unknown;
  actor: string;
  /** The caller's Idempotency-Key; a repeated request with the same key writes nothing new. */
  requestKey: string | null;
}

/** The merchant's hand on the books: adjustments with a reason, each audited in the same write. */
export class LedgerService {
  constructor(private readonly deps: { storage: UnitOfWork<"members" | "ledger" | "audit" | "webhooks">; clock: Clock; installs: Pick<InstallService, "requireActive"> }) {}

  async adjust(request: AdjustmentRequest): Promise<AppendResult> {
    const { points, reason, visibleToShopper } = parseInput(adjustmentSchema, { points: request.points, reason: request.reason, visibleToShopper: request.visibleToShopper });
    const { storeId, memberId, actor } = request;
    const idempotencyKey = `adjust:${memberId}:${request.requestKey ?? newId("req")}`;

    return this.deps.storage.transaction(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (!member) throw notFound(`Member ${memberId} was not found in this store`);
      const existing = await tx.ledger.findByKey(storeId, idempotencyKey);
      if (existing) {
        if (existing.delta !== points || existing.note !== reason || (existing.basis?.visibleToShopper === true) !== visibleToShopper) {
          throw new AppError("idempotency_key_reused", "This Idempotency-Key was already used for a different adjustment; use a new key for a new request");
        }
        return { entry: existing, created: false, balance: await tx.ledger.balance(storeId, memberId) };
      }

      const { allowed } = adjustmentLeavesBalance(member.balance, points);
      if (!allowed) {
        throw new AppError("insufficient_points", `The member has ${member.balance} points; taking ${-points} would leave a negative balance`);
      }
      const now = this.deps.clock.now();
      const at = now.toISOString();
      const result = await post(
        tx,
        storeId,
        { memberId, delta: points, kind: "adjust", source: { type: "manual", id: idempotencyKey }, idempotencyKey, actor, note: reason, basis: { visibleToShopper } },
        now,
      );
      const entry = result.entry;
      await tx.audit.append(storeId, {
        id: newId("aud"),
        storeId,
        actor,
        action: "points.adjusted",
        subject: memberId,
        details: { points, reason, visibleToShopper, entryId: entry.id, balanceAfter: result.balance },
        createdAt: at,
      });
      return result;
    });
  }

  /** A member's entries, newest first, each with its basis in words (`explanation`). */
  async history(storeId: number, memberId: string, page: { limit: number; offset: number }) {
    const install = await this.deps.installs.requireActive(storeId);
    const money = moneyWords(install.currency, install.currencyPrecision);
    return this.deps.storage.read(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (!member) throw notFound(`Member ${memberId} was not found in this store`);
      const { total, items } = await tx.ledger.listForMember(storeId, memberId, page);
      return { member, total, items: items.map((entry) => ({ ...entry, explanation: explainEntry(entry, money) })) };
    });
  }
}
