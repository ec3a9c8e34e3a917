import type { ProofPhoto, ProofPhotoStore } from "../../modules/program/proof-photo.js";

/** Proof photos in a Map: the memory storage's, gone with the process. Copies go in and out, as files and rows would. */
export function createMemoryProofPhotoStore(): ProofPhotoStore {
  const stores = new Map<number, Map<string, ProofPhoto>>();
  const copy = (photo: ProofPhoto): ProofPhoto => ({ type: photo.type, data: Buffer.from(photo.data) });
  return {
    async put(storeId, completionId, photo) {
      const photos = stores.get(storeId) ?? new Map<string, ProofPhoto>();
      photos.set(completionId, copy(photo));
      stores.set(storeId, photos);
    },
    async get(storeId, completionId) {
      const photo = stores.get(storeId)?.get(completionId);
      return photo ? copy(photo) : null;
    },
    async remove(storeId, completionId) {
      stores.get(storeId)?.delete(completionId);
    },
    async purge(storeId) {
      stores.delete(storeId);
    },
  };
}
