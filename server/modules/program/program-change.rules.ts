import type { ProgramSettings } from "../settings/program-settings.js";
import { measuredChallenges } from "./challenge-awards.js";

type Challenge = ProgramSettings["challenges"][number];

/** What decides who a challenge pays: a change to any of these may make a completion due. */
const measured = (challenge: Challenge) =>
  JSON.stringify([challenge.goal, challenge.countFrom ?? null, challenge.window, challenge.repeat, challenge.audience, challenge.status, challenge.limits]);

/**
 * The challenges a program change asks to measure every member's history against: order and referral challenges added, and
 * those whose goal, counting start, window, repeat, audience, status or limits changed. Shopper tasks are paid as
 * they are done; badges are measured whenever they are shown and pay nothing: neither needs the job.
 */
export function challengesToMeasure(before: ProgramSettings, after: ProgramSettings): string[] {
  const previous = new Map(before.challenges.map((challenge) => [challenge.id, challenge]));
  return measuredChallenges(after.challenges)
    .filter((challenge) => challenge.status !== "draft")
    .filter((challenge) => {
      const earlier = previous.get(challenge.id);
      return !earlier || measured(earlier) !== measured(challenge);
    })
    .map((challenge) => challenge.id);
}
