import { conflict, notFound } from "../../lib/errors.js";
import { normaliseEmail, type Member, type MemberRepository, type MemberStats } from "../../modules/members/member.js";
import { checkPage, first, iso, json, run, type Queryable } from "./sql-values.js";
import type { TransactionScope } from "../transaction-scope.js";

interface MemberRow {
  store_id: number;
  id: string;
  email: string | null;
  customer_id: number | null;
  balance: number;
  stats: MemberStats;
  created_at: Date;
  updated_at: Date;
}

const MEMBER_COLUMNS = "store_id, id, email, customer_id, balance, stats, created_at, updated_at";

const toMember = (row: MemberRow): Member => ({
  id: row.id,
  storeId: row.store_id,
  email: row.email,
  customerId: row.customer_id,
  balance: row.balance,
  stats: row.stats,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const emailKey = (email: string | null) => (email === null ? null : normaliseEmail(email));

/** `LIKE` treats `%`, `_` and `\` specially; a typed prefix means itself. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Inserts a member as given (its balance included); false when the id, email or customer id is taken. */
async function insertMemberRow(db: Queryable, member: Member): Promise<boolean> {
  const rows = await run(
    db,
    `INSERT INTO members (store_id, id, email, email_key, customer_id, balance, stats, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [member.storeId, member.id, member.email, emailKey(member.email), member.customerId, member.balance, json(member.stats), member.createdAt, member.updatedAt],
  );
  return rows.length === 1;
}

/** Members inside one store transaction; uniqueness of email and customer id per store is the database's. */
export function createMemberRepository(db: Queryable, scope: TransactionScope): MemberRepository {
  const findOne = async (where: string, values: unknown[]) => {
    const row = await first<MemberRow>(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE store_id = $1 AND ${where}`, values);
    return row ? toMember(row) : null;
  };

  return {
    async get(storeId, memberId) {
      scope.check(storeId);
      return findOne("id = $2", [storeId, memberId]);
    },
    async findByEmail(storeId, email) {
      scope.check(storeId);
      return findOne("email_key = $2", [storeId, normaliseEmail(email)]);
    },
    async findByCustomerId(storeId, customerId) {
      scope.check(storeId);
      return findOne("customer_id = $2", [storeId, customerId]);
    },
    async list(storeId, query) {
      scope.check(storeId);
      checkPage(query);
      const filter = query.email === undefined ? "" : "AND email_key LIKE $2";
      const values: unknown[] = query.email === undefined ? [storeId] : [storeId, likePrefix(normaliseEmail(query.email))];
      const counted = await first<{ total: number }>(db, `SELECT count(*)::bigint AS total FROM members WHERE store_id = $1 ${filter}`, values);
      const page = values.length + 1;
      const rows = await run<MemberRow>(db, `SELECT ${MEMBER_COLUMNS} FROM members WHERE store_id = $1 ${filter} ORDER BY seq LIMIT $${page} OFFSET $${page + 1}`, [
        ...values,
        query.limit,
        query.offset,
      ]);
      return { total: counted?.total ?? 0, items: rows.map(toMember) };
    },
    async insert(storeId, member) {
      scope.checkRecord(storeId, "a member", member.storeId);
      if (!(await insertMemberRow(db, member))) throw conflict(`member ${member.id}, its email or its customer id already exists in store ${storeId}`);
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
      const updated = await run(db, "UPDATE members SET email = $3, email_key = $4, customer_id = $5, stats = $6, updated_at = $7 WHERE store_id = $1 AND id = $2 RETURNING id", [
        storeId,
        member.id,
        member.email,
        key,
        member.customerId,
        json(member.stats),
        member.updatedAt,
      ]);
      if (updated.length === 0) throw notFound(`member ${member.id} not found`);
    },
  };
}
