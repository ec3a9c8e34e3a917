import type { LedgerEntry, LedgerSource, SourceTally } from "../ledger/ledger-entry.js";
import type { Member } from "../members/member.js";
import type { OrderRecord } from "../orders/order-record.js";
import type { TaskCompletion } from "../program/task-completion.js";
import type { Redemption, RedemptionCountQuery, RedemptionTally } from "../rewards/redemption.js";

/** What the widget's `/me` reads of one member, all from one consistent view of the store. */
export interface MemberSnapshot {
  member: Member;
  /** The newest entries first, at most `ledgerLimit` (the first page of `ledger.listForMember`). */
  recentLedger: LedgerEntry[];
  /** Every order record of the member, as `orders.listForMember` gives them. */
  orders: OrderRecord[];
  /** Every shopper-task completion of the member, oldest first (`tasks.listForMember`). */
  completions: TaskCompletion[];
  /** The member's ledger keys that start with `keyPrefix` (`ledger.memberKeys`): their challenges' payouts. */
  prefixedKeys: string[];
  /** Points held by the member's pending redemptions (`redemptions.heldPoints`). */
  heldPoints: number;
  /** The member's newest redemptions first, at most `redemptionLimit` (`redemptions.listForMember`). */
  recentRedemptions: Redemption[];
  /** One per `redemptionCounts` of the query, in its order, as `redemptions.countForReward` answers it. */
  redemptionCounts: RedemptionTally[];
  /** One per `sourceTallies` of the query, in its order, as `ledger.tallyBySource` answers it (challenges' limits). */
  sourceTallies: SourceTally[];
}

export interface MemberSnapshotQuery {
  ledgerLimit: number;
  keyPrefix: string;
  redemptionLimit: number;
  /** What limits and budgets count (`rewardsUseCounts`); only the rewards that need them ask. */
  redemptionCounts: RedemptionCountQuery[];
  /** What challenges' winners and budgets count; only challenges with limits ask. */
  sourceTallies: { source: LedgerSource; since: string | null }[];
}

/** One read for the storefront's hottest route: PostgreSQL answers it in a single statement. */
export interface MemberSnapshotReader {
  /** Null when the store has no such member. */
  read(storeId: number, memberId: string, query: MemberSnapshotQuery): Promise<MemberSnapshot | null>;
}
