import { describe, expect, it } from "vitest";
import { aLedgerEntry, aStoreId } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeReadContract(h: ContractHarness): void {
  describe("reads", () => {
    it("when a store is read, then it sees what was committed", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await h.storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 7 })));
      const seen = await h.storage.read(storeId, async (tx) => ({ member: await tx.members.get(storeId, member.id), balance: await tx.ledger.balance(storeId, member.id) }));
      expect(seen.member?.id).toBe(member.id);
      expect(seen.balance).toBe(7);
    });

    it("when a read tries to write, then it fails and nothing is stored", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await expect(h.storage.read(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 5, idempotencyKey: "read-write" })))).rejects.toThrow();
      await h.storage.transaction(storeId, async (tx) => {
        expect(await tx.ledger.findByKey(storeId, "read-write")).toBeNull();
        expect(await tx.ledger.balance(storeId, member.id)).toBe(0);
      });
    });
  });
}
