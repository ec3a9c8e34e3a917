import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { Member, ReferralCouponTerms } from "../members/member.js";
import type { InstallService } from "../stores/install.service.js";
import { friendCoupon, friendOfferKey } from "./friend-coupon.rules.js";
import type { MemberReferral } from "./referral.js";

/** Coupons one store's pass brings in step, so a store with many ambassadors shares the minute with the others. */
const BATCH = 25;

type Outcome = "synced" | "later" | "refused";

/**
 * Keeps each ambassador's code an Ecwid coupon with the friend's offer, run every minute by the jobs: made when a
 * code has none, rewritten when the merchant changes the offer, PAUSED while the ambassador is blocked or the
 * program is off (friends are not given a discount that pays nobody) and ACTIVE again after. Ecwid is called
 * outside any transaction; what it answered is written to the member under the store's lock, re-read first. A
 * lost answer is harmless: the next pass asks again, a coupon that landed meanwhile answers 409 and is found by its
 * code, and a rewrite says the same thing twice. So processes sharing PostgreSQL may run it at once.
 */
export class ReferralCouponService {
  constructor(
    private readonly deps: {
      storage: UnitOfWork<"members" | "settings">;
      /** The stores that may have ambassadors. */
      stores: () => Promise<number[]>;
      ecwid: Pick<EcwidClient, "createCoupon" | "findCouponByCode" | "updateCoupon">;
      installs: Pick<InstallService, "requireActive" | "accessToken">;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Every store in turn; one store's failure is logged and does not stop the others. Answers the coupons brought in step. */
  async syncAll(): Promise<number> {
    let synced = 0;
    for (const storeId of await this.deps.stores()) {
      try {
        synced += await this.syncStore(storeId);
      } catch (err) {
        if (err instanceof AppError && err.code === "store_not_installed") continue;
        this.deps.logger.error({ err, storeId }, "referral coupons failed");
      }
    }
    return synced;
  }

  async syncStore(storeId: number): Promise<number> {
    const work = await this.deps.storage.read(storeId, async (tx) => {
      const referrals = (await tx.settings.get(storeId))?.referrals;
      if (!referrals) return null;
      const terms: ReferralCouponTerms = { offerKey: friendOfferKey(referrals.friendOffer), enabled: referrals.enabled };
      return { referrals, terms, due: await tx.members.referralCouponsDue(storeId, terms, BATCH) };
    });
    if (!work || work.due.length === 0) return 0;
    const { referrals, terms, due } = work;
    const install = await this.deps.installs.requireActive(storeId);
    const token = await this.deps.installs.accessToken(storeId);
    let synced = 0;
    for (const member of due) {
      const referral = member.referral!;
      const active = terms.enabled && referral.blocked === null;
      const coupon = friendCoupon(referrals.friendOffer, { code: referral.code, storeName: install.storeName, precision: install.currencyPrecision, active });
      const outcome = await this.sync(storeId, token, member, coupon, { offerKey: terms.offerKey, active }).catch((err: unknown) => {
        this.deps.logger.warn({ err, storeId, memberId: member.id }, "referral coupon not brought in step");
        return "refused" as const;
      });
      if (outcome === "synced") synced += 1;
      // A refusal (a scope the merchant took away) or an Ecwid that does not answer would repeat for every code: the next pass tries again.
      if (outcome === "refused") break;
    }
    if (synced > 0) this.deps.logger.info({ storeId, synced, due: due.length }, "referral coupons brought in step");
    return synced;
  }

  private async sync(storeId: number, token: string, member: Member, coupon: ReturnType<typeof friendCoupon>, state: { offerKey: string; active: boolean }): Promise<Outcome> {
    const { code } = coupon;
    let ecwidId = member.referral!.coupon?.ecwidId ?? null;
    if (ecwidId !== null && (await this.deps.ecwid.updateCoupon(storeId, token, ecwidId, coupon)) === "absent") ecwidId = null;
    if (ecwidId === null) {
      const made = await this.deps.ecwid.createCoupon(storeId, token, coupon);
      if (made.outcome === "refused") {
        this.deps.logger.warn({ storeId, memberId: member.id, status: made.status, message: made.message }, "Ecwid refused a referral coupon");
        return "refused";
      }
      if (made.outcome === "unknown") return "later";
      if (made.outcome === "created") ecwidId = made.id;
      else {
        // 409: an earlier call whose answer was lost made it (perhaps with older terms), so it is found and rewritten.
        const found = await this.deps.ecwid.findCouponByCode(storeId, token, code);
        if (!found) return "later";
        await this.deps.ecwid.updateCoupon(storeId, token, found.id, coupon);
        ecwidId = found.id;
      }
    }
    await this.record(storeId, member.id, code, { ecwidId, ...state, syncedAt: this.deps.clock.now().toISOString() });
    return "synced";
  }

  /** Writes what Ecwid holds now on the member, unless their code changed meanwhile. */
  private record(storeId: number, memberId: string, code: string, coupon: NonNullable<MemberReferral["coupon"]>): Promise<void> {
    return this.deps.storage.transaction(storeId, async (tx) => {
      const member = await tx.members.get(storeId, memberId);
      if (member?.referral?.code !== code) return;
      await tx.members.update(storeId, { ...member, referral: { ...member.referral, coupon }, updatedAt: coupon.syncedAt });
    });
  }
}
