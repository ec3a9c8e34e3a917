import type { StoreTransaction } from "../storage.port.js";
import { createApiKeyRepository } from "./api-keys.lowdb-repository.js";
import { createAuditRepository } from "./audit.lowdb-repository.js";
import { createLedgerRepository } from "./ledger.lowdb-repository.js";
import { createJobListRepository } from "./job-list.lowdb-repository.js";
import { createMemberRepository } from "./members.lowdb-repository.js";
import { createOrderRecordRepository } from "./orders.lowdb-repository.js";
import { createRedemptionRepository } from "./redemptions.lowdb-repository.js";
import { createReferralRepository } from "./referrals.lowdb-repository.js";
import { createSettingsRepository } from "./settings.lowdb-repository.js";
import { createSignInCodeRepository } from "./sign-in-codes.lowdb-repository.js";
import type { StoreState } from "./store-state.js";
import { createTaskCompletionRepository } from "./task-completions.lowdb-repository.js";
import { createTierChangeRepository } from "./tier-changes.lowdb-repository.js";
import { createWebhookRepository } from "./webhooks.lowdb-repository.js";
import { TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** Hands `work` the store's repositories, all recording into one undo log, and closes them when it ends. */
export async function runStoreTransaction<T>(state: StoreState, undo: UndoRecorder, work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
  const scope = new TransactionScope(state.storeId);
  try {
    return await work({
      members: createMemberRepository(scope, state.members, undo),
      ledger: createLedgerRepository(scope, state.ledger, state.members, undo),
      audit: createAuditRepository(scope, state.audit, undo),
      apiKeys: createApiKeyRepository(scope, state.apiKeys, undo),
      orders: createOrderRecordRepository(scope, state.orders, undo),
      settings: createSettingsRepository(scope, state.document, undo),
      backfills: createJobListRepository(scope, state.backfills, undo, "a backfill job"),
      measurements: createJobListRepository(scope, state.measurements, undo, "a program measurement"),
      signInCodes: createSignInCodeRepository(scope, state.signInCodes, undo),
      redemptions: createRedemptionRepository(scope, state.redemptions, undo),
      tasks: createTaskCompletionRepository(scope, state.taskCompletions, undo),
      referrals: createReferralRepository(scope, state.referrals, undo),
      tierChanges: createTierChangeRepository(scope, state.tierChanges, undo),
      webhooks: createWebhookRepository(scope, state.webhookEndpoints, state.webhookDeliveries, undo),
    });
  } finally {
    scope.end();
  }
}
