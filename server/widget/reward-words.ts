import type { Format } from "./format.js";
import type { Program, Reward, UnavailableReason } from "./types.js";

/** What a reward gives, in the shopper's words: "€5.00 off your order", "Free shipping", "€1.00 off for every 100 points". */
export function rewardGives(f: Format, reward: Reward): string {
  switch (reward.kind) {
    case "amount_off":
      return f.t("reward.amount_off", { amount: f.money(reward.amountMinor) });
    case "percent_off":
      return f.t("reward.percent_off", { percent: f.number(reward.percent) });
    case "variable":
      return f.t("reward.variable", { amount: f.money(reward.unitMinor), points: f.points(reward.pointsPerUnit) });
    case "donation":
      return f.t("reward.donation", { amount: f.money(reward.valueMinor), cause: reward.cause });
    default:
      return f.t(`reward.${reward.kind}`);
  }
}

/** The minor units a variable reward gives for `points` (a whole number of its units). */
export const variableValue = (reward: Extract<Reward, { kind: "variable" }>, points: number): number => Math.floor(points / reward.pointsPerUnit) * reward.unitMinor;

/** A variable reward's choices the shopper can pay for, smallest first: from its minimum in its steps, at most 100. */
export function pointChoices(reward: Extract<Reward, { kind: "variable" }>, balance: number): number[] {
  const choices: number[] = [];
  for (let points = reward.minPoints; points <= Math.min(reward.maxPoints, balance) && choices.length < 100; points += reward.stepPoints) choices.push(points);
  return choices;
}

/** Why the shopper cannot redeem it now, in numbers: "120 points to go", "For Gold members", "Sold out this month". */
export function reasonText(f: Format, program: Program, reward: Reward, reason: UnavailableReason): string {
  switch (reason.code) {
    case "insufficient_points":
      return f.t("reward.need", { points: f.points(reason.missing) });
    case "points_pending":
      return f.t("reward.pending", { points: f.points(reason.missing), date: f.date(reason.freeOn) });
    case "limit_reached":
      return f.t("reward.limit");
    case "not_available":
      break;
  }
  if (reason.why === "tier") {
    const tiers = program.tiers.filter((tier) => reward.tierIds.includes(tier.id)).map((tier) => tier.name);
    return f.t("reward.tier", { tiers: tiers.join(" / ") });
  }
  if (reason.why === "not_yet") return reason.from ? f.t("reward.not_yet", { date: f.date(reason.from) }) : f.t("reward.soon");
  if (reason.why === "ended") return f.t("reward.ended");
  // A budget: when every cap of the reward is per day, week or month, that is when it comes back ("Sold out this month").
  if (reason.from) return f.t("reward.back", { date: f.date(reason.from) });
  const periods = new Set(reward.budgets.map((budget) => budget.period));
  const [period] = periods;
  return f.t(periods.size === 1 && period !== "total" ? `reward.sold_out_${period}` : "reward.sold_out");
}

/** One per confirmed click, sent again with every retry of it. */
export function requestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The reason a refused redemption carries (under `reason`, or as the body itself), when it is whole. */
export function reasonOf(body: Record<string, unknown> | undefined): UnavailableReason | null {
  const reason = (body?.reason ?? body) as Record<string, unknown> | undefined;
  const whole =
    (reason?.code === "insufficient_points" && typeof reason.missing === "number") ||
    reason?.code === "limit_reached" ||
    (reason?.code === "not_available" && typeof reason.why === "string") ||
    (reason?.code === "points_pending" && typeof reason.missing === "number" && typeof reason.freeOn === "string");
  return whole ? (reason as UnavailableReason) : null;
}
