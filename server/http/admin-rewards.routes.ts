import { Router } from "express";
import { z } from "zod";
import type { Clock } from "../lib/clock.js";
import { donationTotals, fulfilRedemption, listRedemptions, payOutDonations, payoutSchema, redemptionQuerySchema } from "../modules/rewards/redemption-admin.js";
import type { Storage } from "../storage/storage.port.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const redemptionParams = z.object({ redemptionId: z.string().min(1).max(64) });

/** The merchant's side of rewards: redemptions, fulfilling experiences and paying out donations (mounted behind requireAdmin). */
export function adminRewardsRoutes(deps: { storage: Storage; clock: Clock }): Router {
  const router = Router();

  router.get("/redemptions", describeRoute({ tag: "Rewards", summary: "Rewards shoppers redeemed", query: redemptionQuerySchema }), async (req, res) => {
    res.json(await listRedemptions(deps.storage, adminOf(res.locals).storeId, parseInput(redemptionQuerySchema, req.query)));
  });

  router.post("/redemptions/:redemptionId/fulfil", describeRoute({ tag: "Rewards", summary: "Mark an experience reward as given", params: redemptionParams }), async (req, res) => {
    const { storeId, actor } = adminOf(res.locals);
    const { redemptionId } = parseInput(redemptionParams, req.params);
    const { redemption } = await fulfilRedemption(deps.storage, storeId, redemptionId, actor, deps.clock.now());
    res.json(redemption);
  });

  router.get("/donations", describeRoute({ tag: "Rewards", summary: "Points pledged to each donation reward, paid out or not" }), async (_req, res) => {
    res.json(await donationTotals(deps.storage, adminOf(res.locals).storeId));
  });

  router.post("/donations/payout", describeRoute({ tag: "Rewards", summary: "Record donations as paid out", body: payoutSchema }), async (req, res) => {
    const { storeId, actor } = adminOf(res.locals);
    const { rewardIds } = parseInput(payoutSchema, req.body ?? {});
    res.json(await payOutDonations(deps.storage, storeId, rewardIds, actor, deps.clock.now()));
  });

  return router;
}
