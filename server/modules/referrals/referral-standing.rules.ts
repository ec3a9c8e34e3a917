import type { ProgramSettings } from "../settings/program-settings.js";
import type { MemberReferral } from "./referral.js";
import type { ReferralSettings } from "./referral-settings.js";
import type { PublicReferral, ShopperReferral } from "./referral-view.js";

/** What the public program tells of referrals: the friend's offer and what ambassadors earn, only while the program runs. */
export function publicReferral(settings: Pick<ProgramSettings, "referrals" | "rewards">): PublicReferral {
  const { enabled, friendOffer, ambassadorReward, holdDays, levels } = settings.referrals;
  if (!enabled) return { enabled: false, friendOffer: null, ambassadorReward: null, holdDays, levels: [] };
  const reward = ambassadorReward.kind === "reward" ? settings.rewards.find((one) => one.id === ambassadorReward.rewardId) : undefined;
  return {
    enabled,
    friendOffer,
    ambassadorReward: ambassadorReward.kind === "points" ? { kind: "points", points: ambassadorReward.points } : reward ? { kind: "reward", name: reward.name } : null,
    holdDays,
    levels: levels.map(({ id, name, minReferrals, extraPoints }) => ({ id, name, minReferrals, extraPoints })),
  };
}

/** The level an ambassador reached by referrals paid, and the next one with how many more it takes. */
export function ambassadorLevel(levels: ReferralSettings["levels"], paid: number): ShopperReferral["level"] {
  const byReferrals = [...levels].sort((a, b) => a.minReferrals - b.minReferrals);
  const current = byReferrals.findLast((level) => level.minReferrals <= paid);
  const next = byReferrals.find((level) => level.minReferrals > paid);
  return {
    current: current ? { id: current.id, name: current.name } : null,
    next: next ? { id: next.id, name: next.name, referralsNeeded: next.minReferrals - paid } : null,
  };
}

/** A member's own ambassador side as `/me` tells it; `links` are the absolute landing and QR addresses of their code. */
export function shopperReferral(referral: MemberReferral, settings: ReferralSettings, links: { link: string; qrUrl: string }): ShopperReferral {
  const { code, coupon, blocked, clicks, friendsOrdered, pending, paid } = referral;
  return {
    code,
    ...links,
    couponReady: coupon !== null && coupon.ecwidId !== null && coupon.active,
    blocked: blocked !== null,
    stats: { clicks: Object.values(clicks).reduce((sum, count) => sum + count, 0), clicksByChannel: clicks, friendsOrdered, pending, paid },
    level: ambassadorLevel(settings.levels, paid),
  };
}
