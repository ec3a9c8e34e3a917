import { Router } from "express";
import type { CustomerGroupsService } from "../modules/tiers/customer-groups.service.js";
import { adminOf } from "./admin-auth.js";

/** Ecwid customer groups for linking tiers (mounted behind requireAdmin); a tier's link is saved with the program. */
export function adminCustomerGroupRoutes(deps: { customerGroups: CustomerGroupsService }): Router {
  const router = Router();

  router.get("/customer-groups", async (_req, res) => {
    res.json(await deps.customerGroups.list(adminOf(res.locals).storeId));
  });

  router.post("/customer-groups", async (req, res) => {
    res.status(201).json(await deps.customerGroups.create(adminOf(res.locals).storeId, req.body ?? {}));
  });

  /** Looks at every member's group again, e.g. once the store's plan has customer groups. */
  router.post("/customer-groups/sync", async (_req, res) => {
    res.status(202).json(await deps.customerGroups.sync(adminOf(res.locals).storeId));
  });

  return router;
}
