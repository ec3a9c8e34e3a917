import { conflict, notFound } from "../../lib/errors.js";
import { normaliseEmail } from "../../modules/members/member.js";
import type { Referral, ReferralRepository, ReferralStatus, ReferralTotals } from "../../modules/referrals/referral.js";
import type { ShareChannel } from "../../modules/referrals/referral-settings.js";
import { column, jsonb, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import { checkPage, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const referralsTable = new PgTable<Referral>({
  table: "referrals",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    ambassadorId: column("ambassador_id"),
    code: column("code"),
    via: column("via"),
    channel: column("channel"),
    orderId: column("order_id"),
    friendMemberId: column("friend_member_id"),
    friendEmail: column("friend_email"),
    friendCustomerId: column("friend_customer_id"),
    addressKey: column("address_key"),
    eligibleMinor: column("eligible_minor"),
    status: column("status"),
    reason: column("reason"),
    signals: jsonb("signals"),
    payableAt: timestampOrNull("payable_at"),
    points: column("points"),
    redemptionId: column("redemption_id"),
    paidAt: timestampOrNull("paid_at"),
    decidedBy: column("decided_by"),
    note: column("note"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
});

/** The order it came from and when it was attributed stay; the rest is its life. */
const CHANGING: (keyof Referral)[] = [
  "ambassadorId",
  "code",
  "via",
  "channel",
  "friendMemberId",
  "friendEmail",
  "friendCustomerId",
  "addressKey",
  "eligibleMinor",
  "status",
  "reason",
  "signals",
  "payableAt",
  "points",
  "redemptionId",
  "paidAt",
  "decidedBy",
  "note",
  "updatedAt",
];

/** Referrals inside one store transaction; one per order is the database's to keep. */
export function createReferralRepository(db: Queryable, scope: TransactionScope): ReferralRepository {
  return {
    async insert(storeId, referral) {
      scope.checkRecord(storeId, "a referral", referral.storeId);
      if (!(await referralsTable.insert(db, referral, "nothing")))
        throw conflict(`referral ${referral.id} or a referral of order ${referral.orderId} already exists in store ${storeId}`);
    },
    async update(storeId, referral) {
      scope.checkRecord(storeId, "a referral", referral.storeId);
      if (!(await referralsTable.update(db, referral, CHANGING))) throw notFound(`referral ${referral.id} not found`);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return referralsTable.get(db, storeId, id);
    },
    async findByOrder(storeId, orderId) {
      scope.check(storeId);
      return referralsTable.findOne(db, "order_id = $2", [storeId, orderId]);
    },
    async page(storeId, query) {
      scope.check(storeId);
      const where: string[] = [];
      const values: unknown[] = [];
      if (query.statuses !== undefined) where.push(`status = ANY($${values.push(query.statuses) + 1}::text[])`);
      if (query.ambassadorId !== undefined) where.push(`ambassador_id = $${values.push(query.ambassadorId) + 1}`);
      const filter = where.length ? { where: where.join(" AND "), values } : {};
      return referralsTable.page(db, storeId, query, { ...filter, orderBy: "seq DESC" });
    },
    async listForAmbassador(storeId, ambassadorId) {
      scope.check(storeId);
      return referralsTable.findMany(db, "ambassador_id = $2", [storeId, ambassadorId]);
    },
    async listForFriend(storeId, { memberId, email, customerId }) {
      scope.check(storeId);
      return referralsTable.findMany(db, "(friend_member_id = $2 OR friend_email = $3 OR friend_customer_id = $4)", [
        storeId,
        memberId,
        email === null ? null : normaliseEmail(email),
        customerId,
      ]);
    },
    async due(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const rows = await run(
        db,
        `SELECT ${referralsTable.columns} FROM referrals WHERE store_id = $1 AND status IN ('checking', 'held')
         AND (status = 'checking' OR payable_at <= $2) ORDER BY seq LIMIT $3`,
        [storeId, now, limit],
      );
      return rows.map((row) => referralsTable.toDomain(row));
    },
    async channelTotals(storeId) {
      scope.check(storeId);
      const rows = await run<{ channel: ShareChannel | null; friends: number }>(
        db,
        "SELECT channel, count(*)::bigint AS friends FROM referrals WHERE store_id = $1 AND status <> 'rejected' GROUP BY channel",
        [storeId],
      );
      return rows.map((row) => ({ channel: row.channel, friendsOrdered: row.friends }));
    },
    async totals(storeId) {
      scope.check(storeId);
      const rows = await run<{ status: ReferralStatus; count: number; eligible: number }>(
        db,
        "SELECT status, count(*)::bigint AS count, COALESCE(sum(eligible_minor), 0)::bigint AS eligible FROM referrals WHERE store_id = $1 GROUP BY status",
        [storeId],
      );
      const totals: ReferralTotals = {};
      for (const row of rows) totals[row.status] = { count: row.count, eligibleMinor: row.eligible };
      return totals;
    },
  };
}
