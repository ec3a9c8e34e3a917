import {
  GIVEN_REDEMPTIONS,
  ISSUING_KINDS,
  REDEEMING_KINDS,
  STANDING_REFERRALS,
  TOP,
  type OrderGroupFacts,
  type OverviewFacts,
  type OverviewReader,
} from "../../modules/insights/overview-facts.js";
import { bucketOf, type OverviewSpan } from "../../modules/insights/overview-span.rules.js";
import type { LedgerKind } from "../../modules/ledger/ledger-entry.js";
import type { OrderRecord } from "../../modules/orders/order-record.js";
import { nextTurn } from "./next-turn.js";
import type { StoreState } from "./store-state.js";
import type { StoreUnitOfWork } from "./store-unit-of-work.js";

/** Rows summed between turns of the event loop, so a big store's overview never holds other stores' requests for long. */
const ROWS_PER_TURN = 20_000;

async function eachRow<Row>(rows: readonly Row[], visit: (row: Row) => void): Promise<void> {
  for (let index = 0; index < rows.length; index++) {
    visit(rows[index]!);
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
  }
}

const issuing = new Set<LedgerKind>(ISSUING_KINDS);
const redeeming = new Set<LedgerKind>(REDEEMING_KINDS);
const standing = new Set<string>(STANDING_REFERRALS);
const given = new Set<string>(GIVEN_REDEMPTIONS);

/** Counts per key, then the top `TOP` by `rank` (ties by key in code-point order, as PostgreSQL's COLLATE "C"). */
function top<T extends { key: string }>(tallies: Map<string, T>, rank: (a: T, b: T) => number): T[] {
  return [...tallies.values()].sort((a, b) => rank(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, TOP);
}

function tally<T>(map: Map<string, T>, key: string, fresh: () => T, add: (sum: T) => void): void {
  let sum = map.get(key);
  if (!sum) map.set(key, (sum = fresh()));
  add(sum);
}

/** Counted orders added one by one, grouped per customer as the PostgreSQL statement groups them. */
function orderGroups() {
  const perMember = new Map<string, number>();
  const members: OrderGroupFacts = { orders: 0, revenueMinor: 0, customers: 0, repeatCustomers: 0 };
  const guests: OrderGroupFacts = { orders: 0, revenueMinor: 0, customers: null, repeatCustomers: null };
  return {
    add(order: OrderRecord): void {
      const group = order.memberId === null ? guests : members;
      group.orders++;
      group.revenueMinor += order.eligibleMinor;
      if (order.memberId !== null) perMember.set(order.memberId, (perMember.get(order.memberId) ?? 0) + 1);
    },
    facts(): { members: OrderGroupFacts; guests: OrderGroupFacts } {
      members.customers = perMember.size;
      members.repeatCustomers = [...perMember.values()].filter((count) => count > 1).length;
      return { members, guests };
    },
  };
}

async function factsOf(state: StoreState, span: OverviewSpan): Promise<OverviewFacts> {
  const from = Date.parse(span.start);
  const until = Date.parse(span.end);
  const starts = span.bucketStarts.map(Date.parse);
  const zeros = () => new Array<number>(starts.length).fill(0);
  const series = { issued: zeros(), redeemed: zeros(), expired: zeros(), memberRevenueMinor: zeros(), guestRevenueMinor: zeros(), joined: zeros() };
  const points = { issued: 0, takenBack: 0, redeemed: 0, expired: 0, imported: 0 };
  const active = new Set<string>();
  const challenges = new Map<string, { key: string; completions: number; points: number }>();

  await eachRow(state.ledger.entries(), (entry) => {
    const at = Date.parse(entry.createdAt);
    if (at < from || at >= until) return;
    if (entry.source.type === "import") {
      points.imported += entry.delta;
      return;
    }
    const bucket = bucketOf(starts, at);
    if (entry.kind !== "expire") active.add(entry.memberId);
    if (issuing.has(entry.kind) || (entry.kind === "adjust" && entry.delta > 0)) {
      points.issued += entry.delta;
      series.issued[bucket]! += entry.delta;
    } else if (entry.kind === "reverse" || entry.kind === "adjust") points.takenBack -= entry.delta;
    else if (redeeming.has(entry.kind)) {
      points.redeemed -= entry.delta;
      series.redeemed[bucket]! -= entry.delta;
    } else if (entry.kind === "expire") {
      points.expired -= entry.delta;
      series.expired[bucket]! -= entry.delta;
    }
    if (entry.kind === "earn_task" && entry.source.type === "task")
      tally(
        challenges,
        entry.source.id,
        () => ({ key: entry.source.id, completions: 0, points: 0 }),
        (sum) => ((sum.completions += 1), (sum.points += entry.delta)),
      );
  });

  const inSpan = orderGroups();
  const lifetime = orderGroups();
  await eachRow(state.orders.stored(), (order) => {
    const at = Date.parse(order.placedAt);
    if (!order.counted || at >= until) return;
    lifetime.add(order);
    if (at < from) return;
    inSpan.add(order);
    if (order.memberId !== null) active.add(order.memberId);
    series[order.memberId === null ? "guestRevenueMinor" : "memberRevenueMinor"][bucketOf(starts, at)]! += order.eligibleMinor;
  });

  let total = 0;
  let outstanding = 0;
  await eachRow(state.members.stored(), (member) => {
    const at = Date.parse(member.createdAt);
    if (at < until) total++;
    if (at >= from && at < until) series.joined[bucketOf(starts, at)]! += 1;
    if (member.balance > 0) outstanding += member.balance;
  });

  const referrals = { friends: 0, revenueMinor: 0 };
  const ambassadors = new Map<string, { key: string; friends: number; revenueMinor: number }>();
  for (const referral of state.referrals.stored()) {
    const at = Date.parse(referral.createdAt);
    if (at < from || at >= until || !standing.has(referral.status)) continue;
    referrals.friends++;
    referrals.revenueMinor += referral.eligibleMinor;
    tally(
      ambassadors,
      referral.ambassadorId,
      () => ({ key: referral.ambassadorId, friends: 0, revenueMinor: 0 }),
      (sum) => ((sum.friends += 1), (sum.revenueMinor += referral.eligibleMinor)),
    );
  }

  const rewards = new Map<string, { key: string; name: string; redemptions: number; points: number }>();
  for (const redemption of state.redemptions.stored()) {
    const at = Date.parse(redemption.createdAt);
    if (at < from || at >= until || !given.has(redemption.status)) continue;
    // Rows are in creation order: the newest name wins, as the PostgreSQL statement's.
    tally(
      rewards,
      redemption.rewardId,
      () => ({ key: redemption.rewardId, name: "", redemptions: 0, points: 0 }),
      (sum) => ((sum.name = redemption.rewardName), (sum.redemptions += 1), (sum.points += redemption.points)),
    );
  }

  const survey = { promoters: 0, passives: 0, detractors: 0 };
  for (const completion of state.taskCompletions.stored()) {
    const at = Date.parse(completion.completedAt);
    if (at < from || at >= until || !completion.answer || (completion.status !== "done" && completion.status !== "approved")) continue;
    const { score } = completion.answer;
    survey[score >= 9 ? "promoters" : score >= 7 ? "passives" : "detractors"]++;
  }

  return {
    members: { total, joined: series.joined.reduce((a, b) => a + b, 0), active: active.size },
    points,
    outstanding,
    orders: inSpan.facts(),
    lifetime: lifetime.facts(),
    referrals,
    survey,
    topChallenges: top(challenges, (a, b) => b.completions - a.completions || b.points - a.points).map(({ key, completions, points: sum }) => ({
      challengeId: key,
      completions,
      points: sum,
    })),
    topRewards: top(rewards, (a, b) => b.redemptions - a.redemptions || b.points - a.points).map(({ key, name, redemptions, points: sum }) => ({
      rewardId: key,
      name,
      redemptions,
      points: sum,
    })),
    topAmbassadors: top(ambassadors, (a, b) => b.friends - a.friends || b.revenueMinor - a.revenueMinor).map(({ key, friends, revenueMinor }) => {
      const member = state.members.get(key);
      return { memberId: key, email: member?.email ?? null, name: member?.game.name ?? null, friends, revenueMinor };
    }),
    series,
  };
}

/** The overview as one pass over the store's tables in memory, under the store's lock, yielding the event loop as it goes. */
export const createOverviewReader = (units: StoreUnitOfWork): OverviewReader => ({
  facts: (storeId, span) => units.read(storeId, (state) => factsOf(state, span)),
});
