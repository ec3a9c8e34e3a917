import type { MemberTierView } from "../api.js";
import type { Formatters } from "../format.js";
import { actorLabel } from "../labels.js";
import { amountWords } from "../tiers/tier-words.js";

type Standing = MemberTierView["standing"];
type Change = MemberTierView["changes"][number];
type Metric = Standing["metric"];

/** How the member holds their tier: "Earned since Mar 3, 2026", "Paid until Mar 1, 2027", "Given by you@shop.com on Mar 3, 2026". */
export function heldWords(current: NonNullable<Standing["current"]>, assignedBy: string | null, fmt: Formatters): string {
  if (current.how === "paid") return `Paid membership until ${fmt.date(current.paidUntil)}`;
  if (current.how === "assigned") return `Given by ${actorLabel(assignedBy)} on ${fmt.date(current.since)}`;
  const since = current.since ? ` since ${fmt.date(current.since)}` : "";
  return current.paidUntil ? `Earned${since}; also paid until ${fmt.date(current.paidUntil)}` : `Earned${since}`;
}

const order = (details: Change["details"]) => (typeof details.orderId === "string" ? ` (order #${details.orderId})` : "");
const until = (details: Change["details"], fmt: Formatters) => (typeof details.until === "string" ? `, until ${fmt.date(details.until)}` : "");
const by = (details: Change["details"]) => actorLabel(typeof details.by === "string" ? details.by : null);

/** Why a tier changed, in the merchant's words, with what the record says of it (the order, the merchant, a grace's end). */
export function changeReasonWords(change: Change, fmt: Formatters): string {
  const { details } = change;
  switch (change.reason) {
    case "reached":
      return "Reached the tier's entry amount";
    case "kept":
      return "Back above the keep amount: grace over, tier kept";
    case "grace_started":
      return `Below the keep amount: grace until ${fmt.date(typeof details.graceEndsAt === "string" ? details.graceEndsAt : null)}`;
    case "demoted":
      return "Moved down: below the keep amount";
    case "reset":
      return "New calendar year: the count started again";
    case "bought":
      return `Bought a paid membership${order(details)}${until(details, fmt)}`;
    case "renewed":
      return `Renewed the paid membership${order(details)}${until(details, fmt)}`;
    case "refunded":
      return `Membership order refunded or cancelled${order(details)}${typeof details.until === "string" ? `; now until ${fmt.date(details.until)}` : "; no membership left"}`;
    case "expired":
      return "Paid membership ran out";
    case "assigned":
      return `Given by ${by(details)}`;
    case "unassigned":
      return `Taken away by ${by(details)}`;
  }
}

/** The heading of what reviews measured, in the ladder's unit: "Spent then" or "Points then". */
export const measuredColumnLabel = (metric: Metric) => (metric === "spend" ? "Spent then" : "Points then");

/** What a review measured, when the change came from one: "$120" or "450 points"; else "—". */
export function changeMeasuredWords(change: Change, fmt: Formatters): string {
  const { amount, metric } = change.details;
  return typeof amount === "number" && (metric === "spend" || metric === "points") ? amountWords(fmt, metric, amount) : "—";
}

const WINDOWS = { lifetime: "(lifetime)", calendar_year: "this year", rolling_12_months: "in 12 months" } as const;

/** The label of the amount in the window: "Spent in 12 months", "Points earned this year". */
export const windowAmountLabel = (rules: { metric: Metric; window: keyof typeof WINDOWS }) => `${rules.metric === "spend" ? "Spent" : "Points earned"} ${WINDOWS[rules.window]}`;
