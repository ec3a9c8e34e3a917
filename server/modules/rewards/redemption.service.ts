import { z } from "zod";
import type { EcwidClient } from "../../ecwid/ecwid-client.js";
import type { EcwidCouponInput } from "../../ecwid/wire-types.js";
import type { Clock } from "../../lib/clock.js";
import { AppError, notFound } from "../../lib/errors.js";
import { fingerprint } from "../../lib/fingerprint.js";
import type { Logger } from "../../lib/logger.js";
import { enforceLimits, type RateLimiter, type RateLimiters } from "../../lib/rate-limit/rate-limiter.js";
import { parseInput, validationFailed } from "../../lib/validation.js";
import type { UnitOfWork } from "../../storage/storage.port.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { defaultProgramSettings } from "../settings/program-settings.js";
import type { ShopperPrincipal } from "../shoppers/shopper-session.service.js";
import type { InstallService } from "../stores/install.service.js";
import type { Redemption } from "./redemption.js";
import { newCouponCode, newRedemption } from "./redemption-record.js";
import { issueOnce, postRedeem, redeemFacts, redemptionView, release, spendable, type RedemptionTx } from "./redemption-steps.js";
import { couponFor, pointsProblem, rewardValueMinor, unavailableReason } from "./reward-availability.rules.js";
import { lowestCost } from "./reward-cost.rules.js";
import type { RedeemResponse, UnavailableReason } from "./reward-standing.js";

const bodySchema = z.strictObject({ points: z.number().int().positive().max(100_000_000).optional() });
const keySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

const REDEEM_LIMIT = { name: "redeem-member", points: 30, windowSeconds: 300, refusal: "Many redemptions in a short time. Try again in a few minutes." };

const REFUSALS: Record<UnavailableReason["code"], string> = {
  insufficient_points: "You do not have enough points for this reward yet.",
  limit_reached: "You have redeemed this reward as often as it allows.",
  not_available: "This reward is not available to you now.",
  points_pending: "Some of your points are still pending.",
};

const refusal = (reason: UnavailableReason) => new AppError(reason.code, REFUSALS[reason.code], { reason });

/** 200 a repeated Idempotency-Key, 201 issued (or an experience or donation taken), 202 pending: the job settles it. */
export interface RedeemOutcome {
  status: 200 | 201 | 202;
  body: RedeemResponse;
}

export interface RedemptionServiceDeps {
  storage: UnitOfWork<"redemptions" | "ledger" | "members" | "settings" | "webhooks">;
  ecwid: Pick<EcwidClient, "createCoupon" | "findCouponByCode" | "deleteCoupon">;
  installs: Pick<InstallService, "requireActive" | "accessToken">;
  catalog: Pick<CatalogService, "productPriceMinor">;
  rateLimiters: RateLimiters;
  clock: Clock;
  logger: Logger;
  newCode?: () => string;
  /** Told after the commit, once per redemption, that it is issued (the reward-issued email); must not throw. */
  onIssued?: (storeId: number, redemption: Redemption) => void;
}

/**
 * A shopper spends points on a reward. The points are held by a `pending` redemption in one store
 * transaction (where availability is checked, so racing requests cannot both spend the same points), the
 * single-use Ecwid coupon is made outside it, and Ecwid's answer issues it (the `redeem` debit) or releases
 * the hold. An answer lost in transit leaves it pending for the settle job. README: server/modules/rewards.
 */
export class RedemptionService {
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: RedemptionServiceDeps) {
    this.limiter = deps.rateLimiters(REDEEM_LIMIT);
  }

  async redeem(principal: ShopperPrincipal, rewardId: string, body: unknown, idempotencyKey: string | undefined): Promise<RedeemOutcome> {
    const { storeId, memberId } = principal;
    const input = parseInput(bodySchema, body ?? {});
    const key = idempotencyKey === undefined ? null : parseKey(idempotencyKey);
    await enforceLimits([[this.limiter, `${storeId}:${memberId}`]]);
    const install = await this.deps.installs.requireActive(storeId);
    const productPriceMinor = await this.freeProductPrice(principal, rewardId, input.points, install.currencyPrecision);
    const requestFingerprint = fingerprint({ rewardId, points: input.points ?? null });

    const start = await this.hold({ principal, rewardId, points: input.points, key, requestFingerprint, precision: install.currencyPrecision, productPriceMinor });
    if (start.kind === "replay") return { status: 200, body: { redemption: redemptionView(start.redemption), balance: start.balance } };
    if (!start.coupon) this.deps.onIssued?.(storeId, start.redemption);
    const settled = start.coupon ? await this.makeCoupon(storeId, start.redemption, start.coupon) : start.redemption;
    const balance = await this.deps.storage.read(storeId, (tx) => spendable(tx, storeId, memberId));
    const answer = { redemption: redemptionView(settled), balance };
    if (settled.status === "released") {
      throw new AppError("ecwid_unavailable", `Ecwid could not make your coupon, so your points are back. ${settled.reason ?? ""}`.trim(), answer);
    }
    return { status: settled.status === "pending" ? 202 : 201, body: answer };
  }

  /**
   * The store transaction where the points are held: a repeated key answers its redemption, a refusal throws
   * and writes nothing, else a redemption is inserted (pending with its coupon body, or an experience or
   * donation taken at once with its debit).
   */
  private hold(request: {
    principal: ShopperPrincipal;
    rewardId: string;
    points: number | undefined;
    key: string | null;
    requestFingerprint: string;
    precision: number;
    productPriceMinor: number | null;
  }) {
    const { principal, rewardId, key, requestFingerprint, precision, productPriceMinor } = request;
    const { storeId, memberId } = principal;
    return this.deps.storage.transaction(storeId, async (tx) => {
      const now = this.deps.clock.now();
      if (key) {
        const earlier = await tx.redemptions.findByRequestKey(storeId, memberId, key);
        if (earlier && earlier.requestFingerprint !== requestFingerprint) {
          throw new AppError("idempotency_key_reused", "This Idempotency-Key was used for a different redemption");
        }
        if (earlier) return { kind: "replay" as const, redemption: earlier, coupon: null, balance: await spendable(tx, storeId, memberId) };
      }
      const settings = (await tx.settings.get(storeId)) ?? defaultProgramSettings(precision);
      const reward = settings.rewards.find((candidate) => candidate.id === rewardId);
      if (!reward) throw notFound(`No reward ${rewardId}`);
      const problem = pointsProblem(reward, request.points);
      if (problem) throw validationFailed([{ path: ["points"], code: "invalid_value", message: problem }]);
      const member = await tx.members.get(storeId, memberId);
      if (!member) throw new AppError("unauthorized", "Your membership was not found; sign in again");

      const points = request.points ?? lowestCost(reward);
      if (reward.kind === "free_product" && productPriceMinor === null) throw refusal({ code: "not_available", why: "ended" });
      const valueMinor = rewardValueMinor(reward, points, productPriceMinor);
      const reason = unavailableReason(reward, await redeemFacts(tx, storeId, member, settings.tiers, reward, now), points, valueMinor);
      if (reason) throw refusal(reason);

      const code = reward.kind === "experience" || reward.kind === "donation" ? null : (this.deps.newCode ?? newCouponCode)();
      const coupon = code ? couponFor(reward, { code, now, precision: precision, points, ...(productPriceMinor === null ? {} : { productPriceMinor }) }) : null;
      const redemption = newRedemption({ storeId, memberId, reward, points, valueMinor, now, key, requestFingerprint, coupon });
      await tx.redemptions.insert(storeId, redemption);
      // An experience or a donation needs nothing from Ecwid: it is taken at once and the merchant fulfils it.
      if (!coupon) await postRedeem(tx, storeId, redemption, now);
      return { kind: "new" as const, redemption, coupon };
    });
  }

  /**
   * Asks Ecwid for the coupon and books its answer. A definite refusal releases the hold; a lost answer is
   * looked up once by its code, and stays pending (points held) when Ecwid cannot say yet.
   */
  private async makeCoupon(storeId: number, redemption: Redemption, coupon: EcwidCouponInput): Promise<Redemption> {
    const now = () => this.deps.clock.now();
    const write = <T>(work: (tx: RedemptionTx) => Promise<T>) => this.deps.storage.transaction(storeId, work);
    const token = await this.deps.installs.accessToken(storeId);
    const made = await this.deps.ecwid.createCoupon(storeId, token, coupon);
    const issueNow = async (ecwidId: number | null) => {
      const { redemption: issued, changed } = await this.deps.storage.transaction(storeId, (tx) => issueOnce(tx, storeId, redemption.id, ecwidId, now()));
      if (changed) this.deps.onIssued?.(storeId, issued);
      // The settle job gave the points back while this call was on its way (a slow Ecwid, another process):
      // the coupon that landed must not outlive its hold.
      if (issued.status === "released") await this.withdraw(storeId, token, ecwidId ?? coupon.code, redemption.id);
      return issued;
    };
    const log = { storeId, redemptionId: redemption.id, outcome: made.outcome };
    if (made.outcome === "created") return issueNow(made.id);
    if (made.outcome === "refused" && !made.mayHaveLanded) {
      this.deps.logger.warn({ ...log, status: made.status, errorCode: made.errorCode }, "Ecwid refused a reward coupon");
      return (await write((tx) => release(tx, storeId, redemption.id, `Ecwid refused the coupon: ${made.message}`, now()))).redemption;
    }
    // Duplicate (perhaps our own lost first attempt), or no answer: the code says whether the coupon exists.
    const found = await this.deps.ecwid.findCouponByCode(storeId, token, coupon.code).catch(() => undefined);
    this.deps.logger.info({ ...log, found: found === undefined ? "unknown" : Boolean(found) }, "coupon looked up after an unclear answer");
    if (found) return issueNow(found.id);
    if (found === null && made.outcome === "duplicate") {
      return (await write((tx) => release(tx, storeId, redemption.id, "The coupon code was already taken in Ecwid.", now()))).redemption;
    }
    return redemption;
  }

  /** Deletes a coupon whose redemption was released; one left behind is logged for the merchant to delete. */
  private async withdraw(storeId: number, token: string, idOrCode: number | string, redemptionId: string): Promise<void> {
    try {
      await this.deps.ecwid.deleteCoupon(storeId, token, idOrCode);
      this.deps.logger.warn({ storeId, redemptionId }, "a coupon landed after its redemption was released, and was deleted");
    } catch (err) {
      this.deps.logger.error({ err, storeId, redemptionId }, "a coupon landed after its redemption was released and could not be deleted");
    }
  }

  /**
   * A free product's price now, read before the store transaction (never call Ecwid inside it); null for other
   * kinds or a product gone. Ecwid is asked only when the member could redeem it now, so a shopper refused again
   * and again costs the store's Ecwid quota nothing; what is wrong with the request itself the hold answers.
   */
  private async freeProductPrice(principal: ShopperPrincipal, rewardId: string, points: number | undefined, precision: number): Promise<number | null> {
    const { storeId, memberId } = principal;
    const productId = await this.deps.storage.read(storeId, async (tx) => {
      const settings = (await tx.settings.get(storeId)) ?? defaultProgramSettings(precision);
      const reward = settings.rewards.find((candidate) => candidate.id === rewardId);
      const member = await tx.members.get(storeId, memberId);
      if (reward?.kind !== "free_product" || pointsProblem(reward, points) || !member) return null;
      const reason = unavailableReason(reward, await redeemFacts(tx, storeId, member, settings.tiers, reward, this.deps.clock.now()), reward.costPoints, null);
      if (reason) throw refusal(reason);
      return reward.productId;
    });
    if (productId === null) return null;
    try {
      return await this.deps.catalog.productPriceMinor(storeId, productId);
    } catch (err) {
      // Whatever stood in the way (Ecwid down, a scope the merchant must grant), the shopper can only try later.
      this.deps.logger.warn({ err, storeId, rewardId }, "a free product's price could not be read");
      throw new AppError("ecwid_unavailable", "Ecwid could not tell the product's price; nothing was spent. Try again shortly.");
    }
  }
}

function parseKey(raw: string): string {
  const parsed = keySchema.safeParse(raw);
  if (!parsed.success) throw validationFailed([{ path: ["Idempotency-Key"], code: "invalid_format", message: "must be 1 to 200 printable characters without spaces" }]);
  return parsed.data;
}
