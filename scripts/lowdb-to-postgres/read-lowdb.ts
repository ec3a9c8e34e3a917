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
import { parseReceipt } from "../../server/storage/lowdb/receipts.lowdb-repository.js";

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
  /** receipts.json and the receipts appended to receipts.log since it was last written whole (all of them after a kill). */
  async receipts(): Promise<ReceiptsDocument> {
    const document = await readJson(join(dataDir, "receipts.json"), emptyReceiptsDocument(), checkReceiptsDocument);
    const log = await readFile(join(dataDir, "receipts.log"), "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? "" : Promise.reject(error)));
    // A last line without its newline was cut off mid-append and never acknowledged: the adapter drops it too.
    for (const line of log.slice(0, log.lastIndexOf("\n") + 1).split("\n")) {
      const receipt = line ? parseReceipt(line) : null;
      if (receipt && !Object.hasOwn(document.receipts, receipt.eventId)) document.receipts[receipt.eventId] = receipt;
    }
    return document;
  },
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
