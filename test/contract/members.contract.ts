import { describe, expect, it } from "vitest";
import { freshGame, type Member } from "../../server/modules/members/member.js";
import type { StoreTransaction } from "../../server/storage/storage.port.js";
import { aMemberReferral } from "../support/referral-fixtures.js";
import { aLedgerEntry, aMember, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function describeMembersContract(h: ContractHarness): void {
  const inStore = <T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>) => h.storage.transaction(storeId, work);

  describe("members", () => {
    it("when a member is inserted, then get, findByEmail in any case and findByCustomerId return it", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 77 });
      await inStore(storeId, async (tx) => {
        expect(await tx.members.get(storeId, member.id)).toEqual(member);
        expect(await tx.members.findByEmail(storeId, "  Ann@Shopper.EXAMPLE ")).toEqual(member);
        expect(await tx.members.findByCustomerId(storeId, 77)).toEqual(member);
      });
    });

    it("when nothing matches, then the lookups return null", async () => {
      const storeId = aStoreId();
      await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 77 });
      await inStore(storeId, async (tx) => {
        expect(await tx.members.get(storeId, "mem_missing")).toBeNull();
        expect(await tx.members.findByEmail(storeId, "bob@shopper.example")).toBeNull();
        expect(await tx.members.findByCustomerId(storeId, 78)).toBeNull();
      });
    });

    it("when members are looked up by any of ids, emails and customer ids at once, then each match comes back once", async () => {
      const storeId = aStoreId();
      const ann = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 77 });
      const bob = await insertMember(h.storage, storeId, { email: "bob@shopper.example", customerId: null });
      await insertMember(h.storage, storeId, { email: "cy@shopper.example", customerId: 79 });
      const found = await inStore(storeId, (tx) =>
        tx.members.findAny(storeId, { ids: [ann.id, "mem_missing"], emails: [" BOB@shopper.example", "ann@shopper.example", "zed@shopper.example"], customerIds: [77, 80] }),
      );
      expect(found.map((member) => member.id).sort()).toEqual([ann.id, bob.id].sort());
      expect(found.find((member) => member.id === ann.id)).toEqual(ann);
      const other = aStoreId();
      expect(await inStore(other, (tx) => tx.members.findAny(other, { ids: [ann.id], emails: ["ann@shopper.example"], customerIds: [77] }))).toEqual([]);
    });

    it("when members have no email and no customer id, then several can exist", async () => {
      const storeId = aStoreId();
      await insertMember(h.storage, storeId, { email: null, customerId: null });
      await insertMember(h.storage, storeId, { email: null, customerId: null });
      const { total } = await inStore(storeId, (tx) => tx.members.list(storeId, { limit: 10, offset: 0 }));
      expect(total).toBe(2);
    });

    it.each([
      ["id", (first: Member) => ({ id: first.id, email: "other@shopper.example", customerId: 2 })],
      ["email", () => ({ email: "ANN@shopper.example", customerId: 2 })],
      ["customer id", () => ({ email: "other@shopper.example", customerId: 1 })],
    ])("when a member's %s is already taken, then insert is refused with a conflict", async (_key, clash) => {
      const storeId = aStoreId();
      const first = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 1 });
      const second = aMember(storeId, clash(first));
      await expect(inStore(storeId, (tx) => tx.members.insert(storeId, second))).rejects.toMatchObject({ code: "conflict" });
      await inStore(storeId, async (tx) => {
        expect(await tx.members.list(storeId, { limit: 10, offset: 0 })).toEqual({ total: 1, items: [first] });
      });
    });

    it("when members are listed, then they come in creation order, paged, with the total", async () => {
      const storeId = aStoreId();
      const members: Member[] = [];
      for (let i = 0; i < 5; i += 1) members.push(await insertMember(h.storage, storeId, { createdAt: minutesAfter(i) }));
      await inStore(storeId, async (tx) => {
        expect(await tx.members.list(storeId, { limit: 2, offset: 0 })).toEqual({ total: 5, items: members.slice(0, 2) });
        expect(await tx.members.list(storeId, { limit: 2, offset: 2 })).toEqual({ total: 5, items: members.slice(2, 4) });
        expect(await tx.members.list(storeId, { limit: 2, offset: 4 })).toEqual({ total: 5, items: members.slice(4) });
        expect(await tx.members.list(storeId, { limit: 2, offset: 9 })).toEqual({ total: 5, items: [] });
      });
    });

    it("when members are listed with an email prefix, then only those whose email starts with it count", async () => {
      const storeId = aStoreId();
      const ann = await insertMember(h.storage, storeId, { email: "ann@shopper.example", createdAt: minutesAfter(1) });
      await insertMember(h.storage, storeId, { email: "bob@shopper.example", createdAt: minutesAfter(2) });
      const anna = await insertMember(h.storage, storeId, { email: "anna@shopper.example", createdAt: minutesAfter(3) });
      await insertMember(h.storage, storeId, { email: null, createdAt: minutesAfter(4) });
      await inStore(storeId, async (tx) => {
        expect(await tx.members.list(storeId, { email: "ANN", limit: 10, offset: 0 })).toEqual({ total: 2, items: [ann, anna] });
        expect(await tx.members.list(storeId, { email: "ann", limit: 1, offset: 1 })).toEqual({ total: 2, items: [anna] });
        expect(await tx.members.list(storeId, { email: "zed", limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
      });
    });

    it("when a member is updated, then profile and stats change but the balance stays what the ledger made it", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId, { email: "ann@shopper.example", customerId: 1 });
      await inStore(storeId, (tx) => tx.ledger.append(storeId, aLedgerEntry(storeId, member.id, { delta: 40 })));
      const changed: Member = {
        ...member,
        email: "ann.new@shopper.example",
        customerId: 2,
        balance: 999,
        stats: { paidOrders: 3, lifetimeSpendMinor: 12_500, firstOrderAt: minutesAfter(1), lastOrderAt: minutesAfter(9) },
        updatedAt: minutesAfter(10),
      };
      await inStore(storeId, (tx) => tx.members.update(storeId, changed));
      await inStore(storeId, async (tx) => {
        expect(await tx.members.get(storeId, member.id)).toEqual({ ...changed, balance: 40 });
        expect(await tx.members.findByEmail(storeId, "ann@shopper.example")).toBeNull();
        expect(await tx.members.findByCustomerId(storeId, 1)).toBeNull();
        expect((await tx.members.findByEmail(storeId, "ann.new@shopper.example"))?.id).toBe(member.id);
        expect((await tx.members.findByCustomerId(storeId, 2))?.id).toBe(member.id);
      });
    });

    it("when a member's language, unsubscribe and expiry warning are updated, then get and the storefront snapshot read them back", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId, { email: "ann@shopper.example" });
      expect(member).toMatchObject({ lang: null, unsubscribedAt: null, expiryWarnedFor: null });
      const changed: Member = { ...member, lang: "nb", unsubscribedAt: minutesAfter(3), expiryWarnedFor: "2027-02-01T00:00:00.000Z", updatedAt: minutesAfter(3) };
      await inStore(storeId, (tx) => tx.members.update(storeId, changed));
      expect(await inStore(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(changed);
      expect(
        (await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 1, keyPrefix: "task", redemptionLimit: 1, redemptionCounts: [], sourceTallies: [] }))?.member,
      ).toEqual(changed);
      const resubscribed: Member = { ...changed, unsubscribedAt: null, updatedAt: minutesAfter(4) };
      await inStore(storeId, (tx) => tx.members.update(storeId, resubscribed));
      expect(await inStore(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(resubscribed);
    });

    it("when an update would take another member's email, then it is refused and nothing changes", async () => {
      const storeId = aStoreId();
      await insertMember(h.storage, storeId, { email: "ann@shopper.example" });
      const bob = await insertMember(h.storage, storeId, { email: "bob@shopper.example" });
      await expect(inStore(storeId, (tx) => tx.members.update(storeId, { ...bob, email: "ann@shopper.example" }))).rejects.toMatchObject({ code: "conflict" });
      expect(await inStore(storeId, (tx) => tx.members.get(storeId, bob.id))).toEqual(bob);
    });

    it("when an unknown member is updated, then it is refused and nothing is created", async () => {
      const storeId = aStoreId();
      const ghost = aMember(storeId);
      await expect(inStore(storeId, (tx) => tx.members.update(storeId, ghost))).rejects.toMatchObject({ code: "not_found" });
      expect(await inStore(storeId, (tx) => tx.members.get(storeId, ghost.id))).toBeNull();
    });

    it("when the caller changes a member it inserted or read, then the stored member is unchanged", async () => {
      const storeId = aStoreId();
      const member = aMember(storeId);
      const original = structuredClone(member);
      await inStore(storeId, async (tx) => {
        await tx.members.insert(storeId, member);
        member.stats.paidOrders = 50;
        const read = await tx.members.get(storeId, member.id);
        if (read) read.stats.paidOrders = 60;
      });
      expect(await inStore(storeId, (tx) => tx.members.get(storeId, member.id))).toEqual(original);
    });

    it("when a member is given a referral code, then get, the storefront snapshot and findByReferralCode in any case read it back", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      expect(member.referral).toBeNull();
      const referral = aMemberReferral({
        code: "MAYA-7Q2K",
        coupon: { ecwidId: 55, offerKey: "percent_off:10:0", active: true, syncedAt: minutesAfter(2) },
        clicks: { whatsapp: 3, qr: 1 },
        friendsOrdered: 2,
        pending: 1,
        paid: 1,
      });
      const changed: Member = { ...member, referral, updatedAt: minutesAfter(2) };

      await inStore(storeId, (tx) => tx.members.update(storeId, changed));

      await inStore(storeId, async (tx) => {
        expect(await tx.members.get(storeId, member.id)).toEqual(changed);
        expect(await tx.members.findByReferralCode(storeId, "maya-7q2k")).toEqual(changed);
        expect(await tx.members.findByReferralCode(storeId, "MAYA-2222")).toBeNull();
      });
      const other = aStoreId();
      expect(await h.storage.read(other, (tx) => tx.members.findByReferralCode(other, "MAYA-7Q2K"))).toBeNull();
      const snapshot = await h.storage.memberSnapshots.read(storeId, member.id, { ledgerLimit: 1, keyPrefix: "task", redemptionLimit: 1, redemptionCounts: [], sourceTallies: [] });
      expect(snapshot?.member).toEqual(changed);
    });

    it("when another member of the store would take a referral code, then it is refused and nothing changes", async () => {
      const storeId = aStoreId();
      const maya = await insertMember(h.storage, storeId, { referral: aMemberReferral({ code: "MAYA-7Q2K" }) });
      const bob = await insertMember(h.storage, storeId);

      await expect(inStore(storeId, (tx) => tx.members.update(storeId, { ...bob, referral: aMemberReferral({ code: "maya-7q2k" }) }))).rejects.toMatchObject({ code: "conflict" });
      await expect(inStore(storeId, (tx) => tx.members.insert(storeId, aMember(storeId, { referral: aMemberReferral({ code: "MAYA-7Q2K" }) })))).rejects.toMatchObject({
        code: "conflict",
      });

      await inStore(storeId, async (tx) => {
        expect(await tx.members.get(storeId, bob.id)).toEqual(bob);
        expect(await tx.members.findByReferralCode(storeId, "MAYA-7Q2K")).toEqual(maya);
        expect((await tx.members.list(storeId, { limit: 10, offset: 0 })).total).toBe(2);
      });
    });

    it("when the referral job asks whose coupon is out of step, then ambassadors whose coupon is missing, of another offer, or active when it should be paused (or the other way) come, in creation order", async () => {
      const storeId = aStoreId();
      const coupon = (offerKey: string, active: boolean) => ({ ecwidId: 1, offerKey, active, syncedAt: minutesAfter(0) });
      const blocked = { at: minutesAfter(0), by: "owner@shop.example", reason: "spam" };
      const add = (code: string, referral: Partial<Member["referral"]> | null, minute: number) =>
        insertMember(h.storage, storeId, { referral: referral && aMemberReferral({ code, ...referral }), createdAt: minutesAfter(minute) });
      const none = await add("A-2222", {}, 1);
      const current = await add("B-2222", { coupon: coupon("k2", true) }, 2);
      const older = await add("C-2222", { coupon: coupon("k1", true) }, 3);
      const blockedActive = await add("D-2222", { coupon: coupon("k2", true), blocked }, 4);
      await add("E-2222", { blocked }, 5);
      await add("F-2222", null, 6);
      const paused = await add("G-2222", { coupon: coupon("k2", false) }, 7);
      const due = (enabled: boolean, limit = 10) => h.storage.read(storeId, (tx) => tx.members.referralCouponsDue(storeId, { offerKey: "k2", enabled }, limit));

      expect(await due(true)).toEqual([none, older, blockedActive, paused]);
      expect(await due(true, 2)).toEqual([none, older]);
      expect(await due(false)).toEqual([current, older, blockedActive]);
      const other = aStoreId();
      expect(await h.storage.read(other, (tx) => tx.members.referralCouponsDue(other, { offerKey: "k2", enabled: true }, 10))).toEqual([]);
    });

    it("when members have birthdays, then the day's members are found by the day, whether a year was given or not", async () => {
      const storeId = aStoreId();
      const game = (birthday: string | null) => ({ ...freshGame(), birthday, birthdaySetAt: birthday && minutesAfter(0) });
      const withYear = await insertMember(h.storage, storeId, { game: game("1990-02-28") });
      const dayOnly = await insertMember(h.storage, storeId, { game: game("02-29") });
      await insertMember(h.storage, storeId, { game: game("03-28") });
      await insertMember(h.storage, storeId, { game: game(null) });
      await insertMember(h.storage, aStoreId(), { game: game("02-28") });
      const found = await h.storage.read(storeId, (tx) => tx.members.withBirthdayOn(storeId, ["02-28", "02-29"]));
      expect(found.map((member) => member.id).sort()).toEqual([withYear.id, dayOnly.id].sort());
      expect(found.find((member) => member.id === dayOnly.id)).toEqual(dayOnly);
      expect(await h.storage.read(storeId, (tx) => tx.members.withBirthdayOn(storeId, ["12-24"]))).toEqual([]);
    });
  });
}
