import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { describeStorageContract } from "./storage-contract.js";

describeStorageContract(
  "lowdb files",
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "questline-lowdb-"));
    const opened: Storage[] = [];
    const open = async () => {
      const storage = await createLowdbStorage({ dataDir });
      opened.push(storage);
      return storage;
    };
    return {
      storage: await open(),
      reopen: open,
      cleanup: async () => {
        for (const storage of opened) await storage.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
  { survivesRestart: true },
);
