import { describe, expect, it } from "vitest";
import type { MemberTierView } from "../../server/dashboard/api.js";
import { createFormatters } from "../../server/dashboard/format.js";
import { changeMeasuredWords, changeReasonWords, heldWords, measuredColumnLabel, windowAmountLabel } from "../../server/dashboard/members/member-tier-words.js";

const fmt = createFormatters({ lang: "en", currency: "USD", currencyPrecision: 2 });
type Change = MemberTierView["changes"][number];

const change = (reason: Change["reason"], details: Change["details"] = {}): Change => ({
  id: "tch_1",
  storeId: 1,
  memberId: "mem_1",
  fromTierId: null,
  toTierId: "tr_gold",
  reason,
  details,
  at: "2027-03-10T10:00:00.000Z",
});

describe("a member's tier changes in words", () => {
  it.each([
    ["reached", { amount: 12_000, metric: "spend" }, "Reached the tier's entry amount"],
    ["kept", { amount: 9_000, metric: "spend", graceEndsAt: null }, "Back above the keep amount: grace over, tier kept"],
    ["grace_started", { amount: 3_000, metric: "spend", graceEndsAt: "2027-03-24T12:00:00.000Z" }, "Below the keep amount: grace until Mar 24, 2027"],
    ["demoted", { amount: 0, metric: "points" }, "Moved down: below the keep amount"],
    ["reset", { amount: 0, metric: "spend" }, "New calendar year: the count started again"],
    ["bought", { orderId: "TH4KQ", until: "2028-03-10T12:00:00.000Z" }, "Bought a paid membership (order #TH4KQ), until Mar 10, 2028"],
    ["renewed", { orderId: "TH7MX", until: "2029-03-10T12:00:00.000Z" }, "Renewed the paid membership (order #TH7MX), until Mar 10, 2029"],
    ["refunded", { orderId: "TH7MX", until: "2028-03-10T12:00:00.000Z" }, "Membership order refunded or cancelled (order #TH7MX); now until Mar 10, 2028"],
    ["refunded", { orderId: "TH4KQ", until: null }, "Membership order refunded or cancelled (order #TH4KQ); no membership left"],
    ["expired", { membershipId: "ms_club", until: "2028-03-10T12:00:00.000Z" }, "Paid membership ran out"],
    ["assigned", { assignedTierId: "tr_club", by: "owner@shop.example" }, "Given by owner@shop.example"],
    ["unassigned", { assignedTierId: "tr_club", by: "system" }, "Taken away by Questline"],
  ] as const)("when the reason is %s, then the merchant reads what the record says", (reason, details, words) => {
    expect(changeReasonWords(change(reason, details), fmt)).toBe(words);
  });

  it("when a review measured money or points, then the amount is said in its unit; a purchase or the merchant's change measured nothing", () => {
    expect(changeMeasuredWords(change("reached", { amount: 12_050, metric: "spend" }), fmt)).toBe("$120.50");
    expect(changeMeasuredWords(change("demoted", { amount: 1, metric: "points" }), fmt)).toBe("1 point");
    expect(changeMeasuredWords(change("bought", { orderId: "TH4KQ", until: null }), fmt)).toBe("—");
  });

  it("when the ladder counts money or points, then the column of what reviews measured is headed in that unit", () => {
    expect(measuredColumnLabel("spend")).toBe("Spent then");
    expect(measuredColumnLabel("points")).toBe("Points then");
  });

  it("when the tier is held by one way or another, then it says how: earned since, paid until, given by whom", () => {
    const current = { id: "tr_gold", name: "Gold", since: "2027-03-10T10:00:00.000Z", paidUntil: null };
    expect(heldWords({ ...current, how: "earned" }, null, fmt)).toBe("Earned since Mar 10, 2027");
    expect(heldWords({ ...current, how: "earned", paidUntil: "2028-01-01T12:00:00.000Z" }, null, fmt)).toBe("Earned since Mar 10, 2027; also paid until Jan 1, 2028");
    expect(heldWords({ ...current, how: "paid", paidUntil: "2028-01-01T12:00:00.000Z" }, null, fmt)).toBe("Paid membership until Jan 1, 2028");
    expect(heldWords({ ...current, how: "assigned" }, "owner@shop.example", fmt)).toBe("Given by owner@shop.example on Mar 10, 2027");
  });

  it("when the ladder counts money or points over a window, then the amount's label says which", () => {
    expect(windowAmountLabel({ metric: "spend", window: "rolling_12_months" })).toBe("Spent in 12 months");
    expect(windowAmountLabel({ metric: "points", window: "calendar_year" })).toBe("Points earned this year");
    expect(windowAmountLabel({ metric: "spend", window: "lifetime" })).toBe("Spent (lifetime)");
    expect(windowAmountLabel({ metric: "points", window: "lifetime" })).toBe("Points earned (lifetime)");
  });
});
