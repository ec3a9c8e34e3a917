import type { Logger } from "../../lib/logger.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { ReferralChallengeTx, ShareChallengePayer } from "../program/referral-challenges.js";
import type { MemberReferral } from "./referral.js";
import type { ShareChannel } from "./referral-settings.js";

/** One ambassador's visits not yet written. */
interface PendingClicks {
  code: string;
  clicks: Partial<Record<ShareChannel, number>>;
  adClicks: number;
  couponSiteClicks: number;
  /** The earliest of these visits. */
  firstAt: string;
}

export interface CountedVisit {
  storeId: number;
  memberId: string;
  code: string;
  channel: ShareChannel;
  /** The landing URL carried a paid-ads click id. */
  adClick: boolean;
  /** The visitor came from a coupon-sharing site. */
  couponSite: boolean;
  at: Date;
}

/**
 * Landing visits are added up in memory and written every few seconds, one transaction per store, so a busy link
 * costs one write per flush rather than one per visit. Only visits of real, live codes are kept here, so the
 * buffer is bounded by the codes issued. A failed write puts its counts back for the next flush. A link's first
 * visit is its share: the write records when, and pays the ambassador's "share your link" challenges.
 */
export class ReferralClickCounter {
  #pending = new Map<number, Map<string, PendingClicks>>();

  constructor(private readonly deps: { storage: UnitOfWork<keyof ReferralChallengeTx>; payShares: ShareChallengePayer; logger: Logger }) {}

  add(visit: CountedVisit): void {
    const pending = this.#entry(visit.storeId, visit.memberId, visit.code, visit.at.toISOString());
    pending.clicks[visit.channel] = (pending.clicks[visit.channel] ?? 0) + 1;
    if (visit.adClick) pending.adClicks += 1;
    if (visit.couponSite) pending.couponSiteClicks += 1;
  }

  /** Writes every count held so far; counts added meanwhile wait for the next flush. */
  async flush(): Promise<void> {
    const taken = this.#pending;
    this.#pending = new Map();
    for (const [storeId, members] of taken) {
      try {
        await this.deps.storage.transaction(storeId, async (tx) => {
          const firstShares: string[] = [];
          for (const [memberId, pending] of members) {
            const member = await tx.members.get(storeId, memberId);
            // A code replaced or a member gone since the visit: those clicks belong to nobody now.
            if (member?.referral?.code !== pending.code) continue;
            if (!member.referral.firstVisitAt) firstShares.push(memberId);
            await tx.members.update(storeId, { ...member, referral: withClicks(member.referral, pending) });
          }
          if (firstShares.length > 0) await this.deps.payShares(tx, storeId, firstShares);
        });
      } catch (err) {
        this.deps.logger.warn({ err, storeId }, "referral clicks could not be written; they are tried again at the next flush");
        for (const [memberId, pending] of members) this.#putBack(storeId, memberId, pending);
      }
    }
  }

  #entry(storeId: number, memberId: string, code: string, at: string): PendingClicks {
    const store = this.#pending.get(storeId) ?? new Map<string, PendingClicks>();
    this.#pending.set(storeId, store);
    const pending = store.get(memberId) ?? { code, clicks: {}, adClicks: 0, couponSiteClicks: 0, firstAt: at };
    if (at < pending.firstAt) pending.firstAt = at;
    store.set(memberId, pending);
    return pending;
  }

  #putBack(storeId: number, memberId: string, failed: PendingClicks): void {
    const pending = this.#entry(storeId, memberId, failed.code, failed.firstAt);
    for (const [channel, count] of Object.entries(failed.clicks) as [ShareChannel, number][]) pending.clicks[channel] = (pending.clicks[channel] ?? 0) + count;
    pending.adClicks += failed.adClicks;
    pending.couponSiteClicks += failed.couponSiteClicks;
  }
}

function withClicks(referral: MemberReferral, pending: PendingClicks): MemberReferral {
  const clicks = { ...referral.clicks };
  for (const [channel, count] of Object.entries(pending.clicks) as [ShareChannel, number][]) clicks[channel] = (clicks[channel] ?? 0) + count;
  return {
    ...referral,
    clicks,
    firstVisitAt: referral.firstVisitAt ?? pending.firstAt,
    adClicks: referral.adClicks + pending.adClicks,
    couponSiteClicks: referral.couponSiteClicks + pending.couponSiteClicks,
  };
}
