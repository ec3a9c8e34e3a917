import { conflict } from "../../lib/errors.js";
import type { AuditEntry } from "../../modules/audit/audit-entry.js";
import { TimeOrderedLog, timeOf, type Page } from "./time-ordered-log.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's audit log in append order. */
export class AuditTable {
  readonly #ids: Set<string>;
  readonly #log: TimeOrderedLog<AuditEntry>;

  constructor(rows: AuditEntry[]) {
    this.#ids = new Set(rows.map((entry) => entry.id));
    this.#log = new TimeOrderedLog(rows, (entry) => timeOf(entry.createdAt, "audit entry createdAt"));
  }

  append(entry: AuditEntry, undo: UndoRecorder): void {
    if (this.#ids.has(entry.id)) throw conflict(`audit entry ${entry.id} already exists`);
    timeOf(entry.createdAt, "audit entry createdAt");
    this.#ids.add(entry.id);
    undo.record(() => this.#ids.delete(entry.id));
    this.#log.push(entry, undo);
  }

  newestFirst(page: Page): { total: number; items: AuditEntry[] } {
    return this.#log.newestFirst(page);
  }
}
