/**
 * A one-time thing seen before, across all stores: a verified webhook by Ecwid's eventId (and, keyed
 * `oauth-code:<hash>`, an OAuth code already exchanged). Ecwid signs only
 * `eventCreated.eventId`, so the fingerprint of the unsigned rest of the body is what tells an
 * honest retry (same body) from a captured signature replayed with a new body.
 */
export interface WebhookReceipt {
  eventId: string;
  storeId: number;
  fingerprint: string;
  receivedAt: string;
}

export interface WebhookReceiptRepository {
  find(eventId: string): Promise<WebhookReceipt | null>;
  /** Records the receipt; an existing one for the same eventId is kept as it is. */
  remember(receipt: WebhookReceipt): Promise<void>;
  /** Drops receipts received before `cutoff` (events that old are refused anyway). Returns how many. */
  forgetBefore(cutoff: Date): Promise<number>;
}
