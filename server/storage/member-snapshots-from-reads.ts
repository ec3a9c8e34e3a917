import type { MemberSnapshotReader } from "../modules/storefront/member-snapshot.js";
import type { Storage } from "./storage.port.js";

/** The member snapshot made of the store's separate reads inside one read unit of work (lowdb, where each read is in memory). */
export function memberSnapshotsFromReads(storage: Pick<Storage, "read">): MemberSnapshotReader {
  return {
    read: (storeId, memberId, { ledgerLimit, keyPrefix, redemptionLimit, redemptionCounts, sourceTallies }) =>
      storage.read(storeId, async (tx) => {
        const member = await tx.members.get(storeId, memberId);
        if (!member) return null;
        const { items } = await tx.ledger.listForMember(storeId, memberId, { limit: ledgerLimit, offset: 0 });
        const counts = [];
        for (const { rewardId, ...query } of redemptionCounts) counts.push(await tx.redemptions.countForReward(storeId, rewardId, query));
        const tallies = [];
        for (const { source, since } of sourceTallies) tallies.push(await tx.ledger.tallyBySource(storeId, source, since));
        return {
          member,
          recentLedger: items,
          orders: await tx.orders.listForMember(storeId, memberId),
          completions: await tx.tasks.listForMember(storeId, memberId),
          prefixedKeys: await tx.ledger.memberKeys(storeId, memberId, keyPrefix),
          heldPoints: await tx.redemptions.heldPoints(storeId, memberId),
          recentRedemptions: await tx.redemptions.listForMember(storeId, memberId, redemptionLimit),
          redemptionCounts: counts,
          sourceTallies: tallies,
        };
      }),
  };
}
