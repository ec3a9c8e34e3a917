/** The referral program's codes in the merchant's words. Unknown codes are shown as they are. */
import type { ReferralReason, ReferralSignal, ReferralStatus } from "../../modules/referrals/referral.js";
import type { FriendOffer, ShareChannel } from "../../modules/referrals/referral-settings.js";

const STATUS_WORDS: Record<ReferralStatus, string> = {
  checking: "Waiting for checks",
  held: "Held",
  review: "Needs review",
  paid: "Paid",
  rejected: "Rejected",
  cancelled: "Cancelled",
  reversed: "Reversed",
};

/** "Held until May 3" when the day is known; every other status as its word. */
export const referralStatusLabel = (referral: { status: ReferralStatus; payableAt: string | null }, date: (iso: string | null) => string) =>
  referral.status === "held" && referral.payableAt ? `Held until ${date(referral.payableAt)}` : (STATUS_WORDS[referral.status] ?? referral.status);

export const REFERRAL_STATUS_FILTERS: [ReferralStatus | "", string][] = [["", "All"], ...(Object.entries(STATUS_WORDS) as [ReferralStatus, string][])];

/** The statuses in the order the overview counts them. */
export const REFERRAL_STATUS_ORDER = Object.keys(STATUS_WORDS) as ReferralStatus[];
export const referralStatusWord = (status: ReferralStatus) => STATUS_WORDS[status] ?? status;

const REASON_WORDS: Record<ReferralReason, string> = {
  self_referral: "Self-referral: the friend is the ambassador",
  repeat_friend: "Repeat friend: referred before",
  existing_customer: "Existing customer: ordered before",
  refunded: "Refunded or cancelled",
  under_minimum: "Under the minimum order",
  cap_reached: "Monthly cap reached",
  blocked_ambassador: "The ambassador is blocked",
  held_out_ambassador: "The ambassador is in the holdout (left out of the program)",
  merchant_rejected: "Rejected by you",
  program_off: "The program was off",
};
export const referralReasonLabel = (reason: ReferralReason) => REASON_WORDS[reason] ?? reason;

const SIGNAL_WORDS: Record<ReferralSignal["kind"], string> = {
  disposable_email: "Disposable email address",
  coupon_site: "Code found on a coupon-sharing site",
  paid_ads: "Came through paid ads",
  many_friends_one_address: "Many friends from one address or device",
  shared_address: "Shares the ambassador's shipping address",
};
export const signalLabel = (signal: Pick<ReferralSignal, "kind">) => SIGNAL_WORDS[signal.kind] ?? signal.kind;
/** Low pays and flags; high holds the reward for the merchant. */
export const severityLabel = (severity: ReferralSignal["severity"]) => (severity === "high" ? "High: held for you" : "Low: paid, flagged");

const CHANNEL_WORDS: Record<ShareChannel, string> = {
  facebook: "Facebook",
  x: "X",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  pinterest: "Pinterest",
  linkedin: "LinkedIn",
  email: "Email",
  copy: "Copied link",
  share: "Device share sheet",
  qr: "QR code",
  other: "Other",
};
export const channelLabel = (channel: ShareChannel) => CHANNEL_WORDS[channel] ?? channel;

/** Friends who ordered per click, as a whole percent; "—" with no clicks to divide by. */
export const conversionLabel = (friendsOrdered: number, clicks: number) => (clicks > 0 ? `${Math.round((friendsOrdered / clicks) * 100)}%` : "—");

/** "10% off", "$5 off orders from $20", "Free shipping". */
export function friendOfferLabel(offer: FriendOffer, moneyShort: (minor: number) => string): string {
  const what = offer.kind === "amount_off" ? `${moneyShort(offer.amountMinor)} off` : offer.kind === "percent_off" ? `${offer.percent}% off` : "Free shipping";
  return offer.minOrderMinor > 0 ? `${what} on orders from ${moneyShort(offer.minOrderMinor)}` : what;
}
