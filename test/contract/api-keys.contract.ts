import { describe, expect, it } from "vitest";
import type { ApiKey } from "../../server/modules/api-keys/api-key.js";
import { aStoreId, minutesAfter } from "../support/storage-fixtures.js";
import type { ContractHarness } from "./contract-harness.js";

const aKey = (storeId: number, id: string, overrides: Partial<ApiKey> = {}): ApiKey => ({
  id,
  storeId,
  name: `Key ${id}`,
  scope: "read",
  hash: "ab".repeat(32),
  lastFour: "wxyz",
  createdAt: minutesAfter(1),
  createdBy: "owner@example.com",
  lastUsedAt: null,
  ...overrides,
});

export function describeApiKeysContract(h: ContractHarness): void {
  describe("API keys", () => {
    it("when keys are inserted, then they read back by id and in creation order, in their store only", async () => {
      const storeId = aStoreId();
      const first = aKey(storeId, "key_aaaaaaaaaaaaaaaa");
      const second = aKey(storeId, "key_bbbbbbbbbbbbbbbb", { scope: "write", createdAt: minutesAfter(2) });
      await h.storage.transaction(storeId, async (tx) => {
        await tx.apiKeys.insert(storeId, first);
        await tx.apiKeys.insert(storeId, second);
      });

      expect(await h.storage.read(storeId, (tx) => tx.apiKeys.list(storeId))).toEqual([first, second]);
      expect(await h.storage.read(storeId, (tx) => tx.apiKeys.get(storeId, second.id))).toEqual(second);
      const other = aStoreId();
      expect(await h.storage.read(other, (tx) => tx.apiKeys.get(other, first.id))).toBeNull();
      expect(await h.storage.read(other, (tx) => tx.apiKeys.list(other))).toEqual([]);
    });

    it("when a key's last use is set and another key is removed, then only those change", async () => {
      const storeId = aStoreId();
      const kept = aKey(storeId, "key_cccccccccccccccc");
      const gone = aKey(storeId, "key_dddddddddddddddd");
      await h.storage.transaction(storeId, async (tx) => {
        await tx.apiKeys.insert(storeId, kept);
        await tx.apiKeys.insert(storeId, gone);
      });

      await h.storage.transaction(storeId, async (tx) => {
        await tx.apiKeys.setLastUsed(storeId, kept.id, minutesAfter(5));
        await tx.apiKeys.remove(storeId, gone.id);
      });

      expect(await h.storage.read(storeId, (tx) => tx.apiKeys.list(storeId))).toEqual([{ ...kept, lastUsedAt: minutesAfter(5) }]);
    });

    it("when all of a store's keys are removed, then their ids come back and another store's keys stay", async () => {
      const storeId = aStoreId();
      const other = aStoreId();
      const theirs = aKey(other, "key_eeeeeeeeeeeeeeee");
      await h.storage.transaction(other, (tx) => tx.apiKeys.insert(other, theirs));
      await h.storage.transaction(storeId, async (tx) => {
        await tx.apiKeys.insert(storeId, aKey(storeId, "key_ffffffffffffffff"));
        await tx.apiKeys.insert(storeId, aKey(storeId, "key_gggggggggggggggg"));
      });

      const removed = await h.storage.transaction(storeId, (tx) => tx.apiKeys.removeAll(storeId));

      expect(removed.sort()).toEqual(["key_ffffffffffffffff", "key_gggggggggggggggg"]);
      expect(await h.storage.read(storeId, (tx) => tx.apiKeys.list(storeId))).toEqual([]);
      expect(await h.storage.read(other, (tx) => tx.apiKeys.list(other))).toEqual([theirs]);
    });

    it("when a transaction that inserted a key fails, then the key is not there", async () => {
      const storeId = aStoreId();
      await expect(
        h.storage.transaction(storeId, async (tx) => {
          await tx.apiKeys.insert(storeId, aKey(storeId, "key_hhhhhhhhhhhhhhhh"));
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");

      expect(await h.storage.read(storeId, (tx) => tx.apiKeys.list(storeId))).toEqual([]);
    });
  });
}
