import { describe, expect, it } from "vitest";
import type { ProofPhoto } from "../../server/modules/program/proof-photo.js";
import { aStoreId } from "../support/storage-fixtures.js";
import { insertMember, type ContractHarness } from "./contract-harness.js";

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x0a, 0x0d, 0xff, 0xd9]);
const aPhoto = (overrides: Partial<ProofPhoto> = {}): ProofPhoto => ({ type: "image/jpeg", data: JPEG, ...overrides });

export function describeProofPhotosContract(h: ContractHarness): void {
  describe("proof photos", () => {
    it("when a photo is put, then it reads back byte for byte with its type, in its own store only", async () => {
      const [storeId, other] = [aStoreId(), aStoreId()];
      const png = aPhoto({ type: "image/png", data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0a, 0x0a]) });
      await h.storage.proofPhotos.put(storeId, "tsk_a1", aPhoto());
      await h.storage.proofPhotos.put(storeId, "tsk_b2", png);

      expect(await h.storage.proofPhotos.get(storeId, "tsk_a1")).toEqual({ type: "image/jpeg", data: JPEG });
      expect(await h.storage.proofPhotos.get(storeId, "tsk_b2")).toEqual(png);
      expect(await h.storage.proofPhotos.get(other, "tsk_a1")).toBeNull();
      expect(await h.storage.proofPhotos.get(storeId, "tsk_none")).toBeNull();
      expect(await h.storage.proofPhotos.get(storeId, "../tsk_a1")).toBeNull();
    });

    it("when the photo read back is changed, then the stored one is not", async () => {
      const storeId = aStoreId();
      await h.storage.proofPhotos.put(storeId, "tsk_a1", aPhoto({ data: Buffer.from(JPEG) }));
      (await h.storage.proofPhotos.get(storeId, "tsk_a1"))!.data.fill(0);

      expect((await h.storage.proofPhotos.get(storeId, "tsk_a1"))?.data).toEqual(JPEG);
    });

    it("when a photo is removed, then it is gone, the others stay, and removing it again does no harm", async () => {
      const storeId = aStoreId();
      await h.storage.proofPhotos.put(storeId, "tsk_a1", aPhoto());
      await h.storage.proofPhotos.put(storeId, "tsk_b2", aPhoto());

      await h.storage.proofPhotos.remove(storeId, "tsk_a1");
      await h.storage.proofPhotos.remove(storeId, "tsk_a1");

      expect(await h.storage.proofPhotos.get(storeId, "tsk_a1")).toBeNull();
      expect(await h.storage.proofPhotos.get(storeId, "tsk_b2")).toEqual(aPhoto());
    });

    it("when a store's data is purged, then its photos are gone and another store's stay", async () => {
      const [purged, kept] = [aStoreId(), aStoreId()];
      for (const storeId of [purged, kept]) {
        await insertMember(h.storage, storeId);
        await h.storage.proofPhotos.put(storeId, "tsk_a1", aPhoto());
      }

      await h.storage.purgeStoreData(purged);

      expect(await h.storage.proofPhotos.get(purged, "tsk_a1")).toBeNull();
      expect(await h.storage.proofPhotos.get(kept, "tsk_a1")).toEqual(aPhoto());
      await h.storage.proofPhotos.put(purged, "tsk_a1", aPhoto({ type: "image/webp" }));
      expect((await h.storage.proofPhotos.get(purged, "tsk_a1"))?.type).toBe("image/webp");
    });

    it("when a store has no photos, then purging them does no harm", async () => {
      await expect(h.storage.proofPhotos.purge(aStoreId())).resolves.toBeUndefined();
    });
  });
}
