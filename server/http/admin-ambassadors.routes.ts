import { Router } from "express";
import type { Clock } from "../lib/clock.js";
import { ambassadorBlockSchema, setAmbassadorBlock } from "../modules/referrals/ambassador-block.js";
import type { UnitOfWork } from "../storage/storage.port.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";
import { memberParams } from "./route-params.js";

/** `/api/admin/members/:memberId/referral/block`: the merchant blocks an ambassador (PUT, with a reason) or lifts it (DELETE). */
export function adminAmbassadorRoutes(deps: { storage: UnitOfWork<"members" | "audit">; clock: Clock }): Router {
  const router = Router();

  router.put(
    "/members/:memberId/referral/block",
    describeRoute({ tag: "Referrals", summary: "Block an ambassador, with a reason", params: memberParams, body: ambassadorBlockSchema }),
    async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const { memberId } = parseInput(memberParams, req.params);
      const block = parseInput(ambassadorBlockSchema, req.body ?? {});
      res.json(await setAmbassadorBlock(deps, storeId, memberId, block, actor));
    },
  );

  router.delete("/members/:memberId/referral/block", describeRoute({ tag: "Referrals", summary: "Lift an ambassador's block", params: memberParams }), async (req, res) => {
    const { storeId, actor } = adminOf(res.locals);
    const { memberId } = parseInput(memberParams, req.params);
    res.json(await setAmbassadorBlock(deps, storeId, memberId, null, actor));
  });

  return router;
}
