import { describe, expect, it } from "vitest";
import { freshGame } from "../../server/modules/members/member.js";
import { birthdaysOn, mayChangeBirthday, nextBirthdayChange } from "../../server/modules/program/birthday.rules.js";

describe("birthdays", () => {
  it("when the store's local day is a birthday, then it is celebrated on that day in the store's time zone, not in UTC", () => {
    // 23:30 UTC on Mar 14 is already Mar 15 in Amsterdam and still Mar 14 in New York.
    const now = new Date("2026-03-14T23:30:00Z");
    expect(birthdaysOn(now, "Europe/Amsterdam")).toEqual({ year: 2026, days: ["03-15"] });
    expect(birthdaysOn(now, "America/New_York")).toEqual({ year: 2026, days: ["03-14"] });
    // New Year's Eve in UTC is already the next year in Tokyo: the bonus is keyed by the local year.
    expect(birthdaysOn(new Date("2026-12-31T20:00:00Z"), "Asia/Tokyo")).toEqual({ year: 2027, days: ["01-01"] });
  });

  it("when a year has no Feb 29, then Feb 29 birthdays are celebrated on Feb 28, and only then", () => {
    expect(birthdaysOn(new Date("2027-02-28T12:00:00Z"), "UTC").days).toEqual(["02-28", "02-29"]);
    expect(birthdaysOn(new Date("2028-02-28T12:00:00Z"), "UTC").days).toEqual(["02-28"]);
    expect(birthdaysOn(new Date("2028-02-29T12:00:00Z"), "UTC").days).toEqual(["02-29"]);
  });

  it("when a birthday was set, then it can be given again unchanged at once but changed only a year later, to the millisecond", () => {
    const setAt = "2026-05-10T08:00:00.000Z";
    const game = { ...freshGame(), birthday: "1990-05-10", birthdaySetAt: setAt };
    expect(mayChangeBirthday(freshGame(), "05-10", new Date(setAt))).toBe(true);
    expect(mayChangeBirthday(game, "05-10", new Date("2026-05-11T00:00:00Z"))).toBe(true);
    expect(mayChangeBirthday(game, "1991-05-10", new Date("2026-05-11T00:00:00Z"))).toBe(true);
    expect(mayChangeBirthday(game, "06-01", new Date("2027-05-10T07:59:59.999Z"))).toBe(false);
    expect(mayChangeBirthday(game, "06-01", new Date("2027-05-10T08:00:00.000Z"))).toBe(true);
    expect(nextBirthdayChange(setAt)?.toISOString()).toBe("2027-05-10T08:00:00.000Z");
    expect(nextBirthdayChange(null)).toBeNull();
  });
});
