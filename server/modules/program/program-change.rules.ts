import type { ProgramSettings } from "../settings/program-settings.js";

/**
 * The challenges a program change asks to measure every member against: those added, and those whose goal
 * or counting start changed. Badges are measured whenever they are shown and pay nothing, so they need no job.
 */
export function challengesToMeasure(before: ProgramSettings, after: ProgramSettings): string[] {
  const previous = new Map(before.challenges.map((challenge) => [challenge.id, challenge]));
  return after.challenges
    .filter((challenge) => {
      const earlier = previous.get(challenge.id);
      if (!earlier) return true;
      const goalChanged = earlier.goal.kind !== challenge.goal.kind || earlier.goal.target !== challenge.goal.target;
      return goalChanged || (earlier.countFrom ?? null) !== (challenge.countFrom ?? null);
    })
    .map((challenge) => challenge.id);
}
