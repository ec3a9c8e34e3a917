import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { createLowdbStorage } from "../../server/storage/lowdb/lowdb-storage.js";
import type { Storage } from "../../server/storage/storage.port.js";
import { capturedLog } from "./captured-log.js";

/**
 * A fresh DATA_DIR for each test, and lowdb storages opened on it (several at once play a process killed
 * and the next one), all closed and the folder removed after the test.
 */
export function lowdbDataDir(prefix: string) {
  const opened: Storage[] = [];
  const dir = { path: "" };
  beforeEach(async () => {
    dir.path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await rm(dir.path, { recursive: true, force: true });
  });
  return {
    path: (...parts: string[]) => join(dir.path, ...parts),
    async open(logger = capturedLog().logger): Promise<Storage> {
      const storage = await createLowdbStorage({ dataDir: dir.path, logger });
      opened.push(storage);
      return storage;
    },
    /** Closes a storage opened here (as a clean shutdown does). */
    async close(storage: Storage): Promise<void> {
      opened.splice(opened.indexOf(storage), 1);
      await storage.close();
    },
  };
}
