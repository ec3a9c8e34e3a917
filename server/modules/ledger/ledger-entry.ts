import type { KeysetPage } from "../../lib/keyset-page.js";
export type LedgerKind = "earn_order" | "earn_task" | "earn_referral" | "earn_tier" | "redeem" | "redeem_refund" | "reverse" | "adjust" | "expire";

/** What an entry came from: an order, a task, a redemption, a tier's perk, the merchant's hand, an imported starting balance. */
export interface LedgerSource {
  type: "order" | "task" | "referral" | "redemption" | "manual" | "expiry" | "tier" | "import";
  id: string;
}

/** One line of the append-only books. Never updated, never deleted. */
export interface LedgerEntry {
  id: string;
  storeId: number;
  memberId: string;
  /** Signed whole points. */
  delta: number;
  kind: LedgerKind;
  source: LedgerSource;
  /** Unique per store: a repeated cause carries the same key and writes nothing new. */
  idempotencyKey: string;
  /** "system" or the merchant's email. */
  actor: string;
  note: string;
  /** How the delta was computed (amount, rate, multiplier...), so a reversal can take back exactly this. */
  basis: Record<string, unknown> | null;
  createdAt: string;
}

export interface AppendResult {
  entry: LedgerEntry;
  /** False when an entry with the same idempotency key already existed: nothing was written. */
  created: boolean;
  balance: number;
}

export interface SourceSum {
  entries: number;
  points: number;
}

export interface SourceTally {
  kinds: Partial<Record<LedgerKind, number>>;
  points: number;
}

/** What the leaderboard asks of the books: points of `kinds` in [from, until), for members on the board. */
export interface EarnedQuery {
  from: string;
  until: string;
  kinds: readonly LedgerKind[];
  /** How many of the top to return. */
  limit: number;
  /** Whose own points and rank to return too; null: nobody's. */
  memberId: string | null;
}

/** A member on the board: their net points of the span (above 0) and their place, 1 first. */
export interface EarnedPlace {
  memberId: string;
  points: number;
  rank: number;
  /** The member's name and email, for the board to show "Maya K." (member-name.rules.ts). */
  name: string | null;
  email: string | null;
}

export interface EarnedBoard {
  /** Members opted in to the board with more than 0 points: most first, then who reached theirs first, then member id. */
  top: EarnedPlace[];
  /** The member asked about: their net points (0 when none or below), and their rank when on the board, else null. */
  member: { points: number; rank: number | null } | null;
}

export interface LedgerRepository {
  /** Appends the entry and moves the member's cached balance in the same write; idempotent by key. */
  append(storeId: number, entry: LedgerEntry): Promise<AppendResult>;
  /** `append` for many entries in one write (an import); `balance` is the member's after all of them. In the entries' order. */
  appendMany(storeId: number, entries: LedgerEntry[]): Promise<AppendResult[]>;
  findByKey(storeId: number, idempotencyKey: string): Promise<LedgerEntry | null>;
  /** Those of `keys` that an entry already holds, in one look-up. */
  existingKeys(storeId: number, keys: string[]): Promise<string[]>;
  /** Newest first. */
  listForMember(storeId: number, memberId: string, page: { limit: number; offset: number }): Promise<{ total: number; items: LedgerEntry[] }>;
  /** The idempotency keys of the member's entries that start with `prefix` (e.g. every challenge payout and reversal, "task"). */
  memberKeys(storeId: number, memberId: string, prefix: string): Promise<string[]>;
  /** The source's entries created at or after `since` (null: all): how many of each kind, and their points in all. */
  tallyBySource(storeId: number, source: LedgerSource, since: string | null): Promise<SourceTally>;
  /** Entries whose source matches, oldest first (e.g. every entry an order produced). */
  listBySource(storeId: number, source: LedgerSource): Promise<LedgerEntry[]>;
  /** Of each of `ids` that has entries with a source of `type`: how many and their points in all, in one look-up. */
  sumsBySource(storeId: number, type: LedgerSource["type"], ids: string[]): Promise<Map<string, SourceSum>>;
  /** The leaderboard: opted-in members ranked by their net points of `kinds` in the span, and one member's own place. */
  earnedBoard(storeId: number, query: EarnedQuery): Promise<EarnedBoard>;
  /** The store's entries in append order, at most `limit` after the position `after` (0: from the first). */
  pageInAppendOrder(storeId: number, after: number, limit: number): Promise<KeysetPage<LedgerEntry>>;
  /** The cached balance. */
  balance(storeId: number, memberId: string): Promise<number>;
  /** The balance summed from the entries themselves, ignoring the cache. */
  sumEntries(storeId: number, memberId: string): Promise<number>;
}
