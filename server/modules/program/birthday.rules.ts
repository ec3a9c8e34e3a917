import type { MemberGame } from "../members/member.js";
import { localDate } from "./period.rules.js";

/** "MM-DD" of a birthday given as "MM-DD" or "YYYY-MM-DD". */
export const birthdayDay = (birthday: string): string => birthday.slice(-5);

/** When a birthday set at `setAt` may be changed again: a year later (a birthday set on Feb 29 waits until Mar 1). */
export function nextBirthdayChange(setAt: string | null): Date | null {
  if (setAt === null) return null;
  const next = new Date(setAt);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

/** Whether the shopper may give `birthday` now: the first time, the same day again, or a change a year after the last. */
export function mayChangeBirthday(game: MemberGame, birthday: string, now: Date): boolean {
  if (game.birthday === null || birthdayDay(game.birthday) === birthdayDay(birthday)) return true;
  const next = nextBirthdayChange(game.birthdaySetAt);
  return next === null || now.getTime() >= next.getTime();
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The birthdays ("MM-DD") celebrated on the store's local day of `now`: that day, and Feb 29 on Feb 28 of a
 * year without one. Also the local year, which keys the yearly bonus.
 */
export function birthdaysOn(now: Date, timeZone: string): { year: number; days: string[] } {
  const { year, month, day } = localDate(now, timeZone);
  const today = `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { year, days: today === "02-28" && !isLeapYear(year) ? [today, "02-29"] : [today] };
}

/** A tier's birthday points: one per member and local year, whichever tier they hold (a change of tier that day pays nothing twice). */
export const tierBirthdayKey = (memberId: string, year: number) => `birthday-tier:${memberId}:${year}`;

/** The yearly bonus of a birthday challenge: one per challenge, member and local year. */
export const birthdayBonusKey = (challengeId: string, memberId: string, year: number) => `birthday:${challengeId}:${memberId}:${year}`;
