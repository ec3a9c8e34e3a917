import type { Low } from "lowdb";
import { AuditTable } from "./audit-table.js";
import { InboxTable } from "./inbox-table.js";
import { LedgerTable } from "./ledger-table.js";
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

  constructor(
    readonly storeId: number,
    private readonly db: Low<StoreDocument>,
  ) {
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

  /** Writes the whole document: lowdb replaces the file atomically (see file-backend.ts). */
  persist(): Promise<void> {
    return this.db.write();
  }
}
