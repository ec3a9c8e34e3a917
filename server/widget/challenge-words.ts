import type { Format } from "./format.js";
import type { Challenge, ChallengeStanding, Goal, ProofStanding } from "./types.js";

/** How far toward a goal, in words: "2 of 5 orders", "$20.00 of $50.00 spent", "3 of 4 weeks in a row"; empty for a one-click task. */
export function goalText(f: Format, goal: Goal, progress: number, target: number): string {
  if (goal.kind === "spend") return f.t("goal.spend", { progress: f.money(progress), target: f.money(target) });
  return f.t(goal.kind === "streak" ? `goal.streak.${goal.period}` : `goal.${goal.kind}`, { progress: f.number(progress), target: f.number(target) });
}

/** "Starts May 3" before the window opens, "Ends in 3 days" while it runs; empty without an end. */
export function windowText(f: Format, { startsAt, endsAt }: { startsAt: string | null; endsAt: string | null }): string {
  const now = Date.now();
  if (startsAt && Date.parse(startsAt) > now) return f.t("window.starts", { date: f.date(startsAt) });
  return endsAt && Date.parse(endsAt) > now ? f.t("window.ends", { when: f.when(endsAt) }) : "";
}

/** A member's state of a challenge that is not open now: done for this period and when again, sold out, over. */
export function standingText(f: Format, challenge: Challenge, { reason, nextAvailableAt }: ChallengeStanding): string {
  const every = challenge.repeat.every;
  if (reason === "closed" || reason === "ended") return f.t(`challenge.${reason}`);
  // Before the start, the window's words say when.
  if (!nextAvailableAt || reason === "not_started") return "";
  return f.t(`again.${every === "day" || every === "week" || every === "month" ? every : "other"}`, {
    date: every === "week" ? f.day(nextAvailableAt) : f.date(nextAvailableAt),
  });
}

/** Proof sent for this period: waiting for the merchant, or turned down with the reason they gave. */
export const proofText = (f: Format, { status, reason }: NonNullable<ProofStanding>): string =>
  status === "pending" ? f.t("proof.pending") : reason ? f.t("proof.rejected", { reason }) : f.t("proof.declined");
