import type { ProgramItem, ProgramSettings } from "../api.js";
import type { Formatters } from "../format.js";
import { i18nOf, moneyOrText, numberOrText, translationsOf, type Translations } from "../program/fields.js";

export type Tier = ProgramItem<"tiers">;
export type TierRules = ProgramSettings["tierRules"];
export type Metric = TierRules["metric"];

/** A tier as the form holds it: every number as the text typed, so the server judges it and says why beside the field. */
export interface TierDraft {
  name: string;
  names: Translations;
  threshold: string;
  /** Empty: the entry amount keeps the tier. */
  keepThreshold: string;
  multiplierPercent: string;
  birthdayPoints: string;
  inviteOnly: boolean;
  /** An Ecwid customer group's id, or empty for none. */
  customerGroupId: string;
  perks: string;
  perkTranslations: Translations;
}

/** An amount in the ladder's metric as a field shows it: money in major units ("250.50"), points as a whole number. */
export const amountText = (fmt: Formatters, metric: Metric, amount: number) => (metric === "spend" ? fmt.toAmountText(amount) : String(amount));

/** What the merchant typed as the API wants it: minor units or points, or the text itself when it is not one. */
export const amountOf = (fmt: Formatters, metric: Metric, text: string) => (metric === "spend" ? moneyOrText(fmt, text) : numberOrText(text));

export function tierDraft(tier: Tier | null, metric: Metric, fmt: Formatters): TierDraft {
  return {
    name: tier?.name ?? "",
    names: translationsOf(tier?.i18n, "name"),
    threshold: tier ? amountText(fmt, metric, tier.threshold) : "",
    keepThreshold: tier?.keepThreshold == null ? "" : amountText(fmt, metric, tier.keepThreshold),
    multiplierPercent: String(tier?.multiplierPercent ?? 100),
    birthdayPoints: String(tier?.birthdayPoints ?? 0),
    inviteOnly: tier?.inviteOnly ?? false,
    customerGroupId: tier?.customerGroupId == null ? "" : String(tier.customerGroupId),
    perks: tier?.perks ?? "",
    perkTranslations: translationsOf(tier?.i18n, "perks"),
  };
}

export function tierBody(draft: TierDraft, metric: Metric, fmt: Formatters) {
  return {
    name: draft.name,
    i18n: i18nOf({ name: draft.names, perks: draft.perkTranslations }),
    threshold: amountOf(fmt, metric, draft.threshold),
    keepThreshold: draft.keepThreshold.trim() === "" ? null : amountOf(fmt, metric, draft.keepThreshold),
    multiplierPercent: numberOrText(draft.multiplierPercent),
    birthdayPoints: numberOrText(draft.birthdayPoints.trim() || "0"),
    inviteOnly: draft.inviteOnly,
    customerGroupId: draft.customerGroupId === "" ? null : Number(draft.customerGroupId),
    perks: draft.perks,
  };
}

export type TierBody = ReturnType<typeof tierBody>;

/** The id a tier not saved yet goes by in a preview. */
export const NEW_TIER_ID = "tr_new";

/**
 * The whole ladder as it would be saved: `saved` with the tier `id` replaced by `body` (added when `id` is null,
 * taken out when `body` is null). The edited tier keeps its place among the others.
 */
export function proposedLadder(saved: Tier[], id: string | null, body: TierBody | null): Tier[] {
  const edited = body && ({ ...body, id: id ?? NEW_TIER_ID } as unknown as Tier);
  if (id === null) return edited ? [...saved, edited] : saved;
  return saved.flatMap((tier) => (tier.id !== id ? [tier] : edited ? [edited] : []));
}

/** Whether saving `body` over `tier` can move a member: a new tier, or a changed entry or keep amount or invitation. */
export function movesMembers(tier: Tier | null, body: TierBody): boolean {
  if (!tier) return true;
  return tier.threshold !== body.threshold || tier.keepThreshold !== body.keepThreshold || tier.inviteOnly !== body.inviteOnly;
}
