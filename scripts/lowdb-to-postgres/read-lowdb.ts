import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  checkInstallsDocument,
  checkReceiptsDocument,
  checkStoreDocument,
  emptyInstallsDocument,
  emptyReceiptsDocument,
  type InstallsDocument,
  type ReceiptsDocument,
  type StoreDocument,
} from "../../server/storage/lowdb/lowdb-documents.js";

const storeFileName = /^([1-9]\d*)\.json$/;

async function readJson<T>(path: string, empty: T, check: (data: unknown, source: string) => T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return empty;
    throw error;
  }
  return check(JSON.parse(text), path);
}

/** The lowdb files under `dataDir`, read as the adapter writes them (see server/storage/lowdb/README.md). */
export const lowdbFiles = (dataDir: string) => ({
  installs: (): Promise<InstallsDocument> => readJson(join(dataDir, "installs.json"), emptyInstallsDocument(), checkInstallsDocument),
  receipts: (): Promise<ReceiptsDocument> => readJson(join(dataDir, "receipts.json"), emptyReceiptsDocument(), checkReceiptsDocument),
  async storeIds(): Promise<number[]> {
    const names = await readdir(join(dataDir, "stores")).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? [] : Promise.reject(error)));
    return names.flatMap((name) => {
      const match = storeFileName.exec(name);
      return match?.[1] ? [Number(match[1])] : [];
    });
  },
  async store(storeId: number): Promise<StoreDocument> {
    const path = join(dataDir, "stores", `${storeId}.json`);
    return checkStoreDocument(JSON.parse(await readFile(path, "utf8")), storeId, path);
  },
});
