import { Router } from "express";
import { paginate } from "../list-query.js";
import { requireOrder } from "../order-book.js";
import { searchOrders } from "../order-search.js";
import { queryOf, sendJson, storeOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

/** Read-only orders (CONTRACT §4.6); orders are created through the control API, as checkouts would. */
export function ordersRoutes(): Router {
  const router = Router({ mergeParams: true });
  const canRead = requireScopes(["read_orders"]);

  router.get("/orders", canRead, (req, res) => {
    const query = queryOf(req);
    sendJson(req, res, paginate(searchOrders(storeOf(res), query), query));
  });

  router.get("/orders/:orderId", canRead, (req, res) => {
    sendJson(req, res, requireOrder(storeOf(res), String(req.params.orderId)).order);
  });

  return router;
}
