import { conflict, notFound } from "../../lib/errors.js";
import { normaliseEmail, type Member, type MemberRepository } from "../../modules/members/member.js";
import type { ShareChannel } from "../../modules/referrals/referral-settings.js";
import { column, jsonb, PgTable, timestamp, timestampOrNull } from "./pg-table.js";
import { checkPage, first, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

const emailKey = (email: string | null) => (email === null ? null : normaliseEmail(email));

/** Emails are found by their normalised form, `email_key`; referral codes upper-cased, `referral_code`. */
export const membersTable = new PgTable<Member>({
  table: "members",
  key: "id",
  fields: {
    storeId: column("store_id"),
    id: column("id"),
    email: column("email"),
    customerId: column("customer_id"),
    balance: column("balance"),
    stats: jsonb("stats"),
    lang: column("lang"),
    unsubscribedAt: timestampOrNull("unsubscribed_at"),
    expiryWarnedFor: timestampOrNull("expiry_warned_for"),
    game: jsonb("game"),
    referral: jsonb("referral"),
    tier: jsonb("tier"),
    holdout: jsonb("holdout"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  derived: { email_key: (member) => emailKey(member.email), referral_code: (member) => member.referral?.code.toUpperCase() ?? null },
});

/** `LIKE` treats `%`, `_` and `\` specially; a typed prefix means itself. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Members inside one store transaction; uniqueness of email and customer id per store is the database's. */
export function createMemberRepository(db: Queryable, scope: TransactionScope): MemberRepository {
  return {
    async get(storeId, memberId) {
      scope.check(storeId);
      return membersTable.get(db, storeId, memberId);
    },
    async findByEmail(storeId, email) {
      scope.check(storeId);
      return membersTable.findOne(db, "email_key = $2", [storeId, normaliseEmail(email)]);
    },
    async findByCustomerId(storeId, customerId) {
      scope.check(storeId);
      return membersTable.findOne(db, "customer_id = $2", [storeId, customerId]);
    },
    async findAny(storeId, keys) {
      scope.check(storeId);
      return membersTable.findMany(db, "(id = ANY($2::text[]) OR email_key = ANY($3::text[]) OR customer_id = ANY($4::bigint[]))", [
        storeId,
        keys.ids,
        keys.emails.map(normaliseEmail),
        keys.customerIds,
      ]);
    },
    async findByReferralCode(storeId, code) {
      scope.check(storeId);
      return membersTable.findOne(db, "referral_code = $2", [storeId, code.toUpperCase()]);
    },
    async list(storeId, query) {
      scope.check(storeId);
      return membersTable.page(db, storeId, query, query.email === undefined ? {} : { where: "email_key LIKE $2", values: [likePrefix(normaliseEmail(query.email))] });
    },
    async pageInCreationOrder(storeId, after, limit) {
      scope.check(storeId);
      return membersTable.pageAfter(db, storeId, after, limit);
    },
    async topAmbassadors(storeId, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      const rows = await run(
        db,
        `SELECT ${membersTable.columns} FROM members WHERE store_id = $1 AND referral_code IS NOT NULL
         ORDER BY (referral->>'paid')::bigint DESC, (referral->>'friendsOrdered')::bigint DESC, id COLLATE "C" LIMIT $2`,
        [storeId, limit],
      );
      return rows.map((row) => membersTable.toDomain(row));
    },
    async referralClicks(storeId) {
      scope.check(storeId);
      const rows = await run<{ channel: ShareChannel; clicks: number }>(
        db,
        `SELECT click.key AS channel, sum(click.value::bigint)::bigint AS clicks FROM members, jsonb_each_text(referral->'clicks') AS click
         WHERE store_id = $1 AND referral_code IS NOT NULL GROUP BY click.key`,
        [storeId],
      );
      return Object.fromEntries(rows.map((row) => [row.channel, row.clicks]));
    },
    async referralCouponsDue(storeId, terms, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      // As referralCouponDue: the coupon should be active while the program runs and the ambassador is not blocked.
      const rows = await run(
        db,
        `SELECT ${membersTable.columns} FROM members WHERE store_id = $1 AND referral_code IS NOT NULL AND (
           CASE WHEN jsonb_typeof(referral->'coupon') = 'object'
             THEN referral->'coupon'->>'offerKey' IS DISTINCT FROM $2
               OR (referral->'coupon'->>'active')::boolean IS DISTINCT FROM ($3::boolean AND jsonb_typeof(referral->'blocked') IS DISTINCT FROM 'object')
             ELSE $3::boolean AND jsonb_typeof(referral->'blocked') IS DISTINCT FROM 'object'
           END) ORDER BY seq LIMIT $4`,
        [storeId, terms.offerKey, terms.enabled, limit],
      );
      return rows.map((row) => membersTable.toDomain(row));
    },
    async withBirthdayOn(storeId, days) {
      scope.check(storeId);
      return membersTable.findMany(db, "right(game->>'birthday', 5) = ANY($2::text[])", [storeId, days]);
    },
    async tierReviewsDue(storeId, now, limit) {
      scope.check(storeId);
      checkPage({ limit, offset: 0 });
      // reviewAt is an ISO instant written by toISOString, so text order is time order (and the index serves it).
      const rows = await run(db, `SELECT ${membersTable.columns} FROM members WHERE store_id = $1 AND (tier IS NULL OR tier->'earned'->>'reviewAt' <= $2) ORDER BY seq LIMIT $3`, [
        storeId,
        now.toISOString(),
        limit,
      ]);
      return rows.map((row) => membersTable.toDomain(row));
    },
    async holdoutGroups(storeId) {
      scope.check(storeId);
      const rows = await run<{ held: boolean; members: string; repeat_buyers: string; spend_minor: string }>(
        db,
        `SELECT (holdout->>'held')::boolean AS held, count(*) AS members, count(*) FILTER (WHERE (stats->>'paidOrders')::bigint >= 2) AS repeat_buyers,
                coalesce(sum((stats->>'lifetimeSpendMinor')::bigint), 0) AS spend_minor
           FROM members WHERE store_id = $1 AND holdout IS NOT NULL GROUP BY 1 ORDER BY 1`,
        [storeId],
      );
      return rows.map((row) => ({ held: row.held, members: Number(row.members), repeatBuyers: Number(row.repeat_buyers), spendMinor: Number(row.spend_minor) }));
    },
    async tierHolders(storeId, now) {
      scope.check(storeId);
      const rows = await run<{ earned: string | null; paid: string | null; assigned: string | null; members: string }>(
        db,
        `SELECT tier->'earned'->>'tierId' AS earned,
                CASE WHEN tier->'paid'->>'until' > $2 THEN tier->'paid'->>'tierId' END AS paid,
                tier->'assigned'->>'tierId' AS assigned,
                count(*) AS members
           FROM members WHERE store_id = $1 GROUP BY 1, 2, 3`,
        [storeId, now.toISOString()],
      );
      return rows.map((row) => ({ earned: row.earned, paid: row.paid, assigned: row.assigned, members: Number(row.members) }));
    },
    async insert(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      if (!(await membersTable.insert(db, member, "nothing"))) throw conflict(`member ${member.id}, its email or its customer id already exists in store ${storeId}`);
    },
    async insertMany(storeId, members) {
      for (const member of members) scope.checkRecord(storeId, "a member", member.storeId);
      if (!(await membersTable.insertMany(db, members)))
        throw conflict(`a member of the ${members.length} to insert, its email or its customer id already exists in store ${storeId}`);
    },
    async update(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      const key = emailKey(member.email);
      const clash = await first<{ id: string; email_key: string | null }>(
        db,
        "SELECT id, email_key FROM members WHERE store_id = $1 AND id <> $2 AND (email_key = $3 OR customer_id = $4) LIMIT 1",
        [storeId, member.id, key, member.customerId],
      );
      if (clash) throw conflict(key !== null && clash.email_key === key ? "another member already has this email" : `another member already has customer id ${member.customerId}`);
      if (!(await membersTable.update(db, member, ["email", "customerId", "stats", "lang", "unsubscribedAt", "expiryWarnedFor", "game", "referral", "tier", "updatedAt"])))
        throw notFound(`member ${member.id} not found`);
    },
  };
}
