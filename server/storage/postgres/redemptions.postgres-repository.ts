import { conflict, notFound } from "../../lib/errors.js";
import type { Redemption, RedemptionRepository, RedemptionSums } from "../../modules/rewards/redemption.js";
import { column, jsonb, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import { checkPage, first, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

export const redemptionsTable = new PgTable<Redemption>({
  table: "redemptions",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    memberId: column("member_id"),
    rewardId: column("reward_id"),
    rewardName: column("reward_name"),
    rewardKind: column("reward_kind"),
    points: column("points"),
    valueMinor: column("value_minor"),
    status: column("status"),
    coupon: jsonb("coupon"),
    reason: column("reason"),
    requestKey: column("request_key"),
    requestFingerprint: column("request_fingerprint"),
    checkAfter: timestampOrNull("check_after"),
    checks: column("checks"),
    usedByOrderId: column("used_by_order_id"),
    fulfilledBy: column("fulfilled_by"),
    grantedBy: jsonb("granted_by"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  derived: { coupon_code: (redemption) => redemption.coupon?.code ?? null, coupon_expires_at: (redemption) => redemption.coupon?.expiresAt ?? null },
});

/**
 * Which redemptions limits and budgets count (`countForReward`), given SQL for the reward id, the member id or
 * null (every member's) and the instant or null (since ever); and what is counted of them.
 */
export const countedRedemptions = (rewardId: string, memberId: string, since: string) =>
  `reward_id = ${rewardId} AND status <> 'released' AND (${memberId} IS NULL OR member_id = ${memberId}) AND (${since} IS NULL OR created_at >= ${since})`;
export const TALLY = "count(*)::bigint AS count, COALESCE(sum(value_minor), 0)::bigint AS value";

/** Redemptions inside one store transaction; uniqueness of id, coupon code and (member, request key) is the database's. */
export function createRedemptionRepository(db: Queryable, scope: TransactionScope): RedemptionRepository {
  return {
    async insert(storeId, redemption) {
      scope.checkRecord(storeId, "a redemption", redemption.storeId);
      if (!(await redemptionsTable.insert(db, redemption, "nothing"))) {
        throw conflict(`redemption ${redemption.id}, its coupon code or its member's request key already exists in store ${storeId}`);
      }
    },
    /** What was bought (member, reward, points, request) stays as inserted; its life (status, coupon, checks, use) changes. */
    async update(storeId, redemption) {
      scope.checkRecord(storeId, "a redemption", redemption.storeId);
      const fields = ["status", "coupon", "reason", "checkAfter", "checks", "usedByOrderId", "fulfilledBy", "valueMinor", "updatedAt"] as const;
      if (!(await redemptionsTable.update(db, redemption, [...fields]))) throw notFound(`redemption ${redemption.id} not found`);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return redemptionsTable.get(db, storeId, id);
    },
    async findByCode(storeId, code) {
      scope.check(storeId);
      return redemptionsTable.findOne(db, "coupon_code = $2", [storeId, code]);
    },
    async findByRequestKey(storeId, memberId, requestKey) {
      scope.check(storeId);
      return redemptionsTable.findOne(db, "member_id = $2 AND request_key = $3", [storeId, memberId, requestKey]);
    },
    async listForMember(storeId, memberId, limit) {
      scope.check(storeId);
      return (await redemptionsTable.page(db, storeId, { limit, offset: 0 }, { where: "member_id = $2", values: [memberId], orderBy: "seq DESC" })).items;
    },
    async page(storeId, query) {
      scope.check(storeId);
      const where: string[] = [];
      const values: unknown[] = [];
      if (query.statuses !== undefined) where.push(`status = ANY($${values.push(query.statuses) + 1}::text[])`);
      if (query.rewardIds !== undefined) where.push(`reward_id = ANY($${values.push(query.rewardIds) + 1}::text[])`);
      const filter = where.length ? { where: where.join(" AND "), values } : {};
      return redemptionsTable.page(db, storeId, query, { ...filter, orderBy: "seq DESC" });
    },
    async heldPoints(storeId, memberId) {
      scope.check(storeId);
      const row = await first<{ held: number }>(
        db,
        "SELECT COALESCE(sum(points), 0)::bigint AS held FROM redemptions WHERE store_id = $1 AND member_id = $2 AND status = 'pending'",
        [storeId, memberId],
      );
      return row?.held ?? 0;
    },
    async countForReward(storeId, rewardId, query) {
      scope.check(storeId);
      const row = await first<{ count: number; value: number }>(
        db,
        `SELECT ${TALLY} FROM redemptions WHERE store_id = $1 AND ${countedRedemptions("$2", "$3::text", "$4::timestamptz")}`,
        [storeId, rewardId, query.memberId ?? null, query.since],
      );
      return { count: row?.count ?? 0, valueMinor: row?.value ?? 0 };
    },
    async sumsByReward(storeId, rewardKind) {
      scope.check(storeId);
      return run<RedemptionSums>(
        db,
        `SELECT reward_id AS "rewardId", (array_agg(reward_name ORDER BY seq DESC))[1] AS "rewardName", status, count(*)::bigint AS count,
                COALESCE(sum(points), 0)::bigint AS points, COALESCE(sum(value_minor), 0)::bigint AS "valueMinor"
         FROM redemptions WHERE store_id = $1 AND reward_kind = $2 GROUP BY reward_id, status ORDER BY reward_id, status`,
        [storeId, rewardKind],
      );
    },
    async due(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const rows = await run(
        db,
        `SELECT ${redemptionsTable.columns} FROM redemptions WHERE store_id = $1
         AND ((status = 'pending' AND check_after <= $2) OR (status = 'issued' AND coupon_expires_at <= $2 AND (check_after IS NULL OR check_after <= $2))) ORDER BY seq LIMIT $3`,
        [storeId, now, limit],
      );
      return rows.map((row) => redemptionsTable.toDomain(row));
    },
  };
}
