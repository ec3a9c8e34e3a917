import { NO_REFERRAL_HISTORY } from "../../server/modules/program/challenge-history.js";
import { describe, expect, it } from "vitest";
import type { OrderItem, OrderRecord } from "../../server/modules/orders/order-record.js";
import { challengeStanding, type ChallengeHistory } from "../../server/modules/program/challenge-progress.rules.js";
import type { TaskCompletion } from "../../server/modules/program/task-completion.js";
import { challengeSchema } from "../../server/modules/settings/program-settings.js";
import { aCompletion } from "../support/storage-fixtures.js";

const AMS = "Europe/Amsterdam";
let seq = 0;
const order = (placedAt: string, overrides: Partial<OrderRecord> = {}): OrderRecord => ({
  orderId: `O${++seq}`,
  internalId: null,
  storeId: 1,
  memberId: "mem_1",
  paymentStatus: "PAID",
  counted: true,
  eligibleMinor: 5_000,
  items: [],
  placedAt,
  revision: 1,
  updatedAt: placedAt,
  ...overrides,
});
const refunded = { counted: false, paymentStatus: "REFUNDED", eligibleMinor: 0 };
const items = (...list: [productId: number, categoryId: number, quantity: number][]): { items: OrderItem[] } => ({
  items: list.map(([productId, categoryId, quantity]) => ({ productId, categoryId, quantity })),
});
const done = (completedAt: string, status: TaskCompletion["status"] = "done", challengeId = "ch_t"): TaskCompletion =>
  aCompletion(1, "mem_1", { challengeId, status, completedAt });
const history = (orders: OrderRecord[], more: Partial<ChallengeHistory> = {}): ChallengeHistory => ({
  orders,
  completions: [],
  member: { createdAt: "2026-01-01T00:00:00Z", birthday: null, tierId: null },
  referrals: NO_REFERRAL_HISTORY,
  ...more,
});
const challenge = (input: Record<string, unknown>) => challengeSchema.parse({ id: "ch_t", title: "T", points: 10, goal: { kind: "orders", target: 2 }, ...input });
const at = (iso: string) => new Date(iso);
const standing = (input: Record<string, unknown>, h: ChallengeHistory, now = "2026-12-10T12:00:00Z", zone = "UTC") => challengeStanding(challenge(input), h, at(now), zone);

describe("goals measured from orders", () => {
  it("when paid orders exactly reach the target, then it is completed once; one fewer is not", () => {
    const two = history([order("2026-12-01T10:00:00Z"), order("2026-12-02T10:00:00Z")]);
    expect(standing({}, two)).toMatchObject({ completedKeys: ["once"], progress: 2, target: 2, periodKey: "once", open: false, reason: null });
    expect(standing({}, history([order("2026-12-01T10:00:00Z")]))).toMatchObject({ completedKeys: [], progress: 1, open: true });
  });

  it("when spend reaches the amount exactly, then it completes; a refund that takes an order out undoes it", () => {
    const goal = { kind: "spend", target: 10_000 };
    expect(standing({ goal }, history([order("2026-12-01T10:00:00Z"), order("2026-12-02T10:00:00Z")])).completedKeys).toEqual(["once"]);
    expect(standing({ goal }, history([order("2026-12-01T10:00:00Z"), order("2026-12-02T10:00:00Z", { ...refunded })]))).toMatchObject({ completedKeys: [], progress: 5_000 });
  });

  it("when orders hold the product or an item bought from the category, then each such order counts once", () => {
    const goal = { kind: "product", target: 2, productIds: [501], categoryIds: [20] };
    const orders = [order("2026-12-01T10:00:00Z", items([501, 0, 3])), order("2026-12-02T10:00:00Z", items([777, 20, 1])), order("2026-12-03T10:00:00Z", items([888, 30, 1]))];
    expect(standing({ goal }, history(orders))).toMatchObject({ completedKeys: ["once"], progress: 2 });
    expect(standing({ goal }, history(orders.slice(0, 1)))).toMatchObject({ progress: 1, completedKeys: [] });
  });

  it("when the member's first counted order falls before the window, then a first-order challenge never completes; a refunded first order hands the title to the next", () => {
    const goal = { kind: "first_order" };
    const window = { startsAt: "2026-12-01T00:00:00Z" };
    expect(standing({ goal, window }, history([order("2026-11-30T23:59:59Z"), order("2026-12-02T10:00:00Z")])).completedKeys).toEqual([]);
    expect(standing({ goal, window }, history([order("2026-11-30T23:59:59Z", { ...refunded }), order("2026-12-02T10:00:00Z")])).completedKeys).toEqual(["once"]);
  });
});

describe("streaks", () => {
  const goal = { kind: "streak", target: 3, period: "week" };

  it("when three consecutive ISO weeks each hold a paid order, then it completes", () => {
    const orders = [order("2026-11-23T10:00:00Z"), order("2026-12-01T10:00:00Z"), order("2026-12-09T10:00:00Z")];
    expect(standing({ goal }, history(orders))).toMatchObject({ completedKeys: ["once"], progress: 3 });
  });

  it("when a week is missed, then the streak breaks and counts again from the next order", () => {
    const orders = [order("2026-11-16T10:00:00Z"), order("2026-11-23T10:00:00Z"), order("2026-12-07T10:00:00Z"), order("2026-12-09T10:00:00Z")];
    expect(standing({ goal }, history(orders))).toMatchObject({ completedKeys: [], progress: 1 });
  });

  it("when the last order was in the previous week, then the run still shows; two weeks ago, it is gone", () => {
    const orders = [order("2026-11-24T10:00:00Z"), order("2026-12-01T10:00:00Z")];
    expect(standing({ goal }, history(orders), "2026-12-10T12:00:00Z").progress).toBe(2);
    expect(standing({ goal }, history(orders), "2026-12-16T12:00:00Z").progress).toBe(0);
  });

  it("when a month streak spans a year's end in the store's time zone, then December and January are consecutive", () => {
    const monthly = { kind: "streak", target: 2, period: "month" };
    // 23:30 UTC on 31 December is already January in Amsterdam.
    const orders = [order("2026-12-15T10:00:00Z"), order("2026-12-31T23:30:00Z")];
    expect(standing({ goal: monthly }, history(orders), "2027-01-02T00:00:00Z", AMS).completedKeys).toEqual(["once"]);
    expect(standing({ goal: monthly }, history(orders), "2027-01-02T00:00:00Z", "UTC").completedKeys).toEqual([]);
  });
});

describe("stamp cards", () => {
  const goal = { kind: "stamps", target: 5, productIds: [501], categoryIds: [] };

  it("when units of the product are bought, then each unit is a stamp and the card shows them", () => {
    const orders = [order("2026-12-01T10:00:00Z", items([501, 0, 2], [999, 0, 7])), order("2026-12-02T10:00:00Z", items([501, 0, 2]))];
    expect(standing({ goal }, history(orders))).toMatchObject({ progress: 4, stamps: { filled: 4, total: 5 }, completedKeys: [] });
  });

  it("when an order that filled the card is refunded, then its stamps leave and the card is no longer full", () => {
    const full = [order("2026-12-01T10:00:00Z", items([501, 0, 3])), order("2026-12-02T10:00:00Z", items([501, 0, 2]))];
    expect(standing({ goal }, history(full))).toMatchObject({ stamps: { filled: 5, total: 5 }, completedKeys: ["once"] });
    const afterRefund = [full[0]!, { ...full[1]!, ...refunded }];
    expect(standing({ goal }, history(afterRefund))).toMatchObject({ stamps: { filled: 3, total: 5 }, completedKeys: [] });
  });

  it("when a card restarts on completion, then stamps beyond a full card start the next one", () => {
    const orders = [order("2026-12-01T10:00:00Z", items([501, 0, 7])), order("2026-12-02T10:00:00Z", items([501, 0, 5]))];
    expect(standing({ goal, repeat: { every: "completion" } }, history(orders))).toMatchObject({
      completedKeys: ["n1", "n2"],
      periodKey: "n3",
      level: 3,
      stamps: { filled: 2, total: 5 },
    });
  });
});

describe("windows in the store's time zone", () => {
  it("when an order is placed exactly at the start, it counts; exactly at the end, it does not", () => {
    const window = { startsAt: "2026-12-01T00:00:00+01:00", endsAt: "2026-12-08T00:00:00+01:00" };
    const h = history([order("2026-11-30T23:00:00Z"), order("2026-12-07T23:00:00Z"), order("2026-11-30T22:59:59.999Z")]);
    expect(standing({ window }, h, "2026-12-05T00:00:00Z", AMS)).toMatchObject({ progress: 1, startsAt: window.startsAt, endsAt: window.endsAt, open: true });
  });

  it("when now is before the start, then it is not started and says when it opens; at the end, it has ended", () => {
    const window = { startsAt: "2026-12-20T00:00:00Z", endsAt: "2026-12-31T00:00:00Z" };
    expect(standing({ window }, history([]), "2026-12-19T23:59:59Z")).toMatchObject({ open: false, reason: "not_started", nextAvailableAt: window.startsAt, visible: true });
    expect(standing({ window }, history([]), "2026-12-20T00:00:00Z")).toMatchObject({ open: true, reason: null });
    expect(standing({ window }, history([]), "2026-12-31T00:00:00Z")).toMatchObject({ open: false, reason: "ended" });
  });

  it("when the window is the last 7 days, then it counts from local midnight six days before today", () => {
    const window = { lastDays: 7 };
    // Now is 10 December 00:30 in Amsterdam; the window opens 4 December 00:00 Amsterdam = 3 December 23:00 UTC.
    const h = history([order("2026-12-03T22:59:59Z"), order("2026-12-03T23:00:00Z")]);
    expect(standing({ window }, h, "2026-12-09T23:30:00Z", AMS).progress).toBe(1);
    // In UTC it is still 9 December: the window opens 3 December 00:00 UTC and holds both.
    expect(standing({ window }, h, "2026-12-09T23:30:00Z", "UTC").progress).toBe(2);
  });

  it("when countFrom is set, then orders before it do not count", () => {
    const h = history([order("2026-12-01T10:00:00Z"), order("2026-12-02T10:00:00Z")]);
    expect(standing({ countFrom: "2026-12-01T10:00:00.001Z" }, h).progress).toBe(1);
  });
});

describe("repeats", () => {
  const daily = { goal: { kind: "orders", target: 1 }, repeat: { every: "day", cap: 2 } };

  it("when orders complete it on three days with a cap of 2, then the first two days are completed keys and the cap is reached", () => {
    const h = history([order("2026-12-01T10:00:00Z"), order("2026-12-02T10:00:00Z"), order("2026-12-03T10:00:00Z")]);
    expect(standing(daily, h, "2026-12-03T12:00:00Z")).toMatchObject({ completedKeys: ["2026-12-01", "2026-12-02"], reason: "cap_reached", open: false, nextAvailableAt: null });
  });

  it("when today is completed, then it is closed until the next local midnight", () => {
    const h = history([order("2026-12-03T10:00:00Z")]);
    expect(standing({ ...daily, repeat: { every: "day" } }, h, "2026-12-03T12:00:00Z", AMS)).toMatchObject({
      periodKey: "2026-12-03",
      completedKeys: ["2026-12-03"],
      open: false,
      reason: null,
      progress: 1,
      nextAvailableAt: "2026-12-03T23:00:00.000Z",
    });
  });

  it("when an order falls at 23:30 UTC on Sunday, then in Amsterdam it belongs to the next ISO week", () => {
    const weekly = { goal: { kind: "orders", target: 1 }, repeat: { every: "week" } };
    const h = history([order("2026-12-06T23:30:00Z")]);
    expect(standing(weekly, h, "2026-12-08T12:00:00Z", AMS).completedKeys).toEqual(["2026-W50"]);
    expect(standing(weekly, h, "2026-12-08T12:00:00Z", "UTC").completedKeys).toEqual(["2026-W49"]);
  });

  it("when a month's orders fall short, then that month is not completed, and progress shows this month only", () => {
    const monthly = { goal: { kind: "orders", target: 2 }, repeat: { every: "month" } };
    const h = history([order("2026-11-01T10:00:00Z"), order("2026-11-20T10:00:00Z"), order("2026-12-01T10:00:00Z")]);
    expect(standing(monthly, h)).toMatchObject({ completedKeys: ["2026-11"], periodKey: "2026-12", progress: 1, open: true });
  });

  it("when it restarts on completion with levels, then each level asks levelStep more and the cap ends it", () => {
    const levels = { goal: { kind: "orders", target: 2 }, repeat: { every: "completion", levelStep: 1, cap: 3 } };
    const five = history(Array.from({ length: 5 }, (_, day) => order(`2026-12-0${day + 1}T10:00:00Z`)));
    // Level 1 takes 2 orders, level 2 takes 3: five orders make two completions.
    expect(standing(levels, five)).toMatchObject({ completedKeys: ["n1", "n2"], level: 3, target: 4, progress: 0, periodKey: "n3", open: true });
    const nine = history(Array.from({ length: 9 }, (_, day) => order(`2026-12-0${day + 1}T10:00:00Z`)));
    expect(standing(levels, nine)).toMatchObject({ completedKeys: ["n1", "n2", "n3"], level: 3, reason: "cap_reached", open: false, progress: 4 });
  });
});

describe("shopper tasks", () => {
  it("when a task is done or approved, then it completes; pending, rejected or another challenge's completion does not", () => {
    const visit = { goal: { kind: "visit", url: "https://example.com/" } };
    expect(standing(visit, history([], { completions: [done("2026-12-01T10:00:00Z")] })).completedKeys).toEqual(["once"]);
    expect(standing(visit, history([], { completions: [done("2026-12-01T10:00:00Z", "approved")] })).completedKeys).toEqual(["once"]);
    const none = [done("2026-12-01T10:00:00Z", "pending"), done("2026-12-01T10:00:00Z", "rejected"), done("2026-12-01T10:00:00Z", "done", "ch_other")];
    expect(standing(visit, history([], { completions: none }))).toMatchObject({ completedKeys: [], open: true, progress: 0, target: 1 });
  });

  it("when a survey repeats monthly, then each month's answer is its own key", () => {
    const survey = { goal: { kind: "survey" }, repeat: { every: "month" } };
    const h = history([], { completions: [done("2026-11-05T10:00:00Z"), done("2026-12-02T10:00:00Z")] });
    expect(standing(survey, h)).toMatchObject({ completedKeys: ["2026-11", "2026-12"], open: false, nextAvailableAt: "2027-01-01T00:00:00.000Z" });
  });
});

describe("audience, hidden and status", () => {
  const since = { countFrom: "2026-12-01T00:00:00Z" };

  it("when a challenge is for new shoppers, then a member with a paid order before it started is outside it; returning is the reverse", () => {
    const before = history([order("2026-11-20T10:00:00Z")]);
    const after = history([order("2026-12-02T10:00:00Z")]);
    expect(standing({ ...since, audience: { kind: "new" } }, before)).toMatchObject({ visible: false, open: false, reason: "audience" });
    expect(standing({ ...since, audience: { kind: "new" } }, after)).toMatchObject({ visible: true, reason: null });
    expect(standing({ ...since, audience: { kind: "returning" } }, before).visible).toBe(true);
    expect(standing({ ...since, audience: { kind: "returning" } }, after).reason).toBe("audience");
  });

  it("when a challenge is for a tier or for buyers of a category, then only those members see it", () => {
    const tier = { audience: { kind: "tier", tierIds: ["tr_gold"] } };
    expect(standing(tier, history([], { member: { createdAt: "2026-01-01T00:00:00Z", birthday: null, tierId: "tr_gold" } })).visible).toBe(true);
    expect(standing(tier, history([])).reason).toBe("audience");
    const bought = { ...since, audience: { kind: "bought", categoryIds: [20] } };
    expect(standing(bought, history([order("2026-11-01T10:00:00Z", items([5, 20, 1]))])).visible).toBe(true);
    expect(standing(bought, history([order("2026-12-02T10:00:00Z", items([5, 20, 1]))])).visible).toBe(false);
  });

  it("when a challenge is hidden, then it shows only once completed; a draft never shows; an ended one stops", () => {
    const one = history([order("2026-12-01T10:00:00Z")]);
    expect(standing({ hidden: true }, one).visible).toBe(false);
    expect(standing({ hidden: true, goal: { kind: "orders", target: 1 } }, one).visible).toBe(true);
    expect(standing({ status: "draft" }, one)).toMatchObject({ visible: false, reason: "draft", open: false });
    expect(standing({ status: "ended" }, one)).toMatchObject({ visible: true, reason: "ended", open: false });
  });

  it("when new or returning shoppers are targeted without a start, then the schema asks for one at the audience", () => {
    const result = challengeSchema.safeParse({ id: "ch_t", title: "T", points: 10, goal: { kind: "orders", target: 1 }, audience: { kind: "new" } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["audience", "kind"]]);
  });
});
