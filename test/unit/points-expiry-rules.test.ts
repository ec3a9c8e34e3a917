import { describe, expect, it } from "vitest";
import type { ExpiryEntry, ExpiryRule } from "../../server/modules/ledger/points-expiry.rules.js";
import { addMonths, dueExpiries, nextExpiry } from "../../server/modules/ledger/points-expiry.rules.js";

const perLot: ExpiryRule = { mode: "per_lot", months: 12 };
const inactivity: ExpiryRule = { mode: "inactivity", months: 12 };
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta);

const earn = (at: string, points: number, orderId = at): ExpiryEntry => ({
  memberId: "mem_ann",
  delta: points,
  kind: "earn_order",
  source: { type: "order", id: orderId },
  basis: null,
  createdAt: at,
});
const entry = (at: string, delta: number, kind: ExpiryEntry["kind"], source: ExpiryEntry["source"] = { type: "manual", id: at }): ExpiryEntry => ({
  memberId: "mem_ann",
  delta,
  kind,
  source,
  basis: null,
  createdAt: at,
});
/** The entry the job books for a due expiry, at `at`. */
const booked = (due: { points: number; rule: string; earnedAt: string; key: string }, at: string): ExpiryEntry => ({
  memberId: "mem_ann",
  delta: -due.points,
  kind: "expire",
  source: { type: "expiry", id: due.key },
  basis: { rule: due.rule, months: 12, earnedAt: due.earnedAt },
  createdAt: at,
});

describe("points expiry rules", () => {
  it("when months are added, then the calendar day is kept or clamped to the month's end, in UTC", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00.000Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2028-01-31T10:00:00.000Z"), 1).toISOString()).toBe("2028-02-29T10:00:00.000Z");
    expect(addMonths(new Date("2026-03-15T23:59:59.999Z"), 12).toISOString()).toBe("2027-03-15T23:59:59.999Z");
    expect(addMonths(new Date("2026-11-30T00:00:00.000Z"), 3).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });

  it("when expiry is off or there are no entries, then nothing is due and nothing is next", () => {
    const entries = [earn("2020-01-01T00:00:00.000Z", 100)];
    expect(dueExpiries(entries, { mode: "off", months: 1 }, new Date("2026-01-01T00:00:00.000Z"))).toEqual([]);
    expect(nextExpiry(entries, { mode: "off", months: 1 }, new Date("2026-01-01T00:00:00.000Z"))).toBeNull();
    expect(dueExpiries([], perLot, new Date("2026-01-01T00:00:00.000Z"))).toEqual([]);
  });

  it("when a lot reaches its months, then it expires exactly at that instant, not a millisecond before", () => {
    const entries = [earn("2026-01-10T08:00:00.000Z", 100)];
    expect(dueExpiries(entries, perLot, ms("2027-01-10T08:00:00.000Z", -1))).toEqual([]);
    expect(dueExpiries(entries, perLot, new Date("2027-01-10T08:00:00.000Z"))).toEqual([
      { points: 100, rule: "per_lot", earnedAt: "2026-01-10T08:00:00.000Z", at: "2027-01-10T08:00:00.000Z", key: "expire:mem_ann:per_lot:2026-01-10T08:00:00.000Z:0" },
    ]);
    expect(nextExpiry(entries, perLot, ms("2027-01-10T08:00:00.000Z", -1))).toEqual({ points: 100, at: "2027-01-10T08:00:00.000Z" });
  });

  it("when the job books a due expiry and runs again, then nothing more is due (the key never expires twice)", () => {
    const entries = [earn("2026-01-10T08:00:00.000Z", 100), earn("2026-02-10T08:00:00.000Z", 30)];
    const now = new Date("2027-03-01T00:00:00.000Z");
    const due = dueExpiries(entries, perLot, now);
    expect(due.map((one) => [one.points, one.key])).toEqual([
      [100, "expire:mem_ann:per_lot:2026-01-10T08:00:00.000Z:0"],
      [30, "expire:mem_ann:per_lot:2026-02-10T08:00:00.000Z:0"],
    ]);
    const after = [...entries, ...due.map((one) => booked(one, now.toISOString()))];
    expect(dueExpiries(after, perLot, now)).toEqual([]);
    expect(dueExpiries(after, perLot, new Date("2030-01-01T00:00:00.000Z"))).toEqual([]);
    expect(nextExpiry(after, perLot, now)).toBeNull();
  });

  it("when points are spent, then the oldest lots go first and only what is left of each lot expires on its own date", () => {
    const entries = [
      earn("2026-01-01T00:00:00.000Z", 100),
      earn("2026-02-01T00:00:00.000Z", 50),
      entry("2026-03-01T00:00:00.000Z", -120, "redeem", { type: "redemption", id: "red_1" }),
      earn("2026-04-01T00:00:00.000Z", 10),
    ];
    expect(dueExpiries(entries, perLot, new Date("2027-01-01T00:00:00.000Z"))).toEqual([]);
    expect(nextExpiry(entries, perLot, new Date("2026-12-01T00:00:00.000Z"))).toEqual({ points: 30, at: "2027-02-01T00:00:00.000Z" });
    expect(dueExpiries(entries, perLot, new Date("2027-02-01T00:00:00.000Z")).map((due) => [due.points, due.earnedAt])).toEqual([[30, "2026-02-01T00:00:00.000Z"]]);
    expect(dueExpiries(entries, perLot, new Date("2027-04-01T00:00:00.000Z")).map((due) => due.points)).toEqual([30, 10]);
  });

  it("when an order is reversed, then the points come out of that order's lot first, and beyond it out of the newest lots", () => {
    const entries = [
      earn("2026-01-01T00:00:00.000Z", 100, "A"),
      earn("2026-02-01T00:00:00.000Z", 50, "B"),
      earn("2026-03-01T00:00:00.000Z", 20, "C"),
      entry("2026-03-05T00:00:00.000Z", -60, "reverse", { type: "order", id: "B" }),
    ];
    // B's 50 and 10 more from C, the newest: A's lot is whole.
    const due = dueExpiries(entries, perLot, new Date("2027-03-01T00:00:00.000Z"));
    expect(due.map((one) => [one.points, one.earnedAt])).toEqual([
      [100, "2026-01-01T00:00:00.000Z"],
      [10, "2026-03-01T00:00:00.000Z"],
    ]);
  });

  it("when the balance is below the lots (a deduction beyond them) or negative, then expiry never takes it below zero", () => {
    const lots = [earn("2026-01-01T00:00:00.000Z", 100), entry("2026-02-01T00:00:00.000Z", -150, "adjust")];
    expect(dueExpiries(lots, perLot, new Date("2028-01-01T00:00:00.000Z"))).toEqual([]);
    expect(nextExpiry(lots, perLot, new Date("2028-01-01T00:00:00.000Z"))).toBeNull();
    const due = dueExpiries([...lots, earn("2026-03-01T00:00:00.000Z", 80)], perLot, new Date("2028-01-01T00:00:00.000Z"));
    expect(due.map((one) => one.points)).toEqual([30]);
  });

  it("when points are held by pending redemptions, then only the balance beyond them expires, and the rest once the hold is released", () => {
    const entries = [earn("2026-01-01T00:00:00.000Z", 100)];
    const now = new Date("2027-01-02T00:00:00.000Z");
    const first = dueExpiries(entries, perLot, now, 60);
    expect(first.map((due) => [due.points, due.key])).toEqual([[40, "expire:mem_ann:per_lot:2026-01-01T00:00:00.000Z:0"]]);
    const after = [...entries, booked(first[0]!, now.toISOString())];
    expect(dueExpiries(after, perLot, now, 60)).toEqual([]);
    expect(nextExpiry(after, perLot, now, 60)).toBeNull();
    // The hold was released: the rest lapses under a new key; had the redemption been issued, its spend takes the rest.
    expect(dueExpiries(after, perLot, now, 0).map((due) => [due.points, due.key])).toEqual([[60, "expire:mem_ann:per_lot:2026-01-01T00:00:00.000Z:1"]]);
    expect(dueExpiries([...after, entry(now.toISOString(), -60, "redeem", { type: "redemption", id: "red_1" })], perLot, now, 0)).toEqual([]);
  });

  it("when a shopper spends lapsed points before the job books them, then only what is left expires and later earnings are untouched", () => {
    const entries = [
      earn("2026-01-01T00:00:00.000Z", 100),
      entry("2027-01-01T00:10:00.000Z", -70, "redeem", { type: "redemption", id: "red_1" }),
      earn("2027-01-01T00:20:00.000Z", 40),
    ];
    expect(dueExpiries(entries, perLot, new Date("2027-01-01T00:30:00.000Z")).map((due) => due.points)).toEqual([30]);
  });

  it("when no points are earned for the months, then the whole balance lapses at that instant; an earning in time keeps every point", () => {
    const entries = [earn("2026-01-01T00:00:00.000Z", 100), entry("2026-06-01T00:00:00.000Z", -30, "redeem", { type: "redemption", id: "red_1" })];
    expect(nextExpiry(entries, inactivity, new Date("2026-07-01T00:00:00.000Z"))).toEqual({ points: 70, at: "2027-01-01T00:00:00.000Z" });
    expect(dueExpiries(entries, inactivity, ms("2027-01-01T00:00:00.000Z", -1))).toEqual([]);
    expect(dueExpiries(entries, inactivity, new Date("2027-01-01T00:00:00.000Z"))).toEqual([
      { points: 70, rule: "inactivity", earnedAt: "2026-01-01T00:00:00.000Z", at: "2027-01-01T00:00:00.000Z", key: "expire:mem_ann:inactivity:2026-01-01T00:00:00.000Z:0" },
    ]);

    const inTime = [...entries, entry("2026-12-31T23:59:59.999Z", 5, "earn_task", { type: "task", id: "ch_1" })];
    expect(dueExpiries(inTime, inactivity, new Date("2027-06-01T00:00:00.000Z"))).toEqual([]);
    expect(nextExpiry(inTime, inactivity, new Date("2027-06-01T00:00:00.000Z"))).toEqual({ points: 75, at: "2027-12-31T23:59:59.999Z" });
  });

  it("when the earning comes at the lapse instant or after, then the old balance still lapses and the new points stay", () => {
    const entries = [earn("2026-01-01T00:00:00.000Z", 100), earn("2027-01-01T00:00:00.000Z", 20), earn("2027-01-01T00:30:00.000Z", 5)];
    expect(dueExpiries(entries, inactivity, new Date("2027-01-01T01:00:00.000Z")).map((due) => [due.points, due.earnedAt])).toEqual([[100, "2026-01-01T00:00:00.000Z"]]);
    expect(nextExpiry(entries, inactivity, new Date("2027-01-01T01:00:00.000Z"))).toEqual({ points: 100, at: "2027-01-01T01:00:00.000Z" });
  });

  it("when only a merchant's positive adjustment or a coupon refund came, then the adjustment keeps points alive and the refund does not", () => {
    const base = [earn("2026-01-01T00:00:00.000Z", 100)];
    const adjusted = [...base, entry("2026-11-01T00:00:00.000Z", 10, "adjust")];
    expect(dueExpiries(adjusted, inactivity, new Date("2027-02-01T00:00:00.000Z"))).toEqual([]);
    const refunded = [...base, entry("2026-11-01T00:00:00.000Z", 10, "redeem_refund", { type: "redemption", id: "red_1" })];
    expect(dueExpiries(refunded, inactivity, new Date("2027-02-01T00:00:00.000Z")).map((due) => due.points)).toEqual([110]);
  });

  it("when a lapse is not yet booked, then /me shows it as now, and the warnings look past it to the next one, after its share", async () => {
    const entries = [earn("2026-01-01T00:00:00.000Z", 100), earn("2026-01-20T00:00:00.000Z", 30)];
    const now = new Date("2027-01-05T00:00:00.000Z");
    expect(nextExpiry(entries, perLot, now)).toEqual({ points: 100, at: now.toISOString() });
    expect(nextExpiry(entries, perLot, now, 0, { upcomingOnly: true })).toEqual({ points: 30, at: "2027-01-20T00:00:00.000Z" });
    expect(nextExpiry(entries, perLot, now, 20, { upcomingOnly: true })).toEqual({ points: 10, at: "2027-01-20T00:00:00.000Z" });
    expect(nextExpiry(entries, perLot, now, 90, { upcomingOnly: true })).toBeNull();
  });

  it("when a refund arrives after an inactivity lapse was booked, then it lapses too, under a new key", () => {
    const entries = [earn("2026-01-01T00:00:00.000Z", 100)];
    const now = new Date("2027-01-01T00:00:00.000Z");
    const [first] = dueExpiries(entries, inactivity, now);
    const after = [...entries, booked(first!, now.toISOString()), entry("2027-02-01T00:00:00.000Z", 15, "redeem_refund", { type: "redemption", id: "red_1" })];
    expect(dueExpiries(after, inactivity, new Date("2027-02-01T01:00:00.000Z")).map((due) => [due.points, due.key])).toEqual([
      [15, "expire:mem_ann:inactivity:2026-01-01T00:00:00.000Z:1"],
    ]);
  });
});
