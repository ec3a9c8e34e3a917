import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  checkInboxDocument,
  checkInstallsDocument,
  checkReceiptsDocument,
  checkStoreDocument,
  emptyInstallsDocument,
  emptyReceiptsDocument,
  emptyStoreDocument,
  type InboxDocument,
  type InstallsDocument,
  type ReceiptsDocument,
  type StoreDocument,
} from "../../server/storage/lowdb/lowdb-documents.js";
import { replayInboxJournal } from "../../server/storage/lowdb/inbox-journal.js";
import { parseReceipt } from "../../server/storage/lowdb/receipts.lowdb-repository.js";

/** A store's document, or its inbox's files alone (a store whose first change was a webhook). */
const storeFileName = /^([1-9]\d*)\.(?:json|inbox\.json|inbox\.log)$/;

/** The whole lines of an append-only file (a last line without its newline was cut off mid-append and never acknowledged). */
async function wholeLines(path: string): Promise<string[]> {
  const text = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? "" : Promise.reject(error)));
  return text
    .slice(0, text.lastIndexOf("\n") + 1)
    .split("\n")
    .slice(0, -1);
}

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
    for (const line of await wholeLines(join(dataDir, "receipts.log"))) {
      const receipt = line ? parseReceipt(line) : null;
      if (receipt && !Object.hasOwn(document.receipts, receipt.eventId)) document.receipts[receipt.eventId] = receipt;
    }
    return document;
  },
  async storeIds(): Promise<number[]> {
    const names = await readdir(join(dataDir, "stores")).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? [] : Promise.reject(error)));
    const ids = names.flatMap((name) => {
      const match = storeFileName.exec(name);
      return match?.[1] ? [Number(match[1])] : [];
    });
    return [...new Set(ids)];
  },
  /** The store's document with its inbox: the inbox's own file (else what an older document held) and the journal's changes since. */
  async store(storeId: number): Promise<StoreDocument> {
    const file = (name: string) => join(dataDir, "stores", `${storeId}${name}`);
    const document = await readJson(file(".json"), emptyStoreDocument(storeId), (data, source) => checkStoreDocument(data, storeId, source));
    const inbox = await readJson<InboxDocument | null>(file(".inbox.json"), null, (data, source) => checkInboxDocument(data, storeId, source));
    if (inbox) document.inbox = inbox.events;
    const journal = file(".inbox.log");
    replayInboxJournal(document.inbox, storeId, inbox ? inbox.seq : (document.inboxLogSeq ?? 0), { path: journal, lines: await wholeLines(journal) });
    return document;
  },
});
