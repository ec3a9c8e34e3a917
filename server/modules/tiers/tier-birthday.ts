import type { StoreTransaction } from "../../storage/storage.port.js";
import { post } from "../ledger/posting.js";
import type { Member } from "../members/member.js";
import { tierBirthdayKey } from "../program/birthday.rules.js";
import type { ProgramSettings } from "../settings/program-settings.js";
import { heldTier } from "./held-tier.rules.js";

/**
 * Pays the birthday points of the tier `member` holds at `now` (their birthday, local `year`), once per member and
 * year beside any birthday challenge. Returns the points newly booked (0: none due, or already paid this year).
 */
export async function payTierBirthday(
  tx: Pick<StoreTransaction, "ledger" | "members" | "webhooks">,
  storeId: number,
  member: Member,
  tiers: ProgramSettings["tiers"],
  year: number,
  now: Date,
): Promise<number> {
  const tier = heldTier(tiers, member.tier, now);
  if (!tier || tier.birthdayPoints === 0) return 0;
  const { created } = await post(
    tx,
    storeId,
    {
      memberId: member.id,
      delta: tier.birthdayPoints,
      kind: "earn_tier",
      source: { type: "tier", id: tier.id },
      idempotencyKey: tierBirthdayKey(member.id, year),
      actor: "system",
      note: `Happy birthday: ${tier.name} birthday points`,
      basis: { tierId: tier.id, tierName: tier.name, points: tier.birthdayPoints, year },
    },
    now,
  );
  return created ? tier.birthdayPoints : 0;
}
