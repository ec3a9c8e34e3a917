import type { EndpointCreate } from "../api.js";

/** Each event a merchant may choose, in their words. */
export const EVENT_LABELS: Record<EndpointCreate["events"][number], string> = {
  "member.points_changed": "Points changed (member.points_changed)",
  "reward.redeemed": "Reward redeemed (reward.redeemed)",
  "tier.changed": "Tier changed (tier.changed)",
  "referral.qualified": "Referral qualified (referral.qualified)",
  "challenge.completed": "Challenge completed (challenge.completed)",
};
