import { Router } from "express";
import { newGroupSchema, type CustomerGroupsService } from "../modules/tiers/customer-groups.service.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";

/** Ecwid customer groups for linking tiers (mounted behind requireAdmin); a tier's link is saved with the program. */
export function adminCustomerGroupRoutes(deps: { customerGroups: CustomerGroupsService }): Router {
  const router = Router();

  router.get("/customer-groups", describeRoute({ tag: "Tiers", summary: "The store's Ecwid customer groups" }), async (_req, res) => {
    res.json(await deps.customerGroups.list(adminOf(res.locals).storeId));
  });

  router.post("/customer-groups", describeRoute({ tag: "Tiers", summary: "Make an Ecwid customer group", body: newGroupSchema, answer: { status: 201 } }), async (req, res) => {
    res.status(201).json(await deps.customerGroups.create(adminOf(res.locals).storeId, req.body ?? {}));
  });

  /** Looks at every member's group again, e.g. once the store's plan has customer groups. */
  router.post(
    "/customer-groups/sync",
    describeRoute({ tag: "Tiers", summary: "Put every member in their tier's customer group again", answer: { status: 202 } }),
    async (_req, res) => {
      res.status(202).json(await deps.customerGroups.sync(adminOf(res.locals).storeId));
    },
  );

  return router;
}
