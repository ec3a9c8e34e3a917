import { Low, Memory } from "lowdb";
import { memoryAppendLog } from "./append-log.js";
import type { LowBackend } from "./lowdb-backend.js";
import {
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

/** lowdb's Memory adapter: the same documents, kept only as long as the process runs. */
export function createMemoryBackend(): LowBackend {
  return {
    kind: "memory",
    openInstalls: async () => new Low<InstallsDocument>(new Memory<InstallsDocument>(), emptyInstallsDocument()),
    openReceipts: async () => new Low<ReceiptsDocument>(new Memory<ReceiptsDocument>(), emptyReceiptsDocument()),
    openReceiptLog: async () => memoryAppendLog(),
    openReferralCodes: async () => new Low<ReferralCodesDocument>(new Memory<ReferralCodesDocument>(), emptyReferralCodesDocument()),
    listStoreIds: async () => [],
    openStore: async (storeId) => new Low<StoreDocument>(new Memory<StoreDocument>(), emptyStoreDocument(storeId)),
    storeInboxFile: () => Object.assign(new Memory<InboxDocument>(), { path: "memory" }),
    openStoreJournal: async () => memoryAppendLog(),
    removeStore: async () => {},
    ping: async () => {},
  };
}
