import type { ProgramItem } from "../api.js";
import type { Formatters } from "../format.js";
import type { Picked } from "../ui/catalog-pickers.js";
import type { BadgeIcon } from "../../modules/program/badge-icons.js";
import type { Goal, GoalKind } from "../../modules/program/challenge-schema.js";
import { i18nOf, moneyOrText, numberOrText, translationsOf, type Translations } from "../program/fields.js";
import { dayOf, instantOf } from "../program/reward-draft.js";

export type Challenge = ProgramItem<"challenges">;
type Of<K extends GoalKind> = Extract<Challenge["goal"], { kind: K }>;
export type Network = Of<"visit">["network"];
export type ProofType = Of<"proof">["proof"];
export type StreakPeriod = Of<"streak">["period"];
export type Every = Challenge["repeat"]["every"];
export type AudienceKind = Challenge["audience"]["kind"];
export type LimitPeriod = Challenge["limits"]["period"];
export type Status = Challenge["status"];
/** How the challenge's window is set: always open, between two dates, or over the last N days. */
export type WindowKind = "always" | "dates" | "last_days";

/** A goal's fields as typed, for every kind; switching kinds keeps what was typed for the others. */
export interface GoalDraft {
  kind: GoalKind;
  /** A count, or money in the store currency for `spend`. */
  target: string;
  products: Picked[];
  categories: Picked[];
  streakPeriod: StreakPeriod;
  url: string;
  network: Network;
  prompt: string;
  proof: ProofType;
  yearlyPoints: string;
}

/** Every field of a challenge as typed. */
export interface ChallengeDraft extends GoalDraft {
  title: string;
  titles: Translations;
  description: string;
  descriptions: Translations;
  icon: BadgeIcon;
  status: Status;
  points: string;
  badgeIds: string[];
  rewardIds: string[];
  windowKind: WindowKind;
  /** Calendar days (yyyy-mm-dd) in the merchant's time zone. */
  startsOn: string;
  endsOn: string;
  lastDays: string;
  every: Every;
  cap: string;
  levelStep: string;
  audience: AudienceKind;
  tierIds: string[];
  boughtProducts: Picked[];
  boughtCategories: Picked[];
  winners: string;
  totalPoints: string;
  periodPoints: string;
  limitPeriod: LimitPeriod;
  hidden: boolean;
  reverseOnRefund: boolean;
  countFrom: string | null;
}

/** Kinds measured from orders (the schema's MILESTONE_KINDS, kept here so the bundle carries no zod). */
export const ORDER_KINDS: readonly GoalKind[] = ["orders", "spend", "product", "first_order", "streak", "stamps"];
/** Kinds measured from the ambassador side (the schema's REFERRAL_KINDS). */
export const REFERRAL_KINDS: readonly GoalKind[] = ["share_link", "referrals"];
/** Kinds done once: their target is always 1, and they cannot repeat. */
export const ONE_SHOT: readonly GoalKind[] = ["first_order", "join", "birthday", "visit", "share_link"];
/** Kinds with a number the merchant types as the target. */
export const hasTarget = (kind: GoalKind) => ["orders", "spend", "product", "streak", "stamps", "referrals"].includes(kind);

const ids = (list: number[] | undefined, noun: string): Picked[] => (list ?? []).map((id) => ({ id, name: `${noun} #${id}` }));
const optional = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const orNull = (text: string) => (text.trim() ? numberOrText(text) : null);

export function goalDraft(fmt: Formatters, goal: Goal | null | undefined): GoalDraft {
  const of = <K extends GoalKind>(kind: K) => (goal?.kind === kind ? (goal as Of<K>) : null);
  const picked = goal && "productIds" in goal ? goal : null;
  return {
    kind: goal?.kind ?? "orders",
    target: !goal || !hasTarget(goal.kind) ? "" : goal.kind === "spend" ? fmt.toAmountText(goal.target) : String(goal.target),
    products: ids(picked?.productIds, "Product"),
    categories: ids(picked?.categoryIds, "Category"),
    streakPeriod: of("streak")?.period ?? "week",
    url: of("visit")?.url ?? "",
    network: of("visit")?.network ?? "website",
    prompt: of("proof")?.prompt ?? "",
    proof: of("proof")?.proof ?? "link",
    yearlyPoints: of("birthday") ? String(of("birthday")?.yearlyPoints) : "",
  };
}

export function challengeDraft(fmt: Formatters, item: Challenge | null): ChallengeDraft {
  const window = item?.window;
  return {
    ...goalDraft(fmt, item?.goal),
    title: item?.title ?? "",
    titles: translationsOf(item?.i18n, "title"),
    description: item?.description ?? "",
    descriptions: translationsOf(item?.i18n, "description"),
    icon: item?.icon ?? "star",
    status: item?.status ?? "active",
    points: item ? String(item.points) : "",
    badgeIds: item?.badgeIds ?? [],
    rewardIds: item?.rewardIds ?? [],
    windowKind: window?.lastDays ? "last_days" : window?.startsAt || window?.endsAt ? "dates" : "always",
    startsOn: dayOf(window?.startsAt),
    endsOn: dayOf(window?.endsAt),
    lastDays: optional(window?.lastDays),
    every: item?.repeat.every ?? "once",
    cap: optional(item?.repeat.cap),
    levelStep: item?.repeat.levelStep ? String(item.repeat.levelStep) : "",
    audience: item?.audience.kind ?? "everyone",
    tierIds: item?.audience.tierIds ?? [],
    boughtProducts: ids(item?.audience.productIds, "Product"),
    boughtCategories: ids(item?.audience.categoryIds, "Category"),
    winners: optional(item?.limits.winners),
    totalPoints: optional(item?.limits.totalPoints),
    periodPoints: optional(item?.limits.periodPoints),
    limitPeriod: item?.limits.period ?? "total",
    hidden: item?.hidden ?? false,
    reverseOnRefund: item?.reverseOnRefund ?? false,
    countFrom: item?.countFrom ?? null,
  };
}

/** The goal the draft's kind asks for, with only that kind's fields. */
export function goalBody(fmt: Formatters, d: GoalDraft) {
  const target = d.kind === "spend" ? moneyOrText(fmt, d.target) : numberOrText(d.target);
  const picked = { productIds: d.products.map((p) => p.id), categoryIds: d.categories.map((c) => c.id) };
  switch (d.kind) {
    case "orders":
    case "spend":
    case "referrals":
      return { kind: d.kind, target };
    case "product":
    case "stamps":
      return { kind: d.kind, target, ...picked };
    case "streak":
      return { kind: d.kind, target, period: d.streakPeriod };
    case "birthday":
      return { kind: d.kind, target: 1, yearlyPoints: d.yearlyPoints.trim() ? numberOrText(d.yearlyPoints) : 0 };
    case "visit":
      return { kind: d.kind, target: 1, url: d.url.trim(), network: d.network };
    case "proof":
      return { kind: d.kind, target: 1, prompt: d.prompt, proof: d.proof };
    case "first_order":
    case "join":
    case "survey":
    case "share_link":
      return { kind: d.kind, target: 1 };
  }
}

/** The request body: numbers as numbers, money in minor units, empty optional numbers as null; typos go as typed for the server to refuse beside the field. */
export function challengeBody(fmt: Formatters, d: ChallengeDraft) {
  const every = ONE_SHOT.includes(d.kind) ? "once" : d.every;
  const repeats = every !== "once";
  return {
    title: d.title,
    description: d.description,
    i18n: i18nOf({ title: d.titles, description: d.descriptions }),
    icon: d.icon,
    status: d.status,
    goal: goalBody(fmt, d),
    points: d.points.trim() ? numberOrText(d.points) : 0,
    badgeIds: d.badgeIds,
    rewardIds: d.rewardIds,
    window: {
      startsAt: d.windowKind === "dates" ? instantOf(d.startsOn, false) : null,
      endsAt: d.windowKind === "dates" ? instantOf(d.endsOn, true) : null,
      lastDays: d.windowKind === "last_days" ? numberOrText(d.lastDays) : null,
    },
    repeat: {
      every,
      cap: repeats ? orNull(d.cap) : null,
      levelStep: every === "completion" && d.levelStep.trim() ? numberOrText(d.levelStep) : 0,
    },
    audience: {
      kind: d.audience,
      tierIds: d.audience === "tier" ? d.tierIds : [],
      productIds: d.audience === "bought" ? d.boughtProducts.map((p) => p.id) : [],
      categoryIds: d.audience === "bought" ? d.boughtCategories.map((c) => c.id) : [],
    },
    limits: { winners: orNull(d.winners), totalPoints: orNull(d.totalPoints), periodPoints: orNull(d.periodPoints), period: d.limitPeriod },
    hidden: d.hidden,
    reverseOnRefund: d.reverseOnRefund,
    countFrom: d.countFrom,
  };
}
