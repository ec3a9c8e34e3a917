import { z } from "zod";
import type { PointValue } from "../simulations/point-value.rules.js";
import type { OrderGroupFacts, OverviewFacts } from "./overview-facts.js";
import { daysBetween, MAX_RANGE_DAYS } from "./overview-span.rules.js";

/** Years whose days (and the day after the last) have local midnights: Date.UTC reads years below 100 as 19xx, and the day after 9999-12-31 has none. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 9998;
const storeDay = z.iso.date().refine(
  (date) => {
    const year = Number(date.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  },
  { message: `must be a day from ${FIRST_YEAR} to ${LAST_YEAR}`, params: { code: "invalid_value" } },
);

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: calendar days of the store's time zone, both included, at most three years. */
export const overviewQuerySchema = z.strictObject({ from: storeDay, to: storeDay }).superRefine((range, context) => {
  const days = daysBetween(range.from, range.to);
  if (days < 1) context.addIssue({ code: "custom", path: ["to"], message: "must not be before from", params: { code: "too_small" } });
  else if (days > MAX_RANGE_DAYS) context.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${MAX_RANGE_DAYS} days`, params: { code: "too_big" } });
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

/** A group's orders with their average and, where customers are known, spend per customer (minor units, rounded down; null without orders). */
export type OrderGroup = OrderGroupFacts & { averageOrderMinor: number | null; spendPerCustomerMinor: number | null };

/** `GET /api/admin/insights/overview`: the span's figures; rates are pairs the page divides, money in minor units. */
export interface Overview extends Omit<OverviewFacts, "orders" | "lifetime" | "topChallenges" | "points" | "survey" | "outstanding"> {
  range: { from: string; to: string; timeZone: string; bucket: "day" | "week"; labels: string[] };
  currency: { code: string; precision: number };
  points: OverviewFacts["points"] & { outstanding: number };
  /** The outstanding points' worth at `pointValue` (the most money a point buys in the catalog, as the cost simulator values it), rounded down; null when no reward gives a fixed amount. */
  liability: { minor: number; pointValue: PointValue } | null;
  orders: { members: OrderGroup; guests: OrderGroup };
  lifetime: { members: OrderGroup; guests: OrderGroup };
  /** Net Promoter Score: promoters' share minus detractors', as a whole number from -100 to 100; null without answers. */
  nps: OverviewFacts["survey"] & { answers: number; score: number | null };
  topChallenges: (OverviewFacts["topChallenges"][number] & { title: string | null })[];
}
