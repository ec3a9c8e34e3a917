/** A proof photo as sent, decoded; kept apart from the store's records (a lowdb store file stays small). */
export interface ProofPhoto {
  type: "image/jpeg" | "image/png" | "image/webp";
  data: Buffer;
}

/**
 * Where proof photos wait for the merchant's review, by store and task completion id. A photo is removed once
 * the proof is decided, and with the store's data at the purge.
 */
export interface ProofPhotoStore {
  put(storeId: number, completionId: string, photo: ProofPhoto): Promise<void>;
  get(storeId: number, completionId: string): Promise<ProofPhoto | null>;
  remove(storeId: number, completionId: string): Promise<void>;
  /** Every photo of the store (the uninstall purge). */
  purge(storeId: number): Promise<void>;
}
