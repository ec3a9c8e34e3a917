import type { ApiKeyRepository } from "../modules/api-keys/api-key.js";
import type { AuditRepository } from "../modules/audit/audit-entry.js";
import type { InboxRepository } from "../modules/inbox/inbox-event.js";
import type { WebhookReceiptRepository } from "../modules/inbox/webhook-receipt.js";
import type { LedgerRepository } from "../modules/ledger/ledger-entry.js";
import type { MemberRepository } from "../modules/members/member.js";
import type { BackfillRepository } from "../modules/orders/backfill-job.js";
import type { ProgramMeasurementRepository } from "../modules/program/program-measurement.js";
import type { OrderRecordRepository } from "../modules/orders/order-record.js";
import type { RedemptionRepository } from "../modules/rewards/redemption.js";
import type { ReferralRepository } from "../modules/referrals/referral.js";
import type { ReferralCodeIndex } from "../modules/referrals/referral-code-index.js";
import type { ProofPhotoStore } from "../modules/program/proof-photo.js";
import type { OrderSnapshotStore } from "../modules/simulations/order-snapshot.js";
import type { TaskCompletionRepository } from "../modules/program/task-completion.js";
import type { TierChangeRepository } from "../modules/tiers/tier-change.js";
import type { SettingsRepository } from "../modules/settings/program-settings.js";
import type { MemberSnapshotReader } from "../modules/storefront/member-snapshot.js";
import type { OverviewReader } from "../modules/insights/overview-facts.js";
import type { SignInCodeRepository } from "../modules/shoppers/sign-in-code.js";
import type { InstallRepository } from "../modules/stores/install.js";
import type { RateLimiters } from "../lib/rate-limit/rate-limiter.js";
import type { WebhookQueue, WebhookRepository } from "../modules/webhooks/webhook-endpoint.js";

/** The repositories that change together inside one store's unit of work. */
export interface StoreTransaction {
  members: MemberRepository;
  ledger: LedgerRepository;
  audit: AuditRepository;
  /** The merchant's keys for the admin API (hashed). */
  apiKeys: ApiKeyRepository;
  orders: OrderRecordRepository;
  settings: SettingsRepository;
  backfills: BackfillRepository;
  measurements: ProgramMeasurementRepository;
  signInCodes: SignInCodeRepository;
  redemptions: RedemptionRepository;
  /** Shopper tasks done and proofs sent. */
  tasks: TaskCompletionRepository;
  /** Friends' orders attributed to ambassadors. */
  referrals: ReferralRepository;
  /** Each change of the tier a member holds, appended as it happens. */
  tierChanges: TierChangeRepository;
  /** The merchant's outgoing webhook endpoints and the deliveries queued for them (the outbox). */
  webhooks: WebhookRepository;
}

/**
 * A narrow port (STYLE 19): a store's unit of work that hands `work` only the repositories `K`, so a
 * service says in its type which tables it touches. `Storage` is one for every `K`; the container
 * composes each service with `unitOfWork(storage, ...names)` (unit-of-work.ts).
 */
export interface UnitOfWork<K extends keyof StoreTransaction> {
  transaction<T>(storeId: number, work: (tx: Pick<StoreTransaction, K>) => Promise<T>): Promise<T>;
  read<T>(storeId: number, work: (tx: Pick<StoreTransaction, K>) => Promise<T>): Promise<T>;
}

export type SharedRecord = "installs" | "receipts" | "referralCodes";

/** Data the storage could not read. Each part is refused with `store_unavailable` and left exactly as it is; the rest serves. */
export interface StorageDamage {
  /** Stores set aside, ascending; every other store serves. */
  stores: number[];
  /** Without "installs" no store can be served; without "receipts" no webhook or OAuth install is taken; without "referralCodes" no code is issued or followed. */
  shared: SharedRecord[];
}

/**
 * The one storage port. Adapters: lowdb (default) and PostgreSQL.
 * `transaction` runs `work` with one writer per store: all its writes land together or not at all.
 */
export interface Storage {
  readonly kind: "lowdb" | "memory" | "postgres";
  installs: InstallRepository;
  inbox: InboxRepository;
  receipts: WebhookReceiptRepository;
  /** Which stores have outgoing webhook deliveries due. */
  webhookQueue: WebhookQueue;
  /** What the storefront's `/me` reads of a member, in one consistent read (one statement on PostgreSQL). */
  memberSnapshots: MemberSnapshotReader;
  /** The merchant's overview: a span's sums, computed where the rows are. */
  overview: OverviewReader;
  /** Rate-limit counters, shared by every process that shares this storage. */
  rateLimiters: RateLimiters;
  /** Proof photos waiting for review, kept outside the store's transactions; purged with the store's data. */
  proofPhotos: ProofPhotoStore;
  /** The cost simulator's copy of the last 12 months of orders, kept outside the store's transactions; purged with the store's data. */
  orderSnapshots: OrderSnapshotStore;
  /** Referral codes of every store, so the landing finds a code's store from the code alone; purged with the store's data. */
  referralCodes: ReferralCodeIndex;
  transaction<T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** A consistent view of the store for reading only; it need not wait for the store's writer. A write in it fails and changes nothing. */
  read<T>(storeId: number, work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Deletes every piece of a store's program data (not its install record). */
  purgeStoreData(storeId: number): Promise<void>;
  /** The stores that have members, ascending. */
  storeIds(): Promise<number[]>;
  /** What could not be read. PostgreSQL reads rows, not files, so it has none to report. */
  damage(): StorageDamage;
  /** Throws when the storage cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
