import type { ApiKey } from "../../modules/api-keys/api-key.js";
import type { AuditEntry } from "../../modules/audit/audit-entry.js";
import type { InboxEvent } from "../../modules/inbox/inbox-event.js";
import type { WebhookReceipt } from "../../modules/inbox/webhook-receipt.js";
import type { LedgerEntry } from "../../modules/ledger/ledger-entry.js";
import type { Member } from "../../modules/members/member.js";
import type { BackfillJob } from "../../modules/orders/backfill-job.js";
import type { OrderRecord } from "../../modules/orders/order-record.js";
import type { ProgramMeasurement } from "../../modules/program/program-measurement.js";
import type { TaskCompletion } from "../../modules/program/task-completion.js";
import type { ProgramSettings } from "../../modules/settings/program-settings.js";
import type { Redemption } from "../../modules/rewards/redemption.js";
import type { Referral } from "../../modules/referrals/referral.js";
import type { TierChange } from "../../modules/tiers/tier-change.js";
import type { WebhookDelivery, WebhookEndpoint } from "../../modules/webhooks/webhook-endpoint.js";
import type { ReferralCodeOwner } from "../../modules/referrals/referral-code-index.js";
import type { SignInCode } from "../../modules/shoppers/sign-in-code.js";
import type { Install } from "../../modules/stores/install.js";
import { upgradeStoreDocument } from "./store-document-upgrade.js";

/** A file whose bytes are not the document it should hold (cut short, empty, not JSON, another store's, another shape). */
export class DamagedFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${path} ${reason}`, options);
    this.name = "DamagedFileError";
  }
}

/** `${dataDir}/stores/${storeId}.json`: everything one store's program holds. */
export interface StoreDocument {
  version: 1;
  storeId: number;
  members: Member[];
  ledger: LedgerEntry[];
  audit: AuditEntry[];
  apiKeys: ApiKey[];
  /**
   * Written empty: the inbox lives in `${storeId}.inbox.json` and its journal (inbox-files.ts), so a store's
   * writes do not grow with the events queued. Read for a store written before that, whose inbox was here.
   */
  inbox: InboxEvent[];
  /** Left by a store written before the inbox had its own file: the last journal line that inbox held. */
  inboxLogSeq?: number;
  orders: OrderRecord[];
  backfills: BackfillJob[];
  measurements: ProgramMeasurement[];
  signInCodes: SignInCode[];
  redemptions: Redemption[];
  taskCompletions: TaskCompletion[];
  referrals: Referral[];
  tierChanges: TierChange[];
  webhookEndpoints: WebhookEndpoint[];
  webhookDeliveries: WebhookDelivery[];
  settings: ProgramSettings | null;
}

/** `${dataDir}/installs.json`: one record per store, keyed by store id. */
export interface InstallsDocument {
  version: 1;
  installs: Record<string, Install>;
}

export const emptyStoreDocument = (storeId: number): StoreDocument => ({
  version: 1,
  storeId,
  members: [],
  ledger: [],
  audit: [],
  apiKeys: [],
  inbox: [],
  orders: [],
  backfills: [],
  measurements: [],
  signInCodes: [],
  redemptions: [],
  taskCompletions: [],
  referrals: [],
  tierChanges: [],
  webhookEndpoints: [],
  webhookDeliveries: [],
  settings: null,
});

/** `${dataDir}/stores/${storeId}.inbox.json`: the store's inbox as of the journal line numbered `seq`. */
export interface InboxDocument {
  version: 1;
  storeId: number;
  seq: number;
  events: InboxEvent[];
}

export function checkInboxDocument(data: unknown, storeId: number, source: string): InboxDocument {
  if (!isRecord(data) || data.version !== 1 || data.storeId !== storeId || !Number.isSafeInteger(data.seq) || !Array.isArray(data.events)) {
    throw new DamagedFileError(source, `is not a version 1 inbox document for store ${storeId}`);
  }
  return data as unknown as InboxDocument;
}

/** `${dataDir}/receipts.json`: webhooks seen in the last two days, keyed by eventId. */
export interface ReceiptsDocument {
  version: 1;
  receipts: Record<string, WebhookReceipt>;
}

export const emptyReceiptsDocument = (): ReceiptsDocument => ({ version: 1, receipts: {} });

export function checkReceiptsDocument(data: unknown, source: string): ReceiptsDocument {
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.receipts)) throw new DamagedFileError(source, "is not a version 1 receipts document");
  return data as unknown as ReceiptsDocument;
}

/** `${dataDir}/referral-codes.json`: every store's referral codes (upper case), so a code alone finds its store. */
export interface ReferralCodesDocument {
  version: 1;
  codes: Record<string, ReferralCodeOwner>;
}

export const emptyReferralCodesDocument = (): ReferralCodesDocument => ({ version: 1, codes: {} });

export function checkReferralCodesDocument(data: unknown, source: string): ReferralCodesDocument {
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.codes)) throw new DamagedFileError(source, "is not a version 1 referral codes document");
  return data as unknown as ReferralCodesDocument;
}

export const emptyInstallsDocument = (): InstallsDocument => ({ version: 1, installs: {} });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Refuses a file that is not a store document for this store, rather than serving half of it. */
export function checkStoreDocument(data: unknown, storeId: number, source: string): StoreDocument {
  const lists = ["members", "ledger", "audit", "inbox", "orders", "backfills", "signInCodes"] as const;
  if (!isRecord(data) || data.version !== 1 || data.storeId !== storeId || lists.some((key) => !Array.isArray(data[key]))) {
    throw new DamagedFileError(source, `is not a version 1 store document for store ${storeId}`);
  }
  return upgradeStoreDocument(data as unknown as StoreDocument);
}

export function checkInstallsDocument(data: unknown, source: string): InstallsDocument {
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.installs)) throw new DamagedFileError(source, "is not a version 1 installs document");
  const document = data as unknown as InstallsDocument;
  // Installs saved before time zones were kept read as UTC (as PostgreSQL's migration 008) until the next install refreshes it.
  for (const install of Object.values(document.installs)) install.timeZone ??= "UTC";
  return document;
}

/** Store ids become file names, so only positive safe integers pass. */
export function checkStoreId(storeId: number): void {
  if (!Number.isSafeInteger(storeId) || storeId <= 0) throw new Error(`invalid store id: ${String(storeId)}`);
}
