import type { ProgramSettings } from "../settings/program-settings.js";
import { goalEvents, tally } from "./goal-events.rules.js";
import type { ChallengeHistory, ChallengeStanding } from "./challenge-progress.rules.js";

type Badge = ProgramSettings["badges"][number];

/** How far the member's history is toward a badge's milestone (its goal measured once over the whole history). */
export function milestoneProgress(goal: NonNullable<Badge["goal"]>, history: ChallengeHistory, now: Date, timeZone: string) {
  const run = tally(goal, goalEvents(goal, history, ""), () => goal.target, 1, now, timeZone);
  const reached = run.completions > 0;
  return { reached, progress: reached ? goal.target : Math.min(run.progress, goal.target), target: goal.target };
}

/**
 * A badge is earned while its milestone is reached or a challenge naming it is paid; nothing about it is stored.
 * A locked one says what it takes (its milestone, and the challenges that give it) and how far the member is:
 * the milestone's progress, else the challenge closest to done.
 */
export function badgeStanding(
  badge: Badge,
  history: ChallengeHistory,
  challenges: { id: string; badgeIds: string[]; standing: ChallengeStanding; paid: boolean }[],
  now: Date,
  timeZone: string,
) {
  const givers = challenges.filter((challenge) => challenge.badgeIds.includes(badge.id));
  const milestone = badge.goal ? milestoneProgress(badge.goal, history, now, timeZone) : null;
  const earned = (milestone?.reached ?? false) || givers.some((challenge) => challenge.paid);
  const visible = givers.filter((challenge) => challenge.standing.visible);
  const closest = [...visible].sort((a, b) => b.standing.progress / b.standing.target - a.standing.progress / a.standing.target)[0];
  const measure = milestone ?? (closest ? { progress: closest.standing.progress, target: closest.standing.target } : { progress: 0, target: 1 });
  return {
    id: badge.id,
    icon: badge.icon,
    earned,
    goal: badge.goal,
    challengeIds: visible.map((challenge) => challenge.id),
    progress: earned ? measure.target : measure.progress,
    target: measure.target,
  };
}
