import { Router } from "express";
import type { HoldoutInsightsService } from "../modules/holdout/holdout-insights.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";

/** `GET /insights/holdout`: members in the program against members held out, with the sample sizes. */
export function adminHoldoutRoutes(deps: { holdoutInsights: HoldoutInsightsService }): Router {
  const router = Router();

  router.get(
    "/insights/holdout",
    describeRoute({ tag: "Insights", summary: "Is it working? Repeat-purchase rate and spend of members against members held out, with the sample sizes" }),
    async (_req, res) => {
      const { storeId } = adminOf(res.locals);
      res.json(await deps.holdoutInsights.compare(storeId));
    },
  );

  return router;
}
