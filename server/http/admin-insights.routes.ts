import { Router } from "express";
import { OnePerStore } from "../lib/one-at-a-time.js";
import { overviewQuerySchema } from "../modules/insights/overview-schema.js";
import { storeOverview } from "../modules/insights/overview.service.js";
import type { InstallService } from "../modules/stores/install.service.js";
import type { Storage } from "../storage/storage.port.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

/** `GET /insights/overview?from&to`: the merchant's overview of a range of the store's days (behind requireAdmin). */
export function adminInsightsRoutes(deps: { storage: Storage; installs: Pick<InstallService, "requireActive"> }): Router {
  const router = Router();
  const summing = new OnePerStore("An overview of this store is still being summed; ask again once it has answered.");

  router.get(
    "/insights/overview",
    describeRoute({
      tag: "Insights",
      summary: "The overview of a range of the store's days: members, points and their worth, orders of members and without one, referrals, NPS, tops and daily or weekly series",
      query: overviewQuerySchema,
    }),
    async (req, res) => {
      const { storeId } = adminOf(res.locals);
      const query = parseInput(overviewQuerySchema, req.query);
      res.json(await summing.run(storeId, () => storeOverview(deps, storeId, query)));
    },
  );

  return router;
}
