import { notFound } from "../../lib/errors.js";
import type { AppendResult, LedgerEntry, LedgerKind, LedgerRepository, LedgerSource } from "../../modules/ledger/ledger-entry.js";
import { earnedBoard } from "./earned-board.postgres.js";
import { checkPage, first, iso, json, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export interface LedgerRow {
  store_id: number;
  id: string;
  member_id: string;
  delta: number;
  kind: LedgerKind;
  source_type: LedgerSource["type"];
  source_id: string;
  idempotency_key: string;
  actor: string;
  note: string;
  basis: Record<string, unknown> | null;
  created_at: Date;
}

export const COLUMNS = "store_id, id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, basis, created_at";

export const toEntry = (row: LedgerRow): LedgerEntry => ({
  id: row.id,
  storeId: row.store_id,
  memberId: row.member_id,
  delta: row.delta,
  kind: row.kind,
  source: { type: row.source_type, id: row.source_id },
  idempotencyKey: row.idempotency_key,
  actor: row.actor,
  note: row.note,
  basis: row.basis,
  createdAt: iso(row.created_at),
});

const entryValues = (entry: LedgerEntry): unknown[] => [
  entry.storeId,
  entry.id,
  entry.memberId,
  entry.delta,
  entry.kind,
  entry.source.type,
  entry.source.id,
  entry.idempotencyKey,
  entry.actor,
  entry.note,
  json(entry.basis),
  entry.createdAt,
];

/**
 * One statement writes the entry and moves the member's cached balance: the insert happens only if
 * the member exists, the idempotency key's unique constraint turns a repeat into nothing
 * (ON CONFLICT DO NOTHING), and the balance moves only by what was inserted. The member's row is
 * locked by the update until the transaction ends. A null balance means nothing was written.
 */
const APPEND = `
  WITH inserted AS (
    INSERT INTO ledger_entries (${COLUMNS})
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
    WHERE EXISTS (SELECT 1 FROM members WHERE store_id = $1 AND id = $3)
    ON CONFLICT (store_id, idempotency_key) DO NOTHING
    RETURNING member_id, delta
  ), moved AS (
    UPDATE members SET balance = members.balance + inserted.delta
    FROM inserted WHERE members.store_id = $1 AND members.id = inserted.member_id
    RETURNING members.balance
  )
  SELECT (SELECT balance FROM moved) AS balance`;

/** The member's balance after the append, or null when nothing was written (key taken, or no such member). */
async function appendEntry(db: Queryable, entry: LedgerEntry): Promise<number | null> {
  return (await first<{ balance: number | null }>(db, APPEND, entryValues(entry)))?.balance ?? null;
}

/**
 * `APPEND` for many entries in one statement: the entries come in as one array per column, members' balances move by
 * the sum of what was inserted for them, and each inserted entry comes back with its member's balance after all of them.
 */
const APPEND_MANY = `
  WITH given AS (
    SELECT * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::timestamptz[])
      AS g (id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, basis, created_at)
  ), inserted AS (
    INSERT INTO ledger_entries (${COLUMNS})
    SELECT $1, g.id, g.member_id, g.delta, g.kind, g.source_type, g.source_id, g.idempotency_key, g.actor, g.note, g.basis, g.created_at FROM given g
    WHERE EXISTS (SELECT 1 FROM members WHERE store_id = $1 AND id = g.member_id)
    ON CONFLICT (store_id, idempotency_key) DO NOTHING
    RETURNING id, member_id, delta
  ), moved AS (
    UPDATE members SET balance = members.balance + added.delta
    FROM (SELECT member_id, sum(delta) AS delta FROM inserted GROUP BY member_id) AS added
    WHERE members.store_id = $1 AND members.id = added.member_id
    RETURNING members.id, members.balance
  )
  SELECT inserted.id, moved.balance FROM inserted JOIN moved ON moved.id = inserted.member_id`;

/** Each column of the entries as one array, in `APPEND_MANY`'s order after the store. */
const entryColumns = (entries: LedgerEntry[]): unknown[] => {
  const rows = entries.map((entry) => entryValues(entry).slice(1));
  return rows[0]!.map((_, at) => rows.map((row) => row[at]));
};

export function createLedgerRepository(db: Queryable, scope: TransactionScope): LedgerRepository {
  const findByKey = async (storeId: number, key: string) => {
    const row = await first<LedgerRow>(db, `SELECT ${COLUMNS} FROM ledger_entries WHERE store_id = $1 AND idempotency_key = $2`, [storeId, key]);
    return row ? toEntry(row) : null;
  };
  const balanceOf = async (storeId: number, memberId: string) =>
    (await first<{ balance: number }>(db, "SELECT balance FROM members WHERE store_id = $1 AND id = $2", [storeId, memberId]))?.balance ?? null;
  const balanceOrThrow = async (storeId: number, memberId: string) => {
    const balance = await balanceOf(storeId, memberId);
    if (balance === null) throw notFound(`member ${memberId} not found`);
    return balance;
  };
  const existingResult = async (storeId: number, existing: LedgerEntry): Promise<AppendResult> => ({
    entry: existing,
    created: false,
    balance: (await balanceOf(storeId, existing.memberId)) ?? 0,
  });

  return {
    async append(storeId, entry) {
      scope.checkRecord(storeId, "a ledger entry", entry.storeId);
      if (!Number.isSafeInteger(entry.delta)) {
        const existing = await findByKey(storeId, entry.idempotencyKey);
        if (existing) return existingResult(storeId, existing);
        throw new Error(`ledger delta must be a whole number of points, got ${entry.delta}`);
      }
      const balance = await appendEntry(db, entry);
      if (balance !== null) return { entry: structuredClone(entry), created: true, balance };
      const existing = await findByKey(storeId, entry.idempotencyKey);
      if (existing) return existingResult(storeId, existing);
      throw notFound(`member ${entry.memberId} not found`);
    },
    async appendMany(storeId, entries) {
      for (const entry of entries) scope.checkRecord(storeId, "a ledger entry", entry.storeId);
      if (entries.length === 0) return [];
      const odd = entries.find((entry) => !Number.isSafeInteger(entry.delta));
      if (odd) throw new Error(`ledger delta must be a whole number of points, got ${odd.delta}`);
      const rows = await run<{ id: string; balance: number }>(db, APPEND_MANY, [storeId, ...entryColumns(entries)]);
      const balances = new Map(rows.map((row) => [row.id, Number(row.balance)]));
      const results: AppendResult[] = [];
      for (const entry of entries) {
        const balance = balances.get(entry.id);
        if (balance !== undefined) results.push({ entry: structuredClone(entry), created: true, balance });
        else {
          const existing = await findByKey(storeId, entry.idempotencyKey);
          if (!existing) throw notFound(`member ${entry.memberId} not found`);
          results.push(await existingResult(storeId, existing));
        }
      }
      return results;
    },
    async findByKey(storeId, idempotencyKey) {
      scope.check(storeId);
      return findByKey(storeId, idempotencyKey);
    },
    async existingKeys(storeId, keys) {
      scope.check(storeId);
      if (keys.length === 0) return [];
      const rows = await run<{ idempotency_key: string }>(db, "SELECT idempotency_key FROM ledger_entries WHERE store_id = $1 AND idempotency_key = ANY($2::text[])", [
        storeId,
        keys,
      ]);
      return rows.map((row) => row.idempotency_key);
    },
    async listForMember(storeId, memberId, page) {
      scope.check(storeId);
      checkPage(page);
      // The count rides on the page's rows (one round trip); only a page past the end needs its own.
      const rows = await run<LedgerRow & { total: number }>(
        db,
        `SELECT ${COLUMNS}, count(*) OVER () AS total FROM ledger_entries WHERE store_id = $1 AND member_id = $2 ORDER BY created_at DESC, seq DESC LIMIT $3 OFFSET $4`,
        [storeId, memberId, page.limit, page.offset],
      );
      const counted =
        rows[0] ??
        (page.offset === 0
          ? { total: 0 }
          : await first<{ total: number }>(db, "SELECT count(*)::bigint AS total FROM ledger_entries WHERE store_id = $1 AND member_id = $2", [storeId, memberId]));
      return { total: counted?.total ?? 0, items: rows.map(toEntry) };
    },
    async memberKeys(storeId, memberId, prefix) {
      scope.check(storeId);
      const rows = await run<{ idempotency_key: string }>(
        db,
        "SELECT idempotency_key FROM ledger_entries WHERE store_id = $1 AND member_id = $2 AND starts_with(idempotency_key, $3) ORDER BY seq",
        [storeId, memberId, prefix],
      );
      return rows.map((row) => row.idempotency_key);
    },
    async tallyBySource(storeId, source, since) {
      scope.check(storeId);
      const rows = await run<{ kind: LedgerKind; count: number; points: number }>(
        db,
        `SELECT kind, count(*)::bigint AS count, COALESCE(sum(delta), 0)::bigint AS points FROM ledger_entries
         WHERE store_id = $1 AND source_type = $2 AND source_id = $3 AND ($4::timestamptz IS NULL OR created_at >= $4) GROUP BY kind`,
        [storeId, source.type, source.id, since],
      );
      return { kinds: Object.fromEntries(rows.map((row) => [row.kind, row.count])), points: rows.reduce((sum, row) => sum + row.points, 0) };
    },
    async listBySource(storeId, source) {
      scope.check(storeId);
      const rows = await run<LedgerRow>(db, `SELECT ${COLUMNS} FROM ledger_entries WHERE store_id = $1 AND source_type = $2 AND source_id = $3 ORDER BY created_at, seq`, [
        storeId,
        source.type,
        source.id,
      ]);
      return rows.map(toEntry);
    },
    async sumsBySource(storeId, type, ids) {
      scope.check(storeId);
      const rows = await run<{ source_id: string; entries: number; points: number }>(
        db,
        `SELECT source_id, count(*)::bigint AS entries, sum(delta)::bigint AS points FROM ledger_entries
         WHERE store_id = $1 AND source_type = $2 AND source_id = ANY($3::text[]) GROUP BY source_id`,
        [storeId, type, ids],
      );
      return new Map(rows.map((row) => [row.source_id, { entries: Number(row.entries), points: Number(row.points) }]));
    },
    async earnedBoard(storeId, query) {
      scope.check(storeId);
      checkPage({ limit: query.limit, offset: 0 });
      return earnedBoard(db, storeId, query);
    },
    async pageInAppendOrder(storeId, after, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: after });
      // One writer per store (store-lock.ts): within a store, seq grows in commit order, so a later page misses nothing.
      const rows = await run<LedgerRow & { seq: number }>(db, `SELECT ${COLUMNS}, seq FROM ledger_entries WHERE store_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [
        storeId,
        after,
        limit + 1,
      ]);
      const items = rows.slice(0, limit);
      return { items: items.map(toEntry), next: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
    },
    async balance(storeId, memberId) {
      scope.check(storeId);
      return balanceOrThrow(storeId, memberId);
    },
    async sumEntries(storeId, memberId) {
      scope.check(storeId);
      await balanceOrThrow(storeId, memberId);
      const summed = await first<{ total: number }>(db, "SELECT COALESCE(sum(delta), 0)::bigint AS total FROM ledger_entries WHERE store_id = $1 AND member_id = $2", [
        storeId,
        memberId,
      ]);
      return summed?.total ?? 0;
    },
  };
}
