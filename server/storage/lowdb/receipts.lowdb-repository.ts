import type { Low } from "lowdb";
import type { WebhookReceiptRepository } from "../../modules/inbox/webhook-receipt.js";
import type { ReceiptsDocument } from "./lowdb-documents.js";
import { SerialDocument } from "./serial-document.js";
import { copyOrNull } from "./copy.js";

export interface LowdbReceiptRepository extends WebhookReceiptRepository {
  close(): Promise<void>;
}

// Event ids come from outside: only own keys count, so `__proto__` or `constructor` never reads the prototype.
const receiptIn = (document: ReceiptsDocument, eventId: string) => (Object.hasOwn(document.receipts, eventId) ? document.receipts[eventId] : undefined);

/** Webhook receipts in receipts.json; pruned to the last two days, so the file stays small. */
export function createReceiptRepository(db: Low<ReceiptsDocument>): LowdbReceiptRepository {
  const document = new SerialDocument(db);
  return {
    async find(eventId) {
      return copyOrNull(receiptIn(document.data, eventId));
    },
    async remember(receipt) {
      if (receiptIn(document.data, receipt.eventId)) return;
      await document.commit((current) => {
        if (receiptIn(current, receipt.eventId)) return current;
        return { ...current, receipts: { ...current.receipts, [receipt.eventId]: { ...receipt } } };
      });
    },
    async forgetBefore(cutoff) {
      let forgotten = 0;
      await document.commit((current) => {
        const kept = Object.entries(current.receipts).filter(([, receipt]) => Date.parse(receipt.receivedAt) >= cutoff.getTime());
        forgotten = Object.keys(current.receipts).length - kept.length;
        return forgotten === 0 ? current : { ...current, receipts: Object.fromEntries(kept) };
      });
      return forgotten;
    },
    close: () => document.close(),
  };
}
