import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { aLedgerEntry, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

/** Every entry of the store, read `limit` at a time the way the CSV export reads them. */
async function walk(storage: Storage, storeId: number, limit: number): Promise<{ pages: number; entries: LedgerEntry[] }> {
  const entries: LedgerEntry[] = [];
  let pages = 0;
  let after: number | null = 0;
  while (after !== null) {
    const position: number = after;
    const page = await storage.read(storeId, (tx) => tx.ledger.pageInAppendOrder(storeId, position, limit));
    pages += 1;
    entries.push(...page.items);
    after = page.next;
  }
  return { pages, entries };
}

export function describeKeysetPagesContract(h: ContractHarness): void {
  describe("members and ledger pages in the order written", () => {
    it("when a store's ledger is walked two at a time, then every entry comes once in append order and no other store's", async () => {
      const storeId = aStoreId();
      const otherStore = aStoreId();
      const ann = await insertMember(h.storage, storeId, { email: "ann@example.com" });
      const bob = await insertMember(h.storage, storeId, { email: "bob@example.com" });
      const stranger = await insertMember(h.storage, otherStore);
      // Appended out of time order: append order is what the walk follows.
      const appended = [
        aLedgerEntry(storeId, ann.id, { delta: 10, idempotencyKey: "a1", createdAt: minutesAfter(5) }),
        aLedgerEntry(storeId, bob.id, { delta: -3, idempotencyKey: "b1", createdAt: minutesAfter(1) }),
        aLedgerEntry(storeId, ann.id, { delta: 7, idempotencyKey: "a2", createdAt: minutesAfter(9) }),
        aLedgerEntry(storeId, bob.id, { delta: 4, idempotencyKey: "b2", createdAt: minutesAfter(2) }),
        aLedgerEntry(storeId, ann.id, { delta: 1, idempotencyKey: "a3", createdAt: minutesAfter(3) }),
      ];
      for (const entry of appended) await h.storage.transaction(storeId, (tx) => tx.ledger.append(storeId, entry));
      await h.storage.transaction(otherStore, (tx) => tx.ledger.append(otherStore, aLedgerEntry(otherStore, stranger.id, { idempotencyKey: "x1" })));

      const walked = await walk(h.storage, storeId, 2);

      expect(walked.entries).toEqual(appended);
      expect(walked.pages).toBe(3);
    });

    it("when the last page is exactly full, then next is null and no empty page is asked for", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      for (const key of ["k1", "k2"]) await h.storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: key })));

      const page = await h.storage.read(storeId, (tx) => tx.ledger.pageInAppendOrder(storeId, 0, 2));

      expect(page.items.map((entry) => entry.idempotencyKey)).toEqual(["k1", "k2"]);
      expect(page.next).toBeNull();
    });

    it("when a store's members are walked two at a time, then each comes once in creation order and no other store's", async () => {
      const storeId = aStoreId();
      const otherStore = aStoreId();
      const inserted = [];
      for (const [i, email] of ["a@example.com", "b@example.com", "c@example.com"].entries()) {
        inserted.push(await insertMember(h.storage, storeId, { email, createdAt: minutesAfter(10 - i) }));
      }
      await insertMember(h.storage, otherStore);

      const first = await h.storage.read(storeId, (tx) => tx.members.pageInCreationOrder(storeId, 0, 2));
      const rest = await h.storage.read(storeId, (tx) => tx.members.pageInCreationOrder(storeId, first.next ?? -1, 2));

      expect([...first.items, ...rest.items]).toEqual(inserted);
      expect(rest.next).toBeNull();
      expect(await h.storage.read(storeId, (tx) => tx.members.pageInCreationOrder(storeId, 0, 3))).toEqual({ items: inserted, next: null });
    });

    it("when a store has no members or entries, then the first page is empty and the last", async () => {
      const storeId = aStoreId();

      expect(await h.storage.read(storeId, (tx) => tx.ledger.pageInAppendOrder(storeId, 0, 50))).toEqual({ items: [], next: null });
      expect(await h.storage.read(storeId, (tx) => tx.members.pageInCreationOrder(storeId, 0, 50))).toEqual({ items: [], next: null });
    });

    it("when an entry is appended between two pages, then the walk goes on from where it was and ends with it", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const append = (key: string) => h.storage.transaction(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: key })));
      await append("k1");
      await append("k2");
      const first = await h.storage.read(storeId, (tx) => tx.ledger.pageInAppendOrder(storeId, 0, 1));
      await append("k3");

      const rest = await h.storage.read(storeId, (tx) => tx.ledger.pageInAppendOrder(storeId, first.next ?? -1, 5));

      expect(first.items.map((entry) => entry.idempotencyKey)).toEqual(["k1"]);
      expect(rest.items.map((entry) => entry.idempotencyKey)).toEqual(["k2", "k3"]);
      expect(rest.next).toBeNull();
    });
  });
}
