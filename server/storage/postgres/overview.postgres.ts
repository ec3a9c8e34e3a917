import type pg from "pg";
import {
  GIVEN_REDEMPTIONS,
  ISSUING_KINDS,
  REDEEMING_KINDS,
  STANDING_REFERRALS,
  TOP,
  type OrderGroupFacts,
  type OverviewFacts,
  type OverviewReader,
  type PointsFacts,
} from "../../modules/insights/overview-facts.js";
import type { OverviewSpan } from "../../modules/insights/overview-span.rules.js";
import { AppError } from "../../lib/errors.js";
import type { OpenGuard } from "./open-guard.js";
import {
  ACTIVE,
  ACTIVITY,
  ENGAGEMENT,
  LIFETIME_ORDERS_FROM_SLOTS,
  MEMBERS,
  ORDER_GROUPS,
  ORDER_SERIES_FROM_ORDERS,
  ORDER_SERIES_FROM_SLOTS,
  POINTS_FROM_ENTRIES,
  POINTS_FROM_SLOTS,
} from "./overview-statements.postgres.js";
import { run, type Queryable } from "./sql-values.js";
import { inTransaction } from "./store-lock.js";

interface GroupRow {
  member: boolean;
  orders: number;
  revenue: number;
  customers: number;
  repeat: number;
}

const noOrders = (customers: number | null): OrderGroupFacts => ({ orders: 0, revenueMinor: 0, customers, repeatCustomers: customers });

/** Members' and guests' groups; customers of orders without a member cannot be told apart. */
function groups(rows: GroupRow[]): { members: OrderGroupFacts; guests: OrderGroupFacts } {
  const of = (member: boolean): OrderGroupFacts => {
    const row = rows.find((one) => one.member === member);
    if (!row) return noOrders(member ? 0 : null);
    return { orders: row.orders, revenueMinor: row.revenue, customers: member ? row.customers : null, repeatCustomers: member ? row.repeat : null };
  };
  return { members: of(true), guests: of(false) };
}

/** Each bucket's value: `rows` carry a 1-based bucket number `b`. */
function perBucket<R extends { b: number }>(rows: R[], size: number, value: (row: R) => number): number[] {
  const series = new Array<number>(size).fill(0);
  for (const row of rows) series[row.b - 1]! += value(row);
  return series;
}

const QUERY_CANCELED = "57014";

/**
 * The overview in a handful of statements, one after another on one connection in one read-only snapshot (the pool
 * serves every store), each bounded by the span, the span's rollups or a store's members and stopped after `timeoutMs`.
 */
export function createOverviewReader(pool: pg.Pool, guard: OpenGuard, timeoutMs = 5000): OverviewReader {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`invalid overview timeout: ${timeoutMs}`);
  const begin = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL statement_timeout = ${timeoutMs}`;
  return {
    async facts(storeId, span: OverviewSpan): Promise<OverviewFacts> {
      guard.assertOpen();
      try {
        return await inTransaction(pool, begin, (db) => factsIn(db, storeId, span));
      } catch (error) {
        if ((error as { code?: unknown }).code !== QUERY_CANCELED) throw error;
        throw new AppError("timed_out", `The overview took longer than ${timeoutMs / 1000} s to sum and was stopped; ask again with a shorter range, or in a minute.`);
      }
    },
  };
}

const SLOT_MS = 15 * 60_000;
/** Whether the span's bounds fall on the rollups' 15-minute slots, as local midnights of today's time zones do. */
const onSlots = (span: OverviewSpan) => [...span.bucketStarts, span.end].every((at) => Date.parse(at) % SLOT_MS === 0);

interface PointsRow {
  b: number;
  kind: string;
  imported: boolean;
  gained: number;
  lost: number;
}

const issuing = new Set<string>(ISSUING_KINDS);
const redeeming = new Set<string>(REDEEMING_KINDS);

/** What one kind's points did; imported starting balances are neither issued nor taken back. */
function pointsOf({ kind, imported, gained, lost }: PointsRow): PointsFacts {
  const net = gained + lost;
  const adjusted = kind === "adjust" && !imported;
  return {
    issued: (!imported && issuing.has(kind) ? net : 0) + (adjusted ? gained : 0),
    takenBack: (!imported && kind === "reverse" ? -net : 0) - (adjusted ? lost : 0),
    redeemed: redeeming.has(kind) ? -net : 0,
    expired: kind === "expire" ? -net : 0,
    imported: imported ? net : 0,
  };
}

interface SeriesRow {
  b: number;
  member: boolean;
  orders: number;
  revenue: number;
}

interface Customers {
  inSpan: GroupRow[];
  lifetime: GroupRow[];
  active: number;
}

/** The order groups and active members from the rows: every paid order of the store before the span's end is read. */
async function fromOrders(db: Queryable, storeId: number, span: OverviewSpan): Promise<Customers> {
  const inSpan = await run<GroupRow>(db, ORDER_GROUPS, [storeId, span.start, span.end]);
  const lifetime = await run<GroupRow>(db, ORDER_GROUPS, [storeId, "-infinity", span.end]);
  const [row] = await run<{ active: number }>(db, ACTIVE, [storeId, span.start, span.end]);
  return { inSpan, lifetime, active: row!.active };
}

/** The same from the rollups and the members' latest activity; null when some activity is at or after the span's end. */
async function fromRollups(db: Queryable, storeId: number, span: OverviewSpan, series: SeriesRow[]): Promise<Customers | null> {
  type ActivityRow = { settled: boolean; active: number; customers: number; repeat: number; lifetime_customers: number; lifetime_repeat: number };
  const [activity] = await run<ActivityRow>(db, ACTIVITY, [storeId, span.start, span.end]);
  if (!activity!.settled) return null;
  const lifetime = await run<Omit<SeriesRow, "b">>(db, LIFETIME_ORDERS_FROM_SLOTS, [storeId, span.end]);
  const group = (rows: Omit<SeriesRow, "b">[], customers: number, repeat: number): GroupRow[] =>
    [true, false].map((member) => {
      const mine = rows.filter((row) => row.member === member);
      const orders = mine.reduce((total, row) => total + row.orders, 0);
      return { member, orders, revenue: mine.reduce((total, row) => total + row.revenue, 0), customers, repeat };
    });
  return {
    inSpan: group(series, activity!.customers, activity!.repeat),
    lifetime: group(lifetime, activity!.lifetime_customers, activity!.lifetime_repeat),
    active: activity!.active,
  };
}

async function factsIn(db: Queryable, storeId: number, span: OverviewSpan): Promise<OverviewFacts> {
  const args = [storeId, span.start, span.end, span.bucketStarts];
  const size = span.bucketStarts.length;
  const slots = onSlots(span);
  type MembersRow = { total: number; outstanding: number; joined: { b: number; joined: number }[] };
  type EngagementRow = {
    referrals: OverviewFacts["referrals"];
    survey: OverviewFacts["survey"];
    challenges: OverviewFacts["topChallenges"];
    rewards: OverviewFacts["topRewards"];
    ambassadors: OverviewFacts["topAmbassadors"];
  };
  const points = (await run<PointsRow>(db, slots ? POINTS_FROM_SLOTS : POINTS_FROM_ENTRIES, args)).map((row) => ({ b: row.b, ...pointsOf(row) }));
  const series = await run<SeriesRow>(db, slots ? ORDER_SERIES_FROM_SLOTS : ORDER_SERIES_FROM_ORDERS, args);
  const customers = (slots ? await fromRollups(db, storeId, span, series) : null) ?? (await fromOrders(db, storeId, span));
  const [members] = await run<MembersRow>(db, MEMBERS, args);
  const [engagement] = await run<EngagementRow>(db, ENGAGEMENT, [storeId, span.start, span.end, STANDING_REFERRALS, GIVEN_REDEMPTIONS, TOP]);
  const joined = perBucket(members!.joined, size, (row) => row.joined);
  const sum = (key: keyof PointsFacts) => points.reduce((total, row) => total + row[key], 0);
  return {
    members: { total: members!.total, joined: joined.reduce((a, b) => a + b, 0), active: customers.active },
    points: { issued: sum("issued"), takenBack: sum("takenBack"), redeemed: sum("redeemed"), expired: sum("expired"), imported: sum("imported") },
    outstanding: members!.outstanding,
    orders: groups(customers.inSpan),
    lifetime: groups(customers.lifetime),
    referrals: engagement!.referrals,
    survey: engagement!.survey,
    topChallenges: engagement!.challenges,
    topRewards: engagement!.rewards,
    topAmbassadors: engagement!.ambassadors,
    series: {
      issued: perBucket(points, size, (row) => row.issued),
      redeemed: perBucket(points, size, (row) => row.redeemed),
      expired: perBucket(points, size, (row) => row.expired),
      memberRevenueMinor: perBucket(
        series.filter((row) => row.member),
        size,
        (row) => row.revenue,
      ),
      guestRevenueMinor: perBucket(
        series.filter((row) => !row.member),
        size,
        (row) => row.revenue,
      ),
      joined,
    },
  };
}
