import { appendFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SnapshotOrder } from "../../server/modules/simulations/order-snapshot.js";
import { costOf, pointValue } from "../../server/modules/simulations/point-value.rules.js";
import { rewardSchema } from "../../server/modules/settings/program-settings.js";
import { createFileOrderSnapshotStore } from "../../server/storage/lowdb/order-snapshots.file-store.js";

const reward = (fields: Record<string, unknown>) => rewardSchema.parse({ name: "R", ...fields });

describe("the value of a point", () => {
  it("when the catalog mixes kinds, then the value is the most money a point buys among fixed amounts, and percent off or free shipping never count", () => {
    const rewards = [
      reward({ id: "rw_pct", kind: "percent_off", costPoints: 1, percent: 50 }),
      reward({ id: "rw_ship", kind: "free_shipping", costPoints: 1 }),
      reward({ id: "rw_five", kind: "amount_off", costPoints: 500, amountMinor: 500 }),
      reward({ id: "rw_var", kind: "variable", pointsPerUnit: 100, unitMinor: 125, minPoints: 100, maxPoints: 1000, stepPoints: 100 }),
      reward({ id: "rw_cause", kind: "donation", costPoints: 300, valueMinor: 200, cause: "Trees" }),
    ];
    expect(pointValue(rewards)).toEqual({ rewardId: "rw_var", rewardName: "R", points: 100, minor: 125 });
    expect(pointValue(rewards.slice(0, 2))).toBeNull();
  });

  it("when points are costed, then the money is rounded down to whole minor units, exact past 2^53", () => {
    const value = { rewardId: "rw_a", rewardName: "A", points: 3, minor: 2 };
    expect(costOf(10, value)).toBe(6);
    expect(costOf(1_000_000_000, { ...value, points: 1, minor: 100_000_000 })).toBe(100_000_000_000_000_000);
    expect(costOf(10, null)).toBeNull();
  });
});

describe("order snapshots as lowdb files", () => {
  const order = (orderId: string, points: number): SnapshotOrder => ({
    orderId,
    customerId: null,
    email: "ana@example.com",
    paymentStatus: "PAID",
    eligibleMinor: 1000,
    totalMinor: 1000,
    refundedMinor: 0,
    placedAt: "2026-05-01T10:00:00.000Z",
    recorded: { memberId: null, points },
  });

  it("when a page is written twice and a line was cut short by a crash, then each order is read once, as last written, and a dropped generation's file is gone", async () => {
    const dir = await mkdtemp(join(tmpdir(), "questline-snapshots-"));
    try {
      const store = createFileOrderSnapshotStore(dir);
      const generation = "snap_aaaaaaaaaaaaaaaa";
      await store.putOrders(7, generation, [order("A1", 10), order("A2", 20)]);
      await appendFile(join(dir, "simulations", "7", `${generation}.jsonl`), '{"orderId":"A3","cust');
      await store.putOrders(7, generation, [order("A2", 25), order("A3", 30)]);
      expect((await store.orders(7, generation)).map((one) => [one.orderId, one.recorded.points])).toEqual([
        ["A1", 10],
        ["A2", 25],
        ["A3", 30],
      ]);
      await store.putOrders(7, "snap_bbbbbbbbbbbbbbbb", [order("B1", 1)]);
      await store.keepOnly(7, ["snap_bbbbbbbbbbbbbbbb"]);
      expect(await readdir(join(dir, "simulations", "7"))).toEqual(["snap_bbbbbbbbbbbbbbbb.jsonl"]);
      await expect(store.orders(7, "../../etc/passwd")).rejects.toThrow("invalid snapshot generation");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
