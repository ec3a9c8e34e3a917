import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import type { Redemption } from "./redemption.js";
import { checkLater, issueOnce, release, type Moved } from "./redemption-steps.js";
import { couponFor } from "./reward-availability.rules.js";
import { lowestCost } from "./reward-cost.rules.js";

export interface GrantCouponDeps {
  storage: UnitOfWork<"redemptions" | "ledger" | "settings" | "members" | "webhooks">;
  ecwid: Pick<EcwidClient, "createCoupon" | "findCouponByCode" | "deleteCoupon">;
  catalog: Pick<CatalogService, "productPriceMinor">;
  clock: Clock;
}

/**
 * Makes the coupon a challenge granted (a `pending` redemption with `grantedBy`), outside any transaction: the
 * reward's terms as the catalog says now, a free product at its price now, with the code chosen at the grant and
 * the expiry counted from it. Made or found by its code → issued (0 points, nothing booked); a definite refusal,
 * a reward or product gone → released; no answer → tried again later (a coupon that landed meanwhile answers
 * 409 and is found by its code). Taken back while the call was out (a refund), the coupon made is deleted.
 */
export async function makeGrantCoupon(deps: GrantCouponDeps, storeId: number, store: { token: string; precision: number }, redemption: Redemption): Promise<Moved | null> {
  const { token, precision } = store;
  const code = redemption.coupon?.code;
  if (!code) return null;
  const write = (work: Parameters<GrantCouponDeps["storage"]["transaction"]>[1]) => deps.storage.transaction(storeId, work) as Promise<Moved>;
  const giveUp = (reason: string) => write((tx) => release(tx, storeId, redemption.id, reason, deps.clock.now()));
  const later = () => write((tx) => checkLater(tx, storeId, redemption.id, "pending", deps.clock.now()));

  const reward = await deps.storage.read(storeId, async (tx) => (await tx.settings.get(storeId))?.rewards.find((one) => one.id === redemption.rewardId));
  if (!reward || reward.kind === "experience" || reward.kind === "donation") return giveUp("The reward is no longer offered.");
  let productPriceMinor: number | undefined;
  if (reward.kind === "free_product") {
    const price = await deps.catalog.productPriceMinor(storeId, reward.productId).catch(() => undefined);
    if (price === undefined) return later();
    if (price === null) return giveUp("The product is no longer sold.");
    productPriceMinor = price;
  }
  const coupon = couponFor(reward, {
    code,
    now: new Date(redemption.createdAt),
    precision,
    points: lowestCost(reward),
    ...(productPriceMinor === undefined ? {} : { productPriceMinor }),
  });

  const made = await deps.ecwid.createCoupon(storeId, token, coupon);
  if (made.outcome === "refused" && !made.mayHaveLanded) return giveUp(`Ecwid refused the coupon: ${made.message}`);
  const found = made.outcome === "created" ? { id: made.id } : await deps.ecwid.findCouponByCode(storeId, token, code).catch(() => undefined);
  if (!found) return found === null && made.outcome === "duplicate" ? giveUp("The coupon code was already taken in Ecwid.") : later();
  const issued = await write(async (tx) => {
    const moved = await issueOnce(tx, storeId, redemption.id, found.id, deps.clock.now());
    if (moved.changed && productPriceMinor !== undefined) {
      const priced = { ...moved.redemption, valueMinor: productPriceMinor };
      await tx.redemptions.update(storeId, priced);
      return { redemption: priced, changed: true };
    }
    return moved;
  });
  if (issued.redemption.status === "released") await deps.ecwid.deleteCoupon(storeId, token, found.id).catch(() => null);
  return issued;
}
