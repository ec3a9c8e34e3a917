import { describe, expect, it } from "vitest";
import { isKnownTimeZone, nextPeriodStart, periodKey, previousPeriodKey } from "../../server/modules/program/period.rules.js";

describe("calendar periods in the store's time zone", () => {
  it("when an instant is late evening UTC, then its day in Amsterdam is already the next one", () => {
    const instant = new Date("2026-12-31T23:30:00Z");
    expect(periodKey("day", instant, "UTC")).toBe("2026-12-31");
    expect(periodKey("day", instant, "Europe/Amsterdam")).toBe("2027-01-01");
    expect(periodKey("month", instant, "Europe/Amsterdam")).toBe("2027-01");
    expect(periodKey("month", instant, "America/New_York")).toBe("2026-12");
  });

  it("when weeks are keyed, then they follow ISO weeks across a year's end", () => {
    expect(periodKey("week", new Date("2026-12-31T12:00:00Z"), "UTC")).toBe("2026-W53");
    expect(periodKey("week", new Date("2027-01-04T12:00:00Z"), "UTC")).toBe("2027-W01");
    expect(periodKey("week", new Date("2025-12-29T12:00:00Z"), "UTC")).toBe("2026-W01");
  });

  it("when the period before a key is asked for, then it steps back across months, years and ISO weeks", () => {
    expect(previousPeriodKey("month", "2027-01")).toBe("2026-12");
    expect(previousPeriodKey("month", "2026-10")).toBe("2026-09");
    expect(previousPeriodKey("day", "2026-03-01")).toBe("2026-02-28");
    expect(previousPeriodKey("week", "2027-W01")).toBe("2026-W53");
    expect(previousPeriodKey("week", "2026-W01")).toBe("2025-W52");
    expect(previousPeriodKey("week", "2026-W10")).toBe("2026-W09");
  });

  it("when the next period's start is asked for, then it is local midnight, across a change to summer time", () => {
    expect(nextPeriodStart("day", new Date("2026-12-01T10:00:00Z"), "UTC").toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(nextPeriodStart("day", new Date("2026-12-01T10:00:00Z"), "Europe/Amsterdam").toISOString()).toBe("2026-12-01T23:00:00.000Z");
    // Europe/Amsterdam moves to UTC+2 on 29 March 2026: 30 March begins at 22:00 UTC on the 29th.
    expect(nextPeriodStart("day", new Date("2026-03-29T10:00:00Z"), "Europe/Amsterdam").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(nextPeriodStart("week", new Date("2026-12-02T10:00:00Z"), "UTC").toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(nextPeriodStart("week", new Date("2026-12-06T23:59:00Z"), "UTC").toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(nextPeriodStart("month", new Date("2026-12-15T10:00:00Z"), "America/New_York").toISOString()).toBe("2027-01-01T05:00:00.000Z");
    expect(nextPeriodStart("month", new Date("2026-12-15T10:00:00Z"), "Asia/Kolkata").toISOString()).toBe("2026-12-31T18:30:00.000Z");
  });

  it("when a zone name is not one the runtime knows, then it is said so", () => {
    expect(isKnownTimeZone("Europe/Oslo")).toBe(true);
    expect(isKnownTimeZone("Mars/Olympus")).toBe(false);
  });
});
