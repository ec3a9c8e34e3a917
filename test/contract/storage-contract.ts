import { afterEach, beforeEach, describe } from "vitest";
import type { Storage } from "../../server/storage/storage.port.js";
import { describeApiKeysContract } from "./api-keys.contract.js";
import { describeAuditContract } from "./audit.contract.js";
import type { ContractHarness, OpenedStorage, OpenStorage } from "./contract-harness.js";
import { describeInboxContract } from "./inbox.contract.js";
import { describeInstallsContract } from "./installs.contract.js";
import { describeLeaderboardContract } from "./leaderboard.contract.js";
import { describeLedgerContract } from "./ledger.contract.js";
import { describeKeysetPagesContract } from "./keyset-pages.contract.js";
import { describeLifecycleContract } from "./lifecycle.contract.js";
import { describeMemberSnapshotContract } from "./member-snapshot.contract.js";
import { describeMembersContract } from "./members.contract.js";
import { describePersistenceContract } from "./persistence.contract.js";
import { describeProgramContract } from "./program.contract.js";
import { describeProofPhotosContract } from "./proof-photos.contract.js";
import { describeReadContract } from "./read.contract.js";
import { describeReceiptsContract } from "./receipts.contract.js";
import { describeRedemptionsContract } from "./redemptions.contract.js";
import { describeReferralSummaryContract } from "./referral-summary.contract.js";
import { describeReferralsContract } from "./referrals.contract.js";
import { describeSignInCodesContract } from "./sign-in-codes.contract.js";
import { describeTaskCompletionsContract } from "./task-completions.contract.js";
import { describeTierChangesContract } from "./tier-changes.contract.js";
import { describeTransactionsContract } from "./transactions.contract.js";

export type { OpenedStorage, OpenStorage } from "./contract-harness.js";

/**
 * The one storage contract, run unchanged by every adapter's runner (lowdb files, lowdb memory,
 * PostgreSQL). `open` is called before each test and must return an empty storage; an adapter that
 * survives a restart gives `reopen` and also runs the persistence tests. A behaviour only one adapter has is a bug.
 */
export function describeStorageContract(name: string, open: OpenStorage, options: { survivesRestart: boolean }): void {
  describe(`storage contract: ${name}`, () => {
    let opened: OpenedStorage | undefined;
    let current: Storage | undefined;

    const harness: ContractHarness = {
      get storage() {
        if (!current) throw new Error("no storage is open");
        return current;
      },
      async reopen() {
        const reopen = opened?.reopen;
        if (!reopen) throw new Error(`${name} cannot reopen`);
        await current?.close();
        current = await reopen();
        return current;
      },
    };

    beforeEach(async () => {
      opened = await open();
      current = opened.storage;
    });

    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
      current = undefined;
    });

    describeInstallsContract(harness);
    describeMembersContract(harness);
    describeLedgerContract(harness);
    describeKeysetPagesContract(harness);
    describeLeaderboardContract(harness);
    describeAuditContract(harness);
    describeTransactionsContract(harness);
    describeInboxContract(harness);
    describeProgramContract(harness);
    describeReceiptsContract(harness);
    describeReadContract(harness);
    describeMemberSnapshotContract(harness);
    describeSignInCodesContract(harness);
    describeRedemptionsContract(harness);
    describeTaskCompletionsContract(harness);
    describeReferralsContract(harness);
    describeReferralSummaryContract(harness);
    describeTierChangesContract(harness);
    describeApiKeysContract(harness);
    describeProofPhotosContract(harness);
    describeLifecycleContract(harness);
    // An adapter that keeps nothing across a restart (lowdb in memory) has no such behaviour to test.
    if (options.survivesRestart) describePersistenceContract(harness);
  });
}
