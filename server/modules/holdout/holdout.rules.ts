import { createHmac } from "node:crypto";
import { z } from "zod";
import type { Member } from "../members/member.js";

const DAY_MS = 86_400_000;
/** A holdout may run up to a year: past that a merchant compares seasons, not the program. */
const MAX_DAYS = 366;

/**
 * The holdout: `percent` of the members who join from `from` to `until` (UTC days, both included) are left out of the
 * program until the end of `until`; 0 (the default) runs none.
 */
export const holdoutSettingsSchema = z
  .strictObject({
    percent: z.number().int().min(0).max(50).default(0),
    from: z.iso.date().nullable().default(null),
    until: z.iso.date().nullable().default(null),
  })
  .superRefine((holdout, context) => {
    if (holdout.percent === 0) return;
    if (holdout.from === null || holdout.until === null) {
      context.addIssue({ code: "custom", path: [holdout.from === null ? "from" : "until"], message: "is needed for a holdout", params: { code: "required" } });
      return;
    }
    const days = (Date.parse(holdout.until) - Date.parse(holdout.from)) / DAY_MS + 1;
    if (days < 1) context.addIssue({ code: "custom", path: ["until"], message: "must not be before the start", params: { code: "too_small" } });
    if (days > MAX_DAYS) context.addIssue({ code: "custom", path: ["until"], message: `must be at most ${MAX_DAYS} days after the start`, params: { code: "too_big" } });
  });
export type HoldoutSettings = z.infer<typeof holdoutSettingsSchema>;

/** Drawn once, when a member joins while a holdout runs, and never changed: left out (`held`) or in the program, and until when. */
export interface MemberHoldout {
  held: boolean;
  /** The end of the holdout the member was drawn in (exclusive). */
  until: string;
  drawnAt: string;
}

/** The holdout's span as instants: from the start of `from` to the end of `until` (UTC), or null when none runs. */
export function holdoutSpan(settings: HoldoutSettings): { start: Date; end: Date } | null {
  if (settings.percent === 0 || settings.from === null || settings.until === null) return null;
  return { start: new Date(`${settings.from}T00:00:00Z`), end: new Date(Date.parse(`${settings.until}T00:00:00Z`) + DAY_MS) };
}

/**
 * A joining member's draw: null outside a running holdout, else held out with the chance `percent`. The draw is an
 * HMAC of the store and the member's id, a random id the shopper never chooses: the same member always draws the
 * same, and nobody can pick a side by signing up again.
 */
export function drawHoldout(settings: HoldoutSettings, storeId: number, memberId: string, now: Date): MemberHoldout | null {
  const span = holdoutSpan(settings);
  if (!span || now < span.start || now >= span.end) return null;
  const draw = createHmac("sha256", "questline-holdout").update(`${storeId}:${memberId}`).digest().readUInt32BE(0) / 2 ** 32;
  return { held: draw < settings.percent / 100, until: span.end.toISOString(), drawnAt: now.toISOString() };
}

/** Whether the member is left out of the program at `at`: held, and the holdout they were drawn in not over. */
export const inHoldout = (holdout: MemberHoldout | null | undefined, at: Date): boolean => holdout?.held === true && at.getTime() < Date.parse(holdout.until);

/** A new member completed with their draw, for `findOrCreateMember` when a shopper joins (an order, a sign-in). */
export const joinDraw =
  (settings: HoldoutSettings, storeId: number, now: Date) =>
  (member: Member): Member => ({ ...member, holdout: drawHoldout(settings, storeId, member.id, now) });
