import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { InstallService } from "../stores/install.service.js";
import { makeGrantCoupon } from "./grant-coupon.js";
import type { Redemption } from "./redemption.js";
import { checkLater, expire, issueOnce, markCouponUsed, release, type Moved } from "./redemption-steps.js";

/** Due redemptions taken in one pass of a store. */
const BATCH = 50;

export interface SettlementCounts {
  issued: number;
  released: number;
  waiting: number;
  expired: number;
  used: number;
}

/**
 * The scheduled side of redemptions, run every minute by the jobs. A `pending` one past its grace is looked up
 * by its code: found, it is issued (the debit); not found, no lost call can land any more, so the hold is
 * released. An `issued` coupon past its expiry is deleted in Ecwid and marked `expired` (points back when the
 * merchant chose so), unless Ecwid says an order used it. Every change is conditional on the status still being
 * what was read, inside the store's transaction, so processes sharing PostgreSQL settle each redemption once.
 */
export class RedemptionSettlement {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"redemptions" | "ledger" | "settings" | "members" | "webhooks">;
      /** The stores that may have redemptions. */
      stores: () => Promise<number[]>;
      ecwid: Pick<EcwidClient, "createCoupon" | "findCouponByCode" | "deleteCoupon">;
      /** A granted free product's price, read when its coupon is made. */
      catalog: Pick<CatalogService, "productPriceMinor">;
      installs: Pick<InstallService, "requireActive" | "accessToken">;
      clock: Clock;
      logger: Logger;
      /** Told after the commit, once per redemption, that it is issued (the reward-issued email); must not throw. */
      onIssued?: (storeId: number, redemption: Redemption) => void;
    },
  ) {}

  /** Every store in turn; one store's failure is logged and does not stop the others. */
  async settleAll(): Promise<SettlementCounts> {
    const total: SettlementCounts = { issued: 0, released: 0, waiting: 0, expired: 0, used: 0 };
    for (const storeId of await this.deps.stores()) {
      try {
        const counts = await this.settleStore(storeId);
        for (const name of Object.keys(total) as (keyof SettlementCounts)[]) total[name] += counts[name];
      } catch (err) {
        // An uninstalled store's redemptions wait, their points held, until it is installed again or purged: no error each minute.
        if (err instanceof AppError && err.code === "store_not_installed") continue;
        this.deps.logger.error({ err, storeId }, "settling redemptions failed");
      }
    }
    return total;
  }

  async settleStore(storeId: number): Promise<SettlementCounts> {
    const counts: SettlementCounts = { issued: 0, released: 0, waiting: 0, expired: 0, used: 0 };
    const due = await this.deps.storage.read(storeId, (tx) => tx.redemptions.due(storeId, this.deps.clock.now().toISOString(), BATCH));
    if (due.length === 0) return counts;
    const { currencyPrecision: precision } = await this.deps.installs.requireActive(storeId);
    const token = await this.deps.installs.accessToken(storeId);
    for (const redemption of due) {
      const outcome =
        redemption.status !== "pending"
          ? await this.retire(storeId, token, redemption)
          : redemption.grantedBy
            ? this.told(storeId, await makeGrantCoupon(this.deps, storeId, { token, precision }, redemption))
            : await this.settlePending(storeId, token, redemption);
      if (outcome) counts[outcome] += 1;
    }
    if (Object.values(counts).some((count) => count > 0)) this.deps.logger.info({ storeId, ...counts }, "redemptions settled");
    return counts;
  }

  private async settlePending(storeId: number, token: string, redemption: Redemption): Promise<keyof SettlementCounts | null> {
    const code = redemption.coupon?.code;
    if (!code) return null;
    const found = await this.deps.ecwid.findCouponByCode(storeId, token, code).catch(() => undefined);
    const now = this.deps.clock.now();
    const moved = await this.deps.storage.transaction(storeId, (tx) => {
      if (found) return issueOnce(tx, storeId, redemption.id, found.id, now);
      if (found === null) return release(tx, storeId, redemption.id, "Ecwid never made the coupon.", now);
      return checkLater(tx, storeId, redemption.id, "pending", now);
    });
    return this.told(storeId, moved);
  }

  /** What a pass did to a pending one, the shopper told once it is issued. Only what this pass changed counts; another process may have settled it first. */
  private told(storeId: number, moved: Moved | null): keyof SettlementCounts | null {
    if (!moved?.changed) return null;
    const settled = moved.redemption;
    if (settled.status === "issued") {
      this.deps.onIssued?.(storeId, settled);
      return "issued";
    }
    return settled.status === "released" ? "released" : "waiting";
  }

  /** An issued coupon past its expiry: used after all if Ecwid counts an order on it, else deleted and expired. */
  private async retire(storeId: number, token: string, redemption: Redemption): Promise<keyof SettlementCounts | null> {
    const code = redemption.coupon?.code;
    if (!code) return null;
    // Ecwid cannot say now, or cannot delete it: looked at again later, so it does not hold up the rest of the batch.
    const tryLater = async () => {
      await this.deps.storage.transaction(storeId, (tx) => checkLater(tx, storeId, redemption.id, "issued", this.deps.clock.now()));
      return null;
    };
    const coupon = await this.deps.ecwid.findCouponByCode(storeId, token, code).catch(() => undefined);
    if (coupon === undefined) return tryLater();
    if (coupon && ((coupon.orderCount ?? 0) > 0 || coupon.status === "USEDUP")) {
      const used = await this.deps.storage.transaction(storeId, (tx) => markCouponUsed(tx, storeId, code, null, this.deps.clock.now()));
      return used?.changed ? "used" : null;
    }
    if (coupon) {
      const deleted = await this.deps.ecwid.deleteCoupon(storeId, token, coupon.id).catch(() => null);
      if (deleted === null) return tryLater();
    }
    const expired = await this.deps.storage.transaction(storeId, async (tx) => {
      const settings = await tx.settings.get(storeId);
      return expire(tx, storeId, redemption.id, settings?.redemption.returnPointsOnCouponExpiry ?? false, this.deps.clock.now());
    });
    return expired.changed ? "expired" : null;
  }
}
