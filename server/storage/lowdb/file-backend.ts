import { constants } from "node:fs";
import { access, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { DataFile } from "lowdb/node";
import type { LowBackend } from "./lowdb-backend.js";
import {
  checkInstallsDocument,
  checkReceiptsDocument,
  checkStoreDocument,
  emptyInstallsDocument,
  emptyReceiptsDocument,
  emptyStoreDocument,
  type InstallsDocument,
  type ReceiptsDocument,
  type StoreDocument,
} from "./lowdb-documents.js";

const storeFileName = /^([1-9]\d*)\.json$/;

/**
 * JSON files under `dataDir`: `installs.json` and `stores/${storeId}.json`.
 *
 * Crash safety comes from lowdb's writer (steno 4, `Writer#write`): it writes the whole text to
 * `.${name}.tmp` beside the file and then `rename`s it over the file. rename(2) within one
 * directory is atomic, so a process killed at any moment leaves either the old or the new file,
 * never a mix; a leftover `.tmp` is ignored here and overwritten by the next write. steno does
 * not fsync, so a power cut or kernel crash (not a process crash) could still lose the latest write.
 */
export async function createFileBackend(dataDir: string): Promise<LowBackend> {
  const storesDir = join(dataDir, "stores");
  await mkdir(storesDir, { recursive: true });
  const storePath = (storeId: number) => join(storesDir, `${storeId}.json`);

  async function open<T>(path: string, empty: T, check: (data: unknown) => T): Promise<Low<T>> {
    const db = new Low<T>(new DataFile<T>(path, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) }), empty);
    try {
      await db.read();
    } catch (error) {
      throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    db.data = check(db.data);
    return db;
  }

  return {
    kind: "lowdb",
    openInstalls: () => {
      const path = join(dataDir, "installs.json");
      return open<InstallsDocument>(path, emptyInstallsDocument(), (data) => checkInstallsDocument(data, path));
    },
    openReceipts: () => {
      const path = join(dataDir, "receipts.json");
      return open<ReceiptsDocument>(path, emptyReceiptsDocument(), (data) => checkReceiptsDocument(data, path));
    },
    async listStoreIds() {
      const names = await readdir(storesDir);
      return names.flatMap((name) => {
        const match = storeFileName.exec(name);
        return match?.[1] ? [Number(match[1])] : [];
      });
    },
    openStore: (storeId) => {
      const path = storePath(storeId);
      return open<StoreDocument>(path, emptyStoreDocument(storeId), (data) => checkStoreDocument(data, storeId, path));
    },
    async removeStore(storeId) {
      await rm(storePath(storeId), { force: true });
      await rm(join(storesDir, `.${storeId}.json.tmp`), { force: true });
    },
    async ping() {
      await access(storesDir, constants.R_OK | constants.W_OK);
    },
  };
}
