import type { Clock } from "../../lib/clock.js";
import { newId } from "../../lib/ids.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import type { MemberStats } from "../members/member.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { challengeRewardKey, completedChallenges } from "./progress.rules.js";

/**
 * Pays every challenge the member's history now completes, once each: the key per challenge and member
 * makes a repeat write nothing. A challenge stays paid if a later refund drops the history below its goal.
 */
export async function awardCompletedChallenges(
  tx: StoreTransaction,
  storeId: number,
  memberId: string,
  stats: MemberStats,
  settings: ProgramSettings,
  clock: Clock,
): Promise<number> {
  let awarded = 0;
  for (const challenge of completedChallenges(settings, stats)) {
    const { created } = await tx.ledger.append(storeId, {
      id: newId("led"),
      storeId,
      memberId,
      delta: challenge.points,
      kind: "earn_task",
      source: { type: "task", id: challenge.id },
      idempotencyKey: challengeRewardKey(challenge.id, memberId),
      actor: "system",
      note: `Challenge completed: ${challenge.title}`,
      basis: { challengeId: challenge.id, goal: challenge.goal, points: challenge.points },
      createdAt: clock.now().toISOString(),
    });
    if (created) awarded++;
  }
  return awarded;
}
