import { createMemoryStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import { describeStorageContract } from "./storage-contract.js";

describeStorageContract(
  "lowdb memory",
  async () => {
    const storage = await createMemoryStorage();
    return { storage, cleanup: () => storage.close() };
  },
  { survivesRestart: false },
);
