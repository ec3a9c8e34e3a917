import { describe, expect, it } from "vitest";
import { addLocalMonths } from "../../../server/modules/program/period.rules.js";
import { membershipBought, paidTierAfter } from "../../../server/modules/tiers/membership.rules.js";
import { expireMembership } from "../../../server/modules/tiers/membership.step.js";
import { aMember } from "../../support/storage-fixtures.js";
import { aMemberTier } from "../../support/tier-fixtures.js";
import type { Membership } from "../../../server/modules/tiers/tier-schema.js";

const ZONE = "Europe/Amsterdam";
const CLUB: Membership = { id: "ms_club", productId: 501, tierId: "tr_club", months: 12 };
const PLUS: Membership = { id: "ms_plus", productId: 502, tierId: "tr_plus", months: 1 };
// The ladder: Plus below Club.
const TIERS = [
  { id: "tr_plus", name: "Plus", threshold: 100_000, inviteOnly: true },
  { id: "tr_club", name: "Club", threshold: 500_000, inviteOnly: true },
].map((tier) => ({ i18n: {}, perks: "", keepThreshold: null, multiplierPercent: 100, birthdayPoints: 0, customerGroupId: null, ...tier }));
type Order = ReturnType<typeof order>;
/** The order reconciled at once (its webhook just came). */
const after = (paid: Parameters<typeof paidTierAfter>[0], memberships: Membership[], bought: Order, now = bought.placedAt) =>
  paidTierAfter(paid, { memberships, tiers: TIERS }, bought, new Date(now), ZONE);
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
    const bought = after(null, [CLUB], order("o1", "2026-03-15T09:30:00Z", [[501, 1]]));
    expect(bought.change).toBe("bought");
    expect(bought.paid).toMatchObject({ tierId: "tr_club", membershipId: "ms_club", until: "2027-03-14T23:00:00.000Z" });

    const renewed = after(bought.paid, [CLUB], order("o2", "2027-01-10T10:00:00Z", [[501, 1]]));
    expect(renewed).toMatchObject({ change: "renewed", paid: { until: "2028-03-14T23:00:00.000Z" } });
    expect(after(renewed.paid, [CLUB], order("o2", "2027-01-10T10:00:00Z", [[501, 1]]))).toEqual({ paid: renewed.paid, change: null });

    const refunded = after(renewed.paid, [CLUB], order("o1", "2026-03-15T09:30:00Z", [[501, 1]], false));
    expect(refunded).toMatchObject({ change: "refunded", paid: { until: "2028-01-09T23:00:00.000Z" } });
    expect(after(refunded.paid, [CLUB], order("o2", "2027-01-10T10:00:00Z", [[501, 1]], false))).toEqual({ paid: null, change: "refunded" });
  });

  it("when a pass runs out before the next is bought, or another pass is bought, then the new one starts at its purchase", () => {
    const first = after(null, [PLUS, CLUB], order("o1", "2026-03-15T09:30:00Z", [[502, 1]])).paid;
    const lapsed = after(first, [PLUS, CLUB], order("o2", "2026-05-20T09:30:00Z", [[502, 1]]));
    expect(lapsed).toMatchObject({ change: "bought", paid: { until: "2026-06-19T22:00:00.000Z", grants: [{ orderId: "o2" }] } });
    const other = after(lapsed.paid, [PLUS, CLUB], order("o3", "2026-06-01T09:30:00Z", [[501, 1]]));
    expect(other).toMatchObject({ change: "bought", paid: { tierId: "tr_club", until: "2027-05-31T22:00:00.000Z" } });
  });

  it("when events come out of order, then the grants still run one after the other from the first", () => {
    const later = after(null, [PLUS], order("o2", "2026-04-10T09:00:00Z", [[502, 1]])).paid;
    const earlier = after(later, [PLUS], order("o1", "2026-04-01T09:00:00Z", [[502, 1]]));
    expect(earlier).toMatchObject({ change: "renewed", paid: { until: "2026-05-31T22:00:00.000Z" } });
  });

  it("when a lesser pass is bought over a better one still running, then the better is kept and the lesser waits beside it; refunding the lesser takes back only its own grant", () => {
    const club = after(null, [PLUS, CLUB], order("o1", "2026-01-01T10:00:00Z", [[501, 1]]));
    const plus = after(club.paid, [PLUS, CLUB], order("o2", "2026-02-01T10:00:00Z", [[502, 1]]));
    expect(plus.change).toBe("bought");
    expect(plus.paid).toMatchObject({ tierId: "tr_club", membershipId: "ms_club", until: "2026-12-31T23:00:00.000Z" });
    expect(plus.paid!.grants.map((grant) => grant.orderId)).toEqual(["o1", "o2"]);

    const refunded = after(plus.paid, [PLUS, CLUB], order("o2", "2026-02-01T10:00:00Z", [[502, 1]], false), "2026-02-03T10:00:00Z");
    expect(refunded).toMatchObject({ change: "refunded", paid: { tierId: "tr_club", until: "2026-12-31T23:00:00.000Z", grants: [{ orderId: "o1" }] } });
    expect(refunded.paid!.grants).toHaveLength(1);
  });

  it("when a better pass is bought over a lesser one still running, then the better is held while it runs and the lesser takes over when it ends", () => {
    const plusYear: Membership = { ...PLUS, months: 12 };
    const clubMonth: Membership = { ...CLUB, months: 1 };
    const plus = after(null, [plusYear, clubMonth], order("o1", "2026-01-01T10:00:00Z", [[502, 1]]));
    const club = after(plus.paid, [plusYear, clubMonth], order("o2", "2026-02-01T10:00:00Z", [[501, 1]]));
    expect(club.paid).toMatchObject({ tierId: "tr_club", until: "2026-02-28T23:00:00.000Z" });

    const member = { ...aMember(1), tier: aMemberTier({}, { paid: club.paid }) };
    expect(expireMembership(member, TIERS, new Date("2026-02-28T22:59:59Z"), ZONE)).toBeNull();
    const ended = expireMembership(member, TIERS, new Date("2026-02-28T23:00:00Z"), ZONE)!;
    expect(ended.tier.paid).toMatchObject({ tierId: "tr_plus", membershipId: "ms_plus", until: "2026-12-31T23:00:00.000Z", grants: [{ orderId: "o1" }] });
    expect(ended.change).toMatchObject({ reason: "expired", fromTierId: "tr_club", toTierId: "tr_plus" });
  });
});
