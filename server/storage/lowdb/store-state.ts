import type { Low } from "lowdb";
import { apiKeyTable } from "./api-keys.lowdb-repository.js";
import { AuditTable } from "./audit-table.js";
import { InboxTable } from "./inbox-table.js";
import { LedgerTable } from "./ledger-table.js";
import { GroupCommit } from "./group-commit.js";
import type { InboxFiles } from "./inbox-files.js";
import type { StoreDocument } from "./lowdb-documents.js";
import { jobTable } from "./job-list.lowdb-repository.js";
import { memberTable } from "./members.lowdb-repository.js";
import { orderTable } from "./orders.lowdb-repository.js";
import { redemptionTable } from "./redemptions.lowdb-repository.js";
import { referralTable } from "./referrals.lowdb-repository.js";
import { signInCodeTable } from "./sign-in-codes.lowdb-repository.js";
import { taskCompletionTable } from "./task-completions.lowdb-repository.js";
import { tierChangeTable } from "./tier-changes.lowdb-repository.js";
import { webhookDeliveryTable, webhookEndpointTable } from "./webhooks.lowdb-repository.js";

/** One store's document, loaded, with the tables (and their indexes) that read and change it in place. */
export class StoreState {
  readonly members;
  readonly ledger: LedgerTable;
  readonly audit: AuditTable;
  readonly apiKeys;
  readonly inbox: InboxTable;
  readonly orders;
  readonly backfills;
  readonly measurements;
  readonly signInCodes;
  readonly redemptions;
  readonly taskCompletions;
  readonly referrals;
  readonly tierChanges;
  readonly webhookEndpoints;
  readonly webhookDeliveries;
  readonly commits: GroupCommit;
  /** Whether the next write must include the document (something besides the inbox changed). */
  #whole = false;

  /** `onWriteFailure` must forget this state, so the next use reloads what the file holds. */
  constructor(
    readonly storeId: number,
    private readonly db: Low<StoreDocument>,
    private readonly inboxFiles: InboxFiles,
    onWriteFailure: () => void,
  ) {
    this.commits = new GroupCommit(() => this.#write(), onWriteFailure);
    this.members = memberTable(db.data.members);
    this.ledger = new LedgerTable(db.data.ledger);
    this.audit = new AuditTable(db.data.audit);
    this.apiKeys = apiKeyTable(db.data.apiKeys);
    this.inbox = new InboxTable(db.data.inbox);
    this.orders = orderTable(db.data.orders);
    this.backfills = jobTable(db.data.backfills, "backfill job");
    this.measurements = jobTable(db.data.measurements, "program measurement");
    this.signInCodes = signInCodeTable(db.data.signInCodes);
    this.redemptions = redemptionTable(db.data.redemptions);
    this.taskCompletions = taskCompletionTable(db.data.taskCompletions);
    this.referrals = referralTable(db.data.referrals);
    this.tierChanges = tierChangeTable(db.data.tierChanges);
    this.webhookEndpoints = webhookEndpointTable(db.data.webhookEndpoints);
    this.webhookDeliveries = webhookDeliveryTable(db.data.webhookDeliveries);
  }

  /** The document itself, for the parts kept as slots (settings). */
  get document(): StoreDocument {
    return this.db.data;
  }

  /**
   * Resolves once the document, as it is now, is on disk: lowdb replaces the file atomically (see
   * file-backend.ts), and changes made while a write is under way share the next one (group commit).
   */
  persist(): Promise<void> {
    this.#whole = true;
    return this.commits.flush();
  }

  /** As `persist`, for changes of inbox events alone: they land in the inbox's own files (inbox-files.ts). */
  persistInbox(): Promise<void> {
    return this.commits.flush();
  }

  /** Lets go of the inbox's journal (a failed write, a purge). */
  close(): Promise<void> {
    return this.inboxFiles.close();
  }

  /** At shutdown, once its writes have landed: the inbox written whole and no journal left behind. */
  fold(): Promise<void> {
    return this.inboxFiles.fold(this.db.data.inbox);
  }

  async #write(): Promise<void> {
    const whole = this.#whole;
    this.#whole = false;
    await this.inboxFiles.persist(this.db.data.inbox, this.inbox.takeChanges());
    // The inbox has files of its own: the document is written without it, whatever a flood has queued.
    if (whole) await this.db.adapter.write({ ...this.db.data, inbox: [] });
  }
}
