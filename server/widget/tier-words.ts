import type { Format } from "./format.js";
import type { Me, Program } from "./types.js";

type Standing = Me["tier"];

/** An amount in the ladder's metric: money spent ("€120.00"), or points earned ("300 points"). */
export const tierAmount = (f: Format, metric: Standing["metric"], amount: number): string => (metric === "points" ? f.points(amount) : f.money(amount));

/** What the ladder is measured on, in words: "Based on what you spend in the last 12 months". */
export const basisText = (f: Format, { metric, window }: Program["tierRules"]): string => f.t(`tier.basis.${metric}`, { window: f.t(`tier.window.${window}`) });

/** A tier held other than by earning it: "Club member until 3 June", "VIP: given to you by Trailhead"; empty when earned. */
export function heldText(f: Format, program: Program, { how, name, paidUntil }: NonNullable<Standing["current"]>): string {
  if (how === "paid" && paidUntil) return f.t("tier.paid", { tier: name, date: f.date(paidUntil) });
  return how === "assigned" ? f.t("tier.assigned", { tier: name, store: program.storeName }) : "";
}

/**
 * What keeping the earned tier takes and by when: "Spend €40.00 more by 14 Mar to keep Gold" (in grace, the same
 * words are the warning), or "Gold is yours until at least 1 Jan" when it is met. Empty without a date: a lifetime
 * ladder is looked at again only when an order comes.
 */
export function keepText(f: Format, { keep, metric, current }: Standing): string {
  if (!keep?.by || current?.how !== "earned") return "";
  const values = { amount: tierAmount(f, metric, keep.needed), tier: current.name, date: f.date(keep.by) };
  return f.t(keep.needed > 0 ? `tier.keep.${metric}` : "tier.kept", values);
}

/** One recorded change of the shopper's tier in words: "Reached Gold", "Moved from Gold to Silver". */
export function changeText(f: Format, program: Program, { reason, fromTierId, toTierId }: Standing["changes"][number]): string {
  const name = (id: string | null) => program.tiers.find((tier) => tier.id === id)?.name ?? f.t("tier.nothing");
  return f.t(`tier.reason.${reason}`, { from: name(fromTierId), to: name(toTierId) });
}
