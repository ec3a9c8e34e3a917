import { Router } from "express";
import type { OrderFetchService } from "../modules/simulations/order-fetch.service.js";
import { simulationRequestSchema } from "../modules/simulations/simulation.js";
import type { SimulationService } from "../modules/simulations/simulation.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";

const tag = "Cost simulator";

/**
 * The cost simulator (mounted behind requireAdmin): the store's last 12 months of orders fetched from Ecwid in the
 * background (`POST` starts or refreshes, `GET` says how far it is), and a proposed program's figures over them.
 */
export function adminSimulationRoutes(deps: { orderFetches: OrderFetchService; simulations: SimulationService }): Router {
  const router = Router();

  router.post(
    "/simulations/orders",
    describeRoute({ tag, summary: "Fetch (or refresh) the last 12 months of orders from Ecwid, in the background", answer: { status: 202 } }),
    async (_req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      res.status(202).json({ fetch: await deps.orderFetches.start(storeId, actor) });
    },
  );

  router.get("/simulations/orders", describeRoute({ tag, summary: "How far the orders fetch is" }), async (_req, res) => {
    res.json({ fetch: await deps.orderFetches.get(adminOf(res.locals).storeId) });
  });

  router.post(
    "/simulations",
    describeRoute({
      tag,
      summary: "What a proposed program would have issued and cost over the fetched orders, beside the current one (changes nothing)",
      body: simulationRequestSchema,
    }),
    async (req, res) => {
      res.json(await deps.simulations.simulate(adminOf(res.locals).storeId, req.body ?? {}));
    },
  );

  return router;
}
