import { constants } from "node:fs";
import { access, chmod, mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { openAppendLog } from "./append-log.js";
import type { LowBackend } from "./lowdb-backend.js";
import {
  checkInstallsDocument,
  checkReceiptsDocument,
  checkReferralCodesDocument,
  checkStoreDocument,
  emptyInstallsDocument,
  emptyReceiptsDocument,
  emptyReferralCodesDocument,
  emptyStoreDocument,
  type InboxDocument,
  type InstallsDocument,
  type ReceiptsDocument,
  type ReferralCodesDocument,
  type StoreDocument,
} from "./lowdb-documents.js";
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, PrivateJsonFile, tempFileName } from "./private-json-file.js";

/** A store's document, or its inbox's files alone (a store whose first change was a webhook). */
const storeFileName = /^([1-9]\d*)\.(?:json|inbox\.json|inbox\.log)$/;
const sharedFiles = ["installs.json", "receipts.json", "receipts.log", "referral-codes.json"];

/**
 * JSON files under `dataDir`: `installs.json`, `receipts.json`, `referral-codes.json` and `stores/${storeId}.json`, each
 * written atomically (see private-json-file.ts); a leftover `.tmp` is ignored and overwritten by the
 * next write. Only the app's user may read them: `dataDir` is created 0700, `stores/` is made 0700
 * and the files 0600, tightening what an older version left world-readable. An existing `dataDir`
 * keeps its mode, as it may be a folder the app does not own alone.
 *
 * A file whose content is not its document throws DamagedFileError and is never written over:
 * nothing here writes a document that was not read first.
 */
export async function createFileBackend(dataDir: string): Promise<LowBackend> {
  const storesDir = join(dataDir, "stores");
  await mkdir(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await mkdir(storesDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await tightenModes(dataDir, storesDir);
  const storePath = (storeId: number) => join(storesDir, `${storeId}.json`);
  const journalPath = (storeId: number) => join(storesDir, `${storeId}.inbox.log`);
  const inboxName = (storeId: number) => `${storeId}.inbox.json`;

  async function open<T>(path: string, empty: T, check: (data: unknown) => T): Promise<Low<T>> {
    const file = new PrivateJsonFile<T>(path);
    const data = await file.read();
    return new Low<T>(file, data === null ? empty : check(data));
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
    openReceiptLog: () => openAppendLog(join(dataDir, "receipts.log")),
    openReferralCodes: () => {
      const path = join(dataDir, "referral-codes.json");
      return open<ReferralCodesDocument>(path, emptyReferralCodesDocument(), (data) => checkReferralCodesDocument(data, path));
    },
    async listStoreIds() {
      const names = await readdir(storesDir);
      const ids = names.flatMap((name) => {
        const match = storeFileName.exec(name);
        return match?.[1] ? [Number(match[1])] : [];
      });
      return [...new Set(ids)];
    },
    openStore: (storeId) => {
      const path = storePath(storeId);
      return open<StoreDocument>(path, emptyStoreDocument(storeId), (data) => checkStoreDocument(data, storeId, path));
    },
    storeInboxFile: (storeId) => new PrivateJsonFile<InboxDocument>(join(storesDir, inboxName(storeId))),
    openStoreJournal: (storeId) => openAppendLog(journalPath(storeId)),
    async removeStore(storeId) {
      // The inbox first: a purge cut short must not leave events that would bring the store back.
      await rm(journalPath(storeId), { force: true });
      await rm(join(storesDir, inboxName(storeId)), { force: true });
      await rm(join(storesDir, tempFileName(inboxName(storeId))), { force: true });
      await rm(storePath(storeId), { force: true });
      await rm(join(storesDir, tempFileName(`${storeId}.json`)), { force: true });
    },
    async ping() {
      await access(storesDir, constants.R_OK | constants.W_OK);
    },
  };
}

/** `stores/` and every data file (and temp file) already there become private. */
async function tightenModes(dataDir: string, storesDir: string): Promise<void> {
  await chmod(storesDir, PRIVATE_DIR_MODE);
  const stores = await readdir(storesDir, { withFileTypes: true });
  const shared = (await readdir(dataDir, { withFileTypes: true })).filter((entry) => sharedFiles.some((name) => entry.name === name || entry.name === tempFileName(name)));
  for (const entry of [...stores, ...shared]) {
    if (entry.isFile()) await chmod(join(entry.parentPath, entry.name), PRIVATE_FILE_MODE);
  }
}
