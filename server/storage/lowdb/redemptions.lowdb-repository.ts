import { notFound } from "../../lib/errors.js";
import type { Redemption, RedemptionRepository, RedemptionSums } from "../../modules/rewards/redemption.js";
import { Table } from "./table.js";
import { checkPage, timeOf } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's redemptions in creation order, by id, coupon code and (member, request key); grouped by member, reward and status. */
export const redemptionTable = (rows: Redemption[]) =>
  new Table(rows, {
    what: "redemption",
    key: (redemption) => redemption.id,
    unique: {
      code: { key: (redemption) => redemption.coupon?.code ?? null, message: (code) => `another redemption already has coupon code ${code}` },
      requestKey: {
        key: (redemption) => (redemption.requestKey === null ? null : `${redemption.memberId}\u0000${redemption.requestKey}`),
        message: () => "the member already has a redemption with this request key",
      },
    },
    groups: {
      member: (redemption) => redemption.memberId,
      reward: (redemption) => redemption.rewardId,
      status: (redemption) => redemption.status,
      kind: (redemption) => redemption.rewardKind,
    },
  });

export type RedemptionTable = ReturnType<typeof redemptionTable>;

const sinceOrNull = (since: string | null) => (since === null ? null : timeOf(since, "since"));

export function createRedemptionRepository(scope: TransactionScope, redemptions: RedemptionTable, undo: UndoRecorder): RedemptionRepository {
  return {
    async insert(storeId, redemption) {
      scope.checkRecord(storeId, "a redemption", redemption.storeId);
      redemptions.insert(redemption, undo);
    },
    /** What was bought (member, reward, points, request) stays as inserted; its life (status, coupon, checks, use) changes. */
    async update(storeId, redemption) {
      scope.checkRecord(storeId, "a redemption", redemption.storeId);
      const stored = redemptions.get(redemption.id);
      if (!stored) throw notFound(`redemption ${redemption.id} not found`);
      const { status, coupon, reason, checkAfter, checks, usedByOrderId, fulfilledBy, valueMinor, updatedAt } = redemption;
      redemptions.replace({ ...stored, status, coupon, reason, checkAfter, checks, usedByOrderId, fulfilledBy, valueMinor, updatedAt }, undo);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return redemptions.get(id);
    },
    async findByCode(storeId, code) {
      scope.check(storeId);
      return redemptions.findBy("code", code);
    },
    async findByRequestKey(storeId, memberId, requestKey) {
      scope.check(storeId);
      return redemptions.findBy("requestKey", `${memberId}\u0000${requestKey}`);
    },
    async listForMember(storeId, memberId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      return redemptions.group("member", memberId).reverse().slice(0, limit);
    },
    async page(storeId, query) {
      scope.check(storeId);
      checkPage(query);
      const statuses = query.statuses === undefined ? null : new Set<string>(query.statuses);
      const rewards = query.rewardIds === undefined ? null : new Set(query.rewardIds);
      const wanted = (redemption: Redemption) => (statuses === null || statuses.has(redemption.status)) && (rewards === null || rewards.has(redemption.rewardId));
      return redemptions.page(query, statuses || rewards ? wanted : undefined, "newest");
    },
    async heldPoints(storeId, memberId) {
      scope.check(storeId);
      return redemptions
        .group("member", memberId)
        .filter((redemption) => redemption.status === "pending")
        .reduce((sum, redemption) => sum + redemption.points, 0);
    },
    async countForReward(storeId, rewardId, query) {
      scope.check(storeId);
      const since = sinceOrNull(query.since);
      const counted = redemptions
        .group("reward", rewardId)
        .filter((redemption) => redemption.status !== "released")
        .filter((redemption) => query.memberId === undefined || redemption.memberId === query.memberId)
        .filter((redemption) => since === null || timeOf(redemption.createdAt, "createdAt") >= since);
      return { count: counted.length, valueMinor: counted.reduce((sum, redemption) => sum + (redemption.valueMinor ?? 0), 0) };
    },
    async sumsByReward(storeId, rewardKind) {
      scope.check(storeId);
      const sums = new Map<string, RedemptionSums>();
      for (const redemption of redemptions.group("kind", rewardKind)) {
        const key = `${redemption.rewardId}\u0000${redemption.status}`;
        const sum = sums.get(key) ?? { rewardId: redemption.rewardId, rewardName: redemption.rewardName, status: redemption.status, count: 0, points: 0, valueMinor: 0 };
        sums.set(key, {
          ...sum,
          rewardName: redemption.rewardName,
          count: sum.count + 1,
          points: sum.points + redemption.points,
          valueMinor: sum.valueMinor + (redemption.valueMinor ?? 0),
        });
      }
      return [...sums.values()];
    },
    async due(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const at = timeOf(now, "now");
      return redemptions
        .group("status", ["pending", "issued"])
        .filter((redemption) =>
          redemption.status === "pending"
            ? redemption.checkAfter !== null && timeOf(redemption.checkAfter, "checkAfter") <= at
            : redemption.coupon !== null &&
              timeOf(redemption.coupon.expiresAt, "coupon expiry") <= at &&
              (redemption.checkAfter === null || timeOf(redemption.checkAfter, "checkAfter") <= at),
        )
        .slice(0, limit);
    },
  };
}
