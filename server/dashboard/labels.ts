/** Words for the codes the API uses. Unknown codes are shown as they are. */
import type { LedgerKind } from "../modules/ledger/ledger-entry.js";
import type { BackfillJob } from "./api.js";

const LEDGER_KINDS: Record<LedgerKind, string> = {
  earn_order: "Order",
  earn_task: "Challenge",
  earn_referral: "Referral",
  earn_tier: "Tier birthday",
  redeem: "Redeemed",
  redeem_refund: "Points back",
  reverse: "Reversal",
  adjust: "Adjustment",
  expire: "Expired",
};

export const ledgerKindLabel = (kind: LedgerKind) => LEDGER_KINDS[kind] ?? String(kind);

/** "system" or an email; the dashboard says who in plain words. */
export const actorLabel = (actor: string | null | undefined) => (!actor || actor === "system" ? "Questline" : actor);

/** A member as the merchant knows them: email, else the Ecwid customer id. */
export const memberLabel = (member: { id: string; email: string | null; customerId?: number | null }) =>
  member.email || (member.customerId ? `Customer #${member.customerId}` : `Member ${member.id}`);

const PAYMENT_STATUSES: Record<string, string> = {
  PAID: "Paid",
  CUSTOM_PAYMENT_STATUS_1: "Custom status 1",
  CUSTOM_PAYMENT_STATUS_2: "Custom status 2",
  CUSTOM_PAYMENT_STATUS_3: "Custom status 3",
};

/** Payment statuses the earning rule can count. PAID is always offered; Ecwid lets merchants name three custom ones. */
export const EARNING_STATUS_CHOICES = Object.keys(PAYMENT_STATUSES);
export const paymentStatusLabel = (status: string) => PAYMENT_STATUSES[status] ?? status;

const EVENT_TYPES: Record<string, string> = {
  "order.created": "Order created",
  "order.updated": "Order updated",
  "order.deleted": "Order deleted",
  "questline.backfill_page": "Past orders import",
};
export const eventTypeLabel = (type: string) => EVENT_TYPES[type] ?? type;

const IMPORT_STATUSES: Record<BackfillJob["status"], string> = { running: "Importing", done: "Done", failed: "Failed" };
export const importStatusLabel = (status: BackfillJob["status"]) => IMPORT_STATUSES[status] ?? status;
