import type pg from "pg";
import { conflict, notFound } from "../../lib/errors.js";
import { checkClaim, type InboxEvent, type InboxRepository } from "../../modules/inbox/inbox-event.js";
import type { WebhookReceipt } from "../../modules/inbox/webhook-receipt.js";
import type { OpenGuard } from "./open-guard.js";
import { first, iso, isoOrNull, json, run } from "./sql-values.js";
import { statementBatcher } from "./statement-batcher.js";
import { inTransaction } from "./store-lock.js";

interface InboxRow {
  store_id: number;
  event_id: string;
  event_type: string;
  entity_id: string;
  data: Record<string, unknown> | null;
  event_created: number;
  received_at: Date;
  status: InboxEvent["status"];
  attempts: number;
  available_at: Date;
  lease_until: Date | null;
  last_error: string | null;
  processed_at: Date | null;
}

interface IntakeRow {
  seen_fingerprint: string | null;
  created: boolean;
}

const COLUMNS = "store_id, event_id, event_type, entity_id, data, event_created, received_at, status, attempts, available_at, lease_until, last_error, processed_at";
const RETURNING = COLUMNS.split(", ")
  .map((column) => `inbox_events.${column}`)
  .join(", ");

const toEvent = (row: InboxRow): InboxEvent => ({
  eventId: row.event_id,
  storeId: row.store_id,
  eventType: row.event_type,
  entityId: row.entity_id,
  data: row.data,
  eventCreated: row.event_created,
  receivedAt: iso(row.received_at),
  status: row.status,
  attempts: row.attempts,
  availableAt: iso(row.available_at),
  leaseUntil: isoOrNull(row.lease_until),
  lastError: row.last_error,
  processedAt: isoOrNull(row.processed_at),
});

const inboxValues = (event: InboxEvent): unknown[] => [
  event.storeId,
  event.eventId,
  event.eventType,
  event.entityId,
  json(event.data),
  event.eventCreated,
  event.receivedAt,
  event.status,
  event.attempts,
  event.availableAt,
  event.leaseUntil,
  event.lastError,
  event.processedAt,
];

/** Adds the event unless its store already has one with the same id (the primary key decides). */
const ADD = `INSERT INTO inbox_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (store_id, event_id) DO NOTHING RETURNING event_id`;

/**
 * The event and its receipt in one statement (one commit): both, or, when a receipt for the event id is
 * there already, neither, and that receipt's fingerprint comes back. The primary keys settle two
 * deliveries arriving at once.
 */
const ADD_WITH_RECEIPT = `
  WITH seen AS (SELECT fingerprint FROM webhook_receipts WHERE event_id = $2),
  event AS (
    INSERT INTO inbox_events (${COLUMNS})
    SELECT $1::bigint, $2::text, $3::text, $4::text, $5::jsonb, $6::bigint, $7::timestamptz, $8::text, $9::integer, $10::timestamptz, $11::timestamptz, $12::text, $13::timestamptz
    WHERE NOT EXISTS (SELECT 1 FROM seen)
    ON CONFLICT (store_id, event_id) DO NOTHING
    RETURNING event_id
  ),
  receipt AS (
    INSERT INTO webhook_receipts (event_id, store_id, fingerprint, received_at)
    SELECT $2::text, $1::bigint, $14::text, $15::timestamptz
    WHERE NOT EXISTS (SELECT 1 FROM seen)
    ON CONFLICT (event_id) DO NOTHING
  )
  SELECT (SELECT fingerprint FROM seen) AS seen_fingerprint, EXISTS (SELECT 1 FROM event) AS created`;

/**
 * ADD_WITH_RECEIPT for many events at once (distinct event ids), given as one JSON array: one round trip
 * and one commit for webhooks that arrived together. A row per input event, with its event id.
 */
const ADD_MANY_WITH_RECEIPTS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
      store_id bigint, event_id text, event_type text, entity_id text, data jsonb, event_created bigint, received_at timestamptz,
      status text, attempts integer, available_at timestamptz, lease_until timestamptz, last_error text, processed_at timestamptz,
      fingerprint text, receipt_received_at timestamptz, position integer)
  ),
  -- One look-up by primary key per input event: a join would let the planner scan every receipt of the last two days.
  seen AS (
    SELECT receipt.event_id, receipt.fingerprint FROM input
    CROSS JOIN LATERAL (SELECT event_id, fingerprint FROM webhook_receipts WHERE webhook_receipts.event_id = input.event_id LIMIT 1) receipt
  ),
  event AS (
    INSERT INTO inbox_events (${COLUMNS})
    SELECT store_id, event_id, event_type, entity_id, NULLIF(data, 'null'::jsonb), event_created, received_at, status, attempts, available_at, lease_until, last_error, processed_at
    FROM input WHERE event_id NOT IN (SELECT event_id FROM seen) ORDER BY position
    ON CONFLICT (store_id, event_id) DO NOTHING
    RETURNING event_id
  ),
  receipt AS (
    INSERT INTO webhook_receipts (event_id, store_id, fingerprint, received_at)
    SELECT event_id, store_id, fingerprint, receipt_received_at FROM input WHERE event_id NOT IN (SELECT event_id FROM seen)
    ON CONFLICT (event_id) DO NOTHING
  )
  SELECT input.event_id, seen.fingerprint AS seen_fingerprint, event.event_id IS NOT NULL AS created
  FROM input LEFT JOIN seen USING (event_id) LEFT JOIN event USING (event_id) ORDER BY input.position`;

/**
 * Runs one of the intake statements as a named prepared statement: each connection parses it once and, after
 * its first five runs, keeps one generic plan (the same index look-ups), instead of parsing and planning the CTE
 * per webhook batch (~0.4 ms of PostgreSQL CPU a statement, more than 10 events' own work).
 */
async function prepared<R extends pg.QueryResultRow>(pool: pg.Pool, name: string, text: string, values: unknown[]): Promise<R[]> {
  return (await pool.query<R>({ name, text, values })).rows;
}

/** Statements of concurrent intakes in flight at once; the rest wait and share the next (pool: 10 connections, the worker uses some). */
const INTAKE_STATEMENTS = 2;
const INTAKE_BATCH = 200;

/**
 * Leases the next claimable event. Stores take turns: the one holding the fewest live leases goes first,
 * oldest received first within it and between equals; a store at the limit ($2) is passed over. Claims
 * take turns too, across every process, under one advisory lock: two claims at once would each miss the
 * other's lease and could hand a store more than its limit. The statement sees every lease committed before
 * the lock was granted. It reads from indexes only (migration 015): the stores with pending events (one
 * index step each), each one's oldest claimable event, and the few live leases, so a claim costs about the
 * number of stores waiting, not the number of events queued. A row whose lease is still running is not
 * claimable, and a worker that dies holding a lease lets it lapse, so the event is taken again with one more
 * attempt. `SKIP LOCKED` passes over the chosen row if some other statement is changing it right now (a
 * retry from the dashboard): the claim then finds nothing and the worker looks again on its next round.
 */
const CLAIMABLE = `
  WITH RECURSIVE waiting(store_id) AS (
    (SELECT store_id FROM inbox_events WHERE status = 'pending' ORDER BY store_id LIMIT 1)
    UNION ALL
    SELECT (SELECT e.store_id FROM inbox_events e WHERE e.status = 'pending' AND e.store_id > waiting.store_id ORDER BY e.store_id LIMIT 1)
    FROM waiting WHERE waiting.store_id IS NOT NULL
  ),
  held AS (
    SELECT store_id, count(*) AS leases FROM inbox_events
    WHERE status = 'pending' AND lease_until IS NOT NULL AND lease_until > $1
    GROUP BY store_id
  ),
  heads AS (
    SELECT w.store_id, coalesce(held.leases, 0) AS leases, head.event_id, head.received_at, head.seq
    FROM waiting w LEFT JOIN held ON held.store_id = w.store_id
    CROSS JOIN LATERAL (
      SELECT e.event_id, e.received_at, e.seq FROM inbox_events e
      WHERE e.store_id = w.store_id AND e.status = 'pending' AND e.available_at <= $1 AND (e.lease_until IS NULL OR e.lease_until <= $1)
      ORDER BY e.received_at, e.seq LIMIT 1
    ) head
    WHERE w.store_id IS NOT NULL AND coalesce(held.leases, 0) < $2
  )
  SELECT e.store_id, e.event_id FROM inbox_events e
  JOIN (SELECT store_id, event_id FROM heads ORDER BY leases, received_at, seq LIMIT 1) chosen ON e.store_id = chosen.store_id AND e.event_id = chosen.event_id
  FOR UPDATE OF e SKIP LOCKED`;

const CLAIM_NEXT = `
  WITH next AS (${CLAIMABLE})
  UPDATE inbox_events SET attempts = inbox_events.attempts + 1, lease_until = $3
  FROM next WHERE inbox_events.store_id = next.store_id AND inbox_events.event_id = next.event_id
  RETURNING ${RETURNING}`;

/** What $2 is when no limit is asked for: more leases than any store can hold. */
const NO_LIMIT = 2_147_483_647;

/** Two 32-bit keys, apart from the per-store locks (one 64-bit key) and the migration lock (…, 1). */
const CLAIM_LOCK = [0x5155_4553, 2] as const;
const BEGIN_CLAIM = `BEGIN; SET LOCAL lock_timeout = '15s'; SELECT pg_advisory_xact_lock(${CLAIM_LOCK[0]}, ${CLAIM_LOCK[1]})`;

function checkOwnStore(storeId: number, event: InboxEvent): void {
  if (event.storeId !== storeId) throw new Error(`an inbox event of store ${event.storeId} cannot be added to store ${storeId}`);
}

/** The inbox, outside store transactions: every call is one statement (or one short transaction). */
export function createInboxRepository(pool: pg.Pool, guard: OpenGuard): InboxRepository {
  const change = async (storeId: number, eventId: string, set: string, values: unknown[]) => {
    guard.assertOpen();
    const rows = await run(pool, `UPDATE inbox_events SET ${set} WHERE store_id = $1 AND event_id = $2 RETURNING event_id`, [storeId, eventId, ...values]);
    if (rows.length === 0) throw notFound(`inbox event ${eventId} not found in store ${storeId}`);
  };

  const intake = statementBatcher<{ event: InboxEvent; receipt: WebhookReceipt }, { created: boolean; seenFingerprint: string | null }>({
    key: ({ event }) => event.eventId,
    async one({ event, receipt }) {
      const [row] = await prepared<IntakeRow>(pool, "inbox-add-with-receipt", ADD_WITH_RECEIPT, [...inboxValues(event), receipt.fingerprint, receipt.receivedAt]);
      return { created: row?.created ?? false, seenFingerprint: row?.seen_fingerprint ?? null };
    },
    async many(inputs) {
      const rows = inputs.map(({ event, receipt }, position) => ({
        store_id: event.storeId,
        event_id: event.eventId,
        event_type: event.eventType,
        entity_id: event.entityId,
        data: event.data,
        event_created: event.eventCreated,
        received_at: event.receivedAt,
        status: event.status,
        attempts: event.attempts,
        available_at: event.availableAt,
        lease_until: event.leaseUntil,
        last_error: event.lastError,
        processed_at: event.processedAt,
        fingerprint: receipt.fingerprint,
        receipt_received_at: receipt.receivedAt,
        position,
      }));
      const results = await prepared<IntakeRow>(pool, "inbox-add-many-with-receipts", ADD_MANY_WITH_RECEIPTS, [JSON.stringify(rows)]);
      return results.map((row) => ({ created: row.created, seenFingerprint: row.seen_fingerprint }));
    },
    maxInFlight: INTAKE_STATEMENTS,
    maxBatch: INTAKE_BATCH,
  });

  return {
    async add(storeId, event) {
      guard.assertOpen();
      checkOwnStore(storeId, event);
      return { created: (await run(pool, ADD, inboxValues(event))).length === 1 };
    },
    async addWithReceipt(storeId, event, receipt) {
      guard.assertOpen();
      checkOwnStore(storeId, event);
      if (receipt.eventId !== event.eventId || receipt.storeId !== storeId)
        throw new Error(`the receipt of ${receipt.eventId} does not belong to event ${event.eventId} of store ${storeId}`);
      return intake({ event, receipt });
    },
    async get(storeId, eventId) {
      guard.assertOpen();
      const row = await first<InboxRow>(pool, `SELECT ${COLUMNS} FROM inbox_events WHERE store_id = $1 AND event_id = $2`, [storeId, eventId]);
      return row ? toEvent(row) : null;
    },
    async claimNext(now, leaseMs, options = {}) {
      guard.assertOpen();
      checkClaim(leaseMs, options);
      const values = [now.toISOString(), options.perStoreLimit ?? NO_LIMIT, new Date(now.getTime() + leaseMs).toISOString()];
      const row = await inTransaction(pool, BEGIN_CLAIM, (db) => first<InboxRow>(db, CLAIM_NEXT, values));
      return row ? toEvent(row) : null;
    },
    complete: (storeId, eventId, now) => change(storeId, eventId, "status = 'done', lease_until = NULL, processed_at = $3", [now.toISOString()]),
    fail: (storeId, eventId, error, retryAt) =>
      retryAt
        ? change(storeId, eventId, "status = 'pending', available_at = $3, lease_until = NULL, last_error = $4", [retryAt.toISOString(), error])
        : change(storeId, eventId, "status = 'failed', lease_until = NULL, last_error = $3", [error]),
    async listFailed(storeId) {
      guard.assertOpen();
      const rows = await run<InboxRow>(pool, `SELECT ${COLUMNS} FROM inbox_events WHERE store_id = $1 AND status = 'failed' ORDER BY received_at, seq`, [storeId]);
      return rows.map(toEvent);
    },
    async requeue(storeId, eventId, now) {
      guard.assertOpen();
      const requeued = await run(
        pool,
        "UPDATE inbox_events SET status = 'pending', available_at = $3, lease_until = NULL WHERE store_id = $1 AND event_id = $2 AND status = 'failed' RETURNING event_id",
        [storeId, eventId, now.toISOString()],
      );
      if (requeued.length === 1) return;
      const current = await first<{ status: string }>(pool, "SELECT status FROM inbox_events WHERE store_id = $1 AND event_id = $2", [storeId, eventId]);
      if (!current) throw notFound(`inbox event ${eventId} not found in store ${storeId}`);
      throw conflict(`inbox event ${eventId} is ${current.status}, not failed`);
    },
    async counts(storeId) {
      guard.assertOpen();
      const counts: Record<InboxEvent["status"], number> = { pending: 0, done: 0, failed: 0 };
      const rows = await run<{ status: InboxEvent["status"]; total: number }>(
        pool,
        "SELECT status, count(*)::bigint AS total FROM inbox_events WHERE store_id = $1 GROUP BY status",
        [storeId],
      );
      for (const row of rows) counts[row.status] = row.total;
      return counts;
    },
    async pruneDone(cutoff) {
      guard.assertOpen();
      const result = await pool.query("DELETE FROM inbox_events WHERE status = 'done' AND coalesce(processed_at, received_at) < $1", [cutoff.toISOString()]);
      return result.rowCount ?? 0;
    },
  };
}
