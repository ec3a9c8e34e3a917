import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { unitOfWork } from "../../server/storage/unit-of-work.js";
import { aMember, aStoreId } from "../support/storage-fixtures.js";

/** The narrow port a service is composed with: only the repositories it names, on the storage's own transactions. */
describe("unit of work", () => {
  let storage: Storage;

  afterEach(async () => {
    await storage.close();
  });

  it("when a unit of work names repositories, then its work is handed those and no others", async () => {
    storage = await createMemoryStorage();
    const work = unitOfWork(storage, "members", "ledger");

    const seen = await work.read(aStoreId(), async (tx) => Object.keys(tx).sort());

    expect(seen).toEqual(["ledger", "members"]);
  });

  it("when its work writes and then throws, then nothing is kept, as in the storage's own transaction", async () => {
    storage = await createMemoryStorage();
    const storeId = aStoreId();
    const member = aMember(storeId);
    const work = unitOfWork(storage, "members");

    await expect(
      work.transaction(storeId, async (tx) => {
        await tx.members.insert(storeId, member);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await work.transaction(storeId, (tx) => tx.members.insert(storeId, { ...member, id: "mem_kept" }));

    expect(await storage.read(storeId, (tx) => tx.members.get(storeId, member.id))).toBeNull();
    expect((await storage.read(storeId, (tx) => tx.members.get(storeId, "mem_kept")))?.id).toBe("mem_kept");
  });
});
