import { describe, expect, it } from "vitest";
import type { EarnedQuery, LedgerEntry } from "../../server/modules/ledger/ledger-entry.js";
import { freshGame } from "../../server/modules/members/member.js";
import { aLedgerEntry, aStoreId } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

const MONTH = { from: "2026-03-01T00:00:00.000Z", until: "2026-04-01T00:00:00.000Z" };
const KINDS = ["earn_order", "earn_task", "earn_referral", "adjust", "reverse"] as const;

export function describeLeaderboardContract(h: ContractHarness): void {
  describe("leaderboard (ledger.earnedBoard)", () => {
    /** Members by id (ids chosen so that code-point order differs from a locale's), each with entries of [delta, kind, createdAt]. */
    async function storeWith(members: { id: string; optedIn: boolean; name?: string; email?: string; entries: [number, LedgerEntry["kind"], string][] }[]) {
      const storeId = aStoreId();
      for (const { id, optedIn, name, email, entries } of members) {
        await insertMember(h.storage, storeId, { id, email: email ?? `${id}@shopper.example`, game: { ...freshGame(), leaderboard: optedIn, name: name ?? null } });
        await h.storage.transaction(storeId, async (tx) => {
          for (const [delta, kind, createdAt] of entries) await tx.ledger.append(storeId, aLedgerEntry(storeId, id, { delta, kind, createdAt }));
        });
      }
      const board = (query: Partial<EarnedQuery>) =>
        h.storage.read(storeId, (tx) => tx.ledger.earnedBoard(storeId, { ...MONTH, kinds: KINDS, limit: 10, memberId: null, ...query }));
      return { storeId, board };
    }

    it("when members earn in and around the month, then only opted-in members with points above 0 rank, by the month's net points of the earning kinds, ties to who reached them first, then to the member id", async () => {
      const { board } = await storeWith([
        {
          id: "mem_a",
          optedIn: true,
          name: "Ana Smith",
          entries: [
            [50, "earn_order", "2026-03-02T10:00:00.000Z"],
            [20, "earn_task", "2026-03-05T10:00:00.000Z"],
          ],
        },
        // Reaches 70 earlier than Ana: ahead of her. Last month's earning, spending and expiry do not count.
        {
          id: "mem_b",
          optedIn: true,
          entries: [
            [900, "earn_order", "2026-02-28T23:59:59.999Z"],
            [80, "earn_order", "2026-03-01T00:00:00.000Z"],
            [-10, "reverse", "2026-03-03T00:00:00.000Z"],
            [-60, "redeem", "2026-03-04T00:00:00.000Z"],
            [-5, "expire", "2026-03-04T00:00:00.000Z"],
          ],
        },
        // The most points, but not opted in.
        { id: "mem_c", optedIn: false, name: "Cy Young", entries: [[500, "earn_order", "2026-03-02T00:00:00.000Z"]] },
        // Ties Ana at the same instant: the id decides in code-point order ("mem_A" before "mem_a").
        { id: "mem_A", optedIn: true, email: "upper-a@shopper.example", entries: [[70, "adjust", "2026-03-05T10:00:00.000Z"]] },
        // Taken back to below 0 this month, and an entry from the next month: off the board, 0 points.
        {
          id: "mem_d",
          optedIn: true,
          entries: [
            [10, "earn_order", "2026-03-02T00:00:00.000Z"],
            [-30, "reverse", "2026-03-06T00:00:00.000Z"],
            [40, "earn_order", "2026-04-01T00:00:00.000Z"],
          ],
        },
        { id: "mem_e", optedIn: true, entries: [[5, "earn_referral", "2026-03-31T23:59:59.999Z"]] },
      ]);

      expect(await board({})).toEqual({
        top: [
          { memberId: "mem_b", points: 70, rank: 1, name: null, email: "mem_b@shopper.example" },
          { memberId: "mem_A", points: 70, rank: 2, name: null, email: "upper-a@shopper.example" },
          { memberId: "mem_a", points: 70, rank: 3, name: "Ana Smith", email: "mem_a@shopper.example" },
          { memberId: "mem_e", points: 5, rank: 4, name: null, email: "mem_e@shopper.example" },
        ],
        member: null,
      });
    });

    it("when a member asks, then the top is cut at the limit and they read their own points and rank, beyond the top too; not opted in or at 0, no rank", async () => {
      const { board } = await storeWith([
        { id: "mem_1", optedIn: true, entries: [[30, "earn_order", "2026-03-02T00:00:00.000Z"]] },
        { id: "mem_2", optedIn: true, entries: [[20, "earn_order", "2026-03-02T00:00:00.000Z"]] },
        { id: "mem_3", optedIn: true, entries: [[10, "earn_order", "2026-03-02T00:00:00.000Z"]] },
        { id: "mem_4", optedIn: false, entries: [[99, "earn_order", "2026-03-02T00:00:00.000Z"]] },
        { id: "mem_5", optedIn: true, entries: [[-4, "adjust", "2026-03-02T00:00:00.000Z"]] },
        { id: "mem_6", optedIn: true, entries: [] },
      ]);

      const third = await board({ limit: 2, memberId: "mem_3" });
      expect(third.top.map((place) => [place.memberId, place.rank])).toEqual([
        ["mem_1", 1],
        ["mem_2", 2],
      ]);
      expect(third.member).toEqual({ points: 10, rank: 3 });
      expect((await board({ limit: 2, memberId: "mem_1" })).member).toEqual({ points: 30, rank: 1 });
      expect((await board({ memberId: "mem_4" })).member).toEqual({ points: 99, rank: null });
      expect((await board({ memberId: "mem_5" })).member).toEqual({ points: 0, rank: null });
      expect((await board({ memberId: "mem_6" })).member).toEqual({ points: 0, rank: null });
      expect((await board({ memberId: "mem_unknown" })).member).toEqual({ points: 0, rank: null });
    });

    it("when another store's members earn, then they are not on this store's board", async () => {
      const ours = await storeWith([{ id: "mem_1", optedIn: true, entries: [[30, "earn_order", "2026-03-02T00:00:00.000Z"]] }]);
      await storeWith([{ id: "mem_1", optedIn: true, entries: [[900, "earn_order", "2026-03-02T00:00:00.000Z"]] }]);
      expect((await ours.board({ memberId: "mem_1" })).top).toEqual([{ memberId: "mem_1", points: 30, rank: 1, name: null, email: "mem_1@shopper.example" }]);
    });
  });
}
