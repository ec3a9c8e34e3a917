import { conflict } from "../../lib/errors.js";
import type { LedgerEntry, LedgerSource } from "../../modules/ledger/ledger-entry.js";
import { TimeOrderedLog, timeOf } from "./time-ordered-log.js";
import { noUndo, type UndoRecorder } from "./undo-log.js";

const entryTime = (entry: LedgerEntry) => timeOf(entry.createdAt, "ledger entry createdAt");
const sourceKey = (source: LedgerSource) => `${source.type}:${source.id}`;

/** One store's ledger in append order, indexed by idempotency key, member and source. */
export class LedgerTable {
  readonly #ids = new Set<string>();
  readonly #byKey = new Map<string, LedgerEntry>();
  readonly #byMember = new Map<string, TimeOrderedLog<LedgerEntry>>();
  readonly #bySource = new Map<string, TimeOrderedLog<LedgerEntry>>();

  constructor(private readonly rows: LedgerEntry[]) {
    for (const entry of rows) {
      this.#ids.add(entry.id);
      this.#byKey.set(entry.idempotencyKey, entry);
      this.#logOf(this.#byMember, entry.memberId).push(entry, noUndo);
      this.#logOf(this.#bySource, sourceKey(entry.source)).push(entry, noUndo);
    }
  }

  findByKey(idempotencyKey: string): LedgerEntry | undefined {
    return this.#byKey.get(idempotencyKey);
  }

  forMember(memberId: string): TimeOrderedLog<LedgerEntry> | undefined {
    return this.#byMember.get(memberId);
  }

  bySource(source: LedgerSource): LedgerEntry[] {
    return this.#bySource.get(sourceKey(source))?.oldestFirst() ?? [];
  }

  /** Every entry in append order: lowdb holds a store in memory, and a scan of it is a scan of an array. */
  entries(): readonly LedgerEntry[] {
    return this.rows;
  }

  sumForMember(memberId: string): number {
    return (this.#byMember.get(memberId)?.appendOrder() ?? []).reduce((sum, entry) => sum + entry.delta, 0);
  }

  /** The caller has already checked that the key is new. */
  append(entry: LedgerEntry, undo: UndoRecorder): void {
    if (this.#ids.has(entry.id)) throw conflict(`ledger entry ${entry.id} already exists`);
    entryTime(entry);
    this.rows.push(entry);
    this.#ids.add(entry.id);
    this.#byKey.set(entry.idempotencyKey, entry);
    undo.record(() => {
      this.#byKey.delete(entry.idempotencyKey);
      this.#ids.delete(entry.id);
      this.rows.pop();
    });
    this.#logOf(this.#byMember, entry.memberId).push(entry, undo);
    this.#logOf(this.#bySource, sourceKey(entry.source)).push(entry, undo);
  }

  #logOf(index: Map<string, TimeOrderedLog<LedgerEntry>>, key: string): TimeOrderedLog<LedgerEntry> {
    let log = index.get(key);
    if (!log) {
      log = new TimeOrderedLog<LedgerEntry>([], entryTime);
      index.set(key, log);
    }
    return log;
  }
}
