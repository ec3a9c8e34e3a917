import { describe, expect, it } from "vitest";
import type { Referral } from "../../server/modules/referrals/referral.js";
import type { StoreTransaction } from "../../server/storage/storage.port.js";
import { aReferral } from "../support/referral-fixtures.js";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeReferralsContract(h: ContractHarness): void {
  const inStore = <T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>) => h.storage.transaction(storeId, work);
  const insertAll = (storeId: number, referrals: Referral[]) =>
    inStore(storeId, async (tx) => {
      for (const referral of referrals) await tx.referrals.insert(storeId, referral);
    });
  const ids = (referrals: Referral[]) => referrals.map((referral) => referral.id);

  describe("referrals", () => {
    it("when a referral is inserted, then get and findByOrder return it, in its own store only", async () => {
      const storeId = aStoreId();
      const referral = aReferral(storeId, {
        channel: "whatsapp",
        friendCustomerId: 42,
        signals: [{ kind: "disposable_email", severity: "low", detail: "mailinator.com" }],
        payableAt: minutesAfter(60),
      });
      await insertAll(storeId, [referral]);

      await inStore(storeId, async (tx) => {
        expect(await tx.referrals.get(storeId, referral.id)).toEqual(referral);
        expect(await tx.referrals.findByOrder(storeId, referral.orderId)).toEqual(referral);
        expect(await tx.referrals.get(storeId, "ref_missing")).toBeNull();
        expect(await tx.referrals.findByOrder(storeId, "order-missing")).toBeNull();
      });
      const other = aStoreId();
      expect(await h.storage.read(other, (tx) => tx.referrals.findByOrder(other, referral.orderId))).toBeNull();
    });

    it("when a second referral of the same order is inserted, then it is refused with a conflict and the first stays", async () => {
      const storeId = aStoreId();
      const first = aReferral(storeId, { orderId: "1001" });
      await insertAll(storeId, [first]);

      await expect(insertAll(storeId, [aReferral(storeId, { orderId: "1001", ambassadorId: "mem_other" })])).rejects.toMatchObject({ code: "conflict" });

      expect(await h.storage.read(storeId, (tx) => tx.referrals.page(storeId, { limit: 10, offset: 0 }))).toEqual({ total: 1, items: [first] });
    });

    it("when a referral is updated, then its life changes and the order it came from and when it was made stay", async () => {
      const storeId = aStoreId();
      const referral = aReferral(storeId, { orderId: "1001" });
      await insertAll(storeId, [referral]);
      const paid: Referral = {
        ...referral,
        status: "paid",
        points: 500,
        paidAt: minutesAfter(5),
        friendMemberId: "mem_friend",
        addressKey: "k1",
        decidedBy: "system",
        note: "looks fine",
        updatedAt: minutesAfter(5),
      };

      await inStore(storeId, (tx) => tx.referrals.update(storeId, { ...paid, orderId: "9999", createdAt: minutesAfter(9) }));

      await inStore(storeId, async (tx) => {
        expect(await tx.referrals.get(storeId, referral.id)).toEqual(paid);
        expect(await tx.referrals.findByOrder(storeId, "9999")).toBeNull();
      });
    });

    it("when an unknown referral is updated, then it is refused and nothing is created", async () => {
      const storeId = aStoreId();
      const ghost = aReferral(storeId);
      await expect(inStore(storeId, (tx) => tx.referrals.update(storeId, ghost))).rejects.toMatchObject({ code: "not_found" });
      expect(await h.storage.read(storeId, (tx) => tx.referrals.get(storeId, ghost.id))).toBeNull();
    });

    it("when the work that inserted a referral fails, then the referral is not kept", async () => {
      const storeId = aStoreId();
      const referral = aReferral(storeId);
      await expect(
        inStore(storeId, async (tx) => {
          await tx.referrals.insert(storeId, referral);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await h.storage.read(storeId, (tx) => tx.referrals.findByOrder(storeId, referral.orderId))).toBeNull();
    });

    it("when referrals are paged, then they come newest first with the total, filtered by status and ambassador", async () => {
      const storeId = aStoreId();
      const a = aReferral(storeId, { ambassadorId: "mem_a", status: "held" });
      const b = aReferral(storeId, { ambassadorId: "mem_b", status: "paid" });
      const c = aReferral(storeId, { ambassadorId: "mem_a", status: "rejected", reason: "self_referral" });
      const d = aReferral(storeId, { ambassadorId: "mem_a", status: "paid" });
      await insertAll(storeId, [a, b, c, d]);

      await inStore(storeId, async (tx) => {
        expect(await tx.referrals.page(storeId, { limit: 2, offset: 0 })).toEqual({ total: 4, items: [d, c] });
        expect(await tx.referrals.page(storeId, { limit: 2, offset: 2 })).toEqual({ total: 4, items: [b, a] });
        expect(await tx.referrals.page(storeId, { statuses: ["paid", "held"], limit: 10, offset: 0 })).toEqual({ total: 3, items: [d, b, a] });
        expect(await tx.referrals.page(storeId, { ambassadorId: "mem_a", limit: 10, offset: 0 })).toEqual({ total: 3, items: [d, c, a] });
        expect(await tx.referrals.page(storeId, { statuses: ["paid"], ambassadorId: "mem_a", limit: 10, offset: 0 })).toEqual({ total: 1, items: [d] });
        expect(await tx.referrals.page(storeId, { statuses: ["review"], limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
    });

    it("when an ambassador's referrals are listed, then they are theirs only, oldest first", async () => {
      const storeId = aStoreId();
      const [first, other, second] = [aReferral(storeId, { ambassadorId: "mem_a" }), aReferral(storeId, { ambassadorId: "mem_b" }), aReferral(storeId, { ambassadorId: "mem_a" })];
      await insertAll(storeId, [first, other, second]);

      expect(await h.storage.read(storeId, (tx) => tx.referrals.listForAmbassador(storeId, "mem_a"))).toEqual([first, second]);
      expect(await h.storage.read(storeId, (tx) => tx.referrals.listForAmbassador(storeId, "mem_none"))).toEqual([]);
    });

    it("when a friend's referrals are asked for, then those matching the member, the email in any case or the customer come once each, oldest first", async () => {
      const storeId = aStoreId();
      const byMember = aReferral(storeId, { friendMemberId: "mem_f", friendEmail: null });
      const byEmail = aReferral(storeId, { friendEmail: "fran@shopper.example", ambassadorId: "mem_b" });
      const stranger = aReferral(storeId, { friendEmail: "someone@shopper.example", friendCustomerId: 8 });
      const byAll = aReferral(storeId, { friendMemberId: "mem_f", friendEmail: "fran@shopper.example", friendCustomerId: 7 });
      const byCustomer = aReferral(storeId, { friendEmail: null, friendCustomerId: 7 });
      await insertAll(storeId, [byMember, byEmail, stranger, byAll, byCustomer]);

      await inStore(storeId, async (tx) => {
        expect(ids(await tx.referrals.listForFriend(storeId, { memberId: "mem_f", email: " Fran@Shopper.EXAMPLE", customerId: 7 }))).toEqual(
          ids([byMember, byEmail, byAll, byCustomer]),
        );
        expect(await tx.referrals.listForFriend(storeId, { memberId: null, email: null, customerId: 7 })).toEqual([byAll, byCustomer]);
        expect(await tx.referrals.listForFriend(storeId, { memberId: null, email: "fran@shopper.example", customerId: null })).toEqual([byEmail, byAll]);
        expect(await tx.referrals.listForFriend(storeId, { memberId: "mem_nobody", email: "nobody@shopper.example", customerId: 99 })).toEqual([]);
        expect(await tx.referrals.listForFriend(storeId, { memberId: null, email: null, customerId: null })).toEqual([]);
      });
    });

    it("when the job asks what is due, then referrals to check and held ones whose time has come are given, oldest first, up to the limit", async () => {
      const storeId = aStoreId();
      const checking = aReferral(storeId, { status: "checking" });
      const heldDue = aReferral(storeId, { status: "held", payableAt: minutesAfter(10) });
      const heldLater = aReferral(storeId, { status: "held", payableAt: minutesAfter(11) });
      const review = aReferral(storeId, { status: "review", payableAt: minutesAfter(1) });
      const paid = aReferral(storeId, { status: "paid", payableAt: minutesAfter(1) });
      const secondChecking = aReferral(storeId, { status: "checking" });
      await insertAll(storeId, [checking, heldDue, heldLater, review, paid, secondChecking]);

      await inStore(storeId, async (tx) => {
        expect(await tx.referrals.due(storeId, minutesAfter(10), 10)).toEqual([checking, heldDue, secondChecking]);
        expect(await tx.referrals.due(storeId, minutesAfter(10), 2)).toEqual([checking, heldDue]);
        expect(ids(await tx.referrals.due(storeId, minutesAfter(11), 10))).toEqual(ids([checking, heldDue, heldLater, secondChecking]));
      });
    });

    it("when totals are asked for, then each status present gives its count and its orders' eligible amounts", async () => {
      const storeId = aStoreId();
      await insertAll(storeId, [
        aReferral(storeId, { status: "paid", eligibleMinor: 4_000 }),
        aReferral(storeId, { status: "paid", eligibleMinor: 2_500 }),
        aReferral(storeId, { status: "rejected", eligibleMinor: 1_000 }),
      ]);

      expect(await h.storage.read(storeId, (tx) => tx.referrals.totals(storeId))).toEqual({
        paid: { count: 2, eligibleMinor: 6_500 },
        rejected: { count: 1, eligibleMinor: 1_000 },
      });
      const empty = aStoreId();
      expect(await h.storage.read(empty, (tx) => tx.referrals.totals(empty))).toEqual({});
    });
  });

  describe("referral codes", () => {
    it("when a code is claimed, then find gives its store and member in any case, and another member cannot take it", async () => {
      const [storeId, other] = [aStoreId(), aStoreId()];

      expect(await h.storage.referralCodes.claim("MAYA-7Q2K", storeId, "mem_maya")).toBe(true);

      expect(await h.storage.referralCodes.find("maya-7q2k")).toEqual({ storeId, memberId: "mem_maya" });
      expect(await h.storage.referralCodes.claim("maya-7Q2K", other, "mem_other")).toBe(false);
      expect(await h.storage.referralCodes.claim("MAYA-7Q2K", storeId, "mem_other")).toBe(false);
      expect(await h.storage.referralCodes.find("MAYA-7Q2K")).toEqual({ storeId, memberId: "mem_maya" });
      expect(await h.storage.referralCodes.find("NOPE-2345")).toBeNull();
    });

    it("when the same member claims their code again, then it is still theirs (a retry)", async () => {
      const storeId = aStoreId();
      expect(await h.storage.referralCodes.claim("ANN-AB23", storeId, "mem_ann")).toBe(true);
      expect(await h.storage.referralCodes.claim("ANN-AB23", storeId, "mem_ann")).toBe(true);
      expect(await h.storage.referralCodes.find("ANN-AB23")).toEqual({ storeId, memberId: "mem_ann" });
    });

    it("when two members claim one code at once, then exactly one gets it", async () => {
      const storeId = aStoreId();
      const claims = await Promise.all(["mem_a", "mem_b", "mem_c"].map((memberId) => h.storage.referralCodes.claim("RACE-2345", storeId, memberId)));

      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = ["mem_a", "mem_b", "mem_c"][claims.indexOf(true)];
      expect(await h.storage.referralCodes.find("RACE-2345")).toEqual({ storeId, memberId: winner });
    });

    it("when a store's data is purged, then its referrals and codes are gone and another store's stay", async () => {
      const [purged, kept] = [aStoreId(), aStoreId()];
      const referrals = new Map<number, Referral>();
      for (const [storeId, code] of [
        [purged, "GONE-2345"],
        [kept, "KEPT-2345"],
      ] as const) {
        await insertMember(h.storage, storeId);
        await h.storage.referralCodes.claim(code, storeId, "mem_a");
        const referral = aReferral(storeId, { orderId: "1001" });
        referrals.set(storeId, referral);
        await insertAll(storeId, [referral]);
      }

      await h.storage.purgeStoreData(purged);

      expect(await h.storage.referralCodes.find("GONE-2345")).toBeNull();
      expect(await h.storage.read(purged, (tx) => tx.referrals.findByOrder(purged, "1001"))).toBeNull();
      expect(await h.storage.referralCodes.find("KEPT-2345")).toEqual({ storeId: kept, memberId: "mem_a" });
      expect(await h.storage.read(kept, (tx) => tx.referrals.findByOrder(kept, "1001"))).toEqual(referrals.get(kept));
      expect(await h.storage.referralCodes.claim("GONE-2345", kept, "mem_b")).toBe(true);
    });
  });
}
