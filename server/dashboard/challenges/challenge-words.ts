import type { Formatters } from "../format.js";
import type { Goal, GoalKind } from "../../modules/program/challenge-schema.js";
import type { Challenge, Network } from "./challenge-draft.js";

export const KIND_NAMES: [GoalKind, string][] = [
  ["orders", "Number of paid orders"],
  ["spend", "Amount spent"],
  ["product", "Buy a product or from a category"],
  ["first_order", "First order"],
  ["streak", "Order streak (weeks or months in a row)"],
  ["stamps", "Stamp card"],
  ["join", "Join the program"],
  ["birthday", "Add a birthday"],
  ["visit", "Follow the shop or visit a page"],
  ["survey", "Answer “Would you recommend us?”"],
  ["proof", "Send proof (a link or a photo)"],
  ["share_link", "Share their referral link"],
  ["referrals", "Refer friends who order"],
];

export const NETWORK_NAMES: Record<Network, string> = {
  website: "a web page",
  facebook: "Facebook",
  instagram: "Instagram",
  x: "X",
  tiktok: "TikTok",
  youtube: "YouTube",
  pinterest: "Pinterest",
  linkedin: "LinkedIn",
};

const plural = (fmt: Formatters, n: number, one: string, many: string) => `${fmt.count(n)} ${n === 1 ? one : many}`;

/** What a goal asks for in a merchant's words: "3 paid orders", "$500 spent", "a stamp card of 10". */
export function goalWords(fmt: Formatters, goal: Goal | null): string {
  if (!goal) return "Given by challenges";
  switch (goal.kind) {
    case "orders":
      return plural(fmt, goal.target, "paid order", "paid orders");
    case "spend":
      return `${fmt.moneyShort(goal.target)} spent`;
    case "product":
      return `${plural(fmt, goal.target, "order", "orders")} of chosen products`;
    case "first_order":
      return "the first order";
    case "streak":
      return `an order ${plural(fmt, goal.target, goal.period, `${goal.period}s`)} in a row`;
    case "stamps":
      return `a stamp card of ${fmt.count(goal.target)}`;
    case "join":
      return "joining the program";
    case "birthday":
      return goal.yearlyPoints > 0 ? `adding a birthday (then ${fmt.points(goal.yearlyPoints)} each year)` : "adding a birthday";
    case "visit":
      return goal.network === "website" ? "visiting a page" : `following on ${NETWORK_NAMES[goal.network]}`;
    case "survey":
      return "answering the survey";
    case "proof":
      return `sending a ${goal.proof} as proof`;
    case "share_link":
      return "sharing their referral link";
    case "referrals":
      return plural(fmt, goal.target, "referred friend", "referred friends");
  }
}

/** Draft, scheduled (active before its start), active or ended (by hand, or past its end). */
export function statusWords(challenge: Pick<Challenge, "status" | "window">, now: Date): string {
  if (challenge.status === "draft") return "Draft";
  const { startsAt, endsAt } = challenge.window;
  if (challenge.status === "ended" || (endsAt && Date.parse(endsAt) <= now.getTime())) return "Ended";
  if (startsAt && Date.parse(startsAt) > now.getTime()) return "Scheduled";
  return "Active";
}

/** One line of the challenges list: status, what it pays, for what, how often. */
export function challengeLine(fmt: Formatters, challenge: Challenge, now: Date): string {
  const pays = [challenge.points > 0 && fmt.points(challenge.points), challenge.badgeIds.length > 0 && "a badge", challenge.rewardIds.length > 0 && "a reward"].filter(Boolean);
  const every = challenge.repeat.every;
  const repeat = every === "once" ? "" : every === "completion" ? ", again on each completion" : `, once a ${every}`;
  const from = challenge.countFrom ? `, counting orders from ${fmt.date(challenge.countFrom)}` : "";
  return `${statusWords(challenge, now)} · ${pays.join(" and ")} for ${goalWords(fmt, challenge.goal)}${repeat}${from}`;
}
