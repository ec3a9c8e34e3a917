import type { FriendOffer, ReferralSettings } from "../../modules/referrals/referral-settings.js";
import type { Formatters } from "../format.js";
import { moneyOrText, numberOrText } from "../program/fields.js";

export interface LevelDraft {
  id: string;
  name: string;
  minReferrals: string;
  extraPoints: string;
}

/** The referral settings as the form holds them: every number as the text typed, so the server judges it. */
export interface ReferralDraft {
  enabled: boolean;
  offerKind: FriendOffer["kind"];
  offerAmount: string;
  offerPercent: string;
  offerMinOrder: string;
  rewardKind: ReferralSettings["ambassadorReward"]["kind"];
  rewardPoints: string;
  rewardId: string;
  holdDays: string;
  minOrder: string;
  monthlyCap: string;
  reverseAfterHold: boolean;
  levels: LevelDraft[];
}

export function referralDraft(settings: ReferralSettings, fmt: Formatters): ReferralDraft {
  const offer = settings.friendOffer;
  const reward = settings.ambassadorReward;
  return {
    enabled: settings.enabled,
    offerKind: offer.kind,
    offerAmount: offer.kind === "amount_off" ? fmt.toAmountText(offer.amountMinor) : "",
    offerPercent: offer.kind === "percent_off" ? String(offer.percent) : "10",
    offerMinOrder: fmt.toAmountText(offer.minOrderMinor),
    rewardKind: reward.kind,
    rewardPoints: reward.kind === "points" ? String(reward.points) : "500",
    rewardId: reward.kind === "reward" ? reward.rewardId : "",
    holdDays: String(settings.holdDays),
    minOrder: fmt.toAmountText(settings.minOrderMinor),
    monthlyCap: settings.monthlyCap === null ? "" : String(settings.monthlyCap),
    reverseAfterHold: settings.reverseAfterHold,
    levels: settings.levels.map((level) => ({ id: level.id, name: level.name, minReferrals: String(level.minReferrals), extraPoints: String(level.extraPoints) })),
  };
}

function offerBody(draft: ReferralDraft, fmt: Formatters) {
  const minOrderMinor = moneyOrText(fmt, draft.offerMinOrder.trim() || "0");
  if (draft.offerKind === "amount_off") return { kind: draft.offerKind, amountMinor: moneyOrText(fmt, draft.offerAmount), minOrderMinor };
  if (draft.offerKind === "percent_off") return { kind: draft.offerKind, percent: numberOrText(draft.offerPercent), minOrderMinor };
  return { kind: draft.offerKind, minOrderMinor };
}

export function referralBody(draft: ReferralDraft, fmt: Formatters) {
  return {
    enabled: draft.enabled,
    friendOffer: offerBody(draft, fmt),
    ambassadorReward: draft.rewardKind === "points" ? { kind: "points", points: numberOrText(draft.rewardPoints) } : { kind: "reward", rewardId: draft.rewardId },
    holdDays: numberOrText(draft.holdDays),
    minOrderMinor: moneyOrText(fmt, draft.minOrder.trim() || "0"),
    monthlyCap: draft.monthlyCap.trim() === "" ? null : numberOrText(draft.monthlyCap),
    reverseAfterHold: draft.reverseAfterHold,
    levels: draft.levels.map((level) => ({ id: level.id, name: level.name, minReferrals: numberOrText(level.minReferrals), extraPoints: numberOrText(level.extraPoints || "0") })),
  };
}

/**
 * Levels in the order of the referrals they need, so the merchant reorders them by changing that number; a
 * level whose number is not one yet stays where it is among the others. Sorted before saving, so the server's
 * `levels.1.minReferrals` names the row the merchant sees second.
 */
export function sortLevels(levels: LevelDraft[]): LevelDraft[] {
  const needed = (level: LevelDraft) => (/^\s*\d+\s*$/.test(level.minReferrals) ? Number(level.minReferrals) : Number.POSITIVE_INFINITY);
  return levels
    .map((level, index) => ({ level, index }))
    .sort((a, b) => needed(a.level) - needed(b.level) || a.index - b.index)
    .map(({ level }) => level);
}

/** A level id the schema accepts (`lv_…`), unique enough within five levels. */
export const newLevel = (): LevelDraft => ({ id: `lv_${crypto.randomUUID().slice(0, 8)}`, name: "", minReferrals: "", extraPoints: "0" });
