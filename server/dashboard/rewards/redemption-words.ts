import type { AdminRedemption, RedemptionStatus } from "../api.js";

const STATUS_WORDS: Record<RedemptionStatus, string> = {
  pending: "Waiting for Ecwid",
  issued: "Issued",
  used: "Used",
  expired: "Expired",
  released: "Released, points back",
  fulfilled: "Fulfilled",
};

/** A redemption's status in the merchant's words; a donation fulfilled is one paid out. */
export const statusLabel = (redemption: Pick<AdminRedemption, "status" | "rewardKind">) =>
  redemption.status === "fulfilled" && redemption.rewardKind === "donation" ? "Paid out" : STATUS_WORDS[redemption.status];

export const STATUS_FILTERS: [RedemptionStatus | "", string][] = [["", "All"], ...(Object.entries(STATUS_WORDS) as [RedemptionStatus, string][])];

/** What the merchant can do about a redemption by hand: fulfil an experience, pay out a donation; nothing else. */
export const handAction = (redemption: Pick<AdminRedemption, "status" | "rewardKind">): string | null => {
  if (redemption.status !== "issued") return null;
  if (redemption.rewardKind === "experience") return "Mark fulfilled";
  if (redemption.rewardKind === "donation") return "Mark paid out";
  return null;
};

const KIND_WORDS: Record<string, string> = {
  amount_off: "Amount off",
  percent_off: "Percent off",
  free_shipping: "Free shipping",
  free_product: "Free product",
  variable: "Amount off (chosen)",
  experience: "Experience",
  donation: "Donation",
};
export const kindLabel = (kind: string) => KIND_WORDS[kind] ?? kind;
