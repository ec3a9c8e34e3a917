import type { StoreTransaction } from "../../storage/storage.port.js";
import { recordTierChanged } from "../webhooks/webhook-events.js";
import type { TierChange } from "./tier-change.js";

/** Appends a tier change; one that moves the member to another tier is reported too (tier.changed). */
export async function appendTierChange(tx: Pick<StoreTransaction, "tierChanges" | "members" | "webhooks">, storeId: number, change: TierChange, now: Date): Promise<void> {
  await tx.tierChanges.append(storeId, change);
  if (change.fromTierId !== change.toTierId) await recordTierChanged(tx, storeId, change, now);
}
