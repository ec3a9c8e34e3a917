import { formatEcwidDate } from "../../ecwid/ecwid-date.js";
import type { EcwidCouponInput } from "../../ecwid/wire-types.js";
import type { Reward } from "../settings/program-settings.js";
import type { RedemptionCountQuery, RedemptionTally } from "./redemption.js";
import { lowestCost } from "./reward-cost.rules.js";
import type { RewardStanding, UnavailableReason } from "./reward-standing.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a budget has used so far in its period: redemptions not released, and the money they were worth. */
export type BudgetUse = RedemptionTally;

/** What decides whether a member may redeem a reward now. */
export interface RedeemFacts {
  /** Ledger balance less the points held by pending redemptions. */
  spendable: number;
  /** The tier the member holds now (`heldTier`), null when none. */
  tierId: string | null;
  /** The member's redemptions of this reward, not released. */
  redeemed: number;
  /** One per `reward.budgets`, in the same order. */
  budgets: BudgetUse[];
  now: Date;
}

/**
 * When a budget's period began: calendar periods in UTC (a day from 00:00, a week from Monday 00:00, a month
 * from the 1st), not the store's time zone; null for a total, which counts everything.
 */
export function budgetSince(period: Reward["budgets"][number]["period"], now: Date): string | null {
  if (period === "total") return null;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (period === "day") return new Date(day).toISOString();
  if (period === "week") return new Date(day - ((now.getUTCDay() + 6) % 7) * DAY_MS).toISOString();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}

/** The member's redemptions of a reward and its budgets' use: what `unavailableReason` weighs beyond points, tier and time. */
export type RewardUse = Pick<RedeemFacts, "redeemed" | "budgets">;

/** How many counts `rewardUseCounts` asks for the reward: the member's own when it limits them, one per budget. */
const countsFor = (reward: Reward) => (reward.perMemberLimit === null ? 0 : 1) + reward.budgets.length;

/**
 * The redemption counts the reward's availability needs, in this order: the member's own redemptions of it
 * when it limits them, then each budget's use since its period began. Nothing when it limits neither.
 */
export function rewardUseCounts(reward: Reward, memberId: string, now: Date): RedemptionCountQuery[] {
  const own = reward.perMemberLimit === null ? [] : [{ rewardId: reward.id, memberId, since: null }];
  return [...own, ...reward.budgets.map((budget) => ({ rewardId: reward.id, since: budgetSince(budget.period, now) }))];
}

/** The reward's use from the answers to its `rewardUseCounts`, in the same order. */
export function rewardUseFrom(reward: Reward, counts: RedemptionTally[]): RewardUse {
  if (counts.length !== countsFor(reward)) throw new Error(`reward ${reward.id} needs ${countsFor(reward)} counts, got ${counts.length}`);
  const own = reward.perMemberLimit === null ? 0 : 1;
  return { redeemed: own ? (counts[0]?.count ?? 0) : 0, budgets: counts.slice(own) };
}

/** `rewardUseCounts` of every reward one after another, asked in one read (`GET /me`). */
export const rewardsUseCounts = (rewards: Reward[], memberId: string, now: Date): RedemptionCountQuery[] => rewards.flatMap((reward) => rewardUseCounts(reward, memberId, now));

/** Each reward with its use, from the answers to `rewardsUseCounts`, in the same order. */
export function rewardsUseFrom(rewards: Reward[], counts: RedemptionTally[]): { reward: Reward; use: RewardUse }[] {
  let at = 0;
  return rewards.map((reward) => {
    const next = at + countsFor(reward);
    const use = rewardUseFrom(reward, counts.slice(at, next));
    at = next;
    return { reward, use };
  });
}

/**
 * The money a redemption of `points` gives, in minor units: a coupon's amount, a donation's value. Null when
 * it has no fixed amount (a percent, free shipping, an experience) or a free product whose price is unknown.
 */
export function rewardValueMinor(reward: Reward, points: number, productPriceMinor: number | null = null): number | null {
  switch (reward.kind) {
    case "amount_off":
      return reward.amountMinor;
    case "variable":
      return (points / reward.pointsPerUnit) * reward.unitMinor;
    case "free_product":
      return productPriceMinor;
    case "donation":
      return reward.valueMinor;
    default:
      return null;
  }
}

/** A variable reward's choice is refused unless it lies within min..max on the step; other kinds cost what they cost. */
export function pointsProblem(reward: Reward, points: number | undefined): string | null {
  if (reward.kind !== "variable") return points === undefined || points === reward.costPoints ? null : "points can only be chosen for a variable reward";
  if (points === undefined) return `choose the points, from ${reward.minPoints} to ${reward.maxPoints}`;
  if (points < reward.minPoints || points > reward.maxPoints) return `points must be from ${reward.minPoints} to ${reward.maxPoints}`;
  if ((points - reward.minPoints) % reward.stepPoints !== 0) return `points must go up in steps of ${reward.stepPoints} from ${reward.minPoints}`;
  return null;
}

/**
 * Why the member cannot redeem `points` of the reward now, or null when they can. Checked in the order a shopper
 * can do least about first: dates, tier, their own limit, the reward's budget, then points.
 */
export function unavailableReason(
  reward: Reward,
  facts: RedeemFacts,
  points: number = lowestCost(reward),
  valueMinor: number | null = rewardValueMinor(reward, points),
): UnavailableReason | null {
  const at = facts.now.getTime();
  if (reward.availableFrom && at < Date.parse(reward.availableFrom)) return { code: "not_available", why: "not_yet", from: reward.availableFrom };
  if (reward.availableUntil && at > Date.parse(reward.availableUntil)) return { code: "not_available", why: "ended" };
  if (reward.tierIds.length > 0 && (facts.tierId === null || !reward.tierIds.includes(facts.tierId))) return { code: "not_available", why: "tier" };
  const limit = limitReason(reward, facts, valueMinor);
  if (limit) return limit;
  if (facts.spendable < points) return { code: "insufficient_points", missing: points - facts.spendable };
  return null;
}

/** Whether one more redemption worth `valueMinor` passes the member's own limit and the reward's budgets: what a challenge's grant weighs too. */
export function limitReason(reward: Reward, use: RewardUse, valueMinor: number | null): UnavailableReason | null {
  if (reward.perMemberLimit !== null && use.redeemed >= reward.perMemberLimit) return { code: "limit_reached", limit: reward.perMemberLimit };
  const overBudget = reward.budgets.some((budget, index) => {
    const used = use.budgets[index] ?? { count: 0, valueMinor: 0 };
    if (budget.measure === "redemptions") return used.count + 1 > budget.limit;
    return used.valueMinor >= budget.limit || used.valueMinor + (valueMinor ?? 0) > budget.limit;
  });
  return overBudget ? { code: "not_available", why: "budget" } : null;
}

/** `GET /me`: the reward as the member stands with it, at its lowest cost. */
export function rewardStanding(reward: Reward, facts: RedeemFacts): RewardStanding {
  const reason = unavailableReason(reward, facts);
  return { id: reward.id, available: reason === null, reason };
}

/** A coupon reward's terms at redemption. */
export interface CouponTerms {
  /** Chosen before the call, so a lost answer can be looked up by it. */
  code: string;
  now: Date;
  /** The store currency's decimals: amounts go to Ecwid as decimals. */
  precision: number;
  points: number;
  /** A free product's price now, from the catalog. */
  productPriceMinor?: number;
}

const decimal = (minor: number, precision: number) => minor / 10 ** precision;

/**
 * The exact `POST /discount_coupons` body for a coupon reward (CONTRACT §4.9, §4.12): single use, expiring,
 * limited as the reward says. Throws for an experience or a donation, which make no coupon.
 */
export function couponFor(reward: Reward, terms: CouponTerms): EcwidCouponInput {
  if (reward.kind === "experience" || reward.kind === "donation") throw new Error(`a ${reward.kind} makes no coupon`);
  const money = (minor: number) => decimal(minor, terms.precision);
  const discount = (): Pick<EcwidCouponInput, "discountType" | "discount"> => {
    switch (reward.kind) {
      case "amount_off":
        return { discountType: "ABS", discount: money(reward.amountMinor) };
      case "percent_off":
        return { discountType: "PERCENT", discount: reward.percent };
      case "free_shipping":
        return { discountType: "SHIPPING", discount: 0 };
      case "free_product":
        if (terms.productPriceMinor === undefined) throw new Error("a free product's coupon needs the product's price");
        return { discountType: "ABS", discount: money(terms.productPriceMinor) };
      case "variable":
        return { discountType: "ABS", discount: money(rewardValueMinor(reward, terms.points) ?? 0) };
    }
  };
  const catalogLimit =
    reward.kind === "free_product" ? { products: [reward.productId], categories: [] } : { products: [...reward.productIds], categories: [...reward.categoryIds] };
  return {
    name: reward.name,
    code: terms.code,
    ...discount(),
    status: "ACTIVE",
    expirationDate: formatEcwidDate(couponExpiry(reward, terms.now)),
    totalLimit: money(reward.minOrderMinor),
    usesLimit: "SINGLE",
    applicationLimit: "UNLIMITED",
    catalogLimit,
  };
}

/** When a coupon made now expires: `couponDays` later, to the second. */
export const couponExpiry = (reward: { couponDays: number }, now: Date): Date => new Date(Math.floor(now.getTime() / 1000) * 1000 + reward.couponDays * DAY_MS);
