import { newId } from "../../lib/ids.js";
import type { StoreTransaction } from "../../storage/storage.port.js";
import type { AdjustBasis, ExpireBasis, ImportBasis, OrderBasis, RedeemBasis, RedeemRefundBasis, ReferralBasis, TaskBasis, TierBirthdayBasis } from "./ledger-basis.js";
import type { AppendResult, LedgerEntry } from "./ledger-entry.js";
import { recordPointsChanged } from "../webhooks/webhook-events.js";

/** Each kind of entry with the source and basis it must carry; the compiler refuses any other pairing. */
type PostingKind =
  | { kind: "earn_order" | "reverse"; source: { type: "order"; id: string }; basis: OrderBasis }
  | { kind: "earn_task" | "reverse"; source: { type: "task"; id: string }; basis: TaskBasis }
  | { kind: "earn_referral" | "reverse"; source: { type: "referral"; id: string }; basis: ReferralBasis }
  | { kind: "earn_tier"; source: { type: "tier"; id: string }; basis: TierBirthdayBasis }
  | { kind: "adjust"; source: { type: "manual"; id: string }; basis: AdjustBasis }
  | { kind: "adjust"; source: { type: "import"; id: string }; basis: ImportBasis }
  | { kind: "redeem"; source: { type: "redemption"; id: string }; basis: RedeemBasis }
  | { kind: "redeem_refund"; source: { type: "redemption"; id: string }; basis: RedeemRefundBasis }
  | { kind: "expire"; source: { type: "expiry"; id: string }; basis: ExpireBasis };

export type Posting = PostingKind & {
  memberId: string;
  /** Signed whole points. */
  delta: number;
  /** Unique per store: posting the same cause again writes nothing and answers the entry already there. */
  idempotencyKey: string;
  /** "system" or the merchant's email. */
  actor: string;
  note: string;
};

/** A unit of work that can post: the books, and the outbox every new entry is reported to (member.points_changed). */
export type PostingTx = Pick<StoreTransaction, "ledger" | "members" | "webhooks">;

const entryOf = (storeId: number, posting: Posting, at: Date): LedgerEntry => ({
  id: newId("led"),
  storeId,
  memberId: posting.memberId,
  delta: posting.delta,
  kind: posting.kind,
  source: posting.source,
  idempotencyKey: posting.idempotencyKey,
  actor: posting.actor,
  note: posting.note,
  basis: posting.basis,
  createdAt: at.toISOString(),
});

/** The one way onto the books: every entry, whatever its cause, is posted here with its typed basis. */
export async function post(tx: PostingTx, storeId: number, posting: Posting, at: Date): Promise<AppendResult> {
  const result = await tx.ledger.append(storeId, entryOf(storeId, posting, at));
  if (result.created) await recordPointsChanged(tx, storeId, result, at);
  return result;
}

/** `post` for many entries in one write (an import); each new entry is reported to the outbox only when an endpoint listens for it. */
export async function postMany(tx: PostingTx, storeId: number, postings: Posting[], at: Date): Promise<AppendResult[]> {
  const results = await tx.ledger.appendMany(
    storeId,
    postings.map((posting) => entryOf(storeId, posting, at)),
  );
  const endpoints = await tx.webhooks.listEndpoints(storeId);
  if (!endpoints.some((endpoint) => endpoint.enabled && endpoint.events.includes("member.points_changed"))) return results;
  for (const result of results) if (result.created) await recordPointsChanged(tx, storeId, result, at);
  return results;
}
