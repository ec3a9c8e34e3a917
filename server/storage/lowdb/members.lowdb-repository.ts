import { normaliseEmail, referralCouponDue, type HoldoutGroup, type Member, type MemberRepository } from "../../modules/members/member.js";
import { tiersHeldAt } from "../../modules/tiers/member-tier.js";
import type { ShareChannel } from "../../modules/referrals/referral-settings.js";
import { notFound } from "../../lib/errors.js";
import { Table } from "./table.js";
import { checkPage } from "./time-ordered-log.js";
import { type TransactionScope } from "../transaction-scope.js";
import type { UndoRecorder } from "./undo-log.js";

/** One store's members in creation order, by id, normalised email, customer id and referral code. */
export const memberTable = (rows: Member[]) =>
  new Table(rows, {
    what: "member",
    key: (member) => member.id,
    unique: {
      email: { key: (member) => (member.email === null ? null : normaliseEmail(member.email)), message: () => "another member already has this email" },
      customerId: { key: (member) => member.customerId, message: (customerId) => `another member already has customer id ${customerId}` },
      referralCode: { key: (member) => member.referral?.code.toUpperCase() ?? null, message: (code) => `another member already has referral code ${code}` },
    },
  });

export type MemberTable = ReturnType<typeof memberTable>;

export function createMemberRepository(scope: TransactionScope, members: MemberTable, undo: UndoRecorder): MemberRepository {
  return {
    async get(storeId, memberId) {
      scope.check(storeId);
      return members.get(memberId);
    },
    async findByEmail(storeId, email) {
      scope.check(storeId);
      return members.findBy("email", normaliseEmail(email));
    },
    async findByCustomerId(storeId, customerId) {
      scope.check(storeId);
      return members.findBy("customerId", customerId);
    },
    async findAny(storeId, keys) {
      scope.check(storeId);
      const found = [
        ...keys.ids.map((id) => members.get(id)),
        ...keys.emails.map((email) => members.findBy("email", normaliseEmail(email))),
        ...keys.customerIds.map((customerId) => members.findBy("customerId", customerId)),
      ];
      return [...new Map(found.filter((member) => member !== null).map((member) => [member.id, member])).values()];
    },
    async findByReferralCode(storeId, code) {
      scope.check(storeId);
      return members.findBy("referralCode", code.toUpperCase());
    },
    async list(storeId, query) {
      scope.check(storeId);
      checkPage(query);
      const prefix = query.email === undefined ? null : normaliseEmail(query.email);
      return members.page(query, prefix ? (member) => member.email !== null && normaliseEmail(member.email).startsWith(prefix) : undefined);
    },
    async pageInCreationOrder(storeId, after, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: after });
      const { total, items } = members.page({ limit, offset: after });
      return { items, next: after + items.length < total ? after + items.length : null };
    },
    async topAmbassadors(storeId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const counted = (member: Member) => member.referral ?? { paid: 0, friendsOrdered: 0 };
      return members
        .filter((member) => member.referral !== null)
        .sort((a, b) => counted(b).paid - counted(a).paid || counted(b).friendsOrdered - counted(a).friendsOrdered || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, limit);
    },
    async referralClicks(storeId) {
      scope.check(storeId);
      const clicks: Partial<Record<ShareChannel, number>> = {};
      for (const member of members.filter((row) => row.referral !== null)) {
        for (const [channel, count] of Object.entries(member.referral!.clicks) as [ShareChannel, number][]) clicks[channel] = (clicks[channel] ?? 0) + count;
      }
      return clicks;
    },
    async referralCouponsDue(storeId, terms, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      return members.filter((member) => referralCouponDue(member.referral, terms)).slice(0, limit);
    },
    async withBirthdayOn(storeId, days) {
      scope.check(storeId);
      return members.filter((member) => member.game.birthday !== null && days.includes(member.game.birthday.slice(-5)));
    },
    async tierReviewsDue(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const at = now.getTime();
      const due = (member: Member) => member.tier === null || (member.tier.earned.reviewAt !== null && Date.parse(member.tier.earned.reviewAt) <= at);
      return members.filter(due).slice(0, limit);
    },
    async holdoutGroups(storeId) {
      scope.check(storeId);
      const groups = new Map<boolean, HoldoutGroup>();
      for (const member of members.filter((row) => row.holdout !== null)) {
        const held = member.holdout!.held;
        const group = groups.get(held) ?? { held, members: 0, repeatBuyers: 0, spendMinor: 0 };
        groups.set(held, {
          held,
          members: group.members + 1,
          repeatBuyers: group.repeatBuyers + (member.stats.paidOrders >= 2 ? 1 : 0),
          spendMinor: group.spendMinor + member.stats.lifetimeSpendMinor,
        });
      }
      return [...groups.values()].sort((a, b) => Number(a.held) - Number(b.held));
    },
    async tierHolders(storeId, now) {
      scope.check(storeId);
      return members.countBy((member) => tiersHeldAt(member.tier, now)).map(({ key, count }) => ({ ...key, members: count }));
    },
    async insert(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      members.insert(member, undo);
    },
    async insertMany(storeId, rows) {
      for (const member of rows) scope.checkRecord(storeId, "a member", member.storeId);
      for (const member of rows) members.insert(member, undo);
    },
    async update(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      const stored = members.get(member.id);
      if (!stored) throw notFound(`member ${member.id} not found`);
      members.replace({ ...member, balance: stored.balance, createdAt: stored.createdAt }, undo);
    },
  };
}
