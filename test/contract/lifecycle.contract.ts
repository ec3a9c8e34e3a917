import { describe, expect, it } from "vitest";
import { aLedgerEntry, anAuditEntry, anInboxEvent, anInstall, aStoreId } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeLifecycleContract(h: ContractHarness): void {
  async function seedStore(storeId: number) {
    const install = anInstall(storeId);
    await h.storage.installs.save(storeId, install);
    const member = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 9 });
    const entry = aLedgerEntry(storeId, member.id, { delta: 70, idempotencyKey: "order:1:earn" });
    await h.storage.transaction(storeId, async (tx) => {
      await tx.ledger.append(storeId, entry);
      await tx.audit.append(storeId, anAuditEntry(storeId));
    });
    const event = anInboxEvent(storeId);
    await h.storage.inbox.add(storeId, event);
    return { install, member, entry, event };
  }

  describe("purge and lifecycle", () => {
    it("when a store's data is purged, then its members, ledger, audit and inbox are gone, its install stays, and other stores are untouched", async () => {
      const purged = aStoreId();
      const kept = aStoreId();
      const gone = await seedStore(purged);
      const stays = await seedStore(kept);

      await h.storage.purgeStoreData(purged);

      await h.storage.transaction(purged, async (tx) => {
        expect(await tx.members.get(purged, gone.member.id)).toBeNull();
        expect(await tx.members.findByEmail(purged, "ann@shopper.example")).toBeNull();
        expect(await tx.members.list(purged, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
        expect(await tx.ledger.findByKey(purged, "order:1:earn")).toBeNull();
        expect(await tx.audit.list(purged, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
      expect(await h.storage.inbox.get(purged, gone.event.eventId)).toBeNull();
      expect(await h.storage.inbox.counts(purged)).toEqual({ pending: 0, done: 0, failed: 0 });
      expect(await h.storage.installs.get(purged)).toEqual(gone.install);

      await h.storage.transaction(kept, async (tx) => {
        expect(await tx.members.get(kept, stays.member.id)).toEqual({ ...stays.member, balance: 70 });
        expect(await tx.ledger.findByKey(kept, "order:1:earn")).toEqual(stays.entry);
        expect((await tx.audit.list(kept, { limit: 10, offset: 0 })).total).toBe(1);
      });
      expect(await h.storage.inbox.get(kept, stays.event.eventId)).toEqual(stays.event);
      expect(await h.storage.storeIds()).toContain(kept);
      expect(await h.storage.storeIds()).not.toContain(purged);
    });

    it("when stores hold members, then storeIds lists each of them once, ascending", async () => {
      const [low, high] = [aStoreId(), aStoreId()].sort((a, b) => a - b) as [number, number];
      await insertMember(h.storage, high, { email: "a@shopper.example" });
      await insertMember(h.storage, high, { email: "b@shopper.example" });
      await insertMember(h.storage, low);

      const listed = (await h.storage.storeIds()).filter((storeId) => storeId === low || storeId === high);

      expect(listed).toEqual([low, high]);
    });

    it("when a purged store comes back, then it starts from nothing", async () => {
      const storeId = aStoreId();
      await seedStore(storeId);
      await h.storage.purgeStoreData(storeId);

      const again = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 9 });
      const result = await h.storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, again.id, { delta: 4, idempotencyKey: "order:1:earn" })));

      expect(result).toMatchObject({ created: true, balance: 4 });
    });

    it("when a store never held data, then purging it does no harm", async () => {
      await expect(h.storage.purgeStoreData(aStoreId())).resolves.toBeUndefined();
    });

    it("when the storage is open, then ping resolves", async () => {
      await expect(h.storage.ping()).resolves.toBeUndefined();
    });

    it("when the storage is closed, then it refuses further work", async () => {
      const storeId = aStoreId();
      await h.storage.close();
      await expect(h.storage.ping()).rejects.toThrow();
      await expect(h.storage.transaction(storeId, async () => "too late")).rejects.toThrow();
    });
  });
}
