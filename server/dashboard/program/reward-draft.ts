import type { ProgramItem } from "../api.js";
import type { Formatters } from "../format.js";
import type { Picked } from "../ui/catalog-pickers.js";
import type { RewardKind } from "../../modules/rewards/reward-schema.js";
import { i18nOf, moneyOrText, numberOrText, translationsOf, type Translations } from "./fields.js";

type Reward = ProgramItem<"rewards">;
type Budget = Extract<Reward, { budgets: unknown }>["budgets"][number];

export interface BudgetDraft {
  measure: Budget["measure"];
  /** Redemptions, or money typed in the store currency. */
  limit: string;
  period: Budget["period"];
}

/** Every field of every kind, as typed; switching kinds keeps what was typed for the others. */
export interface RewardDraft {
  kind: RewardKind;
  name: string;
  names: Translations;
  description: string;
  descriptions: Translations;
  cost: string;
  amount: string;
  percent: string;
  product: Picked | null;
  pointsPerUnit: string;
  unit: string;
  minPoints: string;
  maxPoints: string;
  stepPoints: string;
  instructions: string;
  cause: string;
  value: string;
  minOrder: string;
  products: Picked[];
  categories: Picked[];
  couponDays: string;
  perMemberLimit: string;
  tierIds: string[];
  /** Calendar days (yyyy-mm-dd) in the merchant's time zone; the reward opens at the first's start and closes at the last's end. */
  from: string;
  until: string;
  budgets: BudgetDraft[];
}

export const isCouponKind = (kind: RewardKind) => kind !== "experience" && kind !== "donation";

const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as the merchant's calendar day. */
export const dayOf = (iso: string | null | undefined) => {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` : "";
};
/** A calendar day's start (or end) in the merchant's time zone as an instant; "" is no date; anything else goes as typed, for the server to refuse. */
export const instantOf = (day: string, end: boolean): string | null => {
  if (!day.trim()) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : day;
};

const ids = (list: number[] | undefined, noun: string): Picked[] => (list ?? []).map((id) => ({ id, name: `${noun} #${id}` }));

export function rewardDraft(fmt: Formatters, item: Reward | null): RewardDraft {
  const has = <K extends RewardKind>(kind: K): Extract<Reward, { kind: K }> | null => (item?.kind === kind ? (item as Extract<Reward, { kind: K }>) : null);
  const coupon = item && "couponDays" in item ? item : null;
  const limited = item && "productIds" in item ? item : null;
  const money = (minor: number | undefined) => (minor === undefined ? "" : fmt.toAmountText(minor));
  const variable = has("variable");
  const product = has("free_product");
  return {
    kind: item?.kind ?? "amount_off",
    name: item?.name ?? "",
    names: translationsOf(item?.i18n, "name"),
    description: item?.description ?? "",
    descriptions: translationsOf(item?.i18n, "description"),
    cost: item && "costPoints" in item ? String(item.costPoints) : "",
    amount: money(has("amount_off")?.amountMinor),
    percent: has("percent_off") ? String(has("percent_off")?.percent) : "",
    product: product ? { id: product.productId, name: `Product #${product.productId}` } : null,
    pointsPerUnit: variable ? String(variable.pointsPerUnit) : "",
    unit: money(variable?.unitMinor),
    minPoints: variable ? String(variable.minPoints) : "",
    maxPoints: variable ? String(variable.maxPoints) : "",
    stepPoints: variable ? String(variable.stepPoints) : "",
    instructions: has("experience")?.instructions ?? "",
    cause: has("donation")?.cause ?? "",
    value: money(has("donation")?.valueMinor),
    minOrder: coupon && coupon.minOrderMinor > 0 ? fmt.toAmountText(coupon.minOrderMinor) : "",
    products: ids(limited?.productIds, "Product"),
    categories: ids(limited?.categoryIds, "Category"),
    couponDays: String(coupon?.couponDays ?? 30),
    perMemberLimit: item?.perMemberLimit ? String(item.perMemberLimit) : "",
    tierIds: item?.tierIds ?? [],
    from: dayOf(item?.availableFrom),
    until: dayOf(item?.availableUntil),
    budgets: (item?.budgets ?? []).map((budget) => ({
      measure: budget.measure,
      period: budget.period,
      limit: budget.measure === "money" ? fmt.toAmountText(budget.limit) : String(budget.limit),
    })),
  };
}

/** The request body for the draft's kind: only that kind's fields, numbers as numbers, money in minor units. */
export function rewardBody(fmt: Formatters, d: RewardDraft) {
  const money = (text: string) => moneyOrText(fmt, text);
  const common = {
    kind: d.kind,
    name: d.name,
    description: d.description,
    i18n: i18nOf({ name: d.names, description: d.descriptions }),
    perMemberLimit: d.perMemberLimit.trim() ? numberOrText(d.perMemberLimit) : null,
    tierIds: d.tierIds,
    availableFrom: instantOf(d.from, false),
    availableUntil: instantOf(d.until, true),
    budgets: d.budgets.map((budget) => ({
      measure: budget.measure,
      period: budget.period,
      limit: budget.measure === "money" ? money(budget.limit) : numberOrText(budget.limit),
    })),
  };
  const terms = {
    minOrderMinor: d.minOrder.trim() ? money(d.minOrder) : 0,
    couponDays: numberOrText(d.couponDays),
  };
  const limits = { productIds: d.products.map((p) => p.id), categoryIds: d.categories.map((c) => c.id) };
  const cost = { costPoints: numberOrText(d.cost) };
  switch (d.kind) {
    case "amount_off":
      return { ...common, ...terms, ...limits, ...cost, amountMinor: money(d.amount) };
    case "percent_off":
      return { ...common, ...terms, ...limits, ...cost, percent: numberOrText(d.percent) };
    case "free_shipping":
      return { ...common, ...terms, ...limits, ...cost };
    case "free_product":
      return { ...common, ...terms, ...cost, productId: d.product?.id ?? null };
    case "variable":
      return {
        ...common,
        ...terms,
        ...limits,
        pointsPerUnit: numberOrText(d.pointsPerUnit),
        unitMinor: money(d.unit),
        minPoints: numberOrText(d.minPoints),
        maxPoints: numberOrText(d.maxPoints),
        stepPoints: numberOrText(d.stepPoints),
      };
    case "experience":
      return { ...common, ...cost, instructions: d.instructions };
    case "donation":
      return { ...common, ...cost, cause: d.cause, valueMinor: money(d.value) };
  }
}
