import { describe, expect, it } from "vitest";
import { aCompletion, aLedgerEntry, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";
import { anOrderRecord } from "./program.contract.js";
import { aRedemption } from "./redemptions.contract.js";

export function describeMemberSnapshotContract(h: ContractHarness): void {
  describe("member snapshots", () => {
    it("when a member with entries, orders, task completions, paid keys and redemptions is read at once, then it equals the separate reads", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const other = await insertMember(h.storage, storeId);
      await h.storage.transaction(storeId, async (tx) => {
        // 12 entries, some out of time order and three pairs at the same minute (ties break by insertion).
        for (let i = 0; i < 12; i += 1) {
          await tx.ledger.append(
            storeId,
            aLedgerEntry(storeId, member.id, { delta: i - 3, createdAt: minutesAfter(Math.floor(i / 2) * 2 + (i % 4 === 0 ? 1 : 0)), note: `n${i}` }),
          );
        }
        const task = { kind: "earn_task", source: { type: "task", id: "ch_1" } } as const;
        await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { ...task, idempotencyKey: "task:ch_1:paid", delta: 30, createdAt: minutesAfter(3) }));
        await tx.ledger.append(
          storeId,
          aLedgerEntry(storeId, member.id, { ...task, kind: "reverse", idempotencyKey: "task-reversal:ch_1:paid", delta: -30, createdAt: minutesAfter(9) }),
        );
        await tx.ledger.append(storeId, aLedgerEntry(storeId, other.id, { ...task, idempotencyKey: "task:ch_1:other", delta: 30, createdAt: minutesAfter(9) }));
        await tx.orders.save(storeId, anOrderRecord(storeId, member.id, { orderId: "o-2", internalId: 900, placedAt: "2026-03-02T08:15:30.123Z" }));
        await tx.orders.save(storeId, anOrderRecord(storeId, member.id, { orderId: "o-1", counted: false, eligibleMinor: 0, paymentStatus: "REFUNDED" }));
        await tx.orders.save(storeId, anOrderRecord(storeId, member.id, { orderId: "o-2", revision: 2, eligibleMinor: 1200 }));
        await tx.orders.save(storeId, anOrderRecord(storeId, other.id, { orderId: "o-3" }));
        await tx.tasks.insert(
          storeId,
          aCompletion(storeId, member.id, { challengeId: "ch_nps", periodKey: "2026-03", answer: { score: 8, comment: "Quick" }, completedAt: minutesAfter(4) }),
        );
        await tx.tasks.insert(storeId, aCompletion(storeId, member.id, { status: "rejected", link: "https://example.com/p", reason: "No", decidedAt: minutesAfter(6) }));
        await tx.tasks.insert(storeId, aCompletion(storeId, other.id));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, points: 25, status: "pending" }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, points: 9, status: "pending", createdAt: minutesAfter(20) }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, points: 100, status: "issued", createdAt: minutesAfter(30), checkAfter: null }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: other.id, points: 50, status: "pending", createdAt: minutesAfter(40) }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, status: "released", valueMinor: 300, createdAt: minutesAfter(50) }));
        const pledge = { rewardId: "rew_trees", rewardKind: "donation", coupon: null, checkAfter: null, valueMinor: null, status: "issued" as const };
        await tx.redemptions.insert(storeId, aRedemption(storeId, { ...pledge, memberId: member.id, createdAt: minutesAfter(60) }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { ...pledge, memberId: other.id, valueMinor: 700, createdAt: minutesAfter(70) }));
      });
      // Challenges' tallies in all, since a time, of a source no entry has.
      const sourceTallies = [
        { source: { type: "task", id: "ch_1" } as const, since: null },
        { source: { type: "task", id: "ch_1" } as const, since: minutesAfter(5) },
        { source: { type: "task", id: "ch_none" } as const, since: null },
      ];
      // A per-member limit (the member's own, and another's), budgets since ever and since a time, a reward no one redeemed.
      const redemptionCounts = [
        { rewardId: "rew_five", memberId: member.id, since: null },
        { rewardId: "rew_five", since: null },
        { rewardId: "rew_five", since: minutesAfter(15) },
        { rewardId: "rew_trees", memberId: other.id, since: null },
        { rewardId: "rew_trees", since: minutesAfter(60) },
        { rewardId: "rew_none", since: null },
      ];

      const snapshot = await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 10, keyPrefix: "task", redemptionLimit: 4, redemptionCounts, sourceTallies });

      const separate = await h.storage.read(storeId, async (tx) => ({
        member: await tx.members.get(storeId, member.id),
        recentLedger: (await tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 })).items,
        orders: await tx.orders.listForMember(storeId, member.id),
        completions: await tx.tasks.listForMember(storeId, member.id),
        prefixedKeys: await tx.ledger.memberKeys(storeId, member.id, "task"),
        heldPoints: await tx.redemptions.heldPoints(storeId, member.id),
        recentRedemptions: await tx.redemptions.listForMember(storeId, member.id, 4),
        redemptionCounts: await Promise.all(redemptionCounts.map(({ rewardId, ...query }) => tx.redemptions.countForReward(storeId, rewardId, query))),
        sourceTallies: await Promise.all(sourceTallies.map(({ source, since }) => tx.ledger.tallyBySource(storeId, source, since))),
      }));
      expect(snapshot).not.toBeNull();
      expect(snapshot).toEqual(separate);
      expect(snapshot?.member.balance).toBe(30);
      expect(snapshot?.heldPoints).toBe(34);
      expect(snapshot?.recentLedger).toHaveLength(10);
      expect(snapshot?.orders.map((order) => [order.orderId, order.revision])).toEqual([
        ["o-2", 2],
        ["o-1", 100],
      ]);
      expect(snapshot?.completions.map((completion) => [completion.challengeId, completion.status])).toEqual([
        ["ch_nps", "done"],
        ["ch_visit", "rejected"],
      ]);
      expect(snapshot?.prefixedKeys).toEqual(["task:ch_1:paid", "task-reversal:ch_1:paid"]);
      expect(snapshot?.sourceTallies).toEqual([
        { kinds: { earn_task: 2, reverse: 1 }, points: 30 },
        { kinds: { earn_task: 1, reverse: 1 }, points: 0 },
        { kinds: {}, points: 0 },
      ]);
      expect(snapshot?.recentRedemptions.map((redemption) => [redemption.rewardId, redemption.status, redemption.points])).toEqual([
        ["rew_trees", "issued", 100],
        ["rew_five", "released", 100],
        ["rew_five", "issued", 100],
        ["rew_five", "pending", 9],
      ]);
      expect(snapshot?.redemptionCounts).toEqual([
        { count: 3, valueMinor: 1500 },
        { count: 4, valueMinor: 2000 },
        { count: 3, valueMinor: 1500 },
        { count: 1, valueMinor: 700 },
        { count: 2, valueMinor: 700 },
        { count: 0, valueMinor: 0 },
      ]);
    });

    it("when a new member with nothing yet is read, then the lists are empty", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const counts = [{ rewardId: "rew_five", memberId: member.id, since: null }];
      expect(
        await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 10, keyPrefix: "task", redemptionLimit: 10, redemptionCounts: counts, sourceTallies: [] }),
      ).toEqual({
        member,
        recentLedger: [],
        orders: [],
        completions: [],
        prefixedKeys: [],
        heldPoints: 0,
        recentRedemptions: [],
        redemptionCounts: [{ count: 0, valueMinor: 0 }],
        sourceTallies: [],
      });
    });

    it("when the member is not in the store, then it reads null", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, aStoreId());
      const query = { ledgerLimit: 10, keyPrefix: "task", redemptionLimit: 10, redemptionCounts: [], sourceTallies: [] };
      expect(await h.storage.memberSnapshots.read(storeId, member.id, query)).toBeNull();
      expect(await h.storage.memberSnapshots.read(storeId, "no-such-member", query)).toBeNull();
    });
  });
}
