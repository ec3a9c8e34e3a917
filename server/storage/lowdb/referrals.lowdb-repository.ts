import { notFound } from "../../lib/errors.js";
import { normaliseEmail } from "../../modules/members/member.js";
import type { Referral, ReferralRepository, ReferralTotals } from "../../modules/referrals/referral.js";
import type { ShareChannel } from "../../modules/referrals/referral-settings.js";
import { Table } from "./table.js";
import { checkPage, timeOf } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's referrals in the order they were attributed, by id and order; grouped by ambassador, status and each way a friend is known. */
export const referralTable = (rows: Referral[]) =>
  new Table(rows, {
    what: "referral",
    key: (referral) => referral.id,
    unique: { order: { key: (referral) => referral.orderId, message: (orderId) => `order ${orderId} is already referred` } },
    groups: {
      ambassador: (referral) => referral.ambassadorId,
      status: (referral) => referral.status,
      friendMember: (referral) => referral.friendMemberId,
      friendEmail: (referral) => referral.friendEmail,
      friendCustomer: (referral) => referral.friendCustomerId,
    },
  });

export type ReferralTable = ReturnType<typeof referralTable>;

export function createReferralRepository(scope: TransactionScope, referrals: ReferralTable, undo: UndoRecorder): ReferralRepository {
  return {
    async insert(storeId, referral) {
      scope.checkRecord(storeId, "a referral", referral.storeId);
      referrals.insert(referral, undo);
    },
    /** The order it came from and when it was attributed stay; the rest is its life. */
    async update(storeId, referral) {
      scope.checkRecord(storeId, "a referral", referral.storeId);
      const stored = referrals.get(referral.id);
      if (!stored) throw notFound(`referral ${referral.id} not found`);
      referrals.replace({ ...referral, orderId: stored.orderId, createdAt: stored.createdAt }, undo);
    },
    async get(storeId, id) {
      scope.check(storeId);
      return referrals.get(id);
    },
    async findByOrder(storeId, orderId) {
      scope.check(storeId);
      return referrals.findBy("order", orderId);
    },
    async page(storeId, query) {
      scope.check(storeId);
      checkPage(query);
      const statuses = query.statuses === undefined ? null : new Set<string>(query.statuses);
      const { ambassadorId } = query;
      const wanted = (referral: Referral) => (statuses === null || statuses.has(referral.status)) && (ambassadorId === undefined || referral.ambassadorId === ambassadorId);
      return referrals.page(query, statuses || ambassadorId !== undefined ? wanted : undefined, "newest");
    },
    async listForAmbassador(storeId, ambassadorId) {
      scope.check(storeId);
      return referrals.group("ambassador", ambassadorId);
    },
    async listForFriend(storeId, friend) {
      scope.check(storeId);
      const email = friend.email === null ? null : normaliseEmail(friend.email);
      const isFriend = (referral: Referral) =>
        (friend.memberId !== null && referral.friendMemberId === friend.memberId) ||
        (email !== null && referral.friendEmail === email) ||
        (friend.customerId !== null && referral.friendCustomerId === friend.customerId);
      // The indexes say whether any match; only then are the rows read in their order (a friend is in one to three groups).
      const any =
        (friend.memberId !== null && referrals.group("friendMember", friend.memberId).length > 0) ||
        (email !== null && referrals.group("friendEmail", email).length > 0) ||
        (friend.customerId !== null && referrals.group("friendCustomer", friend.customerId).length > 0);
      return any ? referrals.filter(isFriend) : [];
    },
    async due(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const at = timeOf(now, "now");
      return referrals
        .group("status", ["checking", "held"])
        .filter((referral) => referral.status === "checking" || (referral.payableAt !== null && timeOf(referral.payableAt, "payableAt") <= at))
        .slice(0, limit);
    },
    async channelTotals(storeId) {
      scope.check(storeId);
      const friends = new Map<ShareChannel | null, number>();
      for (const referral of referrals.filter((row) => row.status !== "rejected")) friends.set(referral.channel, (friends.get(referral.channel) ?? 0) + 1);
      return [...friends].map(([channel, friendsOrdered]) => ({ channel, friendsOrdered }));
    },
    async totals(storeId) {
      scope.check(storeId);
      const totals: ReferralTotals = {};
      for (const referral of referrals.filter(() => true)) {
        const sum = totals[referral.status] ?? { count: 0, eligibleMinor: 0 };
        totals[referral.status] = { count: sum.count + 1, eligibleMinor: sum.eligibleMinor + referral.eligibleMinor };
      }
      return totals;
    },
  };
}
