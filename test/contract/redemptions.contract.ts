import { describe, expect, it } from "vitest";
import { newId } from "../../server/lib/ids.js";
import type { Redemption } from "../../server/modules/rewards/redemption.js";
import type { StoreTransaction } from "../../server/storage/storage.port.js";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import type { ContractHarness } from "./contract-harness.js";

export function aRedemption(storeId: number, overrides: Partial<Redemption> = {}): Redemption {
  const id = overrides.id ?? newId("red");
  return {
    id,
    storeId,
    memberId: "mem_ann",
    rewardId: "rew_five",
    rewardName: "5 off",
    rewardKind: "amount",
    points: 100,
    valueMinor: 500,
    status: "pending",
    coupon: { code: `QL-${id}`, expiresAt: minutesAfter(60 * 24 * 30), ecwidId: null },
    reason: null,
    requestKey: null,
    requestFingerprint: "fp",
    checkAfter: minutesAfter(1),
    checks: 0,
    usedByOrderId: null,
    fulfilledBy: null,
    grantedBy: null,
    createdAt: minutesAfter(0),
    updatedAt: minutesAfter(0),
    ...overrides,
  };
}

export function describeRedemptionsContract(h: ContractHarness): void {
  const inStore = <T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>) => h.storage.transaction(storeId, work);
  const insertAll = (storeId: number, redemptions: Redemption[]) =>
    inStore(storeId, async (tx) => {
      for (const redemption of redemptions) await tx.redemptions.insert(storeId, redemption);
    });

  describe("redemptions", () => {
    it("when a redemption is inserted, then get, findByCode and findByRequestKey return it, and nothing else matches", async () => {
      const storeId = aStoreId();
      const redemption = aRedemption(storeId, { requestKey: "key-1" });
      const bare = aRedemption(storeId, { coupon: null, status: "issued", rewardKind: "donation", checkAfter: null });
      await insertAll(storeId, [redemption, bare]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.get(storeId, redemption.id)).toEqual(redemption);
        expect(await tx.redemptions.get(storeId, bare.id)).toEqual(bare);
        expect(await tx.redemptions.findByCode(storeId, redemption.coupon!.code)).toEqual(redemption);
        expect(await tx.redemptions.findByRequestKey(storeId, "mem_ann", "key-1")).toEqual(redemption);
        expect(await tx.redemptions.get(storeId, "red_missing")).toBeNull();
        expect(await tx.redemptions.findByCode(storeId, "QL-MISSING")).toBeNull();
        expect(await tx.redemptions.findByRequestKey(storeId, "mem_bob", "key-1")).toBeNull();
        expect(await tx.redemptions.findByRequestKey(storeId, "mem_ann", "key-2")).toBeNull();
      });
      expect(await h.storage.read(storeId + 1, (tx) => tx.redemptions.get(storeId + 1, redemption.id))).toBeNull();
    });

    it.each([
      ["id", (first: Redemption) => ({ id: first.id })],
      ["coupon code", (first: Redemption) => ({ coupon: { ...first.coupon!, ecwidId: 5 } })],
      ["request key of the same member", () => ({ requestKey: "key-1" })],
    ])("when a redemption's %s is already taken, then insert is refused with a conflict and the transaction goes on", async (_what, clash) => {
      const storeId = aStoreId();
      const first = aRedemption(storeId, { requestKey: "key-1" });
      await insertAll(storeId, [first]);
      const second = aRedemption(storeId, clash(first));
      const found = await inStore(storeId, async (tx) => {
        await expect(tx.redemptions.insert(storeId, second)).rejects.toMatchObject({ code: "conflict" });
        return tx.redemptions.findByRequestKey(storeId, "mem_ann", "key-1");
      });
      expect(found).toEqual(first);
      expect(await inStore(storeId, (tx) => tx.redemptions.page(storeId, { limit: 10, offset: 0 }))).toEqual({ total: 1, items: [first] });
    });

    it("when a challenge's grant is inserted (0 points, the completion that granted it), then it reads back whole and counts in the reward's budgets", async () => {
      const storeId = aStoreId();
      const grantedBy = { challengeId: "ch_card", challengeTitle: "Coffee card", periodKey: "n2" };
      const grant = aRedemption(storeId, { points: 0, grantedBy, requestKey: "grant:ch_card:n2:g1:rew_five" });
      await insertAll(storeId, [grant]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.findByRequestKey(storeId, "mem_ann", "grant:ch_card:n2:g1:rew_five")).toEqual(grant);
        expect(await tx.redemptions.heldPoints(storeId, "mem_ann")).toBe(0);
        expect(await tx.redemptions.countForReward(storeId, "rew_five", { since: null })).toEqual({ count: 1, valueMinor: 500 });
      });
    });

    it("when another member uses the same request key, or redemptions have no key or no coupon, then they all fit", async () => {
      const storeId = aStoreId();
      const redemptions = [
        aRedemption(storeId, { requestKey: "key-1" }),
        aRedemption(storeId, { memberId: "mem_bob", requestKey: "key-1" }),
        aRedemption(storeId),
        aRedemption(storeId),
        aRedemption(storeId, { coupon: null }),
        aRedemption(storeId, { coupon: null }),
      ];
      await insertAll(storeId, redemptions);
      expect((await inStore(storeId, (tx) => tx.redemptions.page(storeId, { limit: 10, offset: 0 }))).total).toBe(6);
    });

    it("when a redemption is updated, then its life changes and what was bought stays as inserted", async () => {
      const storeId = aStoreId();
      const redemption = aRedemption(storeId, { requestKey: "key-1" });
      await insertAll(storeId, [redemption]);
      const issued: Redemption = {
        ...redemption,
        status: "used",
        coupon: { ...redemption.coupon!, ecwidId: 99 },
        reason: "used at checkout",
        checkAfter: null,
        checks: 2,
        usedByOrderId: "1042",
        fulfilledBy: "owner@shop.example",
        valueMinor: 400,
        updatedAt: minutesAfter(5),
      };
      await inStore(storeId, (tx) => tx.redemptions.update(storeId, { ...issued, points: 1, memberId: "mem_bob", rewardId: "rew_other", createdAt: minutesAfter(9) }));
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.get(storeId, redemption.id)).toEqual(issued);
        expect(await tx.redemptions.findByCode(storeId, redemption.coupon!.code)).toEqual(issued);
        expect(await tx.redemptions.findByRequestKey(storeId, "mem_ann", "key-1")).toEqual(issued);
      });
    });

    it("when a coupon code changes on update, then the new code finds it and the old one does not; a taken code is refused", async () => {
      const storeId = aStoreId();
      const [one, two] = [aRedemption(storeId), aRedemption(storeId)];
      await insertAll(storeId, [one!, two!]);
      const renamed = { ...one!, coupon: { code: "QL-NEW", expiresAt: minutesAfter(10), ecwidId: null } };
      await inStore(storeId, (tx) => tx.redemptions.update(storeId, renamed));
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.findByCode(storeId, "QL-NEW")).toEqual(renamed);
        expect(await tx.redemptions.findByCode(storeId, one!.coupon!.code)).toBeNull();
      });
      await expect(inStore(storeId, (tx) => tx.redemptions.update(storeId, { ...two!, coupon: renamed.coupon }))).rejects.toMatchObject({ code: "conflict" });
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.get(storeId, two!.id))).toEqual(two);
    });

    it("when a missing redemption is updated, then it is refused as not found", async () => {
      const storeId = aStoreId();
      await expect(inStore(storeId, (tx) => tx.redemptions.update(storeId, aRedemption(storeId)))).rejects.toMatchObject({ code: "not_found" });
    });

    it("when a member's redemptions are listed, then they come newest first, up to the limit, only theirs", async () => {
      const storeId = aStoreId();
      const ann = [0, 1, 2, 3].map((i) => aRedemption(storeId, { createdAt: minutesAfter(i) }));
      const bob = aRedemption(storeId, { memberId: "mem_bob" });
      await insertAll(storeId, [ann[0]!, ann[1]!, bob, ann[2]!, ann[3]!]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.listForMember(storeId, "mem_ann", 3)).toEqual([ann[3], ann[2], ann[1]]);
        expect(await tx.redemptions.listForMember(storeId, "mem_bob", 10)).toEqual([bob]);
        expect(await tx.redemptions.listForMember(storeId, "mem_cy", 10)).toEqual([]);
      });
    });

    it("when redemptions are paged, then they come newest first with the total, optionally of some statuses", async () => {
      const storeId = aStoreId();
      const statuses = ["pending", "issued", "released", "issued", "fulfilled"] as const;
      const all = statuses.map((status, i) => aRedemption(storeId, { status, createdAt: minutesAfter(i) }));
      await insertAll(storeId, all);
      const newest = [...all].reverse();
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.page(storeId, { limit: 2, offset: 0 })).toEqual({ total: 5, items: newest.slice(0, 2) });
        expect(await tx.redemptions.page(storeId, { limit: 2, offset: 4 })).toEqual({ total: 5, items: newest.slice(4) });
        expect(await tx.redemptions.page(storeId, { limit: 2, offset: 6 })).toEqual({ total: 5, items: [] });
        expect(await tx.redemptions.page(storeId, { statuses: ["issued", "pending"], limit: 10, offset: 0 })).toEqual({ total: 3, items: [all[3], all[1], all[0]] });
        expect(await tx.redemptions.page(storeId, { statuses: ["issued"], limit: 1, offset: 1 })).toEqual({ total: 2, items: [all[1]] });
        expect(await tx.redemptions.page(storeId, { statuses: [], limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
    });

    it("when redemptions are paged by reward, then only those rewards' come, newest first, together with a status filter", async () => {
      const storeId = aStoreId();
      const [trees, sea, treesDone, other] = [
        aRedemption(storeId, { rewardId: "rw_trees", status: "issued", createdAt: minutesAfter(0) }),
        aRedemption(storeId, { rewardId: "rw_sea", status: "issued", createdAt: minutesAfter(1) }),
        aRedemption(storeId, { rewardId: "rw_trees", status: "fulfilled", createdAt: minutesAfter(2) }),
        aRedemption(storeId, { rewardId: "rw_other", status: "issued", createdAt: minutesAfter(3) }),
      ];
      await insertAll(storeId, [trees!, sea!, treesDone!, other!]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.page(storeId, { rewardIds: ["rw_trees", "rw_sea"], limit: 10, offset: 0 })).toEqual({ total: 3, items: [treesDone, sea, trees] });
        expect(await tx.redemptions.page(storeId, { rewardIds: ["rw_trees"], statuses: ["issued"], limit: 10, offset: 0 })).toEqual({ total: 1, items: [trees] });
        expect(await tx.redemptions.page(storeId, { rewardIds: [], limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
    });

    it("when a member has pending and settled redemptions, then only the pending ones' points are held", async () => {
      const storeId = aStoreId();
      await insertAll(storeId, [
        aRedemption(storeId, { points: 100 }),
        aRedemption(storeId, { points: 250 }),
        aRedemption(storeId, { points: 1000, status: "issued" }),
        aRedemption(storeId, { points: 1000, status: "released" }),
        aRedemption(storeId, { points: 70, memberId: "mem_bob" }),
      ]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.heldPoints(storeId, "mem_ann")).toBe(350);
        expect(await tx.redemptions.heldPoints(storeId, "mem_bob")).toBe(70);
        expect(await tx.redemptions.heldPoints(storeId, "mem_cy")).toBe(0);
      });
    });

    it("when a reward's redemptions are counted, then released ones are left out, and member and since narrow them", async () => {
      const storeId = aStoreId();
      await insertAll(storeId, [
        aRedemption(storeId, { valueMinor: 500, createdAt: minutesAfter(0) }),
        aRedemption(storeId, { valueMinor: 500, status: "issued", createdAt: minutesAfter(10) }),
        aRedemption(storeId, { valueMinor: 500, status: "released", createdAt: minutesAfter(20) }),
        aRedemption(storeId, { valueMinor: null, memberId: "mem_bob", status: "used", createdAt: minutesAfter(30) }),
        aRedemption(storeId, { valueMinor: 700, memberId: "mem_bob", status: "expired", createdAt: minutesAfter(40) }),
        aRedemption(storeId, { valueMinor: 900, rewardId: "rew_other", createdAt: minutesAfter(40) }),
      ]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.countForReward(storeId, "rew_five", { since: null })).toEqual({ count: 4, valueMinor: 1700 });
        expect(await tx.redemptions.countForReward(storeId, "rew_five", { memberId: "mem_ann", since: null })).toEqual({ count: 2, valueMinor: 1000 });
        expect(await tx.redemptions.countForReward(storeId, "rew_five", { since: minutesAfter(10) })).toEqual({ count: 3, valueMinor: 1200 });
        expect(await tx.redemptions.countForReward(storeId, "rew_five", { memberId: "mem_bob", since: minutesAfter(31) })).toEqual({ count: 1, valueMinor: 700 });
        expect(await tx.redemptions.countForReward(storeId, "rew_none", { since: null })).toEqual({ count: 0, valueMinor: 0 });
      });
    });

    it("when a kind's redemptions are summed, then each reward and status has its count, points and value, with the newest name, and no other kind or store counts", async () => {
      const storeId = aStoreId();
      const pledge = (rewardId: string, status: Redemption["status"], valueMinor: number | null, rewardName = "Trees") =>
        aRedemption(storeId, { rewardId, rewardName, rewardKind: "donation", status, valueMinor, coupon: null, checkAfter: null, points: 200 });
      await insertAll(storeId, [
        pledge("rw_trees", "issued", 500, "Plant trees"),
        pledge("rw_trees", "issued", 500),
        pledge("rw_trees", "fulfilled", 500),
        pledge("rw_trees", "released", 500),
        pledge("rw_sea", "issued", null, "Clean seas"),
        aRedemption(storeId, { rewardId: "rw_trees", status: "issued", valueMinor: 9999 }),
      ]);
      await insertAll(storeId + 1, [aRedemption(storeId + 1, { rewardId: "rw_trees", rewardKind: "donation", status: "issued", valueMinor: 700 })]);
      const sums = await h.storage.read(storeId, (tx) => tx.redemptions.sumsByReward(storeId, "donation"));
      const byKey = (a: { rewardId: string; status: string }, b: { rewardId: string; status: string }) => `${a.rewardId} ${a.status}`.localeCompare(`${b.rewardId} ${b.status}`);
      expect([...sums].sort(byKey)).toEqual(
        [
          { rewardId: "rw_trees", rewardName: "Trees", status: "issued", count: 2, points: 400, valueMinor: 1000 },
          { rewardId: "rw_trees", rewardName: "Trees", status: "fulfilled", count: 1, points: 200, valueMinor: 500 },
          { rewardId: "rw_trees", rewardName: "Trees", status: "released", count: 1, points: 200, valueMinor: 500 },
          { rewardId: "rw_sea", rewardName: "Clean seas", status: "issued", count: 1, points: 200, valueMinor: 0 },
        ].sort(byKey),
      );
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.sumsByReward(storeId, "experience"))).toEqual([]);
    });

    it("when the jobs ask what is due, then pending ones to check and issued coupons expired by now come oldest first, up to the limit", async () => {
      const storeId = aStoreId();
      const coupon = (code: string, expiresAt: string) => ({ code, expiresAt, ecwidId: 1 });
      const checkNow = aRedemption(storeId, { checkAfter: minutesAfter(5) });
      const expired = aRedemption(storeId, { status: "issued", checkAfter: null, coupon: coupon("QL-OLD", minutesAfter(10)) });
      const checkLater = aRedemption(storeId, { checkAfter: minutesAfter(11) });
      const notChecked = aRedemption(storeId, { checkAfter: null });
      const valid = aRedemption(storeId, { status: "issued", checkAfter: null, coupon: coupon("QL-VALID", minutesAfter(11)) });
      const usedExpired = aRedemption(storeId, { status: "used", checkAfter: minutesAfter(1), coupon: coupon("QL-USED", minutesAfter(1)) });
      const releasedDue = aRedemption(storeId, { status: "released", checkAfter: minutesAfter(1) });
      const checkAtOnce = aRedemption(storeId, { checkAfter: minutesAfter(10) });
      await insertAll(storeId, [checkNow, expired, checkLater, notChecked, valid, usedExpired, releasedDue, checkAtOnce]);
      await inStore(storeId, async (tx) => {
        expect(await tx.redemptions.due(storeId, minutesAfter(10), 10)).toEqual([checkNow, expired, checkAtOnce]);
        expect(await tx.redemptions.due(storeId, minutesAfter(10), 2)).toEqual([checkNow, expired]);
        expect(await tx.redemptions.due(storeId, minutesAfter(4), 10)).toEqual([]);
        expect(await tx.redemptions.due(storeId, minutesAfter(11), 10)).toEqual([checkNow, expired, checkLater, valid, checkAtOnce]);
      });
      await inStore(storeId, (tx) => tx.redemptions.update(storeId, { ...checkNow, status: "issued", checkAfter: null }));
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.due(storeId, minutesAfter(10), 10))).toEqual([expired, checkAtOnce]);
      // An expired coupon Ecwid could not retire waits for its next look, so it does not hold up the rest.
      const triedLater = { ...expired, checkAfter: minutesAfter(30) };
      await inStore(storeId, (tx) => tx.redemptions.update(storeId, triedLater));
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.due(storeId, minutesAfter(10), 10))).toEqual([checkAtOnce]);
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.due(storeId, minutesAfter(30), 10))).toEqual([triedLater, checkLater, valid, checkAtOnce]);
    });

    it("when a transaction with a redemption fails, then the redemption is not kept", async () => {
      const storeId = aStoreId();
      const redemption = aRedemption(storeId, { requestKey: "key-1" });
      await expect(
        inStore(storeId, async (tx) => {
          await tx.redemptions.insert(storeId, redemption);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      await insertAll(storeId, [aRedemption(storeId, { id: redemption.id, coupon: redemption.coupon, requestKey: "key-1" })]);
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.heldPoints(storeId, "mem_ann"))).toBe(100);
    });

    it("when the store's data is purged, then its redemptions go and another store's stay", async () => {
      const [storeId, otherId] = [aStoreId(), aStoreId()];
      const mine = aRedemption(storeId);
      const theirs = aRedemption(otherId);
      await insertAll(storeId, [mine]);
      await insertAll(otherId, [theirs]);
      await h.storage.purgeStoreData(storeId);
      expect(await h.storage.read(storeId, (tx) => tx.redemptions.get(storeId, mine.id))).toBeNull();
      expect(await h.storage.read(otherId, (tx) => tx.redemptions.get(otherId, theirs.id))).toEqual(theirs);
    });
  });
}
