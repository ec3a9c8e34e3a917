import type { Low } from "lowdb";
import type { WebhookReceipt, WebhookReceiptRepository } from "../../modules/inbox/webhook-receipt.js";
import type { AppendLog } from "./append-log.js";
import { DamagedFileError, type ReceiptsDocument } from "./lowdb-documents.js";
import { copyOrNull } from "./copy.js";
import { nextTurn } from "./next-turn.js";

export interface LowdbReceiptRepository extends WebhookReceiptRepository {
  close(): Promise<void>;
}

interface Waiting {
  receipt: WebhookReceipt;
  landed: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function waitingFor(receipt: WebhookReceipt): Waiting {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const landed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { receipt: { ...receipt }, landed, resolve, reject };
}

/**
 * Webhook receipts: receipts.json as of the last prune, and every receipt since as one line of
 * receipts.log. A webhook costs one line appended (the webhooks of a moment share one append), not a
 * rewrite of two days of receipts; the hourly prune writes receipts.json whole and empties the log, and so
 * does close. A receipt is found once its line is on disk, as a document change is once its file is.
 */
export async function createReceiptRepository(db: Low<ReceiptsDocument>, log: AppendLog): Promise<LowdbReceiptRepository> {
  // A Map, so an event id such as `__proto__` is a key like any other.
  const receipts = new Map(Object.entries(db.data.receipts));
  log.lines.forEach((line, index) => {
    const receipt = parseReceipt(line);
    if (!receipt) throw new DamagedFileError(log.path, `has a line that is not a webhook receipt (line ${index + 1})`);
    if (!receipts.has(receipt.eventId)) receipts.set(receipt.eventId, receipt);
  });
  let logged = log.lines.length;
  const waiting = new Map<string, Waiting>();
  let queued: Waiting[] = [];
  let draining: Promise<void> | null = null;
  let closed = false;
  // Appends and rewrites take turns, so a rewrite never empties the log under a line it does not hold.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work);
    turn = result.catch(() => undefined);
    return result;
  };

  // Ends, and says so, in the same step that finds nothing queued: a receipt queued after that starts the next drain.
  const drain = async () => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        await inTurn(() => log.append(batch.map((item) => JSON.stringify(item.receipt))));
        logged += batch.length;
        for (const item of batch) {
          receipts.set(item.receipt.eventId, item.receipt);
          item.resolve();
        }
      } catch (error) {
        for (const item of batch) item.reject(error);
      } finally {
        for (const item of batch) waiting.delete(item.receipt.eventId);
      }
    }
    draining = null;
  };

  /** receipts.json with the receipts kept now, then an empty log. */
  const rewrite = () =>
    inTurn(async () => {
      db.data = { ...db.data, receipts: Object.fromEntries(receipts) };
      await db.write();
      await log.clear();
      logged = 0;
    });

  const refuseClosed = () => Promise.reject(new Error("storage is closed"));

  return {
    async find(eventId) {
      if (closed) return refuseClosed();
      return copyOrNull(receipts.get(eventId));
    },
    remember(receipt) {
      if (closed) return refuseClosed();
      if (receipts.has(receipt.eventId)) return Promise.resolve();
      const already = waiting.get(receipt.eventId);
      if (already) return already.landed;
      const item = waitingFor(receipt);
      waiting.set(receipt.eventId, item);
      queued.push(item);
      draining ??= nextTurn().then(drain);
      return item.landed;
    },
    async forgetBefore(cutoff) {
      if (closed) return refuseClosed();
      let forgotten = 0;
      for (const [eventId, receipt] of receipts) {
        if (Date.parse(receipt.receivedAt) >= cutoff.getTime()) continue;
        receipts.delete(eventId);
        forgotten++;
      }
      if (forgotten > 0 || logged > 0) await rewrite();
      return forgotten;
    },
    async close() {
      closed = true;
      while (draining) await draining;
      if (logged > 0) await rewrite();
      await turn;
      await log.close();
    },
  };
}

/** One line of receipts.log, or null when it is not a webhook receipt. */
export function parseReceipt(line: string): WebhookReceipt | null {
  try {
    const value = JSON.parse(line) as Partial<WebhookReceipt> | null;
    const valid = typeof value?.eventId === "string" && typeof value.storeId === "number" && typeof value.fingerprint === "string" && typeof value.receivedAt === "string";
    return valid ? (value as WebhookReceipt) : null;
  } catch {
    return null;
  }
}
