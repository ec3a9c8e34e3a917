import { describe, expect, it } from "vitest";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { aMemberTier, aTierChange } from "../support/tier-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeTierChangesContract(h: ContractHarness): void {
  describe("tier changes", () => {
    it("when changes are appended, then a member's read back newest first, at most the limit, theirs only, in their store only", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      const bo = await insertMember(h.storage, storeId);
      const reached = aTierChange(storeId, ana.id, { at: minutesAfter(1) });
      const grace = aTierChange(storeId, ana.id, {
        fromTierId: "tr_silver",
        toTierId: "tr_silver",
        reason: "grace_started",
        details: { amount: 10, graceEndsAt: minutesAfter(99) },
        at: minutesAfter(2),
      });
      const demoted = aTierChange(storeId, ana.id, { fromTierId: "tr_silver", toTierId: null, reason: "demoted", details: { amount: 0, metric: null }, at: minutesAfter(3) });
      const theirs = aTierChange(storeId, bo.id);
      await h.storage.transaction(storeId, async (tx) => {
        for (const change of [reached, grace, demoted, theirs]) await tx.tierChanges.append(storeId, change);
      });

      expect(await h.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, ana.id, 10))).toEqual([demoted, grace, reached]);
      expect(await h.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, ana.id, 2))).toEqual([demoted, grace]);
      expect(await h.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, bo.id, 10))).toEqual([theirs]);
      const other = aStoreId();
      expect(await h.storage.read(other, (tx) => tx.tierChanges.listForMember(other, ana.id, 10))).toEqual([]);
    });

    it("when a change with a taken id is appended, then it is refused with a conflict and the transaction changes nothing", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      const first = aTierChange(storeId, ana.id);
      await h.storage.transaction(storeId, (tx) => tx.tierChanges.append(storeId, first));

      await expect(
        h.storage.transaction(storeId, async (tx) => {
          await tx.tierChanges.append(storeId, aTierChange(storeId, ana.id, { reason: "kept" }));
          await tx.tierChanges.append(storeId, { ...first, reason: "demoted" });
        }),
      ).rejects.toMatchObject({ code: "conflict" });

      expect(await h.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, ana.id, 10))).toEqual([first]);
    });

    it("when a store is purged, then its tier changes are gone", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      await h.storage.transaction(storeId, (tx) => tx.tierChanges.append(storeId, aTierChange(storeId, ana.id)));

      await h.storage.purgeStoreData(storeId);

      expect(await h.storage.read(storeId, (tx) => tx.tierChanges.listForMember(storeId, ana.id, 10))).toEqual([]);
    });

    it("when members are due a tier review, then those never reviewed and those whose review time has come are listed in creation order, at most the limit", async () => {
      const storeId = aStoreId();
      const never = await insertMember(h.storage, storeId, { createdAt: minutesAfter(1) });
      const due = await insertMember(h.storage, storeId, { createdAt: minutesAfter(2), tier: aMemberTier({ tierId: "tr_gold", reviewAt: minutesAfter(10) }) });
      await insertMember(h.storage, storeId, { createdAt: minutesAfter(3), tier: aMemberTier({ tierId: "tr_gold", reviewAt: minutesAfter(11) }) });
      await insertMember(h.storage, storeId, { createdAt: minutesAfter(4), tier: aMemberTier({ tierId: "tr_gold", reviewAt: null }) });
      const now = new Date(minutesAfter(10));

      const ids = async (limit: number) => (await h.storage.read(storeId, (tx) => tx.members.tierReviewsDue(storeId, now, limit))).map((member) => member.id);
      expect(await ids(10)).toEqual([never.id, due.id]);
      expect(await ids(1)).toEqual([never.id]);
      const reviewed = { ...never, tier: aMemberTier({ reviewAt: minutesAfter(60) }) };
      await h.storage.transaction(storeId, (tx) => tx.members.update(storeId, reviewed));
      expect(await ids(10)).toEqual([due.id]);
      expect((await h.storage.read(storeId, (tx) => tx.members.get(storeId, never.id)))?.tier).toEqual(reviewed.tier);
    });

    it("when members hold tiers, then tierHolders counts each member once by the tiers held at that instant: a paid tier only until it runs out, the unreviewed under none", async () => {
      const storeId = aStoreId();
      const paid = (until: string) => ({ tierId: "tr_gold", membershipId: "ms_1", until, grants: [] });
      await insertMember(h.storage, storeId);
      await insertMember(h.storage, storeId, { tier: aMemberTier({ tierId: "tr_silver" }) });
      await insertMember(h.storage, storeId, { tier: aMemberTier({ tierId: "tr_silver" }) });
      await insertMember(h.storage, storeId, { tier: aMemberTier({ tierId: "tr_silver" }, { paid: paid(minutesAfter(10)) }) });
      await insertMember(h.storage, storeId, { tier: aMemberTier({}, { assigned: { tierId: "tr_club", by: "merchant", at: minutesAfter(0) } }) });
      await insertMember(h.storage, aStoreId(), { tier: aMemberTier({ tierId: "tr_gold" }) });

      const holders = async (now: string) => {
        const groups = await h.storage.read(storeId, (tx) => tx.members.tierHolders(storeId, new Date(now)));
        const key = (group: (typeof groups)[number]) => [group.earned, group.paid, group.assigned].join("|");
        return groups.sort((a, b) => key(a).localeCompare(key(b)));
      };
      const none = { earned: null, paid: null, assigned: null };
      expect(await holders(minutesAfter(5))).toEqual([
        { ...none, members: 1 },
        { ...none, assigned: "tr_club", members: 1 },
        { ...none, earned: "tr_silver", members: 2 },
        { ...none, earned: "tr_silver", paid: "tr_gold", members: 1 },
      ]);
      expect(await holders(minutesAfter(10))).toEqual([
        { ...none, members: 1 },
        { ...none, assigned: "tr_club", members: 1 },
        { ...none, earned: "tr_silver", members: 3 },
      ]);
    });
  });
}
