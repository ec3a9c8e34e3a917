import type { LedgerEntry } from "../ledger/ledger-entry.js";
import { textCell } from "./csv-cell.rules.js";

/** The header of ledger.csv. */
export const LEDGER_COLUMNS = ["entry_id", "member_id", "email", "kind", "points", "source_type", "source_id", "created_at", "actor", "note"] as const;

export type LedgerRow = Record<(typeof LEDGER_COLUMNS)[number], string | number>;

/** One entry as a row; `email` is its member's (empty when the member has none). */
export const ledgerRow = (entry: LedgerEntry, email: string | null): LedgerRow => ({
  entry_id: textCell(entry.id),
  member_id: textCell(entry.memberId),
  email: textCell(email),
  kind: entry.kind,
  points: entry.delta,
  source_type: entry.source.type,
  source_id: textCell(entry.source.id),
  created_at: entry.createdAt,
  actor: textCell(entry.actor),
  note: textCell(entry.note),
});
