import type pg from "pg";
import type { WebhookReceipt, WebhookReceiptRepository } from "../../modules/inbox/webhook-receipt.js";
import type { OpenGuard } from "./open-guard.js";
import { first, iso, run, type Queryable } from "./sql-values.js";

interface ReceiptRow {
  event_id: string;
  store_id: number;
  fingerprint: string;
  received_at: Date;
}

/** Records the receipt unless one with its eventId is there: the primary key decides, across processes. */
export async function rememberReceiptRow(db: Queryable, receipt: WebhookReceipt): Promise<void> {
  await run(db, "INSERT INTO webhook_receipts (event_id, store_id, fingerprint, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING", [
    receipt.eventId,
    receipt.storeId,
    receipt.fingerprint,
    receipt.receivedAt,
  ]);
}

export function createReceiptRepository(pool: pg.Pool, guard: OpenGuard): WebhookReceiptRepository {
  return {
    async find(eventId) {
      guard.assertOpen();
      const row = await first<ReceiptRow>(pool, "SELECT event_id, store_id, fingerprint, received_at FROM webhook_receipts WHERE event_id = $1", [eventId]);
      return row ? { eventId: row.event_id, storeId: row.store_id, fingerprint: row.fingerprint, receivedAt: iso(row.received_at) } : null;
    },
    async remember(receipt) {
      guard.assertOpen();
      await rememberReceiptRow(pool, receipt);
    },
    async forgetBefore(cutoff) {
      guard.assertOpen();
      const result = await pool.query("DELETE FROM webhook_receipts WHERE received_at < $1", [cutoff.toISOString()]);
      return result.rowCount ?? 0;
    },
  };
}
