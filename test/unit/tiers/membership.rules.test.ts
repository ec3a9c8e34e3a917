import { describe, expect, it } from "vitest";
import { addLocalMonths } from "../../../server/modules/program/period.rules.js";
import { membershipBought, paidTierAfter } from "../../../server/modules/tiers/membership.rules.js";
import type { Membership } from "../../../server/modules/tiers/tier-schema.js";

const ZONE = "Europe/Amsterdam";
const CLUB: Membership = { id: "ms_club", productId: 501, tierId: "tr_club", months: 12 };
const PLUS: Membership = { id: "ms_plus", productId: 502, tierId: "tr_plus", months: 1 };
const order = (orderId: string, placedAt: string, items: [productId: number, quantity: number][], counted = true) => ({
  orderId,
  placedAt,
  counted,
  items: items.map(([productId, quantity]) => ({ productId, categoryId: 0, quantity })),
});

describe("months in the store's time zone", () => {
  it("ends a period at local midnight of the same day months later, the month's last day when it has no such day", () => {
    expect(addLocalMonths(new Date("2026-03-15T09:30:00Z"), 12, ZONE).toISOString()).toBe("2027-03-14T23:00:00.000Z");
    expect(addLocalMonths(new Date("2026-01-31T12:00:00Z"), 1, ZONE).toISOString()).toBe("2026-02-27T23:00:00.000Z");
    expect(addLocalMonths(new Date("2026-03-31T22:30:00Z"), -12, ZONE).toISOString()).toBe("2025-03-31T22:00:00.000Z");
  });
});

describe("a paid membership", () => {
  it("when an order holds the pass, then it buys the pass's months per unit; other products buy nothing", () => {
    expect(
      membershipBought(
        [CLUB, PLUS],
        order("o1", "2026-03-15T09:30:00Z", [
          [7, 1],
          [501, 2],
        ]),
      ),
    ).toEqual({ membership: CLUB, months: 24 });
    expect(membershipBought([CLUB], order("o1", "2026-03-15T09:30:00Z", [[7, 3]]))).toBeNull();
  });

  it("when a pass is bought, renewed early and the first order refunded, then it runs from purchase, extends from its end, and the refund takes its year back", () => {
    const bought = paidTierAfter(null, [CLUB], order("o1", "2026-03-15T09:30:00Z", [[501, 1]]), ZONE);
    expect(bought.change).toBe("bought");
    expect(bought.paid).toMatchObject({ tierId: "tr_club", membershipId: "ms_club", until: "2027-03-14T23:00:00.000Z" });

    const renewed = paidTierAfter(bought.paid, [CLUB], order("o2", "2027-01-10T10:00:00Z", [[501, 1]]), ZONE);
    expect(renewed).toMatchObject({ change: "renewed", paid: { until: "2028-03-14T23:00:00.000Z" } });
    expect(paidTierAfter(renewed.paid, [CLUB], order("o2", "2027-01-10T10:00:00Z", [[501, 1]]), ZONE)).toEqual({ paid: renewed.paid, change: null });

    const refunded = paidTierAfter(renewed.paid, [CLUB], order("o1", "2026-03-15T09:30:00Z", [[501, 1]], false), ZONE);
    expect(refunded).toMatchObject({ change: "refunded", paid: { until: "2028-01-09T23:00:00.000Z" } });
    expect(paidTierAfter(refunded.paid, [CLUB], order("o2", "2027-01-10T10:00:00Z", [[501, 1]], false), ZONE)).toEqual({ paid: null, change: "refunded" });
  });

  it("when a pass runs out before the next is bought, or another pass is bought, then the new one starts at its purchase", () => {
    const first = paidTierAfter(null, [PLUS, CLUB], order("o1", "2026-03-15T09:30:00Z", [[502, 1]]), ZONE).paid;
    const lapsed = paidTierAfter(first, [PLUS, CLUB], order("o2", "2026-05-20T09:30:00Z", [[502, 1]]), ZONE);
    expect(lapsed).toMatchObject({ change: "bought", paid: { until: "2026-06-19T22:00:00.000Z", grants: [{ orderId: "o2" }] } });
    const other = paidTierAfter(lapsed.paid, [PLUS, CLUB], order("o3", "2026-06-01T09:30:00Z", [[501, 1]]), ZONE);
    expect(other).toMatchObject({ change: "bought", paid: { tierId: "tr_club", until: "2027-05-31T22:00:00.000Z" } });
  });

  it("when events come out of order, then the grants still run one after the other from the first", () => {
    const later = paidTierAfter(null, [PLUS], order("o2", "2026-04-10T09:00:00Z", [[502, 1]]), ZONE).paid;
    const earlier = paidTierAfter(later, [PLUS], order("o1", "2026-04-01T09:00:00Z", [[502, 1]]), ZONE);
    expect(earlier).toMatchObject({ change: "renewed", paid: { until: "2026-05-31T22:00:00.000Z" } });
  });
});
