import { normaliseEmail } from "../../server/modules/members/member.js";
import type { StoreDocument } from "../../server/storage/lowdb/lowdb-documents.js";
import type { Queryable } from "../../server/storage/postgres/sql-values.js";

const BATCH = 2_000;

/** `$1` is the store id, `$2` a JSON array of documents read as `d`, in file order. */
const rowsOf = (select: string) => `SELECT ${select} FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(d, n) ORDER BY n`;
const time = (field: string) => `(d->>'${field}')::timestamptz`;
const jsonOrNull = (field: string) => `NULLIF(d->'${field}', 'null'::jsonb)`;

/**
 * How each kind of row is copied. Rows that change over time (members, orders, inbox, jobs, codes) are
 * upserted, so the files win on a second run; append-only rows (ledger, audit) are inserted with
 * ON CONFLICT DO NOTHING, so a second run adds only what the first did not.
 */
const COPIES: { label: string; pick: (doc: StoreDocument) => unknown[]; sql: string }[] = [
  {
    label: "members",
    pick: (doc) => doc.members.map((member) => ({ ...member, emailKey: member.email === null ? null : normaliseEmail(member.email) })),
    sql: `INSERT INTO members (store_id, id, email, email_key, customer_id, balance, stats, lang, unsubscribed_at, expiry_warned_for, game, referral, referral_code, tier, holdout, created_at, updated_at)
      ${rowsOf(`$1, d->>'id', d->>'email', d->>'emailKey', (d->>'customerId')::bigint, (d->>'balance')::bigint, d->'stats', d->>'lang', ${time("unsubscribedAt")},
        ${time("expiryWarnedFor")}, d->'game', ${jsonOrNull("referral")}, upper(d->'referral'->>'code'), ${jsonOrNull("tier")}, ${jsonOrNull("holdout")}, ${time("createdAt")}, ${time("updatedAt")}`)}
      ON CONFLICT (store_id, id) DO UPDATE SET email = EXCLUDED.email, email_key = EXCLUDED.email_key, customer_id = EXCLUDED.customer_id,
        balance = EXCLUDED.balance, stats = EXCLUDED.stats, lang = EXCLUDED.lang, unsubscribed_at = EXCLUDED.unsubscribed_at,
        expiry_warned_for = EXCLUDED.expiry_warned_for, game = EXCLUDED.game, referral = EXCLUDED.referral, referral_code = EXCLUDED.referral_code,
        tier = EXCLUDED.tier, holdout = EXCLUDED.holdout, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
  },
  {
    // The shared index of codes is made from the members who hold them; a code another store took first is left to it.
    label: "referral codes",
    pick: (doc) => doc.members.flatMap((member) => (member.referral ? [{ code: member.referral.code.toUpperCase(), memberId: member.id }] : [])),
    sql: `INSERT INTO referral_codes (code, store_id, member_id) ${rowsOf("d->>'code', $1, d->>'memberId'")} ON CONFLICT (code) DO NOTHING`,
  },
  {
    label: "ledger entries",
    pick: (doc) => doc.ledger,
    sql: `INSERT INTO ledger_entries (store_id, id, member_id, delta, kind, source_type, source_id, idempotency_key, actor, note, basis, created_at)
      ${rowsOf(`$1, d->>'id', d->>'memberId', (d->>'delta')::bigint, d->>'kind', d->'source'->>'type', d->'source'->>'id', d->>'idempotencyKey', d->>'actor', d->>'note', ${jsonOrNull("basis")}, ${time("createdAt")}`)}
      ON CONFLICT DO NOTHING`,
  },
  {
    label: "audit entries",
    pick: (doc) => doc.audit,
    sql: `INSERT INTO audit_entries (store_id, id, actor, action, subject, details, created_at)
      ${rowsOf(`$1, d->>'id', d->>'actor', d->>'action', d->>'subject', d->'details', ${time("createdAt")}`)}
      ON CONFLICT DO NOTHING`,
  },
  {
    label: "inbox events",
    pick: (doc) => doc.inbox,
    sql: `INSERT INTO inbox_events (store_id, event_id, event_type, entity_id, data, event_created, received_at, status, attempts, available_at, lease_until, last_error, processed_at)
      ${rowsOf(`$1, d->>'eventId', d->>'eventType', d->>'entityId', ${jsonOrNull("data")}, (d->>'eventCreated')::bigint, ${time("receivedAt")}, d->>'status', (d->>'attempts')::integer,
        ${time("availableAt")}, ${time("leaseUntil")}, d->>'lastError', ${time("processedAt")}`)}
      ON CONFLICT (store_id, event_id) DO UPDATE SET status = EXCLUDED.status, attempts = EXCLUDED.attempts, available_at = EXCLUDED.available_at,
        lease_until = EXCLUDED.lease_until, last_error = EXCLUDED.last_error, processed_at = EXCLUDED.processed_at`,
  },
  {
    label: "order records",
    pick: (doc) => doc.orders,
    sql: `INSERT INTO order_records (store_id, order_id, internal_id, member_id, payment_status, counted, eligible_minor, items, placed_at, revision, updated_at)
      ${rowsOf(`$1, d->>'orderId', (d->>'internalId')::bigint, d->>'memberId', d->>'paymentStatus', (d->>'counted')::boolean, (d->>'eligibleMinor')::bigint,
        COALESCE(d->'items', '[]'), ${time("placedAt")}, (d->>'revision')::bigint, ${time("updatedAt")}`)}
      ON CONFLICT (store_id, order_id) DO UPDATE SET internal_id = EXCLUDED.internal_id, member_id = EXCLUDED.member_id, payment_status = EXCLUDED.payment_status,
        counted = EXCLUDED.counted, eligible_minor = EXCLUDED.eligible_minor, items = EXCLUDED.items, placed_at = EXCLUDED.placed_at, revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at`,
  },
  {
    label: "backfill jobs",
    pick: (doc) => doc.backfills,
    sql: `INSERT INTO backfill_jobs (store_id, id, job) ${rowsOf("$1, d->>'id', d")} ON CONFLICT (store_id, id) DO UPDATE SET job = EXCLUDED.job`,
  },
  {
    label: "program measurements",
    pick: (doc) => doc.measurements,
    sql: `INSERT INTO program_measurements (store_id, id, job) ${rowsOf("$1, d->>'id', d")} ON CONFLICT (store_id, id) DO UPDATE SET job = EXCLUDED.job`,
  },
  {
    label: "API keys",
    pick: (doc) => doc.apiKeys,
    sql: `INSERT INTO api_keys (store_id, id, name, scope, hash, last_four, created_at, created_by, last_used_at)
      ${rowsOf(`$1, d->>'id', d->>'name', d->>'scope', d->>'hash', d->>'lastFour', ${time("createdAt")}, d->>'createdBy', ${time("lastUsedAt")}`)}
      ON CONFLICT (store_id, id) DO UPDATE SET last_used_at = EXCLUDED.last_used_at`,
  },
  {
    label: "sign-in codes",
    pick: (doc) => doc.signInCodes,
    sql: `INSERT INTO sign_in_codes (store_id, id, email, code_hash, expires_at, attempts, consumed_at, created_at)
      ${rowsOf(`$1, d->>'id', d->>'email', d->>'codeHash', ${time("expiresAt")}, (d->>'attempts')::integer, ${time("consumedAt")}, ${time("createdAt")}`)}
      ON CONFLICT (store_id, id) DO UPDATE SET attempts = EXCLUDED.attempts, consumed_at = EXCLUDED.consumed_at`,
  },
  {
    label: "redemptions",
    pick: (doc) => doc.redemptions,
    sql: `INSERT INTO redemptions (store_id, id, member_id, reward_id, reward_name, reward_kind, points, value_minor, status, coupon, coupon_code, coupon_expires_at,
        reason, request_key, request_fingerprint, check_after, checks, used_by_order_id, fulfilled_by, created_at, updated_at)
      ${rowsOf(`$1, d->>'id', d->>'memberId', d->>'rewardId', d->>'rewardName', d->>'rewardKind', (d->>'points')::bigint, (d->>'valueMinor')::bigint, d->>'status',
        ${jsonOrNull("coupon")}, d->'coupon'->>'code', (d->'coupon'->>'expiresAt')::timestamptz, d->>'reason', d->>'requestKey', d->>'requestFingerprint',
        ${time("checkAfter")}, (d->>'checks')::integer, d->>'usedByOrderId', d->>'fulfilledBy', ${time("createdAt")}, ${time("updatedAt")}`)}
      ON CONFLICT (store_id, id) DO UPDATE SET status = EXCLUDED.status, value_minor = EXCLUDED.value_minor, coupon = EXCLUDED.coupon, coupon_code = EXCLUDED.coupon_code,
        coupon_expires_at = EXCLUDED.coupon_expires_at, reason = EXCLUDED.reason, check_after = EXCLUDED.check_after, checks = EXCLUDED.checks,
        used_by_order_id = EXCLUDED.used_by_order_id, fulfilled_by = EXCLUDED.fulfilled_by, updated_at = EXCLUDED.updated_at`,
  },
  {
    label: "task completions",
    pick: (doc) => doc.taskCompletions,
    sql: `INSERT INTO task_completions (store_id, id, member_id, challenge_id, period_key, status, answer, link, photo, reason, completed_at, decided_at)
      ${rowsOf(`$1, d->>'id', d->>'memberId', d->>'challengeId', d->>'periodKey', d->>'status', ${jsonOrNull("answer")}, d->>'link', (d->>'photo')::boolean, d->>'reason',
        ${time("completedAt")}, ${time("decidedAt")}`)}
      ON CONFLICT (store_id, id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason, photo = EXCLUDED.photo, decided_at = EXCLUDED.decided_at`,
  },
  {
    label: "referrals",
    pick: (doc) => doc.referrals,
    sql: `INSERT INTO referrals (store_id, id, ambassador_id, code, via, channel, order_id, friend_member_id, friend_email, friend_customer_id, address_key, eligible_minor,
        status, reason, signals, payable_at, points, redemption_id, paid_at, decided_by, note, created_at, updated_at)
      ${rowsOf(`$1, d->>'id', d->>'ambassadorId', d->>'code', d->>'via', d->>'channel', d->>'orderId', d->>'friendMemberId', d->>'friendEmail', (d->>'friendCustomerId')::bigint,
        d->>'addressKey', (d->>'eligibleMinor')::bigint, d->>'status', d->>'reason', d->'signals', ${time("payableAt")}, (d->>'points')::bigint, d->>'redemptionId',
        ${time("paidAt")}, d->>'decidedBy', d->>'note', ${time("createdAt")}, ${time("updatedAt")}`)}
      ON CONFLICT (store_id, id) DO UPDATE SET ambassador_id = EXCLUDED.ambassador_id, code = EXCLUDED.code, via = EXCLUDED.via, channel = EXCLUDED.channel,
        friend_member_id = EXCLUDED.friend_member_id, friend_email = EXCLUDED.friend_email, friend_customer_id = EXCLUDED.friend_customer_id, address_key = EXCLUDED.address_key,
        eligible_minor = EXCLUDED.eligible_minor, status = EXCLUDED.status, reason = EXCLUDED.reason, signals = EXCLUDED.signals, payable_at = EXCLUDED.payable_at,
        points = EXCLUDED.points, redemption_id = EXCLUDED.redemption_id, paid_at = EXCLUDED.paid_at, decided_by = EXCLUDED.decided_by, note = EXCLUDED.note,
        updated_at = EXCLUDED.updated_at`,
  },
  {
    label: "tier changes",
    pick: (doc) => doc.tierChanges,
    sql: `INSERT INTO tier_changes (store_id, id, member_id, from_tier_id, to_tier_id, reason, details, at)
      ${rowsOf(`$1, d->>'id', d->>'memberId', d->>'fromTierId', d->>'toTierId', d->>'reason', d->'details', ${time("at")}`)}
      ON CONFLICT DO NOTHING`,
  },
  {
    label: "webhook endpoints",
    pick: (doc) => doc.webhookEndpoints,
    sql: `INSERT INTO webhook_endpoints (store_id, id, url, description, events, enabled, sealed_secret, failing_since, disabled_reason, created_at, updated_at)
      ${rowsOf(`$1, d->>'id', d->>'url', d->>'description', d->'events', (d->>'enabled')::boolean, d->>'sealedSecret', ${time("failingSince")}, d->>'disabledReason',
        ${time("createdAt")}, ${time("updatedAt")}`)}
      ON CONFLICT DO NOTHING`,
  },
  {
    label: "webhook deliveries",
    pick: (doc) => doc.webhookDeliveries,
    sql: `INSERT INTO webhook_deliveries (store_id, id, endpoint_id, event_id, event_type, body, status, attempts, available_at, created_at, last_attempt_at, last_status,
        last_response, last_duration_ms, last_error)
      ${rowsOf(`$1, d->>'id', d->>'endpointId', d->>'eventId', d->>'eventType', d->>'body', d->>'status', (d->>'attempts')::integer, ${time("availableAt")},
        ${time("createdAt")}, ${time("lastAttemptAt")}, (d->>'lastStatus')::integer, d->>'lastResponse', (d->>'lastDurationMs')::integer, d->>'lastError'`)}
      ON CONFLICT DO NOTHING`,
  },
  {
    label: "program settings",
    pick: (doc) => (doc.settings ? [doc.settings] : []),
    sql: `INSERT INTO program_settings (store_id, settings) ${rowsOf("$1, d")} ON CONFLICT (store_id) DO UPDATE SET settings = EXCLUDED.settings`,
  },
];

export type Progress = (line: string) => void;

/** Copies one store's document into the database `db` (a connection holding the store's lock). */
export async function copyStore(db: Queryable, doc: StoreDocument, progress: Progress): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  for (const copy of COPIES) {
    const rows = copy.pick(doc);
    for (let start = 0; start < rows.length; start += BATCH) {
      await db.query(copy.sql, [doc.storeId, JSON.stringify(rows.slice(start, start + BATCH))]);
      if (rows.length > BATCH) progress(`  ${copy.label}: ${Math.min(start + BATCH, rows.length).toLocaleString("en")} of ${rows.length.toLocaleString("en")}`);
    }
    copied[copy.label] = rows.length;
  }
  return copied;
}

/**
 * Checks the copy before it is committed: every member's balance in the database equals the sum of its
 * entries there, and equals the balance the files held. Returns what does not add up (empty when all does).
 */
export async function verifyStore(db: Queryable, doc: StoreDocument): Promise<string[]> {
  const { rows } = await db.query<{ id: string; balance: number; total: number }>(
    `SELECT m.id, m.balance, COALESCE(s.total, 0)::bigint AS total FROM members m
     LEFT JOIN (SELECT member_id, sum(delta) AS total FROM ledger_entries WHERE store_id = $1 GROUP BY member_id) s ON s.member_id = m.id
     WHERE m.store_id = $1`,
    [doc.storeId],
  );
  const inDatabase = new Map(rows.map((row) => [row.id, row]));
  const problems: string[] = [];
  for (const row of rows) if (row.balance !== row.total) problems.push(`member ${row.id}: balance ${row.balance} but its entries sum to ${row.total}`);
  for (const member of doc.members) {
    const row = inDatabase.get(member.id);
    if (!row) problems.push(`member ${member.id} is missing`);
    else if (row.balance !== member.balance) problems.push(`member ${member.id}: balance ${row.balance} in PostgreSQL, ${member.balance} in the files`);
  }
  return problems;
}
