import type { Adapter } from "lowdb";
import type { InboxEvent } from "../../modules/inbox/inbox-event.js";
import { InboxJournal, replayInboxJournal } from "./inbox-journal.js";
import type { LowBackend } from "./lowdb-backend.js";
import { checkInboxDocument, type InboxDocument, type StoreDocument } from "./lowdb-documents.js";

/**
 * A store's inbox on disk, apart from the store's document: `${storeId}.inbox.json` (the whole inbox as of a
 * journal line) and `${storeId}.inbox.log` (each change since, one line). A webhook taken, leased or finished
 * costs a line; the inbox is written whole only when the journal passes its limit, when events are pruned and
 * at shutdown. The store's own writes never carry it, so they do not grow with the events a flood queues.
 */
export class InboxFiles {
  private constructor(
    private readonly storeId: number,
    private readonly file: Adapter<InboxDocument>,
    private readonly journal: InboxJournal,
  ) {}

  /**
   * Puts the store's inbox in `doc.inbox`: the whole inbox, else what a document written before the inbox had
   * its own file held there, then the journal's newer lines. Such a document's events are written to the inbox's
   * own file at once, before the store is next written without them.
   */
  static async open(doc: StoreDocument, backend: LowBackend): Promise<InboxFiles> {
    const file = backend.storeInboxFile(doc.storeId);
    const data = await file.read();
    const whole = data === null ? null : checkInboxDocument(data, doc.storeId, file.path);
    if (whole) doc.inbox = whole.events;
    const log = await backend.openStoreJournal(doc.storeId);
    const last = replayInboxJournal(doc.inbox, doc.storeId, whole ? whole.seq : (doc.inboxLogSeq ?? 0), log);
    delete doc.inboxLogSeq;
    const files = new InboxFiles(doc.storeId, file, new InboxJournal(log, last));
    if (!whole && (doc.inbox.length > 0 || log.lines.length > 0)) await files.writeWhole(doc.inbox);
    return files;
  }

  /** Lands a moment's changes: their lines, or the whole inbox when events went (a prune) or the journal is full. */
  persist(rows: readonly InboxEvent[], changes: { events: InboxEvent[]; rewritten: boolean }): Promise<void> {
    return changes.rewritten || this.journal.full ? this.writeWhole(rows) : this.journal.append(changes.events);
  }

  /** Lets go of the journal (a failed write, a purge). */
  close(): Promise<void> {
    return this.journal.close();
  }

  /** At shutdown, once every change has landed: the inbox whole, if the journal holds lines, and no journal left behind. */
  async fold(rows: readonly InboxEvent[]): Promise<void> {
    if (this.journal.holdsLines) await this.writeWhole(rows);
    await this.journal.remove();
  }

  private async writeWhole(rows: readonly InboxEvent[]): Promise<void> {
    await this.file.write({ version: 1, storeId: this.storeId, seq: this.journal.seq, events: rows as InboxEvent[] });
    await this.journal.emptied();
  }
}
