import type { Low } from "lowdb";
import type { WebhookReceiptRepository } from "../../modules/inbox/webhook-receipt.js";
import type { ReceiptsDocument } from "./lowdb-documents.js";
import { SerialDocument } from "./serial-document.js";
import { copyOrNull } from "./copy.js";

export interface LowdbReceiptRepository extends WebhookReceiptRepository {
  close(): Promise<void>;
}

/** Webhook receipts in receipts.json; pruned to the last two days, so the file stays small. */
export function createReceiptRepository(db: Low<ReceiptsDocument>): LowdbReceiptRepository {
  const document = new SerialDocument(db);
  return {
    async find(eventId) {
      return copyOrNull(document.data.receipts[eventId]);
    },
    async remember(receipt) {
      if (document.data.receipts[receipt.eventId]) return;
      await document.commit((current) => {
        if (current.receipts[receipt.eventId]) return current;
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
