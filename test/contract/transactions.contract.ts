import { describe, expect, it } from "vitest";
import type { StoreTransaction } from "../../server/storage/storage.port.js";
import { aLedgerEntry, aMember, anAuditEntry, aStoreId } from "../support/storage-fixtures.js";
import { insertMember, sleep, type ContractHarness } from "./contract-harness.js";

export function describeTransactionsContract(h: ContractHarness): void {
  const inStore = <T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>) => h.storage.transaction(storeId, work);

  describe("transactions", () => {
    it("when the work returns a value, then the transaction resolves with it", async () => {
      const storeId = aStoreId();
      expect(await inStore(storeId, async () => ({ answer: 42 }))).toEqual({ answer: 42 });
    });

    it("when the work throws, then the error reaches the caller and none of its writes persist, the balance included", async () => {
      const storeId = aStoreId();
      const existing = await insertMember(h.storage, storeId, { email: "ann@shopper.example" });
      await inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, existing.id, { delta: 100 })));
      const newcomer = aMember(storeId, { email: "bob@shopper.example" });
      const entry = aLedgerEntry(storeId, existing.id, { delta: -60, idempotencyKey: "redeem:r1" });
      const failure = new Error("Ecwid refused the coupon");

      const attempt = inStore(storeId, async (tx) => {
        await tx.members.insert(storeId, newcomer);
        await tx.members.update(storeId, { ...existing, email: "ann.changed@shopper.example", stats: { ...existing.stats, paidOrders: 9 } });
        await tx.ledger.append(storeId, entry);
        await tx.ledger.append(storeId, aLedgerEntry(storeId, newcomer.id, { delta: 5 }));
        await tx.audit.append(storeId, anAuditEntry(storeId));
        throw failure;
      });

      await expect(attempt).rejects.toBe(failure);
      await inStore(storeId, async (tx) => {
        expect(await tx.members.get(storeId, newcomer.id)).toBeNull();
        expect(await tx.members.findByEmail(storeId, "bob@shopper.example")).toBeNull();
        expect(await tx.members.get(storeId, existing.id)).toEqual({ ...existing, balance: 100 });
        expect(await tx.members.findByEmail(storeId, "ann.changed@shopper.example")).toBeNull();
        expect(await tx.ledger.findByKey(storeId, "redeem:r1")).toBeNull();
        expect(await tx.ledger.balance(storeId, existing.id)).toBe(100);
        expect(await tx.ledger.sumEntries(storeId, existing.id)).toBe(100);
        expect(await tx.audit.list(storeId, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
    });

    it("when a transaction that appended a key rolled back, then the key is free for the next append", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await expect(
        inStore(storeId, async (tx) => {
          await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "redeem:r2", delta: -1 }));
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      const result = await inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "redeem:r2", delta: 7 })));
      expect(result).toMatchObject({ created: true, balance: 7 });
    });

    it("when a repository is called with another store's id inside a transaction, then it is refused and nothing is written there", async () => {
      const storeId = aStoreId();
      const otherStoreId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const otherMember = aMember(otherStoreId);
      await inStore(storeId, async (tx) => {
        await expect(tx.members.get(otherStoreId, member.id)).rejects.toThrow();
        await expect(tx.members.insert(otherStoreId, otherMember)).rejects.toThrow();
        await expect(tx.ledger.findByKey(otherStoreId, "k")).rejects.toThrow();
        await expect(tx.ledger.append(otherStoreId, aLedgerEntry(otherStoreId, member.id))).rejects.toThrow();
        await expect(tx.audit.list(otherStoreId, { limit: 1, offset: 0 })).rejects.toThrow();
      });
      expect(await inStore(otherStoreId, (tx) => tx.members.get(otherStoreId, otherMember.id))).toBeNull();
    });

    it("when a record names another store than the one it is written to, then the write is refused", async () => {
      const storeId = aStoreId();
      const otherStoreId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await expect(inStore(storeId, (tx) => tx.members.insert(storeId, aMember(otherStoreId)))).rejects.toThrow();
      await expect(inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(otherStoreId, member.id)))).rejects.toThrow();
      await expect(inStore(storeId, (tx) => tx.audit.append(storeId, anAuditEntry(otherStoreId)))).rejects.toThrow();
      expect(await inStore(storeId, (tx) => tx.ledger.balance(storeId, member.id))).toBe(0);
    });

    it("when a repository is used after its transaction ended, then it is refused", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      let escaped: StoreTransaction | undefined;
      await inStore(storeId, async (tx) => {
        escaped = tx;
      });
      await expect(escaped?.ledger.append(storeId, aLedgerEntry(storeId, member.id))).rejects.toThrow();
      expect(await inStore(storeId, (tx) => tx.ledger.balance(storeId, member.id))).toBe(0);
    });

    it("when store A holds data, then store B sees none of it and may reuse the same email, customer id and key", async () => {
      const storeA = aStoreId();
      const storeB = aStoreId();
      const inA = await insertMember(h.storage, storeA, { email: "ann@shopper.example", customerId: 5 });
      const entryA = aLedgerEntry(storeA, inA.id, { idempotencyKey: "order:1:earn", source: { type: "order", id: "1" } });
      await inStore(storeA, async (tx) => {
        await tx.ledger.append(storeA, entryA);
        await tx.audit.append(storeA, anAuditEntry(storeA));
      });

      await inStore(storeB, async (tx) => {
        expect(await tx.members.get(storeB, inA.id)).toBeNull();
        expect(await tx.members.findByEmail(storeB, "ann@shopper.example")).toBeNull();
        expect(await tx.members.findByCustomerId(storeB, 5)).toBeNull();
        expect(await tx.members.list(storeB, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
        expect(await tx.ledger.findByKey(storeB, "order:1:earn")).toBeNull();
        expect(await tx.ledger.listBySource(storeB, { type: "order", id: "1" })).toEqual([]);
        expect(await tx.audit.list(storeB, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
      const inB = await insertMember(h.storage, storeB, { email: "ann@shopper.example", customerId: 5 });
      const resultB = await inStore(storeB, (tx) => tx.ledger.append(storeB, aLedgerEntry(storeB, inB.id, { idempotencyKey: "order:1:earn", delta: 3 })));
      expect(resultB).toMatchObject({ created: true, balance: 3 });
      expect(await inStore(storeA, (tx) => tx.ledger.balance(storeA, inA.id))).toBe(10);
    });

    it("when transactions on one store overlap, then they run one after another and no update is lost", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await Promise.all(
        Array.from({ length: 5 }, () =>
          inStore(storeId, async (tx) => {
            const current = await tx.members.get(storeId, member.id);
            if (!current) throw new Error("member vanished");
            await sleep(5);
            await tx.members.update(storeId, { ...current, stats: { ...current.stats, paidOrders: current.stats.paidOrders + 1 } });
          }),
        ),
      );
      expect((await inStore(storeId, (tx) => tx.members.get(storeId, member.id)))?.stats.paidOrders).toBe(5);
    });

    it("when transactions on different stores overlap, then neither waits for the other", async () => {
      const storeA = aStoreId();
      const storeB = aStoreId();
      let releaseA!: () => void;
      const gate = new Promise<void>((resolve) => {
        releaseA = resolve;
      });
      const first = inStore(storeA, async () => {
        await gate;
        return "a";
      });
      const second = inStore(storeB, async () => {
        releaseA();
        return "b";
      });
      expect(await Promise.all([first, second])).toEqual(["a", "b"]);
    });
  });
}
