import type { Clock } from "../../lib/clock.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import { post } from "../ledger/posting.js";
import type { OrderRecord } from "../orders/order-record.js";
import { challengeRewardKey, challengesDue, type Challenge } from "./progress.rules.js";

/** What one call paid: challenges and points. */
export interface ChallengePayout {
  challenges: number;
  points: number;
}

/**
 * Pays every challenge the member's history now completes, once each: the key per challenge and member
 * makes a repeat write nothing. A challenge stays paid if a later refund drops the history below its goal.
 */
export async function payDueChallenges(
  tx: Pick<StoreTransaction, "ledger">,
  storeId: number,
  memberId: string,
  orders: OrderRecord[],
  challenges: Challenge[],
  clock: Clock,
): Promise<ChallengePayout> {
  const paid = new Set(
    await tx.ledger.existingKeys(
      storeId,
      challenges.map((challenge) => challengeRewardKey(challenge.id, memberId)),
    ),
  );
  const payout: ChallengePayout = { challenges: 0, points: 0 };
  for (const challenge of challengesDue(challenges, orders, paid, memberId)) {
    const { created } = await post(
      tx,
      storeId,
      {
        memberId,
        delta: challenge.points,
        kind: "earn_task",
        source: { type: "task", id: challenge.id },
        idempotencyKey: challengeRewardKey(challenge.id, memberId),
        actor: "system",
        note: `Challenge completed: ${challenge.title}`,
        basis: { challengeId: challenge.id, title: challenge.title, goal: challenge.goal, countFrom: challenge.countFrom ?? null, points: challenge.points },
      },
      clock.now(),
    );
    if (created) {
      payout.challenges++;
      payout.points += challenge.points;
    }
  }
  return payout;
}
