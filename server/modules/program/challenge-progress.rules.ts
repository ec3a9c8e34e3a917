import type { OrderRecord } from "../orders/order-record.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { goalEvents, orderHolds, tally, type ReferralHistory } from "./goal-events.rules.js";
import { localDate, nextPeriodStart, periodKey, startOfLocalDay } from "./period.rules.js";
import type { ChallengeStanding, StandingReason } from "./standing-schema.js";
import type { TaskCompletion } from "./task-completion.js";

export type { ChallengeStanding } from "./standing-schema.js";
export type { ReferralHistory } from "./goal-events.rules.js";

export type Challenge = ProgramSettings["challenges"][number];

export interface ChallengeHistory {
  orders: OrderRecord[];
  /** The member's shopper-task completions. */
  completions: TaskCompletion[];
  member: { createdAt: string; birthday: string | null; tierId: string | null };
  referrals: ReferralHistory;
}

const DAY_MS = 86_400_000;

/** The first instant that counts: the latest of the window's start, `countFrom` and the first of the last N local days. */
function countsFrom(challenge: Challenge, now: Date, timeZone: string): number {
  const { startsAt, lastDays } = challenge.window;
  let from = Number.NEGATIVE_INFINITY;
  if (startsAt) from = Date.parse(startsAt);
  if (challenge.countFrom) from = Math.max(from, Date.parse(challenge.countFrom));
  if (lastDays !== null) {
    const { year, month, day } = localDate(now, timeZone);
    const first = new Date(Date.UTC(year, month - 1, day) - (lastDays - 1) * DAY_MS);
    from = Math.max(from, startOfLocalDay(first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate(), timeZone).getTime());
  }
  return from;
}

/**
 * Whether the member is in the challenge's audience. New and returning are told apart by a counted order placed
 * before the challenge starts (its window's start, else `countFrom`; the schema asks for one of them); "bought"
 * looks at counted orders placed before that start, or before now when it has none.
 */
export function inAudience(challenge: Challenge, history: ChallengeHistory, now: Date): boolean {
  const { audience } = challenge;
  const start = challenge.window.startsAt ?? challenge.countFrom;
  const before = start ? Date.parse(start) : now.getTime();
  const earlier = history.orders.filter((order) => order.counted && Date.parse(order.placedAt) < before);
  switch (audience.kind) {
    case "everyone":
      return true;
    case "tier":
      return history.member.tierId !== null && audience.tierIds.includes(history.member.tierId);
    case "bought":
      return earlier.some((order) => orderHolds(order, audience));
    case "new":
      return earlier.length === 0;
    case "returning":
      return earlier.length > 0;
  }
}

/**
 * Where the member stands on a challenge, from their history alone (no I/O, no clock): what counts is what falls
 * inside the window (start inclusive, end exclusive, `countFrom`, the last N days in the store's time zone); a
 * repeat counts per calendar period in the store's time zone, or again after each completion with each level's
 * target raised by `levelStep`. Limits (winners, budgets) are the payouts' to judge: this never says "closed".
 */
export function challengeStanding(challenge: Challenge, history: ChallengeHistory, now: Date, timeZone: string): ChallengeStanding {
  const { goal, repeat, window } = challenge;
  const from = countsFrom(challenge, now, timeZone);
  const until = window.endsAt ? Date.parse(window.endsAt) : Number.POSITIVE_INFINITY;
  const events = goalEvents(goal, history, challenge.id).filter((event) => event.at >= from && event.at < until);
  const targetOf = (level: number) => goal.target + (level - 1) * repeat.levelStep;
  const cap = repeat.cap ?? Number.POSITIVE_INFINITY;

  let completedKeys: string[];
  let key: string;
  let progress: number;
  let level = 1;
  let nextAvailableAt: string | null = null;
  if (repeat.every === "once") {
    const run = tally(goal, events, targetOf, 1, now, timeZone);
    completedKeys = run.completions > 0 ? ["once"] : [];
    key = "once";
    progress = run.completions > 0 ? goal.target : run.progress;
  } else if (repeat.every === "completion") {
    const run = tally(goal, events, targetOf, cap, now, timeZone);
    completedKeys = Array.from({ length: run.completions }, (_, index) => `n${index + 1}`);
    level = Math.min(run.completions + 1, cap);
    key = `n${level}`;
    progress = run.completions >= cap ? targetOf(level) : run.progress;
  } else {
    const every = repeat.every;
    const periods = new Map<string, typeof events>();
    for (const event of events) {
      const period = periodKey(every, new Date(event.at), timeZone);
      periods.set(period, [...(periods.get(period) ?? []), event]);
    }
    const completes = (period: string) => tally(goal, periods.get(period) ?? [], targetOf, 1, now, timeZone);
    completedKeys = [...periods.keys()]
      .sort()
      .filter((period) => completes(period).completions > 0)
      .slice(0, cap);
    key = periodKey(every, now, timeZone);
    const current = completes(key);
    progress = current.completions > 0 ? goal.target : current.progress;
    const next = nextPeriodStart(every, now, timeZone);
    if (completedKeys.includes(key) && completedKeys.length < cap && next.getTime() < until) nextAvailableAt = next.toISOString();
  }

  const completed = completedKeys.length > 0;
  const audience = inAudience(challenge, history, now);
  const reason: StandingReason | null =
    challenge.status === "draft"
      ? "draft"
      : !audience
        ? "audience"
        : challenge.status === "ended" || now.getTime() >= until
          ? "ended"
          : window.startsAt && now.getTime() < Date.parse(window.startsAt)
            ? "not_started"
            : repeat.every !== "once" && completedKeys.length >= cap
              ? "cap_reached"
              : null;
  const target = targetOf(level);
  return {
    visible: challenge.status !== "draft" && audience && (!challenge.hidden || completed),
    open: reason === null && !completedKeys.includes(key),
    reason,
    periodKey: key,
    progress: Math.min(progress, target),
    target,
    level,
    completedKeys,
    startsAt: window.startsAt,
    endsAt: window.endsAt,
    nextAvailableAt: reason === "not_started" ? window.startsAt : nextAvailableAt,
    stamps: goal.kind === "stamps" ? { filled: Math.min(progress, target), total: target } : null,
  };
}
