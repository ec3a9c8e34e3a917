import { freshGame, freshMemberState } from "../../modules/members/member.js";
import { emptyStoreDocument, type StoreDocument } from "./lowdb-documents.js";

interface LegacyOrderFields {
  eligibleMinor?: number;
  /** What an older version kept instead: what the shopper paid, shipping and tax included. */
  netSpendMinor?: number;
}

/**
 * Brings a store document an older version wrote up to this one, in memory; the next write stores it.
 * Order records that kept what was paid take the kept eligible amount their order's latest ledger line
 * was computed on (a counted order that earned no point keeps what was paid until its next reconcile),
 * and their members' lifetime spend follows (as PostgreSQL's migration 003 does). Lists (tables) added
 * since start empty; members saved before emails get their email state, before the game its state, before referrals no code, before tier reviews no tier state; order records saved before items, none.
 */
export function upgradeStoreDocument(doc: StoreDocument): StoreDocument {
  Object.assign(doc, { ...emptyStoreDocument(doc.storeId), ...doc });
  // Members saved before emails: the store's language, subscribed, never warned (as PostgreSQL's migration 007).
  doc.members.forEach((member, index) => {
    if (member.unsubscribedAt === undefined) doc.members[index] = { ...freshMemberState(), ...member };
  });
  // Members saved before the game's shopper tasks: no birthday, off the leaderboard (as PostgreSQL's migration 009).
  for (const member of doc.members) member.game ??= freshGame();
  // Members saved before the referral program have no code yet (as PostgreSQL's migration 013).
  for (const member of doc.members) member.referral ??= null;
  // Members saved before tiers were reviewed have no tier state yet (as PostgreSQL's migration 016).
  for (const member of doc.members) member.tier ??= null;
  // Members saved before holdouts were drawn in none (as PostgreSQL's migration 023).
  for (const member of doc.members) member.holdout ??= null;
  // Order records saved before items were kept have none (as PostgreSQL's migration 008).
  for (const record of doc.orders) record.items ??= [];
  // Redemptions saved before challenges granted rewards were all bought with points (as PostgreSQL's migration 011).
  for (const redemption of doc.redemptions) redemption.grantedBy ??= null;
  const legacy = doc.orders.filter((record) => (record as LegacyOrderFields).eligibleMinor === undefined);
  if (legacy.length === 0) return doc;
  const keptByOrder = new Map<string, number>();
  for (const entry of doc.ledger) {
    const kept = entry.basis?.keptMinor;
    if (entry.source.type === "order" && typeof kept === "number") keptByOrder.set(entry.source.id, kept);
  }
  const touched = new Set<string | null>();
  for (const record of legacy) {
    const fields = record as typeof record & LegacyOrderFields;
    fields.eligibleMinor = record.counted ? (keptByOrder.get(record.orderId) ?? fields.netSpendMinor ?? 0) : 0;
    delete fields.netSpendMinor;
    touched.add(record.memberId);
  }
  const spend = new Map<string | null, number>();
  for (const record of doc.orders) {
    if (record.counted && touched.has(record.memberId)) spend.set(record.memberId, (spend.get(record.memberId) ?? 0) + record.eligibleMinor);
  }
  for (const member of doc.members) {
    if (touched.has(member.id)) member.stats = { ...member.stats, lifetimeSpendMinor: spend.get(member.id) ?? 0 };
  }
  return doc;
}
