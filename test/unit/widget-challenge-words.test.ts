import { describe, expect, it } from "vitest";
import { WIDGET_TEXTS } from "../../server/modules/i18n/widget-texts.js";
import { challengeSchema } from "../../server/modules/settings/program-settings.js";
import { goalText, proofText, standingText, windowText } from "../../server/widget/challenge-words.js";
import { createFormat } from "../../server/widget/format.js";
import type { Challenge, ChallengeStanding, Program } from "../../server/widget/types.js";

const program = { lang: "en", currency: "USD", currencyPrecision: 2, texts: WIDGET_TEXTS.en } as unknown as Program;
const f = createFormat(program, { OnAPILoaded: { add: () => undefined }, getOwnerId: () => 1 });
const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR + 60_000).toISOString();
const challenge = (repeat: Record<string, unknown>): Challenge =>
  challengeSchema.parse({ id: "ch_coffee", title: "Coffee", points: 10, goal: { kind: "orders", target: 1 }, repeat }) as Challenge;
const standing = (fields: Partial<ChallengeStanding>): ChallengeStanding => ({ reason: null, nextAvailableAt: null, ...fields }) as ChallengeStanding;

describe("a challenge's goal in words", () => {
  it("when each order kind is described, then it says how far in the store's money or in counts; a one-click task says nothing", () => {
    expect(goalText(f, { kind: "orders", target: 5 }, 2, 5)).toBe("2 of 5 orders");
    expect(goalText(f, { kind: "spend", target: 5_000 }, 2_000, 5_000)).toBe("$20.00 of $50.00 spent");
    expect(goalText(f, { kind: "streak", target: 4, period: "week" }, 3, 4)).toBe("3 of 4 weeks in a row");
    expect(goalText(f, { kind: "stamps", target: 10, productIds: [1], categoryIds: [] }, 3, 10)).toBe("3 of 10 stamps");
    expect(goalText(f, { kind: "first_order", target: 1 }, 0, 1)).toBe("Place your first order");
    expect(goalText(f, { kind: "visit", target: 1, url: "https://example.com", network: "website" }, 0, 1)).toBe("");
  });
});

describe("a challenge's window in words", () => {
  it("when it has not started, then it says the day it starts; while it runs, how long is left, in hours, days, or the date beyond a week", () => {
    const start = inHours(72);
    expect(windowText(f, { startsAt: start, endsAt: null })).toBe(`Starts ${f.date(start)}`);
    expect(windowText(f, { startsAt: null, endsAt: inHours(5) })).toBe("Ends in 5 hours");
    expect(windowText(f, { startsAt: inHours(-1), endsAt: inHours(72) })).toBe("Ends in 3 days");
    const far = inHours(24 * 30);
    expect(windowText(f, { startsAt: null, endsAt: far })).toBe(`Ends ${f.date(far)}`);
  });

  it("when it has ended or has no end, then it says nothing", () => {
    expect(windowText(f, { startsAt: null, endsAt: inHours(-2) })).toBe("");
    expect(windowText(f, { startsAt: inHours(-2), endsAt: null })).toBe("");
  });
});

describe("a member's standing in words", () => {
  it("when it is done for this period, then it says when it comes back: tomorrow, a weekday, or a date", () => {
    expect(standingText(f, challenge({ every: "day" }), standing({ nextAvailableAt: inHours(5) }))).toBe("Done today, again tomorrow");
    const monday = inHours(48);
    const weekday = new Intl.DateTimeFormat("en", { weekday: "long" }).format(new Date(monday));
    expect(standingText(f, challenge({ every: "week" }), standing({ nextAvailableAt: monday }))).toBe(`Done this week, again from ${weekday}`);
    const first = inHours(24 * 20);
    expect(standingText(f, challenge({ every: "month" }), standing({ nextAvailableAt: first }))).toBe(`Done this month, again from ${f.date(first)}`);
  });

  it("when its budget or winners are used up or it has ended, then it says so; an open one, or one yet to start, says nothing", () => {
    expect(standingText(f, challenge({}), standing({ reason: "closed" }))).toBe("All rewards have been claimed");
    expect(standingText(f, challenge({}), standing({ reason: "ended" }))).toBe("Ended");
    expect(standingText(f, challenge({}), standing({}))).toBe("");
    expect(standingText(f, challenge({ every: "week" }), standing({ reason: "not_started", nextAvailableAt: inHours(48) }))).toBe("");
  });
});

describe("proof in words", () => {
  it("when proof waits for review, then it says so; when turned down, then it gives the merchant's reason, or just that it was not approved", () => {
    expect(proofText(f, { status: "pending", reason: null })).toBe("Waiting for review");
    expect(proofText(f, { status: "rejected", reason: "The link shows no review" })).toBe("Not approved: The link shows no review");
    expect(proofText(f, { status: "rejected", reason: null })).toBe("Not approved");
  });
});
