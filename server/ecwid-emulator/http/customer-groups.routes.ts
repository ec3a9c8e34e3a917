import { Router } from "express";
import { z } from "zod";
import { assertEditableGroup, assertGroupsFeature, createGroup, deleteGroup, requireGroup } from "../customer-book.js";
import type { EmulatorState } from "../emulator-state.js";
import { listParam, paginate } from "../list-query.js";
import { jsonBodyOf } from "./body-readers.js";
import { parseBody } from "./parse-body.js";
import { queryOf, sendJson, storeOf } from "./request-context.js";
import { requireScopes } from "./rest-guards.js";

const groupSchema = z.object({ name: z.string().trim().min(1), externalReferenceId: z.string().optional() });

/** Customer groups, the VIP tiers (CONTRACT §4.8). Group 0 "General" always exists and cannot change; a plan without the feature is refused. */
export function customerGroupsRoutes(state: EmulatorState): Router {
  const router = Router({ mergeParams: true });
  const canRead = requireScopes(["read_customers"]);
  const canUpdate = requireScopes(["update_customers"]);
  router.use("/customer_groups", (_req, res, next) => {
    assertGroupsFeature(storeOf(res));
    next();
  });

  router.get("/customer_groups", canRead, (req, res) => {
    const query = queryOf(req);
    const ids = listParam(query, "customerGroupId")?.map(Number);
    const keyword = query.keyword?.toLowerCase();
    const groups = [...storeOf(res).groups.values()]
      .filter((g) => (!ids || ids.includes(g.id)) && (!keyword || g.name.toLowerCase().includes(keyword)))
      .sort((a, b) => a.id - b.id);
    sendJson(req, res, paginate(groups, query));
  });

  router.get("/customer_groups/:groupId", canRead, (req, res) => {
    sendJson(req, res, requireGroup(storeOf(res), String(req.params.groupId)));
  });

  router.post("/customer_groups", requireScopes(["create_customers"]), (req, res) => {
    const input = parseBody(groupSchema, jsonBodyOf(req));
    const group = createGroup(state, storeOf(res), input);
    sendJson(req, res, { id: group.id });
  });

  router.put("/customer_groups/:groupId", canUpdate, (req, res) => {
    const group = requireGroup(storeOf(res), String(req.params.groupId));
    assertEditableGroup(group);
    const input = parseBody(groupSchema.partial(), jsonBodyOf(req));
    if (input.name !== undefined) group.name = input.name;
    if (input.externalReferenceId !== undefined) group.externalReferenceId = input.externalReferenceId;
    sendJson(req, res, { updateCount: 1 });
  });

  router.delete("/customer_groups/:groupId", canUpdate, (req, res) => {
    const store = storeOf(res);
    deleteGroup(state, store, requireGroup(store, String(req.params.groupId)));
    sendJson(req, res, { deleteCount: 1 });
  });

  return router;
}
