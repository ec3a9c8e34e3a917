import { describe, expect, it } from "vitest";
import { aMemberReferral, aReferral } from "../support/referral-fixtures.js";
import { aStoreId } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

/** The reads behind the merchant's referral summary: top ambassadors, visits per channel, friends per channel. */
export function describeReferralSummaryContract(h: ContractHarness): void {
  describe("referral summary reads", () => {
    it("when ambassadors have paid referrals and friends, then the top ones come most paid first, then most friends, then by id, at most the limit; members without a code never", async () => {
      const storeId = aStoreId();
      const code = (n: number) => `AMB-${"ABCDEFGH"[n]}2K2`;
      await insertMember(h.storage, storeId, { id: "mem_a", referral: aMemberReferral({ code: code(0), paid: 2, friendsOrdered: 2 }) });
      await insertMember(h.storage, storeId, { id: "mem_b", referral: aMemberReferral({ code: code(1), paid: 5, friendsOrdered: 6 }) });
      await insertMember(h.storage, storeId, { id: "mem_c", referral: aMemberReferral({ code: code(2), paid: 2, friendsOrdered: 4 }) });
      await insertMember(h.storage, storeId, { id: "mem_d", referral: aMemberReferral({ code: code(3), paid: 2, friendsOrdered: 2 }) });
      await insertMember(h.storage, storeId, { id: "mem_plain" });
      const other = aStoreId();
      await insertMember(h.storage, other, { id: "mem_elsewhere", referral: aMemberReferral({ code: code(4), paid: 99, friendsOrdered: 99 }) });

      const top = await h.storage.read(storeId, (tx) => tx.members.topAmbassadors(storeId, 3));
      expect(top.map((member) => member.id)).toEqual(["mem_b", "mem_c", "mem_a"]);
      expect(top[0]!.referral).toMatchObject({ code: code(1), paid: 5 });
      expect((await h.storage.read(storeId, (tx) => tx.members.topAmbassadors(storeId, 10))).map((member) => member.id)).toEqual(["mem_b", "mem_c", "mem_a", "mem_d"]);
    });

    it("when ambassadors' links were visited, then visits per channel are summed over the store's ambassadors only", async () => {
      const storeId = aStoreId();
      await insertMember(h.storage, storeId, { referral: aMemberReferral({ code: "ANA-2K2K", clicks: { whatsapp: 3, qr: 1 } }) });
      await insertMember(h.storage, storeId, { referral: aMemberReferral({ code: "BEN-2K2K", clicks: { whatsapp: 2, email: 4 } }) });
      const other = aStoreId();
      await insertMember(h.storage, other, { referral: aMemberReferral({ code: "CAL-2K2K", clicks: { whatsapp: 50 } }) });

      expect(await h.storage.read(storeId, (tx) => tx.members.referralClicks(storeId))).toEqual({ whatsapp: 5, qr: 1, email: 4 });
      const empty = aStoreId();
      expect(await h.storage.read(empty, (tx) => tx.members.referralClicks(empty))).toEqual({});
    });

    it("when friends ordered by several channels, then friends per channel count every referral but rejected ones, a typed code as channel null", async () => {
      const storeId = aStoreId();
      const referrals = [
        aReferral(storeId, { channel: "whatsapp", status: "paid" }),
        aReferral(storeId, { channel: "whatsapp", status: "cancelled" }),
        aReferral(storeId, { channel: "whatsapp", status: "rejected", reason: "self_referral" }),
        aReferral(storeId, { channel: "email", status: "held" }),
        aReferral(storeId, { channel: null, status: "checking" }),
      ];
      await h.storage.transaction(storeId, async (tx) => {
        for (const referral of referrals) await tx.referrals.insert(storeId, referral);
      });

      const rows = await h.storage.read(storeId, (tx) => tx.referrals.channelTotals(storeId));
      expect(rows.sort((a, b) => String(a.channel).localeCompare(String(b.channel)))).toEqual([
        { channel: "email", friendsOrdered: 1 },
        { channel: null, friendsOrdered: 1 },
        { channel: "whatsapp", friendsOrdered: 2 },
      ]);
    });
  });
}
