import type { Adapter, Low } from "lowdb";
import type { AppendLog } from "./append-log.js";
import type { InboxDocument, InstallsDocument, ReceiptsDocument, ReferralCodesDocument, StoreDocument } from "./lowdb-documents.js";

/** Where the lowdb documents live: JSON files on disk, or lowdb's Memory adapter. Everything else is shared. */
export interface LowBackend {
  readonly kind: "lowdb" | "memory";
  openInstalls(): Promise<Low<InstallsDocument>>;
  openReceipts(): Promise<Low<ReceiptsDocument>>;
  openReferralCodes(): Promise<Low<ReferralCodesDocument>>;
  /** The receipts remembered since receipts.json was last written. */
  openReceiptLog(): Promise<AppendLog>;
  /** Stores that already have a document, found when the storage opens. */
  listStoreIds(): Promise<number[]>;
  /** Reads the store's document, or starts an empty one that is written on its first change. */
  openStore(storeId: number): Promise<Low<StoreDocument>>;
  /** The store's inbox as of its last snapshot (inbox-files.ts); reads null when there is none yet. */
  storeInboxFile(storeId: number): Adapter<InboxDocument> & { readonly path: string };
  /** The store's inbox changes since that snapshot (inbox-journal.ts). */
  openStoreJournal(storeId: number): Promise<AppendLog>;
  removeStore(storeId: number): Promise<void>;
  ping(): Promise<void>;
}
