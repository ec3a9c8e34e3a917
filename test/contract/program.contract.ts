import { describe, expect, it } from "vitest";
import type { BackfillJob } from "../../server/modules/orders/backfill-job.js";
import type { OrderRecord } from "../../server/modules/orders/order-record.js";
import type { ProgramMeasurement } from "../../server/modules/program/program-measurement.js";
import { challengeSchema, defaultProgramSettings } from "../../server/modules/settings/program-settings.js";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

export function anOrderRecord(storeId: number, memberId: string, overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderId: `ORD${Math.floor(Math.random() * 1e9)}`,
    internalId: Math.floor(Math.random() * 1e9),
    storeId,
    memberId,
    paymentStatus: "PAID",
    counted: true,
    eligibleMinor: 4_200,
    items: [{ productId: 501, categoryId: 20, quantity: 2 }],
    placedAt: minutesAfter(1),
    revision: 100,
    updatedAt: minutesAfter(2),
    ...overrides,
  };
}

function aBackfillJob(storeId: number, overrides: Partial<BackfillJob> = {}): BackfillJob {
  return {
    id: `bf_${Math.random().toString(36).slice(2)}`,
    storeId,
    from: "2026-01-01",
    to: "2026-01-31",
    status: "running",
    total: null,
    processed: 0,
    credited: 0,
    error: null,
    startedAt: minutesAfter(0),
    updatedAt: minutesAfter(0),
    actor: "owner@shop.example",
    ...overrides,
  };
}

export function aMeasurement(storeId: number, overrides: Partial<ProgramMeasurement> = {}): ProgramMeasurement {
  return {
    id: `pm_${Math.random().toString(36).slice(2)}`,
    storeId,
    challengeIds: ["ch_five"],
    status: "running",
    total: null,
    measured: 0,
    paidMembers: 0,
    paidPoints: 0,
    startedAt: minutesAfter(0),
    updatedAt: minutesAfter(0),
    actor: "owner@shop.example",
    ...overrides,
  };
}

export function describeProgramContract(h: ContractHarness): void {
  describe("order records", () => {
    it("when a record is saved and saved again, then the latest wins and it is found by id, internal id and member", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const record = anOrderRecord(storeId, member.id);
      const changed = { ...record, paymentStatus: "REFUNDED", counted: false, eligibleMinor: 0, revision: 101 };
      await h.storage.transaction(storeId, (tx) => tx.orders.save(storeId, record));
      await h.storage.transaction(storeId, (tx) => tx.orders.save(storeId, changed));
      await h.storage.transaction(storeId, async (tx) => {
        expect(await tx.orders.get(storeId, record.orderId)).toEqual(changed);
        expect(await tx.orders.findByInternalId(storeId, record.internalId!)).toEqual(changed);
        expect(await tx.orders.listForMember(storeId, member.id)).toEqual([changed]);
        expect(await tx.orders.get(storeId, "missing")).toBeNull();
        expect(await tx.orders.findByInternalId(storeId, 1)).toBeNull();
      });
    });

    it("when a member has several orders, then listForMember returns all of them and no other member's", async () => {
      const storeId = aStoreId();
      const ana = await insertMember(h.storage, storeId);
      const bo = await insertMember(h.storage, storeId);
      const records = [anOrderRecord(storeId, ana.id), anOrderRecord(storeId, ana.id, { internalId: null }), anOrderRecord(storeId, bo.id)];
      await h.storage.transaction(storeId, async (tx) => {
        for (const record of records) await tx.orders.save(storeId, record);
      });
      const listed = await h.storage.transaction(storeId, (tx) => tx.orders.listForMember(storeId, ana.id));
      expect(listed.map((record) => record.orderId).sort()).toEqual([records[0]!.orderId, records[1]!.orderId].sort());
    });

    it("when the transaction saving a record fails, then the record is not there", async () => {
      const storeId = aStoreId();
      const member = await insertMember(h.storage, storeId);
      const record = anOrderRecord(storeId, member.id);
      await expect(
        h.storage.transaction(storeId, async (tx) => {
          await tx.orders.save(storeId, record);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await h.storage.transaction(storeId, (tx) => tx.orders.get(storeId, record.orderId))).toBeNull();
    });
  });

  describe("program settings", () => {
    it("when nothing was saved, then settings are null; once saved, they read back; a failed save leaves the old ones", async () => {
      const storeId = aStoreId();
      expect(await h.storage.transaction(storeId, (tx) => tx.settings.get(storeId))).toBeNull();
      const settings = defaultProgramSettings(2);
      await h.storage.transaction(storeId, (tx) => tx.settings.save(storeId, settings));
      const changed = {
        ...settings,
        earning: { ...settings.earning, points: 3 },
        challenges: [challengeSchema.parse({ id: "ch_three", title: "Three orders", points: 50, goal: { kind: "orders", target: 3 } })],
      };
      await expect(
        h.storage.transaction(storeId, async (tx) => {
          await tx.settings.save(storeId, changed);
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await h.storage.transaction(storeId, (tx) => tx.settings.get(storeId))).toEqual(settings);
      await h.storage.transaction(storeId, (tx) => tx.settings.save(storeId, changed));
      expect(await h.storage.transaction(storeId, (tx) => tx.settings.get(storeId))).toEqual(changed);
    });
  });

  describe("backfill jobs", () => {
    it("when jobs are saved and updated, then get returns the latest and list is newest first, limited", async () => {
      const storeId = aStoreId();
      const first = aBackfillJob(storeId);
      const second = aBackfillJob(storeId);
      await h.storage.transaction(storeId, async (tx) => {
        await tx.backfills.save(storeId, first);
        await tx.backfills.save(storeId, second);
        await tx.backfills.save(storeId, { ...first, status: "done", processed: 12 });
      });
      await h.storage.transaction(storeId, async (tx) => {
        expect(await tx.backfills.get(storeId, first.id)).toMatchObject({ status: "done", processed: 12 });
        expect((await tx.backfills.list(storeId, 10)).map((job) => job.id)).toEqual([second.id, first.id]);
        expect((await tx.backfills.list(storeId, 1)).map((job) => job.id)).toEqual([second.id]);
        expect(await tx.backfills.get(storeId, "bf_missing")).toBeNull();
      });
    });
  });

  describe("program measurements", () => {
    it("when measurements are saved and updated, then get returns the latest and list is newest first, limited; a failed save leaves nothing", async () => {
      const storeId = aStoreId();
      const first = aMeasurement(storeId);
      const second = aMeasurement(storeId, { challengeIds: ["ch_a", "ch_b"] });
      await h.storage.transaction(storeId, async (tx) => {
        await tx.measurements.save(storeId, first);
        await tx.measurements.save(storeId, second);
        await tx.measurements.save(storeId, { ...first, status: "done", total: 3, measured: 3, paidMembers: 2, paidPoints: 100 });
      });
      await expect(
        h.storage.transaction(storeId, async (tx) => {
          await tx.measurements.save(storeId, aMeasurement(storeId, { id: "pm_failed" }));
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      await h.storage.read(storeId, async (tx) => {
        expect(await tx.measurements.get(storeId, first.id)).toEqual({ ...first, status: "done", total: 3, measured: 3, paidMembers: 2, paidPoints: 100 });
        expect((await tx.measurements.list(storeId, 10)).map((job) => job.id)).toEqual([second.id, first.id]);
        expect(await tx.measurements.list(storeId, 1)).toEqual([second]);
        expect(await tx.measurements.get(storeId, "pm_failed")).toBeNull();
      });
    });
  });
}
