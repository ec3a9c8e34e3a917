import type { Low } from "lowdb";
import { AuditTable } from "./audit-table.js";
import { InboxTable } from "./inbox-table.js";
import { LedgerTable } from "./ledger-table.js";
import { GroupCommit } from "./group-commit.js";
import type { StoreDocument } from "./lowdb-documents.js";
import { MemberTable } from "./member-table.js";
import { OrderTable } from "./order-table.js";

/** One store's document, loaded, with the tables (and their indexes) that read and change it in place. */
export class StoreState {
  readonly members: MemberTable;
  readonly ledger: LedgerTable;
  readonly audit: AuditTable;
  readonly inbox: InboxTable;
  readonly orders: OrderTable;
  readonly commits: GroupCommit;

  /** `onWriteFailure` must forget this state, so the next use reloads what the file holds. */
  constructor(
    readonly storeId: number,
    private readonly db: Low<StoreDocument>,
    onWriteFailure: () => void,
  ) {
    this.commits = new GroupCommit(() => this.db.write(), onWriteFailure);
    this.members = new MemberTable(db.data.members);
    this.ledger = new LedgerTable(db.data.ledger);
    this.audit = new AuditTable(db.data.audit);
    this.inbox = new InboxTable(db.data.inbox);
    this.orders = new OrderTable(db.data.orders);
  }

  /** The document itself, for the parts kept as plain lists and slots (settings, backfill jobs). */
  get document(): StoreDocument {
    return this.db.data;
  }

  /**
   * Resolves once the document, as it is now, is on disk: lowdb replaces the file atomically (see
   * file-backend.ts), and changes made while a write is under way share the next one (group commit).
   */
  persist(): Promise<void> {
    return this.commits.flush();
  }
}
