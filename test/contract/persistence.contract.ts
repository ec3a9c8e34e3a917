import { describe, expect, it } from "vitest";
import { aLedgerEntry, anAuditEntry, anInboxEvent, anInstall, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { at, insertMember, type ContractHarness } from "./contract-harness.js";
import { aRedemption } from "./redemptions.contract.js";

const minute = 60_000;

export function describePersistenceContract(h: ContractHarness): void {
  describe("persistence across a restart", () => {
    it("when the storage is reopened, then installs, members, ledger, audit and inbox are all still there", async () => {
      const storeId = aStoreId();
      const install = anInstall(storeId);
      await h.storage.installs.save(storeId, install);
      const member = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 3 });
      const entry = aLedgerEntry(storeId, member.id, { delta: 12, idempotencyKey: "order:5:earn", source: { type: "order", id: "5" } });
      const audit = anAuditEntry(storeId);
      await h.storage.transaction(storeId, async (tx) => {
        await tx.ledger.append(storeId, entry);
        await tx.audit.append(storeId, audit);
      });
      const event = anInboxEvent(storeId);
      await h.storage.inbox.add(storeId, event);

      const storage = await h.reopen();

      expect(await storage.installs.get(storeId)).toEqual(install);
      await storage.transaction(storeId, async (tx) => {
        expect(await tx.members.findByEmail(storeId, "ann@shopper.example")).toEqual({ ...member, balance: 12 });
        expect(await tx.members.findByCustomerId(storeId, 3)).toEqual({ ...member, balance: 12 });
        expect(await tx.ledger.findByKey(storeId, "order:5:earn")).toEqual(entry);
        expect(await tx.ledger.listBySource(storeId, { type: "order", id: "5" })).toEqual([entry]);
        expect(await tx.ledger.balance(storeId, member.id)).toBe(12);
        expect(await tx.ledger.sumEntries(storeId, member.id)).toBe(12);
        expect(await tx.audit.list(storeId, { limit: 10, offset: 0 })).toEqual({ total: 1, items: [audit] });
        expect(await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "order:5:earn" }))).toMatchObject({ created: false, balance: 12 });
      });
      expect(await storage.inbox.get(storeId, event.eventId)).toEqual(event);
    });

    it("when the storage is reopened, then a proof photo is still there byte for byte", async () => {
      const storeId = aStoreId();
      const photo = { type: "image/png" as const, data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x0a, 0x00]) };
      await h.storage.proofPhotos.put(storeId, "tsk_kept", photo);

      const storage = await h.reopen();

      expect(await storage.proofPhotos.get(storeId, "tsk_kept")).toEqual(photo);
    });

    it("when the storage is reopened on data it wrote itself, then it reports nothing damaged", async () => {
      const storeId = aStoreId();
      await h.storage.installs.save(storeId, anInstall(storeId));
      await insertMember(h.storage, storeId);
      await h.storage.receipts.remember({ eventId: `evt-${storeId}`, storeId, fingerprint: "f", receivedAt: minutesAfter(0) });

      const storage = await h.reopen();

      expect(storage.damage()).toEqual({ stores: [], shared: [] });
    });

    it("when an event was taken but not completed before a restart, then it is taken again once its lease lapses", async () => {
      const event = anInboxEvent(aStoreId(), { receivedAt: minutesAfter(0) });
      await h.storage.inbox.add(event.storeId, event);
      await h.storage.inbox.claimNext(at(minutesAfter(1)), 5 * minute);

      const storage = await h.reopen();

      expect(await storage.inbox.claimNext(at(minutesAfter(3)), 5 * minute)).toBeNull();
      expect(await storage.inbox.claimNext(at(minutesAfter(7)), 5 * minute)).toEqual({ ...event, attempts: 2, leaseUntil: minutesAfter(12) });
    });

    it("when a transaction rolled back before a restart, then nothing of it is there after", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await expect(
        h.storage.transaction(storeId, async (tx) => {
          await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 50, idempotencyKey: "redeem:x" }));
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");

      const storage = await h.reopen();

      await storage.transaction(storeId, async (tx) => {
        expect(await tx.ledger.findByKey(storeId, "redeem:x")).toBeNull();
        expect(await tx.ledger.balance(storeId, member.id)).toBe(0);
      });
    });

    it("when a store was purged before a restart, then it stays purged and its install stays", async () => {
      const storeId = aStoreId();
      const install = anInstall(storeId, { status: "uninstalled" });
      await h.storage.installs.save(storeId, install);
      const member = await insertMember(h.storage, storeId);
      await h.storage.inbox.add(storeId, anInboxEvent(storeId));
      await h.storage.purgeStoreData(storeId);

      const storage = await h.reopen();

      expect(await storage.transaction(storeId, (tx) => tx.members.get(storeId, member.id))).toBeNull();
      expect(await storage.inbox.counts(storeId)).toEqual({ pending: 0, done: 0, failed: 0 });
      expect(await storage.installs.get(storeId)).toEqual(install);
    });
    it("when the storage reopens, then remembered receipts are still there", async () => {
      const receipt = { eventId: "evt-restart", storeId: aStoreId(), fingerprint: "fp", receivedAt: minutesAfter(0) };
      await h.storage.receipts.remember(receipt);
      const reopened = await h.reopen();
      expect(await reopened.receipts.find(receipt.eventId)).toEqual(receipt);
    });

    it("when the storage reopens, then redemptions are still there and found by code, request key and member", async () => {
      const storeId = aStoreId();
      const pending = aRedemption(storeId, { requestKey: "key-1", points: 70 });
      const issued = aRedemption(storeId, { status: "issued", checkAfter: null });
      await h.storage.transaction(storeId, async (tx) => {
        await tx.redemptions.insert(storeId, pending);
        await tx.redemptions.insert(storeId, issued);
      });
      const reopened = await h.reopen();
      await reopened.transaction(storeId, async (tx) => {
        expect(await tx.redemptions.findByCode(storeId, issued.coupon!.code)).toEqual(issued);
        expect(await tx.redemptions.findByRequestKey(storeId, pending.memberId, "key-1")).toEqual(pending);
        expect(await tx.redemptions.listForMember(storeId, pending.memberId, 10)).toEqual([issued, pending]);
        expect(await tx.redemptions.heldPoints(storeId, pending.memberId)).toBe(70);
        await expect(tx.redemptions.insert(storeId, aRedemption(storeId, { coupon: issued.coupon }))).rejects.toMatchObject({ code: "conflict" });
      });
    });
  });
}
