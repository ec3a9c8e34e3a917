import { describe, expect, it } from "vitest";
import { aCompletion, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeTaskCompletionsContract(h: ContractHarness): void {
  describe("task completions", () => {
    it("when a member completes tasks, then they read back oldest first, only theirs, and a second live completion of the same challenge and period is refused", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      const bo = await insertMember(h.storage, storeId);
      const survey = aCompletion(storeId, ana.id, { challengeId: "ch_nps", periodKey: "2026-03", answer: { score: 9, comment: null }, completedAt: minutesAfter(1) });
      const visit = aCompletion(storeId, ana.id, { completedAt: minutesAfter(2) });
      const theirs = aCompletion(storeId, bo.id);
      await h.storage.transaction(storeId, async (tx) => {
        for (const completion of [survey, visit, theirs]) await tx.tasks.insert(storeId, completion);
      });

      await expect(
        h.storage.transaction(storeId, (tx) => tx.tasks.insert(storeId, aCompletion(storeId, ana.id, { challengeId: "ch_nps", periodKey: "2026-03" }))),
      ).rejects.toMatchObject({
        code: "conflict",
      });
      await h.storage.transaction(storeId, (tx) =>
        tx.tasks.insert(storeId, aCompletion(storeId, ana.id, { challengeId: "ch_nps", periodKey: "2026-04", completedAt: minutesAfter(3) })),
      );
      const mine = await h.storage.read(storeId, (tx) => tx.tasks.listForMember(storeId, ana.id));
      expect(mine.map((completion) => [completion.challengeId, completion.periodKey])).toEqual([
        ["ch_nps", "2026-03"],
        ["ch_visit", "once"],
        ["ch_nps", "2026-04"],
      ]);
      expect(mine[0]).toEqual(survey);
      expect(await h.storage.read(storeId, (tx) => tx.tasks.get(storeId, theirs.id))).toEqual(theirs);
    });

    it("when proofs wait and one is rejected, then the queue lists the pending oldest first with a total, and the rejected one's period is free to send again", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      const proofs = [1, 2, 3].map((n) =>
        aCompletion(storeId, ana.id, { challengeId: `ch_proof${n}`, status: "pending", link: `https://example.com/${n}`, photo: n === 3, completedAt: minutesAfter(n) }),
      );
      await h.storage.transaction(storeId, async (tx) => {
        for (const proof of proofs) await tx.tasks.insert(storeId, proof);
      });
      expect(await h.storage.read(storeId, (tx) => tx.tasks.listByStatus(storeId, "pending", { limit: 2, offset: 1 }))).toEqual({ total: 3, items: [proofs[1], proofs[2]] });

      const rejected = { ...proofs[0]!, status: "rejected" as const, reason: "The link does not open", decidedAt: minutesAfter(10), photo: false };
      await h.storage.transaction(storeId, (tx) => tx.tasks.update(storeId, { ...rejected, link: "https://changed.example", challengeId: "ch_other" }));
      expect(await h.storage.read(storeId, (tx) => tx.tasks.get(storeId, rejected.id))).toEqual(rejected);
      expect((await h.storage.read(storeId, (tx) => tx.tasks.listByStatus(storeId, "pending", { limit: 10, offset: 0 }))).total).toBe(2);

      const again = aCompletion(storeId, ana.id, { challengeId: "ch_proof1", status: "pending", link: "https://example.com/again" });
      await h.storage.transaction(storeId, (tx) => tx.tasks.insert(storeId, again));
      expect((await h.storage.read(storeId, (tx) => tx.tasks.listByStatus(storeId, "rejected", { limit: 10, offset: 0 }))).items).toEqual([rejected]);
    });

    it("when a completion that does not exist is updated, then it is refused as not found", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      await expect(h.storage.transaction(storeId, (tx) => tx.tasks.update(storeId, aCompletion(storeId, ana.id)))).rejects.toMatchObject({ code: "not_found" });
    });
  });
}
