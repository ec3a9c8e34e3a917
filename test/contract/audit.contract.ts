import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../server/modules/audit/audit-entry.js";
import { anAuditEntry, aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import type { ContractHarness } from "./contract-harness.js";

export function describeAuditContract(h: ContractHarness): void {
  describe("audit", () => {
    it("when audit entries are appended, then list returns them newest first, paged, with the total", async () => {
      const storeId = aStoreId();
      const entries: AuditEntry[] = [1, 2, 3, 4].map((minute) =>
        anAuditEntry(storeId, { action: `action.${minute}`, details: { minute, nested: { ok: true } }, createdAt: minutesAfter(minute) }),
      );
      await h.storage.transaction(storeId, async (tx) => {
        for (const entry of entries) await tx.audit.append(storeId, entry);
      });
      const [a1, a2, a3, a4] = entries;
      await h.storage.transaction(storeId, async (tx) => {
        expect(await tx.audit.list(storeId, { limit: 3, offset: 0 })).toEqual({ total: 4, items: [a4, a3, a2] });
        expect(await tx.audit.list(storeId, { limit: 3, offset: 3 })).toEqual({ total: 4, items: [a1] });
      });
    });

    it("when audit entries share a timestamp, then the later append is listed first", async () => {
      const storeId = aStoreId();
      const first = anAuditEntry(storeId, { createdAt: minutesAfter(1) });
      const second = anAuditEntry(storeId, { createdAt: minutesAfter(1) });
      await h.storage.transaction(storeId, async (tx) => {
        await tx.audit.append(storeId, first);
        await tx.audit.append(storeId, second);
      });
      const { items } = await h.storage.transaction(storeId, (tx) => tx.audit.list(storeId, { limit: 10, offset: 0 }));
      expect(items).toEqual([second, first]);
    });

    it("when a store has no audit entries, then list is empty", async () => {
      const storeId = aStoreId();
      expect(await h.storage.transaction(storeId, (tx) => tx.audit.list(storeId, { limit: 10, offset: 0 }))).toEqual({ total: 0, items: [] });
    });
  });
}
