import { describe, expect, it } from "vitest";
import { aLedgerEntry, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";
import { anOrderRecord } from "./program.contract.js";
import { aRedemption } from "./redemptions.contract.js";

export function describeMemberSnapshotContract(h: ContractHarness): void {
  describe("member snapshots", () => {
    it("when a member with entries, orders and paid keys is read at once, then it equals the separate reads", async () => {
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
        await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "challenge:c1:paid", kind: "earn_task", basis: { challengeId: "c1" } }));
        await tx.ledger.append(storeId, aLedgerEntry(storeId, other.id, { idempotencyKey: "challenge:c3:other" }));
        await tx.orders.save(storeId, anOrderRecord(storeId, member.id, { orderId: "o-2", internalId: 900, placedAt: "2026-03-02T08:15:30.123Z" }));
        await tx.orders.save(storeId, anOrderRecord(storeId, member.id, { orderId: "o-1", counted: false, eligibleMinor: 0, paymentStatus: "REFUNDED" }));
        await tx.orders.save(storeId, anOrderRecord(storeId, member.id, { orderId: "o-2", revision: 2, eligibleMinor: 1200 }));
        await tx.orders.save(storeId, anOrderRecord(storeId, other.id, { orderId: "o-3" }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, points: 25, status: "pending" }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, points: 9, status: "pending" }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: member.id, points: 100, status: "issued" }));
        await tx.redemptions.insert(storeId, aRedemption(storeId, { memberId: other.id, points: 50, status: "pending" }));
      });
      const keys = ["challenge:c1:paid", "challenge:c2:unpaid", "challenge:c3:other"];

      const snapshot = await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 10, keys });

      const separate = await h.storage.read(storeId, async (tx) => ({
        member: await tx.members.get(storeId, member.id),
        recentLedger: (await tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 })).items,
        orders: await tx.orders.listForMember(storeId, member.id),
        usedKeys: await tx.ledger.existingKeys(storeId, keys),
        heldPoints: await tx.redemptions.heldPoints(storeId, member.id),
      }));
      expect(snapshot).not.toBeNull();
      expect({ ...snapshot, usedKeys: [...(snapshot?.usedKeys ?? [])].sort() }).toEqual({ ...separate, usedKeys: [...separate.usedKeys].sort() });
      expect(snapshot?.member.balance).toBe(40);
      expect(snapshot?.heldPoints).toBe(34);
      expect(snapshot?.recentLedger).toHaveLength(10);
      expect(snapshot?.orders.map((order) => [order.orderId, order.revision])).toEqual([
        ["o-2", 2],
        ["o-1", 100],
      ]);
      expect([...(snapshot?.usedKeys ?? [])].sort()).toEqual(["challenge:c1:paid", "challenge:c3:other"]);
    });

    it("when a new member with nothing yet is read, then the lists are empty", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      expect(await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 10, keys: [] })).toEqual({
        member,
        recentLedger: [],
        orders: [],
        usedKeys: [],
        heldPoints: 0,
      });
    });

    it("when the member is not in the store, then it reads null", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, aStoreId());
      expect(await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 10, keys: ["challenge:c1:paid"] })).toBeNull();
      expect(await h.storage.memberSnapshots.read(storeId, "no-such-member", { ledgerLimit: 10, keys: [] })).toBeNull();
    });
  });
}
