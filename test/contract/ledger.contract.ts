import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import type { StoreTransaction } from "../../server/storage/storage.port.js";
import { aLedgerEntry, aMember, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeLedgerContract(h: ContractHarness): void {
  const inStore = <T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>) => h.storage.transaction(storeId, work);

  describe("ledger", () => {
    it("when entries are appended together, then each is created once, balances move by their sum and sumsBySource totals them per source", async () => {
      const storeId = aStoreId();
      const ann = await insertMember(h.storage, storeId);
      const bob = await insertMember(h.storage, storeId);
      const imported = (memberId: string, delta: number, n: number) =>
        aLedgerEntry(storeId, memberId, { delta, source: { type: "import", id: memberId }, idempotencyKey: `import:${memberId}:${n}`, basis: { startingBalance: delta } });
      const first = [imported(ann.id, 40, 1), imported(bob.id, -5, 1), imported(ann.id, 2, 2)];

      const results = await inStore(storeId, (tx) => tx.ledger.appendMany(storeId, first));
      const again = await inStore(storeId, (tx) => tx.ledger.appendMany(storeId, [imported(ann.id, 99, 1)]));

      expect(results).toEqual([
        { entry: first[0], created: true, balance: 42 },
        { entry: first[1], created: true, balance: -5 },
        { entry: first[2], created: true, balance: 42 },
      ]);
      expect(again).toEqual([{ entry: first[0], created: false, balance: 42 }]);
      await inStore(storeId, async (tx) => {
        expect([await tx.ledger.sumEntries(storeId, ann.id), (await tx.members.get(storeId, bob.id))?.balance]).toEqual([42, -5]);
        expect(await tx.ledger.sumsBySource(storeId, "import", [ann.id, bob.id, "mem_none"])).toEqual(
          new Map([
            [ann.id, { entries: 2, points: 42 }],
            [bob.id, { entries: 1, points: -5 }],
          ]),
        );
        await expect(tx.ledger.appendMany(storeId, [imported("mem_none", 1, 1)])).rejects.toThrow(/not found/);
      });
    });

    it("when an entry is appended, then it is created, the cached balance moves and findByKey returns it", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const entry = aLedgerEntry(storeId, member.id, {
        delta: 25,
        kind: "earn_order",
        source: { type: "order", id: "1001" },
        idempotencyKey: "order:1001:earn",
        basis: { amountMinor: 2500, rate: 1 },
      });

      const result = await inStore(storeId, (tx) => tx.ledger.append(storeId, entry));

      expect(result).toEqual({ entry, created: true, balance: 25 });
      await inStore(storeId, async (tx) => {
        expect(await tx.ledger.findByKey(storeId, "order:1001:earn")).toEqual(entry);
        expect(await tx.ledger.balance(storeId, member.id)).toBe(25);
        expect((await tx.members.get(storeId, member.id))?.balance).toBe(25);
        expect(await tx.ledger.sumEntries(storeId, member.id)).toBe(25);
      });
    });

    it("when the same idempotency key is appended twice, then one entry exists and the balance moved once", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const first = aLedgerEntry(storeId, member.id, { delta: 30, idempotencyKey: "task:t1:m1:2026-03" });
      const repeat = aLedgerEntry(storeId, member.id, { delta: 500, idempotencyKey: "task:t1:m1:2026-03" });

      await inStore(storeId, (tx) => tx.ledger.append(storeId, first));
      const second = await inStore(storeId, (tx) => tx.ledger.append(storeId, repeat));

      expect(second).toEqual({ entry: first, created: false, balance: 30 });
      await inStore(storeId, async (tx) => {
        expect(await tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 })).toEqual({ total: 1, items: [first] });
        expect(await tx.ledger.balance(storeId, member.id)).toBe(30);
      });
    });

    it("when concurrent transactions append the same key, then exactly one entry is created", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const attempts = Array.from({ length: 6 }, () => aLedgerEntry(storeId, member.id, { delta: 15, idempotencyKey: "redeem:req-1" }));

      const results = await Promise.all(attempts.map((entry) => inStore(storeId, (tx) => tx.ledger.append(storeId, entry))));

      expect(results.filter((result) => result.created)).toHaveLength(1);
      const winner = results.find((result) => result.created)?.entry;
      for (const result of results) expect(result.entry).toEqual(winner);
      await inStore(storeId, async (tx) => {
        expect((await tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 })).total).toBe(1);
        expect(await tx.ledger.balance(storeId, member.id)).toBe(15);
      });
    });

    it("when appends with the same key race inside one transaction, then exactly one entry is created", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const attempts = Array.from({ length: 4 }, () => aLedgerEntry(storeId, member.id, { delta: 5, idempotencyKey: "order:7:earn" }));

      const results = await inStore(storeId, (tx) => Promise.all(attempts.map((entry) => tx.ledger.append(storeId, entry))));

      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await inStore(storeId, (tx) => tx.ledger.balance(storeId, member.id))).toBe(5);
    });

    it("when many random appends land, some repeating keys, then each cached balance equals the sum of its entries and the first write of each key", async () => {
      const append = fc.record({
        member: fc.integer({ min: 0, max: 2 }),
        delta: fc.integer({ min: -50, max: 100 }),
        key: fc.integer({ min: 0, max: 25 }),
        newTransaction: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(append, { minLength: 1, maxLength: 40 }), async (appends) => {
          const storeId = aStoreId();
          const members = [aMember(storeId), aMember(storeId), aMember(storeId)];
          await inStore(storeId, async (tx) => {
            for (const member of members) await tx.members.insert(storeId, member);
          });
          const batches: (typeof appends)[] = [];
          for (const step of appends) {
            const open = batches.at(-1);
            if (open && !step.newTransaction) open.push(step);
            else batches.push([step]);
          }
          for (const batch of batches) {
            await inStore(storeId, async (tx) => {
              for (const step of batch) {
                const memberId = members[step.member]?.id ?? "";
                await tx.ledger.append(storeId, aLedgerEntry(storeId, memberId, { delta: step.delta, idempotencyKey: `k${step.key}` }));
              }
            });
          }

          const firstByKey = new Map<number, (typeof appends)[number]>();
          for (const step of appends) if (!firstByKey.has(step.key)) firstByKey.set(step.key, step);
          await inStore(storeId, async (tx) => {
            for (const [index, member] of members.entries()) {
              const kept = [...firstByKey.values()].filter((step) => step.member === index);
              const expected = kept.reduce((sum, step) => sum + step.delta, 0);
              expect(await tx.ledger.balance(storeId, member.id)).toBe(expected);
              expect(await tx.ledger.sumEntries(storeId, member.id)).toBe(expected);
              expect((await tx.ledger.listForMember(storeId, member.id, { limit: 100, offset: 0 })).total).toBe(kept.length);
            }
          });
        }),
        { numRuns: 25 },
      );
    });

    it("when a clawback is larger than the balance, then it is recorded as it is and the balance goes below zero", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 10 })));
      const result = await inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: -25, kind: "reverse" })));
      expect(result.balance).toBe(-15);
      expect(await inStore(storeId, (tx) => tx.ledger.sumEntries(storeId, member.id))).toBe(-15);
    });

    it("when a member's entries are listed, then they come newest first, paged, with the total, and only theirs", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const other = await insertMember(h.storage, storeId);
      const entries: LedgerEntry[] = [];
      await inStore(storeId, async (tx) => {
        for (let minute = 1; minute <= 5; minute += 1) {
          const entry = aLedgerEntry(storeId, member.id, { delta: minute, createdAt: minutesAfter(minute) });
          entries.push(entry);
          await tx.ledger.append(storeId, entry);
          await tx.ledger.append(storeId, aLedgerEntry(storeId, other.id, { createdAt: minutesAfter(minute) }));
        }
      });
      const [e1, e2, e3, e4, e5] = entries;
      await inStore(storeId, async (tx) => {
        expect(await tx.ledger.listForMember(storeId, member.id, { limit: 2, offset: 0 })).toEqual({ total: 5, items: [e5, e4] });
        expect(await tx.ledger.listForMember(storeId, member.id, { limit: 2, offset: 2 })).toEqual({ total: 5, items: [e3, e2] });
        expect(await tx.ledger.listForMember(storeId, member.id, { limit: 2, offset: 4 })).toEqual({ total: 5, items: [e1] });
        expect(await tx.ledger.listForMember(storeId, member.id, { limit: 2, offset: 8 })).toEqual({ total: 5, items: [] });
        expect(await tx.ledger.listForMember(storeId, "mem_nobody", { limit: 2, offset: 0 })).toEqual({ total: 0, items: [] });
      });
    });

    it("when entries were appended out of time order, then listing still goes by time", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const late = aLedgerEntry(storeId, member.id, { createdAt: minutesAfter(9) });
      const early = aLedgerEntry(storeId, member.id, { createdAt: minutesAfter(1) });
      const middle = aLedgerEntry(storeId, member.id, { createdAt: minutesAfter(5) });
      await inStore(storeId, async (tx) => {
        for (const entry of [late, early, middle]) await tx.ledger.append(storeId, entry);
      });
      const { items } = await inStore(storeId, (tx) => tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 }));
      expect(items).toEqual([late, middle, early]);
    });

    it("when entries share a timestamp, then the later append is listed first", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const first = aLedgerEntry(storeId, member.id, { createdAt: minutesAfter(3) });
      const second = aLedgerEntry(storeId, member.id, { createdAt: minutesAfter(3) });
      await inStore(storeId, async (tx) => {
        await tx.ledger.append(storeId, first);
        await tx.ledger.append(storeId, second);
      });
      const { items } = await inStore(storeId, (tx) => tx.ledger.listForMember(storeId, member.id, { limit: 10, offset: 0 }));
      expect(items).toEqual([second, first]);
    });

    it("when entries are listed by source, then only that source's come back, oldest first", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const order = { type: "order", id: "42" } as const;
      const earn = aLedgerEntry(storeId, member.id, { kind: "earn_order", source: order, idempotencyKey: "order:42:earn", delta: 50, createdAt: minutesAfter(1) });
      const reverse = aLedgerEntry(storeId, member.id, { kind: "reverse", source: order, idempotencyKey: "order:42:reverse:1", delta: -20, createdAt: minutesAfter(2) });
      const sameIdOtherType = aLedgerEntry(storeId, member.id, { kind: "earn_task", source: { type: "task", id: "42" }, createdAt: minutesAfter(3) });
      await inStore(storeId, async (tx) => {
        for (const entry of [earn, sameIdOtherType, reverse]) await tx.ledger.append(storeId, entry);
      });
      await inStore(storeId, async (tx) => {
        expect(await tx.ledger.listBySource(storeId, order)).toEqual([earn, reverse]);
        expect(await tx.ledger.listBySource(storeId, { type: "order", id: "43" })).toEqual([]);
      });
    });

    it("when a source's entries are tallied from an instant, then each kind is counted and the points summed, only from then on", async () => {
      const storeId = aStoreId();
      const [ana, bo] = [await insertMember(h.storage, storeId), await insertMember(h.storage, storeId)];
      const task = { type: "task", id: "ch_a" } as const;
      const entry = (memberId: string, kind: "earn_task" | "reverse", delta: number, minutes: number) =>
        aLedgerEntry(storeId, memberId, { kind, source: task, delta, idempotencyKey: `k${minutes}`, createdAt: minutesAfter(minutes) });
      await inStore(storeId, async (tx) => {
        for (const e of [entry(ana.id, "earn_task", 50, 1), entry(bo.id, "earn_task", 50, 5), entry(ana.id, "reverse", -50, 6), entry(bo.id, "earn_task", 0, 7)])
          await tx.ledger.append(storeId, e);
        await tx.ledger.append(storeId, aLedgerEntry(storeId, ana.id, { kind: "earn_task", source: { type: "task", id: "ch_b" }, delta: 9, idempotencyKey: "other" }));
      });
      await inStore(storeId, async (tx) => {
        expect(await tx.ledger.tallyBySource(storeId, task, null)).toEqual({ kinds: { earn_task: 3, reverse: 1 }, points: 50 });
        expect(await tx.ledger.tallyBySource(storeId, task, minutesAfter(5))).toEqual({ kinds: { earn_task: 2, reverse: 1 }, points: 0 });
        expect(await tx.ledger.tallyBySource(storeId, { type: "task", id: "ch_none" }, null)).toEqual({ kinds: {}, points: 0 });
      });
    });

    it("when a member's keys are asked by prefix, then exactly their keys starting with it come back", async () => {
      const storeId = aStoreId();
      const [ana, bo] = [await insertMember(h.storage, storeId), await insertMember(h.storage, storeId)];
      await inStore(storeId, async (tx) => {
        for (const [memberId, key] of [
          [ana.id, "task:ch_a:m:once"],
          [ana.id, "order:1:earn"],
          [ana.id, "task-reversal:ch_a:m:once"],
          [bo.id, "task:ch_a:b:once"],
          [ana.id, "Task:upper"],
        ] as const)
          await tx.ledger.append(storeId, aLedgerEntry(storeId, memberId, { idempotencyKey: key }));
      });
      await inStore(storeId, async (tx) => {
        expect([...(await tx.ledger.memberKeys(storeId, ana.id, "task"))].sort()).toEqual(["task-reversal:ch_a:m:once", "task:ch_a:m:once"]);
        expect(await tx.ledger.memberKeys(storeId, ana.id, "task%")).toEqual([]);
      });
    });

    it("when an entry names an unknown member, then append is refused and nothing is written", async () => {
      const storeId = aStoreId();
      const entry = aLedgerEntry(storeId, "mem_unknown");
      await expect(inStore(storeId, (tx) => tx.ledger.append(storeId, entry))).rejects.toMatchObject({ code: "not_found" });
      expect(await inStore(storeId, (tx) => tx.ledger.findByKey(storeId, entry.idempotencyKey))).toBeNull();
    });

    it("when the delta is not a whole number, then append is refused", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await expect(inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 1.5 })))).rejects.toThrow();
      expect(await inStore(storeId, (tx) => tx.ledger.balance(storeId, member.id))).toBe(0);
    });

    it("when a member has no entries, then balance and sum are zero; when the member is unknown, then both are refused", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      await inStore(storeId, async (tx) => {
        expect(await tx.ledger.balance(storeId, member.id)).toBe(0);
        expect(await tx.ledger.sumEntries(storeId, member.id)).toBe(0);
        await expect(tx.ledger.balance(storeId, "mem_unknown")).rejects.toMatchObject({ code: "not_found" });
        await expect(tx.ledger.sumEntries(storeId, "mem_unknown")).rejects.toMatchObject({ code: "not_found" });
      });
    });

    it("when no entry has the key, then findByKey returns null", async () => {
      const storeId = aStoreId();
      expect(await inStore(storeId, (tx) => tx.ledger.findByKey(storeId, "order:1:earn"))).toBeNull();
    });

    it("when several keys are asked about at once, then exactly those held by an entry of this store come back", async () => {
      const storeId = aStoreId();
      const otherStoreId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const stranger = await insertMember(h.storage, otherStoreId);
      await inStore(storeId, async (tx) => {
        await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "task:ch_a:m1:once" }));
        await tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { idempotencyKey: "task:ch_b:m1:once" }));
      });
      await inStore(otherStoreId, (tx) => tx.ledger.append(otherStoreId, aLedgerEntry(otherStoreId, stranger.id, { idempotencyKey: "task:ch_c:m1:once" })));
      const found = await inStore(storeId, (tx) => tx.ledger.existingKeys(storeId, ["task:ch_b:m1:once", "task:ch_c:m1:once", "task:ch_a:m1:once", "task:ch_d:m1:once"]));
      expect([...found].sort()).toEqual(["task:ch_a:m1:once", "task:ch_b:m1:once"]);
      expect(await inStore(storeId, (tx) => tx.ledger.existingKeys(storeId, []))).toEqual([]);
    });
  });
}
