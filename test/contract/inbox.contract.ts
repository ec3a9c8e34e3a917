import { describe, expect, it } from "vitest";
import type { InboxEvent } from "../../server/modules/inbox/inbox-event.js";
import type { WebhookReceipt } from "../../server/modules/inbox/webhook-receipt.js";
import { anInboxEvent, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { at, type ContractHarness } from "./contract-harness.js";

const minute = 60_000;

const receiptOf = (event: InboxEvent, fingerprint: string): WebhookReceipt => ({ eventId: event.eventId, storeId: event.storeId, fingerprint, receivedAt: event.receivedAt });

export function describeInboxContract(h: ContractHarness): void {
  describe("inbox", () => {
    it("when an event is added, then it is created and get returns it", async () => {
      const event = anInboxEvent(aStoreId());
      expect(await h.storage.inbox.add(event.storeId, event)).toEqual({ created: true });
      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
    });

    it("when an event with the same id is added again, then nothing changes and add says so", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      expect(await h.storage.inbox.add(event.storeId, { ...event, eventType: "order.deleted", data: null })).toEqual({ created: false });
      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
      expect(await h.storage.inbox.counts(event.storeId)).toEqual({ pending: 1, done: 0, failed: 0 });
    });

    it("when an event is unknown or belongs to another store, then get returns null", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      expect(await h.storage.inbox.get(event.storeId, "evt_unknown")).toBeNull();
      expect(await h.storage.inbox.get(aStoreId(), event.eventId)).toBeNull();
    });

    it("when an event comes with its receipt, then both are stored and no fingerprint was seen", async () => {
      const event = anInboxEvent(aStoreId());
      const receipt = receiptOf(event, "fp-1");

      expect(await h.storage.inbox.addWithReceipt(event.storeId, event, receipt)).toEqual({ created: true, seenFingerprint: null });

      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
      expect(await h.storage.receipts.find(event.eventId)).toEqual(receipt);
    });

    it("when a receipt for the event id is there already, then nothing is stored and its fingerprint comes back", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.receipts.remember(receiptOf(event, "fp-first"));

      expect(await h.storage.inbox.addWithReceipt(event.storeId, event, receiptOf(event, "fp-replayed"))).toEqual({ created: false, seenFingerprint: "fp-first" });

      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toBeNull();
      expect((await h.storage.receipts.find(event.eventId))?.fingerprint).toBe("fp-first");
    });

    it("when the event is queued already but has no receipt, then the receipt is stored and the event is not added again", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);

      expect(await h.storage.inbox.addWithReceipt(event.storeId, { ...event, eventType: "order.deleted" }, receiptOf(event, "fp-1"))).toEqual({
        created: false,
        seenFingerprint: null,
      });

      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
      expect(await h.storage.receipts.find(event.eventId)).toEqual(receiptOf(event, "fp-1"));
    });

    it("when the same event comes with its receipt twice at once, then it is stored once", async () => {
      const event = anInboxEvent(aStoreId());

      const results = await Promise.all([1, 2, 3].map(() => h.storage.inbox.addWithReceipt(event.storeId, event, receiptOf(event, "fp-1"))));

      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(await h.storage.inbox.counts(event.storeId)).toEqual({ pending: 1, done: 0, failed: 0 });
      expect(await h.storage.receipts.find(event.eventId)).toEqual(receiptOf(event, "fp-1"));
    });

    it("when many events come with their receipts at once, then each gets the answer and the rows it would get alone", async () => {
      const fresh = Array.from({ length: 12 }, (_, i) => anInboxEvent(aStoreId(), i === 0 ? { data: null } : {}));
      const replayed = anInboxEvent(aStoreId());
      await h.storage.receipts.remember(receiptOf(replayed, "fp-first"));
      const queued = anInboxEvent(aStoreId());
      await h.storage.inbox.add(queued.storeId, queued);

      const results = await Promise.all([
        ...fresh.map((event) => h.storage.inbox.addWithReceipt(event.storeId, event, receiptOf(event, `fp-${event.eventId}`))),
        h.storage.inbox.addWithReceipt(replayed.storeId, replayed, receiptOf(replayed, "fp-replayed")),
        h.storage.inbox.addWithReceipt(queued.storeId, queued, receiptOf(queued, "fp-queued")),
        h.storage.inbox.addWithReceipt(fresh[5]!.storeId, fresh[5]!, receiptOf(fresh[5]!, `fp-${fresh[5]!.eventId}`)),
      ]);

      expect(results.slice(0, -1)).toEqual([
        ...fresh.map(() => ({ created: true, seenFingerprint: null })),
        { created: false, seenFingerprint: "fp-first" },
        { created: false, seenFingerprint: null },
      ]);
      // the same event twice at once: stored once (whether the second sees the receipt or the event is the adapter's race)
      expect(results.at(-1)?.created).toBe(false);
      for (const event of fresh) {
        expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
        expect(await h.storage.receipts.find(event.eventId)).toEqual(receiptOf(event, `fp-${event.eventId}`));
      }
      expect(await h.storage.inbox.get(replayed.storeId, replayed.eventId)).toBeNull();
      expect(await h.storage.receipts.find(queued.eventId)).toEqual(receiptOf(queued, "fp-queued"));
    });

    it("when an event names another store than the one it is added to, then add is refused", async () => {
      const event = anInboxEvent(aStoreId());
      await expect(h.storage.inbox.add(event.storeId + 1, event)).rejects.toThrow();
      expect(await h.storage.inbox.get(event.storeId + 1, event.eventId)).toBeNull();
    });

    it("when events wait in several stores, then claimNext takes them oldest received first, across stores", async () => {
      const storeA = aStoreId();
      const storeB = aStoreId();
      const second = anInboxEvent(storeA, { receivedAt: minutesAfter(2) });
      const first = anInboxEvent(storeB, { receivedAt: minutesAfter(1) });
      const third = anInboxEvent(storeA, { receivedAt: minutesAfter(3) });
      for (const event of [second, first, third]) await h.storage.inbox.add(event.storeId, event);
      const now = at(minutesAfter(10));

      const claimed = [await h.storage.inbox.claimNext(now, minute), await h.storage.inbox.claimNext(now, minute), await h.storage.inbox.claimNext(now, minute)];

      expect(claimed.map((event) => event?.eventId)).toEqual([first.eventId, second.eventId, third.eventId]);
      expect(await h.storage.inbox.claimNext(now, minute)).toBeNull();
    });

    it("when an event is claimed, then it is leased with one more attempt and nobody else takes it until the lease lapses", async () => {
      const event = anInboxEvent(aStoreId(), { receivedAt: minutesAfter(0) });
      await h.storage.inbox.add(event.storeId, event);

      const claimed = await h.storage.inbox.claimNext(at(minutesAfter(10)), 5 * minute);

      const leased = { ...event, attempts: 1, leaseUntil: minutesAfter(15) };
      expect(claimed).toEqual(leased);
      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(leased);
      expect(await h.storage.inbox.claimNext(at(minutesAfter(14)), 5 * minute)).toBeNull();
      const retaken = await h.storage.inbox.claimNext(at(minutesAfter(16)), 5 * minute);
      expect(retaken).toEqual({ ...event, attempts: 2, leaseUntil: minutesAfter(21) });
    });

    it("when workers race for one event, then exactly one gets it", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      const now = at(minutesAfter(1));
      const results = await Promise.all([1, 2, 3, 4].map(() => h.storage.inbox.claimNext(now, minute)));
      expect(results.filter((result) => result !== null).map((result) => result?.eventId)).toEqual([event.eventId]);
    });

    it("when workers race for two events, then each gets a different one", async () => {
      const storeId = aStoreId();
      const events = [anInboxEvent(storeId, { receivedAt: minutesAfter(1) }), anInboxEvent(storeId, { receivedAt: minutesAfter(2) })];
      for (const event of events) await h.storage.inbox.add(storeId, event);
      const now = at(minutesAfter(5));
      const results = await Promise.all([h.storage.inbox.claimNext(now, minute), h.storage.inbox.claimNext(now, minute)]);
      expect(results.map((result) => result?.eventId).sort()).toEqual(events.map((event) => event.eventId).sort());
    });

    it("when an event is not yet available, then it is claimed only from its availableAt on", async () => {
      const event = anInboxEvent(aStoreId(), { receivedAt: minutesAfter(0), availableAt: minutesAfter(5) });
      await h.storage.inbox.add(event.storeId, event);
      expect(await h.storage.inbox.claimNext(at(minutesAfter(4)), minute)).toBeNull();
      expect((await h.storage.inbox.claimNext(at(minutesAfter(5)), minute))?.eventId).toBe(event.eventId);
    });

    it("when nothing is pending, then claimNext returns null", async () => {
      expect(await h.storage.inbox.claimNext(at(minutesAfter(0)), minute)).toBeNull();
    });

    it("when a claimed event is completed, then it is done, released, and never claimed again", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      await h.storage.inbox.claimNext(at(minutesAfter(1)), minute);

      await h.storage.inbox.complete(event.storeId, event.eventId, at(minutesAfter(2)));

      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual({ ...event, status: "done", attempts: 1, leaseUntil: null, processedAt: minutesAfter(2) });
      expect(await h.storage.inbox.claimNext(at(minutesAfter(600)), minute)).toBeNull();
    });

    it("when an attempt fails with a retry time, then the event is pending again but not claimable before that time", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      await h.storage.inbox.claimNext(at(minutesAfter(1)), minute);

      await h.storage.inbox.fail(event.storeId, event.eventId, "Ecwid answered 503", at(minutesAfter(20)));

      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual({
        ...event,
        attempts: 1,
        availableAt: minutesAfter(20),
        leaseUntil: null,
        lastError: "Ecwid answered 503",
      });
      expect(await h.storage.inbox.claimNext(at(minutesAfter(19)), minute)).toBeNull();
      expect(await h.storage.inbox.claimNext(at(minutesAfter(20)), minute)).toMatchObject({ eventId: event.eventId, attempts: 2 });
    });

    it("when an attempt fails for good, then the event is listed as failed until it is requeued", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      await h.storage.inbox.claimNext(at(minutesAfter(1)), minute);

      await h.storage.inbox.fail(event.storeId, event.eventId, "order not found", null);

      const failed = { ...event, status: "failed", attempts: 1, leaseUntil: null, lastError: "order not found" };
      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(failed);
      expect(await h.storage.inbox.listFailed(event.storeId)).toEqual([failed]);
      expect(await h.storage.inbox.counts(event.storeId)).toEqual({ pending: 0, done: 0, failed: 1 });
      expect(await h.storage.inbox.claimNext(at(minutesAfter(600)), minute)).toBeNull();

      await h.storage.inbox.requeue(event.storeId, event.eventId, at(minutesAfter(30)));

      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual({ ...failed, status: "pending", availableAt: minutesAfter(30) });
      expect(await h.storage.inbox.listFailed(event.storeId)).toEqual([]);
      expect(await h.storage.inbox.claimNext(at(minutesAfter(30)), minute)).toMatchObject({ eventId: event.eventId, attempts: 2 });
    });

    it("when an event is not failed, then requeue is refused with a conflict", async () => {
      const event = anInboxEvent(aStoreId());
      await h.storage.inbox.add(event.storeId, event);
      await expect(h.storage.inbox.requeue(event.storeId, event.eventId, at(minutesAfter(1)))).rejects.toMatchObject({ code: "conflict" });
      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
    });

    it("when an event is unknown, then complete, fail and requeue are refused", async () => {
      const storeId = aStoreId();
      await expect(h.storage.inbox.complete(storeId, "evt_unknown", at(minutesAfter(1)))).rejects.toMatchObject({ code: "not_found" });
      await expect(h.storage.inbox.fail(storeId, "evt_unknown", "x", null)).rejects.toMatchObject({ code: "not_found" });
      await expect(h.storage.inbox.requeue(storeId, "evt_unknown", at(minutesAfter(1)))).rejects.toMatchObject({ code: "not_found" });
    });

    it("when one store has a flood waiting, then another store's later event is taken as soon as the flooded store holds a lease", async () => {
      const flooded = aStoreId();
      const other = aStoreId();
      const flood = [1, 2, 3, 4, 5].map((n) => anInboxEvent(flooded, { receivedAt: minutesAfter(n) }));
      const late = anInboxEvent(other, { receivedAt: minutesAfter(9) });
      for (const event of [...flood, late]) await h.storage.inbox.add(event.storeId, event);
      const now = at(minutesAfter(10));

      const claimed = [await h.storage.inbox.claimNext(now, minute), await h.storage.inbox.claimNext(now, minute), await h.storage.inbox.claimNext(now, minute)];

      expect(claimed.map((event) => event?.eventId)).toEqual([flood[0]?.eventId, late.eventId, flood[1]?.eventId]);
    });

    it("when stores hold as many leases, then the one whose oldest event waited longest goes first", async () => {
      const [storeA, storeB] = [aStoreId(), aStoreId()];
      const events = [anInboxEvent(storeA, { receivedAt: minutesAfter(1) }), anInboxEvent(storeB, { receivedAt: minutesAfter(2) })];
      const [a2, b2] = [anInboxEvent(storeA, { receivedAt: minutesAfter(4) }), anInboxEvent(storeB, { receivedAt: minutesAfter(3) })];
      for (const event of [...events, a2, b2]) await h.storage.inbox.add(event.storeId, event);
      const now = at(minutesAfter(10));
      await h.storage.inbox.claimNext(now, minute);
      await h.storage.inbox.claimNext(now, minute);

      expect((await h.storage.inbox.claimNext(now, minute))?.eventId).toBe(b2.eventId);
      expect((await h.storage.inbox.claimNext(now, minute))?.eventId).toBe(a2.eventId);
    });

    it("when a store holds its limit of live leases, then its events wait while other stores' are taken, until a lease ends", async () => {
      const busy = aStoreId();
      const other = aStoreId();
      const [first, second, third] = [1, 2, 3].map((n) => anInboxEvent(busy, { receivedAt: minutesAfter(n) }));
      const theirs = anInboxEvent(other, { receivedAt: minutesAfter(8) });
      for (const event of [first, second, third, theirs]) if (event) await h.storage.inbox.add(event.storeId, event);
      const now = at(minutesAfter(10));
      const limit = { perStoreLimit: 2 };

      const taken = [await h.storage.inbox.claimNext(now, minute, limit), await h.storage.inbox.claimNext(now, minute, limit), await h.storage.inbox.claimNext(now, minute, limit)];
      expect(taken.map((event) => event?.eventId)).toEqual([first?.eventId, theirs.eventId, second?.eventId]);
      expect(await h.storage.inbox.claimNext(now, minute, limit)).toBeNull();

      await h.storage.inbox.complete(busy, first?.eventId ?? "", now);
      expect((await h.storage.inbox.claimNext(now, minute, limit))?.eventId).toBe(third?.eventId);
    });

    it("when a lease has lapsed, then it no longer counts against its store's limit", async () => {
      const storeId = aStoreId();
      const [first, second] = [1, 2].map((n) => anInboxEvent(storeId, { receivedAt: minutesAfter(n) }));
      for (const event of [first, second]) if (event) await h.storage.inbox.add(storeId, event);
      const limit = { perStoreLimit: 1 };
      await h.storage.inbox.claimNext(at(minutesAfter(10)), minute, limit);

      expect(await h.storage.inbox.claimNext(at(minutesAfter(10.5)), minute, limit)).toBeNull();
      expect((await h.storage.inbox.claimNext(at(minutesAfter(11)), minute, limit))?.eventId).toBe(first?.eventId);
    });

    it("when workers race for a store with a limit, then exactly as many leases as the limit are handed out, oldest first", async () => {
      const storeId = aStoreId();
      const events = [1, 2, 3, 4, 5, 6].map((n) => anInboxEvent(storeId, { receivedAt: minutesAfter(n) }));
      for (const event of events) await h.storage.inbox.add(storeId, event);
      const now = at(minutesAfter(10));

      const results = await Promise.all(events.map(() => h.storage.inbox.claimNext(now, minute, { perStoreLimit: 2 })));

      const taken = results.filter((result) => result !== null);
      expect(taken.map((event) => event.eventId).sort()).toEqual([events[0]?.eventId, events[1]?.eventId].sort());
    });

    it("when the per-store limit is not a whole number of at least one, then claimNext is refused", async () => {
      await expect(h.storage.inbox.claimNext(at(minutesAfter(0)), minute, { perStoreLimit: 0 })).rejects.toThrow(/perStoreLimit/);
      await expect(h.storage.inbox.claimNext(at(minutesAfter(0)), minute, { perStoreLimit: 1.5 })).rejects.toThrow(/perStoreLimit/);
    });

    it("when done events are older than the cutoff, then pruneDone deletes them in every store and keeps pending, failed and later done events", async () => {
      const [storeA, storeB] = [aStoreId(), aStoreId()];
      const [oldA, oldB, recentA, failedA, pendingB] = [
        anInboxEvent(storeA, { receivedAt: minutesAfter(1) }),
        anInboxEvent(storeB, { receivedAt: minutesAfter(2) }),
        anInboxEvent(storeA, { receivedAt: minutesAfter(3) }),
        anInboxEvent(storeA, { receivedAt: minutesAfter(4) }),
        anInboxEvent(storeB, { receivedAt: minutesAfter(5) }),
      ];
      for (const event of [oldA, oldB, recentA, failedA, pendingB]) if (event) await h.storage.inbox.add(event.storeId, event);
      for (const [event, doneAt] of [
        [oldA, 10],
        [oldB, 20],
        [recentA, 40],
      ] as const) {
        await h.storage.inbox.claimNext(at(minutesAfter(doneAt)), minute);
        await h.storage.inbox.complete(event.storeId, event.eventId, at(minutesAfter(doneAt)));
      }
      await h.storage.inbox.claimNext(at(minutesAfter(50)), minute);
      await h.storage.inbox.fail(storeA, failedA?.eventId ?? "", "order not found", null);

      expect(await h.storage.inbox.pruneDone(at(minutesAfter(30)))).toBe(2);

      expect(await h.storage.inbox.get(storeA, oldA?.eventId ?? "")).toBeNull();
      expect(await h.storage.inbox.get(storeB, oldB?.eventId ?? "")).toBeNull();
      expect(await h.storage.inbox.get(storeA, recentA?.eventId ?? "")).toMatchObject({ status: "done" });
      expect(await h.storage.inbox.counts(storeA)).toEqual({ pending: 0, done: 1, failed: 1 });
      expect(await h.storage.inbox.counts(storeB)).toEqual({ pending: 1, done: 0, failed: 0 });
      expect((await h.storage.inbox.listFailed(storeA)).map((event) => event.eventId)).toEqual([failedA?.eventId]);
      expect((await h.storage.inbox.claimNext(at(minutesAfter(60)), minute))?.eventId).toBe(pendingB?.eventId);
      expect(await h.storage.inbox.pruneDone(at(minutesAfter(30)))).toBe(0);
    });

    it("when a pruned event's id comes again, then it is a new event", async () => {
      const event = anInboxEvent(aStoreId(), { receivedAt: minutesAfter(1) });
      await h.storage.inbox.add(event.storeId, event);
      await h.storage.inbox.claimNext(at(minutesAfter(2)), minute);
      await h.storage.inbox.complete(event.storeId, event.eventId, at(minutesAfter(2)));
      await h.storage.inbox.pruneDone(at(minutesAfter(3)));

      expect(await h.storage.inbox.add(event.storeId, event)).toEqual({ created: true });
      expect(await h.storage.inbox.get(event.storeId, event.eventId)).toEqual(event);
    });

    it("when events are in every state, then counts tells them apart per store", async () => {
      const storeId = aStoreId();
      const [done, failed, pending] = [1, 2, 3].map((n) => anInboxEvent(storeId, { receivedAt: minutesAfter(n) }));
      for (const event of [done, failed, pending]) if (event) await h.storage.inbox.add(storeId, event);
      const now = at(minutesAfter(10));
      const first = await h.storage.inbox.claimNext(now, minute);
      const second = await h.storage.inbox.claimNext(now, minute);
      await h.storage.inbox.complete(storeId, first?.eventId ?? "", now);
      await h.storage.inbox.fail(storeId, second?.eventId ?? "", "boom", null);

      expect(await h.storage.inbox.counts(storeId)).toEqual({ pending: 1, done: 1, failed: 1 });
      expect(await h.storage.inbox.counts(aStoreId())).toEqual({ pending: 0, done: 0, failed: 0 });
    });
  });
}
